// One connection holding one transaction, on either engine: a backup reads every table from the same snapshot,
// a restore writes every table (and the schema) in one all-or-nothing transaction.

import type { Database } from '../db/client.ts';

export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A statement without parameters (DDL from migrations). */
  exec(text: string): Promise<void>;
}

export type TransactionMode = 'snapshot' | 'write';

/**
 * Runs `work` inside one transaction. 'snapshot': REPEATABLE READ, READ ONLY — on PostgreSQL every query sees the
 * database as it was at the first query, while the server keeps writing; on PGlite the transaction also holds the
 * single connection, so nothing else runs in between. 'write': READ COMMITTED; commits only if `work` resolves.
 */
export async function inTransaction<T>(database: Database, mode: TransactionMode, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const begin = mode === 'snapshot' ? 'set transaction isolation level repeatable read, read only' : null;
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      if (begin) await tx.exec(begin);
      return work({
        async query<R>(text: string, params: unknown[] = []) {
          return (await tx.query<R>(text, params)).rows;
        },
        async exec(text: string) {
          await tx.exec(text);
        },
      });
    });
  }
  if (!database.pool) throw new Error('Cơ sở dữ liệu không có kết nối.');
  const client = await database.pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    if (begin) await client.query(begin);
    const result = await work({
      async query<R>(text: string, params: unknown[] = []) {
        return (await client.query(text, params)).rows as R[];
      },
      async exec(text: string) {
        await client.query(text);
      },
    });
    await client.query('commit');
    return result;
  } catch (error) {
    try {
      await client.query('rollback');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
