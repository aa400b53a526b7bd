import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The poverty registry (DOMAIN.md §2–§3). Large tables carry province_code so that a province-partitioned or sharded
// PostgreSQL can hold the national registry.

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    code: text('code').notNull(),
    headName: text('head_name').notNull(),
    /** accent-folded head name for accent-insensitive search ("loc binh" finds "Lộc Bình") */
    headNameFolded: text('head_name_folded').notNull(),
    /** the household's village (a unit code, stable across the 2020 and 2025 mergers) */
    villageCode: text('village_code').notNull(),
    area: text('area', { enum: ['rural', 'urban'] }).notNull(),
    ethnicMinority: boolean('ethnic_minority').notNull().default(false),
    femaleHead: boolean('female_head').notNull().default(false),
    hasMeritPerson: boolean('has_merit_person').notNull().default(false),
    hasSocialProtection: boolean('has_social_protection').notNull().default(false),
    /** dwelling facts: materials, floor area, water, latrine, telecom and information assets */
    dwelling: jsonb('dwelling').notNull().default({}),
    closedOn: date('closed_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('households_province_code_uq').on(t.provinceCode, t.code),
    index('households_village_idx').on(t.villageCode),
    index('households_folded_idx').on(t.headNameFolded),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    fullNameFolded: text('full_name_folded').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    birthYear: integer('birth_year').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    relation: text('relation').notNull(),
    citizenId: text('citizen_id'),
    ethnicity: text('ethnicity'),
    /** member facts used to derive deprivations: schooling, in school, insurance, work, health, nutrition */
    facts: jsonb('facts').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_citizen_idx').on(t.citizenId),
    index('household_members_folded_idx').on(t.fullNameFolded, t.birthYear),
  ],
);

export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    standardId: text('standard_id').notNull(),
    standardVersion: text('standard_version').notNull(),
    state: text('state', { enum: ['open', 'frozen'] }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** the province's approving decision (e.g. 2426/QĐ-UBND of 16/12/2017) */
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('review_rounds_year_standard_uq').on(t.provinceCode, t.year, t.standardId)],
);

/** Progress of one commune through the review procedure of a round (TT 17/2016/TT-BLĐTBXH; QĐ 24/2021/QĐ-TTg). */
export const roundCommunes = pgTable(
  'round_communes',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'cascade' }),
    communeCode: text('commune_code').notNull(),
    state: text('state').notNull(),
    steps: jsonb('steps').notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('round_communes_round_commune_uq').on(t.roundId, t.communeCode)],
);

/**
 * A household's classification in a round. Rows are never rewritten: an edit adds a new revision; after approval the
 * new revision is an amendment with its reason (is_amendment), shown as such everywhere.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    revision: integer('revision').notNull(),
    isCurrent: boolean('is_current').notNull(),
    villageCode: text('village_code').notNull(),
    communeCode: text('commune_code').notNull(),
    districtCode: text('district_code'),
    area: text('area', { enum: ['rural', 'urban'] }).notNull(),
    ethnicMinority: boolean('ethnic_minority').notNull(),
    femaleHead: boolean('female_head').notNull(),
    meritOrSocial: boolean('merit_or_social').notNull(),
    incomePerCapita: bigint('income_per_capita', { mode: 'number' }),
    b1Score: integer('b1_score'),
    deprivations: text('deprivations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    detail: jsonb('detail').notNull().default({}),
    category: text('category', { enum: ['poor', 'near_poor', 'middle', 'not_poor'] }).notNull(),
    reason: text('reason').notNull(),
    standardVersion: text('standard_version').notNull(),
    transition: text('transition').notNull(),
    stableEscapeYears: integer('stable_escape_years'),
    isAmendment: boolean('is_amendment').notNull().default(false),
    amendmentReason: text('amendment_reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('assessments_round_household_rev_uq').on(t.roundId, t.householdId, t.revision),
    index('assessments_current_idx').on(t.roundId, t.communeCode).where(sql`${t.isCurrent}`),
    index('assessments_household_idx').on(t.householdId),
    // The start-up check for figures left stale by a crash reads max(created_at) per round from this index.
    index('assessments_round_created_idx').on(t.roundId, t.createdAt),
  ],
);

/** Loans from the Bank for Social Policies (criterion 5b.4). */
export const socialBankLoans = pgTable(
  'social_bank_loans',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    usedAsIntended: boolean('used_as_intended').notNull(),
    interestOnTime: boolean('interest_on_time').notNull(),
    principalOnTime: boolean('principal_on_time').notNull(),
    repaidOn: date('repaid_on', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('social_bank_loans_household_idx').on(t.householdId)],
);

/** Tự nguyện đăng ký thoát nghèo (criterion 5b.1). */
export const escapeRegistrations = pgTable(
  'escape_registrations',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [uniqueIndex('escape_registrations_household_year_uq').on(t.householdId, t.year)],
);

/** In-year applications ("phát sinh"): the commune chairman decides within 7 working days. */
export const inYearApplications = pgTable(
  'in_year_applications',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    communeCode: text('commune_code').notNull(),
    kind: text('kind', { enum: ['enter_poor', 'enter_near_poor', 'leave'] }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    deadlineOn: date('deadline_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    outcome: text('outcome', { enum: ['accepted', 'refused'] }),
    reason: text('reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('in_year_applications_commune_idx').on(t.communeCode)],
);
