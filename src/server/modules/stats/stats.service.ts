// Poverty statistics for dashboards (issue 4): everything is read from the stored aggregates of each round
// (recompute-aggregates.ts), never by scanning households — except Alkire–Foster figures with other weights or
// cut-offs, computed on request from one unit's households. Every view is scope-checked on the round's date.

import type { Principal } from '../../../domain/access/authorize.ts';
import { evaluateAttainment, describeTargetBands, computeGoalProgress, forecastGoal } from '../../../domain/stats/targets.ts';
import { ruleSetKey } from '../../../domain/stats/target-rule-sets.ts';
import type { IsoDate, UnitVersion } from '../../../domain/units/unit-types.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type {
  AttainmentResponse,
  AttainmentRowDto,
  CompareResponse,
  OnUnitsResponse,
  TrendResponse,
  UnitFiguresResponse,
  UnitRowDto,
} from '../../../shared/schemas/stats.schema.ts';
import { standardById } from '../../../domain/poverty/index.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { AppError } from '../../errors.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import { createAlkireFosterView } from './alkire-foster-view.ts';
import { createPublicStats } from './public-stats.ts';
import { recomputeRoundAggregates, type RecomputeSummary } from './recompute-aggregates.ts';
import { byName, createStatsReader, type Baseline, type Baselines, type StatsDeps } from './stats-reader.ts';
import { planTargetPath } from './plan-target-path.ts';
import { formatRate, toHundredths } from '../../../domain/stats/hundredths.ts';
import { afHeadlineOf, changeOf, figuresFromCounts, figuresOf, liteOf, sumLite } from './stored-figures.ts';
import * as repo from './stats.repository.ts';

export type { StatsDeps } from './stats-reader.ts';

