// The board makes a new report template by copying an existing one: its name, its sections (figures pre-filled from
// the registry, tables the units fill, narrative sections they write) and each table's columns. A template in use is
// never edited in place: requests keep the sections they were issued with.
import { useEffect } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tooltip,
  Typography,
  type FormInstance,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  figureFields,
  figureLabels,
  type FigureField,
} from '../../../../src/domain/reports/report-figures.ts';
import { tableColumnKinds, type TableColumnKind } from '../../../../src/domain/reports/report-template.ts';
import { foldForSearch } from '../../../../src/shared/vi-text.ts';
import { reportsApi, type CreateTemplateInput, type TemplateDto } from '../../api/endpoints.ts';
import { ActionModal } from '../registry/action-modal.tsx';

type SectionKind = TemplateDto['sections'][number]['kind'];

export const sectionKindLabels: Record<SectionKind, string> = {
  figures: 'Số liệu điền sẵn từ sổ hộ nghèo',
  table: 'Bảng đơn vị điền',
  narrative: 'Phần viết',
};

export const columnKindLabels: Record<TableColumnKind, string> = {
  text: 'Chữ',
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  percent: 'Tỷ lệ (%)',
  money: 'Số tiền (đồng)',
  date: 'Ngày',
};

interface SectionValues {
  kind: SectionKind;
  key?: string;
  title: string;
  fields?: FigureField[];
  columns?: { header: string; kind: TableColumnKind }[];
  note?: string;
  guidance?: string;
  required?: boolean;
}

interface Values {
  name: string;
  description?: string;
  sections: SectionValues[];
}

/** "Đề xuất khen thưởng" → "de_xuat_khen_thuong": the section key the server asks for, unique within the template. */
export function sectionKeyFrom(title: string, taken: Set<string>): string {
  let base = foldForSearch(title)
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 34);
  if (!/^[a-z]/u.test(base)) base = `phan_${base}`.replace(/_+$/u, '');
  let key = base;
  for (let i = 2; taken.has(key); i += 1) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

function valuesOf(source: TemplateDto): Values {
  return {
    name: `${source.name} (bản sao)`,
    description: source.description ?? undefined,
    sections: source.sections.map((s) => ({
      ...s,
      fields: s.kind === 'figures' ? [...s.fields] : undefined,
      columns: s.kind === 'table' ? s.columns.map((c) => ({ ...c })) : undefined,
    })),
  };
}

function bodyOf(v: Values): CreateTemplateInput {
  const taken = new Set(v.sections.map((s) => s.key?.trim()).filter((k): k is string => !!k));
  return {
    name: v.name,
    description: v.description?.trim() ? v.description : undefined,
    sections: v.sections.map((s) => {
      const key = s.key?.trim() || sectionKeyFrom(s.title, taken);
      switch (s.kind) {
        case 'figures':
          return { kind: 'figures', key, title: s.title, fields: s.fields ?? [] };
        case 'table':
          return {
            kind: 'table',
            key,
            title: s.title,
            columns: s.columns ?? [],
            note: s.note?.trim() ? s.note : undefined,
          };
        case 'narrative':
          return {
            kind: 'narrative',
            key,
            title: s.title,
            guidance: s.guidance?.trim() ? s.guidance : undefined,
            required: s.required ?? false,
          };
      }
    }),
  };
}

