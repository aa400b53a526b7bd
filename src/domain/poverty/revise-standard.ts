// Administrators correct thresholds marked "(configurable)" in DOMAIN.md by revising a standard into
// a new version. The old version stays as it was: classifications made with it keep pointing at it.

import { formatMoney } from '../../shared/vi-format.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import type {
  Area,
  AreaB1Thresholds,
  AreaIncomeLines,
  DeprivationRuleParameters,
  IndicatorDefinition,
  PovertyStandard,
} from './poverty-standard.ts';
import { AREAS, AREA_LABELS, freezeStandard } from './poverty-standard.ts';

export interface StandardRevision {
  readonly legalBasis?: string;
  readonly reviewYears?: { readonly from: number; readonly to: number };
  readonly incomeLines?: Partial<Record<Area, Partial<AreaIncomeLines>>>;
  /** null removes the B1 route; a partial object changes the given thresholds only. */
  readonly b1Thresholds?: Partial<Record<Area, Partial<AreaB1Thresholds>>> | null;
  readonly deprivationCutoff?: number;
  /** Replaces the whole list (NĐ 351/2025: the final list is configurable). */
  readonly indicators?: readonly IndicatorDefinition[];
  /** Top-level keys replace the base's (nested objects are replaced whole). */
  readonly deprivationRules?: Partial<DeprivationRuleParameters>;
}

/** A new, frozen version of `base` with `changes` applied; throws PovertyRuleError('invalid_standard') when the result contradicts itself. */
export function reviseStandard(
  base: PovertyStandard,
  changes: StandardRevision,
  newVersion: string,
): PovertyStandard {
  const problems: string[] = [];
  if (newVersion === base.version) problems.push(`phiên bản mới phải khác phiên bản gốc ${base.version}`);
  const revised: PovertyStandard = {
    ...base,
    version: newVersion,
    revisedFrom: base.version,
    legalBasis: changes.legalBasis ?? base.legalBasis,
    reviewYears: changes.reviewYears ?? base.reviewYears,
    incomeLines: {
      rural: { ...base.incomeLines.rural, ...changes.incomeLines?.rural },
      urban: { ...base.incomeLines.urban, ...changes.incomeLines?.urban },
    },
    b1Thresholds: reviseB1Thresholds(base, changes, problems),
    deprivationCutoff: changes.deprivationCutoff ?? base.deprivationCutoff,
    indicators: changes.indicators ?? base.indicators,
    deprivationRules: { ...base.deprivationRules, ...changes.deprivationRules },
  };
  problems.push(...findStandardProblems(revised));
  if (problems.length > 0) {
    throw new PovertyRuleError(
      'invalid_standard',
      `Phiên bản chuẩn nghèo ${newVersion} không hợp lệ: ${problems.join('; ')}.`,
      { version: newVersion, problems },
    );
  }
  return freezeStandard(structuredClone(revised));
}

function reviseB1Thresholds(
  base: PovertyStandard,
  changes: StandardRevision,
  problems: string[],
): PovertyStandard['b1Thresholds'] {
  if (changes.b1Thresholds === null) return null;
  if (changes.b1Thresholds === undefined) return base.b1Thresholds;
  const rural = reviseAreaB1(base, changes.b1Thresholds, 'rural', problems);
  const urban = reviseAreaB1(base, changes.b1Thresholds, 'urban', problems);
  return rural && urban ? { rural, urban } : base.b1Thresholds;
}

function reviseAreaB1(
  base: PovertyStandard,
  changes: Partial<Record<Area, Partial<AreaB1Thresholds>>>,
  area: Area,
  problems: string[],
): AreaB1Thresholds | null {
  const next = { ...base.b1Thresholds?.[area], ...changes[area] };
  if (next.poorMax === undefined || next.nearPoorMax === undefined) {
    problems.push(`thiếu ngưỡng điểm B1 cho khu vực ${AREA_LABELS[area]}`);
    return null;
  }
  return { poorMax: next.poorMax, nearPoorMax: next.nearPoorMax };
}

