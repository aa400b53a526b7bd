// How one line of a participant's score sheet is obtained (DOMAIN.md §6): a measured criterion takes its formula's
// result; an evidence criterion counts only what the board verified; a council criterion counts the council's score;
// a board adjustment (with its written reason) overrides any of these. Every line says which of these it is.

import type { CriterionKind } from './criteria.ts';
import { formatPointsValue } from './formulas/formula-result.ts';
import { formatDate } from '../../shared/vi-format.ts';

export type VerificationDecision = 'accept' | 'adjust' | 'reject';

export interface ScoreLineFacts {
  kind: CriterionKind;
  maxPoints: number;
  measured: { status: 'scored' | 'not_scored'; points: number; explanation: string } | null;
  self: { points: number; note: string | null; evidenceCount: number } | null;
  verification: { decision: VerificationDecision; points: number; reason: string | null; by: string; on: string } | null;
  council: { points: number; note: string | null; by: string; on: string } | null;
  adjustment: { points: number; reason: string; by: string; on: string; fromPoints: number } | null;
}

export type ScoreSource = 'formula' | 'evidence' | 'council' | 'board_adjustment';
export type ScoreStatus = 'scored' | 'not_scored' | 'not_submitted' | 'pending_verification';

export const scoreSourceLabels: Record<ScoreSource, string> = {
  formula: 'Tính theo công thức',
  evidence: 'Minh chứng đã thẩm định',
  council: 'Hội đồng chấm',
  board_adjustment: 'Ban Thi đua - Khen thưởng điều chỉnh',
};

export const scoreStatusLabels: Record<ScoreStatus, string> = {
  scored: 'Đã có điểm',
  not_scored: 'Chưa chấm',
  not_submitted: 'Chưa tự chấm',
  pending_verification: 'Chờ thẩm định',
};

export interface ResolvedScore {
  points: number;
  status: ScoreStatus;
  source: ScoreSource;
  explanation: string;
}

const decisionText: Record<VerificationDecision, string> = { accept: 'chấp nhận', adjust: 'điều chỉnh', reject: 'không chấp nhận' };

/** The line's points before any board adjustment. */
export function resolveBeforeAdjustment(f: ScoreLineFacts): ResolvedScore {
  switch (f.kind) {
    case 'measured':
      if (!f.measured) return { points: 0, status: 'not_scored', source: 'formula', explanation: 'Chưa tính: Ban Thi đua - Khen thưởng chưa chạy tính điểm cho đợt này.' };
      return { points: f.measured.status === 'scored' ? f.measured.points : 0, status: f.measured.status, source: 'formula', explanation: f.measured.explanation };
    case 'evidence': {
      if (!f.self) return { points: 0, status: 'not_submitted', source: 'evidence', explanation: 'Đơn vị chưa tự chấm và nộp minh chứng.' };
      const claimed = `Tự chấm ${formatPointsValue(f.self.points)} điểm, ${f.self.evidenceCount} minh chứng${f.self.note ? ` (${f.self.note})` : ''}`;
      if (!f.verification) return { points: 0, status: 'pending_verification', source: 'evidence', explanation: `${claimed}; chờ Ban Thi đua - Khen thưởng thẩm định.` };
      const v = f.verification;
      const points = v.decision === 'reject' ? 0 : v.points;
      return {
        points,
        status: 'scored',
        source: 'evidence',
        explanation: `${claimed}; ${v.by} thẩm định ngày ${formatDate(v.on)}: ${decisionText[v.decision]}${v.decision === 'accept' ? '' : ` → ${formatPointsValue(points)} điểm`}${v.reason ? ` — lý do: ${v.reason}` : ''}.`,
      };
    }
    case 'council':
      if (!f.council) return { points: 0, status: 'not_scored', source: 'council', explanation: 'Chưa được Hội đồng Thi đua - Khen thưởng chấm.' };
      return {
        points: f.council.points,
        status: 'scored',
        source: 'council',
        explanation: `${f.council.by} (Hội đồng) chấm ${formatPointsValue(f.council.points)} điểm ngày ${formatDate(f.council.on)}${f.council.note ? `: ${f.council.note}` : ''}.`,
      };
  }
}

export function resolveScoreLine(f: ScoreLineFacts): ResolvedScore {
  const base = resolveBeforeAdjustment(f);
  if (!f.adjustment) return base;
  const a = f.adjustment;
  return {
    points: a.points,
    status: 'scored',
    source: 'board_adjustment',
    explanation: `${base.explanation} Ban Thi đua - Khen thưởng (${a.by}) điều chỉnh ngày ${formatDate(a.on)} từ ${formatPointsValue(a.fromPoints)} thành ${formatPointsValue(a.points)} điểm — lý do: ${a.reason}.`,
  };
}

/** Refuses points outside 0 … max or with more than two decimals; returns the message or null. */
export function invalidPoints(points: number, maxPoints: number, code: string): string | null {
  if (!Number.isFinite(points) || points < 0 || points > maxPoints) {
    return `Điểm tiêu chí ${code} phải từ 0 đến ${formatPointsValue(maxPoints)}.`;
  }
  if (Math.abs(Math.round(points * 100) - points * 100) > 1e-9) return `Điểm tiêu chí ${code} có tối đa hai chữ số thập phân.`;
  return null;
}
