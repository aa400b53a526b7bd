// Who has and has not registered for a round (within the caller's scope), and the joint pledges (giao ước thi đua)
// of the clusters and blocks with their signatories.
import { Alert, Card, Collapse, Empty, List, Progress, Space, Table, Tag, Typography } from 'antd';
import { groupKindLabels } from '../../../../src/shared/schemas/participants.schema.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { emulationApi } from '../../api/emulation-endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { RoundSelect, useRoundChoice } from './round-picker.tsx';

export default function RegistrationStatusPage() {
  const picker = useRoundChoice('open');
  const roundId = picker.chosen?.round.id;
  const status = useApi(() => (roundId ? emulationApi.status(roundId) : Promise.resolve(null)), [roundId]);
  const pledges = useApi(() => (roundId ? emulationApi.jointPledges(roundId) : Promise.resolve([])), [roundId]);
  const data = status.data;
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
    </Space>
  );
}