/** The contradictions in a rule set, in Vietnamese; empty when it can be used. */
export function findStandardProblems(standard: PovertyStandard): string[] {
  const problems: string[] = [];
  if (!new RegExp(`^${standard.id}@\\S+$`, 'u').test(standard.version)) {
    problems.push(`mã phiên bản phải có dạng "${standard.id}@<số hiệu>"`);
  }
  const { from, to } = standard.reviewYears;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    problems.push('năm rà soát áp dụng phải là hai năm, năm bắt đầu không sau năm kết thúc');
  }
  for (const area of AREAS) problems.push(...findLineProblems(standard, area));
  if (standard.b1Thresholds !== null) {
    if (standard.method !== 'income_or_deprivations') {
      problems.push('chỉ chuẩn có chuẩn cận nghèo riêng mới dùng điểm B1 thay cho thu nhập');
    }
    for (const area of AREAS) {
      const { poorMax, nearPoorMax } = standard.b1Thresholds[area];
      if (!Number.isFinite(poorMax) || !Number.isFinite(nearPoorMax) || poorMax >= nearPoorMax) {
        problems.push(`ngưỡng điểm B1 hộ nghèo phải nhỏ hơn ngưỡng hộ cận nghèo (${AREA_LABELS[area]})`);
      }
    }
  }
  const codes = new Set<string>();
  for (const indicator of standard.indicators) {
    if (!/^[a-z][a-z0-9_]*$/u.test(indicator.code))
      problems.push(`mã chỉ số "${indicator.code}" không hợp lệ`);
    if (codes.has(indicator.code)) problems.push(`mã chỉ số "${indicator.code}" bị trùng`);
    if (
      indicator.name.trim() === '' ||
      indicator.shortName.trim() === '' ||
      indicator.dimension.trim() === ''
    ) {
      problems.push(`chỉ số "${indicator.code}" thiếu tên, tên ngắn hoặc chiều thiếu hụt`);
    }
    codes.add(indicator.code);
  }
  const k = standard.deprivationCutoff;
  if (!Number.isInteger(k) || k < 1 || k > standard.indicators.length) {
    problems.push(`ngưỡng số chỉ số thiếu hụt phải là số nguyên từ 1 đến ${standard.indicators.length}`);
  }
  problems.push(...findRuleProblems(standard.deprivationRules));
  return problems;
}

function findLineProblems(standard: PovertyStandard, area: Area): string[] {
  const problems: string[] = [];
  const label = AREA_LABELS[area];
  const { povertyLine, nearPovertyLine, middleUpper } = standard.incomeLines[area];
  if (!Number.isFinite(povertyLine) || povertyLine <= 0) {
    problems.push(`chuẩn nghèo ${label} phải là số dương`);
    return problems;
  }
  if (standard.method === 'income_or_deprivations' && nearPovertyLine === null) {
    problems.push(`thiếu chuẩn cận nghèo ${label}`);
  }
  if (standard.method === 'income_and_deprivations' && nearPovertyLine !== null) {
    problems.push(`chuẩn này chỉ có một chuẩn nghèo, không có chuẩn cận nghèo riêng (${label})`);
  }
  if (nearPovertyLine !== null && !(nearPovertyLine > povertyLine)) {
    problems.push(`chuẩn cận nghèo ${label} phải lớn hơn chuẩn nghèo ${formatMoney(povertyLine)}`);
  }
  const below = nearPovertyLine ?? povertyLine;
  if (!(middleUpper > below)) {
    problems.push(`mức trên của mức sống trung bình ${label} phải lớn hơn ${formatMoney(below)}`);
  }
  return problems;
}

function findRuleProblems(rules: DeprivationRuleParameters): string[] {
  const problems: string[] = [];
  if (!(rules.minFloorAreaPerPerson > 0))
    problems.push('diện tích nhà ở tối thiểu mỗi người phải là số dương');
  if (!(rules.dependants.shareAbove > 0 && rules.dependants.shareAbove < 1)) {
    problems.push('tỷ lệ người phụ thuộc phải nằm giữa 0 và 1');
  }
  if (![1, 2, 3].includes(rules.nonDurablePartsForDeprivation)) {
    problems.push('số bộ phận nhà (tường, khung, mái) không bền chắc phải từ 1 đến 3');
  }
  if (rules.childSchooling.minAge >= rules.childSchooling.maxAgeExclusive) {
    problems.push('độ tuổi trẻ em đi học: tuổi bắt đầu phải nhỏ hơn tuổi kết thúc');
  }
  if (rules.workingAge.minAge > rules.workingAge.maxAge) problems.push('độ tuổi lao động không hợp lệ');
  if (rules.adultEducation.maxAge !== null && rules.adultEducation.minAge > rules.adultEducation.maxAge) {
    problems.push('độ tuổi của chỉ số giáo dục người lớn không hợp lệ');
  }
  return problems;
}
