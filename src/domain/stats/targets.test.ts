import { describe, expect, it } from 'vitest';
import { StatsError } from './stats-errors.ts';
import { PLAN_165_2017_TARGETS, validateTargetRuleSet } from './target-rule-sets.ts';
import type { TargetRuleSet } from './target-rule-sets.ts';
import {
  computeGoalProgress,
  describeTargetBands,
  evaluateAttainment,
  evaluateAttainments,
  forecastGoal,
} from './targets.ts';

// Kế hoạch 165/KH-UBND năm 2017, mục I.1.c: tỷ lệ ≥ 40% → giảm ≥ 4 điểm/năm; còn lại giảm 3 điểm/năm.
describe('evaluateAttainment — the 40 % band, on the previous round rounded to two decimals', () => {
  const cases = [
    {
      situation: 'năm trước 39,99% → mức 3 điểm; giảm 3,00 → đạt',
      baselineRate: 39.99,
      rate: 36.99,
      required: 3,
      reduction: 3,
      attained: true,
    },
    {
      situation: 'năm trước 39,99%; giảm 2,99 → không đạt',
      baselineRate: 39.99,
      rate: 37,
      required: 3,
      reduction: 2.99,
      attained: false,
    },
    {
      situation: 'năm trước đúng 40,00% → mức 4 điểm; giảm 3,01 → không đạt',
      baselineRate: 40,
      rate: 36.99,
      required: 4,
      reduction: 3.01,
      attained: false,
    },
    {
      situation: 'năm trước đúng 40,00%; giảm 4,00 → đạt',
      baselineRate: 40,
      rate: 36,
      required: 4,
      reduction: 4,
      attained: true,
    },
    {
      situation: 'năm trước 40,01%; giảm 4,00 → đạt',
      baselineRate: 40.01,
      rate: 36.01,
      required: 4,
      reduction: 4,
      attained: true,
    },
    {
      situation: 'năm trước 40,01%; giảm 3,99 → không đạt',
      baselineRate: 40.01,
      rate: 36.02,
      required: 4,
      reduction: 3.99,
      attained: false,
    },
    {
      situation: 'năm trước 39,994% làm tròn 39,99% → mức 3 điểm',
      baselineRate: 39.994,
      rate: 36.99,
      required: 3,
      reduction: 3,
      attained: true,
    },
    {
      situation: 'năm trước 39,995% làm tròn 40,00% → mức 4 điểm',
      baselineRate: 39.995,
      rate: 36.99,
      required: 4,
      reduction: 3.01,
      attained: false,
    },
  ];
  it.each(cases)('$situation', ({ baselineRate, rate, required, reduction, attained }) => {
    const result = evaluateAttainment({ unit: '06052', year: 2017, baselineRate, rate });
    expect({ required: result.required, reduction: result.reduction, attained: result.attained }).toEqual({
      required,
      reduction,
      attained,
    });
    expect(result.basis).toBe('band');
    expect(result.ruleSet).toBe('plan165-2017@1');
  });
});

