import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import { householdsApi, type ApplicationDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { LoadFailure } from '../../components/refusal.tsx';
import { fromIso, todayIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { householdPath } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ActionModal } from './action-modal.tsx';
import { applicationKindLabels, outcomeLabels } from './registry-labels.ts';
import { RegistryStyles } from './registry-styles.tsx';
import { UnitTreeSelect } from './unit-tree-select.tsx';

interface DecisionValues {
  outcome: 'accepted' | 'refused';
  decidedOn: Dayjs;
  reason?: string;
}

/** "còn 3 ngày làm việc", "quá hạn 2 ngày làm việc": the 7-working-day deadline as the officer needs to read it. */
function DaysLeft({ application }: { application: ApplicationDto }) {
  if (application.outcome !== null) return <Typography.Text type="secondary">Đã quyết định</Typography.Text>;
  const left = application.workingDaysLeft ?? 0;
  if (application.overdue || left < 0)
    return (
      <Typography.Text type="danger" strong>
        Quá hạn {formatNumber(Math.abs(left))} ngày làm việc
      </Typography.Text>
    );
  return left <= 2 ? (
    <Typography.Text type="warning" strong>
      Còn {formatNumber(left)} ngày làm việc
    </Typography.Text>
  ) : (
    <span>Còn {formatNumber(left)} ngày làm việc</span>
  );
}

function DecisionModal({ application, onClose, onDone }: { application: ApplicationDto | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<DecisionValues>();
  const outcome = Form.useWatch('outcome', form);
  return (
    <ActionModal<DecisionValues>
      open={application !== null}
      title={application ? `Quyết định về đơn của hộ ${application.householdCode} (${application.headName})` : ''}
      okText="Ghi quyết định"
      successText="Đã ghi quyết định."
      form={form}
      onClose={onClose}
      onDone={onDone}
      initialValues={{ outcome: 'accepted', decidedOn: fromIso(todayIso()) }}
      onSubmit={(v) =>
        householdsApi.decide(application!.id, {
          outcome: v.outcome,
          decidedOn: toIso(v.decidedOn),
          reason: v.reason?.trim() || null,
        })
      }
    >
      {application ? (
        <Typography.Paragraph>
          {applicationKindLabels[application.kind]}, nhận ngày {formatDate(application.appliedOn)}; hạn quyết định{' '}
          {formatDate(application.deadlineOn)}.
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="outcome" label="Kết quả">
        <Radio.Group
          options={[
            { value: 'accepted', label: 'Chấp nhận' },
            { value: 'refused', label: 'Từ chối' },
          ]}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={viDateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={outcome === 'refused' ? 'Lý do từ chối (bắt buộc)' : 'Ghi chú'}
        rules={outcome === 'refused' ? [{ required: true, whitespace: true, message: 'Từ chối phải nêu rõ lý do' }] : []}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionModal>
  );
}

export default function ApplicationsPage() {
  const me = useSignedIn();
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [openOnly, setOpenOnly] = useState(true);
  const [deciding, setDeciding] = useState<ApplicationDto | null>(null);
  const { data, error, loading, reload } = useApi(
    () => householdsApi.applications({ unitCode, open: openOnly ? true : undefined }),
    [unitCode, openOnly],
  );
  if (error && !data) return <LoadFailure error={error} notFoundTitle="Không tìm thấy dữ liệu" onRetry={reload} />;
  const rows = [...(data ?? [])].sort(
    (a, b) => Number(a.outcome !== null) - Number(b.outcome !== null) || a.deadlineOn.localeCompare(b.deadlineOn),
  );
  const overdue = rows.filter((r) => r.outcome === null && r.overdue).length;

  return (
    <div>
      <RegistryStyles />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Đơn đề nghị phát sinh trong năm
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Hộ gia đình có thể đề nghị công nhận hộ nghèo, hộ cận nghèo hoặc thoát nghèo bất cứ lúc nào trong năm. Chủ tịch
        UBND xã quyết định trong 7 ngày làm việc kể từ ngày nhận đơn; từ chối phải nêu rõ lý do.
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }} className="no-print">
        <Space wrap size="large">
          <UnitTreeSelect value={unitCode} onChange={setUnitCode} includeVillages={false} placeholder="Địa bàn" style={{ width: 320 }} />
          <Space>
            <Switch checked={openOnly} onChange={setOpenOnly} aria-label="Chỉ đơn chưa quyết định" />
            <span>Chỉ đơn chưa quyết định</span>
          </Space>
        </Space>
      </Card>
      {overdue > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${formatNumber(overdue)} đơn đã quá hạn 7 ngày làm việc mà chưa có quyết định.`} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<ApplicationDto>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          rowClassName={(a) => (a.outcome === null && a.overdue ? 'application-overdue' : '')}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `${formatNumber(t)} đơn` }}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: 'Hộ',
              key: 'household',
              render: (_, a) => (
                <>
                  <Link to={householdPath(a.householdId)}>
                    {a.householdCode} – {a.headName}
                  </Link>
                  <DemoTag show={a.isDemo} />
                </>
              ),
            },
            { title: 'Loại đề nghị', key: 'kind', width: 280, render: (_, a) => applicationKindLabels[a.kind] },
            { title: 'Ngày nhận', key: 'applied', width: 110, render: (_, a) => formatDate(a.appliedOn) },
            { title: 'Hạn quyết định', key: 'deadline', width: 130, render: (_, a) => formatDate(a.deadlineOn) },
            { title: 'Thời hạn', key: 'left', width: 220, render: (_, a) => <DaysLeft application={a} /> },
            {
              title: 'Kết quả',
              key: 'outcome',
              width: 240,
              render: (_, a) =>
                a.outcome ? (
                  <Space orientation="vertical" size={0}>
                    <span>
                      <Tag color={a.outcome === 'accepted' ? 'green' : 'red'}>{outcomeLabels[a.outcome]}</Tag>
                      {a.decidedOn ? formatDate(a.decidedOn) : ''}
                    </span>
                    {a.reason ? <Typography.Text type="secondary">{a.reason}</Typography.Text> : null}
                  </Space>
                ) : me.can('households.write') ? (
                  <Button size="small" type="primary" onClick={() => setDeciding(a)}>
                    Quyết định
                  </Button>
                ) : (
                  'Chưa quyết định'
                ),
            },
          ]}
        />
      </Card>
      <DecisionModal
        application={deciding}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          reload();
        }}
      />
    </div>
  );
}
