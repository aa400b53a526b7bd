import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { emulationGroups, individuals, organisations } from './participants.ts';
import { households } from './registry.ts';

// The emulation movement (DOMAIN.md §6): campaigns with their criteria sets (versioned per participant type) and review
// rounds; registrations with pledges; score lines that keep every source of a score (formula, evidence and its
// verification, council, board adjustment); evidence files; initiatives, models and advanced examples.

const points = (name: string) => numeric(name, { precision: 8, scale: 2, mode: 'number' });

export const emulationCampaigns = pgTable(
  'emulation_campaigns',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    /** Set by seeds ("plan-165-2017") so that seeding twice finds the campaign instead of adding another. */
    seedKey: text('seed_key'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    legalBasis: text('legal_basis').notNull(),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    participantTypes: text('participant_types').array().notNull(),
    targetRuleSetId: text('target_rule_set_id').notNull(),
    targetRuleSetVersion: integer('target_rule_set_version').notNull(),
    copiedFromId: uuid('copied_from_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_campaigns_seed_uq').on(t.provinceCode, t.seedKey)],
);

export const emulationCriteriaSets = pgTable(
  'emulation_criteria_sets',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaigns.id, { onDelete: 'cascade' }),
    participantType: text('participant_type').notNull(),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('emulation_criteria_sets_version_uq').on(t.campaignId, t.participantType, t.version),
    uniqueIndex('emulation_criteria_sets_current_uq').on(t.campaignId, t.participantType).where(sql`${t.isCurrent}`),
  ],
);

export const emulationCriteria = pgTable(
  'emulation_criteria',
  {
    id: uuid('id').primaryKey(),
    criteriaSetId: uuid('criteria_set_id')
      .notNull()
      .references(() => emulationCriteriaSets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    text: text('text').notNull(),
    maxPoints: points('max_points').notNull(),
    kind: text('kind', { enum: ['measured', 'evidence', 'council'] }).notNull(),
    formulaId: text('formula_id'),
    params: jsonb('params').notNull().default({}),
    feeds: text('feeds').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('emulation_criteria_set_code_uq').on(t.criteriaSetId, t.code)],
);

export const emulationRounds = pgTable(
  'emulation_rounds',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['annual', 'mid_term', 'final'] }).notNull(),
    name: text('name').notNull(),
    /** The year whose clusters and blocks rank the round. */
    year: integer('year').notNull(),
    /** The review years whose figures the measured criteria judge (one for an annual round). */
    measureFromYear: integer('measure_from_year').notNull(),
    measureToYear: integer('measure_to_year').notNull(),
    selfAssessmentFrom: date('self_assessment_from', { mode: 'string' }).notNull(),
    selfAssessmentTo: date('self_assessment_to', { mode: 'string' }).notNull(),
    verificationUntil: date('verification_until', { mode: 'string' }).notNull(),
    councilScoringOn: date('council_scoring_on', { mode: 'string' }).notNull(),
    publicationOn: date('publication_on', { mode: 'string' }).notNull(),
    ceremonyOn: date('ceremony_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    lastRecomputedAt: timestamp('last_recomputed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_rounds_campaign_name_uq').on(t.campaignId, t.name)],
);

/** The criteria set version a round scores a participant type under, fixed at its first score. */
export const emulationRoundCriteriaSets = pgTable(
  'emulation_round_criteria_sets',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id, { onDelete: 'cascade' }),
    participantType: text('participant_type').notNull(),
    criteriaSetId: uuid('criteria_set_id')
      .notNull()
      .references(() => emulationCriteriaSets.id),
  },
  (t) => [uniqueIndex('emulation_round_criteria_sets_uq').on(t.roundId, t.participantType)],
);

/** A unit's own required reduction of its poor-household rate for a year (a district plan may be stricter). */
export const emulationUnitTargets = pgTable(
  'emulation_unit_targets',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaigns.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    year: integer('year').notNull(),
    requiredReduction: numeric('required_reduction', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    setBy: text('set_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_unit_targets_uq').on(t.campaignId, t.unitCode, t.year)],
);

export const emulationRegistrations = pgTable(
  'emulation_registrations',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id, { onDelete: 'cascade' }),
    participantType: text('participant_type').notNull(),
    participantKind: text('participant_kind', { enum: ['unit', 'organisation', 'individual', 'household'] }).notNull(),
    /** Unit code, or the id of the organisation, individual or household. */
    participantKey: text('participant_key').notNull(),
    participantName: text('participant_name').notNull(),
    /** The unit the participant belongs to (its own code, the organisation's unit, the household's village): scope. */
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    individualId: uuid('individual_id').references(() => individuals.id),
    householdId: uuid('household_id').references(() => households.id),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    pledges: jsonb('pledges').notNull().default([]),
    registeredBy: text('registered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('emulation_registrations_uq').on(t.roundId, t.participantType, t.participantKey),
    index('emulation_registrations_unit_idx').on(t.unitCode),
  ],
);

