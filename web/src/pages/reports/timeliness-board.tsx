// Timeliness of a request, recipient by recipient (DOMAIN.md §8; criteria 2.2 and 3.2 of plan 165): sent on time,
// late by how many days, missing once the deadline has passed, or not yet due. A report returned and sent again keeps
// the day it was first sent.
import { useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import {
  timelinessLabels,
  timelinessStatuses,
  type TimelinessStatus,
} from '../../../../src/domain/reports/timeliness.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { reportsApi, type RequestTimelinessDto } from '../../api/endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { reportSubmissionPath } from '../../paths.ts';
import { Link } from 'react-router';
import { TimelinessTag } from './report-tags.tsx';

type Row = RequestTimelinessDto['rows'][number];

const statColors: Record<TimelinessStatus, string> = {
  on_time: '#389e0d',
  late: '#d46b08',
  missing: '#cf1322',
  pending: '#0958d9',
};

export function TimelinessBoard({ requestId, refreshKey }: { requestId: string; refreshKey: number }) {
  const { data, error, loading } = useApi(() => reportsApi.timeliness(requestId), [requestId, refreshKey]);
  const [status, setStatus] = useState<TimelinessStatus | 'all'>('all');
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const rows = (data?.rows ?? []).filter((r) => status === 'all' || r.status === status);
  return (
    <div className="timeliness-board">
      {data ? (
        <Typography.Paragraph type="secondary">
          Hạn gửi chung {formatDate(data.deadline)}; tính đến hôm nay {formatDate(data.today)}. Báo cáo bị trả
          lại rồi gửi lại vẫn tính theo ngày gửi lần đầu.
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {timelinessStatuses.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Card size="small" className={`timeliness-count timeliness-count--${s}`}>
              <Statistic
                title={timelinessLabels[s]}
                value={formatNumber(data?.counts[s] ?? 0)}
                loading={loading && !data}
                styles={{ content: { color: statColors[s] } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Segmented<TimelinessStatus | 'all'>
        className="no-print"
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'all', label: 'Tất cả' },
          ...timelinessStatuses.map((s) => ({ value: s, label: timelinessLabels[s] })),
        ]}
      />
      <Table<Row>
        className="timeliness-table"
        rowKey="submissionId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (t) => `${formatNumber(t)} đơn vị`,
        }}
        columns={[
          {
            title: 'Đơn vị',
            key: 'name',
            render: (_, r) => <Link to={reportSubmissionPath(r.submissionId)}>{r.recipientName}</Link>,
          },
          { title: 'Hạn gửi', key: 'deadline', width: 120, render: (_, r) => formatDate(r.deadline) },
          {
            title: 'Gửi lần đầu',
            key: 'sent',
            width: 150,
            render: (_, r) => (r.firstSubmittedAt ? formatDateTime(r.firstSubmittedAt) : '—'),
          },
          {
            title: 'Thời hạn',
            key: 'status',
            width: 260,
            render: (_, r) => <TimelinessTag status={r.status} label={r.label} />,
          },
          {
            title: 'Số ngày chậm',
            key: 'days',
            width: 130,
            align: 'right',
            render: (_, r) =>
              r.daysLate !== null && (r.status === 'late' || r.status === 'missing')
                ? formatNumber(r.daysLate)
                : '—',
          },
        ]}
      />
    </div>
  );
}
