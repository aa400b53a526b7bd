// Classify one household under one poverty standard (DOMAIN.md §2, §3). The answer is explainable:
// category, rule-set version, income band, the deprivations with their causes, and the sentence
// that decided it.

import { formatMoney, formatNumber } from '../../shared/vi-format.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import type {
  Area,
  AreaB1Thresholds,
  IndicatorDefinition,
  PovertyCategory,
  PovertyStandard,
  PovertyStandardId,
} from './poverty-standard.ts';
import { AREAS, CATEGORY_LABELS } from './poverty-standard.ts';

export interface ClassificationInput {
  readonly area: Area;
  /** Income per person per month, VND. Takes precedence over b1Score when both are given. */
  readonly incomePerCapita?: number | null;
  /** Phiếu B part B1 score, standing in for income where the standard allows it (QĐ 59/2015). */
  readonly b1Score?: number | null;
  /** Indicator codes the household is deprived in. */
  readonly deprivations: readonly string[];
  /** The fact behind each deprivation, by code (from deriveDeprivations / mergeDeprivations). */
  readonly causes?: Readonly<Record<string, string>>;
}

export interface ClassifiedDeprivation {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly dimension: string;
  /** The recorded fact that caused it; null when it was given without one. */
  readonly cause: string | null;
}

/** Where the household's income (or B1 score) falls among the standard's lines. */
export type IncomeBandCode =
  | 'at_or_below_poverty_line'
  | 'near_poverty_band'
  | 'middle_band'
  | 'above_middle_band'
  /** B1 scores have no middle band: above the near-poor threshold is simply above it. */
  | 'above_near_poverty_band';

export interface IncomeBand {
  readonly measure: 'income' | 'b1_score';
  readonly value: number;
  readonly band: IncomeBandCode;
  /** value > lowerExclusive (null: no lower bound). */
  readonly lowerExclusive: number | null;
  /** value ≤ upperInclusive (null: no upper bound). */
  readonly upperInclusive: number | null;
}

export interface HouseholdClassification {
  readonly standard: PovertyStandardId;
  /** The rule-set version that produced this result; store it with the result. */
  readonly version: string;
  readonly area: Area;
  readonly category: PovertyCategory;
  readonly deprivationCount: number;
  /** In the standard's indicator order. */
  readonly deprivations: readonly ClassifiedDeprivation[];
  readonly incomeBand: IncomeBand;
  /** Vietnamese sentence, e.g. "thu nhập 850.000 đ ≤ 1.000.000 đ và thiếu hụt 3 chỉ số (BHYT, nhà tiêu, viễn thông) → hộ nghèo". */
  readonly reason: string;
}

export function classifyHousehold(
  standard: PovertyStandard,
  input: ClassificationInput,
): HouseholdClassification {
  const area = parseArea(input.area);
  const deprivations = resolveDeprivations(standard, input.deprivations, input.causes ?? {});
  const decision = decide(standard, area, input, deprivations);
  return {
    standard: standard.id,
    version: standard.version,
    area,
    category: decision.category,
    deprivationCount: deprivations.length,
    deprivations,
    incomeBand: decision.incomeBand,
    reason: `${decision.because} → ${CATEGORY_LABELS[decision.category]}`,
  };
}

/** "rural" | "urban", or PovertyRuleError('invalid_area'). */
export function parseArea(value: unknown): Area {
  const area = AREAS.find((a) => a === value);
  if (area === undefined) {
    throw new PovertyRuleError(
      'invalid_area',
      'Khu vực phải là "rural" (nông thôn) hoặc "urban" (thành thị).',
      { area: value },
    );
  }
  return area;
}

