import { describe, expect, it } from 'vitest';
import { AWARDS_ND91_2017, findForm } from './award-forms.ts';
import { checkEligibility, judgeNominee, type CheckCode, type CheckStatus, type LoanFact, type NomineeFacts } from './eligibility.ts';

const bangKhen = findForm(AWARDS_ND91_2017, 'bang_khen_tinh')!;
const coThiDua = findForm(AWARDS_ND91_2017, 'co_thi_dua_tinh')!;
const cstdToanQuoc = findForm(AWARDS_ND91_2017, 'cstd_toan_quoc')!;
const rules = { stableEscapeYears: 3 };
const ON = '2020-05-15';

const goodLoan: LoanFact = { amount: 30_000_000, purpose: 'Chăn nuôi trâu', dueOn: '2021-06-30', repaidOn: null, interestOnTime: true, principalOnTime: true };
const household = (patch: Partial<NonNullable<NomineeFacts['household']>> = {}): NomineeFacts => ({
  kind: 'household',
  name: 'Hộ ông Hoàng Văn Bình',
  household: { latestRoundYear: 2019, stableEscapeYears: 3, loans: [], ...patch },
  duplicates: [],
});
const commune = (patch: Partial<NomineeFacts> = {}): NomineeFacts => ({
  kind: 'collective',
  name: 'Xã Yên Khoái',
  attainments: [
    { year: 2017, attained: true, explanation: 'giảm 4,1 điểm' },
    { year: 2018, attained: true, explanation: 'giảm 3,2 điểm' },
  ],
  ranking: null,
  duplicates: [],
  ...patch,
});

function statusOf(form = bangKhen, facts: NomineeFacts, code: CheckCode): { status: CheckStatus; reason: string } {
  const c = checkEligibility(form, rules, facts, ON).find((x) => x.code === code)!;
  return { status: c.status, reason: c.reason };
}

describe('5b.3: a household has held its escape ≥ 3 years', () => {
  it.each<[string, NomineeFacts, CheckStatus, RegExp]>([
    ['3 years: passes', household({ stableEscapeYears: 3 }), 'pass', /thoát nghèo ổn định 3 năm/u],
    ['5 years: passes', household({ stableEscapeYears: 5 }), 'pass', /5 năm/u],
    ['2 years: fails with the reason', household({ stableEscapeYears: 2 }), 'fail', /theo kết quả rà soát năm 2019 hộ mới thoát nghèo 2 năm, chưa đủ 3 năm thoát nghèo ổn định/u],
    ['0 years (escaped this year): fails', household({ stableEscapeYears: 0 }), 'fail', /mới thoát nghèo 0 năm/u],
    ['not escaped (or fell back): fails', household({ stableEscapeYears: null }), 'fail', /chưa thoát nghèo hoặc đã tái nghèo/u],
    ['never assessed: fails', household({ latestRoundYear: null, stableEscapeYears: null }), 'fail', /chưa có kết quả rà soát/u],
    ['a commune: not applicable', commune(), 'not_applicable', /Chỉ xét với hộ gia đình/u],
  ])('%s', (_name, facts, status, reason) => {
    const r = statusOf(bangKhen, facts, 'stable_escape');
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
  });
});

describe('5b.4: no overdue social-bank loan', () => {
  it.each<[string, LoanFact[], CheckStatus, RegExp]>([
    ['no loan', [], 'pass', /không có khoản vay/u],
    ['a loan not yet due, paid on time', [goodLoan], 'pass', /đều trả lãi, gốc đúng hạn/u],
    ['due yesterday and unpaid', [{ ...goodLoan, dueOn: '2020-05-14' }], 'fail', /quá hạn từ 14\/05\/2020 chưa trả/u],
    ['due today and unpaid: not yet overdue', [{ ...goodLoan, dueOn: '2020-05-15' }], 'pass', /không có nợ quá hạn/u],
    ['due earlier but repaid', [{ ...goodLoan, dueOn: '2019-12-31', repaidOn: '2019-12-20' }], 'pass', /đúng hạn/u],
    ['principal paid late', [{ ...goodLoan, principalOnTime: false }], 'fail', /trả gốc không đúng hạn/u],
    ['interest paid late', [{ ...goodLoan, interestOnTime: false }], 'fail', /trả lãi không đúng hạn/u],
  ])('%s', (_name, loans, status, reason) => {
    const r = statusOf(bangKhen, household({ loans }), 'no_overdue_loan');
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
  });
});

