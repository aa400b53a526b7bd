// The path of a nomination batch (DOMAIN.md §9; issue 7, Build 4). Up to the deciding level it is the one approval
// engine (src/domain/approval): the proposing level submits, the level above returns or approves, children before
// parent. A commune's batch for a provincial form is approved by its district and consolidated into the district's
// batch (stage "forwarded"); the district's batch, or a department's or enterprise's (they propose directly to the
// province), is approved by the provincial board's appraisal (stage "appraised"). Then, for State-level forms, the list
// is published for public comment; the council meets and votes per nominee; the decision lists the awardees.
//
//   draft ─submit─▶ submitted ─approve─▶ approved ┬─ (below the deciding level) forwarded
//     ▲   ◀─return── │                            └─ appraised ─(State forms) publish─▶ public_comment
//                                                       │                                    │ (period over)
//                                                       └──────────── council ◀──────────────┘
//                                                                        │
//                                                                   council_voted ─decide─▶ decided

import { formatDate } from '../../shared/vi-format.ts';
import type { ApprovalState } from '../approval/approval-workflow.ts';
import type { DecidingLevel } from './award-forms.ts';
import { councilBlockedByComment, type CommentPeriod } from './public-comment.ts';

export const batchStages = ['proposing', 'forwarded', 'appraised', 'public_comment', 'council_voted', 'decided'] as const;
export type BatchStage = (typeof batchStages)[number];

export const batchStageLabels: Readonly<Record<BatchStage, string>> = {
  proposing: 'Đang đề nghị',
  forwarded: 'Đã tổng hợp lên cấp trên',
  appraised: 'Đã thẩm định',
  public_comment: 'Đang lấy ý kiến nhân dân',
  council_voted: 'Hội đồng đã biểu quyết',
  decided: 'Đã có quyết định khen thưởng',
};

export type ProposerLevel = 'commune' | 'district' | 'organisation';

export const proposerLevelLabels: Readonly<Record<ProposerLevel, string>> = {
  commune: 'Cấp xã',
  district: 'Cấp huyện',
  organisation: 'Sở, ban, ngành, doanh nghiệp',
};

/** What the batch's reviewer is: the level above that consolidates it, or the deciding level that appraises it. */
export type ReviewerRole = 'consolidates' | 'appraises';

/**
 * Who reviews a batch. A commune's batch for a form its own chairman grants is reviewed at the commune itself; for a
 * district or provincial form it goes to its district, which consolidates it; a district's batch for a provincial form
 * goes to the province; departments and enterprises propose directly to the province.
 */
export function reviewerOf(
  proposer: { level: ProposerLevel; unitCode: string; parentUnitCode: string | null },
  deciding: DecidingLevel,
  provinceCode: string,
): { unitCode: string; role: ReviewerRole } | { refusal: string } {
  switch (proposer.level) {
    case 'commune':
      if (deciding === 'commune') return { unitCode: proposer.unitCode, role: 'appraises' };
      if (deciding === 'organisation') return { refusal: 'Cấp xã không đề nghị hình thức khen thưởng của sở, ban, ngành hoặc doanh nghiệp.' };
      if (!proposer.parentUnitCode) return { unitCode: provinceCode, role: 'appraises' };
      return { unitCode: proposer.parentUnitCode, role: deciding === 'district' ? 'appraises' : 'consolidates' };
    case 'district':
      if (deciding === 'commune') return { refusal: 'Hình thức này do Chủ tịch UBND cấp xã quyết định: cấp xã lập hồ sơ.' };
      if (deciding === 'organisation') return { refusal: 'Cấp huyện không đề nghị hình thức khen thưởng của sở, ban, ngành hoặc doanh nghiệp.' };
      return { unitCode: deciding === 'district' ? proposer.unitCode : provinceCode, role: 'appraises' };
    case 'organisation':
      if (deciding === 'commune' || deciding === 'district') return { refusal: 'Sở, ban, ngành và doanh nghiệp đề nghị trực tiếp lên tỉnh hoặc tự khen thưởng theo thẩm quyền.' };
      return { unitCode: deciding === 'organisation' ? proposer.unitCode : provinceCode, role: 'appraises' };
  }
}

/** The stage a batch enters when its reviewer approves it. */
export function stageAfterApproval(role: ReviewerRole): BatchStage {
  return role === 'appraises' ? 'appraised' : 'forwarded';
}

/** The stage a revoked approval goes back to; refused once the batch has moved on from the approval. */
export function revokeBlocker(stage: BatchStage): string | null {
  return stage === 'appraised' || stage === 'forwarded' ? null : `Không thể thu hồi kết quả thẩm định khi hồ sơ đã ở bước "${batchStageLabels[stage]}".`;
}

export interface DossierInput {
  readonly toTrinh: { readonly number: string; readonly date: string; readonly signerName: string } | null;
  readonly nominees: readonly { readonly name: string; readonly achievementReport: string }[];
  readonly proposerMeeting: {
    readonly heldOn: string;
    readonly membersTotal: number;
    readonly membersPresent: number;
    /** Nominee names with a recorded vote. */
    readonly votedNominees: readonly string[];
  } | null;
}

