import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { assessments, reviewRounds, roundAggregates } from '../../../db/schema/index.ts';

export interface UnitRate {
  year: number;
  total: number;
  poor: number;
  /** Percent of all resident households, two decimals (DOMAIN.md §3: the denominator is every household). */
  rate: number;
  source: 'round_aggregates' | 'assessments';
}

export interface UnitRateQuery {
  unitCode: string;
  level: 'province' | 'district' | 'commune' | 'village';
  /**
   * The unit's villages on the emulation round's date. Village codes stay stable across mergers, so reading every year
   * over the same villages judges the same territory; empty when the catalogue holds no villages for the unit (then
   * the unit's own code column of the assessment is used).
   */
  villageCodes: readonly string[];
  years: readonly number[];
}

function rateOf(poor: number, total: number): number {
  return total === 0 ? 0 : Math.round((poor * 10_000) / total) / 100;
}

/**
 * The poor-household rate of a unit for each year that has a review round: from the statistics module's stored
 * round_aggregates when it holds the unit, else counted from the round's current assessments with one GROUP BY
 * (so scoring works before the statistics module has computed anything).
 */
export async function unitRates(db: Executor, q: UnitRateQuery): Promise<Map<number, UnitRate>> {
  const result = new Map<number, UnitRate>();
  if (q.years.length === 0) return result;
  const years = [...q.years];

  const stored = await db
    .select({ year: reviewRounds.year, total: roundAggregates.total, poor: roundAggregates.poor })
    .from(roundAggregates)
    .innerJoin(reviewRounds, eq(reviewRounds.id, roundAggregates.roundId))
    .where(and(eq(roundAggregates.unitCode, q.unitCode), inArray(reviewRounds.year, years)));
  for (const r of stored) {
    if (r.total > 0) result.set(r.year, { year: r.year, total: r.total, poor: r.poor, rate: rateOf(r.poor, r.total), source: 'round_aggregates' });
  }
  const missing = years.filter((y) => !result.has(y));
  if (missing.length === 0) return result;

  const territory =
    q.villageCodes.length > 0
      ? inArray(assessments.villageCode, [...q.villageCodes])
      : q.level === 'village'
        ? eq(assessments.villageCode, q.unitCode)
        : q.level === 'commune'
          ? eq(assessments.communeCode, q.unitCode)
          : q.level === 'district'
            ? eq(assessments.districtCode, q.unitCode)
            : eq(assessments.provinceCode, q.unitCode);
  const counted = await db
    .select({
      year: reviewRounds.year,
      total: sql<number>`count(*)::int`,
      poor: sql<number>`count(*) filter (where ${assessments.category} = 'poor')::int`,
    })
    .from(assessments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, assessments.roundId))
    .where(and(eq(assessments.isCurrent, true), inArray(reviewRounds.year, missing), territory))
    .groupBy(reviewRounds.year);
  for (const r of counted) {
    if (r.total > 0) result.set(r.year, { year: r.year, total: r.total, poor: r.poor, rate: rateOf(r.poor, r.total), source: 'assessments' });
  }
  return result;
}
