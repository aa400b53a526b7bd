import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { statsApi, type AfResponse } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { formatRatio, sumContributions } from '../../lib/stats-format.ts';
import { roundReferenceDate } from '../../lib/rounds-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { UnitTreeSelect } from '../registry/unit-tree-select.tsx';
import { EChart } from './echart.tsx';
import type { EChartsCoreOption } from './echarts-setup.ts';
import { ExportButton, PrintButton, StatsStyles, YearSelect, useRoundYears } from './stats-common.tsx';

interface IndicatorRow {
  code: string;
  name: string;
  dimension: string;
  censored: number;
  contribution: number;
}

type GroupRow = AfResponse['decomposition']['units'][number];

function indicatorRows(af: AfResponse): IndicatorRow[] {
  return af.indicators
    .map((i) => ({
      code: i.code,
      name: i.name,
      dimension: i.dimension,
      censored: af.censoredHeadcount[i.code] ?? 0,
      contribution: af.contribution[i.code] ?? 0,
    }))
    .sort((a, b) => b.contribution - a.contribution);
}

function contributionOption(rows: IndicatorRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${formatPercent(p.value)}` },
    legend: { type: 'scroll', orient: 'horizontal', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: 'Đóng góp vào M0',
        radius: ['28%', '55%'],
        center: ['50%', '44%'],
        label: { formatter: (p: { value: number }) => formatPercent(p.value, 1) },
        data: rows.map((r) => ({ name: r.name, value: Math.round(r.contribution * 100) / 100 })),
      },
    ],
  };
}

function censoredOption(rows: IndicatorRow[]): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v) : '') },
    grid: { left: 230, right: 56, top: 16, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v.toLocaleString('vi-VN')}%` } },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: 'Tỷ lệ hộ nghèo đa chiều thiếu hụt',
        data: ordered.map((r) => Math.round(r.censored * 10000) / 100),
        itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatPercent(p.value) },
      },
    ],
  };
}

function GroupTable({ title, rows }: { title: string; rows: GroupRow[] }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Table<GroupRow>
        size="small"
        rowKey="group"
        pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        dataSource={rows}
        summary={() => (
          // Every group of the decomposition, whichever page is shown: the shares and contributions add up to 100%.
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>Cộng</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatRatio(rows.reduce((s, r) => s + r.populationShare, 0))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={3} />
            <Table.Summary.Cell index={5} align="right">
              <strong>{formatPercent(rows.reduce((s, r) => s + r.contributionToM0, 0))}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: 'Nhóm', dataIndex: 'label' },
          { title: 'Tỷ trọng số hộ', key: 'share', align: 'right', render: (_, r) => formatRatio(r.populationShare) },
          { title: 'H', key: 'H', align: 'right', render: (_, r) => formatRatio(r.H) },
          { title: 'A', key: 'A', align: 'right', render: (_, r) => formatRatio(r.A) },
          { title: 'M0', key: 'M0', align: 'right', render: (_, r) => formatNumber(r.M0, 4) },
          { title: 'Đóng góp vào M0', key: 'c', align: 'right', render: (_, r) => formatPercent(r.contributionToM0) },
        ]}
      />
    </Card>
  );
}

