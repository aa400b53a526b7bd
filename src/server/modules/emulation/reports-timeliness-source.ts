import { and, asc, between, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reportRequests, reportSubmissions } from '../../../db/schema/index.ts';
import { toVietnamDate } from '../../../shared/clock.ts';
import type { TimelinessSource } from './timeliness-source.ts';

/**
 * Criteria 2.2 and 3.2 from the reports module's data: every report the unit was asked for whose deadline falls in
 * the round's years, with the day it was first sent (Vietnam time). A report returned for correction and sent again
 * keeps its first sending date: the unit met the deadline when it first sent it.
 */
export function createReportsTimelinessSource(db: Executor): TimelinessSource {
  return {
    async reportsDue(unitCode, fromYear, toYear) {
      const rows = await db
        .select({ title: reportRequests.title, dueOn: reportSubmissions.deadline, firstSubmittedAt: reportSubmissions.firstSubmittedAt })
        .from(reportSubmissions)
        .innerJoin(reportRequests, eq(reportRequests.id, reportSubmissions.requestId))
        .where(and(eq(reportSubmissions.unitCode, unitCode), between(reportSubmissions.deadline, `${fromYear}-01-01`, `${toYear}-12-31`)))
        .orderBy(asc(reportSubmissions.deadline));
      return rows.map((r) => ({ title: r.title, dueOn: r.dueOn, submittedOn: r.firstSubmittedAt ? toVietnamDate(r.firstSubmittedAt) : null }));
    },
  };
}
