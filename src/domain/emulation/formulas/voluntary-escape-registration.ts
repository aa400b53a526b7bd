// Criterion 5b.1 of Kế hoạch 165/KH-UBND: "Chủ động phát huy nội lực, vượt khó; tự nguyện đăng ký thoát nghèo".
// A voluntary registration (escape_registrations) in one of the round's years earns the full points; none earns 0.
// Whether the household then escaped is shown, not scored: the registration is the act the plan asks for.

import { formatDate } from '../../../shared/vi-format.ts';
import { formatPointsValue, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface EscapeRegistrationInput {
  householdName: string;
  years: readonly number[];
  registrations: readonly { year: number; registeredOn: string }[];
  /** Review years (within the round) in which the household escaped poverty. */
  escapedInYears: readonly number[];
  maxPoints: number;
}

export function scoreEscapeRegistration(input: EscapeRegistrationInput): FormulaResult {
  const inRound = input.registrations.filter((r) => input.years.includes(r.year)).sort((a, b) => a.year - b.year);
  const inputs = { years: [...input.years], registrations: inRound.map((r) => ({ ...r })), escapedInYears: [...input.escapedInYears] };
  const span = input.years.length === 1 ? `năm ${input.years[0]}` : `các năm ${input.years.join(', ')}`;
  if (inRound.length === 0) {
    return scored('voluntary_escape_registration', VERSION, input.maxPoints, 0, `${input.householdName}: không có đăng ký tự nguyện thoát nghèo trong ${span} → 0 điểm.`, inputs);
  }
  const listed = inRound.map((r) => `năm ${r.year} (ngày ${formatDate(r.registeredOn)})`).join(', ');
  const escaped = input.escapedInYears.length > 0 ? `; đã thoát nghèo theo rà soát năm ${input.escapedInYears.join(', ')}` : '';
  return scored(
    'voluntary_escape_registration',
    VERSION,
    input.maxPoints,
    input.maxPoints,
    `${input.householdName}: tự nguyện đăng ký thoát nghèo ${listed}${escaped} → ${formatPointsValue(input.maxPoints)} điểm.`,
    inputs,
  );
}
