// Criterion 5b.3 of Kế hoạch 165/KH-UBND: "Thoát nghèo ổn định từ 03 năm trở lên và giúp đỡ hộ nghèo khác cùng thoát
// nghèo". The years come from the registry (assessments.stable_escape_years of the household's latest round,
// STABLE_ESCAPE_MIN_YEARS = 3). Holding the escape without helping another household earns shareWithoutHelping of the
// points (configurable, default one half); holding it and helping earns the full points; fewer than 3 years earns 0.

import { STABLE_ESCAPE_MIN_YEARS } from '../../poverty/transitions.ts';
import { formatPointsValue, notScored, numberParam, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface StableEscapeInput {
  householdName: string;
  /** The latest review round up to the emulation round, or null when the household was never assessed. */
  latestRoundYear: number | null;
  stableEscapeYears: number | null;
  /** Other households this household helped (support activities recorded with it as supporter). */
  helpedHouseholds: number;
  maxPoints: number;
  params?: Record<string, unknown>;
}

export function scoreStableEscape(input: StableEscapeInput): FormulaResult {
  const minYears = numberParam(input.params ?? {}, 'minYears', STABLE_ESCAPE_MIN_YEARS);
  const shareWithoutHelping = numberParam(input.params ?? {}, 'shareWithoutHelping', 0.5);
  const inputs = {
    latestRoundYear: input.latestRoundYear,
    stableEscapeYears: input.stableEscapeYears,
    helpedHouseholds: input.helpedHouseholds,
    minYears,
    shareWithoutHelping,
  };
  if (input.latestRoundYear === null) {
    return notScored('stable_escape_helpers', VERSION, input.maxPoints, `${input.householdName}: chưa có kết quả rà soát nào trong sổ hộ.`, inputs);
  }
  const held = input.stableEscapeYears ?? 0;
  const source = `theo kết quả rà soát năm ${input.latestRoundYear}`;
  if (input.stableEscapeYears === null) {
    return scored('stable_escape_helpers', VERSION, input.maxPoints, 0, `${input.householdName}: ${source} hộ chưa thoát nghèo (hoặc đã tái nghèo) → 0 điểm.`, inputs);
  }
  if (held < minYears) {
    return scored('stable_escape_helpers', VERSION, input.maxPoints, 0, `${input.householdName}: ${source} đã thoát nghèo ${held} năm, chưa đủ ${minYears} năm → 0 điểm.`, inputs);
  }
  if (input.helpedHouseholds > 0) {
    return scored(
      'stable_escape_helpers',
      VERSION,
      input.maxPoints,
      input.maxPoints,
      `${input.householdName}: ${source} đã thoát nghèo ổn định ${held} năm (≥ ${minYears}) và giúp ${input.helpedHouseholds} hộ khác → ${formatPointsValue(input.maxPoints)} điểm.`,
      inputs,
    );
  }
  const points = input.maxPoints * shareWithoutHelping;
  return scored(
    'stable_escape_helpers',
    VERSION,
    input.maxPoints,
    points,
    `${input.householdName}: ${source} đã thoát nghèo ổn định ${held} năm (≥ ${minYears}) nhưng chưa ghi nhận giúp hộ nghèo khác → ${Math.round(shareWithoutHelping * 100)}% × ${formatPointsValue(input.maxPoints)} = ${formatPointsValue(points)} điểm.`,
    inputs,
  );
}
