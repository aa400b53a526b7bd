// The library's create and edit forms: an initiative (sáng kiến), a poverty-reduction model (mô hình, with where it
// was replicated) and an advanced example (điển hình tiên tiến: a collective, an individual, or a household picked from
// the registry). The server checks scope (the participants of the record's unit or organisation, or the board); its
// refusal is shown in the form as it says it.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { exemplarKindLabels, recognisedLevelLabels } from '../../../../src/shared/schemas/emulation.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { emulationApi, type ExemplarDto, type InitiativeDto, type ModelDto } from '../../api/emulation-endpoints.ts';
import { HouseholdSelect } from '../../components/household-select.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { fromIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { normaliseCriterionCodes } from './records-form-helpers.ts';

export type RecordEditing =
  | { kind: 'initiative'; record: InitiativeDto | null }
  | { kind: 'model'; record: ModelDto | null }
  | { kind: 'exemplar'; record: ExemplarDto | null };

type RecognisedLevel = keyof typeof recognisedLevelLabels;
type ExemplarKind = keyof typeof exemplarKindLabels;

interface RecordValues {
  title?: string;
  name?: string;
  authorName?: string;
  unitCode?: string;
  organisationId?: string;
  date?: Dayjs;
  recognisedLevel?: RecognisedLevel;
  summary?: string;
  description?: string;
  results?: string;
  householdsReached?: number;
  replications?: { unitCode?: string; from?: Dayjs; households?: number }[];
  exemplarKind?: ExemplarKind;
  householdId?: string;
  year?: number;
  story?: string;
  criterionCodes?: string[];
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function initialValues(editing: RecordEditing): RecordValues {
  switch (editing.kind) {
    case 'initiative': {
      const r = editing.record;
      return r
        ? { title: r.title, authorName: r.authorName, unitCode: r.unitCode, organisationId: r.organisationId ?? undefined, date: fromIso(r.recognisedOn), recognisedLevel: r.recognisedLevel, summary: r.summary ?? undefined, criterionCodes: r.criterionCodes }
        : { recognisedLevel: 'grassroots', criterionCodes: [] };
    }
    case 'model': {
      const r = editing.record;
      return r
        ? {
            name: r.name,
            unitCode: r.startedUnitCode,
            organisationId: r.organisationId ?? undefined,
            date: fromIso(r.startedOn),
            description: r.description ?? undefined,
            replications: r.replications.map((x) => ({ unitCode: x.unitCode, from: fromIso(x.from), households: x.households })),
            householdsReached: r.householdsReached,
            results: r.results ?? undefined,
            criterionCodes: r.criterionCodes,
          }
        : { replications: [], householdsReached: 0, criterionCodes: [] };
    }
    case 'exemplar': {
      const r = editing.record;
      return r
        ? { exemplarKind: r.kind, name: r.name, unitCode: r.unitCode, organisationId: r.organisationId ?? undefined, householdId: r.householdId ?? undefined, year: r.year, story: r.story, criterionCodes: r.criterionCodes }
        : { exemplarKind: 'collective', year: new Date().getFullYear(), criterionCodes: [] };
    }
  }
}

async function save(editing: RecordEditing, v: RecordValues, codes: string[]): Promise<void> {
  const organisationId = v.organisationId ?? null;
  switch (editing.kind) {
    case 'initiative': {
      const body = {
        title: v.title ?? '',
        authorName: v.authorName ?? '',
        unitCode: v.unitCode ?? '',
        organisationId,
        recognisedOn: v.date ? toIso(v.date) : '',
        recognisedLevel: v.recognisedLevel ?? 'grassroots',
        summary: blank(v.summary),
        criterionCodes: codes,
        fileIds: editing.record?.fileIds ?? [],
      };
      await (editing.record ? emulationApi.updateInitiative(editing.record.id, body) : emulationApi.createInitiative(body));
      return;
    }
    case 'model': {
      const body = {
        name: v.name ?? '',
        startedUnitCode: v.unitCode ?? '',
        organisationId,
        startedOn: v.date ? toIso(v.date) : '',
        description: blank(v.description),
        replications: (v.replications ?? []).map((r) => ({ unitCode: r.unitCode ?? '', from: r.from ? toIso(r.from) : '', households: r.households ?? 0 })),
        householdsReached: v.householdsReached ?? 0,
        results: blank(v.results),
        criterionCodes: codes,
      };
      await (editing.record ? emulationApi.updateModel(editing.record.id, body) : emulationApi.createModel(body));
      return;
    }
    case 'exemplar': {
      const kind = v.exemplarKind ?? 'collective';
      const household = kind === 'household';
      const body = {
        kind,
        name: household ? undefined : v.name?.trim(),
        unitCode: household ? undefined : v.unitCode,
        organisationId: household ? null : organisationId,
        // A person already on file stays linked while the form is about an individual; the name and unit are kept too.
        individualId: kind === 'individual' ? (editing.record?.individualId ?? null) : null,
        householdId: household ? (v.householdId ?? null) : null,
        campaignId: editing.record?.campaignId ?? null,
        year: v.year ?? new Date().getFullYear(),
        story: v.story ?? '',
        criterionCodes: codes,
        fileIds: editing.record?.fileIds ?? [],
      };
      await (editing.record ? emulationApi.updateExemplar(editing.record.id, body) : emulationApi.createExemplar(body));
      return;
    }
  }
}

const titles: Record<RecordEditing['kind'], [string, string]> = {
  initiative: ['Thêm sáng kiến', 'Sửa sáng kiến'],
  model: ['Thêm mô hình giảm nghèo', 'Sửa mô hình giảm nghèo'],
  exemplar: ['Thêm điển hình tiên tiến', 'Sửa điển hình tiên tiến'],
};

const required = (message: string) => [{ required: true, message }];
const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

function CriterionCodesItem() {
  return (
    <Form.Item name="criterionCodes" label="Tiêu chí liên quan (mã theo Kế hoạch 165, ví dụ 1.1, 5b.2, 7.2)">
      <Select mode="tags" aria-label="Tiêu chí liên quan" tokenSeparators={[',', ' ', ';']} placeholder="Gõ mã tiêu chí rồi Enter" open={false} suffixIcon={null} />
    </Form.Item>
  );
}

/** The unit in force on the record's date (a district of 2018 is no longer among today's units). */
function UnitAndOrganisation({ unitLabel, asOf }: { unitLabel: string; asOf: string | undefined }) {
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      <Form.Item name="unitCode" label={unitLabel} rules={required('Chọn đơn vị')} style={{ flex: 1 }}>
        <UnitSelect includeVillages asOf={asOf} />
      </Form.Item>
      <Form.Item name="organisationId" label="Cơ quan, tổ chức (nếu có)" style={{ flex: 1 }}>
        <OrganisationSelect />
      </Form.Item>
    </div>
  );
}

