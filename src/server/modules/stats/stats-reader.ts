// What every statistics view needs: the province's rounds, their stored aggregates (computed on first use when a round
// has none yet), scope checks on the round's date, a round re-shown on the units of another date, and the previous
// round's rates on this round's units (the baseline of a yearly target).

import type { Db } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { standardById, standardForReviewYear } from '../../../domain/poverty/index.ts';
import type { HouseholdFigures } from '../../../domain/stats/aggregate-round.ts';
import { reaggregateOnUnits, type ReaggregatedUnit } from '../../../domain/stats/reaggregate-on-units.ts';
import { PLAN_165_2017_TARGETS, type TargetRuleSet } from '../../../domain/stats/target-rule-sets.ts';
import { StatsError } from '../../../domain/stats/stats-errors.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { IsoDate, UnitLevel, UnitVersion } from '../../../domain/units/unit-types.ts';
import type { Clock } from '../../../shared/clock.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { compareKeys } from '../../../domain/stats/compare-keys.ts';
import { AppError } from '../../errors.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import { roundReferenceDate, villagesUnder } from '../rounds/rounds.service.ts';
import { placeVillagesOnUnits, type UnplacedVillage } from './place-villages-on-units.ts';
import { createAggregateRefresher } from './recompute-aggregates.ts';
import { figuresFromCounts, figuresOf, rateOf } from './stored-figures.ts';
import * as repo from './stats.repository.ts';

export interface StatsDeps {
  db: Db;
  /**
   * Where the stored figures are read from: a streaming read replica when DATABASE_READ_URL is set (dashboards and
   * public pages are most of a review season's reads), else `db`. Round states, refreshes and recomputes stay on `db`.
   */
  readDb?: Db;
  clock: Clock;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  /** The campaign's target rules; Kế hoạch 165/KH-UBND (2017) by default. */
  targets?: TargetRuleSet;
  /** Folder holding the boundary files of the public map; reference-data/lang-son by default. */
  geoDir?: string;
  /** Where a failed recompute after a change is reported (the change itself is already saved); stderr by default. */
  logError?: (message: string, error: unknown) => void;
}

/** A round shown on the units in force on another date. */
export interface Reaggregation {
  /** Unit code on the date → figures; units that received no village are absent. */
  units: Map<string, ReaggregatedUnit>;
  /** Unit code on the date → the round's communes its households came from → households. */
  predecessors: Map<string, Map<string, number>>;
  unplaced: UnplacedVillage[];
}

export interface Baseline {
  /** Previous round's rate on this round's unit, percent; null when it cannot be judged. */
  rate: number | null;
  total: number;
  estimated: boolean;
  note: string | null;
}

export interface Baselines {
  previous: repo.RoundRow | null;
  /** Why no unit can be judged (no previous round, another standard); null when baselines exist. */
  reason: string | null;
  byCode: Map<string, Baseline>;
}

