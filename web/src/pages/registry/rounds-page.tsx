import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { communeRoundStateLabels, type CommuneRoundState } from '../../../../src/domain/review/round-workflow.ts';
import { standardById } from '../../../../src/domain/poverty/select-standard.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { matchesSearch } from '../../../../src/shared/vi-text.ts';
import { roundsApi, type RoundCommuneStateDto, type RoundDto, type TreeNode } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { fromIso, todayIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { cachedTree } from '../../lib/reference-cache.ts';
import { forgetRounds, roundReferenceDate } from '../../lib/rounds-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { communeRoundPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ActionModal } from './action-modal.tsx';
import { RegistryStyles } from './registry-styles.tsx';
import { UnitTreeSelect } from './unit-tree-select.tsx';

const stateColors: Partial<Record<CommuneRoundState, string>> = {
  open: 'default',
  commune_submitted: 'gold',
  district_reviewed: 'orange',
  province_approved: 'green',
  frozen: 'green',
};

function StateCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {entries.map(([state, n]) => (
        <Tag key={state} color={stateColors[state as CommuneRoundState] ?? 'blue'}>
          {communeRoundStateLabels[state as CommuneRoundState] ?? state}: {formatNumber(n)}
        </Tag>
      ))}
    </Space>
  );
}

function FreezeModal({ round, onClose, onDone }: { round: RoundDto | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: Dayjs }>();
  return (
    <ActionModal<{ decisionNumber: string; decisionDate: Dayjs }>
      open={round !== null}
      title={`Quyết định phê duyệt kết quả rà soát năm ${round?.year ?? ''} – khoá sổ`}
      okText="Khoá sổ"
      successText="Đã khoá sổ kỳ rà soát."
      form={form}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ decisionDate: fromIso(todayIso()) }}
      onSubmit={(v) => roundsApi.freeze(round!.id, { decisionNumber: v.decisionNumber, decisionDate: toIso(v.decisionDate) })}
    >
      <Typography.Paragraph>
        Sau khi khoá sổ, kết quả của kỳ không còn thay đổi; mọi sửa đổi sau đó là đính chính có lý do.
      </Typography.Paragraph>
      <Form.Item name="decisionNumber" label="Số quyết định" rules={[{ required: true, message: 'Nhập số quyết định' }]}>
        <Input placeholder="Ví dụ: 2426/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={viDateFormat} style={{ width: '100%' }} />
      </Form.Item>
    </ActionModal>
  );
}

function OpenRoundModal({ open, nextYear, onClose, onDone }: { open: boolean; nextYear: number; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ year: number; openedOn: Dayjs }>();
  return (
    <ActionModal<{ year: number; openedOn: Dayjs }>
      open={open}
      title="Mở kỳ rà soát mới"
      okText="Mở kỳ rà soát"
      successText="Đã mở kỳ rà soát."
      form={form}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ year: nextYear, openedOn: fromIso(todayIso()) }}
      onSubmit={(v) => roundsApi.open({ year: v.year, openedOn: toIso(v.openedOn) })}
    >
      <Form.Item name="year" label="Năm rà soát" rules={[{ required: true, message: 'Nhập năm' }]}>
        <InputNumber min={2016} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="openedOn" label="Ngày mở" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={viDateFormat} style={{ width: '100%' }} />
      </Form.Item>
    </ActionModal>
  );
}

/** The round's communes in the caller's scope with their state: the district and the province follow who is late. */
function RoundCommunesCard({ round }: { round: RoundDto }) {
  const { data, error, loading, reload } = useApi(() => roundsApi.communes(round.id), [round.id]);
  const [state, setState] = useState<CommuneRoundState | undefined>(undefined);
  const [query, setQuery] = useState('');
  const communes = data ?? [];
  const counts = new Map<CommuneRoundState, number>();
  for (const c of communes) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  const rows = communes.filter((c) => (!state || c.state === state) && (!query.trim() || matchesSearch(c.name, query)));
  return (
    <Card
      title={`Các xã trong kỳ rà soát ${round.year}`}
      className="round-communes"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap className="no-print">
          <Input.Search allowClear aria-label="Tìm xã trong kỳ" placeholder="Tìm xã, phường" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} />
          <Select<CommuneRoundState>
            allowClear
            aria-label="Lọc theo tình trạng"
            placeholder="Mọi tình trạng"
            style={{ width: 240 }}
            value={state}
            onChange={setState}
            options={[...counts].map(([s, n]) => ({ value: s, label: `${communeRoundStateLabels[s]} (${formatNumber(n)})` }))}
          />
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} action={<Button onClick={reload}>Thử lại</Button>} style={{ marginBottom: 12 }} /> : null}
      <Table<RoundCommuneStateDto>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `${formatNumber(t)} xã, phường` }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 100 },
          { title: 'Xã, phường, thị trấn', key: 'name', render: (_, c) => <Link to={communeRoundPath(round.year, c.code)}>{c.name}</Link> },
          { title: 'Tình trạng', key: 'state', width: 260, render: (_, c) => <Tag color={stateColors[c.state] ?? 'blue'}>{c.stateLabel}</Tag> },
        ]}
      />
    </Card>
  );
}

