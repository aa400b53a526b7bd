// Who has and has not registered for a round (within the caller's scope), and the joint pledges (giao ước thi đua)
// of the clusters and blocks with their signatories.
import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, DatePicker, Empty, Form, Input, List, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { groupKindLabels } from '../../../../src/shared/schemas/participants.schema.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi } from '../../api/emulation-endpoints.ts';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { parseSignatories } from './emulation-helpers.ts';
import { RoundSelect, useRoundChoice } from './round-picker.tsx';

interface PledgeValues {
  signedOn: Dayjs;
  place?: string;
  pledges: string;
  signatories: string;
}

/** Records a cluster's or block's joint pledge (giao ước thi đua): the board, or a member's focal point. */
function JointPledgeModal({ roundId, group, onClose, onSaved }: { roundId: string; group: { groupId: string; name: string } | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<PledgeValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!group) return null;
  const submit = async (v: PledgeValues) => {
    const parsed = parseSignatories(v.signatories, group.name);
    if (!parsed.ok) {
      setError(`Không đọc được dòng "${parsed.line}": ghi "Họ tên; chức vụ; đơn vị".`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await emulationApi.recordJointPledge(roundId, {
        groupId: group.groupId,
        signedOn: toIso(v.signedOn),
        place: v.place?.trim() || undefined,
        pledges: v.pledges.split('\n').map((p) => p.trim()).filter(Boolean),
        signatories: parsed.signatories,
      });
      void message.success(`Đã ghi giao ước thi đua của ${group.name}.`);
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={`Giao ước thi đua: ${group.name}`} open okText="Ghi giao ước" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      <Form<PledgeValues> form={form} layout="vertical" name="joint-pledge" onFinish={(v) => void submit(v)}>
        <Space>
          <Form.Item name="signedOn" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="place" label="Địa điểm">
            <Input maxLength={300} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item name="pledges" label="Nội dung giao ước (mỗi dòng một nội dung)" rules={[{ required: true, whitespace: true, message: 'Ghi nội dung giao ước' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="signatories" label="Đại diện ký (mỗi dòng: Họ tên; chức vụ; đơn vị)" rules={[{ required: true, whitespace: true, message: 'Ghi người ký' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} placeholder="Nguyễn Văn A; Giám đốc; Sở Y tế" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function RegistrationStatusPage() {
  const picker = useRoundChoice('open');
  const roundId = picker.chosen?.round.id;
  const status = useApi(() => (roundId ? emulationApi.status(roundId) : Promise.resolve(null)), [roundId]);
  const pledges = useApi(() => (roundId ? emulationApi.jointPledges(roundId) : Promise.resolve([])), [roundId]);
  const data = status.data;
  const { can } = useSignedIn();
  const mayPledge = can('emulation.manage') || can('emulation.participate');
  const [pledging, setPledging] = useState<{ groupId: string; name: string } | null>(null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tình hình đăng ký thi đua
      </Typography.Title>
      <RoundSelect {...picker} />
      {status.error ? <Alert type="error" showIcon title={status.error.message} /> : null}
      <Card title="Theo đối tượng" loading={status.loading && !data} className="status-by-type">
        <Table
          rowKey="participantType"
          pagination={false}
          dataSource={data?.byType ?? []}
          expandable={{
            expandedRowRender: (t) => (
              <Space align="start" size={48} wrap>
                <div>
                  <Typography.Text strong>Đã đăng ký</Typography.Text>
                  <ul className="registered-list">
                    {t.registered.map((r) => (
                      <li key={r.id}>
                        {r.participantName} — {formatDate(r.registeredOn)}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <Typography.Text strong>Chưa đăng ký</Typography.Text>
                  <ul className="not-registered-list">
                    {t.notRegistered.map((n) => (
                      <li key={n.key}>{n.name}</li>
                    ))}
                  </ul>
                </div>
              </Space>
            ),
          }}
          columns={[
            { title: 'Đối tượng', dataIndex: 'label' },
            { title: 'Đã đăng ký', width: 120, align: 'right', render: (_: unknown, t) => formatNumber(t.registered.length) },
            { title: 'Chưa đăng ký', width: 130, align: 'right', render: (_: unknown, t) => formatNumber(t.notRegistered.length) },
            {
              title: 'Tỷ lệ',
              width: 200,
              render: (_: unknown, t) => {
                const total = t.registered.length + t.notRegistered.length;
                return total ? <Progress percent={Math.round((t.registered.length / total) * 100)} size="small" /> : <Typography.Text type="secondary">chỉ liệt kê người đã đăng ký</Typography.Text>;
              },
            },
          ]}
        />
      </Card>
      <Card title="Cụm, khối thi đua" className="status-groups">
        {data && data.groups.length === 0 ? <Empty description="Không có cụm, khối nào trong phạm vi của bạn ở năm này." /> : null}
        <Collapse
          items={(data?.groups ?? []).map((g) => {
            const pledge = pledges.data?.find((p) => p.groupId === g.groupId);
            const done = g.members.filter((m) => m.registered).length;
            return {
              key: g.groupId,
              label: (
                <Space wrap>
                  <strong>{g.name}</strong>
                  <Tag>{groupKindLabels[g.kind]}</Tag>
                  <span>
                    {done}/{g.members.length} đã đăng ký
                  </span>
                  {g.jointPledgeSignedOn ? <Tag color="green">Giao ước ký ngày {formatDate(g.jointPledgeSignedOn)}</Tag> : <Tag color="orange">Chưa có giao ước</Tag>}
                  {mayPledge && !picker.chosen?.round.published ? (
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        setPledging({ groupId: g.groupId, name: g.name });
                      }}
                    >
                      {g.jointPledgeSignedOn ? 'Ghi lại giao ước' : 'Ghi giao ước'}
                    </Button>
                  ) : null}
                </Space>
              ),
              children: (
                <Space align="start" size={48} wrap>
                  <List
                    size="small"
                    header={<strong>Thành viên</strong>}
                    dataSource={g.members}
                    renderItem={(m) => (
                      <List.Item>
                        {m.name} {m.registered ? <Tag color="green">đã đăng ký</Tag> : <Tag>chưa đăng ký</Tag>}
                      </List.Item>
                    )}
                  />
                  {pledge ? (
                    <div className="joint-pledge" style={{ maxWidth: 560 }}>
                      <Typography.Text strong>
                        Giao ước thi đua ký ngày {formatDate(pledge.signedOn)}
                        {pledge.place ? ` tại ${pledge.place}` : ''}
                      </Typography.Text>
                      <ol>
                        {pledge.pledges.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ol>
                      <Typography.Text strong>Đại diện ký</Typography.Text>
                      <ul>
                        {pledge.signatories.map((s) => (
                          <li key={`${s.name}:${s.memberName}`}>
                            {s.name}, {s.position} — {s.memberName}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </Space>
              ),
            };
          })}
        />
      </Card>
      {roundId ? (
        <JointPledgeModal
          roundId={roundId}
          group={pledging}
          onClose={() => setPledging(null)}
          onSaved={() => {
            setPledging(null);
            status.reload();
            pledges.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
