// The sections of the province overview: the trend against the plan's target path, the ranking of units by their
// yearly reduction with attainment, the attainment of each district year by year, and the map.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import {
  statsApi,
  type AttainmentResponse,
  type OnUnitsResponse,
  type TrendResponse,
  type UnitFiguresResponse,
} from '../../api/endpoints.ts';
import { formatCount, formatRate, formatReduction, mapLayerFor } from '../../lib/stats-format.ts';
import { roundReferenceDate } from '../../lib/rounds-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { statsUnitPath } from '../../paths.ts';
import { RateMap, type MapValue } from './rate-map.tsx';
import { AttainmentTag, ExportButton, YearSelect } from './stats-common.tsx';
import { TrendChart } from './trend-chart.tsx';

type TrendPoint = TrendResponse['points'][number];
type AttainmentRow = AttainmentResponse['rows'][number];

export function TrendSection({ trend }: { trend: TrendResponse }) {
  const path = new Map(trend.targetPath.map((t) => [t.year, t.rate]));
  return (
    <Card
      title={`Tỷ lệ hộ nghèo ${trend.unitName} so với lộ trình mục tiêu`}
      className="trend-section"
      style={{ marginBottom: 16 }}
      extra={<ExportButton path={statsApi.trendExportPath({ unitCode: trend.unitCode, from: trend.points[0]?.year })} fileName="xu-huong-ty-le-ho-ngheo.xlsx" />}
    >
      <Typography.Paragraph type="secondary">
        {trend.goal.note} Quy tắc: {trend.bands.join('; ')}.
      </Typography.Paragraph>
      <TrendChart trend={trend} />
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        {trend.goalProgress ? (
          <Col xs={24} lg={12}>
            <Alert
              className="goal-progress"
              type={trend.goalProgress.reached ? 'success' : 'warning'}
              showIcon
              title={`Tiến độ đến mục tiêu năm ${trend.goalProgress.goalYear}: ${formatNumber(trend.goalProgress.progressPercent, 2)}%`}
              description={trend.goalProgress.explanation}
            />
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Alert
            type={trend.forecast.status === 'onTrack' ? 'success' : trend.forecast.status === 'offTrack' ? 'error' : 'info'}
            showIcon
            title={
              trend.forecast.status === 'onTrack'
                ? 'Đúng lộ trình'
                : trend.forecast.status === 'offTrack'
                  ? 'Chậm so với lộ trình'
                  : 'Chưa đủ số liệu để dự báo'
            }
            description={trend.forecast.explanation}
          />
        </Col>
      </Row>
      <Table<TrendPoint>
        className="trend-table"
        size="small"
        rowKey="year"
        pagination={false}
        style={{ marginTop: 16 }}
        dataSource={trend.points}
        scroll={{ x: 800 }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 80 },
          { title: 'Chuẩn nghèo', dataIndex: 'standardId', width: 120 },
          { title: 'Tổng số hộ', key: 'total', align: 'right', render: (_, p) => formatCount(p.total) },
          { title: 'Hộ nghèo', key: 'poor', align: 'right', render: (_, p) => formatCount(p.poor) },
          { title: 'Tỷ lệ hộ nghèo', key: 'rate', align: 'right', render: (_, p) => <strong>{formatRate(p.poorRate)}</strong> },
          { title: 'Lộ trình mục tiêu', key: 'path', align: 'right', render: (_, p) => formatRate(path.get(p.year) ?? null) },
          { title: 'Hộ cận nghèo', key: 'near', align: 'right', render: (_, p) => formatCount(p.nearPoor) },
          { title: 'Tỷ lệ cận nghèo', key: 'nearRate', align: 'right', render: (_, p) => formatRate(p.nearPoorRate) },
        ]}
      />
    </Card>
  );
}

