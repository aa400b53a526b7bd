import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. Repositories take this. */
export type Executor = Db | Tx;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * `readUrl`: a streaming read replica (DATABASE_READ_URL) that serves the dashboards and public pages, which read only
 * the stored figures; every write and everything else stays on `url`. See docs/deploy.md §10.
 */
export type DatabaseTarget = { engine: 'postgres'; url: string; readUrl?: string | null } | { engine: 'pglite'; dataDir: string | null };

export interface Database {
  db: Db;
  /** Where read-only dashboard queries go: the replica's pool when one is configured, else the same as `db`. */
  readDb: Db;
  /** the replica's pool, when one is configured */
  readPool: pg.Pool | null;
  engine: 'postgres' | 'pglite';
  /** Runs raw SQL with parameters; returns rows. For the few places drizzle's builder does not fit (COPY, DDL). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs raw SQL inside one transaction (for bulk loads that drizzle's builder does not fit): all of it commits or
   * none of it does.
   */
  rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite instance (embedded engine only), for dumps. */
  pglite: PGlite | null;
  pool: pg.Pool | null;
}

// DATE columns come back as 'yyyy-MM-dd' strings on both engines (no time-zone shifts).
pg.types.setTypeParser(1082, (value: string) => value);

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    // A replica refuses writes by itself; the read-only session makes the same true of a misconfigured URL that
    // points at the primary, so a write routed here by mistake fails instead of slipping past the audit.
    const readPool = target.readUrl
      ? new pg.Pool({ connectionString: target.readUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10), options: '-c default_transaction_read_only=on' })
      : null;
    const readDb = readPool ? (drizzlePg(readPool, { schema }) as unknown as Db) : db;
    // An idle pooled connection that the server closes (a PostgreSQL restart or failover, an administrator ending
    // sessions) is reported on the pool; without a listener Node treats it as an uncaught error and the whole app
    // stops. The pool drops that connection and opens a new one on the next query, so a note is enough.
    const onIdleError = (error: Error) => process.stderr.write(`PostgreSQL: một kết nối đang rỗi bị đóng (${error.message}); sẽ mở kết nối mới khi cần.\n`);
    pool.on('error', onIdleError);
    readPool?.on('error', onIdleError);
    return {
      db,
      readDb,
      readPool,
      engine: 'postgres',
      pglite: null,
      pool,
      async query<T>(text: string, params: unknown[] = []) {
        const result = await pool.query(text, params);
        return result.rows as T[];
      },
      async rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T> {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await fn(async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[]);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      async migrate() {
        await migratePg(db as never, { migrationsFolder });
      },
      async close() {
        await Promise.all([pool.end(), readPool?.end()]);
      },
    };
  }
  let lock: DataDirLock | null = null;
  if (target.dataDir) lock = lockDataDir(target.dataDir);
  let client: PGlite;
  try {
    client = target.dataDir ? await PGlite.create(path.join(target.dataDir, 'pgdata')) : await PGlite.create();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    readDb: db,
    readPool: null,
    engine: 'pglite',
    pglite: client,
    pool: null,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T> {
      return client.transaction(async (tx) => fn(async <R>(text: string, params: unknown[] = []) => (await tx.query(text, params)).rows as R[]));
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}
