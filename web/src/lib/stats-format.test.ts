import { describe, expect, it } from 'vitest';
import { formatCount, formatPoints, formatReduction, formatRate, formatRatio, mapLayerFor, sumContributions } from './stats-format.ts';

describe('formatRate: rates as the province reports them', () => {
  const cases: [number | null, string][] = [
    [19.07, '19,07%'],
    [11, '11,00%'],
    [0, '0,00%'],
    [null, '—'],
  ];
  for (const [value, expected] of cases) it(`${String(value)} → ${expected}`, () => expect(formatRate(value)).toBe(expected));
});

describe('formatPoints: a change in percentage points, signed', () => {
  const cases: [number, string][] = [
    [-3.3, '−3,30 điểm'],
    [0.5, '+0,50 điểm'],
    [0, '0,00 điểm'],
    [-0.004, '0,00 điểm'],
    [-4, '−4,00 điểm'],
  ];
  for (const [value, expected] of cases) it(`${value} → ${expected}`, () => expect(formatPoints(value)).toBe(expected));
});

describe('formatReduction: how far a rate fell, as attainment reads it', () => {
  const cases: [number, string][] = [
    [4.47, '4,47 điểm'],
    [3, '3,00 điểm'],
    [0, '0,00 điểm'],
    [-0.5, 'tăng 0,50 điểm'],
  ];
  for (const [value, expected] of cases) it(`${value} → ${expected}`, () => expect(formatReduction(value)).toBe(expected));
});

describe('Alkire–Foster figures', () => {
  it('H = 0.11427 reads 11,43%', () => expect(formatRatio(0.11427579)).toBe('11,43%'));
  it('contributions of a unit add up to 100%', () =>
    expect(sumContributions({ water: 16.79, latrine: 18.45, housing_quality: 64.76 })).toBeCloseTo(100, 6));
  it('fractional counts from a partial merge keep one decimal; whole counts have none', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(12.35)).toBe('12,4');
  });
});

describe('mapLayerFor: the boundaries a year is drawn on', () => {
  const cases: { year: number; onToday: boolean; layer: string }[] = [
    { year: 2016, onToday: false, layer: 'districts-2019' },
    { year: 2019, onToday: false, layer: 'districts-2019' },
    { year: 2024, onToday: false, layer: 'districts-2019' },
    { year: 2025, onToday: false, layer: 'communes-2025' },
    { year: 2017, onToday: true, layer: 'communes-2025' },
  ];
  for (const c of cases)
    it(`${c.year}${c.onToday ? ' on the 65 communes' : ''} → ${c.layer}`, () => expect(mapLayerFor(c.year, c.onToday)).toBe(c.layer));
});
