import { describe, expect, it } from 'vitest';
import { createUnitDirectory } from '../../../domain/units/unit-directory.ts';
import { generateDemoVillages } from '../../reference/demo-villages.ts';
import { loadLangSonReference } from '../../reference/lang-son-units.ts';
import { countForPercent, LANG_SON_DEMO_TARGETS } from './calibration-targets.ts';
import { FULL_SCALE_DEMO_HOUSEHOLDS, layoutDemoRegistry } from './generate-demo-registry.ts';
import { allocateLargestRemainder, solveShift } from './plan-commune-rates.ts';

const reference = loadLangSonReference();
const directory = createUnitDirectory(
  [...reference.versions, ...generateDemoVillages(reference)],
  reference.events,
);
// The whole province at full scale, on the 226 communes of the 2019 structure.
const layout = layoutDemoRegistry(directory, {
  households: FULL_SCALE_DEMO_HOUSEHOLDS,
  seed: 2017,
  today: '2026-10-01',
});
const rate = (round: number, commune: number, kind: 'poor' | 'nearPoor' = 'poor') => {
  const quota = layout.quotas[round];
  const n = quota?.households[commune] ?? 0;
  return n === 0 ? 0 : ((quota?.[kind][commune] ?? 0) / n) * 100;
};
const communeCount = layout.communes.length;
const communeIndexes = [...Array(communeCount).keys()];

describe('dealing whole households to communes', () => {
  it.each([
    { expected: [1.5, 1.5, 1.0], caps: [10, 10, 10], total: 4, result: [2, 1, 1] },
    { expected: [2.9, 0.1], caps: [2, 5], total: 3, result: [2, 1] },
    { expected: [0.5, 0.5, 0.5, 0.5], caps: [1, 1, 1, 1], total: 2, result: [1, 1, 0, 0] },
    { expected: [3, 0], caps: [3, 3], total: 3, result: [3, 0] },
  ])(
    '$expected within $caps → $result (sum exactly $total, never above a cap)',
    ({ expected, caps, total, result }) => {
      expect([...allocateLargestRemainder(expected, caps, total)]).toEqual(result);
    },
  );

  it('refuses a total the caps cannot hold', () => {
    expect(() => allocateLargestRemainder([1, 1], [1, 1], 3)).toThrow(/Không chia được/u);
  });

  it('finds the common shift that brings the weighted rate to the target', () => {
    const shift = solveShift([0, 0], [100, 100], 100);
    expect(shift).toBeCloseTo(0, 6);
    const skewed = solveShift([-2, 1], [300, 100], 80);
    const sum = 300 / (1 + Math.exp(-(-2 + skewed))) + 100 / (1 + Math.exp(-(1 + skewed)));
    expect(sum).toBeCloseTo(80, 6);
  });
});

describe('commune quotas at full scale (≈ 190,000 households, 2019 structure)', () => {
  it('hit every round’s published or planned province figure exactly', () => {
    layout.quotas.forEach((quota, round) => {
      const target = LANG_SON_DEMO_TARGETS[round];
      const total = quota.households.reduce((a, b) => a + b, 0);
      expect(quota.poor.reduce((a, b) => a + b, 0)).toBe(countForPercent(target?.poorPercent ?? 0, total));
      expect(quota.nearPoor.reduce((a, b) => a + b, 0)).toBe(
        countForPercent(target?.nearPoorPercent ?? 0, total),
      );
      communeIndexes.forEach((c) => {
        const used = (quota.poor[c] ?? 0) + (quota.nearPoor[c] ?? 0) + (quota.middle[c] ?? 0);
        expect(used).toBeLessThanOrEqual(quota.households[c] ?? 0);
      });
    });
  });

  it('put several communes at or above 40 % in 2016, and wards between 1 and 5 %', () => {
    const highest = communeIndexes.filter((c) => rate(0, c) >= 40);
    expect(highest.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...communeIndexes.map((c) => rate(0, c)))).toBeLessThanOrEqual(65);
    const wards = communeIndexes.filter((c) => layout.communes[c]?.kind === 'Phường');
    expect(wards.length).toBe(5);
    for (const c of wards) {
      expect(rate(0, c)).toBeGreaterThanOrEqual(1);
      expect(rate(0, c)).toBeLessThanOrEqual(5);
    }
  });

  it('take 3–6 points a year off most poor communes, and leave some short of their target', () => {
    // 2016 → 2017: communes at ≥ 40 % must reduce by 4 points, the others by 3 (plan 165/KH-UBND).
    const poorest = communeIndexes.filter((c) => rate(0, c) >= 40);
    const reductions = poorest.map((c) => rate(0, c) - rate(1, c));
    const inBand = reductions.filter((r) => r >= 3 && r <= 9);
    expect(inBand.length / reductions.length).toBeGreaterThan(0.7);
    const required = (c: number) => (rate(0, c) >= 40 ? 4 : 3);
    const missed = communeIndexes.filter((c) => rate(0, c) >= 15 && rate(0, c) - rate(1, c) < required(c));
    expect(missed.length).toBeGreaterThan(0);
    const met = communeIndexes.filter((c) => rate(0, c) >= 15 && rate(0, c) - rate(1, c) >= required(c));
    expect(met.length).toBeGreaterThan(missed.length);
  });

  it('keep near-poor households where the poor are: poorer communes have more of them', () => {
    const byRate = [...communeIndexes].sort((a, b) => rate(1, a) - rate(1, b));
    const lowest = byRate.slice(0, 50).map((c) => rate(1, c, 'nearPoor'));
    const highest = byRate.slice(-50).map((c) => rate(1, c, 'nearPoor'));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(highest)).toBeGreaterThan(mean(lowest));
  });
});
