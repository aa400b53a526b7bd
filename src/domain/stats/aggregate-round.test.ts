import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregate-round.ts';
import type { RoundHouseholdRecord } from './aggregate-round.ts';
import { household, ROUND_2017 } from './aggregate-round.fixtures.ts';

describe('aggregateRound — one pass gives every unit on the households’ paths', () => {
  const units = aggregateRound(ROUND_2017);

  it('creates each unit once, with its level and parent', () => {
    expect([...units.values()].map((u) => [u.unitCode, u.level, u.parentCode])).toEqual([
      ['20', 0, null],
      ['178', 1, '20'],
      ['06052', 2, '178'],
      ['06052-01', 3, '06052'],
      ['06052-02', 3, '06052'],
      ['06055', 2, '178'],
      ['06055-01', 3, '06055'],
      ['179', 1, '20'],
      ['06100', 2, '179'],
      ['06100-01', 3, '06100'],
    ]);
  });

  // Rate = poor ÷ ALL households of the unit (middle and not-poor households count in the denominator).
  const cases = [
    { unit: '06052', total: 3, poor: 1, nearPoor: 1, poorRate: 33.33, nearPoorRate: 33.33 },
    { unit: '06052-01', total: 2, poor: 1, nearPoor: 1, poorRate: 50, nearPoorRate: 50 },
    { unit: '06055', total: 1, poor: 1, nearPoor: 0, poorRate: 100, nearPoorRate: 0 },
    { unit: '178', total: 4, poor: 2, nearPoor: 1, poorRate: 50, nearPoorRate: 25 },
    { unit: '179', total: 2, poor: 1, nearPoor: 0, poorRate: 50, nearPoorRate: 0 },
    { unit: '20', total: 6, poor: 3, nearPoor: 1, poorRate: 50, nearPoorRate: 16.67 },
  ];
  it.each(cases)(
    '$unit: $poor poor and $nearPoor near-poor of $total → $poorRate % / $nearPoorRate %',
    ({ unit, ...expected }) => {
      const figures = units.get(unit);
      expect(figures).toMatchObject(expected);
    },
  );

  it('counts transitions by code', () => {
    expect(units.get('06052')?.transitions).toEqual({ new_poor: 1, escaped: 1 });
    expect(units.get('20')?.transitions).toEqual({ new_poor: 2, escaped: 1, relapsed: 1 });
  });

  it('breaks households down by ethnic minority, female head, rural/urban and merit or social protection', () => {
    expect(units.get('06052')?.breakdowns).toEqual({
      ethnicMinority: { total: 1, poor: 1, nearPoor: 0 },
      femaleHead: { total: 1, poor: 0, nearPoor: 1 },
      rural: { total: 2, poor: 1, nearPoor: 1 },
      urban: { total: 1, poor: 0, nearPoor: 0 },
      meritOrSocialProtection: { total: 1, poor: 0, nearPoor: 0 },
    });
    expect(units.get('20')?.breakdowns.ethnicMinority).toEqual({ total: 2, poor: 2, nearPoor: 0 });
    expect(units.get('20')?.breakdowns.urban).toEqual({ total: 2, poor: 0, nearPoor: 0 });
  });

  it('counts the households deprived in each indicator', () => {
    expect(units.get('06052')?.deprivations).toEqual({ water: 2, latrine: 1, telecom: 1 });
    expect(units.get('20')?.deprivations).toEqual({ water: 4, latrine: 2, telecom: 1, housing_quality: 1 });
  });
});

describe('aggregateRound — rates in percent with two decimals', () => {
  const cases = [
    { poor: 1, total: 3, poorRate: 33.33 },
    { poor: 2, total: 3, poorRate: 66.67 },
    { poor: 1, total: 8, poorRate: 12.5 },
    { poor: 1, total: 16, poorRate: 6.25 },
    { poor: 1, total: 20_000, poorRate: 0.01 }, // 0,005 % — a half rounds up
    { poor: 1, total: 20_001, poorRate: 0 }, // 0,00499… % rounds down
    { poor: 0, total: 5, poorRate: 0 },
    { poor: 5, total: 5, poorRate: 100 },
  ];
  it.each(cases)('$poor poor of $total → $poorRate %', ({ poor, total, poorRate }) => {
    const round = Array.from({ length: total }, (_, n) =>
      household({ householdId: `h${n}`, unitPath: ['20'], category: n < poor ? 'poor' : 'not_poor' }),
    );
    expect(aggregateRound(round).get('20')?.poorRate).toBe(poorRate);
  });
});

describe('aggregateRound — refuses records it cannot count', () => {
  const cases = [
    {
      situation: 'the same household twice',
      round: [household({ householdId: 'h1' }), household({ householdId: 'h1' })],
      code: 'duplicate_household',
      index: 1,
    },
    {
      situation: 'a commune under two districts',
      round: [
        household({ householdId: 'h1' }),
        household({ householdId: 'h2', unitPath: ['20', '179', '06052'] }),
      ],
      code: 'inconsistent_unit_path',
      index: 1,
    },
    {
      situation: 'no unit',
      round: [household({ householdId: 'h1', unitPath: [] })],
      code: 'invalid_household',
      index: 0,
    },
    {
      situation: 'a unit twice on the path',
      round: [household({ householdId: 'h1', unitPath: ['20', '20'] })],
      code: 'invalid_household',
      index: 0,
    },
    {
      situation: 'a deprivation written twice',
      round: [household({ householdId: 'h1', deprivations: ['water', 'water'] })],
      code: 'invalid_household',
      index: 0,
    },
    {
      situation: 'an unknown category',
      round: [
        household({ householdId: 'h1', category: 'rich' as unknown as RoundHouseholdRecord['category'] }),
      ],
      code: 'invalid_household',
      index: 0,
    },
    {
      situation: 'an unknown transition code',
      round: [
        household({
          householdId: 'h1',
          transition: 'moved' as unknown as RoundHouseholdRecord['transition'],
        }),
      ],
      code: 'invalid_household',
      index: 0,
    },
    {
      situation: 'an unknown area',
      round: [household({ householdId: 'h1', area: 'mountain' as unknown as RoundHouseholdRecord['area'] })],
      code: 'invalid_household',
      index: 0,
    },
  ];
  it.each(cases)('$situation → $code', ({ round, code, index }) => {
    expect(() => aggregateRound(round)).toThrow(expect.objectContaining({ code, index }));
  });

  it('names the household in Vietnamese', () => {
    expect(() =>
      aggregateRound([household({ householdId: 'h1' }), household({ householdId: 'h1' })]),
    ).toThrow('Hộ "h1" xuất hiện hai lần trong kỳ rà soát.');
  });
});
