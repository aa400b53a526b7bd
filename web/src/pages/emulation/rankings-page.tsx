// Rankings of a round per cluster or block and per participant type, with the tie-break rule stated, a bar chart and
// the XLSX exports (results of the round; any participant's score sheet).
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Empty, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { groupKindLabels } from '../../../../src/shared/schemas/participants.schema.ts';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { emulationApi, type RankingsDto } from '../../api/emulation-endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { XlsxButton } from './emulation-common.tsx';
import { formatScore } from './emulation-helpers.ts';
import { scoreSheetPath } from './emulation-paths.ts';
import { RoundSelect, useRoundChoice } from './round-picker.tsx';

const RankingChart = lazy(() => import('./ranking-chart.tsx'));

type Entry = RankingsDto['byType'][number]['entries'][number];
type View = 'group' | 'type';

function RankingTable({ entries }: { entries: Entry[] }) {
  return (
    <Table
      rowKey="registrationId"
      size="small"
      className="ranking-table"
      dataSource={entries}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: 'Hạng', dataIndex: 'rank', width: 70, render: (r: number) => <strong className="ranking-rank">{r}</strong> },
        { title: 'Đơn vị', dataIndex: 'participantName', render: (name: string, e) => <Link to={scoreSheetPath(e.registrationId)} className="ranking-name">{name}</Link> },
        { title: 'Tổng điểm', dataIndex: 'total', width: 100, align: 'right', render: (v: number) => <strong>{formatScore(v)}</strong> },
        { title: 'Điểm từ số liệu', dataIndex: 'measured', width: 130, align: 'right', render: (v: number) => formatScore(v) },
        { title: 'Ngày đăng ký', dataIndex: 'registeredOn', width: 120, render: (d: string) => formatDate(d) },
        { title: 'Xếp khi bằng điểm', dataIndex: 'tieBreak', render: (t: string | null) => (t ? <Typography.Text type="secondary">{t}</Typography.Text> : null) },
        {
          title: '',
          width: 170,
          render: (_: unknown, e) => (
            <XlsxButton path={emulationApi.scoreSheetXlsxPath(e.registrationId)} fileName="bang-diem.xlsx">
              Bảng điểm
            </XlsxButton>
          ),
        },
      ]}
    />
  );
}

export default function RankingsPage() {
  const picker = useRoundChoice('published');
  const roundId = picker.chosen?.round.id;
  const { data, error, loading } = useApi(() => (roundId ? emulationApi.rankings(roundId) : Promise.resolve(null)), [roundId]);
  const [view, setView] = useState<View>('group');
  const [key, setKey] = useState<string | undefined>(undefined);
  const lists = useMemo(
    () =>
      view === 'group'
        ? (data?.byGroup ?? []).map((g) => ({ key: g.groupId, label: `${g.name} (${groupKindLabels[g.kind].toLowerCase()})`, entries: g.entries }))
        : (data?.byType ?? []).map((t) => ({ key: t.participantType, label: t.label, entries: t.entries })),
    [data, view],
  );
  const current = lists.find((l) => l.key === key) ?? lists[0];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Kết quả xếp hạng thi đua
      </Typography.Title>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <RoundSelect {...picker} />
        {roundId ? (
          <XlsxButton path={emulationApi.resultsXlsxPath(roundId)} fileName="ket-qua-thi-dua.xlsx">
            Xuất kết quả (Excel)
          </XlsxButton>
        ) : null}
      </Space>
      {error ? <Alert type="warning" showIcon title={error.message} /> : null}
      {loading && !data ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data ? (
        <>
          <Alert type="info" showIcon className="tie-break-rule" title="Cách xếp hạng khi bằng điểm" description={data.tieBreakRule} />
          {!data.published ? <Tag color="orange">Kết quả chưa công bố: chỉ Ban Thi đua - Khen thưởng và Hội đồng xem được.</Tag> : null}
          <Card>
            <Space wrap style={{ marginBottom: 16 }}>
              <Segmented<View>
                value={view}
                onChange={(v) => {
                  setView(v);
                  setKey(undefined);
                }}
                options={[
                  { value: 'group', label: 'Theo cụm, khối' },
                  { value: 'type', label: 'Theo đối tượng' },
                ]}
              />
              <Select<string>
                aria-label={view === 'group' ? 'Cụm, khối' : 'Đối tượng'}
                className="ranking-list-select"
                style={{ minWidth: 420 }}
                value={current?.key}
                onChange={setKey}
                options={lists.map((l) => ({ value: l.key, label: `${l.label} — ${l.entries.length}` }))}
              />
            </Space>
            {current ? (
              <div className="ranking-section" data-list={current.label}>
                <Typography.Title level={4} className="ranking-heading">
                  {current.label}
                </Typography.Title>
                <Suspense fallback={<Skeleton active />}>
                  <RankingChart entries={current.entries} title={current.label} />
                </Suspense>
                <RankingTable entries={current.entries} />
              </div>
            ) : (
              <Empty description="Chưa có đơn vị nào đăng ký và được chấm điểm ở đợt này." />
            )}
          </Card>
        </>
      ) : null}
    </Space>
  );
}
