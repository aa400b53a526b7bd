import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { compareVi } from '../../../../src/shared/vi-text.ts';
import { formatNumber } from '../../../../src/shared/vi-format.ts';
import { individualRoleLabels } from '../../../../src/shared/schemas/participants.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { participantsApi, type CreateIndividualInput, type IndividualDto } from '../../api/endpoints.ts';
import { DemoTag } from '../../components/demo-tag.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { ScopeName } from '../../components/scope-name.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';

type IndividualRole = CreateIndividualInput['role'];
const roleOptions = (Object.keys(individualRoleLabels) as IndividualRole[]).map((r) => ({
  value: r,
  label: individualRoleLabels[r],
}));

interface Values {
  fullName: string;
  position?: string;
  role: IndividualRole;
  attachTo: 'organisation' | 'unit';
  organisationId?: string;
  unitCode?: string;
}

function CreateIndividualModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<Values>();
  const attachTo = Form.useWatch('attachTo', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await participantsApi.createIndividual({
        fullName: v.fullName,
        position: v.position?.trim() ? v.position : undefined,
        role: v.role,
        ...(v.attachTo === 'organisation' ? { organisationId: v.organisationId } : { unitCode: v.unitCode }),
      });
      void message.success(`Đã thêm ${created.fullName}.`);
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
      title="Thêm cá nhân"
      open={open}
      okText="Thêm"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="create-individual"
        layout="vertical"
        initialValues={{ role: 'poverty_cadre', attachTo: 'unit' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="position" label="Chức vụ">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="attachTo" label="Thuộc">
          <Radio.Group
            options={[
              { value: 'unit', label: 'Đơn vị hành chính' },
              { value: 'organisation', label: 'Cơ quan, tổ chức' },
            ]}
          />
        </Form.Item>
        {attachTo === 'organisation' ? (
          <Form.Item
            name="organisationId"
            label="Cơ quan, tổ chức"
            rules={[{ required: true, message: 'Chọn cơ quan, tổ chức' }]}
          >
            <OrganisationSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitCode"
            label="Đơn vị hành chính"
            rules={[{ required: true, message: 'Chọn đơn vị hành chính' }]}
          >
            <UnitSelect includeVillages />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function IndividualsPage() {
  const me = useSignedIn();
  const [typed, setTyped] = useState('');
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const q = useDebounced(typed.trim());
  const { data, error, loading, reload } = useApi(
    () => participantsApi.individuals({ q: q || undefined, unitCode }),
    [q, unitCode],
  );
  const [creating, setCreating] = useState(false);

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Cá nhân
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              aria-label="Tìm cá nhân"
              placeholder="Tìm theo họ và tên"
              allowClear
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              style={{ width: 300 }}
            />
            <div style={{ width: 320 }}>
              <UnitSelect
                value={unitCode}
                onChange={setUnitCode}
                includeVillages
                placeholder="Lọc theo đơn vị hành chính"
              />
            </div>
          </Space>
          {me.can('participants.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm cá nhân
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
        <Table<IndividualDto>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => `${formatNumber(total)} cá nhân`,
          }}
          columns={[
            {
              title: 'Họ và tên',
              key: 'name',
              sorter: (a, b) => compareVi(a.fullName, b.fullName),
              defaultSortOrder: 'ascend',
              render: (_, p) => (
                <>
                  {p.fullName}
                  <DemoTag show={p.isDemo} />
                </>
              ),
            },
            { title: 'Chức vụ', key: 'position', render: (_, p) => p.position ?? '—' },
            { title: 'Vai trò', key: 'role', render: (_, p) => individualRoleLabels[p.role] },
            {
              title: 'Thuộc',
              key: 'belongs',
              render: (_, p) =>
                p.organisationName ? (
                  p.organisationName
                ) : (
                  <ScopeName unitCode={p.unitCode} organisationId={p.organisationId} />
                ),
            },
          ]}
        />
      </Card>
      <CreateIndividualModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
    </div>
  );
}
