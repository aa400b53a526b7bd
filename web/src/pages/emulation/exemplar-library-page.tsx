// The library of initiatives (sáng kiến), poverty-reduction models (mô hình) and advanced examples (điển hình tiên
// tiến), searched without accents ("mo hinh nuoi de" finds "Mô hình nuôi dê"). A household exemplar shows its
// stable-escape years as the registry records them (criterion 5b.3). Participants of the movement and the board add,
// edit and delete records; the server decides whose (the record's unit or organisation) and its refusal is shown.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type ExemplarDto, type InitiativeDto, type ModelDto } from '../../api/emulation-endpoints.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { RecordModal, type RecordEditing } from './records-forms.tsx';

const codes = (list: string[]) => list.map((c) => <Tag key={c}>{c}</Tag>);

/** Edit and delete buttons of one record; the delete asks first and shows the server's refusal. */
function RecordActions({ name, onEdit, onDelete }: { name: string; onEdit(): void; onDelete(): Promise<unknown> }) {
  const { message } = App.useApp();
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} aria-label={`Sửa ${name}`} onClick={onEdit} />
      <Popconfirm
        title={`Xoá “${name}”?`}
        okText="Xoá"
        cancelText="Không"
        okButtonProps={{ danger: true }}
        onConfirm={async () => {
          try {
            await onDelete();
            void message.success('Đã xoá.');
          } catch (failure) {
            void message.error(errorMessage(failure));
          }
        }}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`Xoá ${name}`} />
      </Popconfirm>
    </Space>
  );
}

export default function ExemplarLibraryPage() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300) || undefined;
  const initiatives = useApi(() => emulationApi.initiatives({ q }), [q]);
  const models = useApi(() => emulationApi.models({ q }), [q]);
  const exemplars = useApi(() => emulationApi.exemplars({ q }), [q]);
  const error = initiatives.error ?? models.error ?? exemplars.error;
  const { can } = useSignedIn();
  // The routes take any reader; the service lets participants (their own records) and the board write.
  const mayWrite = can('emulation.participate') || can('emulation.manage');
  const [tab, setTab] = useState<RecordEditing['kind']>('exemplar');
  const [editing, setEditing] = useState<RecordEditing | null>(null);
  const actions = <T extends { id: string }>(editOf: (r: T) => RecordEditing, name: (r: T) => string, remove: (id: string) => Promise<unknown>, reload: () => void) =>
    mayWrite
      ? [
          {
            title: '',
            key: 'actions',
            width: 90,
            render: (_: unknown, r: T) => (
              <RecordActions
                name={name(r)}
                onEdit={() => setEditing(editOf(r))}
                onDelete={async () => {
                  await remove(r.id);
                  reload();
                }}
              />
            ),
          },
        ]
      : [];
  const addLabels: Record<RecordEditing['kind'], string> = { exemplar: 'Thêm điển hình', initiative: 'Thêm sáng kiến', model: 'Thêm mô hình' };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Sáng kiến, mô hình và điển hình tiên tiến
      </Typography.Title>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Input.Search
        allowClear
        aria-label="Tìm trong thư viện"
        className="library-search"
        placeholder="Tìm theo tên, tác giả, nội dung (gõ không dấu cũng được)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 560, maxWidth: '100%' }}
      />
      {mayWrite ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: tab, record: null })}>
          {addLabels[tab]}
        </Button>
      ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as RecordEditing['kind'])}
          items={[
            {
              key: 'exemplar',
              label: `Điển hình tiên tiến (${exemplars.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="exemplars-table"
                  loading={exemplars.loading}
                  dataSource={exemplars.data ?? []}
                  expandable={{ expandedRowRender: (e) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.story}</Typography.Paragraph> }}
                  columns={[
                    { title: 'Điển hình', dataIndex: 'name', render: (n: string, e) => <Space orientation="vertical" size={0}><strong>{n}</strong><Typography.Text type="secondary">{e.kindLabel} — {e.unitName}</Typography.Text></Space> },
                    { title: 'Năm', dataIndex: 'year', width: 80 },
                    { title: 'Tiêu chí', width: 140, render: (_: unknown, e) => codes(e.criterionCodes) },
                    {
                      title: 'Theo sổ hộ',
                      width: 380,
                      render: (_: unknown, e) =>
                        e.registry ? (
                          <Space orientation="vertical" size={0} className="exemplar-registry">
                            <span>
                              Thoát nghèo ổn định: <strong className="stable-escape-years">{e.registry.stableEscapeYears === null ? 'không' : `${e.registry.stableEscapeYears} năm`}</strong>
                              {e.registry.latestRoundYear ? ` (kỳ rà soát ${e.registry.latestRoundYear})` : ''}{' '}
                              {e.registry.meetsStableEscape ? <Tag color="green">Đạt 5b.3</Tag> : <Tag color="orange">Chưa đủ 03 năm</Tag>}
                            </span>
                            <Typography.Text type="secondary">{e.registry.explanation}</Typography.Text>
                          </Space>
                        ) : null,
                    },
                    ...actions((e: ExemplarDto) => ({ kind: 'exemplar', record: e }), (e) => e.name, emulationApi.deleteExemplar, exemplars.reload),
                  ]}
                />
              ),
            },
            {
              key: 'initiative',
              label: `Sáng kiến (${initiatives.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="initiatives-table"
                  loading={initiatives.loading}
                  dataSource={initiatives.data ?? []}
                  expandable={{ expandedRowRender: (i) => i.summary, rowExpandable: (i) => Boolean(i.summary) }}
                  columns={[
                    { title: 'Sáng kiến', dataIndex: 'title', render: (t: string) => <strong>{t}</strong> },
                    { title: 'Tác giả', dataIndex: 'authorName', width: 200 },
                    { title: 'Đơn vị', dataIndex: 'unitName', width: 200 },
                    { title: 'Công nhận', width: 190, render: (_: unknown, i) => `${i.recognisedLevelLabel}, ${formatDate(i.recognisedOn)}` },
                    { title: 'Tiêu chí', width: 120, render: (_: unknown, i) => codes(i.criterionCodes) },
                    ...actions((i: InitiativeDto) => ({ kind: 'initiative', record: i }), (i) => i.title, emulationApi.deleteInitiative, initiatives.reload),
                  ]}
                />
              ),
            },
            {
              key: 'model',
              label: `Mô hình giảm nghèo (${models.data?.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  className="models-table"
                  loading={models.loading}
                  dataSource={models.data ?? []}
                  expandable={{ expandedRowRender: (m) => <Typography.Paragraph style={{ margin: 0 }}>{[m.description, m.results].filter(Boolean).join(' — ')}</Typography.Paragraph> }}
                  columns={[
                    { title: 'Mô hình', dataIndex: 'name', render: (n: string) => <strong>{n}</strong> },
                    { title: 'Khởi xướng', width: 220, render: (_: unknown, m) => `${m.startedUnitName}, ${formatDate(m.startedOn)}` },
                    { title: 'Nhân rộng', render: (_: unknown, m) => m.replications.map((r) => `${r.unitName} (${formatNumber(r.households)} hộ)`).join('; ') || '—' },
                    { title: 'Số hộ', dataIndex: 'householdsReached', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
                    { title: 'Tiêu chí', width: 120, render: (_: unknown, m) => codes(m.criterionCodes) },
                    ...actions((m: ModelDto) => ({ kind: 'model', record: m }), (m) => m.name, emulationApi.deleteModel, models.reload),
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <RecordModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            initiatives.reload();
            models.reload();
            exemplars.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
