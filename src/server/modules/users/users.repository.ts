import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { roleAssignments, users } from '../../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type AssignmentRow = typeof roleAssignments.$inferSelect;

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.select().from(users);
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function listAssignmentsFor(db: Executor, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(roleAssignments).where(inArray(roleAssignments.userId, userIds));
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function replaceAssignments(db: Executor, userId: string, rows: (typeof roleAssignments.$inferInsert)[]): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (rows.length) await db.insert(roleAssignments).values(rows);
}
