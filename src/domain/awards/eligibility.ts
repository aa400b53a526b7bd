// Eligibility of a nominee, checked against data where the condition is measurable (DOMAIN.md §9; issue 7, Build 3).
// Each condition gives pass / fail / not applicable / unknown with its reason in Vietnamese, so the officer and the
// board see why. A failing condition blocks the batch unless the proposer records an exception with a reason, which
// the board sees; a nominee of a kind the form cannot be given to is never excepted.

import { formatDate, formatMoney } from '../../shared/vi-format.ts';
import { nomineeKindLabels, type AwardForm, type BatchRules, type NomineeKind } from './award-forms.ts';

export const checkCodes = ['nominee_kind', 'stable_escape', 'no_overdue_loan', 'rate_targets', 'group_ranking', 'duplicate'] as const;
export type CheckCode = (typeof checkCodes)[number];

export const checkLabels: Readonly<Record<CheckCode, string>> = {
  nominee_kind: 'Đối tượng được đề nghị hình thức này',
  stable_escape: 'Thoát nghèo ổn định từ 3 năm trở lên (tiêu chí 5b.3)',
  no_overdue_loan: 'Không có nợ quá hạn vốn vay Ngân hàng Chính sách xã hội (tiêu chí 5b.4)',
  rate_targets: 'Giảm tỷ lệ hộ nghèo hằng năm đạt chỉ tiêu',
  group_ranking: 'Thứ hạng trong cụm, khối thi đua',
  duplicate: 'Không trùng đề nghị cùng hình thức, cùng đợt',
};

export type CheckStatus = 'pass' | 'fail' | 'not_applicable' | 'unknown';

export const checkStatusLabels: Readonly<Record<CheckStatus, string>> = {
  pass: 'Đạt',
  fail: 'Không đạt',
  not_applicable: 'Không áp dụng',
  unknown: 'Chưa đủ số liệu',
};

export interface EligibilityCheck {
  readonly code: CheckCode;
  readonly label: string;
  readonly status: CheckStatus;
  readonly reason: string;
  /** Whether an exception with a reason may let the nominee through when the check fails. */
  readonly overridable: boolean;
}

export interface LoanFact {
  readonly amount: number;
  readonly purpose: string;
  readonly dueOn: string;
  readonly repaidOn: string | null;
  readonly interestOnTime: boolean;
  readonly principalOnTime: boolean;
}

export interface YearAttainment {
  readonly year: number;
  /** null: the year could not be judged (no figures, no baseline). */
  readonly attained: boolean | null;
  readonly explanation: string;
}

export interface GroupRanking {
  readonly groupName: string;
  readonly rank: number;
  readonly size: number;
}

export interface DuplicateHit {
  /** Where the same nominee already is, e.g. "hồ sơ của Huyện Cao Lộc (Chờ phê duyệt)" or "Quyết định 2150/QĐ-UBND". */
  readonly where: string;
  readonly granted: boolean;
}

export interface NomineeFacts {
  readonly kind: NomineeKind;
  readonly name: string;
  /** Facts of a household nominee (proposed for escaping poverty). */
  readonly household?: {
    /** The latest review round up to the campaign round, or null when never assessed. */
    readonly latestRoundYear: number | null;
    /** Whole years the escape has held at that round; null when not escaped (or fell back). */
    readonly stableEscapeYears: number | null;
    readonly loans: readonly LoanFact[];
  };
  /** Yearly rate reductions of a territorial collective (commune, district); absent for other nominees. */
  readonly attainments?: readonly YearAttainment[];
  /** The collective's place in its cluster or block; null when it belongs to none; absent when not a collective. */
  readonly ranking?: GroupRanking | null;
  /** True when the collective sits in a cluster or block but the round has no ranking yet. */
  readonly rankingPending?: boolean;
  readonly duplicates: readonly DuplicateHit[];
}

function check(code: CheckCode, status: CheckStatus, reason: string, overridable = true): EligibilityCheck {
  return { code, label: checkLabels[code], status, reason, overridable };
}

