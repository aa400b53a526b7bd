// Which migration a database is at, compared with the migrations this version of the software ships.
// drizzle records each applied migration in drizzle.__drizzle_migrations (hash of the SQL file, and the journal's
// `when` as created_at) on both engines; migrations are forward only, so the latest row names the schema.

import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder as defaultMigrationsFolder } from '../db/client.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { SqlSession } from './sql-session.ts';

export interface MigrationId {
  /** the journal tag, e.g. 0000_initial; null when the database names a migration this software does not ship */
  tag: string | null;
  /** the journal's `when` (milliseconds), stored by drizzle as created_at */
  createdAt: number;
  /** sha256 of the migration's SQL file */
  hash: string;
}

export interface ShippedMigration {
  tag: string;
  createdAt: number;
  hash: string;
  statements: string[];
}

export function readShippedMigrations(migrationsFolder = defaultMigrationsFolder): ShippedMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, i) => ({
    tag: entry.tag,
    createdAt: entry.when,
    hash: files[i]!.hash,
    statements: files[i]!.sql,
  }));
}

type Query = SqlSession['query'];

/** The latest applied migration, or null when the database has never been migrated. */
export async function readAppliedMigration(query: Query, shipped: ShippedMigration[]): Promise<MigrationId | null> {
  const [exists] = await query<{ present: boolean }>(
    `select exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'drizzle' and c.relname = '__drizzle_migrations') as present`,
  );
  if (!exists?.present) return null;
  const [row] = await query<{ hash: string; created_at: string | number }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!row) return null;
  const createdAt = Number(row.created_at);
  const known = shipped.find((m) => m.createdAt === createdAt && m.hash === row.hash);
  return { tag: known?.tag ?? null, createdAt, hash: row.hash };
}

export type MigrationComparison =
  | { status: 'current'; applied: MigrationId }
  | { status: 'not_migrated' }
  | { status: 'behind'; applied: MigrationId; latest: ShippedMigration }
  | { status: 'ahead_or_unknown'; applied: MigrationId };

export function compareMigration(applied: MigrationId | null, shipped: ShippedMigration[]): MigrationComparison {
  const latest = shipped[shipped.length - 1];
  if (!applied) return { status: 'not_migrated' };
  if (!latest) return { status: 'ahead_or_unknown', applied };
  if (applied.tag === null) return { status: 'ahead_or_unknown', applied };
  if (applied.createdAt === latest.createdAt) return { status: 'current', applied };
  return { status: 'behind', applied, latest };
}

/**
 * Applies the shipped migrations after `from` up to and including `to` inside the caller's transaction, recording
 * each in drizzle's table exactly as drizzle's own migrator does (so `db migrate` and start-up see them as applied).
 */
export async function applyMigrationsInTransaction(
  session: SqlSession,
  shipped: ShippedMigration[],
  from: MigrationId | null,
  to: ShippedMigration,
): Promise<number> {
  await session.exec('create schema if not exists drizzle');
  await session.exec(
    'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
  );
  let applied = 0;
  for (const migration of shipped) {
    if (from && migration.createdAt <= from.createdAt) continue;
    if (migration.createdAt > to.createdAt) break;
    for (const statement of migration.statements) {
      if (statement.trim() !== '') await session.exec(statement);
    }
    await session.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [migration.hash, migration.createdAt]);
    applied += 1;
  }
  return applied;
}
