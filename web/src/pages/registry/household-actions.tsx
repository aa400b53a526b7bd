// The actions an officer takes on a household's record, each in its own dialog: edit the facts, move to another
// village, split, merge, record a social-bank loan, register a voluntary escape, receive an in-year application.
import { useEffect, useMemo, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { householdsApi, type HouseholdDetail, type HouseholdListItem } from '../../api/endpoints.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { todayIso, toIso, fromIso, viDateFormat } from '../../lib/dates.ts';
import { ActionModal } from './action-modal.tsx';
import { applicationKindLabels, areaLabels } from './registry-labels.ts';
import { UnitTreeSelect } from './unit-tree-select.tsx';

export type HouseholdAction = 'edit' | 'move' | 'split' | 'merge' | 'loan' | 'escape' | 'apply';

interface Props {
  household: HouseholdDetail;
  action: HouseholdAction | null;
  onClose(): void;
  /** After the server accepted; `goTo` names another household to open (the new one of a split, the one merged into). */
  onDone(goTo?: string): void;
}

const required = (text: string) => [{ required: true, message: text }];
const dateRule = required('Chọn ngày');

function DateField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={dateRule}>
      <DatePicker format={viDateFormat} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

const communeOf = (h: HouseholdDetail) => h.unitPath.find((u) => u.level === 'commune');

interface EditValues {
  headName: string;
  area: 'rural' | 'urban';
  ethnicMinority: boolean;
  femaleHead: boolean;
  hasMeritPerson: boolean;
  hasSocialProtection: boolean;
  floorArea?: number;
  hygienicWater?: boolean;
  hygienicLatrine?: boolean;
}

function EditModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<EditValues>();
  return (
    <ActionModal<EditValues>
      open={open}
      title={`Sửa thông tin hộ ${household.code}`}
      okText="Lưu"
      successText="Đã lưu thông tin hộ."
      form={form}
      onClose={onClose}
      onDone={() => onDone()}
      initialValues={{
        headName: household.headName,
        area: household.area,
        ethnicMinority: household.ethnicMinority,
        femaleHead: household.femaleHead,
        hasMeritPerson: household.hasMeritPerson,
        hasSocialProtection: household.hasSocialProtection,
        floorArea: household.dwelling.floorArea,
        hygienicWater: household.dwelling.hygienicWater,
        hygienicLatrine: household.dwelling.hygienicLatrine,
      }}
      onSubmit={(v) =>
        householdsApi.update(household.id, {
          version: household.version,
          headName: v.headName,
          area: v.area,
          ethnicMinority: v.ethnicMinority,
          femaleHead: v.femaleHead,
          hasMeritPerson: v.hasMeritPerson,
          hasSocialProtection: v.hasSocialProtection,
          dwelling: {
            ...household.dwelling,
            ...(v.floorArea !== undefined && v.floorArea !== null ? { floorArea: v.floorArea } : {}),
            ...(v.hygienicWater !== undefined ? { hygienicWater: v.hygienicWater } : {}),
            ...(v.hygienicLatrine !== undefined ? { hygienicLatrine: v.hygienicLatrine } : {}),
          },
        })
      }
    >
      <Form.Item name="headName" label="Họ tên chủ hộ" rules={required('Nhập họ tên chủ hộ')}>
        <Input />
      </Form.Item>
      <Form.Item name="area" label="Khu vực">
        <Select options={(['rural', 'urban'] as const).map((a) => ({ value: a, label: areaLabels[a] }))} />
      </Form.Item>
      <Form.Item name="ethnicMinority" label="Hộ dân tộc thiểu số" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Form.Item name="femaleHead" label="Chủ hộ là nữ" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Form.Item name="hasMeritPerson" label="Có người có công với cách mạng" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Form.Item name="hasSocialProtection" label="Có đối tượng bảo trợ xã hội" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Form.Item name="floorArea" label="Diện tích nhà ở (m²)">
        <InputNumber min={0} max={10000} style={{ width: '100%' }} decimalSeparator="," />
      </Form.Item>
      <Form.Item name="hygienicWater" label="Nguồn nước hợp vệ sinh" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Form.Item name="hygienicLatrine" label="Nhà tiêu hợp vệ sinh" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
    </ActionModal>
  );
}