/** Known codes only, each once, in the standard's order, with their causes. */
function resolveDeprivations(
  standard: PovertyStandard,
  codes: readonly string[],
  causes: Readonly<Record<string, string>>,
): ClassifiedDeprivation[] {
  const known = new Set(standard.indicators.map((i) => i.code));
  const unknown = [...new Set(codes.filter((code) => !known.has(code)))];
  if (unknown.length > 0) {
    const list = unknown.map((code) => `"${code}"`).join(', ');
    throw new PovertyRuleError(
      'unknown_indicator',
      `Mã chỉ số thiếu hụt không có trong chuẩn ${standard.id}: ${list}.`,
      { standard: standard.id, codes: unknown },
    );
  }
  const given = new Set(codes);
  return standard.indicators
    .filter((indicator) => given.has(indicator.code))
    .map((indicator: IndicatorDefinition) => ({
      code: indicator.code,
      name: indicator.name,
      shortName: indicator.shortName,
      dimension: indicator.dimension,
      cause: Object.hasOwn(causes, indicator.code) ? (causes[indicator.code] ?? null) : null,
    }));
}

interface Decision {
  category: PovertyCategory;
  incomeBand: IncomeBand;
  /** The sentence before "→ <category>". */
  because: string;
}

type Measure =
  { kind: 'income'; value: number } | { kind: 'b1_score'; value: number; thresholds: AreaB1Thresholds };

function chooseMeasure(standard: PovertyStandard, area: Area, input: ClassificationInput): Measure {
  const income = input.incomePerCapita;
  const score = input.b1Score;
  if (income !== undefined && income !== null) {
    if (typeof income !== 'number' || !Number.isFinite(income) || income < 0) {
      throw new PovertyRuleError(
        'invalid_income',
        'Thu nhập bình quân đầu người phải là một số không âm (đồng/người/tháng).',
        { incomePerCapita: income },
      );
    }
    return { kind: 'income', value: income };
  }
  if (score !== undefined && score !== null) {
    if (standard.b1Thresholds === null) {
      throw new PovertyRuleError(
        'b1_score_not_accepted',
        `Chuẩn ${standard.id} không phân loại theo điểm B1; cần thu nhập bình quân đầu người.`,
        { standard: standard.id },
      );
    }
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0) {
      throw new PovertyRuleError('invalid_b1_score', 'Điểm B1 phải là một số không âm.', { b1Score: score });
    }
    return { kind: 'b1_score', value: score, thresholds: standard.b1Thresholds[area] };
  }
  throw new PovertyRuleError(
    'missing_income_and_score',
    standard.b1Thresholds === null
      ? `Cần thu nhập bình quân đầu người để phân loại hộ theo chuẩn ${standard.id}.`
      : 'Cần thu nhập bình quân đầu người hoặc điểm B1 (Phiếu B) để phân loại hộ.',
    { standard: standard.id },
  );
}

