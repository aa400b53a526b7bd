// Target rules of a campaign are data with a version, so that an administrator can publish a corrected
// rule set without a code change and every attainment names the rule set that judged it.

import { isPercent } from './hundredths.ts';
import { StatsError } from './stats-errors.ts';

export interface TargetBand {
  /** The band applies when the unit's rate at the previous round, rounded to two decimals, is ≥ this (percent). */
  minBaselineRate: number;
  /** Percentage points the rate must fall during the year. */
  requiredReduction: number;
}

export interface PeriodGoal {
  /** First round of the period: its rate is the starting point of cumulative progress. */
  startYear: number;
  /** The round by which the goal must be reached. */
  goalYear: number;
  /** Poor-household rate to reach, in percent. */
  rate: number;
}

export interface TargetRuleSet {
  id: string;
  version: number;
  title: string;
  /** The document the rules come from. */
  source: string;
  bands: readonly TargetBand[];
  /** The province's end-of-period goal; a unit may be given its own. */
  periodGoal: PeriodGoal;
}

/**
 * Kế hoạch 165/KH-UBND năm 2017 (mục I.1.c): tỷ lệ hộ nghèo toàn tỉnh giảm bình quân 3%/năm, đến năm 2020
 * còn khoảng 11%; huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên giảm từ 4%/năm trở lên.
 * The period is 2016–2020; the 2016 review (≈ 22,37%) is the first round of the QĐ 59/2015 standard in it.
 */
export const PLAN_165_2017_TARGETS: TargetRuleSet = {
  id: 'plan165-2017',
  version: 1,
  title: 'Mục tiêu giảm nghèo theo Kế hoạch 165/KH-UBND năm 2017',
  source: 'Kế hoạch 165/KH-UBND năm 2017 của UBND tỉnh Lạng Sơn, mục I.1.c',
  bands: [
    { minBaselineRate: 40, requiredReduction: 4 },
    { minBaselineRate: 0, requiredReduction: 3 },
  ],
  periodGoal: { startYear: 2016, goalYear: 2020, rate: 11 },
};

/** "plan165-2017@1": the identifier results carry. */
export function ruleSetKey(ruleSet: Pick<TargetRuleSet, 'id' | 'version'>): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}

/** Refuses a rule set that would leave a rate without a band or judge one rate by two bands. */
export function validateTargetRuleSet(ruleSet: TargetRuleSet): void {
  const fail = (message: string): never => {
    throw new StatsError('invalid_rule_set', `Bộ quy tắc mục tiêu ${ruleSetKey(ruleSet)}: ${message}`);
  };
  if (ruleSet.id.length === 0 || !Number.isInteger(ruleSet.version) || ruleSet.version < 1) {
    fail('cần mã và số phiên bản (số nguyên từ 1).');
  }
  if (ruleSet.bands.length === 0) fail('chưa có mức giảm nào.');
  const starts = new Set<number>();
  for (const band of ruleSet.bands) {
    if (!isPercent(band.minBaselineRate))
      fail(`ngưỡng tỷ lệ ${band.minBaselineRate} phải nằm trong khoảng 0–100%.`);
    if (!Number.isFinite(band.requiredReduction) || band.requiredReduction < 0) {
      fail(`mức giảm ${band.requiredReduction} phải là số không âm.`);
    }
    if (starts.has(band.minBaselineRate)) fail(`hai mức cùng bắt đầu từ ${band.minBaselineRate}%.`);
    starts.add(band.minBaselineRate);
  }
  if (!starts.has(0)) fail('cần một mức bắt đầu từ 0% để mọi tỷ lệ đều có mục tiêu.');
  const goal = ruleSet.periodGoal;
  if (
    !Number.isInteger(goal.startYear) ||
    !Number.isInteger(goal.goalYear) ||
    goal.goalYear <= goal.startYear
  ) {
    fail('năm đích của giai đoạn phải sau năm bắt đầu.');
  }
  if (!isPercent(goal.rate)) fail(`tỷ lệ đích ${goal.rate} phải nằm trong khoảng 0–100%.`);
}