describe('evaluateAttainment — the reduction is taken on rates rounded to two decimals', () => {
  const cases = [
    {
      situation: 'tỉnh 2017: 22,374 → 19,074 là 22,37 → 19,07, giảm 3,30 → đạt',
      baselineRate: 22.374,
      rate: 19.074,
      baseline: 22.37,
      roundedRate: 19.07,
      reduction: 3.3,
      attained: true,
    },
    {
      situation: '32,01 → 29,01: đúng 3,00 điểm (số thực nhị phân cho 2,9999999999999964) → đạt',
      baselineRate: 32.01,
      rate: 29.01,
      baseline: 32.01,
      roundedRate: 29.01,
      reduction: 3,
      attained: true,
    },
    {
      situation: '22,375 → 19,38: chênh lệch 2,995 nhưng 22,38 − 19,38 = 3,00 → đạt',
      baselineRate: 22.375,
      rate: 19.38,
      baseline: 22.38,
      roundedRate: 19.38,
      reduction: 3,
      attained: true,
    },
    {
      situation: '22,374 → 19,379: chênh lệch 2,995 nhưng 22,37 − 19,38 = 2,99 → không đạt',
      baselineRate: 22.374,
      rate: 19.379,
      baseline: 22.37,
      roundedRate: 19.38,
      reduction: 2.99,
      attained: false,
    },
    {
      situation: '22,37 → 19,375 (làm tròn 19,38): giảm 2,99 → không đạt',
      baselineRate: 22.37,
      rate: 19.375,
      baseline: 22.37,
      roundedRate: 19.38,
      reduction: 2.99,
      attained: false,
    },
    {
      situation: '22,365 → 19,37: 22,37 − 19,37 = 3,00 → đạt',
      baselineRate: 22.365,
      rate: 19.37,
      baseline: 22.37,
      roundedRate: 19.37,
      reduction: 3,
      attained: true,
    },
    {
      situation: '45,004 → 41,005 (làm tròn 41,01): giảm 3,99 < 4 → không đạt',
      baselineRate: 45.004,
      rate: 41.005,
      baseline: 45,
      roundedRate: 41.01,
      reduction: 3.99,
      attained: false,
    },
    {
      situation: 'tỷ lệ tăng 20,00 → 20,50 → không đạt',
      baselineRate: 20,
      rate: 20.5,
      baseline: 20,
      roundedRate: 20.5,
      reduction: -0.5,
      attained: false,
    },
  ];
  it.each(cases)('$situation', ({ baselineRate, rate, baseline, roundedRate, reduction, attained }) => {
    const result = evaluateAttainment({ unit: '20', year: 2017, baselineRate, rate });
    expect([result.baseline, result.rate, result.reduction, result.attained]).toEqual([
      baseline,
      roundedRate,
      reduction,
      attained,
    ]);
  });
});

describe('evaluateAttainment — a unit’s own target overrides the band', () => {
  const cases = [
    {
      situation: 'tự đặt 5 điểm (chặt hơn mức 4): giảm 4,00 → không đạt',
      baselineRate: 41.2,
      rate: 37.2,
      ownTarget: 5,
      required: 5,
      attained: false,
    },
    {
      situation: 'tự đặt 5 điểm: giảm 5,00 → đạt',
      baselineRate: 41.2,
      rate: 36.2,
      ownTarget: 5,
      required: 5,
      attained: true,
    },
    {
      situation: 'tự đặt 2 điểm (thấp hơn mức 3): giảm 2,00 → đạt',
      baselineRate: 22.37,
      rate: 20.37,
      ownTarget: 2,
      required: 2,
      attained: true,
    },
    {
      situation: 'tự đặt 2,995 điểm, làm tròn 3,00: giảm 2,99 → không đạt',
      baselineRate: 22.37,
      rate: 19.38,
      ownTarget: 2.995,
      required: 3,
      attained: false,
    },
    {
      situation: 'tự đặt 0 điểm (giữ nguyên): không tăng → đạt',
      baselineRate: 5,
      rate: 5,
      ownTarget: 0,
      required: 0,
      attained: true,
    },
  ];
  it.each(cases)('$situation', ({ baselineRate, rate, ownTarget, required, attained }) => {
    const result = evaluateAttainment({ unit: '178', year: 2018, baselineRate, rate, ownTarget });
    expect([result.basis, result.required, result.attained]).toEqual(['ownTarget', required, attained]);
  });
});

describe('evaluateAttainment — explanations in Vietnamese', () => {
  const cases = [
    {
      input: { baselineRate: 41.2, rate: 36.85 },
      explanation: 'Tỷ lệ năm trước 41,20% ≥ 40% → phải giảm ít nhất 4,00 điểm; đã giảm 4,35 điểm → đạt',
    },
    {
      input: { baselineRate: 22.37, rate: 19.38 },
      explanation:
        'Tỷ lệ năm trước 22,37% < 40% → phải giảm ít nhất 3,00 điểm; đã giảm 2,99 điểm → không đạt',
    },
    {
      input: { baselineRate: 20, rate: 20.5 },
      explanation:
        'Tỷ lệ năm trước 20,00% < 40% → phải giảm ít nhất 3,00 điểm; tỷ lệ tăng 0,50 điểm → không đạt',
    },
    {
      input: { baselineRate: 41.2, rate: 37.2, ownTarget: 5 },
      explanation:
        'Tỷ lệ năm trước 41,20%; đơn vị tự đặt mục tiêu (thay cho mức 4,00 điểm theo quy tắc) → phải giảm ít nhất 5,00 điểm; đã giảm 4,00 điểm → không đạt',
    },
  ];
  it.each(cases)('$explanation', ({ input, explanation }) => {
    expect(evaluateAttainment({ unit: '06052', year: 2017, ...input }).explanation).toBe(explanation);
  });
});

