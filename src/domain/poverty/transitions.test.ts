import { describe, expect, it } from 'vitest';
import { PovertyRuleError } from './poverty-errors.ts';
import type { PovertyCategory } from './poverty-standard.ts';
import type { TransitionCode } from './transitions.ts';
import { deriveTransitions, isStableEscape, TRANSITION_LABELS } from './transitions.ts';

/** Categories for consecutive rounds from 2016. */
function history(...categories: PovertyCategory[]): { round: number; category: PovertyCategory }[] {
  return categories.map((category, i) => ({ round: 2016 + i, category }));
}

const transitionsOf = (...categories: PovertyCategory[]): TransitionCode[] =>
  deriveTransitions(history(...categories)).map((r) => r.transition);

const stableYearsOf = (...categories: PovertyCategory[]): (number | null)[] =>
  deriveTransitions(history(...categories)).map((r) => r.stableEscapeYears);

describe('transition per round (issue 3, "Transition definitions")', () => {
  it.each<{ situation: string; rounds: PovertyCategory[]; transitions: TransitionCode[] }>([
    { situation: 'no earlier round', rounds: ['poor'], transitions: ['first_round'] },
    { situation: 'poor, then poor', rounds: ['poor', 'poor'], transitions: ['first_round', 'stayed_poor'] },
    {
      situation: 'never poor, now poor',
      rounds: ['not_poor', 'middle', 'poor'],
      transitions: ['first_round', 'none', 'new_poor'],
    },
    {
      situation: 'near-poor, then poor, never poor before',
      rounds: ['near_poor', 'poor'],
      transitions: ['first_round', 'new_poor'],
    },
    {
      situation: 'poor, escaped, poor again',
      rounds: ['poor', 'not_poor', 'poor'],
      transitions: ['first_round', 'escaped', 'relapsed'],
    },
    {
      situation: 'poor long ago, then poor again',
      rounds: ['poor', 'middle', 'not_poor', 'poor'],
      transitions: ['first_round', 'escaped', 'none', 'relapsed'],
    },
    {
      situation: 'poor → near-poor is an escape, not a near-poor transition',
      rounds: ['poor', 'near_poor'],
      transitions: ['first_round', 'escaped'],
    },
    { situation: 'poor → middle', rounds: ['poor', 'middle'], transitions: ['first_round', 'escaped'] },
    {
      situation: 'near-poor, then near-poor',
      rounds: ['near_poor', 'near_poor'],
      transitions: ['first_round', 'stayed_near_poor'],
    },
    {
      situation: 'never poor or near-poor, now near-poor',
      rounds: ['middle', 'near_poor'],
      transitions: ['first_round', 'new_near_poor'],
    },
    {
      situation: 'near-poor, out, near-poor again',
      rounds: ['near_poor', 'not_poor', 'near_poor'],
      transitions: ['first_round', 'escaped_near_poor', 'relapsed_near_poor'],
    },
    {
      situation: 'poor before, now near-poor after a middle round',
      rounds: ['poor', 'middle', 'near_poor'],
      transitions: ['first_round', 'escaped', 'relapsed_near_poor'],
    },
    {
      situation: 'near-poor → middle',
      rounds: ['near_poor', 'middle'],
      transitions: ['first_round', 'escaped_near_poor'],
    },
    {
      situation: 'near-poor → not poor',
      rounds: ['near_poor', 'not_poor'],
      transitions: ['first_round', 'escaped_near_poor'],
    },
    {
      situation: 'middle ↔ not poor',
      rounds: ['middle', 'not_poor', 'middle'],
      transitions: ['first_round', 'none', 'none'],
    },
    {
      situation: 'poor → near-poor → near-poor',
      rounds: ['poor', 'near_poor', 'near_poor'],
      transitions: ['first_round', 'escaped', 'stayed_near_poor'],
    },
  ])('$situation: $rounds → $transitions', ({ rounds, transitions }) => {
    expect(transitionsOf(...rounds)).toEqual(transitions);
  });

  it('every transition has a Vietnamese label', () => {
    expect(TRANSITION_LABELS.escaped).toBe('hộ thoát nghèo');
    expect(TRANSITION_LABELS.relapsed).toBe('hộ tái nghèo');
    expect(TRANSITION_LABELS.new_poor).toBe('hộ nghèo phát sinh');
    expect(TRANSITION_LABELS.new_near_poor).toBe('hộ cận nghèo phát sinh');
    expect(TRANSITION_LABELS.escaped_near_poor).toBe('hộ thoát cận nghèo');
    expect(TRANSITION_LABELS.relapsed_near_poor).toBe('hộ tái cận nghèo');
  });
});

describe('stable-escape years (criterion 5b.3: held ≥ 3 years)', () => {
  it.each<{ situation: string; rounds: PovertyCategory[]; years: (number | null)[] }>([
    { situation: 'never poor', rounds: ['not_poor', 'middle'], years: [null, null] },
    { situation: 'poor throughout', rounds: ['poor', 'poor'], years: [null, null] },
    {
      situation: 'escape from near-poverty does not count',
      rounds: ['near_poor', 'middle', 'not_poor'],
      years: [null, null, null],
    },
    {
      situation: 'escaped 2017, held to 2019 (2 years) and 2020 (3 years)',
      rounds: ['poor', 'near_poor', 'middle', 'not_poor', 'not_poor'],
      years: [null, 0, 1, 2, 3],
    },
    {
      situation: 'relapse resets the count',
      rounds: ['poor', 'not_poor', 'not_poor', 'poor', 'near_poor', 'not_poor', 'not_poor', 'not_poor'],
      years: [null, 0, 1, null, 0, 1, 2, 3],
    },
  ])('$situation → $years', ({ rounds, years }) => {
    expect(stableYearsOf(...rounds)).toEqual(years);
  });

  it('counts years between rounds, not rounds, when a year is missing', () => {
    const result = deriveTransitions([
      { round: 2016, category: 'poor' },
      { round: 2017, category: 'not_poor' },
      { round: 2020, category: 'not_poor' },
    ]);
    expect(result.map((r) => r.stableEscapeYears)).toEqual([null, 0, 3]);
  });

  it.each([
    { years: null, stable: false },
    { years: 2, stable: false },
    { years: 3, stable: true },
    { years: 4, stable: true },
  ])('"thoát nghèo ổn định từ 03 năm trở lên": $years years → $stable', ({ years, stable }) => {
    expect(isStableEscape(years)).toBe(stable);
  });
});

describe('history input', () => {
  it('accepts rounds in any order and answers in round order', () => {
    const result = deriveTransitions([
      { round: 2018, category: 'not_poor' },
      { round: 2016, category: 'poor' },
      { round: 2017, category: 'poor' },
    ]);
    expect(result).toEqual([
      { round: 2016, category: 'poor', transition: 'first_round', stableEscapeYears: null },
      { round: 2017, category: 'poor', transition: 'stayed_poor', stableEscapeYears: null },
      { round: 2018, category: 'not_poor', transition: 'escaped', stableEscapeYears: 0 },
    ]);
  });

  it('rejects two results for the same round', () => {
    expect(() =>
      deriveTransitions([
        { round: 2017, category: 'poor' },
        { round: 2017, category: 'middle' },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'duplicate_round',
        message: 'Hộ có hai kết quả cho cùng kỳ rà soát 2017.',
      }),
    );
  });

  it('rejects a round that is not a whole year', () => {
    expect(() => deriveTransitions([{ round: 2017.5, category: 'poor' }])).toThrow(PovertyRuleError);
  });
});
