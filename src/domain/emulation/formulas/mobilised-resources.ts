// Criteria 1.3, 2.3 and 7.1 of Kế hoạch 165/KH-UBND: resources mobilised for the poor — money and goods given to the
// Fund for the Poor and directly to poor households, and the value of support given (capital, breeds and seeds,
// product purchase …), attributed to the participant (DOMAIN.md §7). The value is compared with thresholds per year
// of the round (configurable: params.thresholds, highest first), each giving a share of the maximum points.

import { formatMoney } from '../../../shared/vi-format.ts';
import { formatPointsValue, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface ResourceThreshold {
  /** Minimum value per year of the round, in đồng. */
  minValuePerYear: number;
  /** Share of the maximum points, 0 … 1. */
  share: number;
}

export const defaultResourceThresholds: readonly ResourceThreshold[] = [
  { minValuePerYear: 500_000_000, share: 1 },
  { minValuePerYear: 200_000_000, share: 0.75 },
  { minValuePerYear: 50_000_000, share: 0.5 },
  { minValuePerYear: 1, share: 0.25 },
];

export interface MobilisedResourcesInput {
  participantName: string;
  years: number;
  /** Money and goods (at value) given to the fund, attributed to the participant. */
  fundContributions: number;
  /** Gifts given directly to named households and reported. */
  directGifts: number;
  /** Value of support activities (capital, breeds, product purchase …). */
  supportValue: number;
  /** Jobs created and people trained by the support activities (shown, not scored). */
  supportCount: number;
  maxPoints: number;
  params?: Record<string, unknown>;
}

export function readThresholds(params: Record<string, unknown> | undefined): ResourceThreshold[] {
  const raw = params?.thresholds;
  if (!Array.isArray(raw)) return [...defaultResourceThresholds];
  const list = raw.filter(
    (t): t is ResourceThreshold =>
      typeof t === 'object' && t !== null && typeof (t as ResourceThreshold).minValuePerYear === 'number' && typeof (t as ResourceThreshold).share === 'number',
  );
  return list.length > 0 ? list.sort((a, b) => b.minValuePerYear - a.minValuePerYear) : [...defaultResourceThresholds];
}

export function scoreMobilisedResources(input: MobilisedResourcesInput): FormulaResult {
  const thresholds = readThresholds(input.params);
  const years = Math.max(1, input.years);
  const total = input.fundContributions + input.directGifts + input.supportValue;
  const reached = thresholds.find((t) => total >= t.minValuePerYear * years);
  const share = reached?.share ?? 0;
  const points = input.maxPoints * share;
  const parts = [
    `đóng góp Quỹ "Vì người nghèo" ${formatMoney(input.fundContributions)}`,
    `hỗ trợ trực tiếp hộ nghèo ${formatMoney(input.directGifts)}`,
    `giá trị hỗ trợ (vốn, giống, bao tiêu…) ${formatMoney(input.supportValue)}`,
  ];
  const scale = years > 1 ? ` (${years} năm)` : '';
  const rule = reached
    ? `đạt mức từ ${formatMoney(reached.minValuePerYear * years)}${scale} → ${Math.round(share * 100)}% × ${formatPointsValue(input.maxPoints)} = ${formatPointsValue(points)} điểm`
    : `chưa đạt mức thấp nhất ${formatMoney((thresholds.at(-1)?.minValuePerYear ?? 0) * years)}${scale} → 0 điểm`;
  return scored(
    'mobilised_resources',
    VERSION,
    input.maxPoints,
    points,
    `${input.participantName}: ${parts.join('; ')}; tổng ${formatMoney(total)}${input.supportCount > 0 ? `, ${input.supportCount} việc làm/lượt đào tạo` : ''} → ${rule}.`,
    {
      fundContributions: input.fundContributions,
      directGifts: input.directGifts,
      supportValue: input.supportValue,
      supportCount: input.supportCount,
      total,
      years,
      thresholds: thresholds.map((t) => ({ ...t })),
    },
  );
}
