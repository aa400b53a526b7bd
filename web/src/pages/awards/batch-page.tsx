// One nomination batch: the list with each nominee's eligibility checklist and achievement report, the dossier (tờ
// trình, the proposing level's meeting), sending it up, and — for the levels above — appraisal, public comment, the
// council and the decision; the documents of the dossier; the history.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatDate, formatDateTime } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { awardsApi, householdsApi, type BatchDto, type NomineeDto } from '../../api/endpoints.ts';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { awardBatchPath, paths } from '../../paths.ts';
import { BatchStatus, Checklist, DownloadButton } from './awards-common.tsx';

type Run = (label: string, action: () => Promise<BatchDto>) => Promise<void>;

function AddNomineeModal({ batch, onClose, run }: { batch: BatchDto; onClose(): void; run: Run }) {
  const [kind, setKind] = useState<'household' | 'collective' | 'organisation'>('household');
  const [q, setQ] = useState('');
  const [choice, setChoice] = useState<string | undefined>();
  const households = useApi(() => (kind === 'household' && q.trim().length >= 2 ? householdsApi.list({ q, limit: 20 }) : Promise.resolve(null)), [kind, q]);
  async function add() {
    if (!choice) return;
    const body = kind === 'household' ? { kind: 'household' as const, householdId: choice } : kind === 'organisation' ? { kind: 'collective' as const, organisationId: choice } : { kind: 'collective' as const, unitCode: choice };
    await run('Đã thêm vào danh sách', () => awardsApi.addNominee(batch.id, body));
    onClose();
  }
  return (
    <Modal open title="Thêm đối tượng đề nghị" okText="Thêm" cancelText="Hủy" onCancel={onClose} onOk={() => void add()} okButtonProps={{ disabled: !choice }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as typeof kind);
            setChoice(undefined);
          }}
          options={[
            { value: 'household', label: 'Hộ gia đình' },
            { value: 'collective', label: 'Tập thể (huyện, xã, thôn)' },
            { value: 'organisation', label: 'Cơ quan, tổ chức' },
          ]}
        />
        {kind === 'household' && (
          <>
            <Input.Search placeholder="Tên chủ hộ, không cần dấu (ví dụ: hoang van binh)" allowClear onSearch={setQ} aria-label="Tìm hộ gia đình" />
            <Select
              style={{ width: '100%' }}
              placeholder="Chọn hộ"
              value={choice}
              onChange={setChoice}
              loading={households.loading}
              aria-label="Chọn hộ"
              options={(households.data?.rows ?? []).map((h) => ({ value: h.id, label: `${h.headName} — ${h.villageName}, ${h.communeName} (${h.code})` }))}
            />
          </>
        )}
        {kind === 'collective' && <UnitSelect value={choice} onChange={setChoice} includeVillages asOf={batch.proposerUnitCode ? undefined : undefined} />}
        {kind === 'organisation' && <OrganisationSelect value={choice} onChange={setChoice} />}
      </Space>
    </Modal>
  );
}

function NomineeEditor({ nominee, onClose, run }: { nominee: NomineeDto; onClose(): void; run: Run }) {
  const [report, setReport] = useState(nominee.achievementReport);
  const [exception, setException] = useState(nominee.exceptionReason ?? '');
  async function save() {
    await run('Đã lưu', () => awardsApi.updateNominee(nominee.id, { achievementReport: report, exceptionReason: exception.trim() ? exception : null }));
    onClose();
  }
  return (
    <Modal open width={760} title={`Báo cáo thành tích: ${nominee.name}`} okText="Lưu" cancelText="Hủy" onCancel={onClose} onOk={() => void save()}>
      <Typography.Paragraph type="secondary">Bản dự thảo được viết từ số liệu (điểm thi đua, tỷ lệ hộ nghèo, thoát nghèo, đóng góp Quỹ); cán bộ chỉnh sửa trước khi trình.</Typography.Paragraph>
      <Input.TextArea rows={10} value={report} onChange={(e) => setReport(e.target.value)} aria-label="Báo cáo thành tích" />
      {nominee.checks.some((c) => c.status === 'fail') && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Đề nghị đặc cách (Ban Thi đua - Khen thưởng sẽ xem lý do)
          </Typography.Title>
          <Input.TextArea rows={3} value={exception} onChange={(e) => setException(e.target.value)} placeholder="Nêu rõ lý do đề nghị dù chưa đạt điều kiện" aria-label="Lý do đề nghị đặc cách" />
        </>
      )}
    </Modal>
  );
}

