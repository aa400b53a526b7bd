import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregate-round.ts';
import { ROUND_2017 } from './aggregate-round.fixtures.ts';
import { reaggregateOnUnits } from './reaggregate-on-units.ts';
import type { UnitMapping } from './reaggregate-on-units.ts';

// 2017 figures of the old communes: 06052 (3 households, 1 poor), 06055 (1, 1 poor), 06100 (2, 1 poor).
const old = aggregateRound(ROUND_2017);

describe('reaggregateOnUnits — full merges sum exactly', () => {
  const mappings: UnitMapping[] = [
    { from: '06052', to: '06031', kind: 'full' },
    { from: '06055', to: '06031', kind: 'full' },
    { from: '06100', to: '06112', kind: 'full' },
  ];
  const today = reaggregateOnUnits(old.values(), mappings);

  it('gives the new commune the sum of the old ones (here exactly district 178 of 2017)', () => {
    const merged = today.get('06031');
    const district = old.get('178');
    expect(merged).toMatchObject({
      total: 4,
      poor: 2,
      nearPoor: 1,
      poorRate: 50,
      nearPoorRate: 25,
      transitions: district?.transitions,
      breakdowns: district?.breakdowns,
      deprivations: district?.deprivations,
      estimated: false,
      note: null,
    });
    expect(merged?.sources.map((s) => s.unitCode)).toEqual(['06052', '06055']);
  });

  it('keeps a unit that only changed code as it was', () => {
    expect(today.get('06112')).toMatchObject({ total: 2, poor: 1, poorRate: 50, estimated: false });
  });
});

describe('reaggregateOnUnits — a partial merge with an explicit share is an estimate, and says so', () => {
  const mappings: UnitMapping[] = [
    { from: '06052', to: '06031', kind: 'full' },
    { from: '06100', to: '06031', kind: 'partial', share: 0.4 },
    { from: '06100', to: '06112', kind: 'partial', share: 0.6 },
  ];
  const today = reaggregateOnUnits(old.values(), mappings, { '06100': 'Xã Tô Hiệu' });

  const cases = [
    // 06031 = 06052 (3 households, 1 poor, 1 near-poor) + 40 % of 06100 (2 households, 1 poor)
    //       = 3.8 households, 1.4 poor → 1.4 / 3.8 = 36,84 %; near-poor 1 / 3.8 = 26,32 %
    { unit: '06031', total: 3.8, poor: 1.4, poorRate: 36.84, nearPoorRate: 26.32, share: '40,00%' },
    // 06112 = 60 % of 06100 = 1.2 households, 0.6 poor → 50,00 %
    { unit: '06112', total: 1.2, poor: 0.6, poorRate: 50, nearPoorRate: 0, share: '60,00%' },
  ];
  it.each(cases)(
    '$unit: $total households, $poorRate % poor, flagged estimated',
    ({ unit, total, poor, poorRate, nearPoorRate, share }) => {
      const figures = today.get(unit);
      expect(figures?.total).toBeCloseTo(total, 12);
      expect(figures?.poor).toBeCloseTo(poor, 12);
      expect([figures?.poorRate, figures?.nearPoorRate, figures?.estimated]).toEqual([
        poorRate,
        nearPoorRate,
        true,
      ]);
      expect(figures?.note).toBe(
        `Số liệu ước tính: đơn vị cũ sáp nhập một phần, chưa rõ hộ thuộc thôn nào nên số hộ được tính theo tỷ lệ chia (Xã Tô Hiệu (06100): ${share} số hộ).`,
      );
    },
  );

  it('loses no household: the split parts add back to the old unit', () => {
    const a = today.get('06031');
    const b = today.get('06112');
    expect((a?.total ?? 0) + (b?.total ?? 0)).toBeCloseTo(3 + 2, 12);
    expect((a?.deprivations.water ?? 0) + (b?.deprivations.water ?? 0)).toBeCloseTo(
      (old.get('06052')?.deprivations.water ?? 0) + 1,
      12,
    );
  });

  it('is exact again when the split is given by village (full mappings of village figures)', () => {
    const byVillage = reaggregateOnUnits(old.values(), [
      { from: '06052-01', to: '06031', kind: 'full' },
      { from: '06052-02', to: '06112', kind: 'full' },
    ]);
    expect(byVillage.get('06031')).toMatchObject({
      total: 2,
      poor: 1,
      poorRate: 50,
      estimated: false,
      note: null,
    });
    expect(byVillage.get('06112')).toMatchObject({ total: 1, poor: 0, poorRate: 0, estimated: false });
  });
});

describe('reaggregateOnUnits — an old unit without figures', () => {
  it('is listed as missing in the note', () => {
    const today = reaggregateOnUnits(old.values(), [
      { from: '06052', to: '06031', kind: 'full' },
      { from: '06999', to: '06031', kind: 'full' },
    ]);
    expect(today.get('06031')?.total).toBe(3);
    expect(today.get('06031')?.sources).toContainEqual({
      unitCode: '06999',
      kind: 'full',
      share: 1,
      found: false,
    });
    expect(today.get('06031')?.note).toBe('Thiếu số liệu của đơn vị cũ: 06999.');
  });
});

describe('reaggregateOnUnits — refuses mappings that cannot be applied', () => {
  const cases: { situation: string; mappings: UnitMapping[]; index: number }[] = [
    {
      situation: 'a partial merge without a share',
      mappings: [{ from: '06100', to: '06031', kind: 'partial' } as unknown as UnitMapping],
      index: 0,
    },
    {
      situation: 'a share above 1',
      mappings: [{ from: '06100', to: '06031', kind: 'partial', share: 1.5 }],
      index: 0,
    },
    {
      situation: 'a share of 0',
      mappings: [{ from: '06100', to: '06031', kind: 'partial', share: 0 }],
      index: 0,
    },
    {
      situation: 'shares of one old unit above 100 %',
      mappings: [
        { from: '06100', to: '06031', kind: 'partial', share: 0.5 },
        { from: '06100', to: '06112', kind: 'partial', share: 0.6 },
      ],
      index: 1,
    },
    {
      situation: 'a unit merged in full into two units',
      mappings: [
        { from: '06052', to: '06031', kind: 'full' },
        { from: '06052', to: '06112', kind: 'partial', share: 0.5 },
      ],
      index: 1,
    },
    {
      situation: 'the same pair twice',
      mappings: [
        { from: '06052', to: '06031', kind: 'full' },
        { from: '06052', to: '06031', kind: 'full' },
      ],
      index: 1,
    },
  ];
  it.each(cases)('$situation', ({ mappings, index }) => {
    expect(() => reaggregateOnUnits(old.values(), mappings)).toThrow(
      expect.objectContaining({ code: 'invalid_mapping', index }),
    );
  });
});
