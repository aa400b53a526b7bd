// Timeliness of reporting (DOMAIN.md §8): on time, late (by how many days) or missing — itself a measured emulation
// criterion (plan 165/KH-UBND, criteria 2.2 and 3.2). Dates are Vietnam calendar dates (yyyy-MM-dd), passed in.
//
// A report counts as sent on the day of its FIRST submission: a report returned for correction and sent again was
// still sent on time if the first sending was. Days are calendar days; the deadline day itself is on time.

export const timelinessStatuses = ['on_time', 'late', 'missing', 'pending'] as const;
export type TimelinessStatus = (typeof timelinessStatuses)[number];

export const timelinessLabels: Readonly<Record<TimelinessStatus, string>> = {
  on_time: 'Đúng hạn',
  late: 'Chậm',
  missing: 'Không gửi',
  pending: 'Chưa đến hạn',
};

export interface TimelinessInput {
  readonly deadline: string;
  /** The Vietnam date of the first submission; null when never submitted. */
  readonly firstSubmittedOn: string | null;
  readonly today: string;
}

export interface Timeliness {
  readonly status: TimelinessStatus;
  /** Days after the deadline of a late submission, or days overdue of a missing one; null otherwise. */
  readonly daysLate: number | null;
  /** "Đúng hạn", "Chậm 3 ngày", "Không gửi (quá hạn 12 ngày)", "Chưa đến hạn (còn 4 ngày)". */
  readonly label: string;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function judgeTimeliness(input: TimelinessInput): Timeliness {
  const { deadline, firstSubmittedOn, today } = input;
  if (firstSubmittedOn !== null) {
    const late = daysBetween(deadline, firstSubmittedOn);
    if (late <= 0) return { status: 'on_time', daysLate: null, label: timelinessLabels.on_time };
    return { status: 'late', daysLate: late, label: `Chậm ${late} ngày` };
  }
  const overdue = daysBetween(deadline, today);
  if (overdue > 0) return { status: 'missing', daysLate: overdue, label: `Không gửi (quá hạn ${overdue} ngày)` };
  return { status: 'pending', daysLate: null, label: `Chưa đến hạn (còn ${-overdue} ngày)` };
}

/** Reminders start this many days before the deadline (issue 6: "due soon" within 3 days; configurable). */
export const DEFAULT_REMINDER_DAYS = 3;

export interface DeadlineStatus {
  /** Days from today to the deadline: 0 on the deadline day, negative once it has passed. */
  readonly daysLeft: number;
  /** Not yet sent and the deadline is within the reminder window: a reminder is due. */
  readonly dueSoon: boolean;
  /** Not yet sent and the deadline has passed. */
  readonly overdue: boolean;
  /** The reminder line for the inbox, or null when none is due. */
  readonly reminder: string | null;
}

export function deadlineStatus(input: TimelinessInput, reminderDays = DEFAULT_REMINDER_DAYS): DeadlineStatus {
  const daysLeft = daysBetween(input.today, input.deadline);
  const unsent = input.firstSubmittedOn === null;
  const dueSoon = unsent && daysLeft >= 0 && daysLeft <= reminderDays;
  const overdue = unsent && daysLeft < 0;
  const reminder = dueSoon
    ? daysLeft === 0
      ? 'Hôm nay là hạn cuối gửi báo cáo.'
      : `Còn ${daysLeft} ngày đến hạn gửi báo cáo.`
    : overdue
      ? `Đã quá hạn gửi báo cáo ${-daysLeft} ngày.`
      : null;
  return { daysLeft, dueSoon, overdue, reminder };
}

export type TimelinessCounts = Record<TimelinessStatus, number>;

export function countTimeliness(items: readonly { readonly status: TimelinessStatus }[]): TimelinessCounts {
  const counts: TimelinessCounts = { on_time: 0, late: 0, missing: 0, pending: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}
