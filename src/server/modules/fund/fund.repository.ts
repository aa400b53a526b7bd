import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { fundContributions, fundDirectGifts, fundDisbursements, fundPeriods, households, supportActivities } from '../../../db/schema/index.ts';

export type PeriodRow = typeof fundPeriods.$inferSelect;
export type ContributionRow = typeof fundContributions.$inferSelect;
export type DirectGiftRow = typeof fundDirectGifts.$inferSelect;
export type DisbursementRow = typeof fundDisbursements.$inferSelect;
export type SupportActivityRow = typeof supportActivities.$inferSelect;

export async function listPeriods(db: Executor, fundUnitCode: string): Promise<PeriodRow[]> {
  return db.select().from(fundPeriods).where(eq(fundPeriods.fundUnitCode, fundUnitCode)).orderBy(asc(fundPeriods.fromDate));
}
/** The units whose fund has at least one campaign period: the levels a disclosure page can show. */
export async function levelsWithPeriods(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ code: fundPeriods.fundUnitCode }).from(fundPeriods);
  return rows.map((r) => r.code);
}
export async function insertPeriod(db: Executor, row: typeof fundPeriods.$inferInsert) {
  await db.insert(fundPeriods).values(row);
}

export async function contributionsOf(db: Executor, fundUnitCode: string): Promise<ContributionRow[]> {
  return db.select().from(fundContributions).where(eq(fundContributions.fundUnitCode, fundUnitCode)).orderBy(asc(fundContributions.receivedOn));
}
export async function findReceipt(db: Executor, fundUnitCode: string, receiptNumber: string) {
  const [row] = await db.select({ id: fundContributions.id }).from(fundContributions).where(and(eq(fundContributions.fundUnitCode, fundUnitCode), eq(fundContributions.receiptNumber, receiptNumber)));
  return row;
}
export async function insertContribution(db: Executor, row: typeof fundContributions.$inferInsert) {
  await db.insert(fundContributions).values(row);
}

export async function directGiftsOf(db: Executor, fundUnitCode: string): Promise<DirectGiftRow[]> {
  return db.select().from(fundDirectGifts).where(eq(fundDirectGifts.fundUnitCode, fundUnitCode)).orderBy(asc(fundDirectGifts.givenOn));
}
export async function insertDirectGift(db: Executor, row: typeof fundDirectGifts.$inferInsert) {
  await db.insert(fundDirectGifts).values(row);
}

export async function disbursementsOf(db: Executor, fundUnitCode: string): Promise<DisbursementRow[]> {
  return db.select().from(fundDisbursements).where(eq(fundDisbursements.fundUnitCode, fundUnitCode)).orderBy(asc(fundDisbursements.disbursedOn));
}
export async function insertDisbursement(db: Executor, row: typeof fundDisbursements.$inferInsert) {
  await db.insert(fundDisbursements).values(row);
}

export async function householdsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: households.id, code: households.code, headName: households.headName, villageCode: households.villageCode }).from(households).where(inArray(households.id, ids));
}

export async function insertSupportActivity(db: Executor, row: typeof supportActivities.$inferInsert) {
  await db.insert(supportActivities).values(row);
}
export async function listSupportActivities(db: Executor, f: { organisationId?: string; unitCode?: string; from?: string; to?: string }): Promise<SupportActivityRow[]> {
  const conditions: (SQL | undefined)[] = [
    f.organisationId ? eq(supportActivities.supporterOrganisationId, f.organisationId) : undefined,
    f.unitCode ? or(eq(supportActivities.supporterUnitCode, f.unitCode), eq(supportActivities.targetUnitCode, f.unitCode)) : undefined,
  ];
  const rows = await db.select().from(supportActivities).where(and(...conditions)).orderBy(asc(supportActivities.occurredOn)).limit(5000);
  return rows.filter((r) => (!f.from || r.occurredOn >= f.from) && (!f.to || r.occurredOn <= f.to));
}
