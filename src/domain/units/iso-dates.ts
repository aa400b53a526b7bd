// Calendar dates as yyyy-MM-dd strings. Such strings sort like the dates they name, so intervals are compared
// as strings; arithmetic goes through UTC so that no time zone can shift a day.

import type { IsoDate } from './unit-types.ts';
import { UnitRuleError } from './unit-errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function assertIsoDate(value: unknown, what: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new UnitRuleError(
      'invalid_date',
      `${what} không phải là một ngày hợp lệ dạng yyyy-MM-dd: "${String(value)}".`,
      {
        value,
      },
    );
  }
}

/** The day before a date: a version closed on `validTo` was last in force on dayBefore(validTo). */
export function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** True when the half-open interval [from, to) contains the date; `to` null means still open. */
export function isInForce(interval: { validFrom: IsoDate; validTo: IsoDate | null }, date: IsoDate): boolean {
  return interval.validFrom <= date && (interval.validTo === null || date < interval.validTo);
}
