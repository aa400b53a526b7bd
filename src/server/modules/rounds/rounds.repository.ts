import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { assessments, households, reviewRounds, roundCommunes } from '../../../db/schema/index.ts';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type RoundCommuneRow = typeof roundCommunes.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;

export async function listRounds(db: Executor): Promise<RoundRow[]> {
  return db.select().from(reviewRounds).orderBy(desc(reviewRounds.year));
}

export async function getRound(db: Executor, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  return row;
}

export async function getRoundByYear(db: Executor, provinceCode: string, year: number): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.provinceCode, provinceCode), eq(reviewRounds.year, year)));
  return row;
}

export async function communeStateCounts(db: Executor) {
  return db
    .select({ roundId: roundCommunes.roundId, state: roundCommunes.state, n: sql<number>`count(*)::int` })
    .from(roundCommunes)
    .groupBy(roundCommunes.roundId, roundCommunes.state);
}

export async function insertRound(db: Executor, row: typeof reviewRounds.$inferInsert): Promise<void> {
  await db.insert(reviewRounds).values(row);
}

export async function insertRoundCommunes(db: Executor, rows: (typeof roundCommunes.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(roundCommunes).values(rows.slice(i, i + 500));
}

export async function getRoundCommune(db: Executor, roundId: string, communeCode: string): Promise<RoundCommuneRow | undefined> {
  const [row] = await db
    .select()
    .from(roundCommunes)
    .where(and(eq(roundCommunes.roundId, roundId), eq(roundCommunes.communeCode, communeCode)));
  return row;
}

/**
 * Inside an assessment's transaction: holds the household (two officers assessing it at once take turns, so each
 * sees the other's revision) and reads the round's and the commune's state as they are now, blocking a concurrent
 * submission or freeze until this write commits.
 */
export async function lockForAssessment(tx: Executor, roundId: string, communeCode: string, householdId: string) {
  await tx.select({ id: households.id }).from(households).where(eq(households.id, householdId)).for('update');
  const [round] = await tx.select({ state: reviewRounds.state }).from(reviewRounds).where(eq(reviewRounds.id, roundId)).for('share');
  const [commune] = await tx
    .select({ state: roundCommunes.state })
    .from(roundCommunes)
    .where(and(eq(roundCommunes.roundId, roundId), eq(roundCommunes.communeCode, communeCode)))
    .for('share');
  return { roundState: round?.state, communeState: commune?.state };
}

export async function listRoundCommunes(db: Executor, roundId: string): Promise<RoundCommuneRow[]> {
  return db.select().from(roundCommunes).where(eq(roundCommunes.roundId, roundId));
}

/** Compare-and-set on the state, so that two officers acting at once cannot both move the same step. */
export async function setRoundCommuneState(
  db: Executor,
  id: string,
  fromState: string,
  toState: string,
  steps: unknown,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(roundCommunes)
    .set({ state: toState, steps, updatedAt: at })
    .where(and(eq(roundCommunes.id, id), eq(roundCommunes.state, fromState)))
    .returning({ id: roundCommunes.id });
  return rows.length === 1;
}

export async function freezeRound(db: Executor, id: string, decisionNumber: string, decisionDate: string): Promise<void> {
  await db.update(reviewRounds).set({ state: 'frozen', decisionNumber, decisionDate }).where(eq(reviewRounds.id, id));
  await db.update(roundCommunes).set({ state: 'frozen' }).where(eq(roundCommunes.roundId, id));
}

export interface FigureRow {
  villageCode: string;
  total: number;
  poor: number;
  nearPoor: number;
  amendments: number;
}

/** Current assessments of a round grouped by village (the caller sums villages into any unit). */
export async function figuresByVillage(db: Executor, roundId: string, villageCodes: string[] | null): Promise<FigureRow[]> {
  return db
    .select({
      villageCode: assessments.villageCode,
      total: sql<number>`count(*)::int`,
      poor: sql<number>`count(*) filter (where ${assessments.category} = 'poor')::int`,
      nearPoor: sql<number>`count(*) filter (where ${assessments.category} = 'near_poor')::int`,
      amendments: sql<number>`count(*) filter (where ${assessments.isAmendment})::int`,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.roundId, roundId),
        eq(assessments.isCurrent, true),
        villageCodes ? inArray(assessments.villageCode, villageCodes) : undefined,
      ),
    )
    .groupBy(assessments.villageCode);
}

export async function transitionCounts(db: Executor, roundId: string, villageCodes: string[]) {
  return db
    .select({ transition: assessments.transition, n: sql<number>`count(*)::int` })
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId), eq(assessments.isCurrent, true), inArray(assessments.villageCode, villageCodes)))
    .groupBy(assessments.transition);
}

export async function currentAssessment(db: Executor, roundId: string, householdId: string) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.roundId, roundId), eq(assessments.householdId, householdId), eq(assessments.isCurrent, true)));
  return row;
}

/** The household's current category in every earlier round (for transitions). */
export async function earlierCategories(db: Executor, householdIds: string[], beforeYear: number) {
  if (householdIds.length === 0) return [];
  return db
    .select({ householdId: assessments.householdId, year: reviewRounds.year, category: assessments.category, a: assessments })
    .from(assessments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, assessments.roundId))
    .where(and(inArray(assessments.householdId, householdIds), eq(assessments.isCurrent, true), lt(reviewRounds.year, beforeYear)));
}

export async function markNotCurrent(db: Executor, roundId: string, householdId: string): Promise<void> {
  await db
    .update(assessments)
    .set({ isCurrent: false })
    .where(and(eq(assessments.roundId, roundId), eq(assessments.householdId, householdId), eq(assessments.isCurrent, true)));
}

export async function insertAssessments(db: Executor, rows: AssessmentInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(assessments).values(rows.slice(i, i + 500));
}

export async function householdsInVillages(db: Executor, villageCodes: string[]) {
  if (villageCodes.length === 0) return [];
  return db
    .select()
    .from(households)
    .where(and(inArray(households.villageCode, villageCodes), sql`${households.closedOn} is null`));
}

export async function listForExport(db: Executor, roundId: string, villageCodes: string[], filter: { category?: string; transition?: string }) {
  return db
    .select({ h: households, a: assessments })
    .from(assessments)
    .innerJoin(households, eq(households.id, assessments.householdId))
    .where(
      and(
        eq(assessments.roundId, roundId),
        eq(assessments.isCurrent, true),
        inArray(assessments.villageCode, villageCodes),
        filter.category ? eq(assessments.category, filter.category as 'poor') : undefined,
        filter.transition ? eq(assessments.transition, filter.transition) : undefined,
      ),
    )
    .orderBy(assessments.villageCode, households.code);
}
