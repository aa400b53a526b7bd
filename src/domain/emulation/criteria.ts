// A criterion of a campaign (tiêu chuẩn thi đua) and where its score comes from (DOMAIN.md §6).
// Criteria sets are data with a version per participant type: once a round holds scores under a version, a change
// makes a new version and the scored round keeps the one it was scored under.

import type { ParticipantType } from './participant-types.ts';

export const criterionKinds = ['measured', 'evidence', 'council'] as const;
export type CriterionKind = (typeof criterionKinds)[number];

export const criterionKindLabels: Record<CriterionKind, string> = {
  measured: 'Tính từ số liệu theo công thức',
  evidence: 'Tự chấm kèm minh chứng, Ban Thi đua - Khen thưởng thẩm định',
  council: 'Hội đồng Thi đua - Khen thưởng chấm',
};

export const formulaIds = [
  'rate_reduction_vs_target',
  'report_timeliness',
  'mobilised_resources',
  'stable_escape_helpers',
  'loan_repayment',
  'voluntary_escape_registration',
] as const;
export type FormulaId = (typeof formulaIds)[number];

export const formulaLabels: Record<FormulaId, string> = {
  rate_reduction_vs_target: 'Mức giảm tỷ lệ hộ nghèo so với mục tiêu',
  report_timeliness: 'Báo cáo đúng hạn',
  mobilised_resources: 'Nguồn lực huy động cho người nghèo',
  stable_escape_helpers: 'Thoát nghèo ổn định từ 03 năm và giúp hộ khác',
  loan_repayment: 'Sử dụng vốn vay NHCSXH đúng mục đích, trả đúng hạn',
  voluntary_escape_registration: 'Tự nguyện đăng ký thoát nghèo',
};

/** Which formulas fit which participants: a formula reads figures of a unit, an organisation or a household. */
export const formulaParticipantKinds: Record<FormulaId, readonly ('unit' | 'organisation' | 'individual' | 'household')[]> = {
  rate_reduction_vs_target: ['unit'],
  report_timeliness: ['unit'],
  mobilised_resources: ['unit', 'organisation'],
  stable_escape_helpers: ['household'],
  loan_repayment: ['household'],
  voluntary_escape_registration: ['household'],
};

/** Records that can be attached as evidence and which criteria they usually feed (plan §III). */
export const evidenceRecordKinds = ['initiative', 'model', 'exemplar', 'support_activity'] as const;
export type EvidenceRecordKind = (typeof evidenceRecordKinds)[number];

export interface CriterionDefinition {
  code: string;
  participantType: ParticipantType;
  text: string;
  maxPoints: number;
  kind: CriterionKind;
  /** Measured criteria only. */
  formulaId: FormulaId | null;
  /** The formula's parameters (thresholds, points per day late …): data, not code. */
  params: Record<string, unknown>;
  /** Records that usually serve as evidence for it (initiatives for 1.1, models for 5b.2 …). */
  feeds: readonly EvidenceRecordKind[];
}

/** Refuses a criterion that could not be scored: returns the problems in Vietnamese (empty when valid). */
export function validateCriterion(c: CriterionDefinition): string[] {
  const problems: string[] = [];
  const at = `Tiêu chí ${c.code || '(chưa có mã)'}`;
  if (!/^[1-9][0-9]?[ab]?\.[0-9]{1,2}$/u.test(c.code)) problems.push(`${at}: mã phải có dạng 3.4 hoặc 5b.3.`);
  if (c.text.trim().length === 0) problems.push(`${at}: chưa có nội dung.`);
  if (!Number.isFinite(c.maxPoints) || c.maxPoints <= 0 || c.maxPoints > 1000) {
    problems.push(`${at}: điểm tối đa phải lớn hơn 0 và không quá 1.000.`);
  }
  if (Math.round(c.maxPoints * 100) !== c.maxPoints * 100) problems.push(`${at}: điểm tối đa có tối đa hai chữ số thập phân.`);
  if (c.kind === 'measured' && c.formulaId === null) problems.push(`${at}: tiêu chí tính từ số liệu phải có công thức.`);
  if (c.kind !== 'measured' && c.formulaId !== null) problems.push(`${at}: chỉ tiêu chí tính từ số liệu mới có công thức.`);
  return problems;
}

/** A criteria set: codes unique, every criterion valid. */
export function validateCriteriaSet(criteria: readonly CriterionDefinition[]): string[] {
  const problems = criteria.flatMap(validateCriterion);
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.code)) problems.push(`Tiêu chí ${c.code} bị trùng mã.`);
    seen.add(c.code);
  }
  return problems;
}

/** Compares criteria by code in reading order: 1.2 before 1.10, 5a.1 before 5b.1. */
export function compareCriterionCodes(a: string, b: string): number {
  return a.localeCompare(b, 'vi', { numeric: true });
}

export type CriteriaChange = 'edit_in_place' | 'new_version' | 'unchanged';

/**
 * What saving a criteria set does. A version that some round has scored under is history: the change becomes a new
 * version (the scored round keeps its own). A version nobody scored under is still a draft and is edited in place.
 */
export function decideCriteriaChange(
  current: readonly CriterionDefinition[],
  next: readonly CriterionDefinition[],
  scoredRounds: number,
): CriteriaChange {
  const key = (list: readonly CriterionDefinition[]) =>
    JSON.stringify(
      [...list]
        .sort((x, y) => compareCriterionCodes(x.code, y.code))
        .map((c) => [c.code, c.text, c.maxPoints, c.kind, c.formulaId, c.params, [...c.feeds].sort()]),
    );
  if (key(current) === key(next)) return 'unchanged';
  return scoredRounds > 0 ? 'new_version' : 'edit_in_place';
}
