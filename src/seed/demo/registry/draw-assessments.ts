// The facts of each round's assessment of a demo household — income per person and deprivations — drawn so that
// the standard's own rule (classifyHousehold) gives the category the simulation intended. The stored category,
// reason and version are always the rule's answer; a draw the rule would classify otherwise is a generator bug and
// throws.
//
// Deprivations are sticky: each household has its own order of weak spots (a rural household lacks a hygienic
// latrine or safe water long before it lacks health insurance, which the poor get free), and in each round it is
// deprived in the first few of them that apply to it that year. The number changes by at most one step in most
// years, so the same problems persist and are solved one at a time. "Người phụ thuộc" (NĐ 07/2021) is not drawn:
// it follows from the members' ages, as deriveDeprivations computes it.

import {
  classifyHousehold,
  type Area,
  type HouseholdClassification,
  type PovertyCategory,
  type PovertyStandard,
} from '../../../domain/poverty/index.ts';
import type { Random } from './demo-random.ts';

/** Weak spots shared by both standards' lists: information_assets (QĐ 59) and information_access (NĐ 07) are one. */
type Concept = string;
const CONCEPT_OF_INDICATOR: Readonly<Record<string, Concept>> = {
  information_assets: 'information',
  information_access: 'information',
};

// How often each weak spot comes first, rural / urban (demo weights: sanitation, water and housing dominate
// rural deprivation in the northern mountains; floor area, work and insurance in towns).
const WEAK_SPOT_WEIGHTS: Readonly<Record<Concept, readonly [number, number]>> = {
  latrine: [3.5, 1],
  water: [3, 0.8],
  housing_quality: [2.5, 0.8],
  housing_area: [1.2, 2],
  information: [1.5, 0.6],
  telecom: [1.2, 0.5],
  adult_education: [1.5, 1],
  health_access: [1, 1],
  health_insurance: [0.6, 1.2],
  child_schooling: [0.6, 0.5],
  employment: [1.5, 2.5],
  nutrition: [1, 0.6],
};

export interface MemberYears {
  readonly birthYear: number;
}

export interface RoundToDraw {
  readonly year: number;
  readonly standard: PovertyStandard;
  readonly category: PovertyCategory;
}

export interface DrawnAssessment {
  readonly year: number;
  readonly standard: PovertyStandard;
  readonly incomePerCapita: number;
  /** indicator codes, in the standard's order */
  readonly deprivations: readonly string[];
  readonly classification: HouseholdClassification;
}

