// The application's tables as the database describes them (not as a list kept by hand): a table added by a later
// module is backed up and restored without touching this code.

import type { SqlSession } from './sql-session.ts';

type Query = SqlSession['query'];

export interface CatalogTable {
  name: string;
  /** columns that take a value on insert (generated columns are computed again) */
  columns: string[];
  /** primary-key columns, in key order (empty when the table has none) */
  primaryKey: string[];
  /** tables this one references by foreign key (other than itself) */
  references: string[];
}

export interface CatalogSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(table: string): string {
  return `public.${quoteIdent(table)}`;
}

/** Top-level tables of the public schema (partitions are reached through their parent). */
export async function listTables(query: Query): Promise<CatalogTable[]> {
  const tables = await query<{ name: string }>(
    `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const columns = await query<{ table_name: string; column_name: string; generated: string }>(
    `select c.relname as table_name, a.attname as column_name, a.attgenerated::text as generated
       from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const keys = await query<{ table_name: string; column_name: string }>(
    `select c.relname as table_name, a.attname as column_name
       from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const fks = await query<{ child: string; parent: string }>(
    `select distinct child.relname as child, parent.relname as parent
       from pg_catalog.pg_constraint k
       join pg_catalog.pg_class child on child.oid = k.conrelid
       join pg_catalog.pg_class parent on parent.oid = k.confrelid
       join pg_catalog.pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  return tables.map(({ name }) => ({
    name,
    columns: columns.filter((c) => c.table_name === name && (c.generated ?? '') === '').map((c) => c.column_name),
    primaryKey: keys.filter((k) => k.table_name === name).map((k) => k.column_name),
    references: [...new Set(fks.filter((f) => f.child === name && f.parent !== name).map((f) => f.parent))].sort(),
  }));
}

/**
 * Parents before children, so that inserting in this order satisfies every foreign key; ties by name, so the order
 * (and so the archive) is the same on every run. A cycle is refused: it would make an all-or-nothing restore fail.
 */
export function orderByDependency(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: CatalogTable[] = [];
  const visit = (table: CatalogTable, path: string[]): void => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`Khoá ngoại tạo thành vòng: ${[...path, table.name].join(' → ')}`);
    visiting.add(table.name);
    for (const parent of table.references) {
      const p = byName.get(parent);
      if (p) visit(p, [...path, table.name]);
    }
    visiting.delete(table.name);
    done.add(table.name);
    out.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(table, []);
  return out;
}

export async function listSequences(query: Query): Promise<CatalogSequence[]> {
  const names = await query<{ name: string }>(
    `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const out: CatalogSequence[] = [];
  for (const { name } of names) {
    const [row] = await query<{ last_value: string; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${qualified(name)}`,
    );
    if (row) out.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return out;
}

/** True when any application table holds a row. */
export async function hasAnyRow(query: Query, tables: CatalogTable[]): Promise<string | null> {
  for (const table of tables) {
    const [row] = await query<{ present: boolean }>(`select exists (select 1 from ${qualified(table.name)}) as present`);
    if (row?.present) return table.name;
  }
  return null;
}

/**
 * Removes every object of the application's schema (tables, views, sequences, types) and drizzle's migration
 * record, one statement at a time inside the caller's transaction: the objects belong to the application's role,
 * which may not own the `public` schema itself.
 */
export async function dropApplicationSchema(session: SqlSession): Promise<void> {
  await session.exec('drop schema if exists drizzle cascade');
  const objects = await session.query<{ kind: string; name: string }>(
    `select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end as kind,
            c.relname as name
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and not c.relispartition
      order by case c.relkind when 'v' then 0 when 'm' then 0 when 'S' then 2 else 1 end, c.relname`,
  );
  for (const o of objects) await session.exec(`drop ${o.kind} if exists ${qualified(o.name)} cascade`);
  const types = await session.query<{ name: string }>(
    `select t.typname as name from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and (t.typtype in ('e', 'd', 'r', 'm')
         or (t.typtype = 'c' and exists (select 1 from pg_catalog.pg_class c where c.oid = t.typrelid and c.relkind = 'c')))`,
  );
  for (const t of types) await session.exec(`drop type if exists ${qualified(t.name)} cascade`);
}
