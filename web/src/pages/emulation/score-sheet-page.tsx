// A participant's score sheet: every line says where its points come from (the formula and its inputs, or the
// evidence and who verified it, or the council, or the board's written adjustment). The participant self-assesses its
// evidence lines here (with files); the board verifies and adjusts; council members score the council lines.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import type { EvidenceRef } from '../../../../src/shared/schemas/emulation.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type FileDto, type ScoreLineDto, type ScoreSheetDto, type VerifyInput } from '../../api/emulation-endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { EvidenceItem, KindTag, SourceTag, XlsxButton } from './emulation-common.tsx';
import { formatScore } from './emulation-helpers.ts';
import { emulationPaths, withRound } from './emulation-paths.ts';

type Action = { kind: 'self' | 'verify' | 'council' | 'adjust'; line: ScoreLineDto };

const statusColors: Record<ScoreLineDto['status'], string> = { scored: 'green', not_scored: 'default', not_submitted: 'default', pending_verification: 'orange' };
const decisionLabels: Record<string, string> = { accept: 'Chấp nhận', adjust: 'Điều chỉnh', reject: 'Không chấp nhận' };

/** The formula's inputs as "name: value" lines (numbers in Vietnamese format). */
function InputsList({ inputs }: { inputs: unknown }) {
  if (!inputs || typeof inputs !== 'object') return null;
  const entries = Object.entries(inputs as Record<string, unknown>).filter(([, v]) => v !== null && typeof v !== 'object');
  if (entries.length === 0) return null;
  return (
    <ul className="formula-inputs" style={{ margin: 0, paddingInlineStart: 18 }}>
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {typeof v === 'number' ? v.toLocaleString('vi-VN') : String(v)}
        </li>
      ))}
    </ul>
  );
}

/** How the line got its points, in full: the explanation, then the formula, evidence, verifier, council, adjustment. */
function LineDetail({ line }: { line: ScoreLineDto }) {
  return (
    <Space orientation="vertical" size={4} className="line-detail">
      <Typography.Text className="line-explanation">{line.explanation}</Typography.Text>
      {line.formula ? (
        <div className="line-formula">
          <Typography.Text strong>Công thức: {line.formula.label}</Typography.Text>
          {line.formula.version ? <Typography.Text type="secondary"> (phiên bản {line.formula.version})</Typography.Text> : null}
          <InputsList inputs={line.formula.inputs} />
        </div>
      ) : null}
      {line.selfPoints !== null ? (
        <div className="line-self">
          Tự chấm: <strong>{formatScore(line.selfPoints)}</strong> điểm
          {line.evidence.length ? ' — minh chứng: ' : ''}
          {line.evidence.map((e) => (
            <EvidenceItem key={`${e.kind}:${e.id}`} item={e} />
          ))}
        </div>
      ) : null}
      {line.verification ? (
        <div className="line-verification">
          Thẩm định: <Tag>{decisionLabels[line.verification.decision] ?? line.verification.decision}</Tag>
          {line.verification.points !== null ? `${formatScore(line.verification.points)} điểm, ` : ''}
          bởi {line.verification.by} ngày {formatDate(line.verification.on)}
          {line.verification.reason ? ` — lý do: ${line.verification.reason}` : ''}
        </div>
      ) : null}
      {line.council ? (
        <div className="line-council">
          Hội đồng chấm: <strong>{formatScore(line.council.points)}</strong> điểm, bởi {line.council.by} ngày {formatDate(line.council.on)}
          {line.council.note ? ` — ${line.council.note}` : ''}
        </div>
      ) : null}
      {line.adjustment ? (
        <div className="line-adjustment">
          Ban Thi đua - Khen thưởng điều chỉnh từ {formatScore(line.adjustment.fromPoints)} thành <strong>{formatScore(line.adjustment.points)}</strong> điểm, bởi{' '}
          {line.adjustment.by} ngày {formatDate(line.adjustment.on)} — lý do: {line.adjustment.reason}
        </div>
      ) : null}
    </Space>
  );
}

interface SelfValues {
  points: number;
  note?: string;
}

