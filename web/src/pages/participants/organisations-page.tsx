import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { compareVi } from '../../../../src/shared/vi-text.ts';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import {
  organisationTypeLabels,
  type OrganisationType,
} from '../../../../src/shared/schemas/participants.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { participantsApi, type OrganisationDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { ScopeName } from '../../components/scope-name.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { formatValidity, toIso, todayIso, fromIso, viDateFormat } from '../../lib/dates.ts';
import { forgetReferenceData } from '../../lib/reference-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';

const typeOptions = (Object.keys(organisationTypeLabels) as OrganisationType[]).map((t) => ({
  value: t,
  label: organisationTypeLabels[t],
}));

interface CreateValues {
  name: string;
  shortName?: string;
  type: OrganisationType;
  unitCode: string;
  validFrom: Dayjs;
}

interface CloseValues {
  validTo: Dayjs;
  reason: string;
}

function CreateOrganisationModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: CreateValues) => {
    setSaving(true);
    setError(null);
    try {
      const created = await participantsApi.createOrganisation({
        name: v.name,
        shortName: v.shortName?.trim() ? v.shortName : undefined,
        type: v.type,
        unitCode: v.unitCode,
        validFrom: toIso(v.validFrom),
      });
      forgetReferenceData();
      void message.success(`Đã thêm ${created.name}.`);
      form.resetFields();
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="Thêm cơ quan, tổ chức"
      open={open}
      okText="Thêm"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        name="create-organisation"
        layout="vertical"
        initialValues={{ type: 'department', validFrom: fromIso(todayIso()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label="Tên đầy đủ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên cơ quan, tổ chức' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="shortName" label="Tên viết tắt">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="type" label="Loại" rules={[{ required: true, message: 'Chọn loại' }]}>
          <Select options={typeOptions} />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label="Trụ sở tại đơn vị hành chính"
          rules={[{ required: true, message: 'Chọn đơn vị hành chính' }]}
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label="Hoạt động từ ngày"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker format={viDateFormat} style={{ width: '100%' }} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

function CloseOrganisationModal({
  organisation,
  onClose,
  onSaved,
}: {
  organisation: OrganisationDto | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<CloseValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: CloseValues) => {
    if (!organisation) return;
    setSaving(true);
    setError(null);
    try {
      await participantsApi.closeOrganisation(organisation.id, {
        validTo: toIso(v.validTo),
        reason: v.reason,
      });
      forgetReferenceData();
      void message.success(`Đã ghi nhận ${organisation.name} kết thúc hoạt động.`);
      form.resetFields();
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={organisation ? `Kết thúc hoạt động: ${organisation.name}` : ''}
      open={organisation !== null}
      okText="Ghi nhận"
      okButtonProps={{ danger: true }}
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Dùng khi cơ quan, tổ chức sáp nhập, giải thể hoặc đổi mô hình. Lịch sử vẫn được giữ lại.
      </Typography.Paragraph>
      <Form<CloseValues>
        form={form}
        name="close-organisation"
        layout="vertical"
        initialValues={{ validTo: fromIso(todayIso()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="validTo"
          label="Ngày kết thúc (ngày đầu tiên không còn hoạt động)"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker format={viDateFormat} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Lý do, căn cứ"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do, căn cứ' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function OrganisationsPage() {
  const me = useSignedIn();
  const canWrite = me.can('participants.write');
  const [type, setType] = useState<OrganisationType | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const { data, error, loading, reload } = useApi(
    () => participantsApi.organisations({ type, q: q || undefined }),
    [type, q],
  );
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<OrganisationDto | null>(null);

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Cơ quan, tổ chức
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select<OrganisationType>
              aria-label="Loại cơ quan, tổ chức"
              placeholder="Tất cả các loại"
              allowClear
              value={type}
              onChange={setType}
              options={typeOptions}
              style={{ width: 240 }}
            />
            <Input.Search
              aria-label="Tìm cơ quan, tổ chức"
              placeholder="Tìm theo tên hoặc tên viết tắt"
              allowClear
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              style={{ width: 320 }}
            />
          </Space>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm cơ quan, tổ chức
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
        <Table<OrganisationDto>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => `${formatNumber(total)} cơ quan, tổ chức`,
          }}
          columns={[
            {
              title: 'Tên',
              key: 'name',
              sorter: (a, b) => compareVi(a.name, b.name),
              defaultSortOrder: 'ascend',
              render: (_, o) => (
                <>
                  {o.name}
                  {o.shortName ? <Typography.Text type="secondary"> ({o.shortName})</Typography.Text> : null}
                  <DemoTag show={o.isDemo} />
                </>
              ),
            },
            {
              title: 'Loại',
              key: 'type',
              width: 190,
              render: (_, o) => organisationTypeLabels[o.type],
              sorter: (a, b) => compareVi(organisationTypeLabels[a.type], organisationTypeLabels[b.type]),
            },
            {
              title: 'Đơn vị hành chính',
              key: 'unit',
              width: 220,
              render: (_, o) => <ScopeName unitCode={o.unitCode} organisationId={null} />,
            },
            {
              title: 'Hoạt động',
              key: 'validity',
              width: 220,
              render: (_, o) => (
                <>
                  {formatValidity(o.validFrom, o.validTo)}
                  {o.validTo ? <Tag style={{ marginInlineStart: 8 }}>Đã kết thúc</Tag> : null}
                </>
              ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 170,
                    render: (_: unknown, o: OrganisationDto) =>
                      o.validTo === null ? (
                        <Button size="small" danger icon={<StopOutlined />} onClick={() => setClosing(o)}>
                          Kết thúc hoạt động
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CreateOrganisationModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <CloseOrganisationModal
        organisation={closing}
        onClose={() => setClosing(null)}
        onSaved={() => {
          setClosing(null);
          reload();
        }}
      />
    </div>
  );
}
