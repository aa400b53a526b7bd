// What a measured criterion's formula returns: the score, or why it could not be scored, always with the inputs it
// read and a sentence in Vietnamese that lets a participant check the arithmetic.

import type { FormulaId } from '../criteria.ts';
import { formatNumber } from '../../../shared/vi-format.ts';

export type FormulaInputs = Record<string, string | number | boolean | null | readonly unknown[]>;

export interface FormulaResult {
  formula: FormulaId;
  /** e.g. "rate_reduction_vs_target@1": results carry the version of the rule that produced them. */
  version: string;
  status: 'scored' | 'not_scored';
  /** 0 when not scored. Two decimals at most. */
  points: number;
  maxPoints: number;
  explanation: string;
  inputs: FormulaInputs;
}

export function scored(formula: FormulaId, version: number, maxPoints: number, points: number, explanation: string, inputs: FormulaInputs): FormulaResult {
  return { formula, version: `${formula}@${version}`, status: 'scored', points: clampPoints(points, maxPoints), maxPoints, explanation, inputs };
}

export function notScored(formula: FormulaId, version: number, maxPoints: number, reason: string, inputs: FormulaInputs): FormulaResult {
  return { formula, version: `${formula}@${version}`, status: 'not_scored', points: 0, maxPoints, explanation: reason, inputs };
}

/** Points are kept to two decimals and never leave 0 … max. */
export function clampPoints(points: number, maxPoints: number): number {
  const rounded = Math.round(points * 100) / 100;
  return Math.min(maxPoints, Math.max(0, rounded)) + 0;
}

/** 20.5 → "20,5"; 25 → "25". */
export function formatPointsValue(points: number): string {
  return Number.isInteger(points) ? formatNumber(points) : formatNumber(points, 2).replace(/,?0+$/u, '');
}

export function numberParam(params: Record<string, unknown>, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
