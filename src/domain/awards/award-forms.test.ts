import { describe, expect, it } from 'vitest';
import {
  AWARDS_ND91_2017,
  AWARDS_ND98_2023,
  catalogueKey,
  catalogueOn,
  decidingLevelOf,
  defaultRules,
  findForm,
  isStateLevel,
  validateRules,
  type BatchRules,
} from './award-forms.ts';

describe('award catalogue', () => {
  // form id, who grants, deciding level, State level, threshold, who may be proposed
  const rows: [string, string, string, boolean, number, string[]][] = [
    ['giay_khen_xa', 'commune_chairman', 'commune', false, 50, ['collective', 'individual', 'household']],
    ['giay_khen_huyen', 'district_chairman', 'district', false, 50, ['collective', 'individual', 'household']],
    ['giay_khen_so', 'department_head', 'organisation', false, 50, ['collective', 'individual']],
    ['giay_khen_doanh_nghiep', 'enterprise_director', 'organisation', false, 50, ['collective', 'individual']],
    ['bang_khen_tinh', 'provincial_chairman', 'province', false, 80, ['collective', 'individual', 'household']],
    ['co_thi_dua_tinh', 'provincial_chairman', 'province', false, 80, ['collective']],
    ['bang_khen_ttg', 'prime_minister', 'province', true, 80, ['collective', 'individual', 'household']],
    ['cstd_toan_quoc', 'prime_minister', 'province', true, 90, ['individual']],
    ['huan_chuong_ld_3', 'president', 'province', true, 90, ['collective', 'individual']],
    ['huan_chuong_ld_2', 'president', 'province', true, 90, ['collective', 'individual']],
    ['huan_chuong_ld_1', 'president', 'province', true, 90, ['collective', 'individual']],
    ['lao_dong_tien_tien', 'commune_chairman', 'commune', false, 50, ['individual']],
    ['cstd_co_so', 'district_chairman', 'district', false, 50, ['individual']],
    ['cstd_tinh', 'provincial_chairman', 'province', false, 80, ['individual']],
    ['tap_the_ldxs', 'provincial_chairman', 'province', false, 80, ['collective']],
  ];
  it.each(rows)('%s: granted by %s, decided at %s, State level %s, ≥ %d%%', (id, authority, level, state, threshold, kinds) => {
    const form = findForm(AWARDS_ND91_2017, id);
    expect(form).not.toBeNull();
    expect(form!.authority).toBe(authority);
    expect(decidingLevelOf(form!.authority)).toBe(level);
    expect(isStateLevel(form!.authority)).toBe(state);
    expect(form!.voteThresholdPercent).toBe(threshold);
    expect([...form!.nomineeKinds]).toEqual(kinds);
    expect(form!.dossier).toEqual(['to_trinh', 'achievement_reports', 'proposer_minutes']);
  });

  it.each([
    ['2017-09-30', 'nd91-2017@1'],
    ['2020-06-11', 'nd91-2017@1'],
    ['2023-12-31', 'nd91-2017@1'],
    ['2024-01-01', 'nd98-2023@1'],
  ])('on %s the catalogue in force is %s', (date, key) => {
    expect(catalogueKey(catalogueOn(date))).toBe(key);
  });

  it('defaults: 10 working days of public comment, 15 days of appraisal, 3 years of stable escape', () => {
    const rules = defaultRules(AWARDS_ND98_2023, findForm(AWARDS_ND98_2023, 'bang_khen_tinh')!);
    expect(rules).toEqual({ voteThresholdPercent: 80, publicCommentWorkingDays: 10, appraisalDays: 15, stableEscapeYears: 3 });
  });

  const ok: BatchRules = { voteThresholdPercent: 80, publicCommentWorkingDays: 10, appraisalDays: 15, stableEscapeYears: 3 };
  it.each<[string, Partial<BatchRules>, RegExp | null]>([
    ['the defaults', {}, null],
    ['threshold 50%', { voteThresholdPercent: 50 }, null],
    ['threshold 49%', { voteThresholdPercent: 49 }, /Ngưỡng biểu quyết/u],
    ['threshold 100%', { voteThresholdPercent: 100 }, null],
    ['threshold 101%', { voteThresholdPercent: 101 }, /Ngưỡng biểu quyết/u],
    ['public comment 10 working days', { publicCommentWorkingDays: 10 }, null],
    ['public comment 9 working days', { publicCommentWorkingDays: 9 }, /không được ít hơn 10 ngày làm việc/u],
    ['appraisal 30 days (inter-agency consultation)', { appraisalDays: 30 }, null],
    ['appraisal 0 days', { appraisalDays: 0 }, /Thời hạn thẩm định/u],
  ])('rules: %s', (_name, patch, problem) => {
    const problems = validateRules({ ...ok, ...patch });
    if (problem) expect(problems.join(' ')).toMatch(problem);
    else expect(problems).toEqual([]);
  });
});
