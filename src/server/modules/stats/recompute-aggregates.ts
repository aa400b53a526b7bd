// Stored figures of a review round (issue 4, point 1): every unit in force for the round — province, districts while
// they exist, communes, villages — with its counts, rates, transitions, breakdowns, deprivation headcounts and
// Alkire–Foster figures (k = 3, equal weights). Computed in ONE pass over the round's current assessments whenever the
// round changes state or receives an amendment, and replaced in one transaction; dashboards read only these rows.

import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import {
  aggregateRound,
  emptyFigures,
  settleRates,
  type HouseholdFigures,
  type RoundHouseholdRecord,
  type UnitRoundAggregate,
} from '../../../domain/stats/aggregate-round.ts';
import { standardById } from '../../../domain/poverty/index.ts';
import type { TransitionCode } from '../../../domain/poverty/transitions.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { UnitLevel } from '../../../domain/units/unit-types.ts';
import { StatsError } from '../../../domain/stats/stats-errors.ts';
import { AppError } from '../../errors.ts';
import type { UnitsCatalog } from '../units/units.service.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import { addFigures } from './add-figures.ts';
import {
  addAfTally,
  countAfHousehold,
  emptyUnitAfTally,
  measuresFromTally,
  STORED_AF_CUTOFF,
  subgroupsOf,
  type UnitAfTally,
} from './alkire-foster-tally.ts';
import * as repo from './stats.repository.ts';

export interface RecomputeDeps {
  catalog: UnitsCatalog;
  clock: Clock;
}

export interface RecomputeSummary {
  roundId: string;
  year: number;
  households: number;
  units: number;
  /** Households whose village and commune were not in force on the round's date (counted in the province only). */
  unplaced: number;
}

/** Rows read per FETCH: large enough to keep round trips few, small enough to keep memory flat. */
const PAGE_SIZE = 10_000;

/** A unit's running figures while the round is folded. */
interface UnitAccumulator {
  figures: HouseholdFigures;
  af: UnitAfTally;
  level: UnitLevel;
  parentCode: string | null;
}

/**
 * The pass works in two steps so that each household is touched once: households are folded into their village
 * (aggregateRound over each page, with the village as the whole path), then the few thousand villages are added up
 * their paths — commune, district while it exists, province. The result is the same as folding every household into
 * every unit on its path, at a quarter of the cost.
 */
export async function recomputeRoundAggregates(db: Db, deps: RecomputeDeps, roundId: string): Promise<RecomputeSummary> {
  const round = await repo.getRound(db, roundId);
  if (!round) throw new AppError('rounds.not_found', 'Không tìm thấy kỳ rà soát.');
  const dir = await deps.catalog.directory();
  const date = roundReferenceDate(round.year);
  const indicators = standardById(round.standardId).indicators.map((indicator) => indicator.code);
  const placer = createUnitPathFinder(dir, date, round.provinceCode);
  const leaves = new Map<string, { figures: HouseholdFigures; af: UnitAfTally; path: readonly string[] }>();
  let households = 0;
  let unitCount = 0;

  await db.transaction(async (tx) => {
    await repo.lockRoundAggregates(tx, roundId);
    await repo.openCurrentAssessmentsCursor(tx, roundId);
    for (;;) {
      const page = await repo.fetchCurrentAssessments(tx, PAGE_SIZE);
      if (page.length === 0) break;
      households += page.length;
      foldPage(page, placer, indicators, leaves);
    }
    await repo.closeCurrentAssessmentsCursor(tx);

    const units = rollUp(leaves, placer);
    const computedAt = deps.clock.now();
    const rows: repo.AggregateInsert[] = [];
    for (const [unitCode, unit] of units) {
      settleRates(unit.figures);
      const { total, poor, nearPoor, ...rest } = unit.figures;
      const { households: _h, poorHouseholds: _p, ...measures } = measuresFromTally(unit.af, indicators);
      const data: repo.StoredAggregateData = {
        ...rest,
        af: { k: STORED_AF_CUTOFF, indicators, tally: unit.af, measures },
        ...(unitCode === round.provinceCode && placer.unplaced > 0 ? { unplaced: placer.unplaced } : {}),
      };
      rows.push({
        provinceCode: round.provinceCode,
        roundId,
        unitCode,
        level: unit.level,
        parentCode: unit.parentCode,
        total,
        poor,
        nearPoor,
        data,
        computedAt,
      });
    }
    await repo.replaceRoundAggregates(tx, roundId, rows);
    unitCount = rows.length;
  });

  return { roundId, year: round.year, households, units: unitCount, unplaced: placer.unplaced };
}

