// One unit's report: the figures pre-filled from the registry with their source (and, once approved, the locked
// figures beside today's, with "changed since approval"), the tables and narrative sections the unit writes, the
// history of the approval workflow, the reports of the units below, and the actions of the unit and the level above.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Radio,
  Skeleton,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import {
  figureLabels,
  formatFigure,
  type FigureField,
} from '../../../../src/domain/reports/report-figures.ts';
import type { TableCell } from '../../../../src/domain/reports/report-template.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { reportsApi, type SubmissionDto, type SubmissionSummaryDto } from '../../api/endpoints.ts';
import { LoadFailure } from '../../components/refusal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { paths, reportRequestPath, reportSubmissionPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ActionModal } from '../registry/action-modal.tsx';
import { DocumentButton, ReportStyles, StateTag, TimelinessTag } from './report-tags.tsx';
import { ReportTableEditor } from './report-table-editor.tsx';

type Section = SubmissionDto['sections'][number];
type Figures = NonNullable<SubmissionDto['figures']>;

function FiguresSection({
  section,
  figures,
}: {
  section: Extract<Section, { kind: 'figures' }>;
  figures: Figures | null;
}) {
  if (!figures) {
    return (
      <Typography.Text type="secondary">Đơn vị này không có số liệu điền sẵn từ sổ hộ nghèo.</Typography.Text>
    );
  }
  const approved = figures.approved;
  const changed = new Map(figures.changes.map((c) => [c.field, c]));
  const rows = section.fields.map((field) => ({ field, label: figureLabels[field] }));
  return (
    <div className="report-figures">
      <Typography.Paragraph type="secondary" className="figures-source">
        Nguồn: {figures.source}
      </Typography.Paragraph>
      <Table<{ field: FigureField; label: string }>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (changed.has(r.field) ? 'report-changed' : '')}
        columns={[
          { title: 'Chỉ tiêu', dataIndex: 'label' },
          ...(approved
            ? [
                {
                  title: `Khi phê duyệt (${formatDateTime(approved.takenAt)})`,
                  key: 'approved',
                  align: 'right' as const,
                  width: 220,
                  render: (_: unknown, r: { field: FigureField }) =>
                    formatFigure(r.field, approved.values[r.field] ?? 0),
                },
              ]
            : []),
          {
            title: approved ? 'Hiện nay' : 'Số liệu',
            key: 'live',
            align: 'right',
            width: 180,
            render: (_, r) => formatFigure(r.field, figures.live.values[r.field] ?? 0),
          },
        ]}
      />
      {figures.changes.length > 0 ? (
        <Alert
          className="changed-since-approval"
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="Số liệu đã thay đổi sau khi phê duyệt"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {figures.changes.map((c) => (
                <li key={c.field}>{c.text}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </div>
  );
}

function ChildrenCard({ rows }: { rows: SubmissionSummaryDto[] }) {
  const waiting = rows.filter((c) => c.state !== 'approved');
  return (
    <Card
      title={`Báo cáo của các đơn vị cấp dưới (${formatNumber(rows.length)})`}
      style={{ marginBottom: 16 }}
      className="report-children"
    >
      {waiting.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Báo cáo này chỉ được phê duyệt sau khi ${formatNumber(waiting.length)} báo cáo cấp dưới đã được phê duyệt.`}
        />
      ) : null}
      <Table<SubmissionSummaryDto>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          {
            title: 'Đơn vị',
            key: 'name',
            render: (_, c) => <Link to={reportSubmissionPath(c.id)}>{c.recipientName}</Link>,
          },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_, c) => <StateTag state={c.state} label={c.stateLabel} />,
          },
          {
            title: 'Thời hạn',
            key: 'timeliness',
            render: (_, c) => <TimelinessTag status={c.timeliness.status} label={c.timeliness.label} />,
          },
        ]}
      />
    </Card>
  );
}

function ReturnModal({
  open,
  subject,
  onClose,
  onDone,
  onSubmit,
}: {
  open: boolean;
  subject: string;
  onClose(): void;
  onDone(): void;
  onSubmit(comment: string): Promise<unknown>;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <ActionModal<{ comment: string }>
      open={open}
      title={`Trả lại ${subject}`}
      okText="Trả lại"
      successText="Đã trả lại báo cáo để đơn vị chỉnh sửa."
      form={form}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => onSubmit(v.comment)}
    >
      <Form.Item
        name="comment"
        label="Lý do trả lại, nội dung cần sửa"
        rules={[
          { required: true, whitespace: true, min: 5, message: 'Ghi rõ lý do trả lại (ít nhất 5 ký tự)' },
        ]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
    </ActionModal>
  );
}

function RevokeModal({
  open,
  onClose,
  onDone,
  id,
}: {
  open: boolean;
  onClose(): void;
  onDone(): void;
  id: string;
}) {
  const [form] = Form.useForm<{ reason: string; reopenTo: 'submitted' | 'draft' }>();
  return (
    <ActionModal<{ reason: string; reopenTo: 'submitted' | 'draft' }>
      open={open}
      title="Thu hồi phê duyệt"
      okText="Thu hồi"
      successText="Đã thu hồi phê duyệt."
      form={form}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ reopenTo: 'draft' }}
      onSubmit={(v) => reportsApi.revoke(id, v)}
    >
      <Form.Item
        name="reason"
        label="Lý do thu hồi"
        rules={[
          { required: true, whitespace: true, min: 5, message: 'Ghi rõ lý do thu hồi (ít nhất 5 ký tự)' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="reopenTo" label="Sau khi thu hồi">
        <Radio.Group
          options={[
            { value: 'draft', label: 'Trả về đơn vị để chỉnh sửa' },
            { value: 'submitted', label: 'Cấp trên xem xét lại' },
          ]}
        />
      </Form.Item>
    </ActionModal>
  );
}

export default function SubmissionPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const { message } = App.useApp();
  const loaded = useApi(() => reportsApi.submission(id), [id]);
  const [data, setData] = useState<SubmissionDto | null>(null);
  const [narratives, setNarratives] = useState<Record<string, string>>({});
  const [tables, setTables] = useState<Record<string, TableCell[][]>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [revoking, setRevoking] = useState(false);

  const adopt = (next: SubmissionDto) => {
    setData(next);
    setNarratives({ ...next.content.narratives });
    setTables(
      Object.fromEntries(
        Object.entries(next.content.tables).map(([k, rows]) => [k, rows.map((r) => [...r])]),
      ),
    );
    setDirty(false);
  };
  useEffect(() => {
    if (loaded.data) adopt(loaded.data);
  }, [loaded.data]);

  if (loaded.error && !data)
    return (
      <LoadFailure
        error={loaded.error}
        notFoundTitle="Không tìm thấy báo cáo"
        back={{ to: paths.reports, label: 'Về trang Báo cáo' }}
        onRetry={loaded.reload}
      />
    );
  if (!data || data.id !== id) return <Skeleton active paragraph={{ rows: 12 }} />;

  const ownUnit = me.assignments.some(
    (a) =>
      (a.unitCode !== null && a.unitCode === data.unitCode) ||
      (a.organisationId !== null && a.organisationId === data.organisationId),
  );
  const editable = data.canEdit && me.can('reports.submit');
  const reviewer = me.can('reports.approve') && !ownUnit;

  const run = async (key: string, action: () => Promise<SubmissionDto>, done: string) => {
    setBusy(key);
    setError(null);
    try {
      adopt(await action());
      void message.success(done);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const save = () => reportsApi.saveContent(data.id, { narratives, tables, version: data.version });
  const send = async () => {
    if (dirty) await save();
    return reportsApi.submit(data.id);
  };

  return (
    <div>
      <ReportStyles />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'reports', title: <Link to={paths.reports}>Báo cáo</Link> },
          { key: 'request', title: <Link to={reportRequestPath(data.requestId)}>{data.requestTitle}</Link> },
          { key: 'unit', title: data.recipientName },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {data.requestTitle}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} className="submission-header">
        <Typography.Text strong>{data.recipientName}</Typography.Text>
        <StateTag state={data.state} label={data.stateLabel} />
        <TimelinessTag status={data.timeliness.status} label={data.timeliness.label} />
        <Typography.Text type="secondary">
          Hạn gửi {formatDate(data.deadline)} · mẫu: {data.templateName}
        </Typography.Text>
      </Space>
      {data.deadlineStatus.reminder ? (
        <Alert
          type={data.deadlineStatus.overdue ? 'error' : 'warning'}
          showIcon
          title={data.deadlineStatus.reminder}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {data.state === 'returned' && data.returnComment ? (
        <Alert
          className="return-comment"
          type="error"
          showIcon
          title="Báo cáo bị trả lại"
          description={data.returnComment}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {error ? (
        <Alert
          className="action-error"
          type="error"
          showIcon
          title={error}
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 12 }}
        />
      ) : null}

      <Space wrap style={{ marginBottom: 16 }} className="no-print">
        {editable ? (
          <>
            <Button
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={!dirty}
              onClick={() => void run('save', save, 'Đã lưu nội dung báo cáo.')}
            >
              Lưu nội dung
            </Button>
            <Popconfirm
              title="Gửi báo cáo lên cấp trên? Sau khi gửi, đơn vị không sửa được nội dung."
              okText="Đồng ý"
              cancelText="Huỷ"
              onConfirm={() => void run('submit', send, 'Đã gửi báo cáo lên cấp trên.')}
            >
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'}>
                Gửi báo cáo
              </Button>
            </Popconfirm>
          </>
        ) : null}
        {reviewer && data.state === 'submitted' ? (
          <>
            <Popconfirm
              title={`Phê duyệt báo cáo của ${data.recipientName}? Số liệu được khoá tại thời điểm phê duyệt.`}
              okText="Đồng ý"
              cancelText="Huỷ"
              onConfirm={() =>
                void run('approve', () => reportsApi.approve(data.id), 'Đã phê duyệt báo cáo.')
              }
            >
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'}>
                Phê duyệt
              </Button>
            </Popconfirm>
            <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              Trả lại
            </Button>
          </>
        ) : null}
        {reviewer && data.state === 'approved' ? (
          <Button icon={<UndoOutlined />} onClick={() => setRevoking(true)}>
            Thu hồi phê duyệt
          </Button>
        ) : null}
        <DocumentButton
          format="docx"
          path={reportsApi.submissionDocxPath(data.id)}
          fileName={`Báo cáo ${data.recipientName}.docx`}
        >
          Tải báo cáo (DOCX)
        </DocumentButton>
        <DocumentButton
          format="xlsx"
          path={reportsApi.submissionXlsxPath(data.id)}
          fileName={`Bảng số liệu ${data.recipientName}.xlsx`}
        >
          Tải các bảng (XLSX)
        </DocumentButton>
      </Space>

      {data.sections.map((section, index) => (
        <Card
          key={section.key}
          title={`${index + 1}. ${section.title}`}
          style={{ marginBottom: 16 }}
          className={`report-section report-section--${section.kind}`}
        >
          {section.kind === 'figures' ? <FiguresSection section={section} figures={data.figures} /> : null}
          {section.kind === 'table' ? (
            <>
              {section.note ? (
                <Typography.Paragraph type="secondary">{section.note}</Typography.Paragraph>
              ) : null}
              <ReportTableEditor
                title={section.title}
                columns={section.columns}
                rows={tables[section.key] ?? []}
                readOnly={!editable}
                onChange={(rows) => {
                  setTables((t) => ({ ...t, [section.key]: rows }));
                  setDirty(true);
                }}
              />
            </>
          ) : null}
          {section.kind === 'narrative' ? (
            editable ? (
              <Form layout="vertical" className="report-narrative">
                <Form.Item
                  label={section.required ? `${section.title} (bắt buộc)` : section.title}
                  htmlFor={`narrative-${section.key}`}
                  extra={section.guidance}
                >
                  <Input.TextArea
                    id={`narrative-${section.key}`}
                    autoSize={{ minRows: 4, maxRows: 20 }}
                    value={narratives[section.key] ?? ''}
                    onChange={(e) => {
                      setNarratives((n) => ({ ...n, [section.key]: e.target.value }));
                      setDirty(true);
                    }}
                  />
                </Form.Item>
              </Form>
            ) : (
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                className="narrative-text"
              >
                {(narratives[section.key] ?? '').trim() || (
                  <Typography.Text type="secondary">(Không có nội dung)</Typography.Text>
                )}
              </Typography.Paragraph>
            )
          ) : null}
        </Card>
      ))}

      {data.children.length > 0 ? <ChildrenCard rows={data.children} /> : null}

      <Card title="Quá trình gửi và phê duyệt" className="report-history">
        {data.events.length === 0 ? (
          <Typography.Text type="secondary">Báo cáo chưa được gửi.</Typography.Text>
        ) : (
          <Timeline
            items={data.events.map((e, i) => ({
              key: i,
              color:
                e.action === 'approve'
                  ? 'green'
                  : e.action === 'return' || e.action === 'revoke'
                    ? 'red'
                    : 'blue',
              content: (
                <div>
                  <strong>{e.actionLabel}</strong> – {e.actorName}, {formatDateTime(e.at)}
                  {e.note ? <div>Ý kiến: {e.note}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>

      <ReturnModal
        open={returning}
        subject={`báo cáo của ${data.recipientName}`}
        onClose={() => setReturning(false)}
        onDone={() => setReturning(false)}
        onSubmit={async (comment) => adopt(await reportsApi.returnSubmission(data.id, comment))}
      />
      <RevokeModal
        open={revoking}
        id={data.id}
        onClose={() => setRevoking(false)}
        onDone={() => {
          setRevoking(false);
          loaded.reload();
        }}
      />
    </div>
  );
}

export { ReturnModal };
