// The figures a report is pre-filled with, read from the registry: the current assessments of the request's round,
// summed over the villages that make up the recipient unit on the request's date. Villages keep their codes through
// the mergers, so a 2020 commune's report on the 2019 round counts the villages it holds in 2020.

import type { Executor } from '../../../db/client.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { figureValuesFromCounts, type FigureSnapshot, type FigureValues } from '../../../domain/reports/report-figures.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { toVietnamDate } from '../../../shared/clock.ts';
import { villagesUnder } from '../rounds/rounds.service.ts';
import type { RoundRow } from '../rounds/rounds.repository.ts';
import { villageTallies, type VillageTally } from './reports.repository.ts';

function valuesFor(tallies: readonly VillageTally[], villages: ReadonlySet<string>): FigureValues {
  let total = 0;
  let poor = 0;
  let nearPoor = 0;
  const transitions: Record<string, number> = {};
  for (const t of tallies) {
    if (!villages.has(t.villageCode)) continue;
    total += t.n;
    if (t.category === 'poor') poor += t.n;
    if (t.category === 'near_poor') nearPoor += t.n;
    transitions[t.transition] = (transitions[t.transition] ?? 0) + t.n;
  }
  return figureValuesFromCounts({ total, poor, nearPoor, transitions });
}

/** Figures of several units of one round in one query. */
export async function unitFigures(db: Executor, dir: UnitDirectory, roundId: string, unitCodes: readonly string[], structureDate: string): Promise<Map<string, FigureValues>> {
  const villagesOf = new Map(unitCodes.map((code) => [code, new Set(villagesUnder(dir, code, structureDate))]));
  const all = [...new Set([...villagesOf.values()].flatMap((s) => [...s]))];
  const tallies = await villageTallies(db, roundId, all);
  return new Map([...villagesOf].map(([code, villages]) => [code, valuesFor(tallies, villages)]));
}

export function snapshotOf(round: Pick<RoundRow, 'id' | 'year'>, takenAt: Date, values: FigureValues): FigureSnapshot {
  return { roundId: round.id, roundYear: round.year, takenAt: takenAt.toISOString(), values };
}

/** "10:05 15/06/2018", in Vietnam time whatever the server's time zone. */
export function vietnamDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${shifted.slice(11, 16)} ${formatDate(toVietnamDate(instant))}`;
}

/** Where the figures come from, as the report shows it next to them. */
export function figuresSource(round: Pick<RoundRow, 'year' | 'state' | 'decisionNumber' | 'decisionDate'>, takenAt: Date): string {
  const status =
    round.state === 'frozen'
      ? `kỳ rà soát đã khoá sổ${round.decisionNumber ? ` theo Quyết định số ${round.decisionNumber}${round.decisionDate ? ` ngày ${formatDate(round.decisionDate)}` : ''}` : ''}`
      : 'kỳ rà soát chưa khoá sổ';
  return `Kết quả rà soát hộ nghèo, hộ cận nghèo năm ${round.year} (${status}); số liệu lấy lúc ${vietnamDateTime(takenAt)}`;
}
