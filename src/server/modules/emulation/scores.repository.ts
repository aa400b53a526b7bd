import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { emulationFiles, emulationJointPledges, emulationRegistrations, emulationScores } from '../../../db/schema/index.ts';

export type RegistrationRow = typeof emulationRegistrations.$inferSelect;
export type ScoreRow = typeof emulationScores.$inferSelect;
export type FileRow = typeof emulationFiles.$inferSelect;
export type JointPledgeRow = typeof emulationJointPledges.$inferSelect;

export async function listRegistrations(db: Executor, roundId: string): Promise<RegistrationRow[]> {
  return db.select().from(emulationRegistrations).where(eq(emulationRegistrations.roundId, roundId)).orderBy(asc(emulationRegistrations.registeredOn));
}

export async function getRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(emulationRegistrations).where(eq(emulationRegistrations.id, id));
  return row;
}

export async function findRegistration(db: Executor, roundId: string, participantType: string, participantKey: string): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(emulationRegistrations)
    .where(and(eq(emulationRegistrations.roundId, roundId), eq(emulationRegistrations.participantType, participantType), eq(emulationRegistrations.participantKey, participantKey)));
  return row;
}

export async function insertRegistration(db: Executor, row: typeof emulationRegistrations.$inferInsert): Promise<void> {
  await db.insert(emulationRegistrations).values(row);
}

export async function updateRegistration(db: Executor, id: string, patch: Partial<typeof emulationRegistrations.$inferInsert>): Promise<void> {
  await db.update(emulationRegistrations).set(patch).where(eq(emulationRegistrations.id, id));
}

export async function listJointPledges(db: Executor, roundId: string): Promise<JointPledgeRow[]> {
  return db.select().from(emulationJointPledges).where(eq(emulationJointPledges.roundId, roundId));
}

export async function upsertJointPledge(db: Executor, row: typeof emulationJointPledges.$inferInsert): Promise<void> {
  await db
    .insert(emulationJointPledges)
    .values(row)
    .onConflictDoUpdate({
      target: [emulationJointPledges.roundId, emulationJointPledges.groupId],
      set: { signedOn: row.signedOn, place: row.place, pledges: row.pledges, signatories: row.signatories, recordedBy: row.recordedBy },
    });
}

export async function scoresOfRound(db: Executor, roundId: string): Promise<ScoreRow[]> {
  return db.select().from(emulationScores).where(eq(emulationScores.roundId, roundId));
}

export async function scoresOfRegistration(db: Executor, registrationId: string): Promise<ScoreRow[]> {
  return db.select().from(emulationScores).where(eq(emulationScores.registrationId, registrationId));
}

export async function getScore(db: Executor, registrationId: string, criterionId: string): Promise<ScoreRow | undefined> {
  const [row] = await db.select().from(emulationScores).where(and(eq(emulationScores.registrationId, registrationId), eq(emulationScores.criterionId, criterionId)));
  return row;
}

/** Creates the line on its first write, then applies the patch. */
export async function upsertScore(db: Executor, key: { id: string; provinceCode: string; roundId: string; registrationId: string; criterionId: string }, patch: Partial<typeof emulationScores.$inferInsert> & { updatedAt: Date }): Promise<void> {
  await db
    .insert(emulationScores)
    .values({ ...key, ...patch })
    .onConflictDoUpdate({ target: [emulationScores.registrationId, emulationScores.criterionId], set: patch });
}

/** Self-assessments waiting for the board: submitted and not (re)verified since. */
export async function pendingVerifications(db: Executor, roundId: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(emulationScores)
    .where(and(eq(emulationScores.roundId, roundId), isNotNull(emulationScores.selfAt), isNull(emulationScores.verificationDecision)))
    .orderBy(asc(emulationScores.selfAt));
}

export async function insertFile(db: Executor, row: typeof emulationFiles.$inferInsert): Promise<void> {
  await db.insert(emulationFiles).values(row);
}

export async function getFile(db: Executor, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(emulationFiles).where(eq(emulationFiles.id, id));
  return row;
}

export async function getFiles(db: Executor, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(emulationFiles).where(inArray(emulationFiles.id, ids));
}