describe('evaluateAttainment — a rule set with three bands is data, not code', () => {
  const ruleSet: TargetRuleSet = {
    ...PLAN_165_2017_TARGETS,
    id: 'district-plan-2018',
    version: 2,
    bands: [
      { minBaselineRate: 0, requiredReduction: 3 },
      { minBaselineRate: 40, requiredReduction: 4 },
      { minBaselineRate: 20, requiredReduction: 3.5 },
    ],
  };
  const cases = [
    { baselineRate: 19.99, required: 3, condition: '< 20%' },
    { baselineRate: 20, required: 3.5, condition: '≥ 20% và < 40%' },
    { baselineRate: 39.99, required: 3.5, condition: '≥ 20% và < 40%' },
    { baselineRate: 40, required: 4, condition: '≥ 40%' },
  ];
  it.each(cases)(
    'năm trước $baselineRate% → giảm $required điểm',
    ({ baselineRate, required, condition }) => {
      const result = evaluateAttainment({ unit: '178', year: 2018, baselineRate, rate: 10 }, ruleSet);
      expect(result.required).toBe(required);
      expect(result.ruleSet).toBe('district-plan-2018@2');
      expect(result.explanation).toContain(`${condition} → phải giảm ít nhất`);
    },
  );
});

describe('describeTargetBands — the rule set in words', () => {
  it('reads plan 165 as two lines, highest rates first', () => {
    expect(describeTargetBands()).toEqual([
      'tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm',
      'tỷ lệ năm trước < 40% → giảm ít nhất 3,00 điểm',
    ]);
  });
});

describe('validateTargetRuleSet — refuses rule sets that contradict themselves', () => {
  const cases: { situation: string; ruleSet: TargetRuleSet }[] = [
    {
      situation: 'no band from 0 %',
      ruleSet: { ...PLAN_165_2017_TARGETS, bands: [{ minBaselineRate: 40, requiredReduction: 4 }] },
    },
    {
      situation: 'two bands from the same rate',
      ruleSet: {
        ...PLAN_165_2017_TARGETS,
        bands: [
          { minBaselineRate: 0, requiredReduction: 3 },
          { minBaselineRate: 0, requiredReduction: 4 },
        ],
      },
    },
    {
      situation: 'a negative reduction',
      ruleSet: { ...PLAN_165_2017_TARGETS, bands: [{ minBaselineRate: 0, requiredReduction: -1 }] },
    },
    {
      situation: 'a goal year before the start',
      ruleSet: { ...PLAN_165_2017_TARGETS, periodGoal: { startYear: 2020, goalYear: 2016, rate: 11 } },
    },
    { situation: 'version 0', ruleSet: { ...PLAN_165_2017_TARGETS, version: 0 } },
  ];
  it.each(cases)('$situation', ({ ruleSet }) => {
    expect(() => validateTargetRuleSet(ruleSet)).toThrow(
      expect.objectContaining({ code: 'invalid_rule_set' }),
    );
  });

  it('accepts the default plan 165 rule set', () => {
    expect(() => validateTargetRuleSet(PLAN_165_2017_TARGETS)).not.toThrow();
  });
});

