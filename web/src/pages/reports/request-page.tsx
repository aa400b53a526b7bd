// One report request: its approval tree (the queue of the level above), the timeliness board and, for the board at
// the issuing province, the consolidated report with its documents.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Breadcrumb, Card, Descriptions, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { reportsApi } from '../../api/endpoints.ts';
import { LoadFailure } from '../../components/refusal.tsx';
import { useApi } from '../../lib/use-api.ts';
import { paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ApprovalQueue } from './approval-queue.tsx';
import { ConsolidationPanel } from './consolidation-panel.tsx';
import { CountTags, ReportStyles } from './report-tags.tsx';
import { TimelinessBoard } from './timeliness-board.tsx';

const tabs = ['phe-duyet', 'thoi-han', 'tong-hop'] as const;
type TabKey = (typeof tabs)[number];

export default function RequestPage() {
  const { id = '' } = useParams();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [refreshKey, setRefreshKey] = useState(0);
  const detail = useApi(() => reportsApi.request(id), [id, refreshKey]);
  const asked = params.get('tab');
  const tab: TabKey = tabs.includes(asked as TabKey) ? (asked as TabKey) : 'phe-duyet';

  if (detail.error && !detail.data)
    return (
      <LoadFailure
        error={detail.error}
        notFoundTitle="Không tìm thấy yêu cầu báo cáo"
        back={{ to: paths.reports, label: 'Về trang Báo cáo' }}
        onRetry={detail.reload}
      />
    );
  const data = detail.data;
  if (!data || data.id !== id) return <Skeleton active paragraph={{ rows: 12 }} />;

  // The consolidation belongs to the board at the issuing province.
  const atIssuer = me.assignments.some((a) => a.unitCode === data.issuingUnitCode);
  const changed = () => setRefreshKey((k) => k + 1);

  return (
    <div>
      <ReportStyles />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'reports', title: <Link to={paths.reports}>Báo cáo</Link> },
          { key: 'request', title: data.title },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }} className="request-title">
        {data.title}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'kind', label: 'Loại', children: <Tag>{data.kindLabel}</Tag> },
              { key: 'template', label: 'Mẫu', children: data.templateName },
              { key: 'round', label: 'Số liệu', children: `Kỳ rà soát năm ${data.roundYear}` },
              { key: 'issued', label: 'Ngày ban hành', children: formatDate(data.issuedOn) },
              { key: 'deadline', label: 'Hạn gửi', children: formatDate(data.deadline) },
              { key: 'count', label: 'Số đơn vị', children: formatNumber(data.recipientCount) },
            ]}
          />
          <CountTags counts={data.counts} />
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'phe-duyet',
            label: 'Phê duyệt',
            children: <ApprovalQueue detail={data} onChanged={changed} />,
          },
          {
            key: 'thoi-han',
            label: 'Thời hạn gửi báo cáo',
            children: <TimelinessBoard requestId={data.id} refreshKey={refreshKey} />,
          },
          ...(atIssuer
            ? [
                {
                  key: 'tong-hop',
                  label: 'Báo cáo tổng hợp',
                  children: <ConsolidationPanel requestId={data.id} refreshKey={refreshKey} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
