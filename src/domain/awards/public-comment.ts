// Public comment on State-level nominations (DOMAIN.md §9): the list is published for a configurable number of working
// days (≥ 10 from 2024) before the provincial council meets on it; the council cannot meet until the period has ended.

import { addWorkingDays, isWorkingDay } from '../calendar/working-days.ts';
import { formatDate } from '../../shared/vi-format.ts';

export interface CommentPeriod {
  readonly from: string;
  /** The last day of the period: the n-th working day counting the day of publication when it is a working day. */
  readonly to: string;
  readonly workingDays: number;
}

export function commentPeriod(publishedOn: string, workingDays: number, holidays: readonly string[] = []): CommentPeriod {
  const to = isWorkingDay(publishedOn, holidays) ? addWorkingDays(publishedOn, workingDays - 1, holidays) : addWorkingDays(publishedOn, workingDays, holidays);
  return { from: publishedOn, to, workingDays };
}

/** The first day the council may meet: the day after the period ends. */
export function earliestCouncilDay(period: CommentPeriod): string {
  const d = new Date(`${period.to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isOpenForComment(period: CommentPeriod, today: string): boolean {
  return period.from <= today && today <= period.to;
}

/** Null when the council may meet on the day; otherwise why not. */
export function councilBlockedByComment(period: CommentPeriod | null, meetingOn: string): string | null {
  if (period === null) return 'Hồ sơ khen thưởng cấp Nhà nước phải được công khai lấy ý kiến nhân dân trước khi Hội đồng họp xét.';
  if (meetingOn <= period.to) {
    return `Chưa hết thời gian lấy ý kiến nhân dân (${period.workingDays} ngày làm việc, từ ${formatDate(period.from)} đến hết ${formatDate(period.to)}): Hội đồng chỉ được họp xét từ ngày ${formatDate(earliestCouncilDay(period))}.`;
  }
  return null;
}
