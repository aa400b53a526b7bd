// The calendar of an emulation round: participants self-assess within their window, the board verifies until its
// deadline, the council scores, then the board publishes. Dates are passed in; the domain never reads the clock.

import { formatDate } from '../../shared/vi-format.ts';

export const roundKinds = ['annual', 'mid_term', 'final'] as const;
export type RoundKind = (typeof roundKinds)[number];
export const roundKindLabels: Record<RoundKind, string> = {
  annual: 'Đánh giá hằng năm',
  mid_term: 'Sơ kết',
  final: 'Tổng kết',
};

export interface RoundWindows {
  selfAssessmentFrom: string;
  selfAssessmentTo: string;
  verificationUntil: string;
  councilScoringOn: string;
  publicationOn: string;
  ceremonyOn: string | null;
}

export type RoundStep = 'self_assessment' | 'verification' | 'council' | 'publication';

/** The windows are in order: self-assessment, then verification, council and publication. Problems in Vietnamese. */
export function validateWindows(w: RoundWindows): string[] {
  const problems: string[] = [];
  if (w.selfAssessmentFrom > w.selfAssessmentTo) problems.push('Ngày bắt đầu tự chấm phải trước ngày kết thúc tự chấm.');
  if (w.verificationUntil < w.selfAssessmentTo) problems.push('Hạn thẩm định không được trước ngày kết thúc tự chấm.');
  if (w.councilScoringOn < w.selfAssessmentTo) problems.push('Ngày Hội đồng chấm điểm không được trước ngày kết thúc tự chấm.');
  if (w.publicationOn < w.verificationUntil || w.publicationOn < w.councilScoringOn) {
    problems.push('Ngày công bố kết quả phải sau hạn thẩm định và ngày Hội đồng chấm điểm.');
  }
  if (w.ceremonyOn !== null && w.ceremonyOn < w.publicationOn) problems.push('Ngày tổ chức lễ tổng kết, khen thưởng không được trước ngày công bố kết quả.');
  return problems;
}

/**
 * May the step be taken on `today`? Returns null when it may, else the reason. Published rounds are closed to every
 * step except the board's written adjustments (handled by the caller).
 */
export function stepRefusal(step: RoundStep, w: RoundWindows, today: string, published: boolean): string | null {
  if (published) return 'Kết quả đợt thi đua đã công bố: không thể thay đổi (chỉ Ban Thi đua - Khen thưởng điều chỉnh có ghi lý do).';
  switch (step) {
    case 'self_assessment':
      if (today < w.selfAssessmentFrom) return `Chưa đến thời gian tự chấm điểm (từ ${formatDate(w.selfAssessmentFrom)} đến ${formatDate(w.selfAssessmentTo)}).`;
      if (today > w.selfAssessmentTo) return `Đã hết thời gian tự chấm điểm (hạn ${formatDate(w.selfAssessmentTo)}).`;
      return null;
    case 'verification':
      if (today < w.selfAssessmentFrom) return `Chưa đến thời gian thẩm định (đợt tự chấm bắt đầu ${formatDate(w.selfAssessmentFrom)}).`;
      if (today > w.verificationUntil) return `Đã hết hạn thẩm định (${formatDate(w.verificationUntil)}).`;
      return null;
    case 'council':
      if (today < w.selfAssessmentFrom) return `Chưa đến thời gian chấm điểm của Hội đồng (đợt thi đua bắt đầu ${formatDate(w.selfAssessmentFrom)}).`;
      return null;
    case 'publication':
      if (today < w.selfAssessmentTo) return `Chưa hết thời gian tự chấm điểm (hạn ${formatDate(w.selfAssessmentTo)}): chưa thể công bố kết quả.`;
      return null;
  }
}

/** Where the round stands on the date, for the campaign calendar. */
export function roundStageOn(w: RoundWindows, today: string, published: boolean): { stage: 'upcoming' | 'self_assessment' | 'verification' | 'council' | 'awaiting_publication' | 'published'; label: string } {
  if (published) return { stage: 'published', label: 'Đã công bố kết quả' };
  if (today < w.selfAssessmentFrom) return { stage: 'upcoming', label: `Sắp diễn ra: tự chấm từ ${formatDate(w.selfAssessmentFrom)}` };
  if (today <= w.selfAssessmentTo) return { stage: 'self_assessment', label: `Đang tự chấm điểm (đến ${formatDate(w.selfAssessmentTo)})` };
  if (today <= w.verificationUntil) return { stage: 'verification', label: `Đang thẩm định (đến ${formatDate(w.verificationUntil)})` };
  if (today <= w.councilScoringOn) return { stage: 'council', label: `Hội đồng chấm điểm ngày ${formatDate(w.councilScoringOn)}` };
  return { stage: 'awaiting_publication', label: `Chờ công bố kết quả (dự kiến ${formatDate(w.publicationOn)})` };
}
