import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { organisations } from './participants.ts';

// Reports up the hierarchy (DOMAIN.md §8): templates, the board's requests with deadlines, one submission per
// recipient moving through the approval engine (src/domain/approval), its history, and the board's consolidation.

/** A template: figures pre-filled from the registry, tables to fill, narrative sections (src/domain/reports/report-template.ts). */
export const reportTemplates = pgTable('report_templates', {
  id: uuid('id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  sections: jsonb('sections').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by'),
});

/** A request of the board: periodic (annual, 6-monthly, quarterly) or ad hoc, with a deadline, to units or organisations. */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: ['annual', 'six_monthly', 'quarterly', 'ad_hoc'] }).notNull(),
    title: text('title').notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    /** The review round whose figures pre-fill the reports. */
    roundYear: integer('round_year').notNull(),
    /** The unit that issued the request and reviews its top-level recipients (the province). */
    issuingUnitCode: text('issuing_unit_code').notNull(),
    /** Date of issue; recipients and their hierarchy are the units in force on this date. */
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** What was asked for: levels, unit codes, organisations, per-level deadlines. */
    recipientsSpec: jsonb('recipients_spec').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('report_requests_issued_idx').on(t.provinceCode, t.issuedOn)],
);

/** What one recipient sends for one request, and where it stands in the approval workflow. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => reportRequests.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The recipient's name on the day of issue, as the report prints it. */
    recipientName: text('recipient_name').notNull(),
    /** district | commune | village | organisation */
    recipientLevel: text('recipient_level').notNull(),
    /** The unit whose officer returns or approves it: the parent unit, or the issuing unit for organisations. */
    reviewerUnitCode: text('reviewer_unit_code').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['draft', 'submitted', 'returned', 'approved'] }).notNull(),
    /** Narratives and table rows by section key. */
    content: jsonb('content').notNull().default({}),
    /** Timeliness is judged on the first submission (criteria 2.2, 3.2). */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    lastSubmittedAt: timestamp('last_submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedByName: text('approved_by_name'),
    /** The figures locked at approval (FigureSnapshot); cleared when the approval is revoked. */
    approvedFigures: jsonb('approved_figures'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('report_submissions_request_unit_uq').on(t.requestId, t.unitCode),
    uniqueIndex('report_submissions_request_org_uq').on(t.requestId, t.organisationId),
    index('report_submissions_unit_idx').on(t.unitCode),
    index('report_submissions_org_idx').on(t.organisationId),
    index('report_submissions_reviewer_idx').on(t.requestId, t.reviewerUnitCode),
  ],
);

/** The history of a submission: who submitted, returned (with the comment), approved, revoked (with the reason). */
export const reportSubmissionEvents = pgTable(
  'report_submission_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provinceCode: text('province_code').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => reportSubmissions.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_submission_events_submission_idx').on(t.submissionId, t.at)],
);

/** The board's consolidated report of a request: the narrative as the officer edited it and the document particulars. */
export const reportConsolidations = pgTable('report_consolidations', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => reportRequests.id, { onDelete: 'cascade' }),
  provinceCode: text('province_code').notNull(),
  narrative: jsonb('narrative').notNull(),
  particulars: jsonb('particulars').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name').notNull(),
});
