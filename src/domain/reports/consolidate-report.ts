// The board's consolidated report (DOMAIN.md §8: "The province's consolidated report is generated from approved
// data"; plan 165/KH-UBND §V.7: the Ban Thi đua - Khen thưởng consolidates and reports to the provincial People's
// Committee). Only APPROVED reports are summed; who has not sent, or is not approved yet, is listed; and a narrative
// is drafted from the figures for the officer to edit: the trend against the previous round, the yearly targets met
// and missed, and the units that reduced their rate most and least.

import { formatDate, formatNumber, formatPercent } from '../../shared/vi-format.ts';
import { compareVi } from '../../shared/vi-text.ts';
import { approvalStateLabels, type ApprovalState } from '../approval/approval-workflow.ts';
import { formatPoints, toHundredths } from '../stats/hundredths.ts';
import { PLAN_165_2017_TARGETS, ruleSetKey, type TargetRuleSet } from '../stats/target-rule-sets.ts';
import { evaluateAttainment, type Attainment } from '../stats/targets.ts';
import { sumFigureValues, type FigureValues } from './report-figures.ts';
import type { Timeliness } from './timeliness.ts';

export interface ConsolidationEntry {
  /** The recipient: a unit code or an organisation id. */
  readonly key: string;
  readonly name: string;
  readonly state: ApprovalState;
  /** Sent at least once. */
  readonly submitted: boolean;
  readonly timeliness: Timeliness;
  /** False for an organisation: its report carries no registry figures. */
  readonly hasFigures: boolean;
  /** The figures locked at approval; null unless approved. */
  readonly approvedValues: FigureValues | null;
  /** The unit's figures in the previous round (the same villages), when that round exists. */
  readonly previousValues: FigureValues | null;
}

export interface ConsolidationInput {
  readonly roundYear: number;
  /** roundYear − 1 when that round exists; the trend and the yearly targets need it. */
  readonly previousRoundYear: number | null;
  /** The day the consolidation is drawn up. */
  readonly asOf: string;
  readonly entries: readonly ConsolidationEntry[];
  readonly ruleSet?: TargetRuleSet;
}

export interface ConsolidationRow {
  readonly key: string;
  readonly name: string;
  readonly state: ApprovalState;
  readonly stateLabel: string;
  readonly timeliness: Timeliness;
  /** The approved figures; null when not approved (they are not counted). */
  readonly values: FigureValues | null;
  readonly previousPoorRate: number | null;
  /** Previous rate − this rate, in points (negative when the rate rose); null without both rates. */
  readonly reduction: number | null;
  readonly attainment: Attainment | null;
}

export interface Consolidation {
  readonly roundYear: number;
  readonly previousRoundYear: number | null;
  readonly recipientCount: number;
  readonly approvedCount: number;
  /** Sum of the approved units' figures; null when no unit with figures is approved yet. */
  readonly totals: FigureValues | null;
  /** The same units in the previous round; null when any approved unit lacks it. */
  readonly previousTotals: FigureValues | null;
  readonly totalAttainment: Attainment | null;
  /** Never sent. */
  readonly missing: readonly { key: string; name: string; label: string }[];
  /** Sent, but not approved now (waiting, returned, or approval revoked). */
  readonly notApproved: readonly { key: string; name: string; stateLabel: string }[];
  readonly rows: readonly ConsolidationRow[];
  readonly best: ConsolidationRow | null;
  readonly worst: ConsolidationRow | null;
  /** The target rule set that judged the yearly reductions, e.g. "plan165-2017@1". */
  readonly ruleSet: string;
  /** The drafted narrative, one paragraph per item. */
  readonly narrative: readonly string[];
}

function reductionOf(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null) return null;
  return (toHundredths(previous) - toHundredths(current)) / 100;
}

function change(reduction: number): string {
  const h = toHundredths(reduction);
  return h >= 0 ? `giảm ${formatPoints(h)} điểm` : `tăng ${formatPoints(-h)} điểm`;
}

