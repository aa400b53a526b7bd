// Bulk writes that are fast on both engines: one statement per batch of rows,
//   insert into t (a, b, …) select u.a, u.b::jsonb, … from unnest($1::uuid[], $2::text[], …) as u(a, b, …)
// with one array parameter per column (plus scalar parameters for values shared by the whole batch). It runs the
// same on PGlite and PostgreSQL 15, costs one round trip per batch, and leaves the row order to the caller.

import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';

/**
 * How a column travels: as an array of this PostgreSQL type. `jsonb` values travel as JSON text and `text[]` values
 * as array literals ("{water,latrine}"), because unnest would flatten an array of arrays.
 */
export type ColumnType =
  'uuid' | 'text' | 'int4' | 'int8' | 'bool' | 'date' | 'timestamptz' | 'jsonb' | 'text[]';

export interface ColumnSpec<Row> {
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (row: Row) => unknown;
}

export interface ConstantColumn {
  readonly name: string;
  readonly value: unknown;
  /** a PostgreSQL type for the cast, e.g. "timestamptz" */
  readonly type: string;
}

const ARRAY_TYPE: Readonly<Record<ColumnType, string>> = {
  uuid: 'uuid[]',
  text: 'text[]',
  int4: 'int4[]',
  int8: 'int8[]',
  bool: 'bool[]',
  date: 'date[]',
  timestamptz: 'timestamptz[]',
  jsonb: 'text[]',
  'text[]': 'text[]',
};

/** "{a,b}" for an array of simple codes (letters, digits and "_" only: no quoting needed). */
export function textArrayLiteral(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[A-Za-z0-9_]+$/u.test(value)) throw new Error(`Mã "${value}" không ghi được dạng mảng đơn giản.`);
  }
  return `{${values.join(',')}}`;
}

function encode(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'text[]') return textArrayLiteral(value as readonly string[]);
  return value;
}

/** The statement for one batch (exposed so that a test can check its shape without a database). */
export function buildInsert<Row>(
  table: string,
  columns: readonly ColumnSpec<Row>[],
  constants: readonly ConstantColumn[],
  rows: readonly Row[],
): SQL {
  const names = [...columns.map((c) => c.name), ...constants.map((c) => c.name)];
  const chunks: SQL[] = [sql.raw(`insert into ${table} (${names.join(', ')}) select `)];
  const selected: string[] = columns.map((c) =>
    c.type === 'jsonb' ? `u.${c.name}::jsonb` : c.type === 'text[]' ? `u.${c.name}::text[]` : `u.${c.name}`,
  );
  chunks.push(sql.raw(selected.join(', ')));
  constants.forEach((c) => {
    chunks.push(sql.raw(', '), sql`${sql.param(c.value)}`, sql.raw(`::${c.type}`));
  });
  chunks.push(sql.raw(' from unnest('));
  columns.forEach((c, i) => {
    if (i > 0) chunks.push(sql.raw(', '));
    chunks.push(
      sql`${sql.param(rows.map((row) => encode(c.type, c.value(row))))}`,
      sql.raw(`::${ARRAY_TYPE[c.type]}`),
    );
  });
  chunks.push(sql.raw(`) as u(${columns.map((c) => c.name).join(', ')})`));
  return sql.join(chunks);
}

/** Inserts the rows in batches of `batchSize` (5,000 by default: see bench/demo-registry.bench.ts). */
export async function insertRows<Row>(
  executor: Executor,
  table: string,
  columns: readonly ColumnSpec<Row>[],
  constants: readonly ConstantColumn[],
  rows: readonly Row[],
  batchSize = 5000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    try {
      await executor.execute(buildInsert(table, columns, constants, batch));
    } catch (error) {
      // The driver's error carries every parameter (megabytes for a batch): keep only the database's own words.
      const cause: unknown = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const message = cause instanceof Error ? cause.message : String(cause);
      const detail = (cause as { detail?: unknown }).detail;
      // eslint-disable-next-line preserve-caught-error -- not attached on purpose: it would print every parameter.
      throw new Error(
        `Không ghi được ${batch.length} dòng vào bảng ${table}: ${message}${typeof detail === 'string' ? ` (${detail})` : ''}`,
      );
    }
  }
}
