// Targets of the poor-household rate (DOMAIN.md §4; criteria 2.4, 3.4, 4.5 of Kế hoạch 165/KH-UBND:
// "giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra"). Everything here is computed from the
// unit's own figures, never typed in: the yearly attainment, the cumulative progress towards the
// end-of-period goal, and an on-track forecast from the unit's trend.
// Rates are compared as they are published, rounded to two decimals, in whole hundredths (hundredths.ts).

import { compareKeys } from './compare-keys.ts';
import {
  formatPoints,
  formatRate,
  fromHundredths,
  isPercent,
  shareInHundredths,
  toHundredths,
} from './hundredths.ts';
import { formatNumber } from '../../shared/vi-format.ts';
import { StatsError } from './stats-errors.ts';
import { PLAN_165_2017_TARGETS, ruleSetKey, validateTargetRuleSet } from './target-rule-sets.ts';
import type { PeriodGoal, TargetBand, TargetRuleSet } from './target-rule-sets.ts';

/** A unit's poor-household rate at one round. */
export interface RateObservation {
  unit: string;
  year: number;
  /** Percent of all resident households. */
  rate: number;
  /** The unit's own required reduction for this year, in points; it overrides the rule set's bands. */
  target?: number;
}

export interface AttainmentInput {
  unit: string;
  year: number;
  /** Rate at the previous round, percent. */
  baselineRate: number;
  /** Rate at this round, percent. */
  rate: number;
  ownTarget?: number;
}

export interface Attainment {
  unit: string;
  year: number;
  /** Previous round's rate, rounded to two decimals. */
  baseline: number;
  /** This round's rate, rounded to two decimals. */
  rate: number;
  /** Points the rate had to fall. */
  required: number;
  /** baseline − rate (negative when the rate rose). */
  reduction: number;
  attained: boolean;
  /** Whether the requirement came from a band of the rule set or from the unit's own target. */
  basis: 'band' | 'ownTarget';
  /** The rule set that judged it, e.g. "plan165-2017@1". */
  ruleSet: string;
  explanation: string;
}

export function evaluateAttainment(
  input: AttainmentInput,
  ruleSet: TargetRuleSet = PLAN_165_2017_TARGETS,
): Attainment {
  validateTargetRuleSet(ruleSet);
  validateAttainmentInput(input);
  return judgeYear(input, ruleSet);
}

/**
 * One attainment per unit and year whose previous year is also given (a gap year breaks the chain: a
 * two-year fall cannot be judged against a yearly target). Observations may come in any order; the
 * result is ordered by unit, then year.
 */
export function evaluateAttainments(
  observations: readonly RateObservation[],
  ruleSet: TargetRuleSet = PLAN_165_2017_TARGETS,
): Attainment[] {
  validateTargetRuleSet(ruleSet);
  const byUnit = new Map<string, Map<number, RateObservation>>();
  observations.forEach((observation, index) => {
    validateObservation(observation, index);
    const years = byUnit.get(observation.unit) ?? new Map<number, RateObservation>();
    if (years.has(observation.year)) {
      throw new StatsError(
        'duplicate_observation',
        `Đơn vị "${observation.unit}" có hai tỷ lệ cho năm ${observation.year}.`,
        index,
      );
    }
    years.set(observation.year, observation);
    byUnit.set(observation.unit, years);
  });

  const attainments: Attainment[] = [];
  for (const unit of [...byUnit.keys()].sort(compareKeys)) {
    const years = byUnit.get(unit) ?? new Map<number, RateObservation>();
    for (const year of [...years.keys()].sort((a, b) => a - b)) {
      const previous = years.get(year - 1);
      const current = years.get(year);
      if (!previous || !current) continue;
      attainments.push(
        judgeYear(
          { unit, year, baselineRate: previous.rate, rate: current.rate, ownTarget: current.target },
          ruleSet,
        ),
      );
    }
  }
  return attainments;
}

