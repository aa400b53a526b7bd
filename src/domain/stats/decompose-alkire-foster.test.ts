import { describe, expect, it } from 'vitest';
import { decomposeAlkireFoster } from './decompose-alkire-foster.ts';
import type { GroupedAlkireFosterUnit } from './decompose-alkire-foster.ts';

describe('decomposeAlkireFoster — hand-computed example', () => {
  // Same four households as the alkire-foster example (total M0 = 0.3125), split in two groups:
  // "Bình Gia": h1 [a, b, c] poor 3/4, h3 [a] not poor → H 0.5, A 0.75, M0 0.375
  // "Bắc Sơn":  h2 [a, b] poor 2/4,    h4 []  not poor → H 0.5, A 0.5,  M0 0.25
  // population shares 0.5 each: 0.5 × 0.375 + 0.5 × 0.25 = 0.3125 = total M0
  // contribution to M0: Bình Gia 0.1875 / 0.3125 = 60 %, Bắc Sơn 0.125 / 0.3125 = 40 %
  const result = decomposeAlkireFoster({
    indicators: ['a', 'b', 'c', 'd'],
    k: 2,
    units: [
      { id: 'h1', group: 'Bình Gia', deprivations: ['a', 'b', 'c'] },
      { id: 'h2', group: 'Bắc Sơn', deprivations: ['a', 'b'] },
      { id: 'h3', group: 'Bình Gia', deprivations: ['a'] },
      { id: 'h4', group: 'Bắc Sơn', deprivations: [] },
    ],
  });

  it('lists the groups in Vietnamese order (Bắc Sơn before Bình Gia)', () => {
    expect(result.groups.map((g) => g.group)).toEqual(['Bắc Sơn', 'Bình Gia']);
  });

  it('gives each group its own H, A, M0 and share of the population', () => {
    expect(result.groups.map((g) => [g.group, g.populationShare, g.H, g.A, g.M0])).toEqual([
      ['Bắc Sơn', 0.5, 0.5, 0.5, 0.25],
      ['Bình Gia', 0.5, 0.5, 0.75, 0.375],
    ]);
  });

  it('gives contributions to M0 of 40 % and 60 %', () => {
    expect(result.groups[0]?.contributionToM0).toBeCloseTo(40, 12);
    expect(result.groups[1]?.contributionToM0).toBeCloseTo(60, 12);
  });

  it('adds up to the total: Σ populationShare × M0_g = M0', () => {
    expect(result.total.M0).toBe(0.3125);
    expect(result.groups.reduce((sum, g) => sum + g.populationShare * g.M0, 0)).toBe(0.3125);
  });
});

describe('decomposeAlkireFoster — sums hold for uneven groups and sample weights', () => {
  // 60 households over three communes and 10 indicators, deprivations spread by a fixed pattern.
  const indicators = ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9'];
  const units: GroupedAlkireFosterUnit[] = Array.from({ length: 60 }, (_, n) => ({
    id: `h${n}`,
    group: ['06052', '06055', '06058'][n % 3] ?? '06052',
    weight: 1 + (n % 4) * 0.5,
    deprivations: indicators.filter((_, j) => (n * 7 + j * 3) % 11 < 2 + (n % 5)),
  }));

  const cases = [
    { situation: 'equal weights, k = 3', k: 3, indicatorWeights: undefined },
    { situation: 'k = 5', k: 5, indicatorWeights: undefined },
    { situation: 'unequal weights, k = 3', k: 3, indicatorWeights: { i0: 2, i1: 0.5, i7: 3 } },
  ];
  it.each(cases)('$situation', ({ k, indicatorWeights }) => {
    const result = decomposeAlkireFoster({ indicators, k, units, indicatorWeights });
    expect(result.total.M0).toBeGreaterThan(0);
    expect(result.groups).toHaveLength(3);
    expect(result.groups.reduce((sum, g) => sum + g.populationShare, 0)).toBeCloseTo(1, 12);
    expect(result.groups.reduce((sum, g) => sum + g.populationShare * g.M0, 0)).toBeCloseTo(
      result.total.M0,
      12,
    );
    expect(result.groups.reduce((sum, g) => sum + g.contributionToM0, 0)).toBeCloseTo(100, 10);
    expect(Object.values(result.total.contribution).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 10);
  });
});

describe('decomposeAlkireFoster — refuses', () => {
  it('a household without a group, naming its position', () => {
    expect(() =>
      decomposeAlkireFoster({ indicators: ['a'], k: 1, units: [{ id: 'h1', group: '', deprivations: [] }] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_unit', index: 0 }));
  });
});
