import { describe, expect, it } from 'vitest';
import { computeAlkireFoster } from './alkire-foster.ts';
import type { AlkireFosterInput } from './alkire-foster.ts';
import { StatsError } from './stats-errors.ts';
import { standardById } from '../poverty/select-standard.ts';

// The ten indicators of QĐ 59/2015/QĐ-TTg, and its cut-off of 3, as the poverty domain defines them.
const QD59 = standardById('qd59-2015');
const QD59_INDICATORS = QD59.indicators.map((indicator) => indicator.code);

describe('computeAlkireFoster — hand-computed example (4 indicators, equal weights, k = 2)', () => {
  // h1 deprived in a, b, c → 3 ≥ 2, poor, share 3/4
  // h2 deprived in a, b    → 2 ≥ 2, poor, share 2/4 (exactly k counts as poor)
  // h3 deprived in a       → 1 < 2, not poor: its deprivation in a is censored out
  // h4 deprived in nothing → not poor
  // H  = 2/4 = 0.5;  A = (3/4 + 2/4) / 2 = 0.625;  M0 = 0.5 × 0.625 = 0.3125
  // CH: a = {h1, h2}/4 = 0.5, b = 0.5, c = {h1}/4 = 0.25, d = 0
  // contribution = 1 × CH / (4 × 0.3125) × 100: a = 0.5/1.25 = 40, b = 40, c = 0.25/1.25 = 20, d = 0
  const result = computeAlkireFoster({
    indicators: ['a', 'b', 'c', 'd'],
    k: 2,
    units: [
      { id: 'h1', deprivations: ['a', 'b', 'c'] },
      { id: 'h2', deprivations: ['a', 'b'] },
      { id: 'h3', deprivations: ['a'] },
      { id: 'h4', deprivations: [] },
    ],
  });

  it('gives H, A and M0 = H × A', () => {
    expect(result.H).toBe(0.5);
    expect(result.A).toBe(0.625);
    expect(result.M0).toBe(0.3125);
    expect(result.poorCount).toBe(2);
    expect(result.unitCount).toBe(4);
    expect(result.population).toBe(4);
  });

  it('censors the deprivations of households that are not poor', () => {
    expect(result.censoredHeadcount).toEqual({ a: 0.5, b: 0.5, c: 0.25, d: 0 });
  });

  it('gives contributions that add up to 100', () => {
    expect(result.contribution.a).toBeCloseTo(40, 12);
    expect(result.contribution.b).toBeCloseTo(40, 12);
    expect(result.contribution.c).toBeCloseTo(20, 12);
    expect(result.contribution.d).toBe(0);
    expect(Object.values(result.contribution).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 12);
  });
});

describe('computeAlkireFoster — the Vietnamese rule "thiếu hụt từ 3 chỉ số trở lên" (10 indicators, k = 3)', () => {
  const cases: { situation: string; deprivations: string[]; poor: boolean }[] = [
    {
      situation: 'thiếu hụt 2 chỉ số → chưa nghèo đa chiều',
      deprivations: ['water', 'latrine'],
      poor: false,
    },
    {
      situation: 'thiếu hụt đúng 3 chỉ số → nghèo đa chiều',
      deprivations: ['water', 'latrine', 'telecom'],
      poor: true,
    },
    {
      situation: 'thiếu hụt 4 chỉ số → nghèo đa chiều',
      deprivations: ['water', 'latrine', 'telecom', 'housing_area'],
      poor: true,
    },
  ];
  it('uses the ten indicators and k = 3 of the standard', () => {
    expect([QD59_INDICATORS.length, QD59.deprivationCutoff]).toEqual([10, 3]);
  });
  it.each(cases)('$situation', ({ deprivations, poor }) => {
    const result = computeAlkireFoster({
      indicators: QD59_INDICATORS,
      k: QD59.deprivationCutoff,
      units: [{ id: 'h', deprivations }],
    });
    expect(result.H).toBe(poor ? 1 : 0);
    expect(result.A).toBe(poor ? deprivations.length / 10 : 0);
  });
});

