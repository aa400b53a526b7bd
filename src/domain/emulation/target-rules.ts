// The target rule sets a campaign may name (DOMAIN.md §4). They are the statistics rules; a campaign stores the id and
// the version it was set up with, and every measured score names the rule set that judged it.

import { PLAN_165_2017_TARGETS, ruleSetKey, type TargetRuleSet } from '../stats/target-rule-sets.ts';

export const knownTargetRuleSets: readonly TargetRuleSet[] = [PLAN_165_2017_TARGETS];

/** The rule set by id (latest version) or by "id@version"; null when unknown. */
export function findTargetRuleSet(idOrKey: string, version?: number): TargetRuleSet | null {
  const [id, v] = idOrKey.includes('@') ? [idOrKey.split('@')[0], Number(idOrKey.split('@')[1])] : [idOrKey, version];
  const candidates = knownTargetRuleSets.filter((r) => r.id === id).sort((a, b) => b.version - a.version);
  if (v === undefined) return candidates[0] ?? null;
  return candidates.find((r) => r.version === v) ?? null;
}

export { ruleSetKey };
