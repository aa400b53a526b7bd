// The board's appraisal queue: batches waiting for appraisal (with the time limit), lists in public comment, batches
// the council is to meet on, and decisions to record.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { awardsApi, type BatchSummaryDto } from '../../api/endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { awardBatchPath } from '../../paths.ts';
import { BatchStatus } from './awards-common.tsx';

function BatchTable({ rows, extra }: { rows: BatchSummaryDto[]; extra?: { title: string; render: (b: BatchSummaryDto) => ReactNode } }) {
  return (
    <Table<BatchSummaryDto>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: 'Không có hồ sơ nào' }}
      columns={[
        { title: 'Hồ sơ', key: 't', render: (_, b) => <Link to={awardBatchPath(b.id)}>{b.title}</Link> },
        { title: 'Cấp trình', dataIndex: 'proposerName' },
        { title: 'Số đối tượng', dataIndex: 'nomineeCount' },
        { title: 'Trạng thái', key: 's', render: (_, b) => <BatchStatus batch={b} /> },
        ...(extra ? [{ title: extra.title, key: 'x', render: (_: unknown, b: BatchSummaryDto) => extra.render(b) }] : []),
      ]}
    />
  );
}

export default function AppraisalQueuePage() {
  const queue = useApi(() => awardsApi.queue(), []);
  if (queue.error) return <Alert type="error" showIcon message={queue.error.message} />;
  const q = queue.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Thẩm định hồ sơ khen thưởng
      </Typography.Title>
      <Card title={`Chờ thẩm định (${q?.toReview.length ?? 0})`} loading={queue.loading}>
        <BatchTable rows={q?.toReview ?? []} extra={{ title: 'Thời hạn', render: (b) => (b.appraisal ? <Tag color={b.appraisal.overdue ? 'red' : b.appraisal.daysLeft <= 3 ? 'orange' : 'blue'}>{b.appraisal.label}</Tag> : '') }} />
      </Card>
      <Card title={`Đang lấy ý kiến nhân dân (${q?.inComment.length ?? 0})`} loading={queue.loading}>
        <BatchTable rows={q?.inComment ?? []} extra={{ title: 'Thời gian', render: (b) => `${formatDate(b.commentFrom ?? '')} – ${formatDate(b.commentTo ?? '')}; Hội đồng họp từ ${formatDate(b.councilFrom ?? '')}` }} />
      </Card>
      <Card title={`Chờ Hội đồng họp xét (${q?.toCouncil.length ?? 0})`} loading={queue.loading}>
        <BatchTable rows={q?.toCouncil ?? []} extra={{ title: 'Ngưỡng', render: (b) => `từ ${b.voteThresholdPercent}%` }} />
      </Card>
      <Card title={`Chờ quyết định khen thưởng (${q?.toDecide.length ?? 0})`} loading={queue.loading}>
        <BatchTable rows={q?.toDecide ?? []} />
      </Card>
    </Space>
  );
}
