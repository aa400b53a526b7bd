// Which demo household is poor, near-poor, middle or not poor in each round.
//
// Every household has a lasting disadvantage (its village, its people, a female head without support, social
// protection, chance) and a yearly shock that persists (AR(1): a bad harvest or an illness lingers). In each round
// and commune the households are ranked by disadvantage + shock and the commune's quotas (plan-commune-rates.ts) are
// filled from the top: poor first, then near-poor, then middle. The quotas make the rates exact; the ranking makes
// the households' paths realistic: most of the poor stay poor from one year to the next, some escape (usually to
// near-poor first), some fall back (tái nghèo), new ones appear (phát sinh), and many escapes hold for years.

import type { PovertyCategory } from '../../../domain/poverty/index.ts';
import type { RoundQuotas } from './plan-commune-rates.ts';

/** Categories are stored as their index here; ABSENT marks a round the household takes no part in. */
export const CATEGORY_ORDER: readonly PovertyCategory[] = ['poor', 'near_poor', 'middle', 'not_poor'];
export const ABSENT = 255;

export interface SimulatedHouseholds {
  /** commune (index into the quotas' arrays) of each household */
  readonly communeIndex: Int32Array;
  /** lasting disadvantage; higher is poorer */
  readonly disadvantage: Float64Array;
  /** first and last round (indices) each household takes part in */
  readonly firstRound: Uint8Array;
  readonly lastRound: Uint8Array;
}

export interface ShockModel {
  /** year-to-year persistence of a shock (AR(1) coefficient) */
  readonly persistence: number;
  /** weight of the shock against the lasting disadvantage (standard deviation 1) */
  readonly weight: number;
}

export const DEFAULT_SHOCK_MODEL: ShockModel = { persistence: 0.8, weight: 0.55 };

/** A uniform in (0, 1) from integers only: cheap enough for one draw per household and round. */
export function hashUniform(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(b + 0x1b873593, 0x27d4eb2f);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return ((h >>> 0) + 0.5) / 4294967296;
}

function hashNormal(seed: number, a: number, b: number): number {
  const u = hashUniform(seed, a, b * 2);
  const v = hashUniform(seed, a, b * 2 + 1);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** categories[round][household]: an index into CATEGORY_ORDER, or ABSENT. */
export function simulateCategories(
  households: SimulatedHouseholds,
  quotas: readonly RoundQuotas[],
  seed: number,
  model: ShockModel = DEFAULT_SHOCK_MODEL,
): Uint8Array[] {
  const count = households.communeIndex.length;
  const communeCount = quotas[0]?.households.length ?? 0;
  const members: number[][] = Array.from({ length: communeCount }, () => []);
  for (let h = 0; h < count; h += 1) members[households.communeIndex[h] ?? 0]?.push(h);

  const shock = new Float64Array(count);
  for (let h = 0; h < count; h += 1) shock[h] = hashNormal(seed, h, 0);
  const innovation = Math.sqrt(1 - model.persistence * model.persistence);
  const score = new Float64Array(count);
  const result: Uint8Array[] = [];

  quotas.forEach((quota, round) => {
    if (round > 0) {
      for (let h = 0; h < count; h += 1) {
        shock[h] = model.persistence * (shock[h] ?? 0) + innovation * hashNormal(seed, h, round);
      }
    }
    for (let h = 0; h < count; h += 1)
      score[h] = (households.disadvantage[h] ?? 0) + model.weight * (shock[h] ?? 0);
    const categories = new Uint8Array(count).fill(ABSENT);
    members.forEach((list, commune) => {
      const present = list.filter(
        (h) => (households.firstRound[h] ?? 0) <= round && round <= (households.lastRound[h] ?? 0),
      );
      if (present.length !== quota.households[commune]) {
        throw new Error(`Số hộ của xã thứ ${commune} trong kỳ ${quota.year} không khớp với chỉ tiêu.`);
      }
      present.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
      const poor = quota.poor[commune] ?? 0;
      const nearPoor = poor + (quota.nearPoor[commune] ?? 0);
      const middle = nearPoor + (quota.middle[commune] ?? 0);
      present.forEach((h, rank) => {
        categories[h] = rank < poor ? 0 : rank < nearPoor ? 1 : rank < middle ? 2 : 3;
      });
    });
    result.push(categories);
  });
  return result;
}