/** A loan is a problem when it is past due and unpaid, or its interest or principal was not paid on time. */
export function loanProblems(loan: LoanFact, onDate: string): string[] {
  const out: string[] = [];
  if (loan.repaidOn === null && loan.dueOn < onDate) out.push(`quá hạn từ ${formatDate(loan.dueOn)} chưa trả`);
  if (!loan.principalOnTime) out.push('trả gốc không đúng hạn');
  if (!loan.interestOnTime) out.push('trả lãi không đúng hạn');
  return out;
}

function kindCheck(form: AwardForm, facts: NomineeFacts): EligibilityCheck {
  if (form.nomineeKinds.includes(facts.kind)) {
    return check('nominee_kind', 'pass', `${form.name} được đề nghị cho: ${form.nomineeKinds.map((k) => nomineeKindLabels[k].toLocaleLowerCase('vi')).join(', ')}.`, false);
  }
  return check(
    'nominee_kind',
    'fail',
    `${form.name} không dành cho ${nomineeKindLabels[facts.kind].toLocaleLowerCase('vi')} (chỉ dành cho: ${form.nomineeKinds.map((k) => nomineeKindLabels[k].toLocaleLowerCase('vi')).join(', ')}).`,
    false,
  );
}

function stableEscapeCheck(facts: NomineeFacts, minYears: number): EligibilityCheck {
  const h = facts.household;
  if (!h) return check('stable_escape', 'not_applicable', 'Chỉ xét với hộ gia đình.');
  if (h.latestRoundYear === null) return check('stable_escape', 'fail', `${facts.name}: chưa có kết quả rà soát nào trong sổ hộ nghèo nên không xác định được thời gian thoát nghèo.`);
  const source = `theo kết quả rà soát năm ${h.latestRoundYear}`;
  if (h.stableEscapeYears === null) return check('stable_escape', 'fail', `${facts.name}: ${source} hộ chưa thoát nghèo hoặc đã tái nghèo.`);
  if (h.stableEscapeYears < minYears) {
    return check('stable_escape', 'fail', `${facts.name}: ${source} hộ mới thoát nghèo ${h.stableEscapeYears} năm, chưa đủ ${minYears} năm thoát nghèo ổn định.`);
  }
  return check('stable_escape', 'pass', `${facts.name}: ${source} hộ đã thoát nghèo ổn định ${h.stableEscapeYears} năm (từ ${minYears} năm trở lên).`);
}

function loanCheck(facts: NomineeFacts, onDate: string): EligibilityCheck {
  const h = facts.household;
  if (!h) return check('no_overdue_loan', 'not_applicable', 'Chỉ xét với hộ gia đình.');
  if (h.loans.length === 0) return check('no_overdue_loan', 'pass', `${facts.name}: không có khoản vay Ngân hàng Chính sách xã hội.`);
  const bad = h.loans.flatMap((l) => {
    const p = loanProblems(l, onDate);
    return p.length > 0 ? [`khoản vay ${formatMoney(l.amount)} (${l.purpose}, hạn ${formatDate(l.dueOn)}): ${p.join(', ')}`] : [];
  });
  if (bad.length > 0) return check('no_overdue_loan', 'fail', `${facts.name}: ${bad.join('; ')}.`);
  return check('no_overdue_loan', 'pass', `${facts.name}: ${h.loans.length} khoản vay Ngân hàng Chính sách xã hội đều trả lãi, gốc đúng hạn, không có nợ quá hạn đến ngày ${formatDate(onDate)}.`);
}

function targetsCheck(facts: NomineeFacts): EligibilityCheck {
  const a = facts.attainments;
  if (!a) return check('rate_targets', 'not_applicable', 'Chỉ xét với tập thể là đơn vị hành chính (huyện, xã).');
  if (a.length === 0) return check('rate_targets', 'unknown', `${facts.name}: chưa có số liệu rà soát các năm của đợt thi đua để đánh giá.`);
  const missed = a.filter((y) => y.attained === false);
  if (missed.length > 0) {
    return check('rate_targets', 'fail', `${facts.name}: không đạt chỉ tiêu giảm tỷ lệ hộ nghèo năm ${missed.map((y) => `${y.year} (${y.explanation})`).join('; năm ')}.`);
  }
  const unknown = a.filter((y) => y.attained === null);
  if (unknown.length > 0) {
    return check('rate_targets', 'unknown', `${facts.name}: chưa đánh giá được năm ${unknown.map((y) => `${y.year} (${y.explanation})`).join('; năm ')}.`);
  }
  return check('rate_targets', 'pass', `${facts.name}: đạt chỉ tiêu giảm tỷ lệ hộ nghèo các năm ${a.map((y) => y.year).join(', ')}.`);
}

