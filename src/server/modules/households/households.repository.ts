import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  assessments,
  auditLog,
  escapeRegistrations,
  householdMembers,
  households,
  reviewRounds,
  socialBankLoans,
} from '../../../db/schema/index.ts';

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;

export interface ListFilter {
  villageCodes: string[];
  roundId: string | null;
  category?: string;
  transition?: string;
  qFolded?: string;
  limit: number;
  offset: number;
}

export async function listHouseholds(db: Executor, f: ListFilter) {
  const conds: SQL[] = [];
  if (f.roundId) {
    conds.push(inArray(assessments.villageCode, f.villageCodes));
    if (f.category) conds.push(eq(assessments.category, f.category as AssessmentRow['category']));
    if (f.transition) conds.push(eq(assessments.transition, f.transition));
  } else {
    conds.push(inArray(households.villageCode, f.villageCodes));
  }
  if (f.qFolded) {
    conds.push(
      sql`(${households.headNameFolded} like ${'%' + f.qFolded + '%'} or ${households.code} ilike ${'%' + f.qFolded + '%'}
        or exists (select 1 from household_members m where m.household_id = "households"."id" and m.full_name_folded like ${'%' + f.qFolded + '%'}))`,
    );
  }
  const where = and(...conds);
  const memberCount = sql<number>`(select count(*)::int from household_members m where m.household_id = "households"."id")`;
  const headCitizen = sql<string | null>`(select m.citizen_id from household_members m where m.household_id = "households"."id" and m.relation = 'Chủ hộ' limit 1)`;
  if (f.roundId) {
    const base = db
      .select({ h: households, a: assessments, memberCount, headCitizen })
      .from(assessments)
      .innerJoin(households, eq(households.id, assessments.householdId))
      .where(and(eq(assessments.roundId, f.roundId), eq(assessments.isCurrent, true), where));
    const rows = await base.orderBy(assessments.villageCode, households.code).limit(f.limit).offset(f.offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(assessments)
      .innerJoin(households, eq(households.id, assessments.householdId))
      .where(and(eq(assessments.roundId, f.roundId), eq(assessments.isCurrent, true), where));
    return { rows, total: count?.n ?? 0 };
  }
  const rows = await db
    .select({ h: households, memberCount, headCitizen })
    .from(households)
    .where(where)
    .orderBy(households.villageCode, households.code)
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(households).where(where);
  return { rows: rows.map((r) => ({ ...r, a: null })), total: count?.n ?? 0 };
}

export async function getHousehold(db: Executor, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.id, id));
  return row;
}

export async function getHouseholdByCode(db: Executor, provinceCode: string, code: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(and(eq(households.provinceCode, provinceCode), eq(households.code, code)));
  return row;
}

export async function getMembers(db: Executor, householdId: string): Promise<MemberRow[]> {
  return db.select().from(householdMembers).where(eq(householdMembers.householdId, householdId)).orderBy(householdMembers.createdAt);
}

export async function getAssessmentsWithRounds(db: Executor, householdId: string) {
  return db
    .select({ a: assessments, r: reviewRounds })
    .from(assessments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, assessments.roundId))
    .where(eq(assessments.householdId, householdId))
    .orderBy(desc(reviewRounds.year), desc(assessments.revision));
}

export async function getLoans(db: Executor, householdId: string) {
  return db.select().from(socialBankLoans).where(eq(socialBankLoans.householdId, householdId)).orderBy(socialBankLoans.disbursedOn);
}

export async function getEscapeRegistrations(db: Executor, householdId: string) {
  return db.select().from(escapeRegistrations).where(eq(escapeRegistrations.householdId, householdId)).orderBy(escapeRegistrations.year);
}

export async function getHistory(db: Executor, householdId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'household'), eq(auditLog.entityId, householdId)))
    .orderBy(desc(auditLog.id))
    .limit(200);
}

export async function insertHousehold(db: Executor, row: typeof households.$inferInsert): Promise<void> {
  await db.insert(households).values(row);
}

export async function insertMembers(db: Executor, rows: (typeof householdMembers.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(householdMembers).values(rows);
}

/** Optimistic update: returns false when someone else changed the household meanwhile. */
export async function updateHousehold(db: Executor, id: string, version: number, patch: Partial<typeof households.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(households)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning({ id: households.id });
  return rows.length === 1;
}

export async function insertLoan(db: Executor, row: typeof socialBankLoans.$inferInsert): Promise<void> {
  await db.insert(socialBankLoans).values(row);
}

export async function insertEscapeRegistration(db: Executor, row: typeof escapeRegistrations.$inferInsert): Promise<void> {
  await db.insert(escapeRegistrations).values(row);
}

/** Members elsewhere with the same citizen ID (duplicate warning). */
export async function findCitizenIdClashes(db: Executor, citizenIds: string[], excludeHouseholdId: string | null) {
  if (citizenIds.length === 0) return [];
  return db
    .select({ citizenId: householdMembers.citizenId, fullName: householdMembers.fullName, code: households.code })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(
        inArray(householdMembers.citizenId, citizenIds),
        excludeHouseholdId ? ne(householdMembers.householdId, excludeHouseholdId) : undefined,
      ),
    );
}

/** Members in the given villages with the same folded name and birth year (possible duplicate person). */
export async function findSimilarMembers(
  db: Executor,
  people: { folded: string; birthYear: number }[],
  villageCodes: string[],
  excludeHouseholdId: string | null,
) {
  if (people.length === 0 || villageCodes.length === 0) return [];
  const pairs = people.map((p) => sql`(${p.folded}, ${p.birthYear})`);
  return db
    .select({ fullName: householdMembers.fullName, birthYear: householdMembers.birthYear, code: households.code })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(
        inArray(households.villageCode, villageCodes),
        sql`(${householdMembers.fullNameFolded}, ${householdMembers.birthYear}) in (${sql.join(pairs, sql`, `)})`,
        excludeHouseholdId ? ne(households.id, excludeHouseholdId) : undefined,
      ),
    );
}
