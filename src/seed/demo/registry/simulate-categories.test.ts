import { describe, expect, it } from 'vitest';
import type { RoundQuotas } from './plan-commune-rates.ts';
import {
  ABSENT,
  CATEGORY_ORDER,
  simulateCategories,
  type SimulatedHouseholds,
} from './simulate-categories.ts';

function quota(
  year: number,
  households: number[],
  poor: number[],
  nearPoor: number[],
  middle: number[],
): RoundQuotas {
  return {
    year,
    households: Int32Array.from(households),
    poor: Int32Array.from(poor),
    nearPoor: Int32Array.from(nearPoor),
    middle: Int32Array.from(middle),
  };
}

// Two communes: 0 has households 0–5, 1 has 6–9; household 9 only joins in the second round (tách hộ).
const households: SimulatedHouseholds = {
  communeIndex: Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]),
  disadvantage: Float64Array.from([3, 2, 1, 0, -1, -2, 3, 0, -3, 1]),
  firstRound: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
  lastRound: Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
};
const quotas = [quota(2016, [6, 3], [2, 1], [1, 1], [1, 0]), quota(2017, [6, 4], [1, 1], [2, 1], [1, 1])];
const counts = (categories: Uint8Array, from: number, to: number) =>
  CATEGORY_ORDER.map((_, code) => categories.slice(from, to).filter((c) => c === code).length);

describe('filling each commune’s quotas from the most disadvantaged households', () => {
  const result = simulateCategories(households, quotas, 1, { persistence: 0.8, weight: 0.01 });

  it.each([
    { round: 0, commune: 0, from: 0, to: 6, expected: [2, 1, 1, 2] },
    { round: 0, commune: 1, from: 6, to: 10, expected: [1, 1, 0, 1] },
    { round: 1, commune: 0, from: 0, to: 6, expected: [1, 2, 1, 2] },
    { round: 1, commune: 1, from: 6, to: 10, expected: [1, 1, 1, 1] },
  ])(
    'round $round, commune $commune: poor, near-poor, middle, not poor = $expected',
    ({ round, from, to, expected }) => {
      expect(counts(result[round] as Uint8Array, from, to)).toEqual(expected);
    },
  );

  it('marks a household absent from the rounds before it existed', () => {
    expect(result[0]?.[9]).toBe(ABSENT);
    expect(result[1]?.[9]).not.toBe(ABSENT);
  });

  it('with small shocks, the most disadvantaged household of each commune is poor', () => {
    expect(result[0]?.[0]).toBe(0);
    expect(result[0]?.[6]).toBe(0);
    expect(result[0]?.[5]).toBe(3);
  });

  it('refuses quotas counted for another set of households', () => {
    const wrong = [quota(2016, [5, 4], [1, 1], [1, 1], [1, 1])];
    expect(() => simulateCategories(households, wrong, 1)).toThrow(/không khớp/u);
  });
});