export function RankingSection({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  const navigate = useNavigate();
  const [year, setYear] = useState(defaultYear);
  const [level, setLevel] = useState<'district' | 'commune'>(defaultYear >= 2025 ? 'commune' : 'district');
  const { data, error, loading } = useApi(() => statsApi.attainment({ year, level }), [year, level]);
  return (
    <Card
      title="Xếp hạng và đánh giá mục tiêu giảm tỷ lệ hộ nghèo"
      className="ranking-section"
      style={{ marginBottom: 16 }}
      extra={<ExportButton path={statsApi.attainmentExportPath({ year, level })} fileName={`xep-hang-${level}-${year}.xlsx`} />}
    >
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <YearSelect value={year} years={years} onChange={setYear} label="Năm đánh giá" />
        <Segmented
          aria-label="Cấp đơn vị"
          value={level}
          onChange={(v) => setLevel(v as 'district' | 'commune')}
          options={[
            { value: 'district', label: 'Cấp huyện' },
            { value: 'commune', label: 'Cấp xã' },
          ]}
        />
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      {data ? (
        <Typography.Paragraph className="ranking-summary">
          Năm {data.year} so với năm {data.previousYear ?? '—'}: {formatNumber(data.summary.attained)}/{formatNumber(data.summary.judged)} đơn vị
          đạt mục tiêu ({data.bands.join('; ')}). {data.ownTargetsNote}
        </Typography.Paragraph>
      ) : null}
      <Table<AttainmentRow>
        className="ranking-table"
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={(data?.rows.length ?? 0) > 25 ? { pageSize: 25, showSizeChanger: false } : false}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => void navigate(statsUnitPath(r.code, year)), className: 'stats-clickable-row' })}
        columns={[
          { title: 'Hạng', key: 'rank', width: 70, render: (_, r) => r.rank ?? '—' },
          {
            title: 'Đơn vị',
            key: 'name',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Link>{r.name}</Typography.Link>
                {r.parentName ? <Typography.Text type="secondary">{r.parentName}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: 'Số hộ', key: 'total', align: 'right', width: 100, render: (_, r) => formatCount(r.total) },
          { title: 'Hộ nghèo', key: 'poor', align: 'right', width: 100, render: (_, r) => formatCount(r.poor) },
          { title: 'Tỷ lệ năm trước', key: 'baseline', align: 'right', width: 130, render: (_, r) => formatRate(r.baseline) },
          { title: 'Tỷ lệ năm nay', key: 'rate', align: 'right', width: 120, render: (_, r) => formatRate(r.rate) },
          {
            title: 'Phải giảm',
            key: 'required',
            align: 'right',
            width: 120,
            render: (_, r) => (r.required === null ? '—' : formatReduction(r.required)),
          },
          {
            title: 'Đã giảm',
            key: 'reduction',
            align: 'right',
            width: 120,
            render: (_, r) => (r.reduction === null ? '—' : formatReduction(r.reduction)),
          },
          {
            title: 'Đánh giá',
            key: 'attained',
            width: 130,
            render: (_, r) => <AttainmentTag attained={r.attained} explanation={r.explanation} />,
          },
        ]}
      />
    </Card>
  );
}

interface MatrixRow {
  code: string;
  name: string;
  byYear: Map<number, AttainmentRow>;
}

