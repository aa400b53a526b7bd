// Adding one unit's figures into another's. The recompute folds the round page by page (aggregateRound over each
// page), so a unit whose households span two pages is the sum of two partial figures; counts add, rates are settled
// once at the end from the summed counts (settleRates), never averaged.

import type { CategoryTally, HouseholdFigures } from '../../../domain/stats/aggregate-round.ts';

const BREAKDOWNS = ['ethnicMinority', 'femaleHead', 'rural', 'urban', 'meritOrSocialProtection'] as const;

/** Adds the counts of `source` to `target` in place; the rates of `target` are left for settleRates. */
export function addFigures(target: HouseholdFigures, source: HouseholdFigures): void {
  addTally(target, source);
  for (const key of BREAKDOWNS) addTally(target.breakdowns[key], source.breakdowns[key]);
  addCounts(target.transitions, source.transitions);
  addCounts(target.deprivations, source.deprivations);
}

function addTally(target: CategoryTally, source: CategoryTally): void {
  target.total += source.total;
  target.poor += source.poor;
  target.nearPoor += source.nearPoor;
}

function addCounts(target: Partial<Record<string, number>>, source: Readonly<Partial<Record<string, number>>>): void {
  for (const [code, n] of Object.entries(source)) target[code] = (target[code] ?? 0) + (n ?? 0);
}
