import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './participants.ts';
import { households } from './registry.ts';

// Quỹ "Vì người nghèo" (DOMAIN.md §7), one ledger per Fatherland Front level (the unit code of the province, a district
// or a commune), and the support activities of any participant. Money is whole đồng.

export const fundPeriods = pgTable(
  'fund_periods',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    fundUnitCode: text('fund_unit_code').notNull(),
    name: text('name').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    peakFrom: date('peak_from', { mode: 'string' }),
    peakTo: date('peak_to', { mode: 'string' }),
    /** Only the level's first period declares an opening; later ones carry the previous closing. */
    openingBalance: bigint('opening_balance', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fund_periods_level_from_uq').on(t.fundUnitCode, t.fromDate)],
);

export const fundContributions = pgTable(
  'fund_contributions',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    fundUnitCode: text('fund_unit_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => fundPeriods.id),
    donorName: text('donor_name').notNull(),
    donorKind: text('donor_kind').notNull(),
    /** The participant the contribution counts for (criteria 1.3, 7.1). */
    donorOrganisationId: uuid('donor_organisation_id').references(() => organisations.id),
    donorUnitCode: text('donor_unit_code'),
    agreesToBeNamed: boolean('agrees_to_be_named').notNull(),
    form: text('form', { enum: ['cash', 'kind'] }).notNull(),
    kindDescription: text('kind_description'),
    value: bigint('value', { mode: 'number' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receiptNumber: text('receipt_number').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fund_contributions_receipt_uq').on(t.fundUnitCode, t.receiptNumber), index('fund_contributions_period_idx').on(t.periodId)],
);

/** Gifts donors gave directly to named poor households and reported to the fund committee so that they are counted. */
export const fundDirectGifts = pgTable(
  'fund_direct_gifts',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    fundUnitCode: text('fund_unit_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => fundPeriods.id),
    donorName: text('donor_name').notNull(),
    donorOrganisationId: uuid('donor_organisation_id').references(() => organisations.id),
    donorUnitCode: text('donor_unit_code'),
    agreesToBeNamed: boolean('agrees_to_be_named').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    purpose: text('purpose', { enum: ['housing', 'production', 'schooling', 'health', 'relief'] }).notNull(),
    form: text('form', { enum: ['cash', 'kind'] }).notNull(),
    description: text('description'),
    value: bigint('value', { mode: 'number' }).notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fund_direct_gifts_period_idx').on(t.periodId)],
);

export const fundDisbursements = pgTable(
  'fund_disbursements',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    fundUnitCode: text('fund_unit_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => fundPeriods.id),
    beneficiaryKind: text('beneficiary_kind', { enum: ['household', 'project'] }).notNull(),
    householdId: uuid('household_id').references(() => households.id),
    projectName: text('project_name'),
    purpose: text('purpose', { enum: ['housing', 'production', 'schooling', 'health', 'relief'] }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
    decisionNumber: text('decision_number'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fund_disbursements_period_idx').on(t.periodId)],
);

/** Support given by any participant to a household or a unit (DOMAIN.md §7). */
export const supportActivities = pgTable(
  'support_activities',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    supporterKind: text('supporter_kind', { enum: ['unit', 'organisation', 'household'] }).notNull(),
    supporterName: text('supporter_name').notNull(),
    /** The supporter's unit (its own code, its organisation's unit, its household's village): scope. */
    supporterUnitCode: text('supporter_unit_code').notNull(),
    supporterOrganisationId: uuid('supporter_organisation_id').references(() => organisations.id),
    supporterHouseholdId: uuid('supporter_household_id').references(() => households.id),
    targetKind: text('target_kind', { enum: ['household', 'unit'] }).notNull(),
    targetHouseholdId: uuid('target_household_id').references(() => households.id),
    targetUnitCode: text('target_unit_code').notNull(),
    kind: text('kind', { enum: ['jobs', 'capital', 'breeds_seeds', 'technique', 'training', 'product_purchase'] }).notNull(),
    quantity: integer('quantity').notNull().default(0),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('support_activities_supporter_unit_idx').on(t.supporterUnitCode),
    index('support_activities_supporter_org_idx').on(t.supporterOrganisationId),
    index('support_activities_supporter_household_idx').on(t.supporterHouseholdId),
  ],
);
