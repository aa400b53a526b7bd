import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Participants that are not territorial units (DOMAIN.md §1): departments, the Fatherland Front and unions,
// armed forces, enterprises, cooperatives. They carry validity dates because departments were merged in 2025.
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type', {
      enum: ['department', 'fatherland_front', 'union', 'armed_forces', 'bank', 'enterprise', 'cooperative', 'other'],
    }).notNull(),
    unitCode: text('unit_code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('organisations_unit_idx').on(t.unitCode)],
);

export const individuals = pgTable(
  'individuals',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    role: text('role', { enum: ['poverty_cadre', 'officer', 'other'] }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    unitCode: text('unit_code'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('individuals_unit_idx').on(t.unitCode), index('individuals_org_idx').on(t.organisationId)],
);

// Cụm thi đua (clusters, e.g. of districts) and khối thi đua (blocks, e.g. of departments), per year.
export const emulationGroups = pgTable(
  'emulation_groups',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['cluster', 'block'] }).notNull(),
    name: text('name').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_groups_year_name_uq').on(t.year, t.name)],
);

export const emulationGroupMembers = pgTable(
  'emulation_group_members',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => emulationGroups.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (t) => [index('emulation_group_members_group_idx').on(t.groupId)],
);
