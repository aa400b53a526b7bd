import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';
import { approvalStates } from '../../domain/approval/approval-workflow.ts';
import { figureFields } from '../../domain/reports/report-figures.ts';
import { tableColumnKinds } from '../../domain/reports/report-template.ts';
import { timelinessStatuses } from '../../domain/reports/timeliness.ts';

// Reports up the hierarchy (issue 6). Request bodies normalise text (viText); response schemas carry no transforms.

export const reportKinds = ['annual', 'six_monthly', 'quarterly', 'ad_hoc'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  annual: 'Báo cáo năm',
  six_monthly: 'Báo cáo 6 tháng',
  quarterly: 'Báo cáo quý',
  ad_hoc: 'Báo cáo đột xuất',
};

const sectionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/u, 'Mã phần chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới');

export const templateSectionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('figures'), key: sectionKey, title: viText(300), fields: z.array(z.enum(figureFields)).min(1) }),
  z.object({
    kind: z.literal('table'),
    key: sectionKey,
    title: viText(300),
    columns: z.array(z.object({ header: viText(200), kind: z.enum(tableColumnKinds) })).min(1).max(30),
    note: viText(300).optional(),
  }),
  z.object({ kind: z.literal('narrative'), key: sectionKey, title: viText(300), guidance: viText(2000).optional(), required: z.boolean().default(true) }),
]);

export const createTemplateBody = z.object({
  name: viText(300),
  description: viText(2000).optional(),
  sections: z.array(templateSectionInput).min(1).max(40),
});
export type CreateTemplateBody = z.infer<typeof createTemplateBody>;

const templateSectionDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('figures'), key: z.string(), title: z.string(), fields: z.array(z.enum(figureFields)) }),
  z.object({
    kind: z.literal('table'),
    key: z.string(),
    title: z.string(),
    columns: z.array(z.object({ header: z.string(), kind: z.enum(tableColumnKinds) })),
    note: z.string().optional(),
  }),
  z.object({ kind: z.literal('narrative'), key: z.string(), title: z.string(), guidance: z.string().optional(), required: z.boolean() }),
]);

export const templateOrigins = ['reference', 'custom', 'demo'] as const;
export type TemplateOrigin = (typeof templateOrigins)[number];
export const templateOriginLabels: Record<TemplateOrigin, string> = {
  reference: 'Mẫu chính thức',
  custom: 'Mẫu do Ban tạo',
  demo: 'Dữ liệu mẫu',
};

export const templateDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sections: z.array(templateSectionDto),
  createdAt: z.string(),
  /** Official (seeded with the software, with its legal basis and version), created by the board, or demo. */
  origin: z.enum(templateOrigins),
  originLabel: z.string(),
  /** The version of an official template; null for one the board created. */
  version: z.number().nullable(),
  /** The period an official template is meant for. */
  reportKind: z.enum(reportKinds).nullable(),
  legalBasis: z.string().nullable(),
  /** Requests issued with it: a template in use is kept as it is; the board copies it to change it. */
  requestCount: z.number(),
});
export type TemplateDto = z.infer<typeof templateDto>;

export const createRequestBody = z.object({
  kind: z.enum(reportKinds),
  title: viText(500),
  templateId: z.uuid(),
  roundYear: z.number().int().min(2016).max(2100),
  /** Date of issue; today when not given. */
  issuedOn: isoDate.optional(),
  deadline: isoDate,
  recipients: z
    .object({
      /** Every unit of these levels in force on the date of issue. */
      levels: z.array(z.enum(['district', 'commune'])).default([]),
      unitCodes: z.array(unitCode).max(5000).default([]),
      organisationIds: z.array(z.uuid()).max(500).default([]),
      /** Every organisation in force on the date of issue. */
      allOrganisations: z.boolean().default(false),
    })
    .refine((r) => r.levels.length + r.unitCodes.length + r.organisationIds.length > 0 || r.allOrganisations, 'Phải chọn ít nhất một đơn vị nhận yêu cầu báo cáo'),
  /** An earlier deadline for a level, e.g. communes report before their district consolidates. */
  levelDeadlines: z.object({ district: isoDate.optional(), commune: isoDate.optional(), village: isoDate.optional(), organisation: isoDate.optional() }).default({}),
});
export type CreateRequestBody = z.infer<typeof createRequestBody>;

