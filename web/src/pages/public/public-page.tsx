// The public page (no login): each commune's poor and near-poor rates of an approved round and their trend. Only
// aggregated figures are shown, and a cell that stands on fewer than 5 households is withheld ("—").
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Input, Layout, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { matchesSearch } from '../../../../src/shared/vi-text.ts';
import { formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { publicApi, type PublicCommunesResponse } from '../../api/endpoints.ts';
import { appName, tagline } from '../../branding.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { formatRate } from '../../lib/stats-format.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths } from '../../paths.ts';
import { EChart } from '../stats/echart.tsx';
import type { EChartsCoreOption } from '../stats/echarts-setup.ts';
import { ExportButton, StatsStyles } from '../stats/stats-common.tsx';
import { TrendSparkline } from './trend-sparkline.tsx';

type CommuneRow = PublicCommunesResponse['communes'][number];

const suppressedNote = '(dưới 5 hộ, không công bố)';

function Withheld() {
  return (
    <span className="suppressed-cell" title="Dưới 5 hộ: không công bố để không nhận ra được hộ nào">
      —
    </span>
  );
}

function trendOption(row: CommuneRow): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v) : 'không công bố') },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: row.trend.map((t) => String(t.year)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => `${v.toLocaleString('vi-VN')}%` } },
    series: [
      { name: 'Tỷ lệ hộ nghèo', type: 'line', data: row.trend.map((t) => t.poorRate), itemStyle: { color: '#cf1322' }, connectNulls: false },
      { name: 'Tỷ lệ hộ cận nghèo', type: 'line', data: row.trend.map((t) => t.nearPoorRate), itemStyle: { color: '#d48806' }, connectNulls: false },
    ],
  };
}

