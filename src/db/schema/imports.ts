import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A spreadsheet import: uploaded, parsed and checked (preview), then committed in one transaction or refused.
 * The uploaded file is kept under the data directory until the job is committed or discarded.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: ['households', 'villages'] }).notNull(),
    roundYear: integer('round_year'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    state: text('state', { enum: ['uploaded', 'parsing', 'parsed', 'failed', 'committing', 'committed', 'discarded'] }).notNull(),
    /** rows read / total, for the progress bar */
    progress: jsonb('progress').notNull().default({}),
    /** counts and a sample of rows for the preview */
    summary: jsonb('summary').notNull().default({}),
    /** every problem: sheet, row, column, message (Vietnamese) */
    issues: jsonb('issues').notNull().default([]),
    createdBy: uuid('created_by'),
    unitCode: text('unit_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt)],
);