function useDateOfForm(): string | undefined {
  const date = Form.useWatch<Dayjs | undefined>('date', Form.useFormInstance());
  return date ? toIso(date) : undefined;
}

function InitiativeFields() {
  const asOf = useDateOfForm();
  return (
    <>
      <Form.Item name="title" label="Tên sáng kiến" rules={requiredText('Nhập tên sáng kiến')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="authorName" label="Tác giả" rules={requiredText('Nhập tác giả')}>
        <Input maxLength={300} />
      </Form.Item>
      <Space>
        <Form.Item name="date" label="Ngày công nhận" rules={required('Chọn ngày công nhận')}>
          <DatePicker format={viDateFormat} />
        </Form.Item>
        <Form.Item name="recognisedLevel" label="Cấp công nhận">
          <Select style={{ width: 200 }} options={Object.entries(recognisedLevelLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Space>
      <UnitAndOrganisation unitLabel="Đơn vị" asOf={asOf} />
      <Form.Item name="summary" label="Tóm tắt nội dung, hiệu quả">
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </>
  );
}

function ReplicationUnit({ name }: { name: number }) {
  const from = Form.useWatch<Dayjs | undefined>(['replications', name, 'from'], Form.useFormInstance());
  return (
    <Form.Item name={[name, 'unitCode']} rules={required('Chọn đơn vị')} style={{ marginBottom: 0, flex: 1 }}>
      <UnitSelect includeVillages asOf={from ? toIso(from) : undefined} placeholder="Đơn vị nhân rộng" />
    </Form.Item>
  );
}

function ModelFields() {
  const asOf = useDateOfForm();
  return (
    <>
      <Form.Item name="name" label="Tên mô hình" rules={requiredText('Nhập tên mô hình')}>
        <Input maxLength={500} />
      </Form.Item>
      <Space>
        <Form.Item name="date" label="Ngày bắt đầu" rules={required('Chọn ngày bắt đầu')}>
          <DatePicker format={viDateFormat} />
        </Form.Item>
        <Form.Item name="householdsReached" label="Số hộ được hưởng lợi" rules={required('Nhập số hộ')}>
          <InputNumber min={0} max={10_000_000} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <UnitAndOrganisation unitLabel="Nơi khởi xướng" asOf={asOf} />
      <Form.Item name="description" label="Mô tả">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label="Nơi nhân rộng">
        <Form.List name="replications">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} className="model-replications">
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'from']} rules={required('Chọn ngày')} style={{ marginBottom: 0 }}>
                    <DatePicker format={viDateFormat} placeholder="Từ ngày" />
                  </Form.Item>
                  <ReplicationUnit name={field.name} />
                  <Form.Item name={[field.name, 'households']} rules={required('Nhập số hộ')} style={{ marginBottom: 0 }}>
                    <InputNumber min={0} placeholder="Số hộ" addonAfter="hộ" style={{ width: 150 }} />
                  </Form.Item>
                  <Button type="text" aria-label="Bỏ nơi nhân rộng" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ households: 0 })}>
                Thêm nơi nhân rộng
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="results" label="Kết quả">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </>
  );
}