export default function PublicPage() {
  const [year, setYear] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const { data, error, loading } = useApi(() => publicApi.communes(year ?? undefined), [year]);
  const rows = useMemo(
    () => (data?.communes ?? []).filter((c) => !query.trim() || matchesSearch(`${c.name} ${c.districtName ?? ''}`, query)),
    [data, query],
  );
  const selected = data?.communes.find((c) => c.code === chosen) ?? null;
  const withheld = data?.communes.filter((c) => c.suppressed).length ?? 0;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <StatsStyles />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, flex: 1, minWidth: 0 }}>
          <Typography.Text style={{ color: '#fff', fontSize: 22, fontWeight: 700 }}>{appName} – Công khai</Typography.Text>
          <Typography.Text style={{ color: '#d6e6f7', fontSize: 13 }} ellipsis>
            {tagline}
          </Typography.Text>
        </div>
        <Link to={paths.login} className="no-print">
          <Button icon={<LoginOutlined />}>Đăng nhập</Button>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Space align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Tỷ lệ hộ nghèo, hộ cận nghèo các xã, phường {data ? `năm ${data.year}` : ''}
          </Typography.Title>
          <DemoTag show={Boolean(data?.isDemo)} />
        </Space>
        {error && !data ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
        {!data ? (
          error ? null : <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{data.note}</Typography.Paragraph>
            <Card style={{ marginBottom: 16 }}>
              <Row gutter={[16, 16]} align="middle">
                <Col xs={24} md={6}>
                  <Space>
                    <span>Năm</span>
                    <Select<number>
                      aria-label="Năm công bố"
                      value={data.year}
                      onChange={(y) => setYear(y)}
                      style={{ width: 120 }}
                      loading={loading}
                      options={[...data.years].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))}
                    />
                  </Space>
                </Col>
                <Col xs={8} md={5}>
                  <Statistic title={data.province.name} value={data.province.households === null ? '—' : formatNumber(data.province.households)} suffix="hộ" />
                </Col>
                <Col xs={8} md={5}>
                  <Statistic title="Tỷ lệ hộ nghèo" value={formatRate(data.province.poorRate)} />
                </Col>
                <Col xs={8} md={5}>
                  <Statistic title="Tỷ lệ hộ cận nghèo" value={formatRate(data.province.nearPoorRate)} />
                </Col>
              </Row>
            </Card>
            {selected ? (
              <Card title={`Xu hướng: ${selected.name}`} style={{ marginBottom: 16 }} extra={<Button onClick={() => setChosen(null)}>Đóng</Button>}>
                <EChart option={trendOption(selected)} height={300} label={`Tỷ lệ hộ nghèo, cận nghèo của ${selected.name} qua các năm`} className="public-trend" />
                {selected.trend.some((t) => t.suppressed) ? (
                  <Typography.Text type="secondary">Năm không có điểm: {suppressedNote}.</Typography.Text>
                ) : null}
              </Card>
            ) : null}
            <Card
              title={`Các xã, phường (${formatNumber(data.communes.length)})`}
              extra={
                <Space className="no-print">
                  <Input.Search allowClear placeholder="Tìm xã, phường (có dấu hay không dấu)" aria-label="Tìm xã" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 300 }} />
                  <ExportButton path={publicApi.communesExportPath(data.year)} fileName={`ty-le-ho-ngheo-cac-xa-${data.year}.xlsx`} />
                </Space>
              }
            >
              {withheld > 0 ? (
                <Typography.Paragraph className="suppressed-note">
                  Dấu “—”: {suppressedNote}. {formatNumber(withheld)} xã, phường có ô không công bố trong năm {data.year}.
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph type="secondary">Dấu “—” nếu có: {suppressedNote}.</Typography.Paragraph>
              )}
              <Table<CommuneRow>
                className="public-table"
                size="small"
                rowKey="code"
                dataSource={rows}
                pagination={{ pageSize: 30, showSizeChanger: false, showTotal: (t) => `${formatNumber(t)} xã, phường` }}
                onRow={(r) => ({ onClick: () => setChosen(r.code), className: 'stats-clickable-row' })}
                scroll={{ x: 900 }}
                columns={[
                  {
                    title: 'Xã, phường',
                    key: 'name',
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        <Typography.Link>{r.name}</Typography.Link>
                        {r.districtName ? <Typography.Text type="secondary">{r.districtName}</Typography.Text> : null}
                      </Space>
                    ),
                  },
                  { title: 'Số hộ', key: 'households', align: 'right', render: (_, r) => (r.households === null ? <Withheld /> : formatNumber(r.households)) },
                  { title: 'Hộ nghèo', key: 'poor', align: 'right', render: (_, r) => (r.poor === null ? <Withheld /> : formatNumber(r.poor)) },
                  {
                    title: 'Tỷ lệ hộ nghèo',
                    key: 'poorRate',
                    align: 'right',
                    sorter: (a, b) => (a.poorRate ?? -1) - (b.poorRate ?? -1),
                    render: (_, r) => (r.poorRate === null ? <Withheld /> : <strong>{formatPercent(r.poorRate)}</strong>),
                  },
                  { title: 'Hộ cận nghèo', key: 'near', align: 'right', render: (_, r) => (r.nearPoor === null ? <Withheld /> : formatNumber(r.nearPoor)) },
                  {
                    title: 'Tỷ lệ hộ cận nghèo',
                    key: 'nearRate',
                    align: 'right',
                    render: (_, r) => (r.nearPoorRate === null ? <Withheld /> : formatPercent(r.nearPoorRate)),
                  },
                  {
                    title: `Xu hướng ${data.years.length > 0 ? `${Math.min(...data.years)}–${Math.max(...data.years)}` : ''}`,
                    key: 'trend',
                    width: 170,
                    render: (_, r) => <TrendSparkline points={r.trend} />,
                  },
                ]}
              />
            </Card>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              Trang này chỉ công bố số liệu tổng hợp, không có thông tin của hộ gia đình nào.
            </Typography.Paragraph>
          </>
        )}
      </Layout.Content>
    </Layout>
  );
}
