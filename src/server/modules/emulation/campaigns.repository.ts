import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  emulationCampaigns,
  emulationCriteria,
  emulationCriteriaSets,
  emulationRoundCriteriaSets,
  emulationRounds,
  emulationScores,
  emulationUnitTargets,
} from '../../../db/schema/index.ts';

export type CampaignRow = typeof emulationCampaigns.$inferSelect;
export type CriteriaSetRow = typeof emulationCriteriaSets.$inferSelect;
export type CriterionRow = typeof emulationCriteria.$inferSelect;
export type EmulationRoundRow = typeof emulationRounds.$inferSelect;
export type UnitTargetRow = typeof emulationUnitTargets.$inferSelect;

export async function listCampaigns(db: Executor): Promise<CampaignRow[]> {
  return db.select().from(emulationCampaigns).orderBy(asc(emulationCampaigns.periodFrom), asc(emulationCampaigns.name));
}

export async function getCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(emulationCampaigns).where(eq(emulationCampaigns.id, id));
  return row;
}

export async function getCampaignBySeedKey(db: Executor, provinceCode: string, seedKey: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(emulationCampaigns).where(and(eq(emulationCampaigns.provinceCode, provinceCode), eq(emulationCampaigns.seedKey, seedKey)));
  return row;
}

export async function insertCampaign(db: Executor, row: typeof emulationCampaigns.$inferInsert): Promise<void> {
  await db.insert(emulationCampaigns).values(row);
}

export async function updateCampaign(db: Executor, id: string, patch: Partial<typeof emulationCampaigns.$inferInsert>): Promise<void> {
  await db.update(emulationCampaigns).set(patch).where(eq(emulationCampaigns.id, id));
}

export async function listCriteriaSets(db: Executor, campaignId: string): Promise<CriteriaSetRow[]> {
  return db.select().from(emulationCriteriaSets).where(eq(emulationCriteriaSets.campaignId, campaignId)).orderBy(asc(emulationCriteriaSets.participantType), asc(emulationCriteriaSets.version));
}

export async function getCriteriaSet(db: Executor, id: string): Promise<CriteriaSetRow | undefined> {
  const [row] = await db.select().from(emulationCriteriaSets).where(eq(emulationCriteriaSets.id, id));
  return row;
}

export async function currentCriteriaSet(db: Executor, campaignId: string, participantType: string): Promise<CriteriaSetRow | undefined> {
  const [row] = await db
    .select()
    .from(emulationCriteriaSets)
    .where(and(eq(emulationCriteriaSets.campaignId, campaignId), eq(emulationCriteriaSets.participantType, participantType), eq(emulationCriteriaSets.isCurrent, true)));
  return row;
}

export async function insertCriteriaSet(db: Executor, row: typeof emulationCriteriaSets.$inferInsert): Promise<void> {
  await db.insert(emulationCriteriaSets).values(row);
}

export async function markSetNotCurrent(db: Executor, id: string): Promise<void> {
  await db.update(emulationCriteriaSets).set({ isCurrent: false }).where(eq(emulationCriteriaSets.id, id));
}

export async function setNote(db: Executor, id: string, note: string | null): Promise<void> {
  await db.update(emulationCriteriaSets).set({ note }).where(eq(emulationCriteriaSets.id, id));
}

export async function listCriteria(db: Executor, setIds: string[]): Promise<CriterionRow[]> {
  if (setIds.length === 0) return [];
  return db.select().from(emulationCriteria).where(inArray(emulationCriteria.criteriaSetId, setIds)).orderBy(asc(emulationCriteria.sortOrder));
}

