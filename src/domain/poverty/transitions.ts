// Transitions between review rounds for one household, and how long an escape from poverty has
// held (criterion 5b.3 of plan 165/KH-UBND: "thoát nghèo ổn định từ 03 năm trở lên" means ≥ 3).
// Definitions: issue 3, "Transition definitions"; categories reported per DOMAIN.md §3.

import { PovertyRuleError } from './poverty-errors.ts';
import type { PovertyCategory } from './poverty-standard.ts';

export type TransitionCode =
  | 'first_round'
  | 'stayed_poor'
  | 'relapsed'
  | 'new_poor'
  | 'escaped'
  | 'stayed_near_poor'
  | 'relapsed_near_poor'
  | 'new_near_poor'
  | 'escaped_near_poor'
  | 'none';

export const TRANSITION_LABELS: Readonly<Record<TransitionCode, string>> = {
  first_round: 'kỳ rà soát đầu tiên của hộ',
  stayed_poor: 'hộ nghèo tiếp tục',
  relapsed: 'hộ tái nghèo',
  new_poor: 'hộ nghèo phát sinh',
  escaped: 'hộ thoát nghèo',
  stayed_near_poor: 'hộ cận nghèo tiếp tục',
  relapsed_near_poor: 'hộ tái cận nghèo',
  new_near_poor: 'hộ cận nghèo phát sinh',
  escaped_near_poor: 'hộ thoát cận nghèo',
  none: 'không biến động',
};

/** The escape has held long enough for criterion 5b.3 ("từ 03 năm trở lên"). */
export const STABLE_ESCAPE_MIN_YEARS = 3;

export interface RoundCategory {
  /** The review round, identified by its year. */
  readonly round: number;
  readonly category: PovertyCategory;
}

export interface RoundTransition extends RoundCategory {
  readonly transition: TransitionCode;
  /** R − E since the latest escape E, if not poor in any round from E to R; null when poor now or never escaped. */
  readonly stableEscapeYears: number | null;
}

/** One household's rounds, in any order → one transition per round, in round order. */
export function deriveTransitions(history: readonly RoundCategory[]): RoundTransition[] {
  const rounds = [...history].sort((a, b) => a.round - b.round);
  const result: RoundTransition[] = [];
  let previous: PovertyCategory | null = null;
  let everPoor = false;
  let everNearPoor = false;
  let lastEscape: number | null = null;
  let lastPoor: number | null = null;

  for (const [index, entry] of rounds.entries()) {
    if (!Number.isInteger(entry.round)) {
      throw new PovertyRuleError(
        'invalid_round',
        `Kỳ rà soát phải là một năm (số nguyên), không phải "${entry.round}".`,
        {
          round: entry.round,
        },
      );
    }
    if (index > 0 && rounds[index - 1]?.round === entry.round) {
      throw new PovertyRuleError('duplicate_round', `Hộ có hai kết quả cho cùng kỳ rà soát ${entry.round}.`, {
        round: entry.round,
      });
    }
    const current = entry.category;
    const transition = classifyTransition(previous, current, everPoor, everNearPoor);
    if (transition === 'escaped') lastEscape = entry.round;
    if (current === 'poor') lastPoor = entry.round;
    const stableEscapeYears =
      current === 'poor' || lastEscape === null || (lastPoor !== null && lastPoor >= lastEscape)
        ? null
        : entry.round - lastEscape;
    result.push({ round: entry.round, category: current, transition, stableEscapeYears });
    previous = current;
    everPoor ||= current === 'poor';
    everNearPoor ||= current === 'near_poor';
  }
  return result;
}

/** Has the escape held for at least 3 rounds-years (criterion 5b.3)? */
export function isStableEscape(stableEscapeYears: number | null): boolean {
  return stableEscapeYears !== null && stableEscapeYears >= STABLE_ESCAPE_MIN_YEARS;
}

function classifyTransition(
  previous: PovertyCategory | null,
  current: PovertyCategory,
  everPoor: boolean,
  everNearPoor: boolean,
): TransitionCode {
  if (previous === null) return 'first_round';
  if (current === 'poor') {
    if (previous === 'poor') return 'stayed_poor';
    return everPoor ? 'relapsed' : 'new_poor';
  }
  if (previous === 'poor') return 'escaped';
  if (current === 'near_poor') {
    if (previous === 'near_poor') return 'stayed_near_poor';
    return everPoor || everNearPoor ? 'relapsed_near_poor' : 'new_near_poor';
  }
  if (previous === 'near_poor') return 'escaped_near_poor';
  return 'none';
}
