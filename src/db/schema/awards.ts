import { bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { emulationCampaigns, emulationRounds } from './emulation.ts';
import { individuals, organisations } from './participants.ts';
import { households } from './registry.ts';

// Award nominations (DOMAIN.md §9): a proposing level's batch for one form in one campaign round, its nominees with
// their achievement reports and eligibility, the path through the approval engine and the province's stages (public
// comment, council vote, decision), comments from the public, and the award registry of every award granted.

export const awardBatches = pgTable(
  'award_batches',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaigns.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id),
    formId: text('form_id').notNull(),
    /** The catalogue version that judges the batch (src/domain/awards/award-forms.ts), e.g. "nd91-2017@1". */
    catalogue: text('catalogue').notNull(),
    /** Threshold and periods of this batch (BatchRules), fixed when it is created. */
    rules: jsonb('rules').notNull(),
    title: text('title').notNull(),
    /** The day units are read on for this batch (names, hierarchy, scope): the end of the round's year. */
    unitsDate: date('units_date', { mode: 'string' }).notNull(),
    proposerLevel: text('proposer_level', { enum: ['commune', 'district', 'organisation'] }).notNull(),
    proposerUnitCode: text('proposer_unit_code'),
    proposerOrganisationId: uuid('proposer_organisation_id').references(() => organisations.id),
    proposerName: text('proposer_name').notNull(),
    /** The unit the batch belongs to for scope: the proposing unit, or the organisation's unit. */
    scopeUnitCode: text('scope_unit_code').notNull(),
    /** Who returns or approves it: a unit, or (its own Giấy khen) the proposing organisation. */
    reviewerUnitCode: text('reviewer_unit_code'),
    reviewerOrganisationId: uuid('reviewer_organisation_id').references(() => organisations.id),
    reviewerName: text('reviewer_name').notNull(),
    reviewerRole: text('reviewer_role', { enum: ['consolidates', 'appraises'] }).notNull(),
    state: text('state', { enum: ['draft', 'submitted', 'returned', 'approved'] }).notNull(),
    stage: text('stage', { enum: ['proposing', 'forwarded', 'appraised', 'public_comment', 'council_voted', 'decided'] }).notNull(),
    /** Số, ngày, người ký, nội dung of the tờ trình. */
    toTrinh: jsonb('to_trinh'),
    /** The proposing level's council meeting: time, place, chair, secretary, attendance and votes per nominee. */
    proposerMeeting: jsonb('proposer_meeting'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    lastSubmittedOn: date('last_submitted_on', { mode: 'string' }),
    appraisalDueOn: date('appraisal_due_on', { mode: 'string' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByName: text('approved_by_name'),
    commentFrom: date('comment_from', { mode: 'string' }),
    commentTo: date('comment_to', { mode: 'string' }),
    commentWorkingDays: integer('comment_working_days'),
    /** The council's meeting on the batch: date, place, chair, secretary, members, who attended. */
    council: jsonb('council'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionSigner: jsonb('decision_signer'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('award_batches_round_form_idx').on(t.roundId, t.formId),
    index('award_batches_reviewer_idx').on(t.reviewerUnitCode),
    index('award_batches_scope_idx').on(t.scopeUnitCode),
  ],
);

export const awardBatchEvents = pgTable(
  'award_batch_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provinceCode: text('province_code').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => awardBatches.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('award_batch_events_batch_idx').on(t.batchId, t.at)],
);

export const awardNominees = pgTable(
  'award_nominees',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => awardBatches.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['collective', 'individual', 'household'] }).notNull(),
    /** "unit:06541", "org:<id>", "individual:<id>", "household:<id>": the same nominee across batches. */
    nomineeKey: text('nominee_key').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    /** Chức vụ, đơn vị or địa chỉ as the list prints it. */
    description: text('description').notNull(),
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    individualId: uuid('individual_id').references(() => individuals.id),
    householdId: uuid('household_id').references(() => households.id),
    achievementReport: text('achievement_report').notNull(),
    /** The checks of the last evaluation (EligibilityCheck[]), kept so the board sees what the proposer saw. */
    eligibility: jsonb('eligibility').notNull().default([]),
    exceptionReason: text('exception_reason'),
    councilAgree: integer('council_agree'),
    councilDisagree: integer('council_disagree'),
    councilAbstain: integer('council_abstain'),
    councilRate: numeric('council_rate', { precision: 5, scale: 2, mode: 'number' }),
    councilPassed: boolean('council_passed'),
    sortOrder: integer('sort_order').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('award_nominees_batch_key_uq').on(t.batchId, t.nomineeKey), index('award_nominees_key_idx').on(t.nomineeKey)],
);

/** Comments of the public on a State-level list while it is published, and the board's answers. */
export const awardPublicComments = pgTable(
  'award_public_comments',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => awardBatches.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id').references(() => awardNominees.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** Phone or address, for the board only; never published. */
    contact: text('contact'),
    content: text('content').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
  },
  (t) => [index('award_public_comments_batch_idx').on(t.batchId, t.receivedAt)],
);

/** The award registry: every award granted, to a collective, an individual or a household, with campaign and round. */
export const awardRegistry = pgTable(
  'award_registry',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => awardBatches.id),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => awardNominees.id),
    formId: text('form_id').notNull(),
    formName: text('form_name').notNull(),
    kind: text('kind', { enum: ['collective', 'individual', 'household'] }).notNull(),
    nomineeKey: text('nominee_key').notNull(),
    recipientName: text('recipient_name').notNull(),
    /** accent-folded name and description for accent-insensitive search */
    searchFolded: text('search_folded').notNull(),
    description: text('description').notNull(),
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    individualId: uuid('individual_id').references(() => individuals.id),
    householdId: uuid('household_id').references(() => households.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaigns.id),
    campaignName: text('campaign_name').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id),
    roundName: text('round_name').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    signerName: text('signer_name').notNull(),
    /** Số vào sổ khen thưởng: "<n>/<year>", numbered per year of decision. */
    registryNumber: text('registry_number').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The same form cannot be granted twice to the same nominee for the same round.
    uniqueIndex('award_registry_form_round_nominee_uq').on(t.formId, t.roundId, t.nomineeKey),
    uniqueIndex('award_registry_number_uq').on(t.provinceCode, t.registryNumber),
    index('award_registry_unit_idx').on(t.unitCode),
    index('award_registry_key_idx').on(t.nomineeKey),
  ],
);