function judgeYear(input: AttainmentInput, ruleSet: TargetRuleSet): Attainment {
  const baseline = toHundredths(input.baselineRate);
  const rate = toHundredths(input.rate);
  const reduction = baseline - rate;
  const band = selectBand(baseline, ruleSet);
  const bandRequired = toHundredths(band.band.requiredReduction);
  const basis = input.ownTarget === undefined ? 'band' : 'ownTarget';
  const required = input.ownTarget === undefined ? bandRequired : toHundredths(input.ownTarget);
  const attained = reduction >= required;

  const requirement =
    basis === 'band'
      ? `Tỷ lệ năm trước ${formatRate(baseline)}${band.condition ? ` ${band.condition}` : ''}`
      : `Tỷ lệ năm trước ${formatRate(baseline)}; đơn vị tự đặt mục tiêu (thay cho mức ${formatPoints(bandRequired)} điểm theo quy tắc)`;
  const outcome =
    reduction >= 0
      ? `đã giảm ${formatPoints(reduction)} điểm`
      : `tỷ lệ tăng ${formatPoints(-reduction)} điểm`;

  return {
    unit: input.unit,
    year: input.year,
    baseline: fromHundredths(baseline),
    rate: fromHundredths(rate),
    required: fromHundredths(required),
    reduction: fromHundredths(reduction),
    attained,
    basis,
    ruleSet: ruleSetKey(ruleSet),
    explanation: `${requirement} → phải giảm ít nhất ${formatPoints(required)} điểm; ${outcome} → ${attained ? 'đạt' : 'không đạt'}`,
  };
}

/** The band whose lower bound is the highest one not above the baseline, with its condition in words ("≥ 40%"). */
function selectBand(baseline: number, ruleSet: TargetRuleSet): { band: TargetBand; condition: string } {
  const bands = bandsFromTop(ruleSet);
  const position = bands.findIndex((band) => baseline >= toHundredths(band.minBaselineRate));
  // validateTargetRuleSet guarantees a band starting at 0 %, and rates are never negative.
  const band = bands[position] ?? { minBaselineRate: 0, requiredReduction: 0 };
  return { band, condition: describeCondition(bands, position) };
}

/** The rule set in words, one line per band, highest rates first: "tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm". */
export function describeTargetBands(ruleSet: TargetRuleSet = PLAN_165_2017_TARGETS): string[] {
  return bandsFromTop(ruleSet).map((band, position, bands) => {
    const condition = describeCondition(bands, position);
    return `tỷ lệ năm trước${condition ? ` ${condition}` : ''} → giảm ít nhất ${formatPoints(toHundredths(band.requiredReduction))} điểm`;
  });
}

function bandsFromTop(ruleSet: TargetRuleSet): TargetBand[] {
  return [...ruleSet.bands].sort((a, b) => b.minBaselineRate - a.minBaselineRate);
}

/** "≥ 40%", "< 40%" or "≥ 20% và < 40%" for the band at `position` of bands sorted from the top. */
function describeCondition(bands: readonly TargetBand[], position: number): string {
  const band = bands[position];
  const upper = position > 0 ? bands[position - 1] : undefined;
  const lowerText = band && band.minBaselineRate > 0 ? `≥ ${formatThreshold(band.minBaselineRate)}` : '';
  const upperText = upper ? `< ${formatThreshold(upper.minBaselineRate)}` : '';
  return [lowerText, upperText].filter((text) => text.length > 0).join(' và ');
}

/** 40 → "40%", 32.5 → "32,50%". */
function formatThreshold(rate: number): string {
  return Number.isInteger(rate) ? `${formatNumber(rate)}%` : formatRate(toHundredths(rate));
}

export interface GoalProgress {
  startYear: number;
  startRate: number;
  latestYear: number;
  latestRate: number;
  goalYear: number;
  goalRate: number;
  /** Points the rate has to fall from the start of the period to reach the goal (≤ 0: already there). */
  neededPoints: number;
  /** Points it has fallen so far (negative when it rose). */
  reducedPoints: number;
  /** reduced ÷ needed × 100, two decimals; 100 when nothing was needed. */
  progressPercent: number;
  /** The latest rate is at or below the goal. */
  reached: boolean;
  explanation: string;
}

/**
 * Cumulative progress of a unit towards an end-of-period goal (the province's ≈ 11% by 2020, or a goal
 * the unit set itself). Uses the rounds of the period up to the latest one given; null when none falls
 * inside the period.
 */