/** Folds one page into the villages (the last unit of each household's path), Alkire–Foster counts alongside. */
function foldPage(
  page: readonly repo.ScannedAssessment[],
  placer: UnitPathFinder,
  indicators: readonly string[],
  leaves: Map<string, { figures: HouseholdFigures; af: UnitAfTally; path: readonly string[] }>,
): void {
  const indicatorSet = new Set(indicators);
  const records: RoundHouseholdRecord[] = [];
  const pageAf = new Map<string, UnitAfTally>();
  const paths = new Map<string, readonly string[]>();
  for (const row of page) {
    const path = placer.pathOf(row.village_code, row.commune_code);
    const leaf = path[path.length - 1] as string;
    if (!paths.has(leaf)) paths.set(leaf, path);
    records.push({
      householdId: row.household_id,
      unitPath: [leaf],
      category: row.category,
      transition: row.transition as TransitionCode,
      ethnicMinority: row.ethnic_minority,
      femaleHead: row.female_head,
      area: row.area,
      meritOrSocialProtection: row.merit_or_social,
      deprivations: row.deprivations,
    });
    let tally = pageAf.get(leaf);
    if (!tally) pageAf.set(leaf, (tally = emptyUnitAfTally()));
    const deprivedIn = row.deprivations.filter((code) => indicatorSet.has(code));
    countAfHousehold(tally, deprivedIn, STORED_AF_CUTOFF, subgroupsOf({ ethnicMinority: row.ethnic_minority, area: row.area }));
  }

  let pageFigures: Map<string, UnitRoundAggregate>;
  try {
    pageFigures = aggregateRound(records);
  } catch (error) {
    if (error instanceof StatsError) throw new AppError('rounds.invalid', `Không tổng hợp được số liệu: ${error.message}`);
    throw error;
  }
  for (const [leaf, aggregate] of pageFigures) {
    const { unitCode: _code, level: _level, parentCode: _parent, ...figures } = aggregate;
    const af = pageAf.get(leaf) ?? emptyUnitAfTally();
    const running = leaves.get(leaf);
    if (running) {
      addFigures(running.figures, figures);
      addAfTally(running.af, af);
    } else {
      leaves.set(leaf, { figures, af, path: paths.get(leaf) ?? [leaf] });
    }
  }
}

/** Adds every village's figures to each unit on its path, province first; refuses a unit met under two parents. */
function rollUp(
  leaves: ReadonlyMap<string, { figures: HouseholdFigures; af: UnitAfTally; path: readonly string[] }>,
  placer: UnitPathFinder,
): Map<string, UnitAccumulator> {
  const units = new Map<string, UnitAccumulator>();
  for (const leaf of leaves.values()) {
    let parentCode: string | null = null;
    for (const code of leaf.path) {
      let unit = units.get(code);
      if (!unit) {
        unit = { figures: emptyFigures(), af: emptyUnitAfTally(), level: placer.levelOf(code), parentCode };
        units.set(code, unit);
      } else if (unit.parentCode !== parentCode) {
        throw new AppError(
          'rounds.invalid',
          `Không tổng hợp được số liệu: đơn vị ${code} nằm dưới hai đơn vị khác nhau (${unit.parentCode ?? '—'}, ${parentCode ?? '—'}).`,
        );
      }
      addFigures(unit.figures, leaf.figures);
      addAfTally(unit.af, leaf.af);
      parentCode = code;
    }
  }
  return units;
}

interface UnitPathFinder {
  /** Province first, village last, on the round's date. */
  pathOf(villageCode: string, communeCode: string): string[];
  levelOf(unitCode: string): UnitLevel;
  readonly unplaced: number;
}

/**
 * The path of every village on the round's date, from the directory, cached per village. A village missing from the
 * directory on that date is placed under the commune its assessment names; if that commune is missing too, the
 * household counts in the province total only (and the province row says how many).
 */
function createUnitPathFinder(dir: UnitDirectory, date: string, provinceCode: string): UnitPathFinder {
  const paths = new Map<string, string[]>();
  const levels = new Map<string, UnitLevel>();
  let unplaced = 0;
  const pathFromDirectory = (code: string): string[] | null => {
    const chain = dir.ancestorsOn(code, date);
    if (chain.length === 0) return null;
    for (const unit of chain) levels.set(unit.code, unit.level);
    return chain.map((unit) => unit.code).reverse();
  };
  const placed = (path: string[]): string[] => {
    if (path.length === 1) unplaced += 1;
    return path;
  };
  return {
    pathOf(villageCode, communeCode) {
      // Nearly every village is in the directory on the round's date: one lookup by its code.
      const known = paths.get(villageCode) ?? paths.get(`${villageCode}\u0000${communeCode}`);
      if (known) return placed(known);
      const path = pathFromDirectory(villageCode);
      if (path) {
        paths.set(villageCode, path);
        return path;
      }
      const commune = pathFromDirectory(communeCode);
      let fallback: string[];
      if (commune) {
        levels.set(villageCode, 'village');
        fallback = [...commune, villageCode];
      } else {
        levels.set(provinceCode, 'province');
        fallback = [provinceCode];
      }
      paths.set(`${villageCode}\u0000${communeCode}`, fallback);
      return placed(fallback);
    },
    levelOf(unitCode) {
      return levels.get(unitCode) ?? 'village';
    },
    get unplaced() {
      return unplaced;
    },
  };
}

/**
 * Coalesces recompute requests per round: while one runs, further requests share a single follow-up run that starts
 * after it (and so sees every change committed before they were made). An officer's burst of amendments costs two
 * passes, not one per amendment.
 */
export function createAggregateRefresher(db: Db, deps: RecomputeDeps) {
  const running = new Map<string, Promise<unknown>>();
  const queued = new Map<string, Promise<void>>();

  function start(roundId: string): Promise<void> {
    const run = recomputeRoundAggregates(db, deps, roundId).finally(() => {
      if (running.get(roundId) === run) running.delete(roundId);
    });
    running.set(roundId, run);
    return run.then(() => undefined);
  }

  return {
    refresh(roundId: string): Promise<void> {
      const waiting = queued.get(roundId);
      if (waiting) return waiting;
      const current = running.get(roundId);
      if (!current) return start(roundId);
      const next = current
        .catch(() => undefined)
        .then(() => {
          queued.delete(roundId);
          return start(roundId);
        });
      queued.set(roundId, next);
      return next;
    },
  };
}
export type AggregateRefresher = ReturnType<typeof createAggregateRefresher>;
