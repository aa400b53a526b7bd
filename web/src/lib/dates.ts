import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from '../../../src/shared/vi-format.ts';
import { dayBefore } from '../../../src/domain/units/iso-dates.ts';

/** The date format officers type and read: dd/MM/yyyy (antd/dayjs spelling). */
export const viDateFormat = 'DD/MM/YYYY';

/** Today's date in the browser's time zone, as the yyyy-MM-dd the API takes. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function toIso(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function fromIso(iso: string): Dayjs {
  return dayjs(iso);
}

export { isIsoDate, dayBefore } from '../../../src/domain/units/iso-dates.ts';

/** A half-open validity [from, to) as people read it: "01/01/2016 – 30/06/2025", or "từ 01/07/2025" while open. */
export function formatValidity(validFrom: string, validTo: string | null): string {
  return validTo
    ? `${formatDate(validFrom)} – ${formatDate(dayBefore(validTo))}`
    : `từ ${formatDate(validFrom)}`;
}
