// Criteria 2.4, 3.4, 4.5 of Kế hoạch 165/KH-UBND: "Giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra".
// Attainment itself is the statistics rule (evaluateAttainment: the band of the unit's previous rate, or the unit's
// own target). The points, configurable in the criterion's params:
//   - attained → full points;
//   - fell but short of the target → max × reduction ÷ required (partialCredit "proportional"; "none" gives 0);
//   - the rate did not fall, or rose → 0 (zeroWhenRateRose);
// A round spanning several years (sơ kết, tổng kết) scores each year and takes the average.

import { evaluateAttainment } from '../../stats/targets.ts';
import type { TargetRuleSet } from '../../stats/target-rule-sets.ts';
import { ruleSetKey } from '../../stats/target-rule-sets.ts';
import { toHundredths } from '../../stats/hundredths.ts';
import { formatNumber } from '../../../shared/vi-format.ts';
import { clampPoints, formatPointsValue, notScored, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface RateReductionParams {
  partialCredit: 'proportional' | 'none';
}

export const defaultRateReductionParams: RateReductionParams = { partialCredit: 'proportional' };

export interface RateReductionInput {
  unitCode: string;
  unitName: string;
  /** The years the round judges (one for an annual round). */
  years: readonly number[];
  /** Poor-household rate (percent) by year; the year before the first judged year is the first baseline. */
  rates: ReadonlyMap<number, number>;
  /** The unit's own required reduction by year, in points (overrides the rule set's band). */
  ownTargets: ReadonlyMap<number, number>;
  ruleSet: TargetRuleSet;
  maxPoints: number;
  params?: Partial<RateReductionParams>;
}

function readParams(params: Partial<RateReductionParams> | undefined): RateReductionParams {
  return { partialCredit: params?.partialCredit === 'none' ? 'none' : 'proportional' };
}

export function scoreRateReduction(input: RateReductionInput): FormulaResult {
  const params = readParams(input.params);
  const lines: string[] = [];
  const yearly: { year: number; baseline: number; rate: number; required: number; reduction: number; attained: boolean; basis: string; points: number }[] = [];
  const missing: number[] = [];
  for (const year of input.years) {
    const baseline = input.rates.get(year - 1);
    const rate = input.rates.get(year);
    if (baseline === undefined) missing.push(year - 1);
    if (rate === undefined) missing.push(year);
    if (baseline === undefined || rate === undefined) continue;
    const a = evaluateAttainment({ unit: input.unitCode, year, baselineRate: baseline, rate, ownTarget: input.ownTargets.get(year) }, input.ruleSet);
    let points: number;
    let rule: string;
    if (a.attained) {
      points = input.maxPoints;
      rule = 'đạt mục tiêu → đủ điểm';
    } else if (a.reduction <= 0) {
      points = 0;
      rule = a.reduction < 0 ? 'tỷ lệ tăng → 0 điểm' : 'tỷ lệ không giảm → 0 điểm';
    } else if (params.partialCredit === 'none') {
      points = 0;
      rule = 'chưa đạt mục tiêu, không tính điểm từng phần → 0 điểm';
    } else {
      // In hundredths of points and of percentage points, so 3,00 of 3,00 is exactly the whole.
      points = clampPoints((toHundredths(input.maxPoints) * toHundredths(a.reduction)) / toHundredths(a.required) / 100, input.maxPoints);
      rule = `chưa đạt: ${formatPointsValue(input.maxPoints)} × ${formatNumber(a.reduction, 2)} ÷ ${formatNumber(a.required, 2)} = ${formatPointsValue(points)} điểm`;
    }
    yearly.push({ year, baseline: a.baseline, rate: a.rate, required: a.required, reduction: a.reduction, attained: a.attained, basis: a.basis, points });
    lines.push(`Năm ${year}: ${a.explanation}; năm ${year} còn ${formatNumber(a.rate, 2)}% → ${rule}`);
  }
  const inputs = {
    unitCode: input.unitCode,
    ruleSet: ruleSetKey(input.ruleSet),
    partialCredit: params.partialCredit,
    years: yearly,
  };
  if (missing.length > 0) {
    const list = [...new Set(missing)].sort((a, b) => a - b).join(', ');
    return notScored(
      'rate_reduction_vs_target',
      VERSION,
      input.maxPoints,
      `${input.unitName}: chưa có tỷ lệ hộ nghèo năm ${list} (chưa có kết quả rà soát) nên chưa tính được điểm.`,
      inputs,
    );
  }
  if (yearly.length === 0) {
    return notScored('rate_reduction_vs_target', VERSION, input.maxPoints, 'Đợt thi đua không có năm nào để đánh giá.', inputs);
  }
  const average = yearly.reduce((s, y) => s + y.points, 0) / yearly.length;
  const total = clampPoints(average, input.maxPoints);
  const summary =
    yearly.length === 1
      ? `${formatPointsValue(total)}/${formatPointsValue(input.maxPoints)} điểm`
      : `bình quân ${yearly.length} năm: ${formatPointsValue(total)}/${formatPointsValue(input.maxPoints)} điểm`;
  return scored('rate_reduction_vs_target', VERSION, input.maxPoints, total, `${input.unitName} — ${lines.join('. ')}. Kết quả: ${summary} (bộ quy tắc ${ruleSetKey(input.ruleSet)}).`, inputs);
}
