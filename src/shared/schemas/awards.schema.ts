import { z } from 'zod';
import { isoDate, pageQuery, unitCode } from './common.schema.ts';

// Award nominations (issue 7): one schema per boundary, used by the server routes and the web client. Response
// schemas carry no transforms (a transform in a response schema makes serialisation fail).

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);

export const nomineeKind = z.enum(['collective', 'individual', 'household']);
export type NomineeKindDto = z.infer<typeof nomineeKind>;
export const approvalState = z.enum(['draft', 'submitted', 'returned', 'approved']);
export const batchStage = z.enum(['proposing', 'forwarded', 'appraised', 'public_comment', 'council_voted', 'decided']);
export const proposerLevel = z.enum(['commune', 'district', 'organisation']);

// ---------- catalogue ----------

export const awardFormDto = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['form', 'title']),
  authority: z.string(),
  authorityLabel: z.string(),
  decidingLevel: z.string(),
  stateLevel: z.boolean(),
  nomineeKinds: z.array(nomineeKind),
  dossier: z.array(z.string()),
  voteThresholdPercent: z.number(),
});
export type AwardFormDto = z.infer<typeof awardFormDto>;

export const catalogueDto = z.object({
  key: z.string(),
  name: z.string(),
  validFrom: z.string(),
  publicCommentWorkingDays: z.number(),
  appraisalDays: z.number(),
  stableEscapeYears: z.number(),
  forms: z.array(awardFormDto),
});
export type CatalogueDto = z.infer<typeof catalogueDto>;

export const campaignRoundDto = z.object({
  roundId: z.string(),
  roundName: z.string(),
  kind: z.string(),
  year: z.number(),
  campaignId: z.string(),
  campaignName: z.string(),
});
export type CampaignRoundDto = z.infer<typeof campaignRoundDto>;

// ---------- batch inputs ----------

