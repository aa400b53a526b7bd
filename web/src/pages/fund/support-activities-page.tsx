// Support given to the poor by any participant (DOMAIN.md §7: jobs, capital, breeds and seeds, technique, training,
// product purchase), recorded against a household or a unit: the list within the reader's scope with its filters, the
// totals by kind, and the form for officers who may write (the server checks the supporter is theirs). A supported
// household is never named in the list: the server gives only its village.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { supportKindLabels, supportKinds, supportQuantityUnits, type SupportKind } from '../../../../src/domain/fund/support-activities.ts';
import { formatDate, formatMoney, formatNumber } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { fundApi, type SupportActivityInput } from '../../api/emulation-endpoints.ts';
import { HouseholdSelect } from '../../components/household-select.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { supportTotalsByKind } from './support-helpers.ts';

const supporterKindLabels = { unit: 'Đơn vị hành chính', organisation: 'Cơ quan, tổ chức, doanh nghiệp', household: 'Hộ gia đình' } as const;
type SupporterKind = keyof typeof supporterKindLabels;

interface ActivityValues {
  supporterKind: SupporterKind;
  supporterUnitCode?: string;
  supporterOrganisationId?: string;
  supporterHouseholdId?: string;
  targetKind: 'household' | 'unit';
  targetHouseholdId?: string;
  targetUnitCode?: string;
  kind: SupportKind;
  quantity?: number;
  value?: number;
  occurredOn?: Dayjs;
  description?: string;
}

function supporterOf(v: ActivityValues): SupportActivityInput['supporter'] {
  switch (v.supporterKind) {
    case 'unit':
      return { kind: 'unit', unitCode: v.supporterUnitCode ?? '' };
    case 'organisation':
      return { kind: 'organisation', organisationId: v.supporterOrganisationId ?? '' };
    case 'household':
      return { kind: 'household', householdId: v.supporterHouseholdId ?? '' };
  }
}