describe('computeAlkireFoster — indicator weights', () => {
  it('uses the given weights, 1 for indicators left out (hand-computed)', () => {
    // weights a = 2, b = 1, c = 1 → Σw = 4, k = 2
    // u1 [a]    → 2, poor, share 2/4;  u2 [b, c] → 2, poor, share 2/4;  u3 [b] → 1;  u4 [c] → 1
    // H = 0.5, A = 0.5, M0 = 0.25; CH a = b = c = 1/4
    // contribution a = 2 × 0.25 / (4 × 0.25) × 100 = 50; b = c = 1 × 0.25 / 1 × 100 = 25
    const result = computeAlkireFoster({
      indicators: ['a', 'b', 'c'],
      indicatorWeights: { a: 2 },
      k: 2,
      units: [
        { id: 'u1', deprivations: ['a'] },
        { id: 'u2', deprivations: ['b', 'c'] },
        { id: 'u3', deprivations: ['b'] },
        { id: 'u4', deprivations: ['c'] },
      ],
    });
    expect([result.H, result.A, result.M0]).toEqual([0.5, 0.5, 0.25]);
    expect(result.censoredHeadcount).toEqual({ a: 0.25, b: 0.25, c: 0.25 });
    expect(result.contribution).toEqual({ a: 50, b: 25, c: 25 });
    expect(result.indicatorWeights).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('counts a unit whose weights add up to k in decimal as poor despite binary rounding', () => {
    // 0.3 + 0.3 + 0.3 is 0.8999999999999999 in binary; the officer set k = 0.9 and means "all three".
    const result = computeAlkireFoster({
      indicators: ['a', 'b', 'c'],
      indicatorWeights: { a: 0.3, b: 0.3, c: 0.3 },
      k: 0.9,
      units: [
        { id: 'all three', deprivations: ['a', 'b', 'c'] },
        { id: 'two', deprivations: ['a', 'b'] },
      ],
    });
    expect(result.poorCount).toBe(1);
    expect(result.H).toBe(0.5);
  });

  it('weights units by their sample weight (hand-computed)', () => {
    // 4 indicators, k = 2. u1 weight 3 [a, b] share 0.5; u2 weight 1 [a, b, c, d] share 1; u3 weight 4 []
    // population 8, poor 4 → H = 0.5; A = (3 × 0.5 + 1 × 1) / 4 = 0.625; M0 = 0.3125
    // CH a = b = 4/8 = 0.5, c = d = 1/8 = 0.125 → contributions 40, 40, 10, 10
    const result = computeAlkireFoster({
      indicators: ['a', 'b', 'c', 'd'],
      k: 2,
      units: [
        { id: 'u1', weight: 3, deprivations: ['a', 'b'] },
        { id: 'u2', weight: 1, deprivations: ['a', 'b', 'c', 'd'] },
        { id: 'u3', weight: 4, deprivations: [] },
      ],
    });
    expect([result.H, result.A, result.M0]).toEqual([0.5, 0.625, 0.3125]);
    expect(result.population).toBe(8);
    expect(result.poorPopulation).toBe(4);
    expect(result.censoredHeadcount).toEqual({ a: 0.5, b: 0.5, c: 0.125, d: 0.125 });
    expect(result.contribution.a).toBeCloseTo(40, 12);
    expect(result.contribution.c).toBeCloseTo(10, 12);
  });
});

describe('computeAlkireFoster — nobody poor', () => {
  it('gives H = A = M0 = 0 and all contributions 0', () => {
    const result = computeAlkireFoster({
      indicators: QD59_INDICATORS,
      k: 3,
      units: [
        { id: 'h1', deprivations: ['water'] },
        { id: 'h2', deprivations: ['water', 'telecom'] },
      ],
    });
    expect([result.H, result.A, result.M0]).toEqual([0, 0, 0]);
    expect(result.censoredHeadcount.water).toBe(0);
    expect(Object.values(result.contribution).every((value) => value === 0)).toBe(true);
  });
});

describe('computeAlkireFoster — refuses input it cannot measure', () => {
  const base: AlkireFosterInput = {
    indicators: ['a', 'b', 'c'],
    k: 2,
    units: [{ id: 'h1', deprivations: ['a'] }],
  };
  const cases: {
    situation: string;
    input: AlkireFosterInput;
    code: string;
    index?: number;
    message: RegExp;
  }[] = [
    {
      situation: 'a deprivation not in the list of indicators',
      input: {
        ...base,
        units: [
          { id: 'h1', deprivations: ['a'] },
          { id: 'h2', deprivations: ['z'] },
        ],
      },
      code: 'unknown_indicator',
      index: 1,
      message: /Hộ "h2": chỉ số thiếu hụt "z" không có trong danh sách chỉ số/u,
    },
    {
      situation: 'an indicator weight of 0',
      input: { ...base, indicatorWeights: { a: 0 } },
      code: 'invalid_weight',
      message: /Trọng số của chỉ số "a" phải là số dương/u,
    },
    {
      situation: 'a negative indicator weight',
      input: { ...base, indicatorWeights: { b: -1 } },
      code: 'invalid_weight',
      message: /phải là số dương/u,
    },
    {
      situation: 'a weight for an indicator not in the list',
      input: { ...base, indicatorWeights: { z: 1 } },
      code: 'unknown_indicator',
      message: /Trọng số cho chỉ số "z"/u,
    },
    {
      situation: 'k = 0',
      input: { ...base, k: 0 },
      code: 'invalid_cutoff',
      message: /Ngưỡng k phải là số dương/u,
    },
    {
      situation: 'no household',
      input: { ...base, units: [] },
      code: 'empty_population',
      message: /Không có hộ nào/u,
    },
    {
      situation: 'no indicator',
      input: { ...base, indicators: [], units: [] },
      code: 'invalid_indicators',
      message: /trống/u,
    },
    {
      situation: 'an indicator listed twice',
      input: { ...base, indicators: ['a', 'a'] },
      code: 'invalid_indicators',
      message: /xuất hiện hai lần/u,
    },
    {
      situation: 'a deprivation written twice',
      input: { ...base, units: [{ id: 'h1', deprivations: ['a', 'a'] }] },
      code: 'invalid_unit',
      index: 0,
      message: /được ghi hai lần/u,
    },
    {
      situation: 'a sample weight of 0',
      input: { ...base, units: [{ id: 'h1', weight: 0, deprivations: [] }] },
      code: 'invalid_weight',
      index: 0,
      message: /trọng số mẫu phải là số dương/u,
    },
    {
      situation: 'the same household twice',
      input: {
        ...base,
        units: [
          { id: 'h1', deprivations: [] },
          { id: 'h1', deprivations: [] },
        ],
      },
      code: 'duplicate_unit',
      index: 1,
      message: /xuất hiện hai lần/u,
    },
  ];
  it.each(cases)('$situation → $code', ({ input, code, index, message }) => {
    const error = captureError(() => computeAlkireFoster(input));
    expect(error).toBeInstanceOf(StatsError);
    expect(error).toMatchObject({ code, index });
    expect((error as StatsError).message).toMatch(message);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
