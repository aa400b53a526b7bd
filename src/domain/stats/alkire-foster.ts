// Alkire–Foster counting measures (DOMAIN.md §5). Vietnam's rule "thiếu hụt từ 3 chỉ số trở lên"
// (QĐ 59/2015/QĐ-TTg, NĐ 07/2021/NĐ-CP) is this method with equal weights and cut-off k = 3:
//   H  = weighted share of units whose summed deprivation weights reach k (the "poor");
//   A  = mean, over the poor, of (summed deprivation weights ÷ sum of all indicator weights);
//   M0 = H × A; censored headcount of an indicator = share of units that are poor AND deprived in it;
//   contribution of an indicator = w × CH ÷ (Σw × M0) × 100, so contributions add up to 100 when M0 > 0.

import { findRepeat } from './find-repeat.ts';
import { StatsError } from './stats-errors.ts';

export interface AlkireFosterUnit {
  id: string;
  /** Sample weight of the unit (a household in a survey may stand for several); 1 when absent. */
  weight?: number;
  /** Codes of the indicators in which the unit is deprived. */
  deprivations: readonly string[];
}

export interface AlkireFosterInput {
  units: readonly AlkireFosterUnit[];
  /** Every indicator that applies (10 under QĐ 59/2015, 12 under NĐ 07/2021). */
  indicators: readonly string[];
  /** Cut-off on the summed deprivation weights: a unit is poor when the sum is ≥ k. */
  k: number;
  /** Weight per indicator; an indicator left out weighs 1. */
  indicatorWeights?: Readonly<Record<string, number>>;
}

export interface AlkireFosterResult {
  /** Multidimensional headcount ratio (0–1). */
  H: number;
  /** Intensity: average deprivation share among the poor (0–1); 0 when nobody is poor. */
  A: number;
  /** Adjusted headcount ratio H × A (0–1). */
  M0: number;
  /** Indicator → share of the population that is poor and deprived in it (0–1). */
  censoredHeadcount: Record<string, number>;
  /** Indicator → percentage of M0 it accounts for; they add up to 100 when M0 > 0, all 0 otherwise. */
  contribution: Record<string, number>;
  /** Number of unit records, and of those that are poor, not weighted. */
  unitCount: number;
  poorCount: number;
  /** Sum of sample weights of all units, and of the poor units. */
  population: number;
  poorPopulation: number;
  /** The parameters that produced these figures. */
  k: number;
  indicatorWeights: Record<string, number>;
}

/**
 * Summed weights are compared with k with a tiny relative allowance: weights such as 1/12 add up in
 * binary to 0.33333333333333326 where the officer means exactly 1/3, and such a unit is poor.
 */
const CUTOFF_TOLERANCE = 1e-9;

export function computeAlkireFoster(input: AlkireFosterInput): AlkireFosterResult {
  const weights = resolveIndicatorWeights(input.indicators, input.indicatorWeights);
  validateCutoff(input.k);
  validateUnits(input.units, weights);
  if (input.units.length === 0) {
    throw new StatsError('empty_population', 'Không có hộ nào để tính chỉ số nghèo đa chiều.');
  }

  const totalIndicatorWeight = sumValues(weights);
  const threshold = input.k * (1 - CUTOFF_TOLERANCE);
  const censored = new Map<string, number>(input.indicators.map((code) => [code, 0]));
  let population = 0;
  let poorPopulation = 0;
  let poorCount = 0;
  let weightedIntensity = 0;

  for (const unit of input.units) {
    const sampleWeight = unit.weight ?? 1;
    population += sampleWeight;
    let score = 0;
    for (const code of unit.deprivations) score += weights.get(code) ?? 0;
    if (score < threshold) continue;
    poorCount += 1;
    poorPopulation += sampleWeight;
    weightedIntensity += (sampleWeight * score) / totalIndicatorWeight;
    for (const code of unit.deprivations) censored.set(code, (censored.get(code) ?? 0) + sampleWeight);
  }

  const H = poorPopulation / population;
  const A = poorPopulation > 0 ? weightedIntensity / poorPopulation : 0;
  const M0 = H * A;
  const censoredHeadcount: Record<string, number> = {};
  const contribution: Record<string, number> = {};
  for (const code of input.indicators) {
    const headcount = (censored.get(code) ?? 0) / population;
    censoredHeadcount[code] = headcount;
    contribution[code] =
      M0 > 0 ? (((weights.get(code) ?? 0) * headcount) / (totalIndicatorWeight * M0)) * 100 : 0;
  }

  return {
    H,
    A,
    M0,
    censoredHeadcount,
    contribution,
    unitCount: input.units.length,
    poorCount,
    population,
    poorPopulation,
    k: input.k,
    indicatorWeights: Object.fromEntries(weights),
  };
}