export default function AfPage() {
  const [params, setParams] = useSearchParams();
  const { years, isDemo } = useRoundYears();
  const unitCode = params.get('don-vi') ?? '20';
  const year = Number(params.get('nam')) || years.find((y) => y < new Date().getFullYear()) || 2017;
  const set = (next: Record<string, string>) => setParams({ 'don-vi': unitCode, nam: String(year), ...next }, { replace: true });
  const filter = { unitCode, year };
  const { data, error } = useApi(() => statsApi.af(filter), [unitCode, year]);
  const rows = useMemo(() => (data ? indicatorRows(data) : []), [data]);
  const total = data ? sumContributions(data.contribution) : 0;

  return (
    <div>
      <StatsStyles />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            Nghèo đa chiều {data ? `– ${data.unitName}, năm ${data.year}` : ''}
          </Typography.Title>
          <DemoTag show={isDemo} />
        </Space>
        <PrintButton />
      </Space>
      <Card style={{ marginBottom: 16 }} className="no-print">
        <Space wrap size="middle">
          <UnitTreeSelect
            value={unitCode}
            onChange={(code) => set({ 'don-vi': code ?? '20' })}
            asOf={roundReferenceDate(year)}
            allowClear={false}
            placeholder="Đơn vị"
            style={{ width: 340 }}
          />
          <YearSelect value={year} years={years} onChange={(y) => set({ nam: String(y) })} />
        </Space>
      </Card>
      <Typography.Paragraph type="secondary">
        Phương pháp Alkire–Foster: hộ nghèo đa chiều là hộ thiếu hụt từ k chỉ số trở lên (trọng số bằng nhau). H là tỷ lệ hộ
        nghèo đa chiều, A là mức độ thiếu hụt bình quân của các hộ đó, M0 = H × A. Mức đóng góp cho biết chỉ số nào làm nên
        tình trạng nghèo của đơn vị, để ưu tiên đầu tư.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {!data || data.unitCode !== unitCode || data.year !== year ? (
        error ? null : <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="af-headline">
            <Col xs={12} md={6}>
              <Card>
                <Statistic className="af-h" title="H – tỷ lệ hộ nghèo đa chiều" value={formatRatio(data.H)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic className="af-a" title="A – mức độ thiếu hụt bình quân" value={formatRatio(data.A)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic className="af-m0" title="M0 = H × A" value={formatNumber(data.M0, 4)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={`Hộ thiếu hụt từ ${formatNumber(data.k)} chỉ số`}
                  value={formatNumber(data.poorHouseholds)}
                  suffix={`/ ${formatNumber(data.households)} hộ`}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="Đóng góp của từng chỉ số vào M0" size="small" style={{ marginBottom: 16 }}>
                <EChart option={contributionOption(rows)} height={400} label="Biểu đồ tròn đóng góp của các chỉ số vào M0" className="af-pie" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="Tỷ lệ hộ nghèo đa chiều thiếu hụt từng chỉ số (censored headcount)" size="small" style={{ marginBottom: 16 }}>
                <EChart option={censoredOption(rows)} height={400} label="Biểu đồ cột tỷ lệ thiếu hụt theo chỉ số" />
              </Card>
            </Col>
          </Row>
          <Card
            title="Các chỉ số thiếu hụt"
            style={{ marginBottom: 16 }}
            extra={<ExportButton path={statsApi.afExportPath(filter)} fileName={`ngheo-da-chieu-${unitCode}-${year}.xlsx`} />}
          >
            <Table<IndicatorRow>
              className="af-indicators"
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={rows}
              summary={() => (
                <Table.Summary.Row className="af-total">
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>Tổng đóng góp</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <strong className="af-contribution-total">{formatPercent(total)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              columns={[
                { title: 'Chiều', dataIndex: 'dimension', width: 180 },
                { title: 'Chỉ số', dataIndex: 'name' },
                { title: 'Tỷ lệ thiếu hụt (đã kiểm duyệt)', key: 'censored', align: 'right', render: (_, r) => formatRatio(r.censored) },
                { title: 'Đóng góp vào M0', key: 'contribution', align: 'right', render: (_, r) => formatPercent(r.contribution) },
              ]}
            />
          </Card>
          {data.decomposition.units.length > 0 ? <GroupTable title="Phân rã theo đơn vị trực thuộc" rows={data.decomposition.units} /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <GroupTable title="Phân rã theo dân tộc" rows={data.decomposition.ethnicMinority} />
            </Col>
            <Col xs={24} xl={12}>
              <GroupTable title="Phân rã theo khu vực" rows={data.decomposition.area} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