/** The household's weak spots, most likely first (an exponential race over the weights). */
export function drawWeakSpots(random: Random, area: Area): Concept[] {
  const column = area === 'urban' ? 1 : 0;
  return Object.entries(WEAK_SPOT_WEIGHTS)
    .map(([concept, weights]) => ({ concept, key: -Math.log(1 - random.next()) / weights[column] }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.concept);
}

/** Ages on 31/12 of the year of those born by then (how Phiếu B counts ages from a birth year). */
export function agesIn(members: readonly MemberYears[], year: number): number[] {
  return members.filter((m) => m.birthYear <= year).map((m) => year - m.birthYear);
}

/**
 * Whether the indicator can apply to a household of these members in that year, with the standard's rule
 * parameters: a household without a child under 16 cannot be deprived in nutrition, for instance.
 */
export function canBeDeprived(
  code: string,
  standard: PovertyStandard,
  members: readonly MemberYears[],
  year: number,
): boolean {
  const rules = standard.deprivationRules;
  const present = members.filter((m) => m.birthYear <= year);
  const some = (test: (age: number, birthYear: number) => boolean) =>
    present.some((m) => test(year - m.birthYear, m.birthYear));
  switch (code) {
    case 'health_insurance':
      return some((age) => age >= rules.healthInsuranceMinAge);
    case 'adult_education': {
      const { minAge, maxAge, bornFromYear } = rules.adultEducation;
      return some(
        (age, born) =>
          age >= minAge &&
          (maxAge === null || age <= maxAge) &&
          (bornFromYear === null || born >= bornFromYear),
      );
    }
    case 'child_schooling':
      return some((age) => age >= rules.childSchooling.minAge && age < rules.childSchooling.maxAgeExclusive);
    case 'employment':
      return some((age) => age >= rules.workingAge.minAge && age <= rules.workingAge.maxAge);
    case 'nutrition':
      return some((age) => age < rules.nutritionChildUnderAge);
    case 'dependants':
      return false;
    default:
      return present.length > 0;
  }
}

/** NĐ 07/2021: dependants (children under 16, people aged 60 or more) more than half of the members. */
export function hasTooManyDependants(
  standard: PovertyStandard,
  members: readonly MemberYears[],
  year: number,
): boolean {
  if (!standard.indicators.some((i) => i.code === 'dependants')) return false;
  const { childUnderAge, elderFromAge, shareAbove } = standard.deprivationRules.dependants;
  const ages = agesIn(members, year);
  if (ages.length === 0) return false;
  return ages.filter((age) => age < childUnderAge || age >= elderFromAge).length / ages.length > shareAbove;
}

/** The usual number of deprivations of a household of this category (both ends included). */
function countRange(standard: PovertyStandard, category: PovertyCategory): [number, number] {
  const k = standard.deprivationCutoff;
  if (standard.method === 'income_or_deprivations') {
    // QĐ 59/2015: in the near-poverty band, ≥ k deprivations make a household poor; below the line it is poor anyway.
    switch (category) {
      case 'poor':
        return [k - 1, k + 2];
      case 'near_poor':
        return [0, k - 1];
      case 'middle':
        return [0, k - 1];
      case 'not_poor':
        return [0, 1];
    }
  }
  // NĐ 07/2021: under the line, ≥ k deprivations is poor and fewer is near-poor; above it any number.
  switch (category) {
    case 'poor':
      return [k, k + 3];
    case 'near_poor':
      return [0, k - 1];
    case 'middle':
      return [0, k];
    case 'not_poor':
      return [0, k - 1];
  }
}

/** Officers record income per person as a round figure (multiples of 10.000 đ, like the lines themselves). */
const INCOME_STEP = 10_000;

/** A round income inside the band; `position` in [0, 1] chooses where. */
function incomeInBand(lower: number, lowerIncluded: boolean, upper: number, position: number): number {
  const from = lowerIncluded ? lower : lower + INCOME_STEP;
  const steps = Math.floor((upper - from) / INCOME_STEP);
  return from + Math.round(steps * Math.min(1, Math.max(0, position))) * INCOME_STEP;
}

// classifyHousehold is pure, and demo incomes and deprivation sets repeat a lot: remembering its answers (by
// standard, area, income step and the set of deprivations as a bit mask) saves writing the same sentence again.
const classifications = new WeakMap<PovertyStandard, Record<Area, Map<number, HouseholdClassification>>>();

function classifyOnce(
  standard: PovertyStandard,
  area: Area,
  incomePerCapita: number,
  deprivations: readonly string[],
  mask: number,
): HouseholdClassification {
  let byArea = classifications.get(standard);
  if (!byArea) {
    byArea = { rural: new Map(), urban: new Map() };
    classifications.set(standard, byArea);
  }
  const memo = byArea[area];
  const key = (incomePerCapita / INCOME_STEP) * 2 ** standard.indicators.length + mask;
  let result = Number.isInteger(key) ? memo.get(key) : undefined;
  if (!result) {
    result = classifyHousehold(standard, { area, incomePerCapita, deprivations });
    if (Number.isInteger(key)) memo.set(key, result);
  }
  return result;
}

function drawIncome(
  random: Random,
  standard: PovertyStandard,
  area: Area,
  category: PovertyCategory,
  deprivationCount: number,
  position: number,
): number {
  const { povertyLine, nearPovertyLine, middleUpper } = standard.incomeLines[area];
  const top = 3 * middleUpper;
  if (standard.method === 'income_or_deprivations') {
    const nearLine = nearPovertyLine ?? povertyLine;
    switch (category) {
      case 'poor':
        // QĐ 59/2015: ≤ the poverty line is poor on its own; in the near-poverty band only with ≥ 3 deprivations.
        // The household's lasting position decides the route, so its income does not jump between them.
        return deprivationCount >= standard.deprivationCutoff && position >= 0.55
          ? incomeInBand(povertyLine, false, nearLine, position)
          : incomeInBand(
              Math.round(povertyLine / 2 / INCOME_STEP) * INCOME_STEP,
              true,
              povertyLine,
              position,
            );
      case 'near_poor':
        return incomeInBand(povertyLine, false, nearLine, position);
      case 'middle':
        return incomeInBand(nearLine, false, middleUpper, position);
      case 'not_poor':
        return incomeInBand(middleUpper, false, top, position);
    }
  }
  switch (category) {
    case 'poor':
    case 'near_poor':
      return incomeInBand(
        Math.round((povertyLine * 0.45) / INCOME_STEP) * INCOME_STEP,
        true,
        povertyLine,
        position,
      );
    case 'middle':
      return incomeInBand(povertyLine, false, middleUpper, position);
    case 'not_poor':
      return incomeInBand(middleUpper, false, top, position);
  }
}

const codesByStandard = new WeakMap<PovertyStandard, ReadonlyMap<Concept, string>>();

/** The standard's indicator code for a weak spot, or null when the standard has no such indicator. */
function codeFor(concept: Concept, standard: PovertyStandard): string | null {
  let codes = codesByStandard.get(standard);
  if (!codes) {
    codes = new Map(standard.indicators.map((i) => [CONCEPT_OF_INDICATOR[i.code] ?? i.code, i.code]));
    codesByStandard.set(standard, codes);
  }
  return codes.get(concept) ?? null;
}

/** Draws every round's assessment of one household, oldest first. */
export function drawAssessments(
  random: Random,
  household: { readonly area: Area; readonly members: readonly MemberYears[] },
  rounds: readonly RoundToDraw[],
): DrawnAssessment[] {
  const weakSpots = drawWeakSpots(random, household.area);
  let previousCount: number | null = null;
  let position = random.next();
  const drawn: DrawnAssessment[] = [];
  for (const round of rounds) {
    const { standard, year, category } = round;
    const forced = hasTooManyDependants(standard, household.members, year) ? ['dependants'] : [];
    const open = weakSpots
      .map((concept) => codeFor(concept, standard))
      .filter(
        (code): code is string => code !== null && canBeDeprived(code, standard, household.members, year),
      );
    const [lo, hi] = countRange(standard, category);
    const lowest = Math.max(lo, forced.length);
    const highest = Math.min(hi, forced.length + open.length);
    let count: number;
    if (previousCount === null) count = random.int(lowest, Math.max(lowest, Math.min(highest, lowest + 2)));
    else if (previousCount < lowest) count = lowest;
    else if (previousCount > highest) count = highest;
    else if (random.chance(0.7)) count = previousCount;
    else count = previousCount + (random.chance(0.5) ? 1 : -1);
    count = Math.max(lowest, Math.min(highest, count));
    const chosen = new Set([...forced, ...open.slice(0, count - forced.length)]);
    const deprivations: string[] = [];
    let mask = 0;
    standard.indicators.forEach((indicator, bit) => {
      if (chosen.has(indicator.code)) {
        deprivations.push(indicator.code);
        mask |= 1 << bit;
      }
    });

    position = 0.8 * position + 0.2 * random.next();
    const incomePerCapita = drawIncome(
      random,
      standard,
      household.area,
      category,
      deprivations.length,
      position,
    );
    const classification = classifyOnce(standard, household.area, incomePerCapita, deprivations, mask);
    if (classification.category !== category) {
      throw new Error(
        `Lỗi sinh dữ liệu mẫu: năm ${year} dự kiến "${category}" nhưng quy tắc ${standard.version} cho "${classification.category}" (${classification.reason}).`,
      );
    }
    drawn.push({ year, standard, incomePerCapita, deprivations, classification });
    previousCount = deprivations.length;
  }
  return drawn;
}
