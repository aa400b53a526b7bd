import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { createVillageBody } from '../../../../src/shared/schemas/units.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { unitsApi, type CreateVillageInput, type UnitVersionDto } from '../../api/endpoints.ts';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { forgetReferenceData } from '../../lib/reference-cache.ts';

type VillageKind = CreateVillageInput['kind'];
const villageKinds: readonly VillageKind[] = createVillageBody.shape.kind.options;

interface Values {
  name: string;
  kind: VillageKind;
  validFrom: Dayjs;
}

/** A commune officer adds a village (thôn, bản, tổ dân phố): villages have no official code, the server gives one. */
export function AddVillageModal({
  open,
  commune,
  defaultDate,
  onClose,
  onAdded,
}: {
  open: boolean;
  commune: UnitVersionDto;
  defaultDate: string;
  onClose(): void;
  onAdded(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await unitsApi.createVillage({
        communeCode: commune.code,
        name: values.name,
        kind: values.kind,
        validFrom: toIso(values.validFrom),
      });
      forgetReferenceData();
      void message.success(`Đã thêm ${created.name} (mã ${created.code}).`);
      form.resetFields();
      onAdded();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`Thêm thôn, bản, tổ dân phố vào ${commune.name}`}
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
        name="add-village"
        layout="vertical"
        initialValues={{ kind: 'Thôn', validFrom: fromIso(defaultDate) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Chọn loại' }]}>
          <Select options={villageKinds.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên (đầy đủ, ví dụ: Thôn Nà Mò)"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên thôn, bản, tổ dân phố' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label="Có hiệu lực từ ngày"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker format={viDateFormat} style={{ width: '100%' }} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
