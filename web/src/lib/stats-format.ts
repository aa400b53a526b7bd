// How statistics read in Vietnamese: rates with two decimals and a comma ("19,07%"), changes in points with a true
// minus sign, Alkire–Foster ratios as percentages, and withheld public cells as a dash.
import { formatNumber, formatPercent } from '../../../src/shared/vi-format.ts';

/** 19.07 → "19,07%"; null (withheld or not computable) → "—". */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatPercent(value);
}

/** A change in percentage points: −3.3 → "−3,30 điểm", 0.5 → "+0,50 điểm", 0 → "0,00 điểm". */
export function formatPoints(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(rounded), 2)} điểm`;
}

/** Points a rate fell by, as the plan counts them: 4.47 → "4,47 điểm"; a rise −0.5 → "tăng 0,50 điểm". */
export function formatReduction(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return rounded < 0 ? `tăng ${formatNumber(-rounded, 2)} điểm` : `${formatNumber(rounded, 2)} điểm`;
}

/** A ratio 0–1 (H, A, a censored headcount) as a percentage: 0.11427 → "11,43%". */
export function formatRatio(value: number): string {
  return formatPercent(value * 100);
}

/** Household counts are whole, except figures re-shown by share of a partial merge: those keep one decimal. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? formatNumber(value) : formatNumber(value, 1);
}

/** The sum of indicator contributions to M0, in percent (100 when M0 > 0, up to rounding). */
export function sumContributions(contribution: Record<string, number>): number {
  return Object.values(contribution).reduce((s, v) => s + v, 0);
}

export type MapLayer = 'districts-2019' | 'communes-2025';

/**
 * Which boundaries a year is drawn on: the 65 communes of 2025 for rounds on today's units (2025 on) or when the
 * figures are re-shown on them; otherwise the 11 districts (the units of 2016–2024; no commune layer of that time is
 * licensed for publication).
 */
export function mapLayerFor(year: number, onTodaysCommunes: boolean): MapLayer {
  return onTodaysCommunes || year >= 2025 ? 'communes-2025' : 'districts-2019';
}
