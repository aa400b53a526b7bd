import { describe, expect, it } from 'vitest';
import { createUnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { LineageEvent, UnitVersion } from '../../../domain/units/unit-types.ts';
import { placeVillagesOnUnits, type RoundVillage } from './place-villages-on-units.ts';

// On 01/07/2025 Xã A (00001) merges whole into Xã B (00002), which keeps its code; Xã C (00003) is split between
// Xã B and a new Xã D (00004). Villages follow their communes; village 00003-02 was dissolved in the split.
const START = '2016-01-01';
const SPLIT = '2025-07-01';

function unit(code: string, level: UnitVersion['level'], parentCode: string | null, validFrom = START, validTo: string | null = null): UnitVersion {
  const kind = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã', village: 'Thôn' }[level];
  return { code, name: `${kind} ${code}`, level, kind, parentCode, validFrom, validTo, legalBasis: null, isDemo: false };
}

function directory(shares: { b: number | null; d: number | null }) {
  const versions = [
    unit('20', 'province', null),
    unit('00001', 'commune', '20', START, SPLIT),
    unit('00002', 'commune', '20'),
    unit('00003', 'commune', '20', START, SPLIT),
    unit('00004', 'commune', '20', SPLIT),
    unit('00001-01', 'village', '00001', START, SPLIT),
    unit('00001-01', 'village', '00002', SPLIT),
    unit('00002-01', 'village', '00002'),
    unit('00003-01', 'village', '00003', START, SPLIT),
    unit('00003-01', 'village', '00004', SPLIT),
    unit('00003-02', 'village', '00003', START, SPLIT),
  ];
  const event = (kind: LineageEvent['kind'], fromCode: string, toCode: string, share: number | null = null): LineageEvent => ({
    kind,
    effectiveDate: SPLIT,
    legalBasis: 'Nghị quyết thử',
    fromCode,
    toCode,
    share,
    note: null,
  });
  return createUnitDirectory(versions, [
    event('merge_full', '00001', '00002'),
    event('merge_full', '00002', '00002'),
    event('merge_partial', '00003', '00002', shares.b),
    event('merge_partial', '00003', '00004', shares.d),
  ]);
}

const VILLAGES: RoundVillage[] = [
  { code: '00001-01', communeCode: '00001', households: 10 },
  { code: '00002-01', communeCode: '00002', households: 20 },
  { code: '00003-01', communeCode: '00003', households: 30 },
  { code: '00003-02', communeCode: '00003', households: 40 },
];

describe('placing the villages of a 2019 round on the communes of 01/07/2025', () => {
  it.each([
    { situation: 'a village of a commune merged whole goes to the host', village: '00001-01', to: '00002' },
    { situation: 'a village of the host stays', village: '00002-01', to: '00002' },
    { situation: 'a village of a split commune goes whole where its own version says', village: '00003-01', to: '00004' },
  ])('$situation', ({ village, to }) => {
    const { mappings } = placeVillagesOnUnits(directory({ b: null, d: null }), VILLAGES, SPLIT, 'commune');
    expect(mappings.filter((m) => m.from === village)).toEqual([{ from: village, to, kind: 'full' }]);
  });

  it('counts a dissolved village of a split commune by the recorded shares', () => {
    const { mappings, unplaced } = placeVillagesOnUnits(directory({ b: 0.3, d: 0.7 }), VILLAGES, SPLIT, 'commune');
    expect(mappings.filter((m) => m.from === '00003-02')).toEqual([
      { from: '00003-02', to: '00002', kind: 'partial', share: 0.3 },
      { from: '00003-02', to: '00004', kind: 'partial', share: 0.7 },
    ]);
    expect(unplaced).toEqual([]);
  });

  it('reports a dissolved village of a split without shares instead of guessing', () => {
    const { mappings, unplaced } = placeVillagesOnUnits(directory({ b: null, d: null }), VILLAGES, SPLIT, 'commune');
    expect(mappings.some((m) => m.from === '00003-02')).toBe(false);
    expect(unplaced).toEqual([expect.objectContaining({ code: '00003-02', households: 40 })]);
    expect(unplaced[0]!.reason).toMatch(/Thôn không còn trong danh mục ngày 01\/07\/2025; xã 00003 được chia cho nhiều xã mà chưa có tỷ lệ chia/u);
  });

  it('places everything whole on the province', () => {
    const { mappings, unplaced } = placeVillagesOnUnits(directory({ b: null, d: null }), VILLAGES, SPLIT, 'province');
    expect(mappings.every((m) => m.kind === 'full' && m.to === '20')).toBe(true);
    expect(mappings).toHaveLength(4);
    expect(unplaced).toEqual([]);
  });
});