function SelfAssessModal({ sheet, line, onClose, onSaved }: { sheet: ScoreSheetDto; line: ScoreLineDto; onClose(): void; onSaved(s: ScoreSheetDto): void }) {
  const { csrfToken } = useSignedIn();
  const [form] = Form.useForm<SelfValues>();
  const [files, setFiles] = useState<FileDto[]>([]);
  const [kept, setKept] = useState<ScoreLineDto['evidence']>(line.evidence);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const registrationId = sheet.registration.id;
  const submit = async (v: SelfValues) => {
    const evidence: EvidenceRef[] = [
      ...kept.map((e) => (e.kind === 'file' ? { kind: 'file' as const, fileId: e.id } : ({ kind: e.kind, id: e.id } as EvidenceRef))),
      ...files.map((f) => ({ kind: 'file' as const, fileId: f.id })),
    ];
    if (evidence.length === 0) {
      setError('Tự chấm phải kèm ít nhất một minh chứng: hãy tải tệp lên.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await emulationApi.selfAssess(registrationId, line.code, { points: v.points, note: v.note?.trim() || undefined, evidence }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={`Tự chấm tiêu chí ${line.code}`} open okText="Gửi tự chấm" cancelText="Huỷ" confirmLoading={saving} okButtonProps={{ disabled: uploading }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      <Typography.Paragraph>{line.text}</Typography.Paragraph>
      <Form<SelfValues> form={form} layout="vertical" name="self-assess" initialValues={{ points: line.selfPoints ?? undefined }} onFinish={(v) => void submit(v)}>
        <Form.Item name="points" label={`Điểm tự chấm (tối đa ${formatScore(line.maxPoints)})`} rules={[{ required: true, message: 'Nhập điểm tự chấm' }]}>
          <InputNumber min={0} max={line.maxPoints} step={0.5} style={{ width: 160 }} id="self-points" />
        </Form.Item>
        <Form.Item name="note" label="Thuyết minh">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={3000} id="self-note" />
        </Form.Item>
        <Form.Item label="Minh chứng (PDF, JPG, PNG, DOCX, XLSX)">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {kept.map((e) => (
              <Space key={`${e.kind}:${e.id}`}>
                <EvidenceItem item={e} />
                <Button size="small" type="link" danger onClick={() => setKept((k) => k.filter((x) => x !== e))}>
                  Bỏ
                </Button>
              </Space>
            ))}
            <Upload
              className="evidence-upload"
              multiple={false}
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              customRequest={({ file, onSuccess, onError }) => {
                setUploading(true);
                setError(null);
                emulationApi
                  .uploadEvidence(registrationId, file as File, csrfToken)
                  .then((stored) => {
                    setFiles((list) => [...list, stored]);
                    onSuccess?.(stored);
                  })
                  .catch((failure: unknown) => {
                    setError(errorMessage(failure));
                    onError?.(failure as Error);
                  })
                  .finally(() => setUploading(false));
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                Tải tệp minh chứng lên
              </Button>
            </Upload>
            {files.map((f) => (
              <Tag key={f.id} color="green" className="uploaded-file">
                Đã tải lên: {f.originalName}
              </Tag>
            ))}
          </Space>
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

interface JudgeValues {
  decision?: VerifyInput['decision'];
  points?: number;
  reason?: string;
  note?: string;
}

/** The board's verification, the council's score and the board's adjustment share one small form. */
export function JudgeModal({ registrationId, action, onClose, onSaved }: { registrationId: string; action: Action; onClose(): void; onSaved(s: ScoreSheetDto): void }) {
  const [form] = Form.useForm<JudgeValues>();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { line } = action;
  const titles = { self: '', verify: `Thẩm định tiêu chí ${line.code}`, council: `Hội đồng chấm tiêu chí ${line.code}`, adjust: `Điều chỉnh điểm tiêu chí ${line.code}` };
  const submit = async (v: JudgeValues) => {
    setSaving(true);
    setError(null);
    try {
      if (action.kind === 'verify') onSaved(await emulationApi.verify(registrationId, line.code, { decision: v.decision ?? 'accept', points: v.decision === 'adjust' ? v.points : undefined, reason: v.reason?.trim() || undefined }));
      else if (action.kind === 'council') onSaved(await emulationApi.council(registrationId, line.code, { points: v.points ?? 0, note: v.note?.trim() || undefined }));
      else onSaved(await emulationApi.adjust(registrationId, line.code, { points: v.points ?? 0, reason: v.reason ?? '' }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const needsPoints = action.kind !== 'verify' || decision === 'adjust';
  const needsReason = action.kind === 'adjust' || (action.kind === 'verify' && decision !== 'accept');
  return (
    <Modal title={titles[action.kind]} open okText="Lưu" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{line.text}</Typography.Paragraph>
      {line.selfPoints !== null ? <Typography.Paragraph>Điểm tự chấm: {formatScore(line.selfPoints)} / {formatScore(line.maxPoints)}</Typography.Paragraph> : null}
      <Form<JudgeValues> form={form} layout="vertical" name="judge-score" initialValues={{ decision: 'accept', points: action.kind === 'adjust' ? line.points : (line.selfPoints ?? undefined) }} onFinish={(v) => void submit(v)}>
        {action.kind === 'verify' ? (
          <Form.Item name="decision" label="Kết quả thẩm định">
            <Radio.Group
              options={[
                { value: 'accept', label: 'Chấp nhận' },
                { value: 'adjust', label: 'Điều chỉnh' },
                { value: 'reject', label: 'Không chấp nhận' },
              ]}
            />
          </Form.Item>
        ) : null}
        {needsPoints ? (
          <Form.Item name="points" label={`Điểm (tối đa ${formatScore(line.maxPoints)})`} rules={[{ required: true, message: 'Nhập số điểm' }]}>
            <InputNumber min={0} max={line.maxPoints} step={0.5} style={{ width: 160 }} id="judge-points" />
          </Form.Item>
        ) : null}
        {needsReason ? (
          <Form.Item name="reason" label="Lý do (bắt buộc, lưu trong nhật ký)" rules={[{ required: true, whitespace: true, min: action.kind === 'adjust' ? 10 : 1, message: action.kind === 'adjust' ? 'Ghi rõ lý do (ít nhất 10 ký tự)' : 'Ghi rõ lý do' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={3000} id="judge-reason" />
          </Form.Item>
        ) : null}
        {action.kind === 'council' ? (
          <Form.Item name="note" label="Nhận xét">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={3000} />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export function ScoreSheetView({ sheet, onChange }: { sheet: ScoreSheetDto; onChange(s: ScoreSheetDto): void }) {
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const saved = (s: ScoreSheetDto) => {
    setAction(null);
    onChange(s);
    void message.success('Đã lưu.');
  };
  const open = !sheet.published;
  return (
    <>
      <Space wrap size={32} style={{ marginBottom: 16 }} className="sheet-totals">
        <Statistic title="Tổng điểm" value={formatScore(sheet.total)} suffix={`/ ${formatScore(sheet.maxTotal)}`} className="sheet-total" />
        <Statistic title="Điểm tính từ số liệu" value={formatScore(sheet.measuredTotal)} />
        <Statistic title="Bộ tiêu chí" value={`phiên bản ${sheet.criteriaSetVersion}`} />
      </Space>
      <Table
        rowKey="criterionId"
        className="score-sheet-table"
        pagination={false}
        dataSource={sheet.lines}
        expandable={{ expandedRowRender: (line) => <LineDetail line={line} />, defaultExpandAllRows: true }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 64, render: (c: string) => <strong>{c}</strong> },
          { title: 'Tiêu chí', dataIndex: 'text' },
          { title: 'Loại', width: 110, render: (_: unknown, l) => <KindTag kind={l.kind} label={l.kindLabel} /> },
          { title: 'Tối đa', dataIndex: 'maxPoints', width: 76, align: 'right', render: (v: number) => formatScore(v) },
          { title: 'Điểm', dataIndex: 'points', width: 76, align: 'right', render: (v: number) => <strong className="line-points">{formatScore(v)}</strong> },
          {
            title: 'Nguồn điểm',
            width: 220,
            render: (_: unknown, l) => (
              <Space orientation="vertical" size={2}>
                {l.status === 'scored' ? <SourceTag source={l.source} label={l.sourceLabel} /> : null}
                <Tag color={statusColors[l.status]} className={`line-status status-${l.status}`}>
                  {l.statusLabel}
                </Tag>
              </Space>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_: unknown, l) => (
              <Space orientation="vertical" size={4}>
                {open && l.kind === 'evidence' && can('emulation.participate') ? (
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'self', line: l })}>
                    Tự chấm
                  </Button>
                ) : null}
                {open && l.status === 'pending_verification' && can('emulation.manage') ? (
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'verify', line: l })}>
                    Thẩm định
                  </Button>
                ) : null}
                {open && l.kind === 'council' && can('emulation.council') ? (
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'council', line: l })}>
                    Chấm điểm
                  </Button>
                ) : null}
                {can('emulation.manage') ? (
                  <Button size="small" onClick={() => setAction({ kind: 'adjust', line: l })}>
                    Điều chỉnh
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {action?.kind === 'self' ? <SelfAssessModal sheet={sheet} line={action.line} onClose={() => setAction(null)} onSaved={saved} /> : null}
      {action && action.kind !== 'self' ? <JudgeModal registrationId={sheet.registration.id} action={action} onClose={() => setAction(null)} onSaved={saved} /> : null}
    </>
  );
}

export default function ScoreSheetPage() {
  const { id = '' } = useParams();
  const { data, error } = useApi(() => emulationApi.scoreSheet(id), [id]);
  const [sheet, setSheet] = useState<ScoreSheetDto | null>(null);
  const shown = sheet?.registration.id === id ? sheet : data;
  if (error && !shown) return <Alert type="error" showIcon title={error.message} />;
  if (!shown) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = shown.registration;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }} className="sheet-title">
        Bảng điểm: {r.participantName}
      </Typography.Title>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Đợt thi đua">
            <Link to={withRound(emulationPaths.rankings, r.roundId)}>{shown.roundName}</Link>
            {shown.published ? <Tag color="green" style={{ marginInlineStart: 8 }}>Đã công bố</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="Đối tượng">{r.participantTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="Ngày đăng ký">{formatDate(r.registeredOn)} ({r.registeredBy})</Descriptions.Item>
          <Descriptions.Item label="Nội dung đăng ký">
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {r.pledges.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Descriptions.Item>
        </Descriptions>
        <XlsxButton path={emulationApi.scoreSheetXlsxPath(r.id)} fileName="bang-diem.xlsx">
          Xuất bảng điểm (Excel)
        </XlsxButton>
      </Card>
      <Card title="Các dòng điểm">
        <ScoreSheetView sheet={shown} onChange={setSheet} />
      </Card>
    </Space>
  );
}