export const createBatchBody = z
  .object({
    roundId: z.uuid(),
    formId: z.string().min(1).max(60),
    unitCode: unitCode.optional(),
    organisationId: z.uuid().optional(),
    title: optionalText(300).optional(),
    rules: z
      .object({
        voteThresholdPercent: z.number().min(50).max(100).optional(),
        publicCommentWorkingDays: z.number().int().min(1).max(60).optional(),
        appraisalDays: z.number().int().min(1).max(60).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.unitCode ? 1 : 0) + (b.organisationId ? 1 : 0) === 1, { message: 'Chọn đúng một đơn vị hoặc một cơ quan, tổ chức đề nghị.' });
export type CreateBatchBody = z.infer<typeof createBatchBody>;

export const addNomineeBody = z
  .object({
    kind: nomineeKind,
    unitCode: unitCode.optional(),
    organisationId: z.uuid().optional(),
    individualId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    description: optionalText(300).optional(),
  })
  .refine((b) => [b.unitCode, b.organisationId, b.individualId, b.householdId].filter(Boolean).length === 1, { message: 'Chọn đúng một đối tượng.' });
export type AddNomineeBody = z.infer<typeof addNomineeBody>;

export const updateNomineeBody = z.object({
  achievementReport: optionalText(20_000).optional(),
  description: optionalText(300).optional(),
  /** null removes the exception. */
  exceptionReason: optionalText(2_000).nullable().optional(),
});
export type UpdateNomineeBody = z.infer<typeof updateNomineeBody>;

export const voteInput = z.object({
  nomineeId: z.uuid(),
  agree: z.number().int().min(0).max(1000),
  disagree: z.number().int().min(0).max(1000),
  abstain: z.number().int().min(0).max(1000).default(0),
});
export type VoteInput = z.infer<typeof voteInput>;

const person = z.object({ name: text(120), position: text(200) });

export const toTrinhInput = z.object({
  number: text(60),
  date: isoDate,
  signerName: text(120),
  /** E.g. ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  signerAuthority: z.array(text(80)).min(1).max(3),
  addressee: text(200),
  content: optionalText(10_000).default(''),
});
export type ToTrinhInput = z.infer<typeof toTrinhInput>;

export const meetingInput = z.object({
  heldOn: isoDate,
  startTime: z.string().regex(/^\d{2}:\d{2}$/u, 'Giờ có dạng HH:mm').default('08:00'),
  endTime: z.string().regex(/^\d{2}:\d{2}$/u, 'Giờ có dạng HH:mm').default('10:00'),
  venue: text(200),
  chair: person,
  secretary: person,
  membersTotal: z.number().int().min(1).max(200),
  attendees: z.array(text(120)).max(200),
  votes: z.array(voteInput).max(500),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const saveDossierBody = z.object({
  toTrinh: toTrinhInput.nullable(),
  proposerMeeting: meetingInput.nullable(),
});
export type SaveDossierBody = z.infer<typeof saveDossierBody>;

export const returnBody = z.object({ comment: text(2_000) });
export const revokeBody = z.object({ reason: text(2_000) });
export const publishBody = z.object({ publishedOn: isoDate.optional(), workingDays: z.number().int().min(1).max(60).optional() });
export const councilBody = meetingInput;
export const decisionBody = z.object({
  number: text(60),
  date: isoDate,
  signerName: text(120),
  signerAuthority: z.array(text(80)).min(1).max(3),
});
export type DecisionBody = z.infer<typeof decisionBody>;

export const batchesQuery = z.object({ roundId: z.uuid().optional() });

// ---------- batch outputs ----------

export const checkDto = z.object({
  code: z.string(),
  label: z.string(),
  status: z.enum(['pass', 'fail', 'not_applicable', 'unknown']),
  statusLabel: z.string(),
  reason: z.string(),
  overridable: z.boolean(),
});
export type CheckDto = z.infer<typeof checkDto>;

export const councilResultDto = z.object({
  agree: z.number(),
  disagree: z.number(),
  abstain: z.number(),
  ratePercent: z.number(),
  passed: z.boolean(),
  reason: z.string(),
});

export const nomineeDto = z.object({
  id: z.string(),
  batchId: z.string(),
  /** The batch it came from (a commune's batch consolidated into the district's) when not this one. */
  fromBatchName: z.string().nullable(),
  kind: nomineeKind,
  kindLabel: z.string(),
  name: z.string(),
  description: z.string(),
  unitCode: z.string(),
  householdId: z.string().nullable(),
  organisationId: z.string().nullable(),
  individualId: z.string().nullable(),
  achievementReport: z.string(),
  checks: z.array(checkDto),
  exceptionReason: z.string().nullable(),
  blocked: z.boolean(),
  blockReasons: z.array(z.string()),
  excepted: z.array(z.string()),
  council: councilResultDto.nullable(),
});
export type NomineeDto = z.infer<typeof nomineeDto>;

export const appraisalDto = z.object({ dueOn: z.string(), daysLeft: z.number(), overdue: z.boolean(), label: z.string() });

export const batchSummaryDto = z.object({
  id: z.string(),
  title: z.string(),
  formId: z.string(),
  formName: z.string(),
  stateLevel: z.boolean(),
  voteThresholdPercent: z.number(),
  campaignName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  proposerLevel,
  proposerName: z.string(),
  proposerUnitCode: z.string().nullable(),
  proposerOrganisationId: z.string().nullable(),
  reviewerName: z.string(),
  reviewerRole: z.enum(['consolidates', 'appraises']),
  state: approvalState,
  stateLabel: z.string(),
  stage: batchStage,
  stageLabel: z.string(),
  nomineeCount: z.number(),
  blockedCount: z.number(),
  appraisal: appraisalDto.nullable(),
  commentFrom: z.string().nullable(),
  commentTo: z.string().nullable(),
  councilFrom: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  isDemo: z.boolean(),
});
export type BatchSummaryDto = z.infer<typeof batchSummaryDto>;

const meetingDto = z.object({
  heldOn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  venue: z.string(),
  chair: z.object({ name: z.string(), position: z.string() }),
  secretary: z.object({ name: z.string(), position: z.string() }),
  membersTotal: z.number(),
  attendees: z.array(z.string()),
  votes: z.array(z.object({ nomineeId: z.string(), agree: z.number(), disagree: z.number(), abstain: z.number() })),
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const batchDto = batchSummaryDto.extend({
  rules: z.object({ voteThresholdPercent: z.number(), publicCommentWorkingDays: z.number(), appraisalDays: z.number(), stableEscapeYears: z.number() }),
  catalogue: z.string(),
  toTrinh: z
    .object({ number: z.string(), date: z.string(), signerName: z.string(), signerAuthority: z.array(z.string()), addressee: z.string(), content: z.string() })
    .nullable(),
  proposerMeeting: meetingDto.nullable(),
  council: meetingDto.nullable(),
  decisionSigner: z.object({ name: z.string(), authority: z.array(z.string()) }).nullable(),
  nominees: z.array(nomineeDto),
  children: z.array(batchSummaryDto),
  dossierBlockers: z.array(z.string()),
  events: z.array(z.object({ action: z.string(), actionLabel: z.string(), fromState: z.string(), toState: z.string(), toStage: z.string(), note: z.string().nullable(), actorName: z.string(), at: z.string() })),
  allowed: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), publish: z.boolean(), council: z.boolean(), decide: z.boolean(), answer: z.boolean() }),
  version: z.number(),
});
export type BatchDto = z.infer<typeof batchDto>;

export const queueDto = z.object({
  today: z.string(),
  toReview: z.array(batchSummaryDto),
  inComment: z.array(batchSummaryDto),
  toCouncil: z.array(batchSummaryDto),
  toDecide: z.array(batchSummaryDto),
});
export type QueueDto = z.infer<typeof queueDto>;

// ---------- public comment ----------

export const publicCommentBody = z.object({
  nomineeId: z.uuid().optional(),
  authorName: text(120),
  contact: optionalText(200).optional(),
  content: text(4_000),
});
export type PublicCommentBody = z.infer<typeof publicCommentBody>;

export const publicListDto = z.array(
  z.object({
    batchId: z.string(),
    title: z.string(),
    formName: z.string(),
    proposerName: z.string(),
    commentFrom: z.string(),
    commentTo: z.string(),
    nominees: z.array(z.object({ id: z.string(), kindLabel: z.string(), name: z.string(), description: z.string() })),
    answered: z.array(z.object({ nomineeName: z.string().nullable(), content: z.string(), answer: z.string(), answeredAt: z.string() })),
  }),
);
export type PublicListDto = z.infer<typeof publicListDto>;

export const commentDto = z.object({
  id: z.string(),
  batchId: z.string(),
  nomineeName: z.string().nullable(),
  authorName: z.string(),
  contact: z.string().nullable(),
  content: z.string(),
  receivedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
});
export type CommentDto = z.infer<typeof commentDto>;
export const answerBody = z.object({ answer: text(4_000) });

// ---------- registry ----------

export const registryQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  formId: z.string().max(60).optional(),
  roundId: z.uuid().optional(),
  kind: nomineeKind.optional(),
});
export type RegistryQuery = z.infer<typeof registryQuery>;

export const registryRowDto = z.object({
  id: z.string(),
  formId: z.string(),
  formName: z.string(),
  kind: nomineeKind,
  kindLabel: z.string(),
  recipientName: z.string(),
  description: z.string(),
  unitCode: z.string(),
  campaignName: z.string(),
  roundName: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  signerName: z.string(),
  registryNumber: z.string(),
  batchId: z.string(),
  isDemo: z.boolean(),
});
export type RegistryRowDto = z.infer<typeof registryRowDto>;
export const registryDto = z.object({ total: z.number(), rows: z.array(registryRowDto) });
export type RegistryDto = z.infer<typeof registryDto>;
