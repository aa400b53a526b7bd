// The figures a report is pre-filled with (DOMAIN.md §8: "Figures in a report are pre-filled from the registry"), the
// categories reported for each unit and round (DOMAIN.md §3), and the comparison that shows an approved report's
// figures against today's ("changed since approval").

import { formatNumber, formatPercent } from '../../shared/vi-format.ts';
import { fromHundredths, shareInHundredths } from '../stats/hundredths.ts';

export const figureFields = [
  'total',
  'poor',
  'poorRate',
  'nearPoor',
  'nearPoorRate',
  'escaped',
  'newPoor',
  'relapsed',
  'escapedNearPoor',
  'newNearPoor',
  'relapsedNearPoor',
] as const;
export type FigureField = (typeof figureFields)[number];

export type FigureValues = Record<FigureField, number>;

export const figureLabels: Readonly<Record<FigureField, string>> = {
  total: 'Tổng số hộ',
  poor: 'Số hộ nghèo',
  poorRate: 'Tỷ lệ hộ nghèo',
  nearPoor: 'Số hộ cận nghèo',
  nearPoorRate: 'Tỷ lệ hộ cận nghèo',
  escaped: 'Số hộ thoát nghèo',
  newPoor: 'Số hộ nghèo phát sinh',
  relapsed: 'Số hộ tái nghèo',
  escapedNearPoor: 'Số hộ thoát cận nghèo',
  newNearPoor: 'Số hộ cận nghèo phát sinh',
  relapsedNearPoor: 'Số hộ tái cận nghèo',
};

/** Rates are percentages with two decimals; every other field counts households. */
export function isRateField(field: FigureField): boolean {
  return field === 'poorRate' || field === 'nearPoorRate';
}

export function formatFigure(field: FigureField, value: number): string {
  return isRateField(field) ? formatPercent(value) : formatNumber(value);
}

/** The figures of one unit in one round, as they were read at one moment. */
export interface FigureSnapshot {
  readonly roundId: string;
  readonly roundYear: number;
  /** When the figures were read (ISO instant): the moment of approval for a locked snapshot. */
  readonly takenAt: string;
  readonly values: FigureValues;
}

/** Household counts of a unit in a round, with the count of each transition code of the round. */
export interface RoundCounts {
  readonly total: number;
  readonly poor: number;
  readonly nearPoor: number;
  readonly transitions: Readonly<Record<string, number>>;
}

/** Rate = poor households / all resident households of the unit (DOMAIN.md §3), two decimals. */
function rate(part: number, whole: number): number {
  return fromHundredths(shareInHundredths(part, whole));
}

export function figureValuesFromCounts(counts: RoundCounts): FigureValues {
  const t = (code: string) => counts.transitions[code] ?? 0;
  return {
    total: counts.total,
    poor: counts.poor,
    poorRate: rate(counts.poor, counts.total),
    nearPoor: counts.nearPoor,
    nearPoorRate: rate(counts.nearPoor, counts.total),
    escaped: t('escaped'),
    newPoor: t('new_poor'),
    relapsed: t('relapsed'),
    escapedNearPoor: t('escaped_near_poor'),
    newNearPoor: t('new_near_poor'),
    relapsedNearPoor: t('relapsed_near_poor'),
  };
}

/** Figures of several units added up: counts are summed and the rates recomputed from the sums, never averaged. */
export function sumFigureValues(list: readonly FigureValues[]): FigureValues {
  const sum = (field: FigureField) => list.reduce((s, v) => s + v[field], 0);
  const total = sum('total');
  return {
    total,
    poor: sum('poor'),
    poorRate: rate(sum('poor'), total),
    nearPoor: sum('nearPoor'),
    nearPoorRate: rate(sum('nearPoor'), total),
    escaped: sum('escaped'),
    newPoor: sum('newPoor'),
    relapsed: sum('relapsed'),
    escapedNearPoor: sum('escapedNearPoor'),
    newNearPoor: sum('newNearPoor'),
    relapsedNearPoor: sum('relapsedNearPoor'),
  };
}

export interface FigureDifference {
  readonly field: FigureField;
  readonly label: string;
  readonly approved: number;
  readonly current: number;
  /** "Số hộ nghèo: khi phê duyệt 1.234, hiện nay 1.235". */
  readonly text: string;
}

/** The fields whose value today differs from the approved one, in the order of figureFields. */
export function diffFigures(approved: FigureValues, current: FigureValues): FigureDifference[] {
  return figureFields
    .filter((field) => approved[field] !== current[field])
    .map((field) => ({
      field,
      label: figureLabels[field],
      approved: approved[field],
      current: current[field],
      text: `${figureLabels[field]}: khi phê duyệt ${formatFigure(field, approved[field])}, hiện nay ${formatFigure(field, current[field])}`,
    }));
}
