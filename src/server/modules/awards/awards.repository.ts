import { and, asc, count, desc, eq, ilike, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  awardBatchEvents,
  awardBatches,
  awardNominees,
  awardPublicComments,
  awardRegistry,
  emulationCampaigns,
  emulationExemplars,
  emulationRounds,
  householdMembers,
  households,
  individuals,
} from '../../../db/schema/index.ts';

export type BatchRow = typeof awardBatches.$inferSelect;
export type BatchInsert = typeof awardBatches.$inferInsert;
export type NomineeRow = typeof awardNominees.$inferSelect;
export type NomineeInsert = typeof awardNominees.$inferInsert;
export type EventRow = typeof awardBatchEvents.$inferSelect;
export type CommentRow = typeof awardPublicComments.$inferSelect;
export type RegistryRow = typeof awardRegistry.$inferSelect;

export async function listCampaignRounds(db: Executor, provinceCode: string) {
  return db
    .select({ roundId: emulationRounds.id, roundName: emulationRounds.name, kind: emulationRounds.kind, year: emulationRounds.year, campaignId: emulationCampaigns.id, campaignName: emulationCampaigns.name })
    .from(emulationRounds)
    .innerJoin(emulationCampaigns, eq(emulationCampaigns.id, emulationRounds.campaignId))
    .where(eq(emulationRounds.provinceCode, provinceCode))
    .orderBy(desc(emulationRounds.year), asc(emulationRounds.name));
}

export async function getCampaignRound(db: Executor, roundId: string) {
  const [row] = await db
    .select({ round: emulationRounds, campaign: emulationCampaigns })
    .from(emulationRounds)
    .innerJoin(emulationCampaigns, eq(emulationCampaigns.id, emulationRounds.campaignId))
    .where(eq(emulationRounds.id, roundId));
  return row;
}

export async function listBatches(db: Executor, provinceCode: string, roundId?: string): Promise<BatchRow[]> {
  return db
    .select()
    .from(awardBatches)
    .where(and(eq(awardBatches.provinceCode, provinceCode), roundId ? eq(awardBatches.roundId, roundId) : undefined))
    .orderBy(desc(awardBatches.createdAt));
}

export async function getBatch(db: Executor, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(awardBatches).where(eq(awardBatches.id, id));
  return row;
}

export async function insertBatch(db: Executor, row: BatchInsert): Promise<void> {
  await db.insert(awardBatches).values(row);
}

/** Compare-and-set on the version: two officers acting at once cannot both move the same batch. */
export async function updateBatch(db: Executor, id: string, version: number, patch: Partial<BatchInsert>): Promise<boolean> {
  const rows = await db
    .update(awardBatches)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(awardBatches.id, id), eq(awardBatches.version, version)))
    .returning({ id: awardBatches.id });
  return rows.length === 1;
}

/** Batches a consolidating level gathers: same round and form, reviewed by its unit. */
export async function childBatches(db: Executor, parent: Pick<BatchRow, 'id' | 'roundId' | 'formId' | 'proposerUnitCode'>): Promise<BatchRow[]> {
  if (!parent.proposerUnitCode) return [];
  return db
    .select()
    .from(awardBatches)
    .where(
      and(
        eq(awardBatches.roundId, parent.roundId),
        eq(awardBatches.formId, parent.formId),
        eq(awardBatches.reviewerUnitCode, parent.proposerUnitCode),
        eq(awardBatches.reviewerRole, 'consolidates'),
        ne(awardBatches.id, parent.id),
      ),
    )
    .orderBy(asc(awardBatches.proposerName));
}

export async function listNominees(db: Executor, batchIds: string[]): Promise<NomineeRow[]> {
  if (batchIds.length === 0) return [];
  return db.select().from(awardNominees).where(inArray(awardNominees.batchId, batchIds)).orderBy(asc(awardNominees.sortOrder), asc(awardNominees.createdAt));
}

export async function getNominee(db: Executor, id: string): Promise<NomineeRow | undefined> {
  const [row] = await db.select().from(awardNominees).where(eq(awardNominees.id, id));
  return row;
}

export async function insertNominee(db: Executor, row: NomineeInsert): Promise<void> {
  await db.insert(awardNominees).values(row);
}

export async function updateNominee(db: Executor, id: string, patch: Partial<NomineeInsert>): Promise<void> {
  await db.update(awardNominees).set(patch).where(eq(awardNominees.id, id));
}

export async function deleteNominee(db: Executor, id: string): Promise<void> {
  await db.delete(awardNominees).where(eq(awardNominees.id, id));
}

/** The same nominee in other batches of the same form and round (for the duplicate check). */
export async function sameNomineeElsewhere(db: Executor, nomineeKeys: string[], roundId: string, formId: string, excludeBatchIds: string[]) {
  if (nomineeKeys.length === 0) return [];
  return db
    .select({ nomineeKey: awardNominees.nomineeKey, batchId: awardBatches.id, proposerName: awardBatches.proposerName, state: awardBatches.state, stage: awardBatches.stage })
    .from(awardNominees)
    .innerJoin(awardBatches, eq(awardBatches.id, awardNominees.batchId))
    .where(
      and(
        inArray(awardNominees.nomineeKey, nomineeKeys),
        eq(awardBatches.roundId, roundId),
        eq(awardBatches.formId, formId),
        excludeBatchIds.length > 0 ? sql`${awardBatches.id} not in (${sql.join(excludeBatchIds.map((id) => sql`${id}`), sql`, `)})` : undefined,
      ),
    );
}