export async function insertCriteria(db: Executor, rows: (typeof emulationCriteria.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(emulationCriteria).values(rows);
}

export async function deleteCriteriaOfSet(db: Executor, setId: string): Promise<void> {
  await db.delete(emulationCriteria).where(eq(emulationCriteria.criteriaSetId, setId));
}

/** Rounds that hold scores under the set (pinned to it), i.e. the set is history and may not be rewritten. */
export async function roundsPinnedTo(db: Executor, setId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(emulationRoundCriteriaSets).where(eq(emulationRoundCriteriaSets.criteriaSetId, setId));
  return row?.n ?? 0;
}

export async function pinnedSet(db: Executor, roundId: string, participantType: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: emulationRoundCriteriaSets.criteriaSetId })
    .from(emulationRoundCriteriaSets)
    .where(and(eq(emulationRoundCriteriaSets.roundId, roundId), eq(emulationRoundCriteriaSets.participantType, participantType)));
  return row?.id;
}

export async function pinSet(db: Executor, roundId: string, participantType: string, criteriaSetId: string): Promise<void> {
  await db.insert(emulationRoundCriteriaSets).values({ roundId, participantType, criteriaSetId }).onConflictDoNothing();
}

export async function listRounds(db: Executor, campaignId: string): Promise<EmulationRoundRow[]> {
  return db.select().from(emulationRounds).where(eq(emulationRounds.campaignId, campaignId)).orderBy(asc(emulationRounds.selfAssessmentFrom), asc(emulationRounds.name));
}

export async function getRound(db: Executor, id: string): Promise<EmulationRoundRow | undefined> {
  const [row] = await db.select().from(emulationRounds).where(eq(emulationRounds.id, id));
  return row;
}

export async function insertRounds(db: Executor, rows: (typeof emulationRounds.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(emulationRounds).values(rows);
}

export async function updateRound(db: Executor, id: string, patch: Partial<typeof emulationRounds.$inferInsert>): Promise<void> {
  await db.update(emulationRounds).set(patch).where(eq(emulationRounds.id, id));
}

export async function roundHasScores(db: Executor, roundId: string): Promise<boolean> {
  const [row] = await db.select({ id: emulationScores.id }).from(emulationScores).where(eq(emulationScores.roundId, roundId)).limit(1);
  return Boolean(row);
}

export async function listUnitTargets(db: Executor, campaignId: string): Promise<UnitTargetRow[]> {
  return db.select().from(emulationUnitTargets).where(eq(emulationUnitTargets.campaignId, campaignId)).orderBy(asc(emulationUnitTargets.unitCode), asc(emulationUnitTargets.year));
}

export async function getUnitTarget(db: Executor, campaignId: string, unitCode: string, year: number): Promise<UnitTargetRow | undefined> {
  const [row] = await db
    .select()
    .from(emulationUnitTargets)
    .where(and(eq(emulationUnitTargets.campaignId, campaignId), eq(emulationUnitTargets.unitCode, unitCode), eq(emulationUnitTargets.year, year)));
  return row;
}

export async function upsertUnitTarget(db: Executor, row: typeof emulationUnitTargets.$inferInsert): Promise<void> {
  await db
    .insert(emulationUnitTargets)
    .values(row)
    .onConflictDoUpdate({
      target: [emulationUnitTargets.campaignId, emulationUnitTargets.unitCode, emulationUnitTargets.year],
      set: { requiredReduction: row.requiredReduction, reason: row.reason, setBy: row.setBy, updatedAt: row.updatedAt },
    });
}

export async function unitTargetsFor(db: Executor, campaignId: string, unitCode: string): Promise<Map<number, number>> {
  const rows = await db
    .select({ year: emulationUnitTargets.year, required: emulationUnitTargets.requiredReduction })
    .from(emulationUnitTargets)
    .where(and(eq(emulationUnitTargets.campaignId, campaignId), eq(emulationUnitTargets.unitCode, unitCode)));
  return new Map(rows.map((r) => [r.year, r.required]));
}

export async function criteriaByIds(db: Executor, ids: string[]): Promise<CriterionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(emulationCriteria).where(inArray(emulationCriteria.id, ids));
}
