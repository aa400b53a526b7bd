// A poverty standard (chuẩn nghèo đa chiều) is a rule set with a version: its lines, bands, score
// thresholds, indicator list and the parameters of the default deprivation rules are data, so an
// administrator can revise them (reviseStandard) without a code change. Every classification
// records the version that produced it.

import { PovertyRuleError } from './poverty-errors.ts';

export type PovertyStandardId = 'qd59-2015' | 'nd07-2021' | 'nd351-2025';

export const POVERTY_STANDARD_IDS: readonly PovertyStandardId[] = ['qd59-2015', 'nd07-2021', 'nd351-2025'];

/** Where the household lives decides which line applies. */
export type Area = 'rural' | 'urban';

export const AREAS: readonly Area[] = ['rural', 'urban'];

export const AREA_LABELS: Readonly<Record<Area, string>> = { rural: 'nông thôn', urban: 'thành thị' };

export type PovertyCategory = 'poor' | 'near_poor' | 'middle' | 'not_poor';

export const POVERTY_CATEGORIES: readonly PovertyCategory[] = ['poor', 'near_poor', 'middle', 'not_poor'];

export const CATEGORY_LABELS: Readonly<Record<PovertyCategory, string>> = {
  poor: 'hộ nghèo',
  near_poor: 'hộ cận nghèo',
  middle: 'hộ có mức sống trung bình',
  not_poor: 'hộ không nghèo',
};

/**
 * How income and deprivations combine:
 * - `income_or_deprivations` (QĐ 59/2015): income ≤ poverty line is poor on its own; in the
 *   near-poverty band the deprivation count decides between poor and near-poor;
 * - `income_and_deprivations` (NĐ 07/2021, NĐ 351/2025): a single line; below it the deprivation
 *   count decides; there is no income-only route to "poor".
 */
export type ClassificationMethod = 'income_or_deprivations' | 'income_and_deprivations';

export interface AreaIncomeLines {
  /** Chuẩn nghèo, VND per person per month; "≤" is inside. */
  readonly povertyLine: number;
  /** Chuẩn cận nghèo (QĐ 59/2015 only); null when the standard has a single line. */
  readonly nearPovertyLine: number | null;
  /** Upper bound (inclusive) of the middle living standard band. */
  readonly middleUpper: number;
}

/** Phiếu B part B1 point thresholds (inclusive), standing in for a measured income. */
export interface AreaB1Thresholds {
  /** B1 ≤ poorMax: poor. */
  readonly poorMax: number;
  /** poorMax < B1 ≤ nearPoorMax: poor with ≥ cut-off deprivations, else near-poor. */
  readonly nearPoorMax: number;
}

export interface IndicatorDefinition {
  /** Fixed identifier, stored with every deprivation. */
  readonly code: string;
  /** Name as in the regulation. */
  readonly name: string;
  /** Short name used in explanations ("BHYT", "nhà tiêu"). */
  readonly shortName: string;
  /** The dimension (chiều) the indicator belongs to. */
  readonly dimension: string;
}

/** Highest schooling completed, in increasing order of rank (see SCHOOLING_RANK). */
export type SchoolingLevel =
  'none' | 'primary' | 'lower_secondary' | 'upper_secondary' | 'vocational' | 'higher';

/** Devices that can count for the information indicators. */
export type InformationDevice = 'tv' | 'radio' | 'computer' | 'smartphone' | 'tablet';

/** Parameters of the default deprivation rules (all configurable per DOMAIN.md §2). */
export interface DeprivationRuleParameters {
  /** health_insurance: a member of this age or more without insurance. */
  readonly healthInsuranceMinAge: number;
  /** adult_education: members in [minAge, maxAge] (born in or after bornFromYear, when set) below requiredLevel and not in school. */
  readonly adultEducation: {
    readonly minAge: number;
    readonly maxAge: number | null;
    readonly bornFromYear: number | null;
    readonly requiredLevel: SchoolingLevel;
  };
  /** child_schooling: a child with minAge ≤ age < maxAgeExclusive not in school. */
  readonly childSchooling: {
    readonly minAge: number;
    readonly maxAgeExclusive: number;
    /** NĐ 07/2021: attending, but not the level right for the age, also counts. */
    readonly requireAgeAppropriateLevel: boolean;
  };
  /** employment: a member in [minAge, maxAge] unemployed or without stable work. */
  readonly workingAge: { readonly minAge: number; readonly maxAge: number };
  /** dependants: share of members under childUnderAge, aged elderFromAge or more, or severely disabled. */
  readonly dependants: {
    readonly childUnderAge: number;
    readonly elderFromAge: number;
    readonly shareAbove: number;
  };
  /** nutrition: a child under this age stunted or underweight. */
  readonly nutritionChildUnderAge: number;
  /** housing_quality: at least this many of walls, frame, roof non-durable. */
  readonly nonDurablePartsForDeprivation: number;
  /** housing_area: floor area per person strictly below this many m². */
  readonly minFloorAreaPerPerson: number;
  /** telecom: QĐ 59 — no phone subscription and no internet; NĐ 07 — no internet. */
  readonly telecom: 'phone_or_internet' | 'internet';
  /** information indicator: owning one of these devices is enough. */
  readonly informationDevices: readonly InformationDevice[];
  /** QĐ 59/2015: hearing the village loudspeaker also counts as access to information. */
  readonly villageLoudspeakerCounts: boolean;
}

export interface PovertyStandard {
  readonly id: PovertyStandardId;
  /** "<id>@<n>"; a revision gets a new one. */
  readonly version: string;
  /** The version this one was revised from, null for the regulation's own values. */
  readonly revisedFrom: string | null;
  /** The legal text, e.g. "Quyết định 59/2015/QĐ-TTg". */
  readonly legalBasis: string;
  /** Review rounds (years) in which this standard is in force, inclusive. */
  readonly reviewYears: { readonly from: number; readonly to: number };
  readonly method: ClassificationMethod;
  readonly incomeLines: Readonly<Record<Area, AreaIncomeLines>>;
  /** Null when the standard does not accept a B1 score in place of income. */
  readonly b1Thresholds: Readonly<Record<Area, AreaB1Thresholds>> | null;
  /** Deprived in at least this many indicators counts (Alkire–Foster cut-off k). */
  readonly deprivationCutoff: number;
  readonly indicators: readonly IndicatorDefinition[];
  readonly deprivationRules: DeprivationRuleParameters;
}

export function findIndicator(standard: PovertyStandard, code: string): IndicatorDefinition | undefined {
  return standard.indicators.find((indicator) => indicator.code === code);
}

/** Rule sets are shared values: freeze them so no caller can change a version in place. */
export function freezeStandard(standard: PovertyStandard): PovertyStandard {
  deepFreeze(standard);
  return standard;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** "poor" | "near_poor" | "middle" | "not_poor", or PovertyRuleError('invalid_category'). */
export function parseCategory(value: unknown): PovertyCategory {
  const category = POVERTY_CATEGORIES.find((c) => c === value);
  if (category === undefined) {
    throw new PovertyRuleError(
      'invalid_category',
      `Phân loại hộ phải là một trong: ${POVERTY_CATEGORIES.join(', ')}.`,
      { category: value },
    );
  }
  return category;
}
