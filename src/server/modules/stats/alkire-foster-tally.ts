// Alkire–Foster figures (DOMAIN.md §5) kept as counts, so that they are computed in the same single pass as the other
// aggregates and add up across pages and units. With equal indicator weights and a whole-number cut-off k (Vietnam's
// "thiếu hụt từ 3 chỉ số trở lên", QĐ 59/2015/QĐ-TTg, NĐ 07/2021/NĐ-CP), three counts per unit give every measure:
//   poor households (deprived in ≥ k indicators), the sum of their deprivation counts, and per indicator the poor
//   households deprived in it (the censored headcount as a count).
// Then H = poor ÷ households, A = sum ÷ (poor × indicators), M0 = H × A, and an indicator's contribution to M0 is
// its censored count ÷ the sum × 100 — the same figures computeAlkireFoster gives from the household list.
// Other weights or cut-offs are computed on request from the households (computeAlkireFoster).

/** Subgroups whose figures are stored with every unit, for the decomposition by ethnicity and area. */
export const AF_SUBGROUPS = ['ethnicMinority', 'notEthnicMinority', 'rural', 'urban'] as const;
export type AfSubgroup = (typeof AF_SUBGROUPS)[number];

export const AF_SUBGROUP_LABELS: Readonly<Record<AfSubgroup, string>> = {
  ethnicMinority: 'Hộ dân tộc thiểu số',
  notEthnicMinority: 'Hộ không phải dân tộc thiểu số',
  rural: 'Nông thôn',
  urban: 'Thành thị',
};

/** The cut-off of the stored figures: "thiếu hụt từ 3 chỉ số trở lên". */
export const STORED_AF_CUTOFF = 3;

export interface AfTally {
  households: number;
  /** Households deprived in at least k indicators. */
  poor: number;
  /** Over the poor households, the sum of the number of indicators each is deprived in. */
  deprivationSum: number;
  /** Indicator → poor households deprived in it; indicators with none are absent. */
  censored: Record<string, number>;
}

export interface UnitAfTally extends AfTally {
  groups: Record<AfSubgroup, AfTally>;
}

export interface AfMeasures {
  H: number;
  A: number;
  M0: number;
  /** Every indicator → share of all households that are poor and deprived in it (0–1). */
  censoredHeadcount: Record<string, number>;
  /** Every indicator → percent of M0; they add up to 100 when M0 > 0, all 0 otherwise. */
  contribution: Record<string, number>;
  households: number;
  poorHouseholds: number;
}

export function emptyAfTally(): AfTally {
  return { households: 0, poor: 0, deprivationSum: 0, censored: {} };
}

export function emptyUnitAfTally(): UnitAfTally {
  return {
    ...emptyAfTally(),
    groups: {
      ethnicMinority: emptyAfTally(),
      notEthnicMinority: emptyAfTally(),
      rural: emptyAfTally(),
      urban: emptyAfTally(),
    },
  };
}

/** The subgroups a household belongs to. */
export function subgroupsOf(household: { ethnicMinority: boolean; area: 'rural' | 'urban' }): [AfSubgroup, AfSubgroup] {
  return [household.ethnicMinority ? 'ethnicMinority' : 'notEthnicMinority', household.area];
}

/**
 * Counts one household. `deprivedIn` holds only the indicators of the round's standard (a deprivation outside the list
 * does not count towards k), each once.
 */
export function countAfHousehold(
  tally: UnitAfTally,
  deprivedIn: readonly string[],
  k: number,
  groups: readonly AfSubgroup[],
): void {
  addHousehold(tally, deprivedIn, k);
  for (const group of groups) addHousehold(tally.groups[group], deprivedIn, k);
}

function addHousehold(tally: AfTally, deprivedIn: readonly string[], k: number): void {
  tally.households += 1;
  if (deprivedIn.length < k) return;
  tally.poor += 1;
  tally.deprivationSum += deprivedIn.length;
  for (const code of deprivedIn) tally.censored[code] = (tally.censored[code] ?? 0) + 1;
}

export function addAfTally(target: UnitAfTally, source: UnitAfTally): void {
  addCounts(target, source);
  for (const group of AF_SUBGROUPS) addCounts(target.groups[group], source.groups[group]);
}

function addCounts(target: AfTally, source: AfTally): void {
  target.households += source.households;
  target.poor += source.poor;
  target.deprivationSum += source.deprivationSum;
  for (const [code, n] of Object.entries(source.censored)) target.censored[code] = (target.censored[code] ?? 0) + n;
}

/** The measures of a tally over the standard's indicators, equal weights. */
export function measuresFromTally(tally: AfTally, indicators: readonly string[]): AfMeasures {
  const n = indicators.length;
  const H = tally.households > 0 ? tally.poor / tally.households : 0;
  const A = tally.poor > 0 && n > 0 ? tally.deprivationSum / (tally.poor * n) : 0;
  const M0 = H * A;
  const censoredHeadcount: Record<string, number> = {};
  const contribution: Record<string, number> = {};
  for (const code of indicators) {
    const headcount = tally.households > 0 ? (tally.censored[code] ?? 0) / tally.households : 0;
    censoredHeadcount[code] = headcount;
    contribution[code] = M0 > 0 ? (headcount / (n * M0)) * 100 : 0;
  }
  return { H, A, M0, censoredHeadcount, contribution, households: tally.households, poorHouseholds: tally.poor };
}

export interface AfGroupFigures {
  group: string;
  label: string;
  populationShare: number;
  H: number;
  A: number;
  M0: number;
  /** populationShare × M0 of the group ÷ M0 of the whole × 100 (0 when the whole has M0 = 0). */
  contributionToM0: number;
  households: number;
  poorHouseholds: number;
}

/**
 * Subgroup decomposition from tallies: M0 of the whole = Σ share_g × M0_g when the groups partition the households,
 * which holds for the stored subgroups and for a unit's children.
 */
export function decomposeTallies(
  whole: AfTally,
  groups: readonly { group: string; label: string; tally: AfTally }[],
  indicators: readonly string[],
): AfGroupFigures[] {
  const total = measuresFromTally(whole, indicators);
  return groups.map(({ group, label, tally }) => {
    const m = measuresFromTally(tally, indicators);
    const populationShare = whole.households > 0 ? tally.households / whole.households : 0;
    return {
      group,
      label,
      populationShare,
      H: m.H,
      A: m.A,
      M0: m.M0,
      contributionToM0: total.M0 > 0 ? ((populationShare * m.M0) / total.M0) * 100 : 0,
      households: tally.households,
      poorHouseholds: tally.poor,
    };
  });
}