export function createStatsReader(deps: StatsDeps) {
  const { db, provinceCode, catalog, scope } = deps;
  const figuresDb = deps.readDb ?? db;
  const ruleSet = deps.targets ?? PLAN_165_2017_TARGETS;
  const refresher = createAggregateRefresher(db, { catalog, clock: deps.clock });
  const villageMemo = new WeakMap<UnitDirectory, Map<string, string[]>>();
  const storedRounds = new Set<string>();

  /** Villages under a unit on a date, sorted; memoised per directory (the directory is rebuilt after unit writes). */
  function villagesOf(dir: UnitDirectory, code: string, date: IsoDate): string[] {
    let memo = villageMemo.get(dir);
    if (!memo) villageMemo.set(dir, (memo = new Map()));
    const key = `${code}@${date}`;
    let list = memo.get(key);
    if (!list) memo.set(key, (list = villagesUnder(dir, code, date).sort()));
    return list;
  }

  const reader = {
    ruleSet,
    refresher,

    async rounds(): Promise<repo.RoundRow[]> {
      return repo.listRounds(db, provinceCode);
    },

    /** The round of a year: the one under the year's own standard when a year has two. */
    roundOfYear(rounds: readonly repo.RoundRow[], year: number): repo.RoundRow | undefined {
      const ofYear = rounds.filter((r) => r.year === year);
      if (ofYear.length <= 1) return ofYear[0];
      let expected: string | null = null;
      try {
        expected = standardForReviewYear(year).id;
      } catch {
        expected = null;
      }
      return ofYear.find((r) => r.standardId === expected) ?? ofYear.at(-1);
    },

    /** One round per year, by year. */
    roundsByYear(rounds: readonly repo.RoundRow[]): repo.RoundRow[] {
      const years = [...new Set(rounds.map((r) => r.year))].sort((a, b) => a - b);
      return years.map((year) => reader.roundOfYear(rounds, year) as repo.RoundRow);
    },

    async requireRound(year: number): Promise<{ round: repo.RoundRow; rounds: repo.RoundRow[] }> {
      const rounds = await reader.rounds();
      const round = reader.roundOfYear(rounds, year);
      if (!round) throw new AppError('rounds.not_found', `Chưa có kỳ rà soát năm ${year}.`);
      return { round, rounds };
    },

    /**
     * Makes sure the round has stored aggregates, computing them the first time a round without any is read. Once a
     * round has rows it always has (they are replaced in one transaction), so a round seen stored is not asked again.
     */
    async ensureStored(round: repo.RoundRow): Promise<void> {
      if (storedRounds.has(round.id)) return;
      if (!(await repo.hasStoredAggregates(db, round.id))) await refresher.refresh(round.id);
      if (await repo.hasStoredAggregates(db, round.id)) storedRounds.add(round.id);
    },

    directory(): Promise<UnitDirectory> {
      return catalog.directory();
    },

    requireUnitOn(dir: UnitDirectory, code: string, date: IsoDate): UnitVersion {
      const unit = dir.versionOn(code, date);
      if (!unit) {
        throw new AppError('units.not_found', `Đơn vị mã ${code} không có trong danh mục ngày ${formatDate(date)}.`);
      }
      return unit;
    },

    async requireScope(principal: Principal, code: string, date: IsoDate): Promise<void> {
      await scope.requireUnit(principal, 'rounds.read', code, date);
    },

    isInScope(principal: Principal, code: string, date: IsoDate): Promise<boolean> {
      return scope.isUnitInScope(principal, 'rounds.read', code, date);
    },

    /** Children on the date in Vietnamese order of their names. */
    childrenOf(dir: UnitDirectory, code: string, date: IsoDate): UnitVersion[] {
      return dir.childrenOn(code, date).sort(byName);
    },

    refuseDistrictsWhenAbolished(dir: UnitDirectory, level: UnitLevel, date: IsoDate): void {
      if (level === 'district' && dir.unitsOn(date, 'district').length === 0) {
        throw new AppError(
          'request.invalid',
          `Ngày ${formatDate(date)} không còn đơn vị cấp huyện (chính quyền địa phương hai cấp từ 01/07/2025).`,
        );
      }
    },

    villagesOf,

    /**
     * The round re-shown on the units of `level` in force on `onDate`, through its villages (exact), the lineage of
     * an old commune where a village is missing (estimated by share), or listed as unplaced.
     * detail 'counts' reads only the three counts of each village; 'full' also transitions, breakdowns, deprivations.
     */
    async reaggregate(
      round: repo.RoundRow,
      dir: UnitDirectory,
      onDate: IsoDate,
      level: Exclude<UnitLevel, 'village'>,
      detail: 'counts' | 'full',
    ): Promise<Reaggregation> {
      await reader.ensureStored(round);
      const roundDate = roundReferenceDate(round.year);
      const villages: (HouseholdFigures & { unitCode: string; parentCode: string | null })[] =
        detail === 'full'
          ? (await repo.storedFiguresAtLevel(figuresDb, round.id, 'village')).map((s) => ({
              ...figuresOf(s),
              unitCode: s.unitCode,
              parentCode: s.parentCode,
            }))
          : (await repo.storedTallies(figuresDb, round.id, 'village')).map((t) => ({
              ...figuresFromCounts(t),
              unitCode: t.unitCode,
              parentCode: t.parentCode,
            }));
      const placement = placeVillagesOnUnits(
        dir,
        villages.map((v) => ({ code: v.unitCode, communeCode: v.parentCode, households: v.total })),
        onDate,
        level,
      );
      const names: Record<string, string> = {};
      for (const mapping of placement.mappings) {
        if (mapping.kind === 'partial') names[mapping.from] = dir.versionOn(mapping.from, roundDate)?.name ?? mapping.from;
      }
      let units: Map<string, ReaggregatedUnit>;
      try {
        units = reaggregateOnUnits(villages, placement.mappings, names);
      } catch (error) {
        if (error instanceof StatsError) throw new AppError('units.invalid', error.message);
        throw error;
      }
      const byCode = new Map(villages.map((v) => [v.unitCode, v]));
      const predecessors = new Map<string, Map<string, number>>();
      for (const mapping of placement.mappings) {
        const village = byCode.get(mapping.from);
        if (!village || village.parentCode === null) continue;
        const share = mapping.kind === 'full' ? 1 : mapping.share;
        let from = predecessors.get(mapping.to);
        if (!from) predecessors.set(mapping.to, (from = new Map()));
        from.set(village.parentCode, (from.get(village.parentCode) ?? 0) + village.total * share);
      }
      return { units, predecessors, unplaced: placement.unplaced };
    },

    /**
     * The previous round's rate of each unit, on this round's units: the stored figure when the unit holds the same
     * villages in both rounds, otherwise the previous round re-aggregated through its villages (a merger year).
     */
    async baselines(
      round: repo.RoundRow,
      rounds: readonly repo.RoundRow[],
      units: readonly UnitVersion[],
      dir: UnitDirectory,
    ): Promise<Baselines> {
      const previous = reader.roundOfYear(rounds, round.year - 1) ?? null;
      const byCode = new Map<string, Baseline>();
      if (!previous) return { previous, reason: `Chưa có kỳ rà soát năm ${round.year - 1} để so sánh.`, byCode };
      if (previous.standardId !== round.standardId) {
        const before = standardById(previous.standardId).legalBasis;
        const now = standardById(round.standardId).legalBasis;
        return {
          previous,
          reason: `Kỳ rà soát năm ${previous.year} theo ${before}, năm ${round.year} theo ${now}: tỷ lệ theo hai chuẩn nghèo khác nhau, không đánh giá mức giảm.`,
          byCode,
        };
      }
      await reader.ensureStored(previous);
      const date = roundReferenceDate(round.year);
      const previousDate = roundReferenceDate(previous.year);
      const unchanged: UnitVersion[] = [];
      const changed: UnitVersion[] = [];
      for (const unit of units) {
        const same =
          dir.versionOn(unit.code, previousDate) !== null &&
          sameList(villagesOf(dir, unit.code, date), villagesOf(dir, unit.code, previousDate));
        (same ? unchanged : changed).push(unit);
      }
      for (const tally of await repo.storedTalliesOf(figuresDb, previous.id, unchanged.map((u) => u.code))) {
        byCode.set(tally.unitCode, { rate: rateOf(tally.poor, tally.total), total: tally.total, estimated: false, note: null });
      }
      const levels = [...new Set(changed.map((u) => u.level))];
      for (const level of levels) {
        if (level === 'village') continue;
        const moved = await reader.reaggregate(previous, dir, date, level, 'counts');
        for (const unit of changed.filter((u) => u.level === level)) {
          const figures = moved.units.get(unit.code);
          if (!figures) continue;
          byCode.set(unit.code, {
            rate: figures.poorRate,
            total: figures.total,
            estimated: figures.estimated,
            note:
              `Tỷ lệ năm ${previous.year} tính lại trên địa giới năm ${round.year} (theo thôn)` +
              (figures.note ? `. ${figures.note}` : '.'),
          });
        }
      }
      for (const unit of units) {
        const baseline = byCode.get(unit.code);
        if (!baseline || baseline.total === 0) {
          byCode.set(unit.code, {
            rate: null,
            total: 0,
            estimated: false,
            note: `Năm ${previous.year} không có hộ nào được rà soát trên địa bàn này.`,
          });
        }
      }
      return { previous, reason: null, byCode };
    },
  };
  return reader;
}
export type StatsReader = ReturnType<typeof createStatsReader>;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Vietnamese order of unit names, codes breaking ties. */
export function byName(a: { name: string; code: string }, b: { name: string; code: string }): number {
  return compareKeys(a.name, b.name) || compareKeys(a.code, b.code);
}
