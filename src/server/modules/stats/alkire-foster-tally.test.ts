import { describe, expect, it } from 'vitest';
import { computeAlkireFoster } from '../../../domain/stats/alkire-foster.ts';
import { mulberry32 } from '../../../seed/reference/demo-villages.ts';
import {
  addAfTally,
  countAfHousehold,
  decomposeTallies,
  emptyUnitAfTally,
  measuresFromTally,
  subgroupsOf,
  type UnitAfTally,
} from './alkire-foster-tally.ts';

const INDICATORS = ['health_access', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area', 'water', 'latrine', 'telecom', 'information_assets'];

function draw(n: number, seed: number) {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `h${i}`,
    deprivations: INDICATORS.filter(() => random() < 0.3),
    ethnicMinority: random() < 0.6,
    area: (random() < 0.25 ? 'urban' : 'rural') as 'rural' | 'urban',
  }));
}

function tallyOf(households: ReturnType<typeof draw>): UnitAfTally {
  const tally = emptyUnitAfTally();
  for (const h of households) countAfHousehold(tally, h.deprivations, 3, subgroupsOf(h));
  return tally;
}

describe('Alkire–Foster counts kept per unit (k = 3, equal weights)', () => {
  it.each([
    { situation: 'deprived in 2 indicators: not poor', deprivations: ['water', 'latrine'], poor: 0 },
    { situation: 'deprived in 3 indicators: poor (QĐ 59/2015: "từ 3 chỉ số trở lên")', deprivations: ['water', 'latrine', 'telecom'], poor: 1 },
  ])('a household $situation', ({ deprivations, poor }) => {
    const tally = emptyUnitAfTally();
    countAfHousehold(tally, deprivations, 3, ['notEthnicMinority', 'rural']);
    expect(tally).toMatchObject({ households: 1, poor, deprivationSum: poor * deprivations.length });
  });

  it('gives the measures computeAlkireFoster gives from the household list', () => {
    const households = draw(500, 17);
    const expected = computeAlkireFoster({ units: households, indicators: INDICATORS, k: 3 });
    const m = measuresFromTally(tallyOf(households), INDICATORS);
    expect(m.H).toBeCloseTo(expected.H, 14);
    expect(m.A).toBeCloseTo(expected.A, 14);
    expect(m.M0).toBeCloseTo(expected.M0, 14);
    for (const code of INDICATORS) {
      expect(m.censoredHeadcount[code]).toBeCloseTo(expected.censoredHeadcount[code]!, 14);
      expect(m.contribution[code]).toBeCloseTo(expected.contribution[code]!, 10);
    }
  });

  it('adds up across pages: two halves counted apart equal the whole', () => {
    const households = draw(301, 5);
    const whole = tallyOf(households);
    const halves = tallyOf(households.slice(0, 150));
    addAfTally(halves, tallyOf(households.slice(150)));
    expect(halves).toEqual(whole);
  });

  it('decomposes by subgroup so that the population-weighted M0 is the total', () => {
    const tally = tallyOf(draw(400, 9));
    const total = measuresFromTally(tally, INDICATORS).M0;
    for (const pair of [['ethnicMinority', 'notEthnicMinority'], ['rural', 'urban']] as const) {
      const groups = decomposeTallies(tally, pair.map((g) => ({ group: g, label: g, tally: tally.groups[g] })), INDICATORS);
      expect(groups.reduce((s, g) => s + g.populationShare * g.M0, 0)).toBeCloseTo(total, 14);
      expect(groups.reduce((s, g) => s + g.contributionToM0, 0)).toBeCloseTo(100, 10);
    }
  });

  it('has all measures at 0 for a unit without households', () => {
    const m = measuresFromTally(emptyUnitAfTally(), INDICATORS);
    expect([m.H, m.A, m.M0, m.contribution.water]).toEqual([0, 0, 0, 0]);
  });
});