const counts = z.object({
  states: z.record(z.enum(approvalStates), z.number()),
  timeliness: z.record(z.enum(timelinessStatuses), z.number()),
});

export const requestDto = z.object({
  id: z.string(),
  kind: z.enum(reportKinds),
  kindLabel: z.string(),
  title: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  roundYear: z.number(),
  issuingUnitCode: z.string(),
  issuedOn: z.string(),
  deadline: z.string(),
  /** Recipients visible to the caller, and their counts per approval state and timeliness status. */
  recipientCount: z.number(),
  counts,
});
export type RequestDto = z.infer<typeof requestDto>;

export const requestsQuery = z.object({ year: z.coerce.number().int().min(2016).max(2100).optional() });

const timelinessDto = z.object({ status: z.enum(timelinessStatuses), daysLate: z.number().nullable(), label: z.string() });
const deadlineDto = z.object({ daysLeft: z.number(), dueSoon: z.boolean(), overdue: z.boolean(), reminder: z.string().nullable() });

export const submissionSummaryDto = z.object({
  id: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  kind: z.enum(reportKinds),
  roundYear: z.number(),
  unitCode: z.string().nullable(),
  organisationId: z.string().nullable(),
  recipientName: z.string(),
  recipientLevel: z.string(),
  reviewerUnitCode: z.string(),
  deadline: z.string(),
  state: z.enum(approvalStates),
  stateLabel: z.string(),
  firstSubmittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  timeliness: timelinessDto,
  deadlineStatus: deadlineDto,
  /** The last return comment while the report is returned. */
  returnComment: z.string().nullable(),
});
export type SubmissionSummaryDto = z.infer<typeof submissionSummaryDto>;

export const inboxQuery = z.object({ year: z.coerce.number().int().min(2016).max(2100).optional() });
export const inboxDto = z.object({
  today: z.string(),
  /** Reports the caller's units must write and send. */
  toSubmit: z.array(submissionSummaryDto),
  /** Reports sent to the caller's units for return or approval. */
  toReview: z.array(submissionSummaryDto),
});
export type InboxDto = z.infer<typeof inboxDto>;

const figureValuesDto = z.record(z.enum(figureFields), z.number());
export const figureSnapshotDto = z.object({
  roundId: z.string(),
  roundYear: z.number(),
  takenAt: z.string(),
  values: figureValuesDto,
});
export type FigureSnapshotDto = z.infer<typeof figureSnapshotDto>;

export const figuresDto = z.object({
  /** "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2017 (kỳ rà soát đã khoá sổ theo Quyết định 2426/QĐ-UBND); số liệu lấy lúc 10:00 15/06/2018". */
  source: z.string(),
  live: figureSnapshotDto,
  approved: figureSnapshotDto.nullable(),
  /** Fields whose live value differs from the approved one ("changed since approval"). */
  changes: z.array(z.object({ field: z.enum(figureFields), label: z.string(), approved: z.number(), current: z.number(), text: z.string() })),
});

export const submissionEventDto = z.object({
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string(),
  toState: z.string(),
  note: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});

const cell = z.union([z.string(), z.number(), z.null()]);

export const submissionDto = submissionSummaryDto.extend({
  templateName: z.string(),
  sections: z.array(templateSectionDto),
  content: z.object({ narratives: z.record(z.string(), z.string()), tables: z.record(z.string(), z.array(z.array(cell))) }),
  /** Null for an organisation (no registry figures) or a template without a figures section. */
  figures: figuresDto.nullable(),
  canEdit: z.boolean(),
  version: z.number(),
  events: z.array(submissionEventDto),
  /** Reports one level below, reviewed by this recipient's unit, that approval waits for. */
  children: z.array(submissionSummaryDto),
});
export type SubmissionDto = z.infer<typeof submissionDto>;

export const saveContentBody = z.object({
  narratives: z.record(sectionKey, z.string().max(50_000).transform((s) => s.normalize('NFC'))).default({}),
  tables: z.record(sectionKey, z.array(z.array(z.union([z.string().max(2000).transform((s) => s.normalize('NFC')), z.number(), z.null()])).max(30)).max(2000)).default({}),
  /** The version read; a save over someone else's newer save is refused. */
  version: z.number().int().min(1),
});
export type SaveContentBody = z.infer<typeof saveContentBody>;