interface DossierValues {
  number: string;
  date: Dayjs;
  signerName: string;
  signerAuthority: string;
  addressee: string;
  content?: string;
  heldOn: Dayjs;
  venue: string;
  chairName: string;
  chairPosition: string;
  secretaryName: string;
  secretaryPosition: string;
  membersTotal: number;
  attendees: string;
  agree: Record<string, number>;
}

function DossierForm({ batch, run }: { batch: BatchDto; run: Run }) {
  const [form] = Form.useForm<DossierValues>();
  const t = batch.toTrinh;
  const m = batch.proposerMeeting;
  const initial: Partial<DossierValues> = {
    number: t?.number,
    date: t ? fromIso(t.date) : undefined,
    signerName: t?.signerName,
    signerAuthority: t?.signerAuthority.join(' / ') ?? 'CHỦ TỊCH',
    addressee: t?.addressee ?? 'Ủy ban nhân dân tỉnh Lạng Sơn',
    content: t?.content,
    heldOn: m ? fromIso(m.heldOn) : undefined,
    venue: m?.venue,
    chairName: m?.chair.name,
    chairPosition: m?.chair.position,
    secretaryName: m?.secretary.name,
    secretaryPosition: m?.secretary.position,
    membersTotal: m?.membersTotal,
    attendees: m?.attendees.join('\n'),
    agree: Object.fromEntries(batch.nominees.map((n) => [n.id, m?.votes.find((v) => v.nomineeId === n.id)?.agree ?? undefined])) as Record<string, number>,
  };
  async function save(v: DossierValues) {
    const attendees = v.attendees.split('\n').map((s) => s.trim()).filter(Boolean);
    await run('Đã lưu hồ sơ', () =>
      awardsApi.saveDossier(batch.id, {
        toTrinh: { number: v.number, date: toIso(v.date), signerName: v.signerName, signerAuthority: v.signerAuthority.split('/').map((s) => s.trim()).filter(Boolean), addressee: v.addressee, content: v.content ?? '' },
        proposerMeeting: {
          heldOn: toIso(v.heldOn),
          venue: v.venue,
          chair: { name: v.chairName, position: v.chairPosition },
          secretary: { name: v.secretaryName, position: v.secretaryPosition },
          membersTotal: v.membersTotal,
          attendees,
          votes: batch.nominees.map((n) => {
            const agree = v.agree?.[n.id] ?? 0;
            return { nomineeId: n.id, agree, disagree: Math.max(0, attendees.length - agree), abstain: 0 };
          }),
        },
      }),
    );
  }
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} disabled={!batch.allowed.edit}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>Tờ trình</Typography.Title>
          <Form.Item name="number" label="Số tờ trình" rules={[{ required: true, message: 'Nhập số tờ trình' }]}>
            <Input placeholder="125/TTr-UBND" />
          </Form.Item>
          <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="signerName" label="Người ký" rules={[{ required: true, message: 'Nhập người ký' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="signerAuthority" label="Quyền hạn, chức vụ người ký (phân cách bằng /)" rules={[{ required: true }]}>
            <Input placeholder="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" />
          </Form.Item>
          <Form.Item name="addressee" label="Kính gửi" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label="Nội dung">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>Biên bản họp Hội đồng Thi đua - Khen thưởng cấp trình</Typography.Title>
          <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Chọn ngày họp' }]}>
            <DatePicker format={viDateFormat} />
          </Form.Item>
          <Form.Item name="venue" label="Địa điểm" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="chairName" label="Chủ trì" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="chairPosition" label="Chức vụ" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="secretaryName" label="Thư ký" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="secretaryPosition" label="Chức vụ" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="membersTotal" label="Tổng số thành viên Hội đồng" rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="attendees" label="Thành viên có mặt (mỗi người một dòng)" rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          {batch.nominees.map((n) => (
            <Form.Item key={n.id} name={['agree', n.id]} label={`Số phiếu đồng ý: ${n.name}`} rules={[{ required: true, message: 'Nhập số phiếu' }]}>
              <InputNumber min={0} />
            </Form.Item>
          ))}
        </Col>
      </Row>
      {batch.allowed.edit && (
        <Button type="primary" htmlType="submit">
          Lưu tờ trình và biên bản
        </Button>
      )}
    </Form>
  );
}

function DecisionForm({ batch, run }: { batch: BatchDto; run: Run }) {
  const [form] = Form.useForm<{ number: string; date: Dayjs; signerName: string; signerAuthority: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ signerAuthority: 'CHỦ TỊCH' }}
      onFinish={(v) => void run('Đã ghi quyết định khen thưởng', () => awardsApi.decide(batch.id, { number: v.number, date: toIso(v.date), signerName: v.signerName, signerAuthority: v.signerAuthority.split('/').map((s) => s.trim()).filter(Boolean) }))}
    >
      <Form.Item name="number" label="Số quyết định" rules={[{ required: true, message: 'Nhập số' }]}>
        <Input placeholder="912/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={viDateFormat} />
      </Form.Item>
      <Form.Item name="signerName" label="Người ký" rules={[{ required: true, message: 'Nhập người ký' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="signerAuthority" label="Chức vụ">
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        Ghi quyết định
      </Button>
    </Form>
  );
}

/** The public's comments on a State-level list and the board's answers (the board answers; others read). */
function CommentsCard({ batch }: { batch: BatchDto }) {
  const { message } = App.useApp();
  const comments = useApi(() => awardsApi.comments(batch.id), [batch.id, batch.stage]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  async function answer(id: string) {
    try {
      await awardsApi.answer(id, answers[id] ?? '');
      void message.success('Đã trả lời ý kiến.');
      comments.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }
  return (
    <Card title={`Ý kiến nhân dân (${comments.data?.length ?? 0})`} loading={comments.loading}>
      {(comments.data ?? []).length === 0 && <Typography.Text type="secondary">Chưa có ý kiến nào.</Typography.Text>}
      {(comments.data ?? []).map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 8 }} className="public-comment">
          <div>
            <Typography.Text strong>{c.authorName}</Typography.Text>
            {c.contact ? ` (${c.contact})` : ''} — {formatDateTime(c.receivedAt)}
            {c.nomineeName ? ` — về ${c.nomineeName}` : ''}
          </div>
          <div>{c.content}</div>
          {c.answer ? (
            <Typography.Text type="success">
              Trả lời ({c.answeredByName}, {formatDateTime(c.answeredAt ?? '')}): {c.answer}
            </Typography.Text>
          ) : (
            batch.allowed.answer && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input placeholder="Trả lời ý kiến" aria-label={`Trả lời ý kiến của ${c.authorName}`} value={answers[c.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [c.id]: e.target.value })} />
                <Button type="primary" onClick={() => void answer(c.id)}>
                  Trả lời
                </Button>
              </Space.Compact>
            )
          )}
        </Card>
      ))}
    </Card>
  );
}

