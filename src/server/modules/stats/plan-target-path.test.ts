import { describe, expect, it } from 'vitest';
import { PLAN_165_2017_TARGETS } from '../../../domain/stats/target-rule-sets.ts';
import { planTargetPath } from './plan-target-path.ts';

// Kế hoạch 165/KH-UBND, mục I.1.c: −3 points a year; a unit at ≥ 40% −4 points; the path runs to the 2020 round.
describe('the target path of plan 165', () => {
  it.each([
    { situation: 'a province at 22,37% in 2016 falls 3 points a year', start: 22.37, path: [22.37, 19.37, 16.37, 13.37, 10.37] },
    { situation: 'a commune at exactly 40% falls 4 points, then 3 once below 40%', start: 40, path: [40, 36, 33, 30, 27] },
    { situation: 'a commune at 39,99% falls 3 points from the start', start: 39.99, path: [39.99, 36.99, 33.99, 30.99, 27.99] },
    { situation: 'a commune at 48% stays in the 4-point band while ≥ 40%', start: 48, path: [48, 44, 40, 36, 33] },
    { situation: 'a rate rounds to two decimals first (40,004% is 40,00%)', start: 40.004, path: [40, 36, 33, 30, 27] },
    { situation: 'a low rate never goes below 0', start: 5, path: [5, 2, 0, 0, 0] },
  ])('$situation', ({ start, path }) => {
    expect(planTargetPath({ year: 2016, rate: start }, PLAN_165_2017_TARGETS)).toEqual(
      path.map((rate, i) => ({ year: 2016 + i, rate })),
    );
  });

  it('starts from a later first round of the period', () => {
    expect(planTargetPath({ year: 2018, rate: 30 }, PLAN_165_2017_TARGETS)).toEqual([
      { year: 2018, rate: 30 },
      { year: 2019, rate: 27 },
      { year: 2020, rate: 24 },
    ]);
  });

  it('has no path for a round outside the period', () => {
    expect(planTargetPath({ year: 2021, rate: 12.2 }, PLAN_165_2017_TARGETS)).toEqual([]);
    expect(planTargetPath({ year: 2015, rate: 25 }, PLAN_165_2017_TARGETS)).toEqual([]);
  });
});
