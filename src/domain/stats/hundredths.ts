// Rates and reductions are compared in whole hundredths of a percentage point. Binary floating point
// cannot hold 32,01 or 29,01 exactly (32.01 - 29.01 = 2.9999999999999964), so a unit that reduced its
// rate by exactly 3,00 points would be judged short of a 3-point target. Integers have no such error.

import { formatNumber, formatPercent } from '../../shared/vi-format.ts';

/**
 * A percentage rounded to two decimals, as an integer count of hundredths: 22.374 → 2237, 19.075 → 1908.
 * Halves round away from zero on the number as written (its shortest decimal form), because
 * 19.075 × 100 is 1907.4999… in binary and Math.round would give 1907 where an officer's table gives 19,08.
 */
export function toHundredths(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`toHundredths: ${value} is not a finite number`);
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  const written = String(magnitude);
  // Exponent notation only appears below 1e-6 or at 1e21 and above, where the third decimal cannot matter.
  if (written.includes('e')) return sign * Math.round(magnitude * 100);
  const [whole = '0', fraction = ''] = written.split('.');
  const digits = `${fraction}000`;
  const truncated = Number(whole) * 100 + Number(digits.slice(0, 2));
  const roundsUp = Number(digits[2]) >= 5;
  return sign * (truncated + (roundsUp ? 1 : 0));
}

/** A percentage between 0 and 100 inclusive (a rate, a threshold, a goal). */
export function isPercent(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/** 2237 → 22.37 (the nearest double, which prints as written). */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Share of `part` in `whole` as a percentage with two decimals, in hundredths: 1 of 8 → 1250 (12,50%). */
export function shareInHundredths(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 10_000) / whole);
}

/** 435 → "4,35" (percentage points, Vietnamese decimal comma). */
export function formatPoints(hundredths: number): string {
  return formatNumber(fromHundredths(hundredths), 2);
}

/** 4120 → "41,20%". */
export function formatRate(hundredths: number): string {
  return formatPercent(fromHundredths(hundredths), 2);
}
