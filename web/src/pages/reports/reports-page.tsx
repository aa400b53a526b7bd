// The reports home: the reports the caller's unit must send (deadline, reminder, returned with a comment), the reports
// waiting for the caller's approval, and every request the caller takes part in with its counts. The board issues
// new requests from here.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { reportsApi, type RequestDto, type SubmissionSummaryDto } from '../../api/endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { reportRequestPath, reportSubmissionPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { CreateRequestModal } from './create-request-modal.tsx';
import { CountTags, ReportStyles, StateTag, TimelinessTag } from './report-tags.tsx';

const thisYear = new Date().getFullYear();
const yearOptions = [
  { value: 0, label: 'Mọi năm' },
  ...Array.from({ length: thisYear - 2016 + 2 }, (_, i) => thisYear + 1 - i).map((y) => ({
    value: y,
    label: `Năm ${y}`,
  })),
];

/** The deadline as a unit reads it: the reminder while unsent, the timeliness once sent. */
function DeadlineCell({ s }: { s: SubmissionSummaryDto }) {
  return (
    <Space orientation="vertical" size={2}>
      <span>{formatDate(s.deadline)}</span>
      {s.deadlineStatus.reminder ? (
        <Tag color={s.deadlineStatus.overdue ? 'red' : 'gold'} className="deadline-reminder">
          {s.deadlineStatus.reminder}
        </Tag>
      ) : (
        <TimelinessTag status={s.timeliness.status} label={s.timeliness.label} />
      )}
    </Space>
  );
}

function ToSubmit({ rows }: { rows: SubmissionSummaryDto[] }) {
  return (
    <Table<SubmissionSummaryDto>
      className="inbox-to-submit"
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: 'Đơn vị chưa nhận yêu cầu báo cáo nào.' }}
      columns={[
        {
          title: 'Báo cáo',
          key: 'title',
          render: (_, s) => (
            <Space orientation="vertical" size={2}>
              <Link to={reportSubmissionPath(s.id)}>{s.requestTitle}</Link>
              {s.returnComment ? (
                <Typography.Text type="danger">Ý kiến trả lại: {s.returnComment}</Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: 'Đơn vị', dataIndex: 'recipientName', width: 200 },
        { title: 'Hạn gửi', key: 'deadline', width: 230, render: (_, s) => <DeadlineCell s={s} /> },
        {
          title: 'Trạng thái',
          key: 'state',
          width: 190,
          render: (_, s) => <StateTag state={s.state} label={s.stateLabel} />,
        },
      ]}
    />
  );
}

function ToReview({ rows }: { rows: SubmissionSummaryDto[] }) {
  return (
    <Table<SubmissionSummaryDto>
      className="inbox-to-review"
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: 'Không có báo cáo nào chờ phê duyệt.' }}
      columns={[
        {
          title: 'Đơn vị gửi',
          key: 'name',
          render: (_, s) => <Link to={reportSubmissionPath(s.id)}>{s.recipientName}</Link>,
        },
        {
          title: 'Báo cáo',
          key: 'request',
          render: (_, s) => <Link to={reportRequestPath(s.requestId, 'phe-duyet')}>{s.requestTitle}</Link>,
        },
        {
          title: 'Gửi lúc',
          key: 'sent',
          width: 150,
          render: (_, s) => (s.firstSubmittedAt ? formatDateTime(s.firstSubmittedAt) : '—'),
        },
        {
          title: 'Thời hạn',
          key: 'timeliness',
          width: 200,
          render: (_, s) => <TimelinessTag status={s.timeliness.status} label={s.timeliness.label} />,
        },
      ]}
    />
  );
}

export default function ReportsPage() {
  const me = useSignedIn();
  const navigate = useNavigate();
  const [year, setYear] = useState(0);
  const [creating, setCreating] = useState(false);
  const asked = year === 0 ? undefined : year;
  const inbox = useApi(() => reportsApi.inbox(asked), [asked]);
  const requests = useApi(() => reportsApi.requests(asked), [asked]);
  const canManage = me.can('reports.manage');
  const toSubmit = inbox.data?.toSubmit ?? [];
  const toReview = inbox.data?.toReview ?? [];

  return (
    <div>
      <ReportStyles />
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Báo cáo định kỳ và đột xuất
        </Typography.Title>
        <Space wrap>
          <Select<number>
            aria-label="Năm của hạn gửi"
            value={year}
            onChange={setYear}
            options={yearOptions}
            style={{ width: 140 }}
          />
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Ban hành yêu cầu báo cáo
            </Button>
          ) : null}
        </Space>
      </Space>
      {inbox.error ? (
        <Alert type="error" showIcon title={inbox.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {me.can('reports.submit') ? (
        <Card
          title={`Báo cáo đơn vị phải gửi (${formatNumber(toSubmit.length)})`}
          style={{ marginBottom: 16 }}
          loading={inbox.loading && !inbox.data}
        >
          <ToSubmit rows={toSubmit} />
        </Card>
      ) : null}
      {me.can('reports.approve') ? (
        <Card
          title={`Báo cáo chờ phê duyệt (${formatNumber(toReview.length)})`}
          style={{ marginBottom: 16 }}
          loading={inbox.loading && !inbox.data}
        >
          <ToReview rows={toReview} />
        </Card>
      ) : null}
      <Card title="Các yêu cầu báo cáo">
        {requests.error ? (
          <Alert type="error" showIcon title={requests.error.message} style={{ marginBottom: 12 }} />
        ) : null}
        <Table<RequestDto>
          className="report-requests"
          rowKey="id"
          loading={requests.loading}
          dataSource={requests.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: 'Chưa có yêu cầu báo cáo nào.' }}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: 'Yêu cầu báo cáo',
              key: 'title',
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <Link to={reportRequestPath(r.id)}>{r.title}</Link>
                  <Typography.Text type="secondary">
                    {r.kindLabel} · số liệu năm {r.roundYear} · {r.templateName}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: 'Ban hành', key: 'issued', width: 110, render: (_, r) => formatDate(r.issuedOn) },
            { title: 'Hạn gửi', key: 'deadline', width: 110, render: (_, r) => formatDate(r.deadline) },
            {
              title: 'Số đơn vị',
              key: 'count',
              width: 100,
              align: 'right',
              render: (_, r) => formatNumber(r.recipientCount),
            },
            {
              title: 'Tình hình',
              key: 'counts',
              width: 380,
              render: (_, r) => <CountTags counts={r.counts} />,
            },
          ]}
        />
      </Card>
      {canManage ? (
        <CreateRequestModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void navigate(reportRequestPath(created.id));
          }}
        />
      ) : null}
    </div>
  );
}