function ActivityModal({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<ActivityValues>();
  const supporterKind = Form.useWatch('supporterKind', form);
  const targetKind = Form.useWatch('targetKind', form);
  const kind = Form.useWatch('kind', form);
  const occurredOn = Form.useWatch('occurredOn', form);
  // Units in force on the day of the support (the server reads the supporter's unit on that day).
  const asOf = occurredOn ? toIso(occurredOn) : undefined;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: ActivityValues) => {
    setSaving(true);
    setError(null);
    try {
      await fundApi.addSupportActivity({
        supporter: supporterOf(v),
        targetKind: v.targetKind,
        targetHouseholdId: v.targetKind === 'household' ? (v.targetHouseholdId ?? null) : null,
        targetUnitCode: v.targetKind === 'unit' ? (v.targetUnitCode ?? null) : null,
        kind: v.kind,
        quantity: v.quantity ?? 0,
        value: v.value ?? 0,
        occurredOn: v.occurredOn ? toIso(v.occurredOn) : '',
        description: v.description ?? '',
      });
      void message.success('Đã ghi hoạt động hỗ trợ.');
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const quantityUnit = kind ? supportQuantityUnits[kind] : null;
  return (
    <Modal title="Ghi hoạt động hỗ trợ người nghèo" open width={720} okText="Ghi" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<ActivityValues> form={form} layout="vertical" name="support-activity" initialValues={{ supporterKind: 'unit', targetKind: 'household', kind: 'jobs' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="occurredOn" label="Ngày hỗ trợ" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={viDateFormat} />
        </Form.Item>
        <Form.Item name="supporterKind" label="Bên hỗ trợ">
          <Radio.Group options={Object.entries(supporterKindLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {supporterKind === 'organisation' ? (
          <Form.Item name="supporterOrganisationId" label="Cơ quan, tổ chức, doanh nghiệp hỗ trợ" rules={[{ required: true, message: 'Chọn cơ quan, tổ chức' }]}>
            <OrganisationSelect />
          </Form.Item>
        ) : supporterKind === 'household' ? (
          <Form.Item name="supporterHouseholdId" label="Hộ hỗ trợ" rules={[{ required: true, message: 'Chọn hộ trong sổ hộ' }]}>
            <HouseholdSelect asOf={asOf} />
          </Form.Item>
        ) : (
          <Form.Item name="supporterUnitCode" label="Đơn vị hỗ trợ" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitSelect includeVillages asOf={asOf} />
          </Form.Item>
        )}
        <Form.Item name="targetKind" label="Được hỗ trợ">
          <Radio.Group options={[{ value: 'household', label: 'Một hộ' }, { value: 'unit', label: 'Một đơn vị (thôn, xã, huyện)' }]} />
        </Form.Item>
        {targetKind === 'unit' ? (
          <Form.Item name="targetUnitCode" label="Đơn vị được hỗ trợ" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitSelect includeVillages asOf={asOf} />
          </Form.Item>
        ) : (
          <Form.Item name="targetHouseholdId" label="Hộ được hỗ trợ" rules={[{ required: true, message: 'Chọn hộ trong sổ hộ' }]} extra="Danh sách không nêu tên hộ, chỉ nêu thôn của hộ.">
            <HouseholdSelect asOf={asOf} />
          </Form.Item>
        )}
        <Form.Item name="kind" label="Hình thức hỗ trợ">
          <Select aria-label="Hình thức hỗ trợ" options={supportKinds.map((k) => ({ value: k, label: supportKindLabels[k] }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="quantity" label={quantityUnit ? `Số ${quantityUnit}` : 'Số lượng'}>
            <InputNumber min={0} max={1_000_000} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="value" label="Giá trị (đồng)">
            <InputNumber min={0} step={1000} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Ghi nội dung hỗ trợ' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function SupportActivitiesPage() {
  const { can } = useSignedIn();
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [organisationId, setOrganisationId] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [adding, setAdding] = useState(false);
  const from = range?.[0] ? toIso(range[0]) : undefined;
  const to = range?.[1] ? toIso(range[1]) : undefined;
  const activities = useApi(() => fundApi.supportActivities({ unitCode, organisationId, from, to }), [unitCode, organisationId, from, to]);
  const totals = supportTotalsByKind(activities.data ?? []);
  // The route takes fund.write; the service then checks that the supporter is within the writer's scope.
  const write = can('fund.write');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Hoạt động hỗ trợ người nghèo
        </Typography.Title>
        {write ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Ghi hoạt động hỗ trợ
          </Button>
        ) : null}
      </Space>
      <Space wrap className="support-filters">
        <div style={{ width: 320 }}>
          <UnitSelect includeVillages value={unitCode} onChange={setUnitCode} placeholder="Đơn vị (hỗ trợ hoặc được hỗ trợ)" />
        </div>
        <div style={{ width: 320 }}>
          <OrganisationSelect value={organisationId} onChange={setOrganisationId} />
        </div>
        <DatePicker.RangePicker format={viDateFormat} placeholder={['Từ ngày', 'Đến ngày']} value={range} onChange={(v) => setRange(v)} aria-label="Khoảng thời gian" />
      </Space>
      {activities.error ? <Alert type="error" showIcon title={activities.error.message} /> : null}
      <Card title="Tổng hợp theo hình thức hỗ trợ">
        <Table
          rowKey="kind"
          size="small"
          className="support-totals"
          pagination={false}
          loading={activities.loading}
          dataSource={totals.rows}
          columns={[
            { title: 'Hình thức', dataIndex: 'label' },
            { title: 'Số hoạt động', dataIndex: 'count', align: 'right', width: 140, render: (v: number) => formatNumber(v) },
            { title: 'Số lượng', align: 'right', width: 200, render: (_: unknown, r) => (r.quantity === null ? '—' : `${formatNumber(r.quantity)} ${r.quantityUnit ?? ''}`) },
            { title: 'Giá trị', dataIndex: 'value', align: 'right', width: 200, render: (v: number) => formatMoney(v) },
          ]}
          summary={() =>
            totals.rows.length > 0 ? (
              <Table.Summary.Row className="support-grand-total">
                <Table.Summary.Cell index={0}>
                  <strong>Cộng</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{formatNumber(totals.count)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">
                  <strong>{formatMoney(totals.value)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card title="Danh sách hoạt động">
        <Table
          rowKey="id"
          size="small"
          className="support-activities"
          loading={activities.loading}
          dataSource={activities.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: 'Ngày', dataIndex: 'occurredOn', width: 110, render: (d: string) => formatDate(d) },
            { title: 'Bên hỗ trợ', dataIndex: 'supporterName', width: 240 },
            { title: 'Được hỗ trợ', dataIndex: 'target', width: 220 },
            { title: 'Hình thức', dataIndex: 'kindLabel', width: 200 },
            { title: 'Số lượng', dataIndex: 'quantity', align: 'right', width: 100, render: (v: number) => (v > 0 ? formatNumber(v) : '—') },
            { title: 'Giá trị', dataIndex: 'value', align: 'right', width: 150, render: (v: number) => (v > 0 ? formatMoney(v) : '—') },
            { title: 'Nội dung', dataIndex: 'description' },
          ]}
        />
      </Card>
      {adding ? (
        <ActivityModal
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            activities.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
