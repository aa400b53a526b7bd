import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { auditApi, type AuditRow } from '../../api/endpoints.ts';
import { auditActionLabels, auditEntityLabels, entityNameOf, labelOf } from '../../lib/audit-labels.ts';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';

const pageSize = 25;

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: '#f6f8fa',
          border: '1px solid #e5e9f0',
          borderRadius: 6,
          padding: 12,
          fontSize: 12.5,
          maxHeight: 360,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {value === null || value === undefined ? '(không có)' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export default function AuditPage() {
  const [entityType, setEntityType] = useState<string | undefined>(undefined);
  const [action, setAction] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const from = range?.[0] ? toIso(range[0]) : undefined;
  const to = range?.[1] ? toIso(range[1]) : undefined;
  const { data, error, loading } = useApi(
    () => auditApi.list({ entityType, action, from, to, limit: pageSize, offset: (page - 1) * pageSize }),
    [entityType, action, from, to, page],
  );
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhật ký thay đổi
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Select
            aria-label="Đối tượng"
            placeholder="Mọi đối tượng"
            allowClear
            value={entityType}
            onChange={resetPage(setEntityType)}
            options={optionsOf(auditEntityLabels)}
            style={{ width: 240 }}
          />
          <Select
            aria-label="Hành động"
            placeholder="Mọi hành động"
            allowClear
            value={action}
            onChange={resetPage(setAction)}
            options={optionsOf(auditActionLabels)}
            style={{ width: 300 }}
          />
          <DatePicker.RangePicker
            format={viDateFormat}
            value={range}
            onChange={resetPage(setRange)}
            placeholder={['Từ ngày', 'Đến ngày']}
            allowEmpty={[true, true]}
          />
          <Button
            onClick={() => {
              setEntityType(undefined);
              setAction(undefined);
              setRange(null);
              setPage(1);
            }}
          >
            Bỏ lọc
          </Button>
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<AuditRow>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.rows ?? []}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (total) => `${formatNumber(total)} bản ghi`,
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <JsonBlock title="Trước khi thay đổi" value={r.before} />
                </Col>
                <Col xs={24} lg={12}>
                  <JsonBlock title="Sau khi thay đổi" value={r.after} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { title: 'Thời điểm', key: 'at', width: 150, render: (_, r) => formatDateTime(r.at) },
            { title: 'Người thực hiện', dataIndex: 'actorName', width: 220 },
            { title: 'Hành động', key: 'action', render: (_, r) => labelOf(auditActionLabels, r.action) },
            {
              title: 'Đối tượng',
              key: 'entity',
              render: (_, r) => (
                <>
                  {labelOf(auditEntityLabels, r.entityType)}
                  {entityNameOf(r) ? `: ${entityNameOf(r)}` : ''}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.entityId}
                  </Typography.Text>
                </>
              ),
            },
            { title: 'Đơn vị', key: 'unit', width: 100, render: (_, r) => r.unitCode ?? '—' },
            { title: 'Lý do', key: 'reason', width: 180, render: (_, r) => r.reason ?? '' },
          ]}
        />
      </Card>
    </div>
  );
}
