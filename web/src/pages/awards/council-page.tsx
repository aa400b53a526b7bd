// The council's meeting on a batch: the members present, a vote per nominee, and the result against the threshold as
// it is typed (share of all members who agree). The server judges it again when it is saved.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { judgeVote, quorumOf } from '../../../../src/domain/awards/council-vote.ts';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { awardsApi, type NomineeDto } from '../../api/endpoints.ts';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { awardBatchPath } from '../../paths.ts';

interface Votes {
  [nomineeId: string]: { agree: number; disagree: number; abstain: number };
}

export default function CouncilPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const loaded = useApi(() => awardsApi.batch(id), [id]);
  const [membersTotal, setMembersTotal] = useState<number>(15);
  const [attendees, setAttendees] = useState('');
  const [heldOn, setHeldOn] = useState<Dayjs | null>(null);
  const [venue, setVenue] = useState('Phòng họp UBND tỉnh Lạng Sơn');
  const [chair, setChair] = useState({ name: '', position: 'Chủ tịch Hội đồng' });
  const [secretary, setSecretary] = useState({ name: '', position: 'Thư ký Hội đồng' });
  const [votes, setVotes] = useState<Votes>({});
  const present = useMemo(() => attendees.split('\n').map((s) => s.trim()).filter(Boolean), [attendees]);
  const batch = loaded.data;
  if (loaded.error) return <Alert type="error" showIcon message={loaded.error.message} />;
  if (!batch) return <Card loading />;
  const threshold = batch.voteThresholdPercent;
  const voteOf = (n: NomineeDto) => votes[n.id] ?? { agree: 0, disagree: 0, abstain: 0 };
  const setVote = (n: NomineeDto, key: 'agree' | 'disagree' | 'abstain', value: number | null) => setVotes((v) => ({ ...v, [n.id]: { ...voteOf(n), [key]: value ?? 0 } }));

  async function save() {
    if (!heldOn) {
      void message.error('Chọn ngày họp.');
      return;
    }
    try {
      await awardsApi.council(id, {
        heldOn: toIso(heldOn),
        venue,
        chair,
        secretary,
        membersTotal,
        attendees: present,
        votes: batch!.nominees.map((n) => ({ nomineeId: n.id, ...voteOf(n) })),
      });
      void message.success('Đã ghi kết quả họp Hội đồng.');
      void navigate(awardBatchPath(id));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Link to={awardBatchPath(id)}>← {batch.title}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Họp Hội đồng Thi đua - Khen thưởng: {batch.formName}
      </Typography.Title>
      {batch.stateLevel && batch.councilFrom && <Alert type="info" showIcon message={`Danh sách đã lấy ý kiến nhân dân đến hết ${formatDate(batch.commentTo ?? '')}: Hội đồng họp từ ngày ${formatDate(batch.councilFrom)}.`} />}
      {!batch.allowed.council && <Alert type="warning" showIcon message="Hồ sơ chưa ở bước Hội đồng họp xét, hoặc bạn không phải thành viên Hội đồng." />}
      <Card title="Thành phần">
        <Form layout="vertical">
          <Space wrap>
            <Form.Item label="Ngày họp" required>
              <DatePicker format={viDateFormat} value={heldOn} onChange={setHeldOn} aria-label="Ngày họp" />
            </Form.Item>
            <Form.Item label="Địa điểm">
              <Input value={venue} onChange={(e) => setVenue(e.target.value)} style={{ width: 320 }} />
            </Form.Item>
            <Form.Item label="Tổng số thành viên Hội đồng">
              <InputNumber min={1} value={membersTotal} onChange={(v) => setMembersTotal(v ?? 1)} aria-label="Tổng số thành viên" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label="Chủ trì">
              <Input value={chair.name} onChange={(e) => setChair({ ...chair, name: e.target.value })} aria-label="Chủ trì" />
            </Form.Item>
            <Form.Item label="Chức vụ">
              <Input value={chair.position} onChange={(e) => setChair({ ...chair, position: e.target.value })} />
            </Form.Item>
            <Form.Item label="Thư ký">
              <Input value={secretary.name} onChange={(e) => setSecretary({ ...secretary, name: e.target.value })} aria-label="Thư ký" />
            </Form.Item>
            <Form.Item label="Chức vụ">
              <Input value={secretary.position} onChange={(e) => setSecretary({ ...secretary, position: e.target.value })} />
            </Form.Item>
          </Space>
          <Form.Item label={`Thành viên có mặt (mỗi người một dòng) — ${present.length}/${membersTotal}, cần tối thiểu ${quorumOf(membersTotal)}`}>
            <Input.TextArea rows={5} value={attendees} onChange={(e) => setAttendees(e.target.value)} aria-label="Thành viên có mặt" />
          </Form.Item>
        </Form>
      </Card>
      <Card title={`Biểu quyết (ngưỡng: từ ${threshold}% tổng số thành viên đồng ý)`}>
        <Table<NomineeDto>
          rowKey="id"
          pagination={false}
          dataSource={batch.nominees}
          columns={[
            { title: 'Đối tượng', key: 'name', render: (_, n) => (<><Typography.Text strong>{n.name}</Typography.Text><div>{n.description}</div>{n.excepted.length > 0 && <Tag color="orange">Đề nghị đặc cách: {n.exceptionReason}</Tag>}</>) },
            { title: 'Đồng ý', key: 'a', render: (_, n) => <InputNumber min={0} value={voteOf(n).agree} onChange={(v) => setVote(n, 'agree', v)} aria-label={`Đồng ý ${n.name}`} /> },
            { title: 'Không đồng ý', key: 'd', render: (_, n) => <InputNumber min={0} value={voteOf(n).disagree} onChange={(v) => setVote(n, 'disagree', v)} aria-label={`Không đồng ý ${n.name}`} /> },
            { title: 'Không biểu quyết', key: 'x', render: (_, n) => <InputNumber min={0} value={voteOf(n).abstain} onChange={(v) => setVote(n, 'abstain', v)} /> },
            {
              title: 'Kết quả',
              key: 'r',
              render: (_, n) => {
                const v = judgeVote({ membersTotal, membersPresent: present.length }, voteOf(n), threshold);
                return <Tag color={v.passed ? 'green' : 'red'} className="vote-result">{v.reason}</Tag>;
              },
            },
          ]}
        />
        <Button type="primary" style={{ marginTop: 16 }} onClick={() => void save()} disabled={!batch.allowed.council}>
          Ghi kết quả họp Hội đồng
        </Button>
      </Card>
    </Space>
  );
}
