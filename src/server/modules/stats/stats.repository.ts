import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client.ts';
import { assessments, reviewRounds, roundAggregates } from '../../../db/schema/index.ts';
import type { HouseholdFigures } from '../../../domain/stats/aggregate-round.ts';
import type { UnitLevel } from '../../../domain/units/unit-types.ts';
import type { AfMeasures, UnitAfTally } from './alkire-foster-tally.ts';

export type RoundRow = typeof reviewRounds.$inferSelect;

/** What round_aggregates.data holds for a unit (the columns hold the code, level, parent and the three counts). */
export interface StoredAggregateData extends Omit<HouseholdFigures, 'total' | 'poor' | 'nearPoor'> {
  af: {
    k: number;
    indicators: string[];
    /** The counts every measure derives from (they add up across units and pages). */
    tally: UnitAfTally;
    /** The measures at k with equal weights, as computed when stored. */
    measures: Omit<AfMeasures, 'households' | 'poorHouseholds'>;
  };
  /** Households whose village and commune were not in force on the round's date: counted in the province only. */
  unplaced?: number;
}

export interface StoredAggregate {
  unitCode: string;
  level: UnitLevel;
  parentCode: string | null;
  total: number;
  poor: number;
  nearPoor: number;
  data: StoredAggregateData;
  computedAt: Date;
}

/** The counts only, for re-aggregating a round's villages onto other units without reading the whole figures. */
export interface StoredTally {
  unitCode: string;
  parentCode: string | null;
  total: number;
  poor: number;
  nearPoor: number;
}

export async function listRounds(db: Executor, provinceCode: string): Promise<RoundRow[]> {
  return db.select().from(reviewRounds).where(eq(reviewRounds.provinceCode, provinceCode)).orderBy(asc(reviewRounds.year));
}

export async function getRound(db: Executor, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, roundId));
  return row;
}

const storedColumns = {
  unitCode: roundAggregates.unitCode,
  level: roundAggregates.level,
  parentCode: roundAggregates.parentCode,
  total: roundAggregates.total,
  poor: roundAggregates.poor,
  nearPoor: roundAggregates.nearPoor,
  data: roundAggregates.data,
  computedAt: roundAggregates.computedAt,
};

function asStored(rows: { level: string; data: unknown }[]): StoredAggregate[] {
  return rows as unknown as StoredAggregate[];
}

export async function storedUnits(db: Executor, roundId: string, codes: readonly string[]): Promise<StoredAggregate[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select(storedColumns)
    .from(roundAggregates)
    .where(and(eq(roundAggregates.roundId, roundId), inArray(roundAggregates.unitCode, [...codes])));
  return asStored(rows);
}

/** The same unit code in several rounds (a trend). */
export async function storedUnitAcrossRounds(
  db: Executor,
  roundIds: readonly string[],
  code: string,
): Promise<(StoredAggregate & { roundId: string })[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({ ...storedColumns, roundId: roundAggregates.roundId })
    .from(roundAggregates)
    .where(and(inArray(roundAggregates.roundId, [...roundIds]), eq(roundAggregates.unitCode, code)));
  return rows as unknown as (StoredAggregate & { roundId: string })[];
}

/** Every unit of one level in the round, figures without the Alkire–Foster counts (villages: a few thousand rows). */
export async function storedFiguresAtLevel(db: Executor, roundId: string, level: UnitLevel): Promise<StoredAggregate[]> {
  const rows = await db
    .select({ ...storedColumns, data: sql<unknown>`${roundAggregates.data} - 'af'` })
    .from(roundAggregates)
    .where(and(eq(roundAggregates.roundId, roundId), eq(roundAggregates.level, level)));
  return asStored(rows);
}

export async function storedTallies(db: Executor, roundId: string, level: UnitLevel): Promise<StoredTally[]> {
  return db
    .select({
      unitCode: roundAggregates.unitCode,
      parentCode: roundAggregates.parentCode,
      total: roundAggregates.total,
      poor: roundAggregates.poor,
      nearPoor: roundAggregates.nearPoor,
    })
    .from(roundAggregates)
    .where(and(eq(roundAggregates.roundId, roundId), eq(roundAggregates.level, level)));
}

export async function storedTalliesOf(db: Executor, roundId: string, codes: readonly string[]): Promise<StoredTally[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      unitCode: roundAggregates.unitCode,
      parentCode: roundAggregates.parentCode,
      total: roundAggregates.total,
      poor: roundAggregates.poor,
      nearPoor: roundAggregates.nearPoor,
    })
    .from(roundAggregates)
    .where(and(eq(roundAggregates.roundId, roundId), inArray(roundAggregates.unitCode, [...codes])));
}

export async function hasStoredAggregates(db: Executor, roundId: string): Promise<boolean> {
  const rows = await db
    .select({ unitCode: roundAggregates.unitCode })
    .from(roundAggregates)
    .where(eq(roundAggregates.roundId, roundId))
    .limit(1);
  return rows.length > 0;
}

