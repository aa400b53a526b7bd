// Working days for legal deadlines: Saturdays, Sundays and listed public holidays do not count.
// The holiday list is data (an administrator can extend it); the default holds the fixed-date national holidays.

export const defaultFixedHolidays: readonly string[] = ['01-01', '04-30', '05-01', '09-02'];

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(isoDate: string, holidays: readonly string[] = [], fixed = defaultFixedHolidays): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const dow = d.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !holidays.includes(isoDate) && !fixed.includes(isoDate.slice(5));
}

/** The date `n` working days after `isoDate` (the start day itself does not count). */
export function addWorkingDays(isoDate: string, n: number, holidays: readonly string[] = []): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(isoOf(d), holidays)) left -= 1;
  }
  return isoOf(d);
}

/** Working days from `from` to `to`, both included. */
export function countWorkingDays(from: string, to: string, holidays: readonly string[] = []): number {
  if (to < from) return 0;
  const d = new Date(`${from}T00:00:00Z`);
  let n = 0;
  while (isoOf(d) <= to) {
    if (isWorkingDay(isoOf(d), holidays)) n += 1;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return n;
}