function ExemplarFields({ kind, householdLabel }: { kind: ExemplarKind | undefined; householdLabel?: string }) {
  const year = Form.useWatch<number | undefined>('year', Form.useFormInstance());
  return (
    <>
      <Form.Item name="exemplarKind" label="Loại điển hình">
        <Radio.Group options={Object.entries(exemplarKindLabels).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {kind === 'household' ? (
        <Form.Item name="householdId" label="Hộ trong sổ hộ" rules={required('Chọn hộ trong sổ hộ')} extra="Số năm thoát nghèo ổn định (tiêu chí 5b.3) lấy từ sổ hộ.">
          <HouseholdSelect initialLabel={householdLabel} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="name" label={kind === 'individual' ? 'Họ và tên' : 'Tên tập thể'} rules={requiredText('Nhập tên')}>
            <Input maxLength={300} />
          </Form.Item>
          <UnitAndOrganisation unitLabel="Đơn vị" asOf={year && year >= 2000 && year <= 2100 ? `${year}-12-31` : undefined} />
        </>
      )}
      <Form.Item name="year" label="Năm" rules={required('Nhập năm')}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="story" label="Câu chuyện điển hình" rules={requiredText('Kể lại điển hình')}>
        <Input.TextArea rows={6} maxLength={20000} />
      </Form.Item>
    </>
  );
}

/** The modal of one record's form; `editing.record` null for a new one. */
export function RecordModal({ editing, onClose, onSaved }: { editing: RecordEditing; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<RecordValues>();
  const exemplarKind = Form.useWatch('exemplarKind', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: RecordValues) => {
    const { codes, invalid } = normaliseCriterionCodes(v.criterionCodes ?? []);
    if (invalid.length > 0) {
      setError(`Mã tiêu chí không đúng: ${invalid.join(', ')}. Mã có dạng 1.1, 5b.3, 7.2.`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await save(editing, v, codes);
      void message.success('Đã lưu.');
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  let fields: ReactNode;
  if (editing.kind === 'initiative') fields = <InitiativeFields />;
  else if (editing.kind === 'model') fields = <ModelFields />;
  else fields = <ExemplarFields kind={exemplarKind} householdLabel={editing.record?.kind === 'household' ? editing.record.name : undefined} />;
  return (
    <Modal title={titles[editing.kind][editing.record ? 1 : 0]} open width={760} okText="Lưu" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<RecordValues> form={form} layout="vertical" name={`record-${editing.kind}`} className="record-form" initialValues={initialValues(editing)} onFinish={(v) => void submit(v)}>
        {fields}
        <CriterionCodesItem />
        {error ? <Alert type="error" showIcon title={error} className="record-error" /> : null}
      </Form>
    </Modal>
  );
}