export function createStatsService(deps: StatsDeps) {
  const { db, provinceCode } = deps;
  const figuresDb = deps.readDb ?? db;
  const reader = createStatsReader(deps);
  const ruleSet = reader.ruleSet;
  const ruleSetId = ruleSetKey(ruleSet);

  function attainmentOf(code: string, year: number, rate: number, total: number, baselines: Baselines) {
    const baseline: Baseline | undefined = baselines.byCode.get(code);
    if (baselines.reason !== null) return { attainment: null, note: baselines.reason };
    if (!baseline || baseline.rate === null) return { attainment: null, note: baseline?.note ?? null };
    if (total === 0) return { attainment: null, note: `Năm ${year} không có hộ nào được rà soát trên địa bàn này.` };
    const attainment = evaluateAttainment({ unit: code, year, baselineRate: baseline.rate, rate }, ruleSet);
    return { attainment, note: baseline.note, estimated: baseline.estimated };
  }

  function unitRow(unit: UnitVersion, stored: repo.StoredAggregate | undefined, year: number, baselines: Baselines): UnitRowDto {
    const figures = figuresOf(stored);
    const { attainment, note } = attainmentOf(unit.code, year, figures.poorRate, figures.total, baselines);
    const judged = attainment ? (({ unit: _unit, year: _year, ...rest }) => rest)(attainment) : null;
    return {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentCode: unit.parentCode,
      figures,
      af: afHeadlineOf(stored),
      attainment: judged,
      attainmentNote: note,
    };
  }

  /**
   * The rounds a trend covers; without explicit years, only those the caller may read. A round still open has partial
   * figures (only the communes that have drafted their lists), so only rounds the province has approved are shown.
   */
  async function trendRounds(
    principal: Principal,
    dir: UnitDirectory,
    code: string,
    query: { from?: number; to?: number; onDate?: IsoDate },
  ) {
    const all = reader.roundsByYear((await reader.rounds()).filter((r) => r.state === 'frozen'));
    const inRange = all.filter((r) => (query.from === undefined || r.year >= query.from) && (query.to === undefined || r.year <= query.to));
    if (query.onDate !== undefined) {
      reader.requireUnitOn(dir, code, query.onDate);
      await reader.requireScope(principal, code, query.onDate);
      return inRange;
    }
    const existing = inRange.filter((r) => dir.versionOn(code, roundReferenceDate(r.year)) !== null);
    const explicit = query.from !== undefined || query.to !== undefined;
    const allowed: repo.RoundRow[] = [];
    for (const round of existing) {
      const date = roundReferenceDate(round.year);
      if (explicit) await reader.requireScope(principal, code, date);
      else if (!(await reader.isInScope(principal, code, date))) continue;
      allowed.push(round);
    }
    if (existing.length > 0 && allowed.length === 0) await reader.requireScope(principal, code, roundReferenceDate(existing.at(-1)!.year));
    if (existing.length === 0) {
      // A unit with no round in the range: its history must at least exist, and be the caller's.
      const last = dir.historyOf(code).versions.at(-1);
      if (!last) throw new AppError('units.not_found', `Không tìm thấy đơn vị có mã ${code}.`);
      await reader.requireScope(principal, code, last.validFrom);
    }
    return allowed;
  }

  const service = {
    /** A unit's figures for a round with those of its children (drill-down province → district → commune → village). */
    async unitFigures(principal: Principal, year: number, code: string): Promise<UnitFiguresResponse> {
      const { round, rounds } = await reader.requireRound(year);
      const date = roundReferenceDate(year);
      const dir = await reader.directory();
      const unit = reader.requireUnitOn(dir, code, date);
      await reader.requireScope(principal, code, date);
      await reader.ensureStored(round);
      const children = reader.childrenOf(dir, code, date);
      const stored = new Map((await repo.storedUnits(figuresDb, round.id, [code, ...children.map((c) => c.code)])).map((s) => [s.unitCode, s]));
      // Every row of a round is written by the same recompute; a unit without households has none.
      const computedAt = [...stored.values()][0]?.computedAt ?? null;
      const baselines = await reader.baselines(round, rounds, [unit, ...children], dir);
      return {
        year,
        roundId: round.id,
        standardId: round.standardId,
        roundState: round.state,
        isDemo: round.isDemo,
        referenceDate: date,
        computedAt: computedAt === null ? null : new Date(computedAt).toISOString(),
        ruleSet: ruleSetId,
        ancestors: dir
          .ancestorsOn(code, date)
          .filter((a) => a.code !== code)
          .reverse()
          .map((a) => ({ code: a.code, name: a.name, level: a.level })),
        unit: unitRow(unit, stored.get(code), year, baselines),
        children: children.map((child) => unitRow(child, stored.get(child.code), year, baselines)),
      };
    },

    /** Rates over the years against the plan's target path, with cumulative progress and an on-track forecast. */
    async trend(principal: Principal, query: { unitCode?: string; from?: number; to?: number; onDate?: IsoDate }): Promise<TrendResponse> {
      const code = query.unitCode ?? provinceCode;
      const dir = await reader.directory();
      const rounds = await trendRounds(principal, dir, code, query);
      const onDate = query.onDate ?? null;
      const history = dir.historyOf(code).versions;
      const shown = (onDate ? dir.versionOn(code, onDate) : null) ?? history.at(-1);
      if (!shown) throw new AppError('units.not_found', `Không tìm thấy đơn vị có mã ${code}.`);

      const points: TrendResponse['points'] = [];
      if (onDate !== null && shown.level !== 'village') {
        for (const round of rounds) {
          const moved = await reader.reaggregate(round, dir, onDate, shown.level, 'counts');
          const figures = moved.units.get(code);
          if (!figures) continue;
          points.push({ year: round.year, roundId: round.id, standardId: round.standardId, ...liteOf(figures), estimated: figures.estimated, note: figures.note });
        }
      } else {
        for (const round of rounds) await reader.ensureStored(round);
        const stored = new Map((await repo.storedUnitAcrossRounds(figuresDb, rounds.map((r) => r.id), code)).map((s) => [s.roundId, s]));
        for (const round of rounds) {
          const row = stored.get(round.id);
          if (!row) continue;
          points.push({ year: round.year, roundId: round.id, standardId: round.standardId, ...liteOf(figuresOf(row)), estimated: false, note: null });
        }
      }

      const goal = ruleSet.periodGoal;
      const series = points.map((p) => ({ year: p.year, rate: p.poorRate }));
      const start = points.find((p) => p.year >= goal.startYear && p.year <= goal.goalYear);
      const isProvince = code === provinceCode;
      return {
        unitCode: code,
        unitName: shown.name,
        level: shown.level,
        onDate,
        ruleSet: ruleSetId,
        ruleSetTitle: ruleSet.title,
        bands: describeTargetBands(ruleSet),
        goal: {
          startYear: goal.startYear,
          goalYear: goal.goalYear,
          rate: goal.rate,
          appliesTo: isProvince ? 'unit' : 'province',
          note: isProvince
            ? `Mục tiêu giai đoạn của tỉnh: còn ${formatRateText(goal.rate)} vào năm ${goal.goalYear} (${ruleSet.source}).`
            : `Đơn vị chưa có mục tiêu giai đoạn riêng; tiến độ so với mục tiêu của tỉnh (${formatRateText(goal.rate)} vào năm ${goal.goalYear}) để tham khảo.`,
        },
        points,
        targetPath: start ? planTargetPath({ year: start.year, rate: start.poorRate }, ruleSet) : [],
        goalProgress: computeGoalProgress(series, goal),
        forecast: forecastGoal(series, goal),
      };
    },

    /** Every unit of a level in force in the year, judged against its yearly target, best reduction first. */
    async attainment(principal: Principal, query: { year: number; level: 'district' | 'commune'; unitCode?: string }): Promise<AttainmentResponse> {
      const { year, level } = query;
      const { round, rounds } = await reader.requireRound(year);
      const date = roundReferenceDate(year);
      const dir = await reader.directory();
      const parentCode = query.unitCode ?? provinceCode;
      const parent = reader.requireUnitOn(dir, parentCode, date);
      await reader.requireScope(principal, parentCode, date);
      reader.refuseDistrictsWhenAbolished(dir, level, date);
      await reader.ensureStored(round);
      const units = dir.unitsOn(date, level).filter((u) => dir.isWithinOn(u.code, parentCode, date));
      const tallies = new Map((await repo.storedTalliesOf(figuresDb, round.id, units.map((u) => u.code))).map((t) => [t.unitCode, t]));
      const baselines = await reader.baselines(round, rounds, units, dir);

      const rows: Omit<AttainmentRowDto, 'rank'>[] = units.map((unit) => {
        const figures = figuresFromCounts(tallies.get(unit.code) ?? { total: 0, poor: 0, nearPoor: 0 });
        const judged = attainmentOf(unit.code, year, figures.poorRate, figures.total, baselines);
        const district = level === 'commune' ? dir.ancestorsOn(unit.code, date).find((a) => a.level === 'district') : undefined;
        const a = judged.attainment;
        return {
          code: unit.code,
          name: unit.name,
          parentName: district?.name ?? null,
          total: figures.total,
          poor: figures.poor,
          rate: figures.poorRate,
          baseline: a?.baseline ?? null,
          required: a?.required ?? null,
          reduction: a?.reduction ?? null,
          attained: a?.attained ?? null,
          basis: a?.basis ?? null,
          explanation: a ? (judged.note ? `${a.explanation}. ${judged.note}` : a.explanation) : (judged.note ?? 'Chưa đánh giá được.'),
          estimated: judged.estimated ?? false,
        };
      });
      rows.sort((x, y) => {
        if (x.reduction === null || y.reduction === null) {
          if (x.reduction !== y.reduction) return x.reduction === null ? 1 : -1;
        } else if (x.reduction !== y.reduction) return y.reduction - x.reduction;
        return byName(x, y);
      });
      const judged = rows.filter((r) => r.attained !== null);
      return {
        year,
        level,
        unitCode: parentCode,
        unitName: parent.name,
        previousYear: baselines.previous?.year ?? null,
        ruleSet: ruleSetId,
        bands: describeTargetBands(ruleSet),
        ownTargetsNote:
          'Chưa có mục tiêu giảm nghèo riêng do đơn vị tự đặt: mọi đơn vị được đánh giá theo mức giảm của bộ quy tắc.',
        summary: { units: rows.length, judged: judged.length, attained: judged.filter((r) => r.attained).length },
        rows: rows.map((row, index) => ({ ...row, rank: row.reduction === null ? null : index + 1 })),
      };
    },

    /** A year's figures on the units in force on another date (2016–2020 on the 65 communes of 2025). */
    async onUnits(
      principal: Principal,
      query: { year: number; onDate?: IsoDate; level: 'province' | 'district' | 'commune'; unitCode?: string },
    ): Promise<OnUnitsResponse> {
      const { year, level } = query;
      const { round } = await reader.requireRound(year);
      const roundDate = roundReferenceDate(year);
      const onDate = query.onDate ?? roundDate;
      const dir = await reader.directory();
      const parentCode = query.unitCode ?? provinceCode;
      const parent = reader.requireUnitOn(dir, parentCode, onDate);
      await reader.requireScope(principal, parentCode, onDate);
      reader.refuseDistrictsWhenAbolished(dir, level, onDate);
      const targets = dir
        .unitsOn(onDate, level)
        .filter((u) => dir.isWithinOn(u.code, parentCode, onDate))
        .sort(byName);
      const moved = await reader.reaggregate(round, dir, onDate, level, 'counts');
      const oldName = (code: string) => dir.versionOn(code, roundDate)?.name ?? dir.historyOf(code).versions.at(-1)?.name ?? code;
      const rows = targets.map((unit) => {
        const figures = moved.units.get(unit.code);
        const from = moved.predecessors.get(unit.code) ?? new Map<string, number>();
        return {
          code: unit.code,
          name: unit.name,
          ...liteOf(figures ?? figuresFromCounts({ total: 0, poor: 0, nearPoor: 0 })),
          estimated: figures?.estimated ?? false,
          note: figures?.note ?? null,
          predecessors: [...from.entries()]
            .map(([code, households]) => ({ code, name: oldName(code), households }))
            .sort(byName),
        };
      });
      const inParent = (village: { communeCode: string | null }) => {
        if (parentCode === provinceCode || village.communeCode === null) return parentCode === provinceCode;
        try {
          return dir.successorsOn(village.communeCode, onDate).some((s) => dir.isWithinOn(s.code, parentCode, onDate));
        } catch {
          return false;
        }
      };
      const unmapped = moved.unplaced.filter(inParent).map((v) => ({ code: v.code, name: oldName(v.code), households: v.households, reason: v.reason }));
      if (parentCode === provinceCode) {
        const [province] = await repo.storedUnits(figuresDb, round.id, [provinceCode]);
        const unplaced = province?.data.unplaced ?? 0;
        if (unplaced > 0) {
          unmapped.push({
            code: provinceCode,
            name: 'Hộ chưa xác định được thôn, xã',
            households: unplaced,
            reason: `Thôn và xã ghi trong kết quả rà soát không có trong danh mục ngày ${formatDate(roundDate)}.`,
          });
        }
      }
      return { year, onDate, level, unitCode: parentCode, unitName: parent.name, rows, totals: sumLite(rows), unmapped };
    },

    /** Two rounds side by side for a unit and its children, both on the later round's units. */
    async compare(principal: Principal, query: { unitCode: string; yearA: number; yearB: number }): Promise<CompareResponse> {
      const { unitCode, yearA, yearB } = query;
      if (yearA === yearB) throw new AppError('request.invalid', 'Hãy chọn hai năm khác nhau để so sánh.');
      const rounds = await reader.rounds();
      const roundA = reader.roundOfYear(rounds, yearA);
      const roundB = reader.roundOfYear(rounds, yearB);
      if (!roundA) throw new AppError('rounds.not_found', `Chưa có kỳ rà soát năm ${yearA}.`);
      if (!roundB) throw new AppError('rounds.not_found', `Chưa có kỳ rà soát năm ${yearB}.`);
      const [earlier, later] = yearA < yearB ? [roundA, roundB] : [roundB, roundA];
      const basisDate = roundReferenceDate(later.year);
      const dir = await reader.directory();
      const unit = reader.requireUnitOn(dir, unitCode, basisDate);
      await reader.requireScope(principal, unitCode, basisDate);
      await reader.ensureStored(later);
      const units = [unit, ...reader.childrenOf(dir, unitCode, basisDate)];
      const laterFigures = new Map((await repo.storedUnits(figuresDb, later.id, units.map((u) => u.code))).map((s) => [s.unitCode, figuresOf(s)]));

      // The earlier round on the later round's units: through the villages (exact), villages as they are.
      const earlierFigures = new Map<string, { figures: ReturnType<typeof figuresOf>; estimated: boolean; note: string | null }>();
      for (const level of [...new Set(units.map((u) => u.level))]) {
        const codes = units.filter((u) => u.level === level).map((u) => u.code);
        if (level === 'village') {
          await reader.ensureStored(earlier);
          for (const s of await repo.storedUnits(figuresDb, earlier.id, codes)) earlierFigures.set(s.unitCode, { figures: figuresOf(s), estimated: false, note: null });
          continue;
        }
        const moved = await reader.reaggregate(earlier, dir, basisDate, level, 'full');
        for (const code of codes) {
          const figures = moved.units.get(code);
          if (figures) {
            const { unitCode: _u, estimated, sources: _s, note, ...rest } = figures;
            earlierFigures.set(code, { figures: rest, estimated, note });
          }
        }
      }
      const rows = units.map((u) => {
        const inLater = laterFigures.get(u.code) ?? figuresOf(undefined);
        const inEarlier = earlierFigures.get(u.code) ?? { figures: figuresOf(undefined), estimated: false, note: null };
        const a = earlier === roundA ? inEarlier.figures : inLater;
        const b = earlier === roundA ? inLater : inEarlier.figures;
        return { code: u.code, name: u.name, level: u.level, a, b, change: changeOf(a, b), estimated: inEarlier.estimated, note: inEarlier.note };
      });
      const standards = { a: roundA.standardId, b: roundB.standardId };
      return {
        unitCode,
        unitName: unit.name,
        yearA,
        yearB,
        basisDate,
        standards,
        note:
          standards.a === standards.b
            ? null
            : `Hai kỳ rà soát theo hai chuẩn nghèo khác nhau (${standardById(standards.a).legalBasis}; ${standardById(standards.b).legalBasis}): tỷ lệ không so sánh trực tiếp được.`,
        rows,
      };
    },

    ...createAlkireFosterView(reader, deps),
    ...createPublicStats(reader, deps),

    /** Recomputes a round's stored figures now (the CLI, a test, a benchmark). */
    recompute(roundId: string): Promise<RecomputeSummary> {
      return recomputeRoundAggregates(db, { catalog: deps.catalog, clock: deps.clock }, roundId);
    },

    /**
     * At start-up: recomputes the rounds whose stored figures predate their latest assessment. The change (an import,
     * an amendment, drafted lists) and the recompute after it are two transactions; a crash between them left the
     * dashboards on the old figures until the round's next change — for a frozen round, possibly never (found by
     * tests/db/crash-import-approval.test.ts).
     */
    async refreshStaleFigures(): Promise<string[]> {
      const stale = await repo.roundsWithStaleAggregates(db);
      for (const roundId of stale) {
        try {
          await recomputeRoundAggregates(db, { catalog: deps.catalog, clock: deps.clock }, roundId);
        } catch (error) {
          // A round that cannot be summed (a unit under two parents) must not keep the server from starting.
          const report = deps.logError ?? ((message: string, e: unknown) => process.stderr.write(`${message}: ${String(e)}\n`));
          report(`Không tính lại được số liệu tổng hợp của kỳ rà soát ${roundId}`, error);
        }
      }
      return stale;
    },

    /**
     * For the rounds service's onFiguresChanged hook: recomputes, coalescing bursts of changes into one follow-up pass.
     * It never fails the officer's request — the change is already committed — but reports a failed recompute; the
     * next change or an explicit recompute brings the figures up to date.
     */
    async figuresChanged(roundId: string): Promise<void> {
      try {
        await reader.refresher.refresh(roundId);
      } catch (error) {
        const report = deps.logError ?? ((message: string, e: unknown) => process.stderr.write(`${message}: ${String(e)}\n`));
        report(`Không tính lại được số liệu tổng hợp của kỳ rà soát ${roundId}`, error);
      }
    },
  };
  return service;
}
export type StatsService = ReturnType<typeof createStatsService>;

function formatRateText(rate: number): string {
  return formatRate(toHundredths(rate));
}
