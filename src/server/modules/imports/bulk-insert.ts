import type { RawQuery } from '../../../db/client.ts';

export interface BulkColumn<T> {
  name: string;
  /** PostgreSQL array element type, e.g. 'uuid', 'text', 'int', 'bigint', 'bool', 'date', 'jsonb', 'timestamptz', 'text[]' */
  type: string;
  value: (row: T) => unknown;
}

/**
 * Inserts many rows with one statement per chunk: `insert … select * from unnest($1::uuid[], $2::text[], …)`.
 * Works the same on PGlite and PostgreSQL and is an order of magnitude faster than row-by-row VALUES.
 * text[] columns cannot be unnested as arrays of arrays, so they travel as JSON text and are converted back.
 */
export async function bulkInsert<T>(
  query: RawQuery,
  table: string,
  columns: BulkColumn<T>[],
  rows: readonly T[],
  chunkSize = 5000,
): Promise<void> {
  const selectList = columns
    .map((c, i) => {
      if (c.type === 'text[]') return `coalesce(array(select jsonb_array_elements_text(x${i}::jsonb)), '{}')`;
      if (c.type === 'jsonb') return `x${i}::jsonb`;
      return `x${i}`;
    })
    .join(', ');
  const unnestList = columns.map((c, i) => `$${i + 1}::${c.type === 'text[]' || c.type === 'jsonb' ? 'text' : c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `x${i}`).join(', ');
  const sql = `insert into ${table} (${columns.map((c) => `"${c.name}"`).join(', ')}) select ${selectList} from unnest(${unnestList}) as t(${aliases})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params = columns.map((c) =>
      chunk.map((r) => {
        const v = c.value(r);
        if (v === undefined || v === null) return null;
        if (c.type === 'text[]' || c.type === 'jsonb') return JSON.stringify(v);
        return v;
      }),
    );
    await query(sql, params);
  }
}