export function computeGoalProgress(
  series: readonly { year: number; rate: number }[],
  goal: PeriodGoal = PLAN_165_2017_TARGETS.periodGoal,
): GoalProgress | null {
  const points = periodPoints(series, goal);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const goalRate = toHundredths(goal.rate);
  const needed = first.rate - goalRate;
  const reduced = first.rate - last.rate;
  const progress = needed > 0 ? shareInHundredths(reduced, needed) : 10_000;
  const reached = last.rate <= goalRate;

  const explanation =
    needed > 0
      ? `Năm ${first.year}: ${formatRate(first.rate)}; năm ${last.year}: ${formatRate(last.rate)} → ` +
        `${reduced >= 0 ? `đã giảm ${formatPoints(reduced)}` : `tăng ${formatPoints(-reduced)}`} điểm ` +
        `trên ${formatPoints(needed)} điểm cần giảm để còn ${formatRate(goalRate)} vào năm ${goal.goalYear} ` +
        `(${formatRate(progress)})${reached ? '; đã đạt mục tiêu giai đoạn' : ''}`
      : `Tỷ lệ năm ${first.year} là ${formatRate(first.rate)}, không cao hơn mục tiêu ${formatRate(goalRate)} ` +
        `của năm ${goal.goalYear}; năm ${last.year}: ${formatRate(last.rate)}` +
        `${reached ? '' : ' → đã vượt lên trên mục tiêu'}`;

  return {
    startYear: first.year,
    startRate: fromHundredths(first.rate),
    latestYear: last.year,
    latestRate: fromHundredths(last.rate),
    goalYear: goal.goalYear,
    goalRate: fromHundredths(goalRate),
    neededPoints: fromHundredths(needed),
    reducedPoints: fromHundredths(reduced),
    progressPercent: fromHundredths(progress),
    reached,
    explanation,
  };
}

export interface GoalForecast {
  /** insufficientData: fewer than two rounds of the period are known. */
  status: 'onTrack' | 'offTrack' | 'insufficientData';
  /** trend: projected by least squares; actual: the goal year's own figure is known. */
  basis: 'trend' | 'actual' | null;
  /** Rate expected (or measured) at the goal year, two decimals, never below 0. */
  projectedRate: number | null;
  /** Slope of the trend in points per year (negative = falling), two decimals. */
  trendPerYear: number | null;
  firstYear: number | null;
  lastYear: number | null;
  goalYear: number;
  goalRate: number;
  explanation: string;
}

/**
 * Will the unit reach the goal at its own pace? A least-squares straight line through its rates of the
 * period, read at the goal year. Once the goal year's figure exists, that figure decides.
 */
export function forecastGoal(
  series: readonly { year: number; rate: number }[],
  goal: PeriodGoal = PLAN_165_2017_TARGETS.periodGoal,
): GoalForecast {
  const points = periodPoints(series, goal);
  const goalRate = toHundredths(goal.rate);
  const first = points[0];
  const last = points[points.length - 1];
  const common = { goalYear: goal.goalYear, goalRate: fromHundredths(goalRate) };

  if (last && last.year === goal.goalYear) {
    const onTrack = last.rate <= goalRate;
    return {
      ...common,
      status: onTrack ? 'onTrack' : 'offTrack',
      basis: 'actual',
      projectedRate: fromHundredths(last.rate),
      trendPerYear: null,
      firstYear: first?.year ?? null,
      lastYear: last.year,
      explanation: `Năm ${goal.goalYear} thực tế ${formatRate(last.rate)} ${onTrack ? '≤' : '>'} ${formatRate(goalRate)} → ${onTrack ? 'đạt' : 'không đạt'} mục tiêu giai đoạn`,
    };
  }
  if (!first || !last || points.length < 2) {
    return {
      ...common,
      status: 'insufficientData',
      basis: null,
      projectedRate: null,
      trendPerYear: null,
      firstYear: first?.year ?? null,
      lastYear: last?.year ?? null,
      explanation: `Chưa đủ số liệu để dự báo: cần tỷ lệ của ít nhất hai năm trong giai đoạn ${goal.startYear}–${goal.goalYear}.`,
    };
  }

  // Least squares on integer sums (years counted from the goal year, rates in hundredths), so that
  // the slope is one exact division and a half is a true half.
  const n = points.length;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (const p of points) {
    const x = p.year - goal.goalYear;
    sumX += x;
    sumY += p.rate;
    sumXY += x * p.rate;
    sumXX += x * x;
  }
  const slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
  // The line read at x = 0, the goal year; a rate cannot fall below zero, however steep the line.
  const projected = Math.max(0, roundHalfAway((sumY - slope * sumX) / n));
  const trend = roundHalfAway(slope);
  const onTrack = projected <= goalRate;
  const direction =
    trend <= 0 ? `giảm bình quân ${formatPoints(-trend)}` : `tăng bình quân ${formatPoints(trend)}`;
  return {
    ...common,
    status: onTrack ? 'onTrack' : 'offTrack',
    basis: 'trend',
    projectedRate: fromHundredths(projected),
    trendPerYear: fromHundredths(trend),
    firstYear: first.year,
    lastYear: last.year,
    explanation:
      `Theo xu hướng ${first.year}–${last.year} (${direction} điểm/năm), năm ${goal.goalYear} dự kiến còn ` +
      `${formatRate(projected)} ${onTrack ? '≤' : '>'} ${formatRate(goalRate)} → ${onTrack ? 'đúng tiến độ' : 'chậm tiến độ'}`,
  };
}

