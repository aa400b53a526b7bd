// Criteria 2.2 and 3.2 of Kế hoạch 165/KH-UBND: "thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo yêu cầu cấp
// trên". Each report the unit owed in the round's years scores: on time → full; late → full minus pointsPerDayLate
// for each calendar day after the deadline (never below 0); missing → 0. The criterion's score is the average over the
// reports. Until the reports module supplies the deadlines and submissions, the criterion is not scored.

import { formatDate } from '../../../shared/vi-format.ts';
import { clampPoints, formatPointsValue, notScored, numberParam, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface ReportDue {
  title: string;
  dueOn: string;
  /** null: not submitted (yet). */
  submittedOn: string | null;
}

export interface ReportTimelinessInput {
  unitName: string;
  /** null: no timeliness source is connected (the reports module is not there yet). */
  reports: readonly ReportDue[] | null;
  /** Reports due after this date are not judged yet (a deadline still to come is not "missing"). */
  asOf: string;
  maxPoints: number;
  params?: Record<string, unknown>;
}

export const NO_REPORT_DATA_REASON = 'chưa có dữ liệu báo cáo';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function scoreReportTimeliness(input: ReportTimelinessInput): FormulaResult {
  const perDay = numberParam(input.params ?? {}, 'pointsPerDayLate', 1);
  if (input.reports === null) {
    return notScored('report_timeliness', VERSION, input.maxPoints, `Chưa chấm: ${NO_REPORT_DATA_REASON} (phân hệ báo cáo chưa cung cấp hạn nộp và ngày nộp).`, { source: null, pointsPerDayLate: perDay });
  }
  const judged = input.reports.filter((r) => r.dueOn <= input.asOf);
  if (judged.length === 0) {
    return notScored('report_timeliness', VERSION, input.maxPoints, `Chưa chấm: ${input.unitName} không có báo cáo nào đến hạn trong kỳ.`, { source: 'reports', pointsPerDayLate: perDay, reports: [] });
  }
  const lines: string[] = [];
  const rows = judged.map((r) => {
    if (r.submittedOn === null || r.submittedOn > input.asOf) {
      lines.push(`${r.title} (hạn ${formatDate(r.dueOn)}): không nộp → 0`);
      return { ...r, daysLate: null, points: 0 };
    }
    const late = Math.max(0, daysBetween(r.dueOn, r.submittedOn));
    const points = clampPoints(input.maxPoints - late * perDay, input.maxPoints);
    lines.push(
      late === 0
        ? `${r.title} (hạn ${formatDate(r.dueOn)}): nộp ${formatDate(r.submittedOn)}, đúng hạn → ${formatPointsValue(points)}`
        : `${r.title} (hạn ${formatDate(r.dueOn)}): nộp ${formatDate(r.submittedOn)}, muộn ${late} ngày → ${formatPointsValue(input.maxPoints)} − ${late} × ${formatPointsValue(perDay)} = ${formatPointsValue(points)}`,
    );
    return { ...r, daysLate: late, points };
  });
  const total = clampPoints(rows.reduce((s, r) => s + r.points, 0) / rows.length, input.maxPoints);
  return scored(
    'report_timeliness',
    VERSION,
    input.maxPoints,
    total,
    `${input.unitName} — ${lines.join('; ')}. Bình quân ${rows.length} báo cáo: ${formatPointsValue(total)}/${formatPointsValue(input.maxPoints)} điểm.`,
    { source: 'reports', pointsPerDayLate: perDay, reports: rows },
  );
}