/** An achievement report shorter than this is a placeholder, not a report. */
export const MIN_REPORT_LENGTH = 50;

/** What is missing from the dossier before it can be sent (tờ trình, achievement reports, proposing-level minutes). */
export function dossierBlockers(d: DossierInput): string[] {
  const out: string[] = [];
  if (d.nominees.length === 0) out.push('danh sách đề nghị chưa có đối tượng nào');
  if (!d.toTrinh || !d.toTrinh.number.trim() || !d.toTrinh.date || !d.toTrinh.signerName.trim()) out.push('tờ trình chưa có số, ngày và người ký');
  const noReport = d.nominees.filter((n) => n.achievementReport.trim().length < MIN_REPORT_LENGTH).map((n) => n.name);
  if (noReport.length > 0) out.push(`chưa có báo cáo thành tích của: ${noReport.join(', ')}`);
  if (!d.proposerMeeting) out.push('chưa có biên bản họp Hội đồng Thi đua - Khen thưởng của cấp trình');
  else {
    const voted = new Set(d.proposerMeeting.votedNominees);
    const missing = d.nominees.filter((n) => !voted.has(n.name)).map((n) => n.name);
    if (missing.length > 0) out.push(`biên bản họp chưa ghi kết quả biểu quyết đối với: ${missing.join(', ')}`);
  }
  return out;
}

/** The appraisal deadline: `days` calendar days after the batch reached the board (DOMAIN.md §9: 15 days). */
export function appraisalDueOn(submittedOn: string, days: number): string {
  const d = new Date(`${submittedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function appraisalStatus(dueOn: string, today: string): { daysLeft: number; overdue: boolean; label: string } {
  const daysLeft = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (daysLeft < 0) return { daysLeft, overdue: true, label: `Quá hạn thẩm định ${-daysLeft} ngày (hạn ${formatDate(dueOn)})` };
  return { daysLeft, overdue: false, label: daysLeft === 0 ? `Hết hạn thẩm định hôm nay (${formatDate(dueOn)})` : `Còn ${daysLeft} ngày (hạn ${formatDate(dueOn)})` };
}

export type StepResult = { readonly ok: true; readonly stage: BatchStage } | { readonly ok: false; readonly message: string };

function refuse(message: string): StepResult {
  return { ok: false, message };
}

interface BatchPosition {
  readonly state: ApprovalState;
  readonly stage: BatchStage;
  readonly stateLevel: boolean;
  readonly commentPeriod: CommentPeriod | null;
}

/** The board publishes a State-level batch for public comment once it has appraised it. */
export function publishForComment(b: BatchPosition): StepResult {
  if (!b.stateLevel) return refuse('Chỉ hồ sơ đề nghị khen thưởng cấp Nhà nước phải lấy ý kiến nhân dân.');
  if (b.stage !== 'appraised') return refuse(`Chỉ công khai lấy ý kiến hồ sơ đã thẩm định (hồ sơ đang ở bước "${batchStageLabels[b.stage]}").`);
  return { ok: true, stage: 'public_comment' };
}

/** The council meets on an appraised batch; a State-level batch only after its comment period has ended. */
export function holdCouncil(b: BatchPosition, meetingOn: string): StepResult {
  if (b.stateLevel) {
    if (b.stage === 'appraised') return refuse(councilBlockedByComment(null, meetingOn) ?? '');
    if (b.stage !== 'public_comment') return refuse(`Hội đồng không họp xét hồ sơ đang ở bước "${batchStageLabels[b.stage]}".`);
    const blocked = councilBlockedByComment(b.commentPeriod, meetingOn);
    if (blocked) return refuse(blocked);
    return { ok: true, stage: 'council_voted' };
  }
  if (b.stage !== 'appraised') return refuse(`Hội đồng chỉ họp xét hồ sơ đã thẩm định (hồ sơ đang ở bước "${batchStageLabels[b.stage]}").`);
  return { ok: true, stage: 'council_voted' };
}

/** The decision follows the council's vote and names at least one nominee who reached the threshold. */
export function recordDecision(b: BatchPosition, passedCount: number, decisionDate: string, councilHeldOn: string | null): StepResult {
  if (b.stage !== 'council_voted') return refuse(`Chỉ ra quyết định khen thưởng sau khi Hội đồng đã biểu quyết (hồ sơ đang ở bước "${batchStageLabels[b.stage]}").`);
  if (passedCount === 0) return refuse('Không có đối tượng nào đạt ngưỡng biểu quyết của Hội đồng: không có ai để khen thưởng.');
  if (councilHeldOn && decisionDate < councilHeldOn) return refuse(`Ngày quyết định (${formatDate(decisionDate)}) không được trước ngày họp Hội đồng (${formatDate(councilHeldOn)}).`);
  return { ok: true, stage: 'decided' };
}