/** Indicator → weight, every indicator present; refuses weights for indicators not in the list. */
function resolveIndicatorWeights(
  indicators: readonly string[],
  given: Readonly<Record<string, number>> | undefined,
): Map<string, number> {
  if (indicators.length === 0) {
    throw new StatsError('invalid_indicators', 'Danh sách chỉ số thiếu hụt đang trống.');
  }
  const weights = new Map<string, number>();
  for (const code of indicators) {
    if (code.length === 0)
      throw new StatsError('invalid_indicators', 'Danh sách chỉ số có một mã chỉ số trống.');
    if (weights.has(code)) {
      throw new StatsError(
        'invalid_indicators',
        `Chỉ số "${code}" xuất hiện hai lần trong danh sách chỉ số.`,
      );
    }
    weights.set(code, 1);
  }
  for (const [code, weight] of Object.entries(given ?? {})) {
    if (!weights.has(code)) {
      throw new StatsError(
        'unknown_indicator',
        `Trọng số cho chỉ số "${code}", nhưng chỉ số này không có trong danh sách chỉ số.`,
      );
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new StatsError(
        'invalid_weight',
        `Trọng số của chỉ số "${code}" phải là số dương (nhận được ${String(weight)}).`,
      );
    }
    weights.set(code, weight);
  }
  return weights;
}

function validateCutoff(k: number): void {
  if (!Number.isFinite(k) || k <= 0) {
    throw new StatsError('invalid_cutoff', `Ngưỡng k phải là số dương (nhận được ${String(k)}).`);
  }
}

function validateUnits(units: readonly AlkireFosterUnit[], weights: ReadonlyMap<string, number>): void {
  const seen = new Set<string>();
  units.forEach((unit, index) => {
    if (unit.id.length === 0) throw new StatsError('invalid_unit', 'Mã hộ đang trống.', index);
    if (seen.has(unit.id))
      throw new StatsError('duplicate_unit', `Hộ "${unit.id}" xuất hiện hai lần.`, index);
    seen.add(unit.id);
    if (unit.weight !== undefined && (!Number.isFinite(unit.weight) || unit.weight <= 0)) {
      throw new StatsError(
        'invalid_weight',
        `Hộ "${unit.id}": trọng số mẫu phải là số dương (nhận được ${unit.weight}).`,
        index,
      );
    }
    for (const code of unit.deprivations) {
      if (!weights.has(code)) {
        throw new StatsError(
          'unknown_indicator',
          `Hộ "${unit.id}": chỉ số thiếu hụt "${code}" không có trong danh sách chỉ số.`,
          index,
        );
      }
    }
    const repeated = findRepeat(unit.deprivations);
    if (repeated !== undefined) {
      throw new StatsError(
        'invalid_unit',
        `Hộ "${unit.id}": chỉ số thiếu hụt "${repeated}" được ghi hai lần.`,
        index,
      );
    }
  });
}

function sumValues(map: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const value of map.values()) sum += value;
  return sum;
}
