import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { emulationGroupMembers, emulationGroups, individuals, organisations } from '../../../db/schema/index.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type IndividualRow = typeof individuals.$inferSelect;
export type GroupRow = typeof emulationGroups.$inferSelect;
export type GroupMemberRow = typeof emulationGroupMembers.$inferSelect;

export async function listOrganisations(db: Executor, asOf: string | null): Promise<OrganisationRow[]> {
  if (!asOf) return db.select().from(organisations);
  return db
    .select()
    .from(organisations)
    .where(and(lte(organisations.validFrom, asOf), or(isNull(organisations.validTo), gt(organisations.validTo, asOf))));
}

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisations(db: Executor, rows: (typeof organisations.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(organisations).values(rows);
}

export async function setOrganisationValidTo(db: Executor, id: string, validTo: string): Promise<void> {
  await db.update(organisations).set({ validTo }).where(eq(organisations.id, id));
}

export async function listIndividuals(db: Executor): Promise<IndividualRow[]> {
  return db.select().from(individuals);
}

export async function insertIndividuals(db: Executor, rows: (typeof individuals.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(individuals).values(rows);
}

export async function listGroups(db: Executor, year: number | null): Promise<GroupRow[]> {
  return year === null ? db.select().from(emulationGroups) : db.select().from(emulationGroups).where(eq(emulationGroups.year, year));
}

export async function findGroup(db: Executor, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(emulationGroups).where(eq(emulationGroups.id, id));
  return row;
}

export async function listMembers(db: Executor, groupIds: string[]): Promise<GroupMemberRow[]> {
  if (groupIds.length === 0) return [];
  return db.select().from(emulationGroupMembers).where(inArray(emulationGroupMembers.groupId, groupIds));
}

export async function insertGroups(db: Executor, rows: (typeof emulationGroups.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(emulationGroups).values(rows);
}

export async function insertMembers(db: Executor, rows: (typeof emulationGroupMembers.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(emulationGroupMembers).values(rows);
}

export async function deleteMember(db: Executor, groupId: string, memberId: string): Promise<GroupMemberRow | undefined> {
  const [row] = await db
    .delete(emulationGroupMembers)
    .where(and(eq(emulationGroupMembers.groupId, groupId), eq(emulationGroupMembers.id, memberId)))
    .returning();
  return row;
}
