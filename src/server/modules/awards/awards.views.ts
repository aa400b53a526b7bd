// DTOs of the awards module, built from rows and the pure rules: what a batch and its nominees look like to a reader.

import { approvalStateLabels } from '../../../domain/approval/approval-workflow.ts';
import { findCatalogue, findForm, isStateLevel, nomineeKindLabels, type AwardCatalogue, type AwardForm, type BatchRules } from '../../../domain/awards/award-forms.ts';
import { checkStatusLabels, judgeNominee, type EligibilityCheck } from '../../../domain/awards/eligibility.ts';
import { appraisalStatus, batchStageLabels } from '../../../domain/awards/nomination-workflow.ts';
import { earliestCouncilDay } from '../../../domain/awards/public-comment.ts';
import type { BatchSummaryDto, MeetingDto, NomineeDto } from '../../../shared/schemas/awards.schema.ts';
import { AppError } from '../../errors.ts';
import type { BatchRow, NomineeRow } from './awards.repository.ts';

export function catalogueAndForm(b: Pick<BatchRow, 'catalogue' | 'formId'>): { catalogue: AwardCatalogue; form: AwardForm } {
  const catalogue = findCatalogue(b.catalogue);
  const form = catalogue ? findForm(catalogue, b.formId) : null;
  if (!catalogue || !form) throw new AppError('awards.invalid', `Không tìm thấy hình thức khen thưởng ${b.formId} trong danh mục ${b.catalogue}.`);
  return { catalogue, form };
}

export const rulesOf = (b: BatchRow) => b.rules as BatchRules;
export const meetingOf = (value: unknown) => (value ?? null) as MeetingDto | null;
export const checksOf = (n: NomineeRow) => (n.eligibility ?? []) as EligibilityCheck[];

export function nomineeDto(n: NomineeRow, fromBatchName: string | null): NomineeDto {
  const checks = checksOf(n);
  const verdict = judgeNominee(checks, n.exceptionReason);
  const hasVote = n.councilAgree !== null && n.councilPassed !== null;
  return {
    id: n.id,
    batchId: n.batchId,
    fromBatchName,
    kind: n.kind,
    kindLabel: nomineeKindLabels[n.kind],
    name: n.name,
    description: n.description,
    unitCode: n.unitCode,
    householdId: n.householdId,
    organisationId: n.organisationId,
    individualId: n.individualId,
    achievementReport: n.achievementReport,
    checks: checks.map((c) => ({ ...c, statusLabel: checkStatusLabels[c.status] })),
    exceptionReason: n.exceptionReason,
    blocked: verdict.blocked,
    blockReasons: [...verdict.reasons],
    excepted: [...verdict.excepted],
    council: hasVote
      ? {
          agree: n.councilAgree ?? 0,
          disagree: n.councilDisagree ?? 0,
          abstain: n.councilAbstain ?? 0,
          ratePercent: n.councilRate ?? 0,
          passed: n.councilPassed ?? false,
          reason: `${n.councilAgree} thành viên đồng ý (${String(n.councilRate ?? 0).replace('.', ',')}%)${n.councilPassed ? ', đạt ngưỡng' : ', chưa đạt ngưỡng'}.`,
        }
      : null,
  };
}

export function summaryDto(b: BatchRow, nominees: readonly NomineeRow[], names: { campaignName: string; roundName: string }, today: string): BatchSummaryDto {
  const { form } = catalogueAndForm(b);
  const period = b.commentFrom && b.commentTo && b.commentWorkingDays ? { from: b.commentFrom, to: b.commentTo, workingDays: b.commentWorkingDays } : null;
  return {
    id: b.id,
    title: b.title,
    formId: b.formId,
    formName: form.name,
    stateLevel: isStateLevel(form.authority),
    voteThresholdPercent: rulesOf(b).voteThresholdPercent,
    campaignName: names.campaignName,
    roundId: b.roundId,
    roundName: names.roundName,
    proposerLevel: b.proposerLevel,
    proposerName: b.proposerName,
    proposerUnitCode: b.proposerUnitCode,
    proposerOrganisationId: b.proposerOrganisationId,
    reviewerName: b.reviewerName,
    reviewerRole: b.reviewerRole,
    state: b.state,
    stateLabel: approvalStateLabels[b.state],
    stage: b.stage,
    stageLabel: b.stage === 'proposing' ? approvalStateLabels[b.state] : batchStageLabels[b.stage],
    nomineeCount: nominees.length,
    blockedCount: nominees.filter((n) => judgeNominee(checksOf(n), n.exceptionReason).blocked).length,
    appraisal: b.state === 'submitted' && b.appraisalDueOn ? { dueOn: b.appraisalDueOn, ...appraisalStatus(b.appraisalDueOn, today) } : null,
    commentFrom: b.commentFrom,
    commentTo: b.commentTo,
    councilFrom: period ? earliestCouncilDay(period) : null,
    decisionNumber: b.decisionNumber,
    decisionDate: b.decisionDate,
    isDemo: b.isDemo,
  };
}
