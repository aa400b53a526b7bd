import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { loginAttempts, roleAssignments, sessions, users } from '../../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listAssignments(db: Executor, userId: string) {
  return db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gte(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertLoginAttempt(db: Executor, row: typeof loginAttempts.$inferInsert): Promise<void> {
  await db.insert(loginAttempts).values(row);
}

/** Failed attempts since `since` for this username and for this IP address. */
export async function countRecentFailures(db: Executor, username: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginAttempts.username} = ${username})::int`,
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
  return { byUser: row?.byUser ?? 0, byIp: row?.byIp ?? 0 };
}

export async function updatePasswordHash(db: Executor, userId: string, hash: string, at: Date): Promise<void> {
  await db.update(users).set({ passwordHash: hash, passwordChangedAt: at }).where(eq(users.id, userId));
}
