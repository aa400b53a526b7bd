import { describe, expect, it } from 'vitest';
import { householdTypeMismatch } from './participant-types.ts';

// Mục III.5: a) hộ không phải hộ nghèo; b) hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo.
describe('householdTypeMismatch', () => {
  const cases = [
    { situation: 'hộ nghèo đăng ký nhóm 5b', type: 'household_poor', category: 'poor', years: null, ok: true },
    { situation: 'hộ cận nghèo đăng ký nhóm 5b', type: 'household_poor', category: 'near_poor', years: null, ok: true },
    { situation: 'hộ đã thoát nghèo 3 năm đăng ký nhóm 5b', type: 'household_poor', category: 'not_poor', years: 3, ok: true },
    { situation: 'hộ chưa từng nghèo đăng ký nhóm 5b', type: 'household_poor', category: 'not_poor', years: null, ok: false },
    { situation: 'hộ không nghèo đăng ký nhóm 5a', type: 'household_non_poor', category: 'middle', years: null, ok: true },
    { situation: 'hộ nghèo đăng ký nhóm 5a', type: 'household_non_poor', category: 'poor', years: null, ok: false },
    { situation: 'hộ chưa rà soát', type: 'household_poor', category: null, years: null, ok: false },
  ] as const;
  it.each(cases)('$situation → $ok', ({ type, category, years, ok }) => {
    expect(householdTypeMismatch(type, { category, stableEscapeYears: years }) === null).toBe(ok);
  });
});
