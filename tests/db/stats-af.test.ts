import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardForReviewYear } from '../../src/domain/poverty/index.ts';
import { computeAlkireFoster } from '../../src/domain/stats/alkire-foster.ts';
import type { AfResponse } from '../../src/shared/schemas/stats.schema.ts';
import {
  assessHouseholds,
  createRound,
  createStatsFixture,
  drawHouseholds,
  principal,
  villagesOfCommune,
  type StatsFixture,
} from './stats-factories.ts';

// The Alkire–Foster view of a unit (DOMAIN.md §5) in the 2023 round (NĐ 07/2021, 12 indicators, k = 3): H, A,
// M0 = H × A, each indicator's contribution (adding up to 100%), and the decomposition by units, ethnicity and area
// whose population-weighted M0 is the unit's own. Other weights and cut-offs are computed on request.

const YEAR = 2023;
const indicators = standardForReviewYear(YEAR).indicators.map((i) => i.code);
const province = principal('poverty_office', '20');
const DISTRICT_FREE_COMMUNES = ['06529', '06001', '05977'];
let fx: StatsFixture;

const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);
const weightedM0 = (groups: AfResponse['decomposition']['units']) => sum(groups.map((g) => g.populationShare * g.M0));

beforeAll(async () => {
  fx = await createStatsFixture();
  const roundId = await createRound(fx, YEAR);
  const dir = await fx.directory();
  const date = `${YEAR}-12-31`;
  const villages = DISTRICT_FREE_COMMUNES.flatMap((c) => villagesOfCommune(dir, c, date, 5));
  await assessHouseholds(fx, roundId, drawHouseholds(villages, 10, indicators, 7));
});
afterAll(async () => fx.close());

describe.each([
  { unit: 'the province', code: '20' },
  { unit: 'a commune', code: '06529' },
])('Alkire–Foster figures of $unit', ({ code }) => {
  it('has M0 = H × A and contributions that add up to 100%', async () => {
    const af = await fx.stats.alkireFoster(province, { year: YEAR, unitCode: code });
    expect(af.source).toBe('stored');
    expect(af.indicators).toHaveLength(12);
    expect(af.H).toBeGreaterThan(0);
    expect(af.M0).toBeCloseTo(af.H * af.A, 12);
    expect(sum(Object.values(af.contribution))).toBeCloseTo(100, 9);
  });

  it('decomposes by units, ethnicity and area into groups whose population-weighted M0 is the total', async () => {
    const af = await fx.stats.alkireFoster(province, { year: YEAR, unitCode: code });
    for (const groups of [af.decomposition.units, af.decomposition.ethnicMinority, af.decomposition.area]) {
      expect(groups.length).toBeGreaterThan(1);
      expect(sum(groups.map((g) => g.households))).toBe(af.households);
      expect(weightedM0(groups)).toBeCloseTo(af.M0, 12);
      expect(sum(groups.map((g) => g.contributionToM0))).toBeCloseTo(100, 9);
    }
    expect(af.decomposition.ethnicMinority.map((g) => g.label)).toEqual(['Hộ dân tộc thiểu số', 'Hộ không phải dân tộc thiểu số']);
    expect(af.decomposition.area.map((g) => g.label)).toEqual(['Nông thôn', 'Thành thị']);
  });

  it('gives the same figures when computed on request from the households (weights of 1 written out)', async () => {
    const stored = await fx.stats.alkireFoster(province, { year: YEAR, unitCode: code });
    const computed = await fx.stats.alkireFoster(province, {
      year: YEAR,
      unitCode: code,
      k: 3,
      weights: Object.fromEntries(indicators.map((i) => [i, 1])),
    });
    expect(computed.source).toBe('computed');
    for (const key of ['H', 'A', 'M0'] as const) expect(computed[key]).toBeCloseTo(stored[key], 12);
    for (const i of indicators) expect(computed.contribution[i]).toBeCloseTo(stored.contribution[i]!, 9);
    for (const part of ['units', 'ethnicMinority', 'area'] as const) {
      expect(computed.decomposition[part].map((g) => [g.group, g.households, g.poorHouseholds])).toEqual(
        stored.decomposition[part].map((g) => [g.group, g.households, g.poorHouseholds]),
      );
    }
  });
});

describe('Alkire–Foster figures with other parameters', () => {
  it('weights the indicators and applies the cut-off as asked', async () => {
    const weights = { health_insurance: 2, water: 3 };
    const af = await fx.stats.alkireFoster(province, { year: YEAR, unitCode: '06001', k: 4, weights });
    const rows = await fx.testDb.database.query<{ id: string; deprivations: string[] }>(
      "select household_id as id, deprivations from assessments where is_current and commune_code = '06001'",
    );
    const expected = computeAlkireFoster({ units: rows, indicators, k: 4, indicatorWeights: weights });
    expect(af).toMatchObject({ source: 'computed', k: 4, households: rows.length, poorHouseholds: expected.poorCount });
    expect(af.weights.water).toBe(3);
    expect(af.M0).toBeCloseTo(expected.M0, 12);
    expect(sum(Object.values(af.contribution))).toBeCloseTo(100, 9);
    expect(weightedM0(af.decomposition.units)).toBeCloseTo(af.M0, 12);
  });

  it('refuses a weight for an indicator the standard does not have, in Vietnamese', async () => {
    await expect(
      fx.stats.alkireFoster(province, { year: YEAR, unitCode: '06001', weights: { nha_o: 2 } }),
    ).rejects.toMatchObject({ code: 'request.invalid', message: expect.stringMatching(/chỉ số "nha_o".*không có trong danh sách/u) });
  });
});