/** Halves away from zero, so a fall of 2,935 points reads 2,94 like a rise of 2,935 would; never −0. */
function roundHalfAway(value: number): number {
  const magnitude = Math.round(Math.abs(value));
  return (value < 0 ? -magnitude : magnitude) + 0;
}

/** The rounds inside the period, in hundredths, by year; refuses bad rates and repeated years. */
function periodPoints(
  series: readonly { year: number; rate: number }[],
  goal: PeriodGoal,
): { year: number; rate: number }[] {
  const seen = new Set<number>();
  const points: { year: number; rate: number }[] = [];
  series.forEach((point, index) => {
    validateYearAndRate(point.year, point.rate, 'Tỷ lệ', index);
    if (seen.has(point.year)) {
      throw new StatsError('duplicate_observation', `Có hai tỷ lệ cho năm ${point.year}.`, index);
    }
    seen.add(point.year);
    if (point.year >= goal.startYear && point.year <= goal.goalYear) {
      points.push({ year: point.year, rate: toHundredths(point.rate) });
    }
  });
  return points.sort((a, b) => a.year - b.year);
}

function validateObservation(observation: RateObservation, index: number): void {
  if (observation.unit.length === 0)
    throw new StatsError('invalid_observation', 'Mã đơn vị đang trống.', index);
  validateYearAndRate(observation.year, observation.rate, `Đơn vị "${observation.unit}"`, index);
  validateOwnTarget(observation.target, `Đơn vị "${observation.unit}"`, index);
}

function validateAttainmentInput(input: AttainmentInput): void {
  if (input.unit.length === 0) throw new StatsError('invalid_observation', 'Mã đơn vị đang trống.');
  validateYearAndRate(input.year, input.rate, `Đơn vị "${input.unit}"`);
  if (!isPercent(input.baselineRate)) {
    throw new StatsError(
      'invalid_observation',
      `Đơn vị "${input.unit}": tỷ lệ năm trước phải nằm trong khoảng 0–100% (nhận được ${input.baselineRate}).`,
    );
  }
  validateOwnTarget(input.ownTarget, `Đơn vị "${input.unit}"`);
}

function validateYearAndRate(year: number, rate: number, subject: string, index?: number): void {
  if (!Number.isInteger(year)) {
    throw new StatsError(
      'invalid_observation',
      `${subject}: năm phải là số nguyên (nhận được ${year}).`,
      index,
    );
  }
  if (!isPercent(rate)) {
    throw new StatsError(
      'invalid_observation',
      `${subject}: tỷ lệ năm ${year} phải nằm trong khoảng 0–100% (nhận được ${rate}).`,
      index,
    );
  }
}

function validateOwnTarget(target: number | undefined, subject: string, index?: number): void {
  if (target !== undefined && (!Number.isFinite(target) || target < 0)) {
    throw new StatsError(
      'invalid_observation',
      `${subject}: mục tiêu tự đặt phải là số điểm không âm (nhận được ${target}).`,
      index,
    );
  }
}