/**
 * Rounds whose stored figures are older than their latest assessment, or missing: a change committed, then the
 * recompute that follows it (a separate transaction) was cut off by a crash or a restart.
 */
export async function roundsWithStaleAggregates(db: Executor): Promise<string[]> {
  // Per round, both maxima come from an index (assessments_round_created_idx, round_aggregates' round index), so the
  // check costs a few lookups per round rather than a scan of the whole registry at every start.
  const result = await db.execute(sql`
    select r.id as round_id from ${reviewRounds} r
    where (select max(a.created_at) from ${assessments} a where a.round_id = r.id)
          > coalesce((select max(g.computed_at) from ${roundAggregates} g where g.round_id = r.id), '-infinity'::timestamptz)`);
  return rowsOf<{ round_id: string }>(result).map((r) => r.round_id);
}

/** One recompute of a round at a time; a second waits, then works from everything committed before it. */
export async function lockRoundAggregates(tx: Tx, roundId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(20250404, hashtext(${roundId}))`);
}

export interface ScannedAssessment {
  household_id: string;
  village_code: string;
  commune_code: string;
  category: 'poor' | 'near_poor' | 'middle' | 'not_poor';
  transition: string;
  area: 'rural' | 'urban';
  ethnic_minority: boolean;
  female_head: boolean;
  merit_or_social: boolean;
  deprivations: string[];
}

const CURSOR = 'stats_round_scan';

/**
 * A cursor over the round's current assessments, ordered by village: one query with one snapshot, read page by page
 * (FETCH), so a round of hundreds of thousands of households never sits in memory.
 */
export async function openCurrentAssessmentsCursor(tx: Tx, roundId: string): Promise<void> {
  // Room to sort a province's round by village in memory rather than in temporary files (this transaction only).
  await tx.execute(sql`set local work_mem = '64MB'`);
  await tx.execute(sql`
    declare ${sql.raw(CURSOR)} no scroll cursor for
    select household_id, village_code, commune_code, category, transition, area, ethnic_minority, female_head,
           merit_or_social, deprivations
    from ${assessments}
    where round_id = ${roundId} and is_current
    order by village_code`);
}

export async function fetchCurrentAssessments(tx: Tx, count: number): Promise<ScannedAssessment[]> {
  const result = await tx.execute(sql`fetch forward ${sql.raw(String(Math.trunc(count)))} from ${sql.raw(CURSOR)}`);
  return rowsOf<ScannedAssessment>(result);
}

export async function closeCurrentAssessmentsCursor(tx: Tx): Promise<void> {
  await tx.execute(sql`close ${sql.raw(CURSOR)}`);
}

/** node-postgres and PGlite both answer raw SQL with an object holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export type AggregateInsert = typeof roundAggregates.$inferInsert;

/**
 * Replaces the round's rows. The rows travel as one JSON document per thousand units (jsonb_to_recordset), one round
 * trip each instead of a bound parameter per column and row.
 */
export async function replaceRoundAggregates(tx: Tx, roundId: string, rows: readonly AggregateInsert[]): Promise<void> {
  await tx.delete(roundAggregates).where(eq(roundAggregates.roundId, roundId));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map((r) => ({
      province_code: r.provinceCode,
      round_id: r.roundId,
      unit_code: r.unitCode,
      level: r.level,
      parent_code: r.parentCode ?? null,
      total: r.total,
      poor: r.poor,
      near_poor: r.nearPoor,
      data: r.data,
      computed_at: r.computedAt instanceof Date ? r.computedAt.toISOString() : r.computedAt,
    }));
    await tx.execute(sql`
      insert into ${roundAggregates}
        (province_code, round_id, unit_code, level, parent_code, total, poor, near_poor, data, computed_at)
      select province_code, round_id, unit_code, level, parent_code, total, poor, near_poor, data, computed_at
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(
        province_code text, round_id uuid, unit_code text, level text, parent_code text, total integer,
        poor integer, near_poor integer, data jsonb, computed_at timestamptz)`);
  }
}

/** The deprivations of the households of some villages, for Alkire–Foster figures with other weights or cut-offs. */
export async function deprivationsInVillages(db: Executor, roundId: string, villageCodes: readonly string[] | null) {
  if (villageCodes !== null && villageCodes.length === 0) return [];
  return db
    .select({
      householdId: assessments.householdId,
      villageCode: assessments.villageCode,
      area: assessments.area,
      ethnicMinority: assessments.ethnicMinority,
      deprivations: assessments.deprivations,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.roundId, roundId),
        eq(assessments.isCurrent, true),
        villageCodes === null ? undefined : inArray(assessments.villageCode, [...villageCodes]),
      ),
    );
}
