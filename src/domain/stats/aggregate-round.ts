// Figures of one review round per administrative unit (DOMAIN.md §3), computed in a single pass over the
// round's household records: each household adds itself to every unit on its path, province down to
// village, so the cost is O(households × depth). The results are stored; dashboards never scan households.
// Rate = poor households ÷ ALL resident households of the unit at the end of the round (not only those
// reviewed), in percent with two decimals.

import { AREAS, POVERTY_CATEGORIES } from '../poverty/poverty-standard.ts';
import type { Area, PovertyCategory } from '../poverty/poverty-standard.ts';
import { TRANSITION_LABELS } from '../poverty/transitions.ts';
import type { TransitionCode } from '../poverty/transitions.ts';
import { shareInHundredths, fromHundredths } from './hundredths.ts';
import { findRepeat } from './find-repeat.ts';
import { StatsError } from './stats-errors.ts';

export interface RoundHouseholdRecord {
  householdId: string;
  /** Codes of the units in force for the round, province first, village last. */
  unitPath: readonly string[];
  category: PovertyCategory;
  /** Transition against the previous round (deriveTransitions), null when not derived. */
  transition: TransitionCode | null;
  ethnicMinority: boolean;
  femaleHead: boolean;
  area: Area;
  /** A member is a person of merit (người có công) or a social-protection beneficiary. */
  meritOrSocialProtection: boolean;
  deprivations: readonly string[];
}

export interface CategoryTally {
  total: number;
  poor: number;
  nearPoor: number;
}

export interface HouseholdBreakdowns {
  ethnicMinority: CategoryTally;
  femaleHead: CategoryTally;
  rural: CategoryTally;
  urban: CategoryTally;
  meritOrSocialProtection: CategoryTally;
}

/** What a dashboard shows for a unit and round; counts may be fractional only in estimated figures. */
export interface HouseholdFigures extends CategoryTally {
  /** Percent, two decimals. */
  poorRate: number;
  nearPoorRate: number;
  /** Transition code → households; codes no household had are absent. */
  transitions: Partial<Record<TransitionCode, number>>;
  breakdowns: HouseholdBreakdowns;
  /** Deprivation indicator → households deprived in it (all households, whatever their category). */
  deprivations: Record<string, number>;
}

export interface UnitRoundAggregate extends HouseholdFigures {
  unitCode: string;
  /** Position on the path: 0 for the province. */
  level: number;
  /** The unit above it in the round, null for the top of the path. */
  parentCode: string | null;
}

/** Unit code → its figures; units appear in the order first met. */
export function aggregateRound(households: readonly RoundHouseholdRecord[]): Map<string, UnitRoundAggregate> {
  const units = new Map<string, UnitRoundAggregate>();
  const seenHouseholds = new Set<string>();

  for (let index = 0; index < households.length; index += 1) {
    const household = households[index] as RoundHouseholdRecord;
    validateHousehold(household, index, seenHouseholds);
    let parentCode: string | null = null;
    for (let level = 0; level < household.unitPath.length; level += 1) {
      const unitCode = household.unitPath[level] as string;
      let unit = units.get(unitCode);
      if (!unit) {
        unit = { unitCode, level, parentCode, ...emptyFigures() };
        units.set(unitCode, unit);
      } else if (unit.level !== level || unit.parentCode !== parentCode) {
        throw new StatsError(
          'inconsistent_unit_path',
          `Hộ "${household.householdId}": đơn vị "${unitCode}" nằm dưới "${parentCode ?? '(không có)'}", ` +
            `trong khi hộ khác xếp nó dưới "${unit.parentCode ?? '(không có)'}".`,
          index,
        );
      }
      addHousehold(unit, household);
      parentCode = unitCode;
    }
  }

  for (const unit of units.values()) settleRates(unit);
  return units;
}

export function emptyFigures(): HouseholdFigures {
  return {
    total: 0,
    poor: 0,
    nearPoor: 0,
    poorRate: 0,
    nearPoorRate: 0,
    transitions: {},
    breakdowns: {
      ethnicMinority: emptyTally(),
      femaleHead: emptyTally(),
      rural: emptyTally(),
      urban: emptyTally(),
      meritOrSocialProtection: emptyTally(),
    },
    deprivations: {},
  };
}

/** Rates from the counts, percent with two decimals; the denominator is every household of the unit. */
export function settleRates(figures: HouseholdFigures): void {
  figures.poorRate = fromHundredths(shareInHundredths(figures.poor, figures.total));
  figures.nearPoorRate = fromHundredths(shareInHundredths(figures.nearPoor, figures.total));
}

function emptyTally(): CategoryTally {
  return { total: 0, poor: 0, nearPoor: 0 };
}

function addHousehold(figures: HouseholdFigures, household: RoundHouseholdRecord): void {
  tally(figures, household.category);
  const { breakdowns } = figures;
  if (household.ethnicMinority) tally(breakdowns.ethnicMinority, household.category);
  if (household.femaleHead) tally(breakdowns.femaleHead, household.category);
  tally(household.area === 'rural' ? breakdowns.rural : breakdowns.urban, household.category);
  if (household.meritOrSocialProtection) tally(breakdowns.meritOrSocialProtection, household.category);
  if (household.transition !== null) {
    figures.transitions[household.transition] = (figures.transitions[household.transition] ?? 0) + 1;
  }
  for (const code of household.deprivations) {
    figures.deprivations[code] = (figures.deprivations[code] ?? 0) + 1;
  }
}

function tally(target: CategoryTally, category: PovertyCategory): void {
  target.total += 1;
  if (category === 'poor') target.poor += 1;
  else if (category === 'near_poor') target.nearPoor += 1;
}

const CATEGORIES: ReadonlySet<string> = new Set(POVERTY_CATEGORIES);
const AREA_CODES: ReadonlySet<string> = new Set(AREAS);
const TRANSITION_CODES: ReadonlySet<string> = new Set(Object.keys(TRANSITION_LABELS));

function validateHousehold(household: RoundHouseholdRecord, index: number, seen: Set<string>): void {
  const id = household.householdId;
  if (seen.has(id)) {
    throw new StatsError('duplicate_household', `Hộ "${id}" xuất hiện hai lần trong kỳ rà soát.`, index);
  }
  seen.add(id);
  const problem = describeProblem(household);
  if (problem !== null) throw new StatsError('invalid_household', `Hộ "${id}": ${problem}`, index);
}

/** What makes the record uncountable, in Vietnamese, or null. */
function describeProblem(household: RoundHouseholdRecord): string | null {
  const { unitPath, transition } = household;
  if (household.householdId.length === 0) return 'mã hộ đang trống.';
  if (unitPath.length === 0) return 'chưa có đơn vị hành chính.';
  if (unitPath.includes('')) return 'đường đơn vị có mã trống.';
  const repeatedUnit = findRepeat(unitPath);
  if (repeatedUnit !== undefined) return `đơn vị "${repeatedUnit}" lặp lại trên đường đơn vị.`;
  if (!CATEGORIES.has(household.category)) return `phân loại "${String(household.category)}" không hợp lệ.`;
  if (!AREA_CODES.has(household.area)) return `khu vực "${String(household.area)}" không hợp lệ.`;
  if (transition !== null && !TRANSITION_CODES.has(transition))
    return `biến động "${String(transition)}" không hợp lệ.`;
  const repeatedDeprivation = findRepeat(household.deprivations);
  if (repeatedDeprivation !== undefined) return `chỉ số thiếu hụt "${repeatedDeprivation}" được ghi hai lần.`;
  return null;
}
