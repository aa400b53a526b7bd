import { useSearchParams } from 'react-router';
import { Alert, Card, Space, Table, Typography } from 'antd';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { statsApi, type CompareResponse } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { formatCount, formatPoints, formatRate } from '../../lib/stats-format.ts';
import { roundReferenceDate } from '../../lib/rounds-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { UnitTreeSelect } from '../registry/unit-tree-select.tsx';
import { ExportButton, PrintButton, StatsStyles, YearSelect, useRoundYears } from './stats-common.tsx';

type CompareRow = CompareResponse['rows'][number];

/** A fall in the rate is progress (green), a rise is a setback (red). */
function Change({ points }: { points: number }) {
  return <span className={points < 0 ? 'change-down' : points > 0 ? 'change-up' : undefined}>{formatPoints(points)}</span>;
}

export default function ComparePage() {
  const [params, setParams] = useSearchParams();
  const { years, isDemo } = useRoundYears();
  const unitCode = params.get('don-vi') ?? '20';
  const yearB = Number(params.get('b')) || years.find((y) => y < new Date().getFullYear()) || 2017;
  const yearA = Number(params.get('a')) || yearB - 1;
  const set = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) merged.delete(k);
      else merged.set(k, String(v));
    }
    setParams(merged, { replace: true });
  };
  const filter = { unitCode, yearA, yearB };
  const { data, error, loading } = useApi(() => statsApi.compare(filter), [unitCode, yearA, yearB]);

  return (
    <div>
      <StatsStyles />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>
            So sánh hai kỳ rà soát
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
            asOf={roundReferenceDate(yearB)}
            includeVillages={false}
            allowClear={false}
            placeholder="Đơn vị"
            style={{ width: 320 }}
          />
          <span>Kỳ trước</span>
          <YearSelect value={yearA} years={years} onChange={(y) => set({ a: y })} label="Kỳ trước" />
          <span>Kỳ sau</span>
          <YearSelect value={yearB} years={years} onChange={(y) => set({ b: y })} label="Kỳ sau" />
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Card
        title={data ? `${data.unitName}: năm ${data.yearA} so với năm ${data.yearB}` : 'So sánh'}
        extra={<ExportButton path={statsApi.compareExportPath(filter)} fileName={`so-sanh-${unitCode}-${yearA}-${yearB}.xlsx`} />}
      >
        {data ? (
          <Typography.Paragraph type="secondary">
            Cả hai kỳ được tính trên địa giới ngày {formatDate(data.basisDate)}. Chuẩn nghèo: {data.standards.a} / {data.standards.b}.
            {data.note ? ` ${data.note}` : ''}
          </Typography.Paragraph>
        ) : null}
        <Table<CompareRow>
          className="compare-table"
          size="small"
          rowKey="code"
          loading={loading}
          dataSource={data?.rows ?? []}
          pagination={(data?.rows.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: 'Đơn vị',
              key: 'name',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{r.name}</span>
                  {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: `Năm ${yearA}`,
              children: [
                { title: 'Số hộ', key: 'aTotal', align: 'right', render: (_: unknown, r: CompareRow) => formatCount(r.a.total) },
                { title: 'Hộ nghèo', key: 'aPoor', align: 'right', render: (_: unknown, r: CompareRow) => formatCount(r.a.poor) },
                { title: 'Tỷ lệ', key: 'aRate', align: 'right', render: (_: unknown, r: CompareRow) => formatRate(r.a.poorRate) },
              ],
            },
            {
              title: `Năm ${yearB}`,
              children: [
                { title: 'Số hộ', key: 'bTotal', align: 'right', render: (_: unknown, r: CompareRow) => formatCount(r.b.total) },
                { title: 'Hộ nghèo', key: 'bPoor', align: 'right', render: (_: unknown, r: CompareRow) => formatCount(r.b.poor) },
                { title: 'Tỷ lệ', key: 'bRate', align: 'right', render: (_: unknown, r: CompareRow) => formatRate(r.b.poorRate) },
              ],
            },
            {
              title: 'Thay đổi',
              children: [
                { title: 'Hộ nghèo', key: 'cPoor', align: 'right', render: (_: unknown, r: CompareRow) => formatCount(r.change.poor) },
                {
                  title: 'Tỷ lệ nghèo',
                  key: 'cRate',
                  align: 'right',
                  render: (_: unknown, r: CompareRow) => <Change points={r.change.poorRate} />,
                },
                {
                  title: 'Tỷ lệ cận nghèo',
                  key: 'cNear',
                  align: 'right',
                  render: (_: unknown, r: CompareRow) => <Change points={r.change.nearPoorRate} />,
                },
              ],
            },
          ]}
        />
      </Card>
    </div>
  );
}
