// The board's editor of one participant type's criteria set (code, text, maximum points, kind, formula of a measured
// criterion). A set some round has already scored under is not rewritten: the server saves the change as a new version.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  criterionKindLabels,
  criterionKinds,
  formulaIds,
  formulaLabels,
  type CriterionKind,
  type FormulaId,
} from '../../../../src/domain/emulation/criteria.ts';
import { errorMessage } from '../../api/client.ts';
import {
  emulationApi,
  type CriteriaSetDto,
  type SaveCriteriaSetInput,
  type SaveCriteriaSetResult,
} from '../../api/emulation-endpoints.ts';
import { kindTags } from './emulation-common.tsx';

interface CriterionRow {
  code: string;
  text: string;
  maxPoints: number;
  kind: CriterionKind;
  formulaId: FormulaId | null;
  params?: Record<string, unknown>;
  feeds?: string[];
}

interface CriteriaForm {
  criteria: CriterionRow[];
  note?: string;
}

const kindOptions = criterionKinds.map((k) => ({
  value: k,
  label: kindTags[k].short,
  title: criterionKindLabels[k],
}));
const formulaOptions = formulaIds.map((f) => ({ value: f, label: formulaLabels[f] }));

/** The Vietnamese message for the server's answer to a save. */
export function criteriaSavedMessage(result: SaveCriteriaSetResult): string {
  if (result.change === 'new_version')
    return `Bộ tiêu chí đã có điểm nên được lưu thành phiên bản mới ${result.criteriaSet.version}`;
  if (result.change === 'edit_in_place') return 'Đã sửa bộ tiêu chí';
  return 'Không có thay đổi';
}

export function CriteriaSetEditor({
  campaignId,
  set,
  onClose,
  onSaved,
}: {
  campaignId: string;
  set: CriteriaSetDto | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<CriteriaForm>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!set) return null;
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      // The whole store, so the rows' params and feeds (not edited here) go back unchanged.
      const v = form.getFieldsValue(true) as CriteriaForm;
      const note = v.note?.trim();
      const body: SaveCriteriaSetInput = {
        criteria: v.criteria.map((c) => ({
          code: c.code.trim(),
          text: c.text.trim(),
          maxPoints: c.maxPoints,
          kind: c.kind,
          formulaId: c.kind === 'measured' ? (c.formulaId ?? null) : null,
          params: c.params ?? {},
          feeds: (c.feeds ?? []) as SaveCriteriaSetInput['criteria'][number]['feeds'],
        })),
        ...(note ? { note } : {}),
      };
      const result = await emulationApi.saveCriteriaSet(campaignId, set.participantType, body);
      if (result.change === 'unchanged') void message.info(criteriaSavedMessage(result));
      else void message.success(criteriaSavedMessage(result));
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={`Sửa bộ tiêu chí: ${set.participantTypeLabel}`}
      open
      width={1100}
      okText="Lưu bộ tiêu chí"
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      className="criteria-editor"
    >
      <Typography.Paragraph type="secondary">
        Bộ tiêu chí đang ở phiên bản {set.version}. Nếu đã có đợt đánh giá chấm điểm theo phiên bản này, thay
        đổi được lưu thành phiên bản mới; đợt đã chấm giữ phiên bản cũ.
      </Typography.Paragraph>
      <Form<CriteriaForm>
        form={form}
        layout="vertical"
        name="criteria-set"
        initialValues={{
          criteria: set.criteria.map((c) => ({
            code: c.code,
            text: c.text,
            maxPoints: c.maxPoints,
            kind: c.kind,
            formulaId: c.formulaId,
            params: c.params,
            feeds: c.feeds,
          })),
        }}
        onFinish={() => void submit()}
      >
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Space
                  key={field.key}
                  align="start"
                  className="criterion-editor-row"
                  wrap
                  style={{ width: '100%' }}
                >
                  <Form.Item
                    name={[field.name, 'code']}
                    label={index === 0 ? 'Mã' : undefined}
                    rules={[{ required: true, whitespace: true, message: 'Nhập mã' }]}
                    style={{ width: 80 }}
                  >
                    <Input aria-label={`Mã tiêu chí dòng ${index + 1}`} maxLength={10} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={index === 0 ? 'Nội dung' : undefined}
                    rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}
                    style={{ width: 420 }}
                  >
                    <Input.TextArea
                      aria-label={`Nội dung tiêu chí dòng ${index + 1}`}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={3000}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'maxPoints']}
                    label={index === 0 ? 'Điểm tối đa' : undefined}
                    rules={[{ required: true, message: 'Nhập điểm' }]}
                    style={{ width: 100 }}
                  >
                    <InputNumber
                      aria-label={`Điểm tối đa dòng ${index + 1}`}
                      min={0.5}
                      max={1000}
                      step={0.5}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={index === 0 ? 'Loại' : undefined}
                    rules={[{ required: true, message: 'Chọn loại' }]}
                    style={{ width: 130 }}
                  >
                    <Select aria-label={`Loại tiêu chí dòng ${index + 1}`} options={kindOptions} />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a: CriteriaForm, b: CriteriaForm) =>
                      a.criteria[field.name]?.kind !== b.criteria[field.name]?.kind
                    }
                  >
                    {({ getFieldValue }) =>
                      getFieldValue(['criteria', field.name, 'kind']) === 'measured' ? (
                        <Form.Item
                          name={[field.name, 'formulaId']}
                          label={index === 0 ? 'Công thức' : undefined}
                          style={{ width: 260 }}
                        >
                          <Select
                            aria-label={`Công thức dòng ${index + 1}`}
                            options={formulaOptions}
                            allowClear
                            placeholder="Chọn công thức"
                          />
                        </Form.Item>
                      ) : (
                        <div style={{ width: 260 }} />
                      )
                    }
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`Xoá dòng ${index + 1}`}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                    style={index === 0 ? { marginTop: 30 } : undefined}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    code: '',
                    text: '',
                    maxPoints: 1,
                    kind: 'evidence',
                    formulaId: null,
                    params: {},
                    feeds: [],
                  })
                }
              >
                Thêm tiêu chí
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item name="note" label="Ghi chú thay đổi (không bắt buộc)" style={{ marginTop: 16 }}>
          <Input.TextArea autoSize maxLength={1000} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
