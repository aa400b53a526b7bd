import { describe, expect, it } from 'vitest';
import { diffFigures, figureValuesFromCounts, sumFigureValues } from './report-figures.ts';

const locBinh = figureValuesFromCounts({
  total: 8,
  poor: 3,
  nearPoor: 1,
  transitions: { escaped: 2, new_poor: 1, relapsed: 1, stayed_poor: 1, escaped_near_poor: 1 },
});
const dinhLap = figureValuesFromCounts({ total: 3, poor: 0, nearPoor: 2, transitions: { new_near_poor: 2 } });

describe('figures of a unit in a round', () => {
  it('counts the categories and computes the rates over all households (DOMAIN.md §3)', () => {
    expect(locBinh).toEqual({
      total: 8,
      poor: 3,
      poorRate: 37.5,
      nearPoor: 1,
      nearPoorRate: 12.5,
      escaped: 2,
      newPoor: 1,
      relapsed: 1,
      escapedNearPoor: 1,
      newNearPoor: 0,
      relapsedNearPoor: 0,
    });
  });

  it('gives a rate of 0 for a unit without households rather than dividing by zero', () => {
    expect(figureValuesFromCounts({ total: 0, poor: 0, nearPoor: 0, transitions: {} }).poorRate).toBe(0);
  });

  it('sums counts and recomputes the rate from the sums, not the mean of the rates', () => {
    const sum = sumFigureValues([locBinh, dinhLap]);
    expect(sum).toMatchObject({ total: 11, poor: 3, nearPoor: 3, escaped: 2, newNearPoor: 2 });
    // 3/11 = 27,27% — the mean of 37,5% and 0% would be 18,75%.
    expect(sum.poorRate).toBe(27.27);
    expect(sum.nearPoorRate).toBe(27.27);
  });
});

describe('changed since approval', () => {
  it('shows nothing when the figures are the same', () => {
    expect(diffFigures(locBinh, { ...locBinh })).toEqual([]);
  });

  it('lists each changed field with the approved and the current value, in vi-VN form', () => {
    const now = figureValuesFromCounts({ total: 8, poor: 4, nearPoor: 0, transitions: { escaped: 1, new_poor: 1, relapsed: 1, stayed_poor: 2, escaped_near_poor: 1 } });
    expect(diffFigures(locBinh, now)).toEqual([
      { field: 'poor', label: 'Số hộ nghèo', approved: 3, current: 4, text: 'Số hộ nghèo: khi phê duyệt 3, hiện nay 4' },
      { field: 'poorRate', label: 'Tỷ lệ hộ nghèo', approved: 37.5, current: 50, text: 'Tỷ lệ hộ nghèo: khi phê duyệt 37,50%, hiện nay 50,00%' },
      { field: 'nearPoor', label: 'Số hộ cận nghèo', approved: 1, current: 0, text: 'Số hộ cận nghèo: khi phê duyệt 1, hiện nay 0' },
      { field: 'nearPoorRate', label: 'Tỷ lệ hộ cận nghèo', approved: 12.5, current: 0, text: 'Tỷ lệ hộ cận nghèo: khi phê duyệt 12,50%, hiện nay 0,00%' },
      { field: 'escaped', label: 'Số hộ thoát nghèo', approved: 2, current: 1, text: 'Số hộ thoát nghèo: khi phê duyệt 2, hiện nay 1' },
    ]);
  });

  it('writes large counts with dot separators', () => {
    const [d] = diffFigures({ ...locBinh, total: 36537 }, { ...locBinh, total: 36538 });
    expect(d?.text).toBe('Tổng số hộ: khi phê duyệt 36.537, hiện nay 36.538');
  });
});