/** Giao ước thi đua: the joint pledge of a cluster or block, with its signatories. */
export const emulationJointPledges = pgTable(
  'emulation_joint_pledges',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => emulationGroups.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    place: text('place'),
    pledges: jsonb('pledges').notNull(),
    signatories: jsonb('signatories').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_joint_pledges_uq').on(t.roundId, t.groupId)],
);

/**
 * One line of a participant's score sheet: each source is kept in its own columns (the formula's result and inputs;
 * the self-assessment and its verification; the council's score; the board's adjustment), so the sheet can always say
 * how the points were obtained.
 */
export const emulationScores = pgTable(
  'emulation_scores',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => emulationRounds.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => emulationRegistrations.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => emulationCriteria.id),
    measuredStatus: text('measured_status', { enum: ['scored', 'not_scored'] }),
    measuredPoints: points('measured_points'),
    measuredExplanation: text('measured_explanation'),
    measuredInputs: jsonb('measured_inputs'),
    measuredVersion: text('measured_version'),
    measuredAt: timestamp('measured_at', { withTimezone: true }),
    selfPoints: points('self_points'),
    selfNote: text('self_note'),
    evidence: jsonb('evidence').notNull().default([]),
    selfBy: text('self_by'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    verificationDecision: text('verification_decision', { enum: ['accept', 'adjust', 'reject'] }),
    verifiedPoints: points('verified_points'),
    verificationReason: text('verification_reason'),
    verifiedBy: text('verified_by'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    councilPoints: points('council_points'),
    councilNote: text('council_note'),
    councilBy: text('council_by'),
    councilOn: date('council_on', { mode: 'string' }),
    adjustedPoints: points('adjusted_points'),
    adjustedFromPoints: points('adjusted_from_points'),
    adjustmentReason: text('adjustment_reason'),
    adjustedBy: text('adjusted_by'),
    adjustedOn: date('adjusted_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('emulation_scores_uq').on(t.registrationId, t.criterionId), index('emulation_scores_round_idx').on(t.roundId)],
);

/** Evidence files: metadata here, the bytes under the files directory (<data dir>/files or CHUNG_TAY_FILES_DIR). */
export const emulationFiles = pgTable(
  'emulation_files',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    registrationId: uuid('registration_id').references(() => emulationRegistrations.id, { onDelete: 'set null' }),
    /** The unit that owns the evidence (the participant's unit): scope for downloads. */
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id'),
    originalName: text('original_name').notNull(),
    storedPath: text('stored_path').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emulation_files_registration_idx').on(t.registrationId)],
);

/** Sáng kiến: an initiative with its author, unit, date and recognised level. */
export const emulationInitiatives = pgTable(
  'emulation_initiatives',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    title: text('title').notNull(),
    authorName: text('author_name').notNull(),
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    recognisedLevel: text('recognised_level', { enum: ['grassroots', 'district', 'province', 'national'] }).notNull(),
    summary: text('summary'),
    criterionCodes: text('criterion_codes').array().notNull().default(sql`'{}'::text[]`),
    fileIds: jsonb('file_ids').notNull().default([]),
    searchText: text('search_text').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emulation_initiatives_unit_idx').on(t.unitCode)],
);

/** Mô hình giảm nghèo: where it started, where it was replicated, households reached and results. */
export const emulationModels = pgTable(
  'emulation_models',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    startedUnitCode: text('started_unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    description: text('description'),
    /** [{ unitCode, from, households }] */
    replications: jsonb('replications').notNull().default([]),
    householdsReached: integer('households_reached').notNull(),
    results: text('results'),
    criterionCodes: text('criterion_codes').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emulation_models_unit_idx').on(t.startedUnitCode)],
);

/** Điển hình tiên tiến: a collective, an individual or a household, with its story and evidence. */
export const emulationExemplars = pgTable(
  'emulation_exemplars',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: ['collective', 'individual', 'household'] }).notNull(),
    name: text('name').notNull(),
    unitCode: text('unit_code').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    individualId: uuid('individual_id').references(() => individuals.id),
    householdId: uuid('household_id').references(() => households.id),
    campaignId: uuid('campaign_id').references(() => emulationCampaigns.id),
    year: integer('year').notNull(),
    story: text('story').notNull(),
    criterionCodes: text('criterion_codes').array().notNull().default(sql`'{}'::text[]`),
    fileIds: jsonb('file_ids').notNull().default([]),
    searchText: text('search_text').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emulation_exemplars_unit_idx').on(t.unitCode), index('emulation_exemplars_household_idx').on(t.householdId)],
);