describe('yearly rate reductions met their targets', () => {
  it.each<[string, NomineeFacts, CheckStatus, RegExp]>([
    ['every year met', commune(), 'pass', /đạt chỉ tiêu giảm tỷ lệ hộ nghèo các năm 2017, 2018/u],
    ['one year missed', commune({ attainments: [{ year: 2017, attained: true, explanation: 'giảm 4 điểm' }, { year: 2018, attained: false, explanation: 'giảm 2,9 điểm, chỉ tiêu 3 điểm' }] }), 'fail', /không đạt chỉ tiêu giảm tỷ lệ hộ nghèo năm 2018 \(giảm 2,9 điểm, chỉ tiêu 3 điểm\)/u],
    ['a year without figures', commune({ attainments: [{ year: 2017, attained: null, explanation: 'thiếu số liệu năm 2016' }] }), 'unknown', /chưa đánh giá được năm 2017/u],
    ['no years at all', commune({ attainments: [] }), 'unknown', /chưa có số liệu/u],
    ['a household: not applicable', household(), 'not_applicable', /đơn vị hành chính/u],
  ])('%s', (_name, facts, status, reason) => {
    const r = statusOf(bangKhen, facts, 'rate_targets');
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
  });
});

describe('ranking in the cluster or block', () => {
  it.each<[string, typeof bangKhen, NomineeFacts, CheckStatus, RegExp]>([
    ['Bằng khen: 3rd of 6 is the upper half', bangKhen, commune({ ranking: { groupName: 'Cụm thi đua số 2', rank: 3, size: 6 } }), 'pass', /xếp thứ 3\/6 trong Cụm thi đua số 2/u],
    ['Bằng khen: 4th of 6 is not', bangKhen, commune({ ranking: { groupName: 'Cụm thi đua số 2', rank: 4, size: 6 } }), 'fail', /không thuộc nửa trên/u],
    ['Bằng khen: 3rd of 5 is the upper half', bangKhen, commune({ ranking: { groupName: 'Cụm 1', rank: 3, size: 5 } }), 'pass', /3\/5/u],
    ['Cờ thi đua: 1st leads', coThiDua, commune({ ranking: { groupName: 'Cụm 1', rank: 1, size: 5 } }), 'pass', /dẫn đầu/u],
    ['Cờ thi đua: 2nd does not', coThiDua, commune({ ranking: { groupName: 'Cụm 1', rank: 2, size: 5 } }), 'fail', /chỉ xét cho đơn vị dẫn đầu/u],
    ['Cờ thi đua: outside any cluster', coThiDua, commune({ ranking: null }), 'fail', /không thuộc cụm, khối thi đua nào/u],
    ['Bằng khen: outside any cluster', bangKhen, commune({ ranking: null }), 'not_applicable', /không thuộc cụm/u],
    ['in a cluster not yet ranked', bangKhen, commune({ ranking: null, rankingPending: true }), 'unknown', /chưa có kết quả xếp hạng/u],
    ['a household: not applicable', bangKhen, household(), 'not_applicable', /tập thể/u],
  ])('%s', (_name, form, facts, status, reason) => {
    const r = statusOf(form, facts, 'group_ranking');
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
  });
});

describe('duplicate nomination, same form and round', () => {
  it.each<[string, NomineeFacts['duplicates'], CheckStatus, RegExp]>([
    ['none', [], 'pass', /chưa được đề nghị hoặc tặng/u],
    ['proposed elsewhere', [{ where: 'hồ sơ của Sở Lao động - Thương binh và Xã hội (Chờ phê duyệt)', granted: false }], 'fail', /đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh trong cùng đợt: hồ sơ của Sở Lao động/u],
    ['already granted', [{ where: 'Quyết định số 2150/QĐ-UBND ngày 09/11/2020', granted: true }], 'fail', /đã được tặng .* trong đợt này: Quyết định số 2150/u],
  ])('%s', (_name, duplicates, status, reason) => {
    const r = statusOf(bangKhen, { ...household(), duplicates }, 'duplicate');
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
  });
});

describe('who may be proposed', () => {
  it('a household cannot be proposed for Chiến sĩ thi đua toàn quốc, and no exception lets it through', () => {
    const checks = checkEligibility(cstdToanQuoc, rules, household(), ON);
    expect(checks[0]).toMatchObject({ code: 'nominee_kind', status: 'fail', overridable: false });
    expect(judgeNominee(checks, 'Hộ có thành tích đặc biệt xuất sắc').blocked).toBe(true);
  });
});

describe('a failing condition blocks unless excepted with a reason', () => {
  const failing = checkEligibility(bangKhen, rules, household({ stableEscapeYears: 2 }), ON);
  it.each<[string, string | null, boolean]>([
    ['no exception', null, true],
    ['an exception too short to weigh (9 letters)', 'Đặc biệt!', true],
    ['an exception with a reason (10 letters)', 'Hộ tiêu bi', false],
    ['an exception with a full reason', 'Hộ điển hình giúp 5 hộ khác thoát nghèo, được xã đề nghị đặc cách', false],
  ])('%s → blocked %s', (_name, exception, blocked) => {
    const v = judgeNominee(failing, exception);
    expect(v.blocked).toBe(blocked);
    if (blocked) expect(v.reasons[0]).toMatch(/chưa đủ 3 năm/u);
    else expect(v.excepted).toEqual(['stable_escape']);
  });
  it('a nominee that passes everything is not blocked and needs no exception', () => {
    expect(judgeNominee(checkEligibility(bangKhen, rules, household(), ON), null)).toEqual({ blocked: false, excepted: [], reasons: [] });
  });
});
