// The path a unit's rate should follow under a target rule set (Kế hoạch 165/KH-UBND, mục I.1.c): from the rate of
// the period's first round, each year the rate falls by the band's required reduction for the rate reached so far
// (−4 points while ≥ 40%, otherwise −3), never below 0. The bands are the rule set's own data: the step is asked of
// evaluateAttainment, so the path and the yearly attainment can never disagree on which band applies.

import { evaluateAttainment } from '../../../domain/stats/targets.ts';
import { fromHundredths, toHundredths } from '../../../domain/stats/hundredths.ts';
import type { TargetRuleSet } from '../../../domain/stats/target-rule-sets.ts';

export interface PathPoint {
  year: number;
  rate: number;
}

/**
 * @param start the unit's first round inside the period (rate in percent).
 * @returns one point per year from start.year to the period's goal year; empty when start lies outside the period.
 */
export function planTargetPath(start: PathPoint, ruleSet: TargetRuleSet): PathPoint[] {
  const { startYear, goalYear } = ruleSet.periodGoal;
  if (start.year < startYear || start.year > goalYear) return [];
  const path: PathPoint[] = [{ year: start.year, rate: fromHundredths(toHundredths(start.rate)) }];
  let rate = toHundredths(start.rate);
  for (let year = start.year + 1; year <= goalYear; year += 1) {
    const step = evaluateAttainment(
      { unit: 'lộ trình', year, baselineRate: fromHundredths(rate), rate: fromHundredths(rate) },
      ruleSet,
    );
    rate = Math.max(0, rate - toHundredths(step.required));
    path.push({ year, rate: fromHundredths(rate) });
  }
  return path;
}