export default function AwardBatchPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const loaded = useApi(() => awardsApi.batch(id), [id]);
  const [data, setData] = useState<BatchDto | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<NomineeDto | null>(null);
  const batch = data && data.id === id ? data : loaded.data;

  const run: Run = async (label, action) => {
    try {
      setData(await action());
      void message.success(label);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const askText = (title: string, label: string, then: (text: string) => Promise<void>) => {
    let text = '';
    modal.confirm({
      title,
      content: <Input.TextArea rows={3} aria-label={label} placeholder={label} onChange={(e) => (text = e.target.value)} />,
      okText: 'Xác nhận',
      cancelText: 'Hủy',
      onOk: () => then(text),
    });
  };

  if (loaded.error) return <Alert type="error" showIcon message={loaded.error.message} />;
  if (!batch) return <Card loading />;
  const base = `/api/awards/batches/${batch.id}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Link to={paths.awards}>← Hồ sơ đề nghị khen thưởng</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {batch.title} <BatchStatus batch={batch} />
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="Hình thức">{batch.formName}</Descriptions.Item>
        <Descriptions.Item label="Đợt thi đua">{batch.roundName}</Descriptions.Item>
        <Descriptions.Item label="Cấp trình">{batch.proposerName}</Descriptions.Item>
        <Descriptions.Item label="Gửi tới">{batch.reviewerName}</Descriptions.Item>
        <Descriptions.Item label="Ngưỡng biểu quyết">Từ {batch.voteThresholdPercent}% tổng số thành viên Hội đồng</Descriptions.Item>
        <Descriptions.Item label="Thời hạn thẩm định">{batch.appraisal ? batch.appraisal.label : `${batch.rules.appraisalDays} ngày kể từ khi nhận hồ sơ`}</Descriptions.Item>
        {batch.stateLevel && (
          <Descriptions.Item label="Lấy ý kiến nhân dân">
            {batch.commentFrom ? `Từ ${formatDate(batch.commentFrom)} đến hết ${formatDate(batch.commentTo ?? '')}; Hội đồng họp từ ${formatDate(batch.councilFrom ?? '')}` : `${batch.rules.publicCommentWorkingDays} ngày làm việc, sau khi thẩm định`}
          </Descriptions.Item>
        )}
        {batch.decisionNumber && <Descriptions.Item label="Quyết định">{`${batch.decisionNumber} ngày ${formatDate(batch.decisionDate ?? '')}`}</Descriptions.Item>}
      </Descriptions>

      <Card
        title={`Danh sách đề nghị (${batch.nominees.length})`}
        extra={
          batch.allowed.edit && (
            <Space>
              <Button onClick={() => void run('Đã kiểm tra lại điều kiện', () => awardsApi.recheck(batch.id))}>Kiểm tra lại điều kiện</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                Thêm đối tượng
              </Button>
            </Space>
          )
        }
      >
        <Table<NomineeDto>
          rowKey="id"
          dataSource={batch.nominees}
          pagination={false}
          expandable={{ expandedRowRender: (n) => <Checklist nominee={n} />, defaultExpandAllRows: true }}
          rowClassName={(n) => (n.blocked ? 'nominee-blocked' : '')}
          columns={[
            { title: 'TT', key: 'i', width: 48, render: (_, _n, i) => i + 1 },
            { title: 'Tên', key: 'name', render: (_, n) => (<><Typography.Text strong>{n.name}</Typography.Text> <Tag>{n.kindLabel}</Tag>{n.fromBatchName && <Tag color="cyan">{n.fromBatchName}</Tag>}</>) },
            { title: 'Địa chỉ, đơn vị', dataIndex: 'description' },
            {
              title: 'Điều kiện',
              key: 'ok',
              render: (_, n) => (n.blocked ? <Tag color="red">Chưa đủ điều kiện</Tag> : n.excepted.length > 0 ? <Tag color="orange">Đề nghị đặc cách</Tag> : <Tag color="green">Đủ điều kiện</Tag>),
            },
            { title: 'Hội đồng', key: 'vote', render: (_, n) => (n.council ? <Tag color={n.council.passed ? 'green' : 'red'}>{`${n.council.agree} phiếu (${n.council.ratePercent.toLocaleString('vi-VN')}%)`}</Tag> : '') },
            {
              title: '',
              key: 'act',
              render: (_, n) => (
                <Space>
                  <DownloadButton path={`/api/awards/nominees/${n.id}/achievement-report.docx`} name="bao-cao-thanh-tich.docx" label="Báo cáo" />
                  {batch.allowed.edit && n.batchId === batch.id && (
                    <>
                      <Button onClick={() => setEditing(n)}>Sửa</Button>
                      <Button danger onClick={() => void run('Đã bỏ khỏi danh sách', () => awardsApi.removeNominee(n.id))}>
                        Bỏ
                      </Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {batch.allowed.edit && (
        <Card title="Hồ sơ kèm theo">
          <DossierForm batch={batch} run={run} />
        </Card>
      )}

      {batch.dossierBlockers.length > 0 && (
        <Alert type="warning" showIcon message="Chưa thể gửi hồ sơ" description={<ul>{batch.dossierBlockers.map((b) => <li key={b}>{b}</li>)}</ul>} />
      )}

      <Card title="Xử lý hồ sơ">
        <Space wrap>
          {batch.allowed.submit && (
            <Button type="primary" onClick={() => void run('Đã gửi hồ sơ lên cấp trên', () => awardsApi.submit(batch.id))}>
              Gửi hồ sơ
            </Button>
          )}
          {batch.allowed.review && (
            <>
              <Button type="primary" onClick={() => void run(batch.reviewerRole === 'appraises' ? 'Đã thẩm định đạt' : 'Đã tổng hợp hồ sơ', () => awardsApi.approve(batch.id))}>
                {batch.reviewerRole === 'appraises' ? 'Thẩm định đạt' : 'Tổng hợp lên cấp trên'}
              </Button>
              <Button onClick={() => askText('Trả lại hồ sơ', 'Nội dung cần chỉnh sửa', (c) => run('Đã trả lại hồ sơ', () => awardsApi.returnBatch(batch.id, c)))}>Trả lại</Button>
            </>
          )}
          {batch.allowed.publish && (
            <Button type="primary" onClick={() => void run('Đã công khai lấy ý kiến nhân dân', () => awardsApi.publish(batch.id, {}))}>
              Công khai lấy ý kiến nhân dân ({batch.rules.publicCommentWorkingDays} ngày làm việc)
            </Button>
          )}
          {batch.allowed.council && (
            <Link to={awardBatchPath(batch.id, true)}>
              <Button type="primary">Họp Hội đồng, biểu quyết</Button>
            </Link>
          )}
          <DownloadButton path={`${base}/to-trinh.docx`} name="to-trinh.docx" label="Tờ trình" />
          <DownloadButton path={`${base}/minutes.docx`} name="bien-ban.docx" label="Biên bản cấp trình" />
          {batch.council && <DownloadButton path={`${base}/council-minutes.docx`} name="bien-ban-hoi-dong.docx" label="Biên bản Hội đồng tỉnh" />}
          {batch.decisionNumber && <DownloadButton path={`${base}/decision.docx`} name="quyet-dinh.docx" label="Quyết định" />}
        </Space>
        {batch.allowed.decide && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5}>Quyết định khen thưởng</Typography.Title>
            <DecisionForm batch={batch} run={run} />
          </div>
        )}
      </Card>

      {batch.stateLevel && batch.commentFrom && <CommentsCard batch={batch} />}

      {batch.children.length > 0 && (
        <Card title="Hồ sơ cấp dưới">
          <ul>
            {batch.children.map((c) => (
              <li key={c.id}>
                <Link to={awardBatchPath(c.id)}>{c.proposerName}</Link> <BatchStatus batch={c} />
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="Lịch sử">
        <Timeline items={batch.events.map((e) => ({ children: `${formatDateTime(e.at)} — ${e.actionLabel} — ${e.actorName}${e.note ? `: ${e.note}` : ''}` }))} />
      </Card>

      {adding && <AddNomineeModal batch={batch} onClose={() => setAdding(false)} run={run} />}
      {editing && <NomineeEditor nominee={editing} onClose={() => setEditing(null)} run={run} />}
    </Space>
  );
}