export async function grantedFor(db: Executor, nomineeKeys: string[], roundId: string, formId: string): Promise<RegistryRow[]> {
  if (nomineeKeys.length === 0) return [];
  return db.select().from(awardRegistry).where(and(inArray(awardRegistry.nomineeKey, nomineeKeys), eq(awardRegistry.roundId, roundId), eq(awardRegistry.formId, formId)));
}

export async function insertEvent(db: Executor, row: typeof awardBatchEvents.$inferInsert): Promise<void> {
  await db.insert(awardBatchEvents).values(row);
}

export async function listEvents(db: Executor, batchId: string): Promise<EventRow[]> {
  return db.select().from(awardBatchEvents).where(eq(awardBatchEvents.batchId, batchId)).orderBy(asc(awardBatchEvents.at), asc(awardBatchEvents.id));
}

export async function insertComment(db: Executor, row: typeof awardPublicComments.$inferInsert): Promise<void> {
  await db.insert(awardPublicComments).values(row);
}

export async function listComments(db: Executor, batchIds: string[]): Promise<CommentRow[]> {
  if (batchIds.length === 0) return [];
  return db.select().from(awardPublicComments).where(inArray(awardPublicComments.batchId, batchIds)).orderBy(asc(awardPublicComments.receivedAt));
}

export async function getComment(db: Executor, id: string): Promise<CommentRow | undefined> {
  const [row] = await db.select().from(awardPublicComments).where(eq(awardPublicComments.id, id));
  return row;
}

export async function answerComment(db: Executor, id: string, patch: { answer: string; answeredAt: Date; answeredByName: string }): Promise<void> {
  await db.update(awardPublicComments).set(patch).where(eq(awardPublicComments.id, id));
}

export async function insertRegistryRows(db: Executor, rows: (typeof awardRegistry.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(awardRegistry).values(rows);
}

/** The next number in the award book of a year ("<n>/<year>"). */
export async function nextRegistrySeq(db: Executor, provinceCode: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(awardRegistry)
    .where(and(eq(awardRegistry.provinceCode, provinceCode), like(awardRegistry.registryNumber, `%/${year}`)));
  return (row?.n ?? 0) + 1;
}

export interface RegistryFilter {
  provinceCode: string;
  folded?: string[];
  formId?: string;
  roundId?: string;
  kind?: 'collective' | 'individual' | 'household';
  /** Scope: unit codes whose awards may be read (null: every unit), and organisations. */
  unitCodes: string[] | null;
  organisationIds: string[];
  limit: number;
  offset: number;
}

export async function searchRegistry(db: Executor, f: RegistryFilter): Promise<{ total: number; rows: RegistryRow[] }> {
  const conditions: (SQL | undefined)[] = [eq(awardRegistry.provinceCode, f.provinceCode)];
  for (const word of f.folded ?? []) conditions.push(ilike(awardRegistry.searchFolded, `%${word.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`));
  if (f.formId) conditions.push(eq(awardRegistry.formId, f.formId));
  if (f.roundId) conditions.push(eq(awardRegistry.roundId, f.roundId));
  if (f.kind) conditions.push(eq(awardRegistry.kind, f.kind));
  if (f.unitCodes !== null) {
    const scoped: SQL[] = [];
    if (f.unitCodes.length > 0) scoped.push(inArray(awardRegistry.unitCode, f.unitCodes));
    if (f.organisationIds.length > 0) scoped.push(inArray(awardRegistry.organisationId, f.organisationIds));
    conditions.push(scoped.length > 0 ? or(...scoped) : sql`false`);
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(awardRegistry).where(where);
  const rows = await db.select().from(awardRegistry).where(where).orderBy(desc(awardRegistry.decisionDate), asc(awardRegistry.registryNumber)).limit(f.limit).offset(f.offset);
  return { total: total?.n ?? 0, rows };
}

export async function getRegistryRow(db: Executor, id: string): Promise<RegistryRow | undefined> {
  const [row] = await db.select().from(awardRegistry).where(eq(awardRegistry.id, id));
  return row;
}

// ---------- what the nominees are ----------

export async function householdWithHead(db: Executor, id: string) {
  const [h] = await db.select().from(households).where(eq(households.id, id));
  if (!h) return undefined;
  const members = await db.select({ fullName: householdMembers.fullName, sex: householdMembers.sex, relation: householdMembers.relation }).from(householdMembers).where(eq(householdMembers.householdId, id));
  const head = members.find((m) => m.relation.toLocaleLowerCase('vi') === 'chủ hộ');
  return { household: h, headSex: head?.sex ?? null };
}

export async function getIndividual(db: Executor, id: string) {
  const [row] = await db.select().from(individuals).where(eq(individuals.id, id));
  return row;
}

/** The latest exemplar story recorded for the nominee in the campaign (điển hình tiên tiến). */
export async function exemplarStory(db: Executor, campaignId: string, key: { householdId?: string; individualId?: string; organisationId?: string; unitCode?: string }): Promise<string | null> {
  const cond = key.householdId
    ? eq(emulationExemplars.householdId, key.householdId)
    : key.individualId
      ? eq(emulationExemplars.individualId, key.individualId)
      : key.organisationId
        ? and(eq(emulationExemplars.organisationId, key.organisationId), eq(emulationExemplars.kind, 'collective'))
        : and(eq(emulationExemplars.unitCode, key.unitCode ?? ''), eq(emulationExemplars.kind, 'collective'));
  const [row] = await db
    .select({ story: emulationExemplars.story })
    .from(emulationExemplars)
    .where(and(cond, or(eq(emulationExemplars.campaignId, campaignId), sql`${emulationExemplars.campaignId} is null`)))
    .orderBy(desc(emulationExemplars.year))
    .limit(1);
  return row?.story ?? null;
}