interface MoveValues {
  villageCode: string;
  effectiveDate: Dayjs;
  reason: string;
}

function MoveModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<MoveValues>();
  return (
    <ActionModal<MoveValues>
      open={open}
      title={`Chuyển hộ ${household.code} sang thôn khác`}
      okText="Chuyển"
      successText="Đã chuyển hộ sang thôn mới."
      form={form}
      onClose={onClose}
      onDone={() => onDone()}
      initialValues={{ effectiveDate: fromIso(todayIso()) }}
      onSubmit={(v) =>
        householdsApi.move(household.id, { villageCode: v.villageCode, effectiveDate: toIso(v.effectiveDate), reason: v.reason })
      }
    >
      <Form.Item name="villageCode" label="Thôn, bản, tổ dân phố mới" rules={required('Chọn thôn mới')}>
        <UnitTreeSelect levels={['village']} placeholder="Chọn thôn, bản mới" style={{ width: '100%' }} />
      </Form.Item>
      <DateField name="effectiveDate" label="Ngày chuyển" />
      <Form.Item name="reason" label="Lý do" rules={required('Nêu lý do chuyển')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}

interface SplitValues {
  newCode: string;
  headName: string;
  memberIds: string[];
  villageCode?: string;
  effectiveDate: Dayjs;
  reason: string;
}

function SplitModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<SplitValues>();
  const [newId, setNewId] = useState<string | null>(null);
  return (
    <ActionModal<SplitValues>
      open={open}
      title={`Tách hộ ${household.code}`}
      okText="Tách hộ"
      successText="Đã tách hộ: hộ mới đã được lập."
      form={form}
      width={640}
      onClose={onClose}
      onDone={() => onDone(newId ?? undefined)}
      initialValues={{ effectiveDate: fromIso(todayIso()), newCode: `${household.code}-T` }}
      onSubmit={async (v) => {
        const created = await householdsApi.split(household.id, {
          newCode: v.newCode,
          headName: v.headName,
          memberIds: v.memberIds,
          villageCode: v.villageCode,
          effectiveDate: toIso(v.effectiveDate),
          reason: v.reason,
        });
        setNewId(created.id);
      }}
    >
      <Form.Item name="memberIds" label="Thành viên tách sang hộ mới" rules={required('Chọn ít nhất một thành viên')}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={household.members.map((m) => ({ value: m.id, label: `${m.fullName} (${m.relation}, ${m.birthYear})` }))}
        />
      </Form.Item>
      <Form.Item name="newCode" label="Mã hộ mới" rules={required('Nhập mã hộ mới')}>
        <Input />
      </Form.Item>
      <Form.Item name="headName" label="Chủ hộ mới" rules={required('Nhập họ tên chủ hộ mới')}>
        <Input />
      </Form.Item>
      <Form.Item name="villageCode" label="Thôn của hộ mới (để trống nếu cùng thôn)">
        <UnitTreeSelect levels={['village']} placeholder="Cùng thôn với hộ cũ" style={{ width: '100%' }} />
      </Form.Item>
      <DateField name="effectiveDate" label="Ngày tách hộ" />
      <Form.Item name="reason" label="Lý do" rules={required('Nêu lý do tách hộ')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}

interface MergeValues {
  intoHouseholdId: string;
  effectiveDate: Dayjs;
  reason: string;
}

/** Find the household to merge into among those of the same commune, by name or code (accent-insensitive). */
function HouseholdPicker({
  communeCode,
  excludeId,
  value,
  onChange,
}: {
  communeCode?: string;
  excludeId: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const [text, setText] = useState('');
  const query = useDebounced(text, 300);
  const [rows, setRows] = useState<HouseholdListItem[]>([]);
  useEffect(() => {
    let active = true;
    void householdsApi.list({ unitCode: communeCode, q: query || undefined, limit: 30 }).then(
      (list) => active && setRows(list.rows.filter((r) => r.id !== excludeId)),
      () => active && setRows([]),
    );
    return () => {
      active = false;
    };
  }, [communeCode, query, excludeId]);
  const options = useMemo(
    () => rows.map((r) => ({ value: r.id, label: `${r.code} – ${r.headName} (${r.villageName})` })),
    [rows],
  );
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder="Gõ tên chủ hộ hoặc mã hộ"
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent="Không có hộ nào khớp"
    />
  );
}

function MergeModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<MergeValues>();
  const target = Form.useWatch('intoHouseholdId', form);
  return (
    <ActionModal<MergeValues>
      open={open}
      title={`Nhập hộ ${household.code} vào hộ khác`}
      okText="Nhập hộ"
      successText="Đã nhập hộ. Các thành viên đã chuyển sang hộ nhận."
      form={form}
      width={640}
      onClose={onClose}
      onDone={() => onDone(target)}
      initialValues={{ effectiveDate: fromIso(todayIso()) }}
      onSubmit={(v) =>
        householdsApi.merge(household.id, {
          intoHouseholdId: v.intoHouseholdId,
          effectiveDate: toIso(v.effectiveDate),
          reason: v.reason,
        })
      }
    >
      <Form.Item name="intoHouseholdId" label="Hộ nhận" rules={required('Chọn hộ nhận')}>
        <HouseholdPicker communeCode={communeOf(household)?.code} excludeId={household.id} />
      </Form.Item>
      <DateField name="effectiveDate" label="Ngày nhập hộ" />
      <Form.Item name="reason" label="Lý do" rules={required('Nêu lý do nhập hộ')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        Hộ này sẽ kết thúc; các thành viên chuyển sang hộ nhận. Lịch sử của cả hai hộ được giữ lại.
      </Typography.Paragraph>
    </ActionModal>
  );
}

interface LoanValues {
  amount: number;
  purpose: string;
  disbursedOn: Dayjs;
  dueOn: Dayjs;
  usedAsIntended: boolean;
  interestOnTime: boolean;
  principalOnTime: boolean;
  repaidOn?: Dayjs | null;
}

function LoanModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<LoanValues>();
  return (
    <ActionModal<LoanValues>
      open={open}
      title="Ghi khoản vay Ngân hàng Chính sách xã hội"
      okText="Ghi khoản vay"
      successText="Đã ghi khoản vay."
      form={form}
      onClose={onClose}
      onDone={() => onDone()}
      initialValues={{ usedAsIntended: true, interestOnTime: true, principalOnTime: true }}
      onSubmit={(v) =>
        householdsApi.addLoan(household.id, {
          amount: v.amount,
          purpose: v.purpose,
          disbursedOn: toIso(v.disbursedOn),
          dueOn: toIso(v.dueOn),
          usedAsIntended: v.usedAsIntended,
          interestOnTime: v.interestOnTime,
          principalOnTime: v.principalOnTime,
          repaidOn: v.repaidOn ? toIso(v.repaidOn) : null,
        })
      }
    >
      <Form.Item name="amount" label="Số tiền vay (đồng)" rules={required('Nhập số tiền vay')}>
        <InputNumber<number>
          min={1}
          style={{ width: '100%' }}
          formatter={(v) => (v === undefined || v === null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/gu, '.'))}
          parser={(v) => Number((v ?? '').replace(/\D/gu, ''))}
        />
      </Form.Item>
      <Form.Item name="purpose" label="Mục đích vay" rules={required('Nêu mục đích vay')}>
        <Input placeholder="Ví dụ: chăn nuôi bò sinh sản" />
      </Form.Item>
      <DateField name="disbursedOn" label="Ngày giải ngân" />
      <DateField name="dueOn" label="Hạn trả" />
      <Form.Item name="repaidOn" label="Ngày trả hết (để trống nếu chưa trả)">
        <DatePicker format={viDateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="usedAsIntended" valuePropName="checked">
        <Checkbox>Sử dụng vốn đúng mục đích</Checkbox>
      </Form.Item>
      <Form.Item name="interestOnTime" valuePropName="checked">
        <Checkbox>Trả lãi đúng hạn</Checkbox>
      </Form.Item>
      <Form.Item name="principalOnTime" valuePropName="checked">
        <Checkbox>Trả gốc đúng hạn</Checkbox>
      </Form.Item>
    </ActionModal>
  );
}

interface EscapeValues {
  year: number;
  registeredOn: Dayjs;
  note?: string;
}

function EscapeModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<EscapeValues>();
  const today = todayIso();
  return (
    <ActionModal<EscapeValues>
      open={open}
      title="Hộ tự nguyện đăng ký thoát nghèo"
      okText="Ghi đăng ký"
      successText="Đã ghi đăng ký tự nguyện thoát nghèo."
      form={form}
      onClose={onClose}
      onDone={() => onDone()}
      initialValues={{ year: Number(today.slice(0, 4)), registeredOn: fromIso(today) }}
      onSubmit={(v) =>
        householdsApi.registerEscape(household.id, { year: v.year, registeredOn: toIso(v.registeredOn), note: v.note?.trim() || null })
      }
    >
      <Form.Item name="year" label="Năm đăng ký thoát nghèo" rules={required('Nhập năm')}>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <DateField name="registeredOn" label="Ngày đăng ký" />
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionModal>
  );
}

