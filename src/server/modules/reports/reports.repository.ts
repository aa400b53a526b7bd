import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  assessments,
  reportConsolidations,
  reportRequests,
  reportSubmissionEvents,
  reportSubmissions,
  reportTemplates,
} from '../../../db/schema/index.ts';

export type TemplateRow = typeof reportTemplates.$inferSelect;
export type RequestRow = typeof reportRequests.$inferSelect;
export type SubmissionRow = typeof reportSubmissions.$inferSelect;
export type SubmissionInsert = typeof reportSubmissions.$inferInsert;
export type EventRow = typeof reportSubmissionEvents.$inferSelect;
export type ConsolidationRow = typeof reportConsolidations.$inferSelect;

export async function listTemplates(db: Executor): Promise<TemplateRow[]> {
  return db.select().from(reportTemplates).orderBy(desc(reportTemplates.createdAt));
}

export async function getTemplate(db: Executor, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  return row;
}

/** How many requests were issued with each template that has any. */
export async function requestCountsByTemplate(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .select({ templateId: reportRequests.templateId, n: sql<number>`count(*)::int` })
    .from(reportRequests)
    .groupBy(reportRequests.templateId);
  return new Map(rows.map((r) => [r.templateId, r.n]));
}

export async function insertTemplate(db: Executor, row: typeof reportTemplates.$inferInsert): Promise<void> {
  await db.insert(reportTemplates).values(row);
}

export async function listRequests(db: Executor, provinceCode: string): Promise<RequestRow[]> {
  return db.select().from(reportRequests).where(eq(reportRequests.provinceCode, provinceCode)).orderBy(desc(reportRequests.issuedOn), asc(reportRequests.title));
}

export async function getRequest(db: Executor, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(reportRequests).where(eq(reportRequests.id, id));
  return row;
}

export async function insertRequest(db: Executor, row: typeof reportRequests.$inferInsert): Promise<void> {
  await db.insert(reportRequests).values(row);
}

export async function insertSubmissions(db: Executor, rows: SubmissionInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(reportSubmissions).values(rows.slice(i, i + 500));
}

export async function listSubmissions(db: Executor, requestIds: string[]): Promise<SubmissionRow[]> {
  if (requestIds.length === 0) return [];
  return db.select().from(reportSubmissions).where(inArray(reportSubmissions.requestId, requestIds));
}

export async function getSubmission(db: Executor, id: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, id));
  return row;
}

export async function getSubmissions(db: Executor, ids: string[]): Promise<SubmissionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(reportSubmissions).where(inArray(reportSubmissions.id, ids));
}

/** Submissions of one recipient (a unit or an organisation), across requests. */
export async function submissionsOfRecipient(db: Executor, recipient: { unitCode: string } | { organisationId: string }): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(reportSubmissions)
    .where('unitCode' in recipient ? eq(reportSubmissions.unitCode, recipient.unitCode) : eq(reportSubmissions.organisationId, recipient.organisationId));
}

/** Compare-and-set on state and version, so that two officers acting at once cannot both move the same report. */
export async function updateSubmission(
  db: Executor,
  id: string,
  expected: { state: string; version: number },
  patch: Partial<SubmissionInsert>,
): Promise<boolean> {
  const rows = await db
    .update(reportSubmissions)
    .set({ ...patch, version: expected.version + 1 })
    .where(and(eq(reportSubmissions.id, id), eq(reportSubmissions.state, expected.state as 'draft'), eq(reportSubmissions.version, expected.version)))
    .returning({ id: reportSubmissions.id });
  return rows.length === 1;
}

export async function insertEvent(db: Executor, row: typeof reportSubmissionEvents.$inferInsert): Promise<void> {
  await db.insert(reportSubmissionEvents).values(row);
}

export async function listEvents(db: Executor, submissionIds: string[]): Promise<EventRow[]> {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(reportSubmissionEvents)
    .where(inArray(reportSubmissionEvents.submissionId, submissionIds))
    .orderBy(asc(reportSubmissionEvents.at), asc(reportSubmissionEvents.id));
}

export async function getConsolidation(db: Executor, requestId: string): Promise<ConsolidationRow | undefined> {
  const [row] = await db.select().from(reportConsolidations).where(eq(reportConsolidations.requestId, requestId));
  return row;
}

export async function upsertConsolidation(db: Executor, row: typeof reportConsolidations.$inferInsert): Promise<void> {
  await db
    .insert(reportConsolidations)
    .values(row)
    .onConflictDoUpdate({
      target: reportConsolidations.requestId,
      set: { narrative: row.narrative, particulars: row.particulars, updatedAt: row.updatedAt, updatedBy: row.updatedBy, updatedByName: row.updatedByName },
    });
}

export interface VillageTally {
  villageCode: string;
  category: string;
  transition: string;
  n: number;
}

/**
 * Current assessments of a round counted by village, category and transition, in one pass; the caller sums villages
 * into any unit. Until the stored round aggregates (round_aggregates) are recomputed on every change, reports read
 * the registry directly so that an amendment shows at once.
 */
export async function villageTallies(db: Executor, roundId: string, villageCodes: string[] | null): Promise<VillageTally[]> {
  if (villageCodes && villageCodes.length === 0) return [];
  return db
    .select({
      villageCode: assessments.villageCode,
      category: assessments.category,
      transition: assessments.transition,
      n: sql<number>`count(*)::int`,
    })
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId), eq(assessments.isCurrent, true), villageCodes ? inArray(assessments.villageCode, villageCodes) : undefined))
    .groupBy(assessments.villageCode, assessments.category, assessments.transition);
}
