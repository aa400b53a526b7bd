// Phiếu B for one household in one round: income (or the B1 score where the standard allows it), the deprivations
// ticked on part B2, and the officer's overrides of what the recorded facts say (each with its reason). Once the
// province has approved the commune's list, the change is an amendment ("Đính chính") and needs its own reason.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { standardById } from '../../../../src/domain/poverty/select-standard.ts';
import { TICKED_CAUSE } from '../../../../src/domain/poverty/merge-deprivations.ts';
import type { IndicatorDefinition } from '../../../../src/domain/poverty/poverty-standard.ts';
import { formatMoney } from '../../../../src/shared/vi-format.ts';
import type { Category } from '../../../../src/shared/schemas/households.schema.ts';
import { errorMessage } from '../../api/client.ts';
import { roundsApi, type AssessmentDto, type AssessmentResult } from '../../api/endpoints.ts';
import { categoryColors, categoryLabels, transitionLabel } from './registry-labels.ts';

type OverrideChoice = 'none' | 'deprived' | 'not_deprived';

export interface AssessmentTarget {
  roundId: string;
  year: number;
  standardId: string;
  householdId: string;
  householdCode: string;
  headName: string;
  area: 'rural' | 'urban';
  /** The household's current result in this round, to start from. */
  current: AssessmentDto | undefined;
  /** 'amendment' once the province has approved: the edit is recorded as an amendment with a reason. */
  editMode: 'direct' | 'amendment' | 'locked';
}

const moneyFormatter = (v: number | string | undefined) =>
  v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
const moneyParser = (v: string | undefined) => Number((v ?? '').replace(/\D/gu, ''));