/** Each district's attainment year by year (the plan's period and after, while districts existed). */
export function AttainmentMatrix({ years }: { years: number[] }) {
  const navigate = useNavigate();
  const { data, error, loading } = useApi(
    () => Promise.all(years.map((year) => statsApi.attainment({ year, level: 'district' }))),
    [years.join(',')],
  );
  const rows = useMemo<MatrixRow[]>(() => {
    const found = new Map<string, MatrixRow>();
    for (const answer of data ?? []) {
      for (const r of answer.rows) {
        const row = found.get(r.code) ?? { code: r.code, name: r.name, byYear: new Map() };
        row.byYear.set(answer.year, r);
        found.set(r.code, row);
      }
    }
    return [...found.values()];
  }, [data]);
  if (years.length === 0) return null;
  return (
    <Card title="Đánh giá mục tiêu của các huyện qua các năm" className="attainment-matrix" style={{ marginBottom: 16 }}>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table<MatrixRow>
        size="small"
        rowKey="code"
        loading={loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name', fixed: 'left', width: 200 },
          ...years.map((year) => ({
            title: String(year),
            key: String(year),
            align: 'center' as const,
            render: (_: unknown, row: MatrixRow) => {
              const r = row.byYear.get(year);
              if (!r) return '—';
              return (
                <span
                  className="stats-clickable-row"
                  onClick={() => void navigate(statsUnitPath(row.code, year))}
                  role="link"
                  tabIndex={0}
                  onKeyDown={(e) => (e.key === 'Enter' ? void navigate(statsUnitPath(row.code, year)) : undefined)}
                >
                  <AttainmentTag attained={r.attained} explanation={`${formatRate(r.rate)} – ${r.explanation}`} />
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

type Measure = 'poorRate' | 'nearPoorRate' | 'poor';
const measureLabels: Record<Measure, string> = {
  poorRate: 'Tỷ lệ hộ nghèo',
  nearPoorRate: 'Tỷ lệ hộ cận nghèo',
  poor: 'Số hộ nghèo',
};

const TODAYS_COMMUNES_DATE = '2025-07-01';

type OnUnitsRow = OnUnitsResponse['rows'][number];
type ChildRow = UnitFiguresResponse['children'][number];

export function MapSection({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  const navigate = useNavigate();
  const [year, setYear] = useState(defaultYear);
  const [measure, setMeasure] = useState<Measure>('poorRate');
  const [onToday, setOnToday] = useState(false);
  const layer = mapLayerFor(year, onToday);
  // Districts (2016–2024) come straight from the round's stored figures; the 65 communes through their villages.
  const onUnitsDate = year >= 2025 && !onToday ? roundReferenceDate(year) : TODAYS_COMMUNES_DATE;
  const districts = useApi(
    () => (layer === 'districts-2019' ? statsApi.unit(year, '20') : Promise.resolve(null)),
    [layer, year],
  );
  const communes = useApi(
    () => (layer === 'communes-2025' ? statsApi.onUnits({ year, onDate: onUnitsDate, level: 'commune' }) : Promise.resolve(null)),
    [layer, year, onUnitsDate],
  );
  const error = districts.error ?? communes.error;

  const values = useMemo<MapValue[]>(() => {
    if (layer === 'districts-2019') {
      return (districts.data?.children ?? [])
        .filter((c) => c.level === 'district')
        .map((c) => ({
          code: c.code,
          name: c.name,
          value: c.figures.total === 0 ? null : measure === 'poor' ? c.figures.poor : c.figures[measure],
          detail: `${formatCount(c.figures.total)} hộ, ${formatCount(c.figures.poor)} hộ nghèo`,
        }));
    }
    return (communes.data?.rows ?? []).map((r) => ({
      code: r.code,
      name: r.name,
      value: r.total === 0 ? null : measure === 'poor' ? r.poor : r[measure],
      detail:
        `${formatCount(r.total)} hộ, ${formatCount(r.poor)} hộ nghèo` +
        (onToday && year < 2025 && r.predecessors.length > 0
          ? `<br/>Gồm: ${r.predecessors.map((p) => `${p.name} (${formatNumber(p.households)} hộ)`).join(', ')}`
          : '') +
        (r.estimated ? '<br/>(ước tính theo tỷ lệ)' : ''),
    }));
  }, [layer, districts.data, communes.data, measure, onToday, year]);

  const loading = (layer === 'districts-2019' ? districts.loading : communes.loading) && values.length === 0;
  const exportPath =
    layer === 'districts-2019' ? statsApi.unitExportPath(year, '20') : statsApi.onUnitsExportPath({ year, onDate: onUnitsDate, level: 'commune' });

  return (
    <Card
      title="Bản đồ tỷ lệ hộ nghèo theo đơn vị"
      className="map-section"
      style={{ marginBottom: 16 }}
      extra={<ExportButton path={exportPath} fileName={`ban-do-${year}.xlsx`} />}
    >
      <Space wrap size="middle" className="no-print" style={{ marginBottom: 12 }}>
        <YearSelect value={year} years={years} onChange={setYear} label="Năm trên bản đồ" />
        <Select<Measure>
          aria-label="Chỉ tiêu trên bản đồ"
          value={measure}
          onChange={setMeasure}
          style={{ width: 200 }}
          options={(Object.keys(measureLabels) as Measure[]).map((m) => ({ value: m, label: measureLabels[m] }))}
        />
        <Space>
          <Switch checked={onToday || year >= 2025} disabled={year >= 2025} onChange={setOnToday} aria-label="Hiển thị trên 65 xã, phường năm 2025" />
          <span>Hiển thị trên 65 xã, phường năm 2025</span>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {layer === 'districts-2019'
          ? `Năm ${year} theo 11 huyện, thành phố (địa giới khi đó). Bấm vào một huyện để xem các xã.`
          : year < 2025
            ? `Số liệu năm ${year} được tính lại trên 65 xã, phường từ ngày 01/07/2025 theo các thôn, bản của từng xã mới.`
            : `Năm ${year} theo 65 xã, phường (không còn cấp huyện).`}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      {communes.data && communes.data.unmapped.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${formatNumber(communes.data.unmapped.length)} thôn, bản không xếp được vào xã mới`}
          description={communes.data.unmapped.map((u) => `${u.name}: ${u.reason}`).join('; ')}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {loading ? (
            <Spin description="Đang tải số liệu…" style={{ display: 'block', padding: 64 }} />
          ) : values.length === 0 ? (
            <Empty description="Không có số liệu" />
          ) : (
            <RateMap
              layer={layer}
              values={values}
              measure={measureLabels[measure]}
              percent={measure !== 'poor'}
              onAreaClick={(code) => {
                // A district of its time, or one of today's communes in a round on today's units, opens its figures.
                if (layer === 'districts-2019' || year >= 2025) void navigate(statsUnitPath(code, year));
              }}
            />
          )}
        </Col>
        <Col xs={24} xl={10}>
          {layer === 'districts-2019' ? (
            <Table<ChildRow>
              className="map-table"
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={(districts.data?.children ?? []).filter((c) => c.level === 'district')}
              onRow={(r) => ({ onClick: () => void navigate(statsUnitPath(r.code, year)), className: 'stats-clickable-row' })}
              columns={[
                { title: 'Huyện, thành phố', key: 'name', render: (_, r) => <Typography.Link>{r.name}</Typography.Link> },
                { title: 'Số hộ', key: 'total', align: 'right', render: (_, r) => formatCount(r.figures.total) },
                { title: 'Tỷ lệ nghèo', key: 'rate', align: 'right', render: (_, r) => formatRate(r.figures.poorRate) },
              ]}
            />
          ) : (
            <Table<OnUnitsRow>
              className="map-table"
              size="small"
              rowKey="code"
              pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (t) => `${formatNumber(t)} xã, phường` }}
              dataSource={communes.data?.rows ?? []}
              columns={[
                { title: 'Xã, phường', dataIndex: 'name' },
                { title: 'Số hộ', key: 'total', align: 'right', render: (_, r) => formatCount(r.total) },
                {
                  title: 'Tỷ lệ nghèo',
                  key: 'rate',
                  align: 'right',
                  render: (_, r) => `${formatRate(r.poorRate)}${r.estimated ? ' (ước tính)' : ''}`,
                },
              ]}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