export function consolidateReport(input: ConsolidationInput): Consolidation {
  const ruleSet = input.ruleSet ?? PLAN_165_2017_TARGETS;
  const entries = [...input.entries].sort((a, b) => compareVi(a.name, b.name));
  const canJudge = input.previousRoundYear === input.roundYear - 1;

  const rows: ConsolidationRow[] = entries.map((e) => {
    const values = e.state === 'approved' ? e.approvedValues : null;
    const previousPoorRate = e.previousValues && e.previousValues.total > 0 ? e.previousValues.poorRate : null;
    const reduction = reductionOf(previousPoorRate, values?.poorRate ?? null);
    const attainment =
      canJudge && values && previousPoorRate !== null
        ? evaluateAttainment({ unit: e.key, year: input.roundYear, baselineRate: previousPoorRate, rate: values.poorRate }, ruleSet)
        : null;
    return { key: e.key, name: e.name, state: e.state, stateLabel: approvalStateLabels[e.state], timeliness: e.timeliness, values, previousPoorRate, reduction, attainment };
  });

  const approvedWithFigures = entries.filter((e) => e.state === 'approved' && e.hasFigures && e.approvedValues);
  const totals = approvedWithFigures.length > 0 ? sumFigureValues(approvedWithFigures.map((e) => e.approvedValues as FigureValues)) : null;
  const previousTotals =
    totals && approvedWithFigures.every((e) => e.previousValues) ? sumFigureValues(approvedWithFigures.map((e) => e.previousValues as FigureValues)) : null;
  const totalAttainment =
    canJudge && totals && previousTotals && previousTotals.total > 0
      ? evaluateAttainment({ unit: 'total', year: input.roundYear, baselineRate: previousTotals.poorRate, rate: totals.poorRate }, ruleSet)
      : null;

  const missing = entries.filter((e) => !e.submitted).map((e) => ({ key: e.key, name: e.name, label: e.timeliness.label }));
  const notApproved = entries
    .filter((e) => e.submitted && e.state !== 'approved')
    .map((e) => ({ key: e.key, name: e.name, stateLabel: approvalStateLabels[e.state] }));

  const judged = rows.filter((r) => r.reduction !== null);
  const ranked = [...judged].sort((a, b) => (b.reduction as number) - (a.reduction as number) || compareVi(a.name, b.name));
  const best = ranked.length >= 2 ? (ranked[0] ?? null) : null;
  const worst = ranked.length >= 2 ? (ranked[ranked.length - 1] ?? null) : null;

  const narrative: string[] = [];
  const approvedCount = entries.filter((e) => e.state === 'approved').length;
  let status = `Đến ngày ${formatDate(input.asOf)}, ${approvedCount}/${entries.length} đơn vị đã được phê duyệt báo cáo.`;
  if (missing.length > 0) status += ` Còn ${missing.length} đơn vị chưa gửi báo cáo: ${missing.map((m) => m.name).join(', ')}.`;
  if (notApproved.length > 0) {
    status += ` Có ${notApproved.length} đơn vị đã gửi nhưng chưa được phê duyệt: ${notApproved.map((n) => `${n.name} (${n.stateLabel.toLocaleLowerCase('vi')})`).join(', ')}.`;
  }
  narrative.push(status);

  if (totals) {
    narrative.push(
      `Theo kết quả rà soát năm ${input.roundYear} của ${approvedWithFigures.length} đơn vị đã được phê duyệt: tổng số ${formatNumber(totals.total)} hộ; ` +
        `hộ nghèo ${formatNumber(totals.poor)} hộ, chiếm ${formatPercent(totals.poorRate)}; hộ cận nghèo ${formatNumber(totals.nearPoor)} hộ, chiếm ${formatPercent(totals.nearPoorRate)}. ` +
        `Trong kỳ có ${formatNumber(totals.escaped)} hộ thoát nghèo, ${formatNumber(totals.newPoor)} hộ nghèo phát sinh và ${formatNumber(totals.relapsed)} hộ tái nghèo.`,
    );
  }
  if (totals && previousTotals && input.previousRoundYear !== null) {
    const reduction = reductionOf(previousTotals.poorRate, totals.poorRate) ?? 0;
    const households = previousTotals.poor - totals.poor;
    const direction = toHundredths(reduction) >= 0 ? 'xuống' : 'lên';
    narrative.push(
      `So với kết quả rà soát năm ${input.previousRoundYear}, tỷ lệ hộ nghèo ${change(reduction)} phần trăm ` +
        `(từ ${formatPercent(previousTotals.poorRate)} ${direction} ${formatPercent(totals.poorRate)}); ` +
        `số hộ nghèo ${households >= 0 ? 'giảm' : 'tăng'} ${formatNumber(Math.abs(households))} hộ.`,
    );
  }
  const attainments = rows.filter((r) => r.attainment !== null);
  if (attainments.length > 0) {
    const met = attainments.filter((r) => r.attainment?.attained);
    const missed = attainments.filter((r) => !r.attainment?.attained);
    let targets = `Đối chiếu mục tiêu giảm nghèo năm ${input.roundYear} (${ruleSet.title}): ${met.length}/${attainments.length} đơn vị đạt mục tiêu`;
    if (met.length > 0) targets += ` (${met.map((r) => r.name).join(', ')})`;
    if (missed.length > 0) {
      targets += `; chưa đạt: ${missed
        .map((r) => `${r.name} (${change(r.reduction ?? 0)}, yêu cầu giảm ít nhất ${formatPoints(toHundredths(r.attainment?.required ?? 0))} điểm)`)
        .join(', ')}`;
    }
    if (totalAttainment) {
      targets += `. Chung các đơn vị đã phê duyệt: ${totalAttainment.attained ? 'đạt' : 'chưa đạt'} mục tiêu (${change(totalAttainment.reduction)}, yêu cầu ${formatPoints(toHundredths(totalAttainment.required))} điểm)`;
    }
    narrative.push(`${targets}.`);
  }
  if (best && worst) {
    narrative.push(
      `Đơn vị giảm tỷ lệ hộ nghèo nhiều nhất: ${best.name} (${change(best.reduction ?? 0)}, còn ${formatPercent(best.values?.poorRate ?? 0)}); ` +
        `đơn vị giảm ít nhất: ${worst.name} (${change(worst.reduction ?? 0)}, còn ${formatPercent(worst.values?.poorRate ?? 0)}).`,
    );
  }

  return {
    roundYear: input.roundYear,
    previousRoundYear: input.previousRoundYear,
    recipientCount: entries.length,
    approvedCount,
    totals,
    previousTotals,
    totalAttainment,
    missing,
    notApproved,
    rows,
    best,
    worst,
    ruleSet: ruleSetKey(ruleSet),
    narrative,
  };
}
