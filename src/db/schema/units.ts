import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

// A unit version: the same official code may have several versions over time (a rename, a new parent when the
// district level was abolished on 01/07/2025). Codes are strings: leading zeros matter (QĐ 124/2004/QĐ-TTg).
export const adminUnits = pgTable(
  'admin_units',
  {
    id: serial('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune', 'village'] }).notNull(),
    kind: text('kind').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    legalBasis: text('legal_basis'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('admin_units_code_from_uq').on(t.code, t.validFrom),
    index('admin_units_parent_idx').on(t.parentCode),
    check('admin_units_interval_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const unitLineageEvents = pgTable(
  'unit_lineage_events',
  {
    id: serial('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: ['merge_full', 'merge_partial', 'split', 'rename'] }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis'),
    fromCode: text('from_code').notNull(),
    toCode: text('to_code').notNull(),
    share: numeric('share', { precision: 6, scale: 5, mode: 'number' }),
    note: text('note'),
  },
  (t) => [index('unit_lineage_from_idx').on(t.fromCode), index('unit_lineage_to_idx').on(t.toCode)],
);
