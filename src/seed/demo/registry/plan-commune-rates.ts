// How many poor, near-poor and middle-living-standard households each commune has in each demo round.
//
// Each commune of the 2019 structure (226 communes; every later commune is a union of their villages, so the
// figures of any later structure are sums of these) gets a profile: a 2016 level on the logit scale, from its
// district and kind (wards 1–5 %, towns a few percent, remote highland communes 35–60 %), its own trend and yearly
// noise. For each round one common shift is solved so that the province total hits the target exactly
// (calibration-targets.ts), and the whole counts are then dealt to communes by largest remainder. On the logit
// scale the same shift takes 5–6 points off a commune at 50 % and under a point off a ward at 3 %, which is how
// the published figures fell: fastest where poverty was highest.

import { countForPercent, type ProvinceTarget } from './calibration-targets.ts';
import { createRandom, logistic, logit, streamSeed } from './demo-random.ts';

export interface DemoCommune {
  readonly code: string;
  readonly name: string;
  /** "Xã" | "Phường" | "Thị trấn" */
  readonly kind: string;
  readonly districtCode: string;
}

export interface CommuneProfile {
  readonly code: string;
  readonly districtCode: string;
  readonly kind: string;
  /** logit of the commune's 2016 rate before the province calibration */
  readonly baseLogit: number;
  /** its own drift per year on the logit scale (negative: faster than the province) */
  readonly trend: number;
  /** noise of each round, by round index */
  readonly yearNoise: readonly number[];
  /** how strongly its non-poor households sit just above the line (near-poor), and in the middle band */
  readonly nearPoorAffinity: number;
  readonly middleAffinity: number;
}

export interface RoundQuotas {
  readonly year: number;
  /** by commune index, as in the profiles */
  readonly households: Int32Array;
  readonly poor: Int32Array;
  readonly nearPoor: Int32Array;
  readonly middle: Int32Array;
}

// 2016 poverty of the xã of each district before calibration (demo values shaped on the province's reports: Bình
// Gia and Đình Lập were the poorest districts, the city's communes the least poor).
const XA_RATE_BY_DISTRICT: Readonly<Record<string, number>> = {
  '178': 0.07, // Thành phố Lạng Sơn
  '180': 0.3, // Tràng Định
  '181': 0.42, // Bình Gia
  '182': 0.28, // Văn Lãng
  '183': 0.17, // Cao Lộc
  '184': 0.34, // Văn Quan
  '185': 0.28, // Bắc Sơn
  '186': 0.17, // Hữu Lũng
  '187': 0.21, // Chi Lăng
  '188': 0.27, // Lộc Bình
  '189': 0.38, // Đình Lập
};
const DEFAULT_XA_RATE = 0.25;
const WARD_RATE = 0.025;
const TOWN_RATE = 0.06;

export function isUrbanKind(kind: string): boolean {
  return kind === 'Phường' || kind === 'Thị trấn';
}

export function profileCommunes(
  communes: readonly DemoCommune[],
  roundCount: number,
  seed: number,
): CommuneProfile[] {
  return communes.map((commune) => {
    const random = createRandom(streamSeed(seed, 'commune-profile', commune.code));
    const urban = isUrbanKind(commune.kind);
    const level =
      commune.kind === 'Phường'
        ? WARD_RATE
        : commune.kind === 'Thị trấn'
          ? TOWN_RATE
          : (XA_RATE_BY_DISTRICT[commune.districtCode] ?? DEFAULT_XA_RATE);
    const baseLogit = logit(level) + random.normal() * (urban ? 0.3 : 0.55);
    const trend = random.normal() * 0.05;
    // AR(1) noise, so that a commune that slips one year tends to recover the next.
    const yearNoise: number[] = [];
    let previous = 0;
    for (let i = 0; i < roundCount; i += 1) {
      previous = 0.5 * previous + random.normal() * 0.09;
      yearNoise.push(previous);
    }
    return {
      code: commune.code,
      districtCode: commune.districtCode,
      kind: commune.kind,
      baseLogit,
      trend,
      yearNoise,
      nearPoorAffinity: random.normal() * 0.25,
      middleAffinity: random.normal() * 0.2,
    };
  });
}

/** The commune's rate in round `index` for the province shift of that round. */
export function communeRate(profile: CommuneProfile, index: number, shift: number): number {
  return logistic(profile.baseLogit + shift + profile.trend * index + (profile.yearNoise[index] ?? 0));
}