export const returnBody = z.object({ comment: viText(5000) });
export const revokeBody = z.object({ reason: viText(5000), reopenTo: z.enum(['submitted', 'draft']).default('submitted') });
export const approveManyBody = z.object({ submissionIds: z.array(z.uuid()).min(1).max(1000) });
export const approveManyDto = z.object({
  approved: z.array(z.object({ id: z.string(), recipientName: z.string() })),
  refused: z.array(z.object({ id: z.string(), recipientName: z.string(), message: z.string() })),
});
export type ApproveManyDto = z.infer<typeof approveManyDto>;

export const requestDetailDto = requestDto.extend({
  today: z.string(),
  /** The approval tree: each visible submission with the id of the submission that reviews it (null at the top). */
  submissions: z.array(submissionSummaryDto.extend({ parentSubmissionId: z.string().nullable(), changedSinceApproval: z.boolean() })),
});
export type RequestDetailDto = z.infer<typeof requestDetailDto>;

export const timelinessRowDto = z.object({
  submissionId: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  recipientName: z.string(),
  unitCode: z.string().nullable(),
  organisationId: z.string().nullable(),
  deadline: z.string(),
  firstSubmittedAt: z.string().nullable(),
  status: z.enum(timelinessStatuses),
  daysLate: z.number().nullable(),
  label: z.string(),
});
export type TimelinessRowDto = z.infer<typeof timelinessRowDto>;

export const requestTimelinessDto = z.object({
  requestId: z.string(),
  title: z.string(),
  deadline: z.string(),
  today: z.string(),
  counts: z.record(z.enum(timelinessStatuses), z.number()),
  rows: z.array(timelinessRowDto),
});
export type RequestTimelinessDto = z.infer<typeof requestTimelinessDto>;

export const particularsSchema = z.object({
  parentBody: z.string().max(300),
  issuingBody: z.string().min(1).max(300),
  number: z.string().min(1).max(100),
  place: z.string().min(1).max(100),
  date: isoDate,
  signerAuthority: z.array(z.string().max(200)).min(1).max(3),
  signerName: z.string().max(200),
  recipients: z.array(z.string().max(300)).max(40),
});
export type Particulars = z.infer<typeof particularsSchema>;

export const consolidationDto = z.object({
  requestId: z.string(),
  title: z.string(),
  roundYear: z.number(),
  previousRoundYear: z.number().nullable(),
  asOf: z.string(),
  recipientCount: z.number(),
  approvedCount: z.number(),
  totals: figureValuesDto.nullable(),
  previousTotals: figureValuesDto.nullable(),
  missing: z.array(z.object({ key: z.string(), name: z.string(), label: z.string() })),
  notApproved: z.array(z.object({ key: z.string(), name: z.string(), stateLabel: z.string() })),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      state: z.enum(approvalStates),
      stateLabel: z.string(),
      timelinessLabel: z.string(),
      values: figureValuesDto.nullable(),
      previousPoorRate: z.number().nullable(),
      reduction: z.number().nullable(),
      attained: z.boolean().nullable(),
      attainmentExplanation: z.string().nullable(),
    }),
  ),
  best: z.string().nullable(),
  worst: z.string().nullable(),
  ruleSet: z.string(),
  /** The narrative drafted from the figures now. */
  draftedNarrative: z.array(z.string()),
  /** What the document prints: the officer's edited text, or the draft while none is saved. */
  narrative: z.array(z.string()),
  narrativeEdited: z.boolean(),
  particulars: particularsSchema,
});
export type ConsolidationDto = z.infer<typeof consolidationDto>;

export const saveConsolidationBody = z.object({
  narrative: z.array(z.string().max(20_000).transform((s) => s.normalize('NFC').trim())).max(100),
  particulars: particularsSchema.partial().default({}),
});
export type SaveConsolidationBody = z.infer<typeof saveConsolidationBody>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'Giờ phải có dạng HH:mm');
export const roundMeetingQuery = z.object({
  roundId: z.uuid(),
  communeCode: unitCode,
  startTime: hhmm,
  endTime: hhmm,
  venue: viText(300),
  secretaryName: viText(200),
  secretaryPosition: viText(200).default('Thư ký cuộc họp'),
  chairPosition: viText(200).default('Chủ trì cuộc họp'),
});
export type RoundMeetingQuery = z.infer<typeof roundMeetingQuery>;

export const timelinessForQuery = z.object({
  unitCode: unitCode.optional(),
  organisationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2016).max(2100),
});
