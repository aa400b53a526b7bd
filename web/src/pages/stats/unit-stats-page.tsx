import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Breadcrumb, Card, Col, Descriptions, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { unitLevelLabels } from '../../../../src/shared/schemas/units.schema.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { statsApi, type UnitFiguresResponse } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { formatCount, formatRate, formatRatio, formatReduction } from '../../lib/stats-format.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths, statsAfPath, statsUnitPath } from '../../paths.ts';
import { transitionLabel } from '../registry/registry-labels.ts';
import { AttainmentTag, ExportButton, PrintButton, StatsStyles, YearSelect, useRoundYears } from './stats-common.tsx';

type UnitRow = UnitFiguresResponse['unit'];

const breakdownLabels: Record<keyof UnitRow['figures']['breakdowns'], string> = {
  ethnicMinority: 'Hộ dân tộc thiểu số',
  femaleHead: 'Chủ hộ là nữ',
  rural: 'Nông thôn',
  urban: 'Thành thị',
  meritOrSocialProtection: 'Có người có công, đối tượng bảo trợ xã hội',
};

function UnitSummary({ unit, year }: { unit: UnitRow; year: number }) {
  const f = unit.figures;
  const transitions = Object.entries(f.transitions).filter(([code, n]) => n > 0 && code !== 'none');
  const breakdowns = (Object.keys(breakdownLabels) as (keyof typeof breakdownLabels)[]).map((key) => ({ key, ...f.breakdowns[key] }));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card title={`Năm ${year}`} className="unit-summary">
          <Row gutter={[16, 16]}>
            <Col span={8}>
              <Statistic title="Tổng số hộ" value={formatCount(f.total)} />
            </Col>
            <Col span={8}>
              <Statistic title="Hộ nghèo" value={formatCount(f.poor)} suffix={`(${formatRate(f.poorRate)})`} />
            </Col>
            <Col span={8}>
              <Statistic title="Hộ cận nghèo" value={formatCount(f.nearPoor)} suffix={`(${formatRate(f.nearPoorRate)})`} />
            </Col>
          </Row>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'attainment',
                label: 'Mục tiêu giảm nghèo',
                children: unit.attainment ? (
                  <Space orientation="vertical" size={2}>
                    <span>
                      <AttainmentTag attained={unit.attainment.attained} /> Phải giảm {formatReduction(unit.attainment.required)}, đã giảm{' '}
                      {formatReduction(unit.attainment.reduction)}
                    </span>
                    <Typography.Text type="secondary">{unit.attainment.explanation}</Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{unit.attainmentNote ?? 'Chưa đánh giá'}</Typography.Text>
                ),
              },
              {
                key: 'af',
                label: `Nghèo đa chiều (k = ${unit.af.k})`,
                children: `H = ${formatRatio(unit.af.H)}, A = ${formatRatio(unit.af.A)}, M0 = ${formatNumber(unit.af.M0, 4)}`,
              },
              {
                key: 'transitions',
                label: 'Biến động',
                children:
                  transitions.length === 0 ? (
                    '—'
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {transitions.map(([code, n]) => (
                        <Tag key={code}>
                          {transitionLabel(code)}: {formatCount(n)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="Phân tổ">
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={breakdowns}
            columns={[
              { title: 'Nhóm hộ', key: 'label', render: (_, b) => breakdownLabels[b.key] },
              { title: 'Số hộ', key: 'total', align: 'right', render: (_, b) => formatCount(b.total) },
              { title: 'Hộ nghèo', key: 'poor', align: 'right', render: (_, b) => formatCount(b.poor) },
              { title: 'Hộ cận nghèo', key: 'near', align: 'right', render: (_, b) => formatCount(b.nearPoor) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

export default function UnitStatsPage() {
  const { code = '20' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { years } = useRoundYears();
  const year = Number(params.get('nam')) || years.find((y) => y < new Date().getFullYear()) || 2017;
  const { data, error, reload } = useApi(() => statsApi.unit(year, code), [year, code]);
  const back = { to: paths.stats, label: 'Về trang thống kê toàn tỉnh' };
  if (error && (!data || data.unit.code !== code))
    return <LoadFailure error={error} notFoundTitle="Không có số liệu của đơn vị trong năm này" back={back} onRetry={reload} />;
  // While another unit or year loads, show nothing stale under the new address.
  if (!data || data.unit.code !== code || data.year !== year) return <Skeleton active paragraph={{ rows: 10 }} />;
  const chain = [...data.ancestors].sort((a, b) => ['province', 'district', 'commune', 'village'].indexOf(a.level) - ['province', 'district', 'commune', 'village'].indexOf(b.level));

  return (
    <div>
      <StatsStyles />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'stats', title: <Link to={paths.stats}>Thống kê</Link> },
          ...chain.map((a) => ({ key: a.code, title: <Link to={statsUnitPath(a.code, year)}>{a.name}</Link> })),
          { key: data.unit.code, title: data.unit.name },
        ]}
      />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space align="center" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {data.unit.name}
          </Typography.Title>
          <Tag color="blue">{unitLevelLabels[data.unit.level]}</Tag>
          <DemoTag show={data.isDemo} />
        </Space>
        <Space wrap className="no-print">
          <YearSelect value={year} years={years} onChange={(y) => setParams({ nam: String(y) }, { replace: true })} />
          <Link to={statsAfPath(code, year)}>Nghèo đa chiều</Link>
          <Link to={`${paths.statsCompare}?don-vi=${code}&a=${year - 1}&b=${year}`}>So sánh với năm trước</Link>
          <PrintButton />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        Kỳ rà soát {data.year} ({data.standardId}, {data.roundState === 'frozen' ? 'đã khoá sổ' : 'đang mở'}), tính trên địa giới ngày{' '}
        {formatDate(data.referenceDate)}
        {data.computedAt ? `; số liệu tổng hợp lúc ${formatDate(data.computedAt)}` : ''}. Quy tắc mục tiêu: {data.ruleSet}.
      </Typography.Paragraph>
      <UnitSummary unit={data.unit} year={data.year} />
      <Card
        title={`Các đơn vị trực thuộc (${formatNumber(data.children.length)})`}
        extra={<ExportButton path={statsApi.unitExportPath(year, code)} fileName={`so-lieu-${code}-${year}.xlsx`} />}
      >
        <Table<UnitRow>
          className="children-table"
          size="small"
          rowKey="code"
          dataSource={data.children}
          pagination={data.children.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          onRow={(r) =>
            r.level === 'village'
              ? {}
              : { onClick: () => void navigate(statsUnitPath(r.code, year)), className: 'stats-clickable-row' }
          }
          columns={[
            {
              title: 'Đơn vị',
              key: 'name',
              render: (_, r) => (r.level === 'village' ? r.name : <Typography.Link>{r.name}</Typography.Link>),
            },
            { title: 'Số hộ', key: 'total', align: 'right', render: (_, r) => formatCount(r.figures.total) },
            { title: 'Hộ nghèo', key: 'poor', align: 'right', render: (_, r) => formatCount(r.figures.poor) },
            { title: 'Tỷ lệ nghèo', key: 'rate', align: 'right', render: (_, r) => <strong>{formatRate(r.figures.poorRate)}</strong> },
            { title: 'Hộ cận nghèo', key: 'near', align: 'right', render: (_, r) => formatCount(r.figures.nearPoor) },
            { title: 'Tỷ lệ cận nghèo', key: 'nearRate', align: 'right', render: (_, r) => formatRate(r.figures.nearPoorRate) },
            { title: 'Thoát nghèo', key: 'escaped', align: 'right', render: (_, r) => formatCount(r.figures.transitions.escaped ?? 0) },
            { title: 'Nghèo phát sinh', key: 'new', align: 'right', render: (_, r) => formatCount(r.figures.transitions.new_poor ?? 0) },
            {
              title: 'Đánh giá mục tiêu',
              key: 'attained',
              render: (_, r) =>
                r.attainment ? (
                  <AttainmentTag attained={r.attainment.attained} explanation={r.attainment.explanation} />
                ) : (
                  <AttainmentTag attained={null} explanation={r.attainmentNote} />
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