/** The shift s with Σ weightᵢ · logistic(xᵢ + s) = total (bisection; the sum rises with s). */
export function solveShift(logits: readonly number[], weights: ArrayLike<number>, total: number): number {
  let lo = -30;
  let hi = 30;
  for (let iteration = 0; iteration < 80; iteration += 1) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < logits.length; i += 1) sum += (weights[i] ?? 0) * logistic((logits[i] ?? 0) + mid);
    if (sum < total) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Whole counts that add up to `total` exactly, each ≤ its cap: floors of the expected values, then one more to those
 * with the largest remainders (ties by index, so the result is stable).
 */
export function allocateLargestRemainder(
  expected: readonly number[],
  caps: ArrayLike<number>,
  total: number,
): Int32Array {
  const counts = new Int32Array(expected.length);
  let assigned = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const cap = caps[i] ?? 0;
    counts[i] = Math.min(cap, Math.max(0, Math.floor(expected[i] ?? 0)));
    assigned += counts[i] ?? 0;
  }
  const order = expected
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = total - assigned;
  while (left > 0) {
    let progressed = false;
    for (const { i } of order) {
      if (left === 0) break;
      if ((counts[i] ?? 0) < (caps[i] ?? 0)) {
        counts[i] = (counts[i] ?? 0) + 1;
        left -= 1;
        progressed = true;
      }
    }
    if (!progressed) throw new Error(`Không chia được ${total} hộ trong giới hạn số hộ của các xã.`);
  }
  while (left < 0) {
    let progressed = false;
    for (const { i } of [...order].reverse()) {
      if (left === 0) break;
      if ((counts[i] ?? 0) > 0) {
        counts[i] = (counts[i] ?? 0) - 1;
        left += 1;
        progressed = true;
      }
    }
    if (!progressed) throw new Error(`Không chia được ${total} hộ cho các xã.`);
  }
  return counts;
}

/**
 * The quotas of every round: `households[r][c]` households of commune c take part in round r. The province totals
 * are exact: poor = round(target % × all households of the round), likewise near-poor and middle.
 */
export function planCommuneQuotas(
  profiles: readonly CommuneProfile[],
  households: readonly Int32Array[],
  targets: readonly ProvinceTarget[],
): RoundQuotas[] {
  return targets.map((target, index) => {
    const present = households[index];
    if (!present) throw new Error(`Thiếu số hộ của kỳ rà soát ${target.year}.`);
    const total = present.reduce((a, b) => a + b, 0);

    const poorLogits = profiles.map((p) => p.baseLogit + p.trend * index + (p.yearNoise[index] ?? 0));
    const poorTotal = countForPercent(target.poorPercent, total);
    const poorShift = solveShift(poorLogits, present, poorTotal);
    const poorLogitOf = poorLogits.map((x) => x + poorShift);
    const poor = allocateLargestRemainder(
      poorLogitOf.map((x, c) => (present[c] ?? 0) * logistic(x)),
      present,
      poorTotal,
    );

    // Near-poor households are taken from the non-poor; poorer communes have more of them just above the line.
    const nonPoor = present.map((n, c) => n - (poor[c] ?? 0));
    const nearLogits = profiles.map((p, c) => 0.5 * (poorLogitOf[c] ?? 0) + p.nearPoorAffinity);
    const nearTotal = countForPercent(target.nearPoorPercent, total);
    const nearShift = solveShift(nearLogits, nonPoor, nearTotal);
    const nearPoor = allocateLargestRemainder(
      nearLogits.map((x, c) => (nonPoor[c] ?? 0) * logistic(x + nearShift)),
      nonPoor,
      nearTotal,
    );

    const rest = nonPoor.map((n, c) => n - (nearPoor[c] ?? 0));
    const middleLogits = profiles.map((p, c) => 0.3 * (poorLogitOf[c] ?? 0) + p.middleAffinity);
    const middleTotal = countForPercent(target.middlePercent, total);
    const middleShift = solveShift(middleLogits, rest, middleTotal);
    const middle = allocateLargestRemainder(
      middleLogits.map((x, c) => (rest[c] ?? 0) * logistic(x + middleShift)),
      rest,
      middleTotal,
    );
    return { year: target.year, households: present, poor, nearPoor, middle };
  });
}