describe('evaluateAttainments — a series of rounds', () => {
  it('judges every unit and year that has the previous year, ordered by unit then year', () => {
    const result = evaluateAttainments([
      { unit: 'Bình Gia', year: 2017, rate: 38.1 },
      { unit: 'Bắc Sơn', year: 2018, rate: 30 },
      { unit: 'Bình Gia', year: 2016, rate: 42.5 },
      { unit: 'Bắc Sơn', year: 2016, rate: 35.2 },
      { unit: 'Bắc Sơn', year: 2017, rate: 32.1, target: 3.5 },
    ]);
    expect(
      result.map((a) => [a.unit, a.year, a.baseline, a.rate, a.required, a.reduction, a.attained]),
    ).toEqual([
      ['Bắc Sơn', 2017, 35.2, 32.1, 3.5, 3.1, false],
      ['Bắc Sơn', 2018, 32.1, 30, 3, 2.1, false],
      ['Bình Gia', 2017, 42.5, 38.1, 4, 4.4, true],
    ]);
  });

  it('skips a year whose previous year is missing: a two-year fall is not a yearly reduction', () => {
    const result = evaluateAttainments([
      { unit: '178', year: 2016, rate: 30 },
      { unit: '178', year: 2018, rate: 22 },
      { unit: '178', year: 2019, rate: 19 },
    ]);
    expect(result.map((a) => a.year)).toEqual([2019]);
  });

  const bad = [
    {
      situation: 'a rate above 100 %',
      observations: [
        { unit: 'a', year: 2016, rate: 20 },
        { unit: 'a', year: 2017, rate: 120 },
      ],
      code: 'invalid_observation',
      index: 1,
    },
    {
      situation: 'a negative rate',
      observations: [{ unit: 'a', year: 2016, rate: -1 }],
      code: 'invalid_observation',
      index: 0,
    },
    {
      situation: 'a year that is not whole',
      observations: [{ unit: 'a', year: 2016.5, rate: 1 }],
      code: 'invalid_observation',
      index: 0,
    },
    {
      situation: 'a negative own target',
      observations: [{ unit: 'a', year: 2016, rate: 1, target: -3 }],
      code: 'invalid_observation',
      index: 0,
    },
    {
      situation: 'the same unit and year twice',
      observations: [
        { unit: 'a', year: 2016, rate: 1 },
        { unit: 'a', year: 2016, rate: 2 },
      ],
      code: 'duplicate_observation',
      index: 1,
    },
  ];
  it.each(bad)('refuses $situation, naming its position', ({ observations, code, index }) => {
    let caught: unknown;
    try {
      evaluateAttainments(observations);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StatsError);
    expect(caught).toMatchObject({ code, index });
  });
});

describe('computeGoalProgress — towards ≈ 11 % by the 2020 review', () => {
  it('counts the points reduced since 2016 against those needed', () => {
    // needed 22,37 − 11,00 = 11,37; reduced 22,37 − 16,50 = 5,87; 5,87 / 11,37 = 51,63 %
    const progress = computeGoalProgress([
      { year: 2017, rate: 19.07 },
      { year: 2016, rate: 22.374 },
      { year: 2018, rate: 16.5 },
      { year: 2015, rate: 25 },
    ]);
    expect(progress).toMatchObject({
      startYear: 2016,
      startRate: 22.37,
      latestYear: 2018,
      latestRate: 16.5,
      neededPoints: 11.37,
      reducedPoints: 5.87,
      progressPercent: 51.63,
      reached: false,
    });
    expect(progress?.explanation).toBe(
      'Năm 2016: 22,37%; năm 2018: 16,50% → đã giảm 5,87 điểm trên 11,37 điểm cần giảm để còn 11,00% vào năm 2020 (51,63%)',
    );
  });

  const cases = [
    { situation: 'đúng 11,00% năm 2020 → đạt', latest: 11, reached: true },
    { situation: '11,01% năm 2020 → chưa đạt', latest: 11.01, reached: false },
    { situation: '11,004% làm tròn 11,00% → đạt', latest: 11.004, reached: true },
  ];
  it.each(cases)('$situation', ({ latest, reached }) => {
    const progress = computeGoalProgress([
      { year: 2016, rate: 22.37 },
      { year: 2020, rate: latest },
    ]);
    expect(progress?.reached).toBe(reached);
  });

  it('reports 100 % for a unit that started at or below the goal', () => {
    const progress = computeGoalProgress([
      { year: 2016, rate: 9.5 },
      { year: 2017, rate: 8 },
    ]);
    expect(progress?.progressPercent).toBe(100);
    expect(progress?.explanation).toBe(
      'Tỷ lệ năm 2016 là 9,50%, không cao hơn mục tiêu 11,00% của năm 2020; năm 2017: 8,00%',
    );
  });

  it('gives null when no round falls in the period', () => {
    expect(computeGoalProgress([{ year: 2022, rate: 12.2 }])).toBeNull();
  });

  it('uses a goal the unit set for itself', () => {
    const progress = computeGoalProgress(
      [
        { year: 2016, rate: 45 },
        { year: 2017, rate: 40 },
      ],
      { startYear: 2016, goalYear: 2020, rate: 25 },
    );
    expect([progress?.neededPoints, progress?.reducedPoints, progress?.progressPercent]).toEqual([20, 5, 25]);
  });
});

