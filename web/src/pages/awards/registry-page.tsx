// Sổ khen thưởng: every award granted, searchable without accents ("hoang van binh" finds "Hoàng Văn Bình"), with its
// campaign, round and decision, and the certificate to print.
import { useState } from 'react';
import { Alert, Card, Input, Select, Space, Table, Typography } from 'antd';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { awardsApi, type RegistryRowDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useApi } from '../../lib/use-api.ts';
import { DownloadButton } from './awards-common.tsx';

export default function AwardRegistryPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<'collective' | 'individual' | 'household' | undefined>();
  const [page, setPage] = useState(1);
  const query = useDebounced(q, 300);
  const rows = useApi(() => awardsApi.registry({ q: query || undefined, kind, limit: 20, offset: (page - 1) * 20 }), [query, kind, page]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Sổ khen thưởng
      </Typography.Title>
      <Space wrap>
        <Input.Search placeholder="Tìm theo tên, địa chỉ, hình thức, số quyết định (không cần dấu)" allowClear style={{ width: 420 }} value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} aria-label="Tìm trong sổ khen thưởng" />
        <Select
          allowClear
          placeholder="Đối tượng"
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => { setKind(v); setPage(1); }}
          options={[
            { value: 'collective', label: 'Tập thể' },
            { value: 'individual', label: 'Cá nhân' },
            { value: 'household', label: 'Hộ gia đình' },
          ]}
        />
      </Space>
      {rows.error && <Alert type="error" showIcon message={rows.error.message} />}
      <Card>
        <Table<RegistryRowDto>
          rowKey="id"
          loading={rows.loading}
          dataSource={rows.data?.rows ?? []}
          pagination={{ current: page, pageSize: 20, total: rows.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: 'Số sổ', dataIndex: 'registryNumber', width: 90 },
            { title: 'Tên', key: 'n', render: (_, r) => (<><Typography.Text strong>{r.recipientName}</Typography.Text> {r.isDemo && <DemoTag />}<div>{r.description}</div></>) },
            { title: 'Đối tượng', dataIndex: 'kindLabel' },
            { title: 'Hình thức', dataIndex: 'formName' },
            { title: 'Phong trào, đợt', key: 'c', render: (_, r) => (<><div>{r.roundName}</div><Typography.Text type="secondary">{r.campaignName}</Typography.Text></>) },
            { title: 'Quyết định', key: 'd', render: (_, r) => `${r.decisionNumber} ngày ${formatDate(r.decisionDate)}` },
            { title: '', key: 'pdf', render: (_, r) => <DownloadButton path={`/api/awards/registry/${r.id}/certificate.pdf`} name="bang-khen.pdf" label="In bằng khen" /> },
          ]}
        />
      </Card>
    </Space>
  );
}