function decide(
  standard: PovertyStandard,
  area: Area,
  input: ClassificationInput,
  deprivations: readonly ClassifiedDeprivation[],
): Decision {
  const measure = chooseMeasure(standard, area, input);
  const k = standard.deprivationCutoff;
  const deprived = deprivations.length >= k;
  const countPhrase = describeDeprivations(deprivations, k);

  if (measure.kind === 'b1_score') {
    // Thông tư 17/2016/TT-BLĐTBXH, Phiếu B: B1 ≤ poorMax is poor; poorMax < B1 ≤ nearPoorMax is poor
    // with ≥ 3 B2 deprivations, near-poor otherwise.
    const { poorMax, nearPoorMax } = measure.thresholds;
    const s = measure.value;
    const label = `điểm B1 ${formatFlexible(s)}`;
    const band = (code: IncomeBandCode, lower: number | null, upper: number | null): IncomeBand => ({
      measure: 'b1_score',
      value: s,
      band: code,
      lowerExclusive: lower,
      upperInclusive: upper,
    });
    if (s <= poorMax) {
      return {
        category: 'poor',
        incomeBand: band('at_or_below_poverty_line', null, poorMax),
        because: `${label} ≤ ${formatFlexible(poorMax)}`,
      };
    }
    if (s <= nearPoorMax) {
      return {
        category: deprived ? 'poor' : 'near_poor',
        incomeBand: band('near_poverty_band', poorMax, nearPoorMax),
        because: `${label} ≤ ${formatFlexible(nearPoorMax)} và ${countPhrase}`,
      };
    }
    return {
      category: 'not_poor',
      incomeBand: band('above_near_poverty_band', nearPoorMax, null),
      because: `${label} > ${formatFlexible(nearPoorMax)}`,
    };
  }

  const { povertyLine, nearPovertyLine, middleUpper } = standard.incomeLines[area];
  const v = measure.value;
  const label = `thu nhập ${formatAmount(v)}`;
  const band = (code: IncomeBandCode, lower: number | null, upper: number | null): IncomeBand => ({
    measure: 'income',
    value: v,
    band: code,
    lowerExclusive: lower,
    upperInclusive: upper,
  });
  // The band just above the poverty line that deprivations can pull down (QĐ 59: up to the near-poverty line).
  const lowestLine =
    standard.method === 'income_or_deprivations' ? (nearPovertyLine ?? povertyLine) : povertyLine;

  if (standard.method === 'income_or_deprivations') {
    // QĐ 59/2015/QĐ-TTg: thu nhập ≤ chuẩn nghèo (nông thôn 700.000 đ, thành thị 900.000 đ) là hộ nghèo.
    if (v <= povertyLine) {
      return {
        category: 'poor',
        incomeBand: band('at_or_below_poverty_line', null, povertyLine),
        because: `${label} ≤ ${formatAmount(povertyLine)}`,
      };
    }
    // QĐ 59/2015: chuẩn nghèo < thu nhập ≤ chuẩn cận nghèo: nghèo nếu thiếu hụt ≥ 3 chỉ số, còn lại cận nghèo.
    if (v <= lowestLine) {
      return {
        category: deprived ? 'poor' : 'near_poor',
        incomeBand: band('near_poverty_band', povertyLine, lowestLine),
        because: `${label} ≤ ${formatAmount(lowestLine)} và ${countPhrase}`,
      };
    }
  } else if (v <= povertyLine) {
    // NĐ 07/2021/NĐ-CP: thu nhập ≤ chuẩn nghèo và thiếu hụt ≥ 3 chỉ số là hộ nghèo; < 3 là hộ cận nghèo.
    return {
      category: deprived ? 'poor' : 'near_poor',
      incomeBand: band('at_or_below_poverty_line', null, povertyLine),
      because: `${label} ≤ ${formatAmount(povertyLine)} và ${countPhrase}`,
    };
  }
  // Mức sống trung bình: above the lowest line, up to the middle band's upper bound (inclusive).
  if (v <= middleUpper) {
    return {
      category: 'middle',
      incomeBand: band('middle_band', lowestLine, middleUpper),
      because: `${label} > ${formatAmount(lowestLine)} và ≤ ${formatAmount(middleUpper)}`,
    };
  }
  return {
    category: 'not_poor',
    incomeBand: band('above_middle_band', middleUpper, null),
    because: `${label} > ${formatAmount(middleUpper)}`,
  };
}

/** "thiếu hụt 3 chỉ số (BHYT, nhà tiêu, viễn thông)", or with fewer than k "…, dưới 3". */
function describeDeprivations(deprivations: readonly ClassifiedDeprivation[], cutoff: number): string {
  if (deprivations.length === 0) return 'không thiếu hụt chỉ số nào';
  const names = deprivations.map((d) => d.shortName).join(', ');
  const phrase = `thiếu hụt ${deprivations.length} chỉ số (${names})`;
  return deprivations.length >= cutoff ? phrase : `${phrase}, dưới ${cutoff}`;
}

/** Money as officers write it; a computed per-capita income may carry decimals, which must not be rounded away at a line. */
function formatAmount(value: number): string {
  return Number.isInteger(value) ? formatMoney(value) : `${formatFlexible(value)} đ`;
}

function formatFlexible(value: number): string {
  if (Number.isInteger(value)) return formatNumber(value);
  const digits = Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(value, digits);
}