function SectionFields({ form, name, index }: { form: FormInstance<Values>; name: number; index: number }) {
  const kind = Form.useWatch(['sections', name, 'kind'], form) as SectionKind | undefined;
  const n = index + 1;
  if (kind === 'figures') {
    return (
      <Form.Item
        name={[name, 'fields']}
        label={`Chỉ tiêu của phần ${n}`}
        rules={[{ required: true, message: 'Chọn ít nhất một chỉ tiêu' }]}
      >
        <Select<FigureField[]>
          mode="multiple"
          options={figureFields.map((f) => ({ value: f, label: figureLabels[f] }))}
        />
      </Form.Item>
    );
  }
  if (kind === 'table') {
    return (
      <>
        <Form.List
          name={[name, 'columns']}
          rules={[
            {
              validator: async (_, columns?: unknown[]) => {
                if (!columns || columns.length === 0) throw new Error('Bảng phải có ít nhất một cột');
              },
            },
          ]}
        >
          {(columns, { add, remove }, { errors }) => (
            <div className="template-columns">
              <Typography.Text strong>Các cột của bảng</Typography.Text>
              {columns.map((column, c) => (
                <Row key={column.key} gutter={8} align="top" style={{ marginTop: 8 }}>
                  <Col flex="auto">
                    <Form.Item
                      name={[column.name, 'header']}
                      label={`Phần ${n}, tên cột ${c + 1}`}
                      rules={[{ required: true, whitespace: true, message: 'Nhập tên cột' }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col flex="200px">
                    <Form.Item
                      name={[column.name, 'kind']}
                      label={`Phần ${n}, kiểu cột ${c + 1}`}
                      rules={[{ required: true, message: 'Chọn kiểu' }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select<TableColumnKind>
                        options={tableColumnKinds.map((k) => ({ value: k, label: columnKindLabels[k] }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="40px" style={{ paddingTop: 30 }}>
                    <Tooltip title="Bỏ cột">
                      <Button
                        aria-label={`Bỏ cột ${c + 1} của phần ${n}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(column.name)}
                      />
                    </Tooltip>
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ header: '', kind: 'text' })}
              >
                Thêm cột vào phần {n}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        <Form.Item name={[name, 'note']} label={`Ghi chú của bảng ${n}`} style={{ marginTop: 12 }}>
          <Input />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Form.Item name={[name, 'guidance']} label={`Hướng dẫn viết phần ${n}`}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>Bắt buộc viết phần {n} mới gửi được báo cáo</Checkbox>
      </Form.Item>
    </>
  );
}

export function TemplateEditorModal({
  source,
  onClose,
  onSaved,
}: {
  /** The template copied; the modal is open while it is set. */
  source: TemplateDto | null;
  onClose(): void;
  onSaved(created: TemplateDto): void;
}) {
  const [form] = Form.useForm<Values>();
  // The modal's form lives on between openings: fill it with the template copied each time one is chosen.
  useEffect(() => {
    if (!source) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(source));
  }, [source, form]);
  return (
    <ActionModal<Values>
      open={source !== null}
      title="Tạo mẫu báo cáo mới từ bản sao"
      okText="Lưu mẫu báo cáo"
      successText="Đã lưu mẫu báo cáo mới."
      form={form}
      width={960}
      onClose={onClose}
      onDone={() => undefined}
      initialValues={source ? valuesOf(source) : undefined}
      onSubmit={async (v) => {
        const created = await reportsApi.createTemplate(bodyOf(v));
        onSaved(created);
      }}
    >
      {source ? (
        <Typography.Paragraph type="secondary">
          Sao chép từ: {source.name}. Mẫu gốc giữ nguyên; các yêu cầu đã ban hành vẫn dùng mẫu gốc.
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="name"
        label="Tên mẫu báo cáo"
        rules={[{ required: true, whitespace: true, message: 'Nhập tên mẫu' }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item name="description" label="Mô tả">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.List
        name="sections"
        rules={[
          {
            validator: async (_, sections?: unknown[]) => {
              if (!sections || sections.length === 0) throw new Error('Mẫu báo cáo phải có ít nhất một phần');
            },
          },
        ]}
      >
        {(sections, { add, remove, move }, { errors }) => (
          <div className="template-sections">
            {sections.map((section, i) => (
              <Card
                key={section.key}
                size="small"
                className="template-section"
                style={{ marginBottom: 12 }}
                title={`Phần ${i + 1}: ${sectionKindLabels[(form.getFieldValue(['sections', section.name, 'kind']) as SectionKind | undefined) ?? 'narrative']}`}
                extra={
                  <Space size={4}>
                    <Button
                      size="small"
                      aria-label={`Đưa phần ${i + 1} lên`}
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                    />
                    <Button
                      size="small"
                      aria-label={`Đưa phần ${i + 1} xuống`}
                      icon={<ArrowDownOutlined />}
                      disabled={i === sections.length - 1}
                      onClick={() => move(i, i + 1)}
                    />
                    <Button
                      size="small"
                      danger
                      aria-label={`Bỏ phần ${i + 1}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(section.name)}
                    />
                  </Space>
                }
              >
                <Form.Item name={[section.name, 'kind']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={16}>
                    <Form.Item
                      name={[section.name, 'title']}
                      label={`Tiêu đề phần ${i + 1}`}
                      rules={[{ required: true, whitespace: true, message: 'Nhập tiêu đề phần' }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[section.name, 'key']}
                      label={`Mã phần ${i + 1}`}
                      tooltip="Chữ thường không dấu, chữ số và dấu gạch dưới; để trống thì tự tạo từ tiêu đề"
                      rules={[
                        {
                          pattern: /^[a-z][a-z0-9_]{0,39}$/u,
                          message: 'Chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới',
                        },
                      ]}
                    >
                      <Input placeholder="tự tạo từ tiêu đề" />
                    </Form.Item>
                  </Col>
                </Row>
                <SectionFields form={form} name={section.name} index={i} />
              </Card>
            ))}
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'narrative', title: '', required: false })}
              >
                Thêm phần viết
              </Button>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'table', title: '', columns: [{ header: '', kind: 'text' }] })}
              >
                Thêm bảng
              </Button>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'figures', title: '', fields: ['total', 'poor', 'poorRate'] })}
              >
                Thêm phần số liệu
              </Button>
            </Space>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </ActionModal>
  );
}