/** The communes of the caller's own assignments on a date: a commune officer goes straight to their commune. */
function useOwnCommunes(date: string): TreeNode[] {
  const me = useSignedIn();
  const [communes, setCommunes] = useState<TreeNode[]>([]);
  useEffect(() => {
    let active = true;
    const codes = new Set(me.assignments.map((a) => a.unitCode).filter((c): c is string => c !== null));
    void cachedTree(date).then(
      (t) => active && setCommunes(t.nodes.filter((n) => n.level === 'commune' && codes.has(n.code))),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [date, me.assignments]);
  return communes;
}

export default function RoundsPage() {
  const me = useSignedIn();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data, error, loading, reload } = useApi(() => roundsApi.list(), []);
  const [freezing, setFreezing] = useState<RoundDto | null>(null);
  const [opening, setOpening] = useState(false);
  const rounds = [...(data ?? [])].sort((a, b) => b.year - a.year);
  const chosenYear = Number(params.get('nam')) || rounds.find((r) => r.state === 'open')?.year || rounds[0]?.year;
  const [commune, setCommune] = useState<string | undefined>(undefined);
  const chosenRound = rounds.find((r) => r.year === chosenYear);
  const date = chosenYear ? roundReferenceDate(chosenYear) : todayIso();
  const own = useOwnCommunes(date);
  const canApprove = me.can('rounds.approve');

  if (error && !data) return <LoadFailure error={error} notFoundTitle="Không tìm thấy dữ liệu" onRetry={reload} />;
  const refresh = () => {
    forgetRounds();
    reload();
  };

  return (
    <div>
      <RegistryStyles />
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Kỳ rà soát hộ nghèo, hộ cận nghèo
        </Typography.Title>
        {canApprove ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            Mở kỳ rà soát mới
          </Button>
        ) : null}
      </Space>
      <Card title="Tiến độ rà soát của một xã" style={{ marginBottom: 16 }} className="no-print">
        <Space wrap size="middle">
          <Select<number>
            aria-label="Năm rà soát"
            style={{ width: 180 }}
            value={chosenYear}
            onChange={(y) => setParams({ nam: String(y) }, { replace: true })}
            options={rounds.map((r) => ({ value: r.year, label: `Kỳ rà soát ${r.year}` }))}
          />
          <UnitTreeSelect
            value={commune}
            onChange={setCommune}
            asOf={date}
            includeVillages={false}
            levels={['commune']}
            placeholder="Chọn xã, phường"
            style={{ width: 340 }}
          />
          <Button type="primary" disabled={!commune || !chosenYear} onClick={() => void navigate(communeRoundPath(chosenYear!, commune!))}>
            Xem tiến độ
          </Button>
        </Space>
        {own.length > 0 && chosenYear ? (
          <div style={{ marginTop: 12 }}>
            <Space wrap>
              <Typography.Text>Xã của bạn:</Typography.Text>
              {own.map((c) => (
                <Button key={c.code} className="own-commune" onClick={() => void navigate(communeRoundPath(chosenYear, c.code))}>
                  {c.name} – kỳ {chosenYear}
                </Button>
              ))}
            </Space>
          </div>
        ) : null}
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {chosenRound && (canApprove || me.can('rounds.district')) ? <RoundCommunesCard round={chosenRound} /> : null}
      <Card title="Các kỳ rà soát">
        <Table<RoundDto>
          className="rounds-table"
          rowKey="id"
          loading={loading}
          dataSource={rounds}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: 'Năm',
              key: 'year',
              width: 110,
              render: (_, r) => (
                <>
                  <strong>{r.year}</strong>
                  <DemoTag show={r.isDemo} />
                </>
              ),
            },
            { title: 'Chuẩn nghèo', key: 'standard', width: 220, render: (_, r) => standardById(r.standardId).legalBasis },
            {
              title: 'Trạng thái',
              key: 'state',
              width: 150,
              render: (_, r) => (r.state === 'frozen' ? <Tag color="green">Đã khoá sổ</Tag> : <Tag color="blue">Đang mở</Tag>),
            },
            { title: 'Ngày mở', key: 'opened', width: 110, render: (_, r) => formatDate(r.openedOn) },
            {
              title: 'Quyết định phê duyệt',
              key: 'decision',
              width: 220,
              render: (_, r) => (r.decisionNumber ? `${r.decisionNumber}${r.decisionDate ? `, ngày ${formatDate(r.decisionDate)}` : ''}` : '—'),
            },
            { title: 'Tình trạng các xã', key: 'communes', render: (_, r) => <StateCounts counts={r.communeStates} /> },
            ...(canApprove
              ? [
                  {
                    title: '',
                    key: 'freeze',
                    width: 130,
                    render: (_: unknown, r: RoundDto) => {
                      if (r.state === 'frozen') return null;
                      const total = Object.values(r.communeStates).reduce((s, n) => s + n, 0);
                      const approved = r.communeStates.province_approved ?? 0;
                      const ready = total > 0 && approved === total;
                      return (
                        <Tooltip title={ready ? undefined : `Mới ${formatNumber(approved)}/${formatNumber(total)} xã được tỉnh phê duyệt`}>
                          <Button icon={<LockOutlined />} disabled={!ready} onClick={() => setFreezing(r)}>
                            Khoá sổ
                          </Button>
                        </Tooltip>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FreezeModal
        round={freezing}
        onClose={() => setFreezing(null)}
        onDone={() => {
          setFreezing(null);
          refresh();
        }}
      />
      <OpenRoundModal
        open={opening}
        nextYear={(rounds[0]?.year ?? new Date().getFullYear() - 1) + 1}
        onClose={() => setOpening(false)}
        onDone={() => {
          setOpening(false);
          refresh();
        }}
      />
    </div>
  );
}
