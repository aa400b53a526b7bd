import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { households, individuals } from '../../../db/schema/index.ts';

export async function findIndividual(db: Executor, id: string) {
  const [row] = await db.select().from(individuals).where(eq(individuals.id, id));
  return row;
}

export async function findHousehold(db: Executor, id: string) {
  const [row] = await db.select().from(households).where(eq(households.id, id));
  return row;
}