describe('forecastGoal — on track from the unit’s own trend', () => {
  it('projects a least-squares line to 2020 (hand-computed)', () => {
    // years 2016–2018, rates 22,37 / 19,07 / 16,50; mean year 2017, mean rate 19,3133…
    // slope = (−1 × 3,0567 + 1 × −2,8133) / 2 = −2,935 points/year, shown as −2,94
    // 2020: 19,3133 − 2,935 × 3 = 10,5083 → 10,51% ≤ 11,00% → đúng tiến độ
    const forecast = forecastGoal([
      { year: 2016, rate: 22.37 },
      { year: 2017, rate: 19.07 },
      { year: 2018, rate: 16.5 },
    ]);
    expect(forecast).toMatchObject({
      status: 'onTrack',
      basis: 'trend',
      projectedRate: 10.51,
      firstYear: 2016,
      lastYear: 2018,
    });
    expect(forecast.trendPerYear).toBe(-2.94);
    expect(forecast.explanation).toBe(
      'Theo xu hướng 2016–2018 (giảm bình quân 2,94 điểm/năm), năm 2020 dự kiến còn 10,51% ≤ 11,00% → đúng tiến độ',
    );
  });

  it('says a slow unit is off track', () => {
    // slope = (−1 × 1,8333 + 1 × −1,6667) / 2 = −1,75; 2020: 28,1667 − 5,25 = 22,92%
    const forecast = forecastGoal([
      { year: 2016, rate: 30 },
      { year: 2017, rate: 28 },
      { year: 2018, rate: 26.5 },
    ]);
    expect(forecast).toMatchObject({ status: 'offTrack', projectedRate: 22.92, trendPerYear: -1.75 });
    expect(forecast.explanation).toContain('22,92% > 11,00% → chậm tiến độ');
  });

  const cases = [
    {
      situation: 'đường xu hướng đúng bằng mục tiêu → đúng tiến độ',
      rates: [17, 15],
      status: 'onTrack',
      projected: 11,
    },
    {
      situation: 'vượt mục tiêu 0,01 điểm → chậm tiến độ',
      rates: [17.01, 15.01],
      status: 'offTrack',
      projected: 11.01,
    },
    { situation: 'giảm nhanh, không xuống dưới 0%', rates: [20, 5], status: 'onTrack', projected: 0 },
  ];
  it.each(cases)('$situation', ({ rates, status, projected }) => {
    const forecast = forecastGoal([
      { year: 2017, rate: rates[0] ?? 0 },
      { year: 2018, rate: rates[1] ?? 0 },
    ]);
    expect([forecast.status, forecast.projectedRate]).toEqual([status, projected]);
  });

  it('uses the goal year’s own figure once it exists', () => {
    const forecast = forecastGoal([
      { year: 2019, rate: 9 },
      { year: 2020, rate: 11.2 },
    ]);
    expect(forecast).toMatchObject({ status: 'offTrack', basis: 'actual', projectedRate: 11.2 });
    expect(forecast.explanation).toBe('Năm 2020 thực tế 11,20% > 11,00% → không đạt mục tiêu giai đoạn');
  });

  it('needs two rounds of the period', () => {
    const forecast = forecastGoal([
      { year: 2015, rate: 25 },
      { year: 2017, rate: 19.07 },
    ]);
    expect(forecast.status).toBe('insufficientData');
    expect(forecast.projectedRate).toBeNull();
    expect(forecast.explanation).toContain('cần tỷ lệ của ít nhất hai năm trong giai đoạn 2016–2020');
  });
});