export function AssessmentEditor({
  target,
  onClose,
  onSaved,
}: {
  target: AssessmentTarget | null;
  onClose(): void;
  onSaved(result: AssessmentResult): void;
}) {
  const standard = useMemo(() => (target ? standardById(target.standardId) : null), [target]);
  const [basis, setBasis] = useState<'income' | 'b1'>('income');
  const [income, setIncome] = useState<number | null>(null);
  const [b1, setB1] = useState<number | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [overrides, setOverrides] = useState<Record<string, { choice: OverrideChoice; reason: string }>>({});
  const [amendmentReason, setAmendmentReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const { message } = App.useApp();

  // Start from the household's current result each time the editor opens on a household.
  useEffect(() => {
    if (!target) return;
    const current = target.current;
    setBasis(current?.b1Score !== null && current?.b1Score !== undefined && current.incomePerCapita === null ? 'b1' : 'income');
    setIncome(current?.incomePerCapita ?? null);
    setB1(current?.b1Score ?? null);
    setTicked(current ? current.deprivations.filter((d) => d.cause === TICKED_CAUSE).map((d) => d.code) : []);
    setOverrides({});
    setAmendmentReason('');
    setError(null);
    setResult(null);
  }, [target]);

  if (!target || !standard) return null;
  const currentCause = new Map((target.current?.deprivations ?? []).map((d) => [d.code, d.cause]));
  const amendment = target.editMode === 'amendment';
  const lines = standard.incomeLines;

  const save = async () => {
    setError(null);
    const chosen = Object.entries(overrides).filter(([, o]) => o.choice !== 'none');
    const missingReason = chosen.find(([, o]) => o.reason.trim() === '');
    if (missingReason) {
      const name = standard.indicators.find((i) => i.code === missingReason[0])?.name ?? missingReason[0];
      setError(`Điều chỉnh chỉ số “${name}” phải ghi rõ lý do.`);
      return;
    }
    if (amendment && amendmentReason.trim().length < 5) {
      setError('Kết quả đã được tỉnh phê duyệt: hãy ghi rõ lý do đính chính (ít nhất 5 ký tự).');
      return;
    }
    if (basis === 'income' && income === null) {
      setError('Nhập thu nhập bình quân đầu người một tháng.');
      return;
    }
    if (basis === 'b1' && b1 === null) {
      setError('Nhập tổng điểm phần B1 của Phiếu B.');
      return;
    }
    setSaving(true);
    try {
      const saved = await roundsApi.assess(target.roundId, target.householdId, {
        incomePerCapita: basis === 'income' ? income : null,
        b1Score: basis === 'b1' ? b1 : null,
        ticked,
        overrides: chosen.map(([code, o]) => ({ code, deprived: o.choice === 'deprived', reason: o.reason.trim() })),
        amendmentReason: amendment ? amendmentReason.trim() : null,
      });
      setResult(saved);
      void message.success(saved.mode === 'amendment' ? 'Đã ghi đính chính kết quả rà soát.' : 'Đã ghi kết quả rà soát.');
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const setOverride = (code: string, patch: Partial<{ choice: OverrideChoice; reason: string }>) =>
    setOverrides((all) => ({ ...all, [code]: { choice: 'none', reason: '', ...all[code], ...patch } }));

  return (
    <Modal
      open
      width={1000}
      title={`Phiếu B – kỳ rà soát ${target.year}: hộ ${target.householdCode} (${target.headName})`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                Đóng
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                Huỷ
              </Button>,
              <Button key="save" type="primary" loading={saving} disabled={target.editMode === 'locked'} onClick={() => void save()}>
                {amendment ? 'Ghi đính chính' : 'Ghi kết quả'}
              </Button>,
            ]
      }
    >
      {result ? (
        <Alert
          className="assessment-result"
          type={result.mode === 'amendment' ? 'warning' : 'success'}
          showIcon
          title={
            <Space wrap>
              {result.mode === 'amendment' ? <Tag color="purple">Đính chính</Tag> : null}
              <Tag color={categoryColors[result.category as Category]}>
                {categoryLabels[result.category as Category] ?? result.category}
              </Tag>
              <span>{transitionLabel(result.transition)}</span>
              <Typography.Text type="secondary">(lần ghi thứ {result.revision})</Typography.Text>
            </Space>
          }
          description={result.reason}
        />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {target.editMode === 'locked' ? (
            <Alert
              type="info"
              showIcon
              title="Danh sách của xã đang chờ cấp trên xem xét: chưa sửa được. Cấp trên cần trả lại để xã chỉnh sửa."
            />
          ) : null}
          {amendment ? (
            <Alert
              type="warning"
              showIcon
              title="Kết quả của xã đã được tỉnh phê duyệt"
              description="Sửa đổi lúc này là một lần đính chính: kết quả cũ vẫn được giữ, kết quả mới được đánh dấu “Đính chính” cùng lý do."
            />
          ) : null}
          <Typography.Text type="secondary">
            {standard.legalBasis}: chuẩn nghèo nông thôn {formatMoney(lines.rural.povertyLine)}, thành thị{' '}
            {formatMoney(lines.urban.povertyLine)} /người/tháng; thiếu hụt từ {standard.deprivationCutoff} chỉ số trở
            lên. Hộ ở khu vực {target.area === 'rural' ? 'nông thôn' : 'thành thị'}.
          </Typography.Text>
          <Space wrap align="center">
            {standard.b1Thresholds ? (
              <Radio.Group
                value={basis}
                onChange={(e) => setBasis(e.target.value as 'income' | 'b1')}
                options={[
                  { value: 'income', label: 'Theo thu nhập' },
                  { value: 'b1', label: 'Theo điểm B1 (Phiếu B)' },
                ]}
              />
            ) : null}
            {basis === 'income' ? (
              <Space>
                <label htmlFor="assessment-income">Thu nhập bình quân (đồng/người/tháng)</label>
                <InputNumber<number>
                  id="assessment-income"
                  min={0}
                  value={income}
                  onChange={(v) => setIncome(v ?? null)}
                  formatter={moneyFormatter}
                  parser={moneyParser}
                  style={{ width: 200 }}
                />
              </Space>
            ) : (
              <Space>
                <label htmlFor="assessment-b1">Tổng điểm B1</label>
                <InputNumber<number> id="assessment-b1" min={0} max={1000} value={b1} onChange={(v) => setB1(v ?? null)} />
              </Space>
            )}
          </Space>
          <Table<IndicatorDefinition>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={[...standard.indicators]}
            columns={[
              { title: 'Chiều', dataIndex: 'dimension', width: 150 },
              { title: 'Chỉ số thiếu hụt', dataIndex: 'name' },
              {
                title: 'Kết quả hiện tại',
                key: 'current',
                width: 230,
                render: (_, i) => {
                  const cause = currentCause.get(i.code);
                  return cause === undefined ? (
                    <Typography.Text type="secondary">Không thiếu hụt</Typography.Text>
                  ) : (
                    <Typography.Text type="danger">Thiếu hụt: {cause ?? 'không rõ căn cứ'}</Typography.Text>
                  );
                },
              },
              {
                title: 'Phiếu B2',
                key: 'ticked',
                width: 90,
                align: 'center',
                render: (_, i) => (
                  <Checkbox
                    aria-label={`Đánh dấu thiếu hụt: ${i.name}`}
                    checked={ticked.includes(i.code)}
                    onChange={(e) =>
                      setTicked((all) => (e.target.checked ? [...all, i.code] : all.filter((c) => c !== i.code)))
                    }
                  />
                ),
              },
              {
                title: 'Điều chỉnh của cán bộ',
                key: 'override',
                width: 330,
                render: (_, i) => {
                  const o = overrides[i.code] ?? { choice: 'none' as const, reason: '' };
                  return (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Select<OverrideChoice>
                        aria-label={`Điều chỉnh: ${i.name}`}
                        size="small"
                        value={o.choice}
                        onChange={(choice) => setOverride(i.code, { choice })}
                        style={{ width: '100%' }}
                        options={[
                          { value: 'none', label: 'Không điều chỉnh' },
                          { value: 'deprived', label: 'Tính là thiếu hụt' },
                          { value: 'not_deprived', label: 'Không tính là thiếu hụt' },
                        ]}
                      />
                      {o.choice !== 'none' ? (
                        <Input
                          size="small"
                          aria-label={`Lý do điều chỉnh: ${i.name}`}
                          placeholder="Lý do điều chỉnh (bắt buộc)"
                          value={o.reason}
                          onChange={(e) => setOverride(i.code, { reason: e.target.value })}
                        />
                      ) : null}
                    </Space>
                  );
                },
              },
            ]}
          />
          {amendment ? (
            <div>
              <label htmlFor="amendment-reason">
                <Typography.Text strong>Lý do đính chính (bắt buộc)</Typography.Text>
              </label>
              <Input.TextArea
                id="amendment-reason"
                rows={2}
                value={amendmentReason}
                onChange={(e) => setAmendmentReason(e.target.value)}
                placeholder="Ví dụ: hộ có đơn phản ánh thu nhập kê khai sai, đã xác minh lại ngày …"
              />
            </div>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Space>
      )}
    </Modal>
  );
}
