import { describe, expect, it } from 'vitest';
import { PLAN_165_2017_TARGETS } from '../../stats/target-rule-sets.ts';
import { scoreRateReduction } from './rate-reduction-vs-target.ts';

// Tiêu chí 3.4 (Kế hoạch 165/KH-UBND): giảm tỷ lệ hộ nghèo hằng năm đạt mục tiêu; 25 điểm tối đa.
// Mục tiêu theo mục I.1.c: tỷ lệ năm trước ≥ 40% → giảm ≥ 4 điểm; dưới 40% → giảm ≥ 3 điểm.
const base = { unitCode: '06529', unitName: 'Xã Mẫu Sơn', ruleSet: PLAN_165_2017_TARGETS, maxPoints: 25 };

describe('rate_reduction_vs_target — one year', () => {
  const cases = [
    { situation: '30% → 27%: giảm đúng 3 điểm → đạt, đủ 25', from: 30, to: 27, own: undefined, points: 25, status: 'scored' },
    { situation: '30% → 27,01%: giảm 2,99 → 25 × 2,99 ÷ 3 = 24,92', from: 30, to: 27.01, own: undefined, points: 24.92, status: 'scored' },
    { situation: '30% → 28,5%: giảm 1,5 → một nửa, 12,5', from: 30, to: 28.5, own: undefined, points: 12.5, status: 'scored' },
    { situation: '45% → 41%: tỷ lệ ≥ 40%, giảm 4 → đạt', from: 45, to: 41, own: undefined, points: 25, status: 'scored' },
    { situation: '45% → 42%: tỷ lệ ≥ 40%, giảm 3 của 4 → 18,75', from: 45, to: 42, own: undefined, points: 18.75, status: 'scored' },
    { situation: '30% → 30%: không giảm → 0', from: 30, to: 30, own: undefined, points: 0, status: 'scored' },
    { situation: '30% → 31%: tỷ lệ tăng → 0', from: 30, to: 31, own: undefined, points: 0, status: 'scored' },
    { situation: 'mục tiêu tự đặt 5 điểm: giảm 4 → 20', from: 30, to: 26, own: 5, points: 20, status: 'scored' },
    { situation: 'mục tiêu tự đặt 2 điểm: giảm 2 → đạt, 25', from: 30, to: 28, own: 2, points: 25, status: 'scored' },
  ] as const;
  it.each(cases)('$situation', ({ from, to, own, points, status }) => {
    const r = scoreRateReduction({
      ...base,
      years: [2017],
      rates: new Map([[2016, from], [2017, to]]),
      ownTargets: own === undefined ? new Map() : new Map([[2017, own]]),
    });
    expect(r.status).toBe(status);
    expect(r.points).toBe(points);
    expect(r.version).toBe('rate_reduction_vs_target@1');
    expect(r.explanation).toContain('Năm 2017');
    expect(r.explanation).toContain('plan165-2017@1');
  });

  it('names the rise when the rate went up', () => {
    const r = scoreRateReduction({ ...base, years: [2017], rates: new Map([[2016, 30], [2017, 31]]), ownTargets: new Map() });
    expect(r.explanation).toMatch(/tỷ lệ tăng 1,00 điểm/u);
    expect(r.explanation).toMatch(/tỷ lệ tăng → 0 điểm/u);
  });

  it('gives 0 for a fall short of the target when partial credit is switched off (configurable)', () => {
    const r = scoreRateReduction({ ...base, years: [2017], rates: new Map([[2016, 30], [2017, 28.5]]), ownTargets: new Map(), params: { partialCredit: 'none' } });
    expect(r.points).toBe(0);
    expect(r.inputs.partialCredit).toBe('none');
  });

  it('is not scored when the baseline year has no review, and says which year is missing', () => {
    const r = scoreRateReduction({ ...base, years: [2017], rates: new Map([[2017, 27]]), ownTargets: new Map() });
    expect(r.status).toBe('not_scored');
    expect(r.points).toBe(0);
    expect(r.explanation).toMatch(/chưa có tỷ lệ hộ nghèo năm 2016/u);
  });
});

describe('rate_reduction_vs_target — a round over several years (sơ kết, tổng kết) averages the years', () => {
  it('2017 attained (25) and 2018 half (12,5) → 18,75', () => {
    const r = scoreRateReduction({ ...base, years: [2017, 2018], rates: new Map([[2016, 30], [2017, 27], [2018, 25.5]]), ownTargets: new Map() });
    expect(r.points).toBe(18.75);
    expect(r.explanation).toMatch(/bình quân 2 năm: 18,75\/25 điểm/u);
  });
});
