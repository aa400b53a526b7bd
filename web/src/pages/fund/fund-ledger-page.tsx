// The Fund for the Poor of one Fatherland Front level (province, district, commune): its campaign periods and their
// balances (opening + received − spent = closing, checked on every row), the ledger of a period (contributions,
// direct gifts reported by donors, disbursements), and the forms to record them for officers who may write. A household
// is picked among those of the level's area; the ledger names it only to readers of the registry in its village (the
// server masks the others), so the forms add nothing the list would not show.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckCircleOutlined, GlobalOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { spendingPurposeLabels, spendingPurposes, type SpendingPurpose } from '../../../../src/domain/fund/ledger.ts';
import { donorKindLabels, donorKinds, type DonorKind } from '../../../../src/domain/fund/support-activities.ts';
import { formatDate, formatMoney } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { HouseholdSelect } from '../../components/household-select.tsx';
import { fundApi, publicFundApi, type FundBalanceDto, type PublicLevelDto } from '../../api/emulation-endpoints.ts';
import { todayIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { cachedUnitName } from '../../lib/reference-cache.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { reconciles } from '../emulation/emulation-helpers.ts';
import { emulationPaths } from '../emulation/emulation-paths.ts';

const money = (v: number) => formatMoney(v);

export function ReconcileTag({ balance }: { balance: FundBalanceDto }) {
  const ok = reconciles(balance) && balance.reconciles;
  return ok ? (
    <Tag color="green" icon={<CheckCircleOutlined />} className="reconcile-ok">
      Khớp
    </Tag>
  ) : (
    <Tag color="red" icon={<WarningOutlined />} className="reconcile-bad">
      Lệch
    </Tag>
  );
}

type EntryForm = 'period' | 'contribution' | 'directGift' | 'disbursement' | 'householdDisbursement' | null;

interface EntryValues {
  year?: number;
  openingBalance?: number | null;
  donorName?: string;
  donorKind?: DonorKind;
  agreesToBeNamed?: boolean;
  form?: 'cash' | 'kind';
  kindDescription?: string;
  value?: number;
  date?: Dayjs;
  receiptNumber?: string;
  projectName?: string;
  purpose?: SpendingPurpose;
  decisionNumber?: string;
  householdId?: string;
  description?: string;
  reportedOn?: Dayjs;
}

function EntryModal({ unitCode, which, onClose, onSaved }: { unitCode: string; which: EntryForm; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<EntryValues>();
  const cashOrKind = Form.useWatch('form', form);
  const date = Form.useWatch('date', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!which) return null;
  const submit = async (v: EntryValues) => {
    setSaving(true);
    setError(null);
    try {
      if (which === 'period') await fundApi.createPeriod(unitCode, { year: v.year ?? new Date().getFullYear(), openingBalance: v.openingBalance ?? null });
      else if (which === 'contribution')
        await fundApi.addContribution(unitCode, {
          donorName: v.donorName ?? '',
          donorKind: v.donorKind ?? 'individual',
          agreesToBeNamed: v.agreesToBeNamed ?? false,
          form: v.form ?? 'cash',
          kindDescription: v.form === 'kind' ? (v.kindDescription ?? null) : null,
          value: v.value ?? 0,
          receivedOn: v.date ? toIso(v.date) : todayIso(),
          receiptNumber: v.receiptNumber ?? '',
        });
      else if (which === 'directGift')
        await fundApi.addDirectGift(unitCode, {
          donorName: v.donorName ?? '',
          agreesToBeNamed: v.agreesToBeNamed ?? false,
          householdId: v.householdId ?? '',
          purpose: v.purpose ?? 'relief',
          form: v.form ?? 'cash',
          description: v.description?.trim() || null,
          value: v.value ?? 0,
          givenOn: v.date ? toIso(v.date) : todayIso(),
          reportedOn: v.reportedOn ? toIso(v.reportedOn) : todayIso(),
        });
      else if (which === 'householdDisbursement')
        await fundApi.addDisbursement(unitCode, {
          beneficiaryKind: 'household',
          householdId: v.householdId ?? null,
          purpose: v.purpose ?? 'relief',
          value: v.value ?? 0,
          disbursedOn: v.date ? toIso(v.date) : todayIso(),
          decisionNumber: v.decisionNumber?.trim() || null,
        });
      else
        await fundApi.addDisbursement(unitCode, {
          beneficiaryKind: 'project',
          projectName: v.projectName ?? '',
          purpose: v.purpose ?? 'relief',
          value: v.value ?? 0,
          disbursedOn: v.date ? toIso(v.date) : todayIso(),
          decisionNumber: v.decisionNumber?.trim() || null,
        });
      void message.success('Đã ghi sổ.');
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  const titles: Record<Exclude<EntryForm, null>, string> = {
    period: 'Mở kỳ vận động',
    contribution: 'Ghi nhận đóng góp',
    directGift: 'Hỗ trợ trực tiếp đến hộ (nhà hảo tâm báo lại)',
    disbursement: 'Chi hỗ trợ cho công trình, dự án',
    householdDisbursement: 'Chi hỗ trợ cho hộ',
  };
  const household = (
    <Form.Item name="householdId" label="Hộ được hỗ trợ (trong địa bàn của quỹ)" rules={[{ required: true, message: 'Chọn hộ trong sổ hộ' }]}>
      <HouseholdSelect unitCode={unitCode} asOf={date ? toIso(date) : undefined} />
    </Form.Item>
  );
  const purpose = (
    <Form.Item name="purpose" label="Mục đích">
      <Select options={spendingPurposes.map((p) => ({ value: p, label: spendingPurposeLabels[p] }))} />
    </Form.Item>
  );
  return (
    <Modal title={titles[which]} open okText="Ghi sổ" cancelText="Huỷ" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<EntryValues>
        form={form}
        layout="vertical"
        name={`fund-${which}`}
        initialValues={{ form: 'cash', donorKind: 'individual', agreesToBeNamed: which !== 'directGift', purpose: 'housing', reportedOn: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        {which === 'period' ? (
          <>
            <Form.Item name="year" label="Năm bắt đầu (kỳ từ 17/10 năm này đến 16/10 năm sau)" rules={[{ required: true, message: 'Nhập năm' }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="openingBalance" label="Số dư đầu kỳ (chỉ kỳ đầu tiên của quỹ)">
              <InputNumber min={0} step={1000} style={{ width: 240 }} addonAfter="đ" />
            </Form.Item>
          </>
        ) : null}
        {which === 'contribution' ? (
          <>
            <Form.Item name="donorName" label="Người, đơn vị đóng góp" rules={[{ required: true, whitespace: true, message: 'Nhập tên người đóng góp' }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="donorKind" label="Loại">
              <Select options={donorKinds.map((k) => ({ value: k, label: donorKindLabels[k] }))} />
            </Form.Item>
            <Form.Item name="agreesToBeNamed" label="Đồng ý công khai tên" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="form" label="Hình thức">
              <Radio.Group options={[{ value: 'cash', label: 'Tiền' }, { value: 'kind', label: 'Hiện vật (quy ra tiền)' }]} />
            </Form.Item>
            {cashOrKind === 'kind' ? (
              <Form.Item name="kindDescription" label="Hiện vật" rules={[{ required: true, message: 'Ghi rõ hiện vật' }]}>
                <Input maxLength={1000} />
              </Form.Item>
            ) : null}
            <Form.Item name="receiptNumber" label="Số biên lai" rules={[{ required: true, whitespace: true, message: 'Nhập số biên lai' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        ) : null}
        {which === 'directGift' ? (
          <>
            <Form.Item name="donorName" label="Nhà hảo tâm" rules={[{ required: true, whitespace: true, message: 'Nhập tên nhà hảo tâm' }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="agreesToBeNamed" label="Đồng ý công khai tên" valuePropName="checked">
              <Switch />
            </Form.Item>
            {household}
            {purpose}
            <Form.Item name="form" label="Hình thức">
              <Radio.Group options={[{ value: 'cash', label: 'Tiền' }, { value: 'kind', label: 'Hiện vật (quy ra tiền)' }]} />
            </Form.Item>
            <Form.Item name="description" label="Nội dung hỗ trợ" rules={cashOrKind === 'kind' ? [{ required: true, whitespace: true, message: 'Ghi rõ hiện vật' }] : []}>
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="reportedOn" label="Ngày nhà hảo tâm báo lại" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format={viDateFormat} />
            </Form.Item>
            <Typography.Paragraph type="secondary">Khoản hỗ trợ trực tiếp không qua Quỹ được tính cả vào thu và chi của kỳ.</Typography.Paragraph>
          </>
        ) : null}
        {which === 'householdDisbursement' ? (
          <>
            {household}
            {purpose}
            <Form.Item name="decisionNumber" label="Số quyết định">
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {which === 'disbursement' ? (
          <>
            <Form.Item name="projectName" label="Công trình, dự án" rules={[{ required: true, whitespace: true, message: 'Nhập tên công trình, dự án' }]}>
              <Input maxLength={500} />
            </Form.Item>
            {purpose}
            <Form.Item name="decisionNumber" label="Số quyết định">
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {which !== 'period' ? (
          <Space>
            <Form.Item name="value" label="Giá trị (đồng)" rules={[{ required: true, message: 'Nhập giá trị' }]}>
              <InputNumber min={1} step={1000} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="date" label={which === 'directGift' ? 'Ngày hỗ trợ' : 'Ngày'} rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format={viDateFormat} />
            </Form.Item>
          </Space>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function FundLedgerPage() {
  const { assignments, can } = useSignedIn();
  const [levels, setLevels] = useState<PublicLevelDto[]>([]);
  const [extra, setExtra] = useState<PublicLevelDto[]>([]);
  const [unitCode, setUnitCode] = useState<string | undefined>(undefined);
  const [periodId, setPeriodId] = useState<string | undefined>(undefined);
  const [entryForm, setEntryForm] = useState<EntryForm>(null);
  useEffect(() => {
    void publicFundApi.levels().then(setLevels, () => undefined);
    // The user's own level, even before its fund has a period.
    const own = assignments.map((a) => a.unitCode).filter((c): c is string => c !== null && !c.includes('-'));
    void Promise.all(own.map(async (code) => ({ unitCode: code, name: await cachedUnitName(code, todayIso()), level: 'commune' as const }))).then(setExtra);
  }, [assignments]);
  const options = useMemo(() => [...levels, ...extra.filter((e) => !levels.some((l) => l.unitCode === e.unitCode))], [levels, extra]);
  const chosen = unitCode ?? extra.find((e) => levels.some((l) => l.unitCode === e.unitCode))?.unitCode ?? options[0]?.unitCode;
  const balances = useApi(() => (chosen ? fundApi.balances(chosen) : Promise.resolve(null)), [chosen]);
  const periodShown = periodId ?? balances.data?.balances.at(-1)?.periodId;
  const entries = useApi(() => (chosen && periodShown ? fundApi.entries(chosen, periodShown) : Promise.resolve([])), [chosen, periodShown]);
  const write = can('fund.write');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Quỹ &quot;Vì người nghèo&quot;
      </Typography.Title>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <span>Quỹ cấp</span>
          <Select<string>
            aria-label="Quỹ cấp"
            className="fund-level-select"
            style={{ minWidth: 320 }}
            value={chosen}
            onChange={(v) => {
              setUnitCode(v);
              setPeriodId(undefined);
            }}
            options={options.map((l) => ({ value: l.unitCode, label: `Ủy ban MTTQ ${l.name}` }))}
          />
        </Space>
        <Space wrap>
          {write && chosen ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setEntryForm('period')}>
                Mở kỳ vận động
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setEntryForm('contribution')}>
                Ghi nhận đóng góp
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setEntryForm('directGift')}>
                Hỗ trợ trực tiếp đến hộ
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setEntryForm('householdDisbursement')}>
                Chi hỗ trợ cho hộ
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setEntryForm('disbursement')}>
                Chi cho công trình, dự án
              </Button>
            </>
          ) : null}
          <Link to={`${emulationPaths.publicFund}${chosen ? `?cap=${chosen}` : ''}`}>
            <Button icon={<GlobalOutlined />}>Trang công khai</Button>
          </Link>
        </Space>
      </Space>
      {balances.error ? <Alert type="error" showIcon title={balances.error.message} /> : null}
      {balances.data?.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
      <Card title={`Số dư theo kỳ vận động${balances.data ? ` — Quỹ cấp ${balances.data.fundUnitName}` : ''}`}>
        <Table
          rowKey="periodId"
          className="fund-balances"
          loading={balances.loading}
          dataSource={balances.data?.balances ?? []}
          pagination={false}
          rowClassName={(b) => (b.periodId === periodShown ? 'ant-table-row-selected' : '')}
          onRow={(b) => ({ onClick: () => setPeriodId(b.periodId), style: { cursor: 'pointer' } })}
          scroll={{ x: 1100 }}
          columns={[
            { title: 'Kỳ vận động', render: (_: unknown, b) => <Space orientation="vertical" size={0}><strong>{b.name}</strong><Typography.Text type="secondary">{formatDate(b.from)} – {formatDate(b.to)}</Typography.Text></Space> },
            { title: 'Đầu kỳ', dataIndex: 'opening', align: 'right', className: 'bal-opening', render: (v: number, b) => <Tooltip title={b.openingBasis}>{money(v)}</Tooltip> },
            { title: 'Thu vào Quỹ', dataIndex: 'receivedIntoFund', align: 'right', render: money },
            { title: 'Hỗ trợ trực tiếp', dataIndex: 'directGifts', align: 'right', render: money },
            { title: 'Tổng thu', dataIndex: 'received', align: 'right', className: 'bal-received', render: money },
            { title: 'Tổng chi', dataIndex: 'spent', align: 'right', className: 'bal-spent', render: money },
            { title: 'Cuối kỳ', dataIndex: 'closing', align: 'right', className: 'bal-closing', render: (v: number) => <strong>{money(v)}</strong> },
            { title: 'Đối chiếu', width: 100, render: (_: unknown, b) => <ReconcileTag balance={b} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          Đầu kỳ + tổng thu − tổng chi = cuối kỳ. Hỗ trợ trực tiếp đến hộ do nhà hảo tâm báo lại được tính cả vào thu và chi. Bấm một kỳ để xem sổ thu, chi.
        </Typography.Paragraph>
      </Card>
      <Card title="Sổ thu, chi của kỳ">
        {entries.error ? <Alert type="error" showIcon title={entries.error.message} /> : null}
        <Table
          rowKey="id"
          size="small"
          className="fund-entries"
          loading={entries.loading}
          dataSource={entries.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: 'Ngày', dataIndex: 'date', width: 110, render: (d: string) => formatDate(d) },
            { title: 'Nội dung', dataIndex: 'kindLabel', width: 230 },
            { title: 'Người đóng góp', render: (_: unknown, e) => (e.donorName ? <span>{e.donorName}{e.agreesToBeNamed === false ? <Tag style={{ marginInlineStart: 6 }}>không công khai</Tag> : null}</span> : null) },
            { title: 'Người, công trình được hỗ trợ', dataIndex: 'beneficiary', render: (b: string | null, e) => b ?? e.description },
            { title: 'Mục đích', dataIndex: 'purposeLabel', width: 150 },
            { title: 'Biên lai', dataIndex: 'receiptNumber', width: 110 },
            { title: 'Giá trị', dataIndex: 'value', width: 150, align: 'right', render: (v: number, e) => (e.kind === 'disbursement' ? `−${money(v)}` : money(v)) },
          ]}
        />
      </Card>
      {chosen ? (
        <EntryModal
          unitCode={chosen}
          which={entryForm}
          onClose={() => setEntryForm(null)}
          onSaved={() => {
            setEntryForm(null);
            balances.reload();
            entries.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