function rankingCheck(form: AwardForm, facts: NomineeFacts): EligibilityCheck {
  if (facts.kind !== 'collective' || facts.ranking === undefined) return check('group_ranking', 'not_applicable', 'Chỉ xét với tập thể thuộc cụm, khối thi đua.');
  const r = facts.ranking;
  if (r === null) {
    if (facts.rankingPending) return check('group_ranking', 'unknown', `${facts.name}: cụm, khối thi đua chưa có kết quả xếp hạng của đợt này.`);
    if (form.requiresGroupLead) return check('group_ranking', 'fail', `${facts.name}: không thuộc cụm, khối thi đua nào nên không xét ${form.name}.`);
    return check('group_ranking', 'not_applicable', `${facts.name}: không thuộc cụm, khối thi đua nào.`);
  }
  const place = `xếp thứ ${r.rank}/${r.size} trong ${r.groupName}`;
  if (form.requiresGroupLead) {
    return r.rank === 1 ? check('group_ranking', 'pass', `${facts.name}: ${place}, dẫn đầu cụm, khối.`) : check('group_ranking', 'fail', `${facts.name}: ${place}; ${form.name} chỉ xét cho đơn vị dẫn đầu cụm, khối.`);
  }
  // Other forms: the upper half of the cluster or block.
  const cut = Math.ceil(r.size / 2);
  return r.rank <= cut
    ? check('group_ranking', 'pass', `${facts.name}: ${place} (thuộc nửa trên của cụm, khối).`)
    : check('group_ranking', 'fail', `${facts.name}: ${place}, không thuộc nửa trên của cụm, khối (từ hạng ${cut} trở lên).`);
}

function duplicateCheck(form: AwardForm, facts: NomineeFacts): EligibilityCheck {
  if (facts.duplicates.length === 0) return check('duplicate', 'pass', `${facts.name}: chưa được đề nghị hoặc tặng ${form.name} trong đợt này ở nơi khác.`);
  const granted = facts.duplicates.filter((d) => d.granted);
  const head = granted.length > 0 ? `đã được tặng ${form.name} trong đợt này` : `đã được đề nghị ${form.name} trong cùng đợt`;
  return check('duplicate', 'fail', `${facts.name}: ${head}: ${facts.duplicates.map((d) => d.where).join('; ')}.`);
}

/** Every condition for one nominee, in a fixed order. `onDate` is the day the loans are judged on. */
export function checkEligibility(form: AwardForm, rules: Pick<BatchRules, 'stableEscapeYears'>, facts: NomineeFacts, onDate: string): EligibilityCheck[] {
  return [
    kindCheck(form, facts),
    stableEscapeCheck(facts, rules.stableEscapeYears),
    loanCheck(facts, onDate),
    targetsCheck(facts),
    rankingCheck(form, facts),
    duplicateCheck(form, facts),
  ];
}

export interface NomineeVerdict {
  readonly blocked: boolean;
  /** The failing conditions an exception stands in for (shown to the board). */
  readonly excepted: readonly CheckCode[];
  /** Why the nominee blocks the batch, one line per condition. */
  readonly reasons: readonly string[];
}

/** Whether the nominee blocks submission: a failing condition blocks unless excepted (and overridable). */
export function judgeNominee(checks: readonly EligibilityCheck[], exceptionReason: string | null): NomineeVerdict {
  const failed = checks.filter((c) => c.status === 'fail');
  const hasException = exceptionReason !== null && exceptionReason.trim().length >= MIN_EXCEPTION_LENGTH;
  const blocking = failed.filter((c) => !c.overridable || !hasException);
  return {
    blocked: blocking.length > 0,
    excepted: hasException ? failed.filter((c) => c.overridable).map((c) => c.code) : [],
    reasons: blocking.map((c) => c.reason),
  };
}

/** An exception must say something the board can weigh. */
export const MIN_EXCEPTION_LENGTH = 10;
