// The Alkire–Foster view of a unit (DOMAIN.md §5): which indicators drive its poverty, and which of its units and
// kinds of household carry it. At the stored parameters (k = 3, equal weights) everything comes from the round's
// aggregates; other weights or cut-offs are computed on request from the unit's households only.

import type { Principal } from '../../../domain/access/authorize.ts';
import { standardById } from '../../../domain/poverty/index.ts';
import { computeAlkireFoster } from '../../../domain/stats/alkire-foster.ts';
import { decomposeAlkireFoster, type GroupedAlkireFosterUnit } from '../../../domain/stats/decompose-alkire-foster.ts';
import { StatsError } from '../../../domain/stats/stats-errors.ts';
import type { AfResponse } from '../../../shared/schemas/stats.schema.ts';
import { AppError } from '../../errors.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import {
  AF_SUBGROUP_LABELS,
  decomposeTallies,
  emptyAfTally,
  emptyUnitAfTally,
  measuresFromTally,
  STORED_AF_CUTOFF,
  type AfSubgroup,
} from './alkire-foster-tally.ts';
import { byName, type StatsDeps, type StatsReader } from './stats-reader.ts';
import * as repo from './stats.repository.ts';

type AfGroup = AfResponse['decomposition']['units'][number];

export function createAlkireFosterView(reader: StatsReader, deps: StatsDeps) {
  return {
    async alkireFoster(
      principal: Principal,
      query: { year: number; unitCode: string; k?: number; weights?: Record<string, number> },
    ): Promise<AfResponse> {
      const { year, unitCode } = query;
      const { round } = await reader.requireRound(year);
      const date = roundReferenceDate(year);
      const dir = await reader.directory();
      const unit = reader.requireUnitOn(dir, unitCode, date);
      await reader.requireScope(principal, unitCode, date);
      const standard = standardById(round.standardId);
      const indicators = standard.indicators.map((i) => i.code);
      const children = reader.childrenOf(dir, unitCode, date);
      const head = {
        year,
        unitCode,
        unitName: unit.name,
        standardId: round.standardId,
        indicators: standard.indicators.map(({ code, name, shortName, dimension }) => ({ code, name, shortName, dimension })),
      };

      if ((query.k === undefined || query.k === STORED_AF_CUTOFF) && query.weights === undefined) {
        await reader.ensureStored(round);
        const stored = new Map(
          (await repo.storedUnits(deps.readDb ?? deps.db, round.id, [unitCode, ...children.map((c) => c.code)])).map((s) => [s.unitCode, s]),
        );
        const tally = stored.get(unitCode)?.data.af?.tally ?? emptyUnitAfTally();
        const subgroups = (groups: AfSubgroup[]) =>
          decomposeTallies(
            tally,
            groups
              .map((group) => ({ group, label: AF_SUBGROUP_LABELS[group], tally: tally.groups[group] }))
              .filter((g) => g.tally.households > 0),
            indicators,
          );
        const { households, poorHouseholds, ...measures } = measuresFromTally(tally, indicators);
        return {
          ...head,
          source: 'stored',
          k: STORED_AF_CUTOFF,
          weights: Object.fromEntries(indicators.map((code) => [code, 1])),
          ...measures,
          households,
          poorHouseholds,
          decomposition: {
            units: decomposeTallies(
              tally,
              // A unit without households has no measure: it is left out, as in the computed decomposition.
              children
                .map((c) => ({ group: c.code, label: c.name, tally: stored.get(c.code)?.data.af?.tally ?? emptyAfTally() }))
                .filter((c) => c.tally.households > 0),
              indicators,
            ),
            ethnicMinority: subgroups(['ethnicMinority', 'notEthnicMinority']),
            area: subgroups(['rural', 'urban']),
          },
        };
      }

      const k = query.k ?? STORED_AF_CUTOFF;
      const indicatorSet = new Set(indicators);
      const villages = unitCode === deps.provinceCode ? null : reader.villagesOf(dir, unitCode, date);
      const rows = await repo.deprivationsInVillages(deps.readDb ?? deps.db, round.id, villages);
      const childOfVillage = new Map<string, string>();
      const childName = new Map(children.map((c) => [c.code, c.name]));
      const households = rows.map((row) => {
        let child = childOfVillage.get(row.villageCode);
        if (child === undefined) {
          child = dir.ancestorsOn(row.villageCode, date).find((a) => a.parentCode === unitCode)?.code ?? '';
          childOfVillage.set(row.villageCode, child);
        }
        return {
          id: row.householdId,
          deprivations: row.deprivations.filter((code) => indicatorSet.has(code)),
          child,
          ethnicity: (row.ethnicMinority ? 'ethnicMinority' : 'notEthnicMinority') as AfSubgroup,
          area: row.area as AfSubgroup,
        };
      });
      const parameters = { indicators, k, indicatorWeights: query.weights };
      const measure = <T>(run: () => T): T => {
        try {
          return run();
        } catch (error) {
          if (error instanceof StatsError) throw new AppError('request.invalid', error.message);
          throw error;
        }
      };
      // Parameters are checked even for a unit without households, so a wrong weight is never silently ignored.
      const checked = measure(() => computeAlkireFoster({ ...parameters, units: [{ id: 'kiểm tra', deprivations: [] }] }));
      const weights = checked.indicatorWeights;
      if (households.length === 0) {
        return {
          ...head,
          source: 'computed',
          k,
          weights,
          H: 0,
          A: 0,
          M0: 0,
          censoredHeadcount: Object.fromEntries(indicators.map((code) => [code, 0])),
          contribution: Object.fromEntries(indicators.map((code) => [code, 0])),
          households: 0,
          poorHouseholds: 0,
          decomposition: { units: [], ethnicMinority: [], area: [] },
        };
      }
      const decompose = (groupOf: (h: (typeof households)[number]) => string, label: (group: string) => string): AfGroup[] => {
        const units: GroupedAlkireFosterUnit[] = households.map((h) => ({ id: h.id, deprivations: h.deprivations, group: groupOf(h) }));
        return measure(() => decomposeAlkireFoster({ ...parameters, units })).groups.map((g) => ({
          group: g.group,
          label: label(g.group),
          populationShare: g.populationShare,
          H: g.H,
          A: g.A,
          M0: g.M0,
          contributionToM0: g.contributionToM0,
          households: g.unitCount,
          poorHouseholds: g.poorCount,
        }));
      };
      const total = measure(() => computeAlkireFoster({ ...parameters, units: households }));
      const byUnit =
        children.length === 0
          ? []
          : decompose((h) => h.child || unitCode, (group) => childName.get(group) ?? group)
              .map((g) => ({ ...g, code: g.group, name: g.label }))
              .sort(byName)
              .map(({ code: _c, name: _n, ...g }) => g);
      return {
        ...head,
        source: 'computed',
        k,
        weights,
        H: total.H,
        A: total.A,
        M0: total.M0,
        censoredHeadcount: total.censoredHeadcount,
        contribution: total.contribution,
        households: total.unitCount,
        poorHouseholds: total.poorCount,
        decomposition: {
          units: byUnit,
          ethnicMinority: decompose((h) => h.ethnicity, (g) => AF_SUBGROUP_LABELS[g as AfSubgroup]),
          area: decompose((h) => h.area, (g) => AF_SUBGROUP_LABELS[g as AfSubgroup]),
        },
      };
    },
  };
}
