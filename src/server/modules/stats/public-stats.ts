// The public page (issue 4, point 6): rates per commune and their trend, without login. Only rounds the province has
// approved by decision (frozen) are published, only aggregated figures leave the server, and any cell that stands on
// fewer than PUBLIC_MIN_HOUSEHOLDS households is withheld, so no household can be recognised from a small commune.
// Boundary files for the map are served from the reference data, read once.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import {
  PUBLIC_MIN_HOUSEHOLDS,
  type GeoLayerName,
  type PublicCommunesResponse,
} from '../../../shared/schemas/stats.schema.ts';
import { LANG_SON_REFERENCE_DIR } from '../../../seed/reference/lang-son-units.ts';
import { AppError } from '../../errors.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import { byName, type StatsDeps, type StatsReader } from './stats-reader.ts';
import { figuresFromCounts, type FiguresLite } from './stored-figures.ts';
import * as repo from './stats.repository.ts';

const GEO_FILES: Readonly<Record<GeoLayerName, string>> = {
  'communes-2025': 'langson_communes_2025.geojson',
  'districts-2019': 'langson_districts_2019.geojson',
};

type PublicCells = Pick<
  PublicCommunesResponse['communes'][number],
  'households' | 'poor' | 'nearPoor' | 'poorRate' | 'nearPoorRate' | 'suppressed'
>;

/** The cells of a unit, or nulls when fewer than the threshold of households stand behind them. */
export function publicCells(figures: FiguresLite): PublicCells {
  if (figures.total < PUBLIC_MIN_HOUSEHOLDS) {
    return { households: null, poor: null, nearPoor: null, poorRate: null, nearPoorRate: null, suppressed: true };
  }
  return {
    households: figures.total,
    poor: figures.poor,
    nearPoor: figures.nearPoor,
    poorRate: figures.poorRate,
    nearPoorRate: figures.nearPoorRate,
    suppressed: false,
  };
}

export function createPublicStats(reader: StatsReader, deps: StatsDeps) {
  const geoDir = deps.geoDir ?? LANG_SON_REFERENCE_DIR;
  const geoCache = new Map<GeoLayerName, Promise<Buffer>>();

  /** Communes' counts in a round, on the communes of `date`: stored when the date is the round's own. */
  async function communeCounts(round: repo.RoundRow, dir: UnitDirectory, date: string) {
    if (roundReferenceDate(round.year) === date) {
      await reader.ensureStored(round);
      const tallies = await repo.storedTallies(deps.readDb ?? deps.db, round.id, 'commune');
      return new Map(tallies.map((t) => [t.unitCode, { figures: figuresFromCounts(t), estimated: false }]));
    }
    const moved = await reader.reaggregate(round, dir, date, 'commune', 'counts');
    return new Map([...moved.units].map(([code, unit]) => [code, { figures: unit as FiguresLite, estimated: unit.estimated }]));
  }

  return {
    /** A year's approved results, or the latest approved round's when no year is asked for. */
    async publicCommunes(query: { year?: number }): Promise<PublicCommunesResponse> {
      const approved = reader.roundsByYear((await reader.rounds()).filter((r) => r.state === 'frozen'));
      const round = query.year === undefined ? approved.at(-1) : approved.find((r) => r.year === query.year);
      if (!round) {
        throw new AppError(
          'rounds.not_found',
          query.year === undefined
            ? 'Chưa có kết quả rà soát nào được tỉnh phê duyệt để công bố.'
            : `Chưa có kết quả rà soát năm ${query.year} đã được tỉnh phê duyệt để công bố.`,
        );
      }
      const date = roundReferenceDate(round.year);
      const dir = await reader.directory();
      const communes = dir.unitsOn(date, 'commune').sort(byName);
      const byYear = new Map<number, Awaited<ReturnType<typeof communeCounts>>>();
      for (const r of approved) byYear.set(r.year, await communeCounts(r, dir, date));
      const current = byYear.get(round.year) ?? new Map();
      const [province] = await repo.storedTalliesOf(deps.readDb ?? deps.db, round.id, [deps.provinceCode]);
      const provinceFigures = figuresFromCounts(province ?? { total: 0, poor: 0, nearPoor: 0 });
      const zero = figuresFromCounts({ total: 0, poor: 0, nearPoor: 0 });

      return {
        year: round.year,
        standardId: round.standardId,
        isDemo: round.isDemo,
        years: approved.map((r) => r.year),
        minHouseholds: PUBLIC_MIN_HOUSEHOLDS,
        note:
          `Tỷ lệ hộ nghèo, hộ cận nghèo theo kết quả rà soát đã được UBND tỉnh phê duyệt, trên địa giới năm ${round.year}; ` +
          `các năm khác được tính lại theo thôn, bản. Ô có dưới ${PUBLIC_MIN_HOUSEHOLDS} hộ không được công bố.`,
        province: {
          code: deps.provinceCode,
          name: dir.versionOn(deps.provinceCode, date)?.name ?? deps.provinceCode,
          ...publicCells(provinceFigures),
        },
        communes: communes.map((commune) => {
          const figures = current.get(commune.code)?.figures ?? zero;
          return {
            code: commune.code,
            name: commune.name,
            districtName: dir.ancestorsOn(commune.code, date).find((a) => a.level === 'district')?.name ?? null,
            ...publicCells(figures),
            trend: approved.map((r) => {
              const point = byYear.get(r.year)?.get(commune.code);
              const cells = publicCells(point?.figures ?? zero);
              return {
                year: r.year,
                poorRate: cells.poorRate,
                nearPoorRate: cells.nearPoorRate,
                suppressed: cells.suppressed,
                estimated: point?.estimated ?? false,
              };
            }),
          };
        }),
      };
    },

    /** A boundary layer of the map as GeoJSON, read from the reference data once. */
    geoLayer(layer: GeoLayerName): Promise<Buffer> {
      let file = geoCache.get(layer);
      if (!file) {
        file = readFile(join(geoDir, GEO_FILES[layer])).catch(() => {
          // A failed read is not cached: the next request tries again.
          geoCache.delete(layer);
          throw new AppError('units.not_found', `Chưa có tệp ranh giới cho lớp bản đồ "${layer}".`);
        });
        geoCache.set(layer, file);
      }
      return file;
    },
  };
}
