// Household records of a small review round, shared by the aggregation tests.

import type { RoundHouseholdRecord } from './aggregate-round.ts';

export function household(
  overrides: Partial<RoundHouseholdRecord> & Pick<RoundHouseholdRecord, 'householdId'>,
): RoundHouseholdRecord {
  return {
    unitPath: ['20', '178', '06052', '06052-01'],
    category: 'not_poor',
    transition: null,
    ethnicMinority: false,
    femaleHead: false,
    area: 'rural',
    meritOrSocialProtection: false,
    deprivations: [],
    ...overrides,
  };
}

// Province 20 → district 178 (communes 06052, 06055) and district 179 (commune 06100), with villages.
export const ROUND_2017: RoundHouseholdRecord[] = [
  household({
    householdId: 'h1',
    category: 'poor',
    transition: 'new_poor',
    ethnicMinority: true,
    deprivations: ['water', 'latrine', 'telecom'],
  }),
  household({ householdId: 'h2', category: 'near_poor', femaleHead: true, deprivations: ['water'] }),
  household({
    householdId: 'h3',
    unitPath: ['20', '178', '06052', '06052-02'],
    transition: 'escaped',
    area: 'urban',
    meritOrSocialProtection: true,
  }),
  household({
    householdId: 'h4',
    unitPath: ['20', '178', '06055', '06055-01'],
    category: 'poor',
    transition: 'relapsed',
    ethnicMinority: true,
    femaleHead: true,
    deprivations: ['housing_quality', 'water', 'latrine'],
  }),
  household({
    householdId: 'h5',
    unitPath: ['20', '179', '06100', '06100-01'],
    category: 'middle',
    area: 'urban',
  }),
  household({
    householdId: 'h6',
    unitPath: ['20', '179', '06100', '06100-01'],
    category: 'poor',
    transition: 'new_poor',
    meritOrSocialProtection: true,
    deprivations: ['water'],
  }),
];