interface ApplyValues {
  kind: keyof typeof applicationKindLabels;
  appliedOn: Dayjs;
}

function ApplyModal({ household, open, onClose, onDone }: Omit<Props, 'action'> & { open: boolean }) {
  const [form] = Form.useForm<ApplyValues>();
  const [deadline, setDeadline] = useState<string | null>(null);
  return (
    <ActionModal<ApplyValues>
      open={open}
      title="Nhận đơn đề nghị phát sinh trong năm"
      okText="Nhận đơn"
      successText={deadline ? `Đã nhận đơn. Hạn quyết định: ${formatDate(deadline)}.` : 'Đã nhận đơn.'}
      form={form}
      onClose={onClose}
      onDone={() => onDone()}
      initialValues={{ appliedOn: fromIso(todayIso()) }}
      onSubmit={async (v) => {
        const result = await householdsApi.apply(household.id, { kind: v.kind, appliedOn: toIso(v.appliedOn) });
        setDeadline(result.deadlineOn);
      }}
    >
      <Form.Item name="kind" label="Loại đề nghị" rules={required('Chọn loại đề nghị')}>
        <Select
          options={(Object.keys(applicationKindLabels) as (keyof typeof applicationKindLabels)[]).map((k) => ({
            value: k,
            label: applicationKindLabels[k],
          }))}
        />
      </Form.Item>
      <DateField name="appliedOn" label="Ngày nhận đơn" />
      <Typography.Paragraph type="secondary">
        Chủ tịch UBND xã quyết định trong 7 ngày làm việc kể từ ngày nhận đơn; từ chối phải nêu rõ lý do.
      </Typography.Paragraph>
    </ActionModal>
  );
}

/** The dialog of the chosen action (none when `action` is null). */
export function HouseholdActionModals({ household, action, onClose, onDone }: Props) {
  const common = { household, onClose, onDone };
  return (
    <>
      <EditModal {...common} open={action === 'edit'} />
      <MoveModal {...common} open={action === 'move'} />
      <SplitModal {...common} open={action === 'split'} />
      <MergeModal {...common} open={action === 'merge'} />
      <LoanModal {...common} open={action === 'loan'} />
      <EscapeModal {...common} open={action === 'escape'} />
      <ApplyModal {...common} open={action === 'apply'} />
    </>
  );
}
