import { describe, expect, it } from 'vitest';
import { scoreStableEscape } from './stable-escape-helpers.ts';

// Tiêu chí 5b.3: thoát nghèo ổn định từ 03 năm trở lên và giúp đỡ hộ nghèo khác.
describe('stable_escape_helpers', () => {
  const cases = [
    { situation: 'thoát nghèo 2 năm, có giúp → 0 (chưa đủ 3 năm)', years: 2, helped: 1, points: 0 },
    { situation: 'thoát nghèo 3 năm, có giúp → đủ 25', years: 3, helped: 1, points: 25 },
    { situation: 'thoát nghèo 3 năm, chưa giúp ai → một nửa', years: 3, helped: 0, points: 12.5 },
    { situation: 'thoát nghèo 5 năm, giúp 2 hộ → 25', years: 5, helped: 2, points: 25 },
    { situation: 'đang nghèo (không có năm thoát nghèo) → 0', years: null, helped: 3, points: 0 },
  ];
  it.each(cases)('$situation', ({ years, helped, points }) => {
    const r = scoreStableEscape({ householdName: 'Hộ Hoàng Văn Pấu', latestRoundYear: 2020, stableEscapeYears: years, helpedHouseholds: helped, maxPoints: 25 });
    expect(r.status).toBe('scored');
    expect(r.points).toBe(points);
    expect(r.explanation).toContain('rà soát năm 2020');
  });

  it('is not scored for a household never assessed', () => {
    const r = scoreStableEscape({ householdName: 'Hộ A', latestRoundYear: null, stableEscapeYears: null, helpedHouseholds: 0, maxPoints: 25 });
    expect(r.status).toBe('not_scored');
  });
});
