import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviewRounds } from './registry.ts';

/**
 * Figures per unit and round, computed in one pass over the round's current assessments whenever the round changes
 * state or receives an amendment, and served from here: dashboards never scan households (issue 4).
 */
export const roundAggregates = pgTable(
  'round_aggregates',
  {
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    total: integer('total').notNull(),
    poor: integer('poor').notNull(),
    nearPoor: integer('near_poor').notNull(),
    /** the whole aggregate: rates, transitions, breakdowns, deprivation headcounts, Alkire–Foster (k = 3) */
    data: jsonb('data').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitCode] }), index('round_aggregates_parent_idx').on(t.roundId, t.parentCode)],
);
