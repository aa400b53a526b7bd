// Stored rows → the figures the API serves. A unit without a stored row had no assessed household in the round: it
// is shown with zeros, not left out, so a table of units on a date always lists every unit.

import { emptyFigures, settleRates, type HouseholdFigures } from '../../../domain/stats/aggregate-round.ts';
import { fromHundredths, shareInHundredths, toHundredths } from '../../../domain/stats/hundredths.ts';
import { STORED_AF_CUTOFF } from './alkire-foster-tally.ts';
import type { StoredAggregate } from './stats.repository.ts';

export interface FiguresLite {
  total: number;
  poor: number;
  nearPoor: number;
  poorRate: number;
  nearPoorRate: number;
}

export function figuresOf(stored: StoredAggregate | undefined): HouseholdFigures {
  if (!stored) return emptyFigures();
  const { data } = stored;
  return {
    total: stored.total,
    poor: stored.poor,
    nearPoor: stored.nearPoor,
    poorRate: data.poorRate,
    nearPoorRate: data.nearPoorRate,
    transitions: data.transitions,
    breakdowns: data.breakdowns,
    deprivations: data.deprivations,
  };
}

/** Figures holding only the three counts (and rates from them), for re-aggregation by tallies. */
export function figuresFromCounts(counts: { total: number; poor: number; nearPoor: number }): HouseholdFigures {
  const figures = emptyFigures();
  figures.total = counts.total;
  figures.poor = counts.poor;
  figures.nearPoor = counts.nearPoor;
  settleRates(figures);
  return figures;
}

export function liteOf(figures: FiguresLite): FiguresLite {
  return {
    total: figures.total,
    poor: figures.poor,
    nearPoor: figures.nearPoor,
    poorRate: figures.poorRate,
    nearPoorRate: figures.nearPoorRate,
  };
}

/** Sum of several units' counts with rates settled from the sums (never averaged rates). */
export function sumLite(rows: readonly { total: number; poor: number; nearPoor: number }[]): FiguresLite {
  const total = rows.reduce((s, r) => s + r.total, 0);
  const poor = rows.reduce((s, r) => s + r.poor, 0);
  const nearPoor = rows.reduce((s, r) => s + r.nearPoor, 0);
  return { total, poor, nearPoor, poorRate: rateOf(poor, total), nearPoorRate: rateOf(nearPoor, total) };
}

/** Percent with two decimals; the denominator is every resident household (DOMAIN.md §3). */
export function rateOf(part: number, total: number): number {
  return fromHundredths(shareInHundredths(part, total));
}

/** b − a on rates as published (two decimals), in points; counts as they are. */
export function changeOf(a: FiguresLite, b: FiguresLite): FiguresLite {
  const points = (x: number, y: number) => fromHundredths(toHundredths(y) - toHundredths(x));
  return {
    total: b.total - a.total,
    poor: b.poor - a.poor,
    nearPoor: b.nearPoor - a.nearPoor,
    poorRate: points(a.poorRate, b.poorRate),
    nearPoorRate: points(a.nearPoorRate, b.nearPoorRate),
  };
}

export function afHeadlineOf(stored: StoredAggregate | undefined): { k: number; H: number; A: number; M0: number } {
  const measures = stored?.data.af?.measures;
  return {
    k: stored?.data.af?.k ?? STORED_AF_CUTOFF,
    H: measures?.H ?? 0,
    A: measures?.A ?? 0,
    M0: measures?.M0 ?? 0,
  };
}
