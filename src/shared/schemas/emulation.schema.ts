import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';
import { participantTypes } from '../../domain/emulation/participant-types.ts';
import { criterionKinds, evidenceRecordKinds, formulaIds } from '../../domain/emulation/criteria.ts';
import { roundKinds } from '../../domain/emulation/round-calendar.ts';

// The emulation movement's API contract (DOMAIN.md §6), shared by the server and the web client.

export const participantType = z.enum(participantTypes);
export const criterionKind = z.enum(criterionKinds);
export const formulaId = z.enum(formulaIds);
export const roundKind = z.enum(roundKinds);

// ---------- campaigns, criteria, rounds ----------

export const criterionInput = z.object({
  code: z.string().regex(/^[1-9][0-9]?[ab]?\.[0-9]{1,2}$/u, 'Mã tiêu chí có dạng 3.4 hoặc 5b.3'),
  text: viText(3000),
  maxPoints: z.number().positive().max(1000),
  kind: criterionKind,
  formulaId: formulaId.nullable().default(null),
  params: z.record(z.string(), z.unknown()).default({}),
  feeds: z.array(z.enum(evidenceRecordKinds)).max(4).default([]),
});
export type CriterionInput = z.infer<typeof criterionInput>;

export const criterionDto = z.object({
  id: z.string(),
  code: z.string(),
  text: z.string(),
  maxPoints: z.number(),
  kind: criterionKind,
  kindLabel: z.string(),
  formulaId: formulaId.nullable(),
  formulaLabel: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  feeds: z.array(z.string()),
  /** How the score is obtained, in words; says "chưa có dữ liệu báo cáo" while timeliness has no source. */
  scoreSource: z.string(),
});
export type CriterionDto = z.infer<typeof criterionDto>;

export const criteriaSetDto = z.object({
  id: z.string(),
  participantType,
  participantTypeLabel: z.string(),
  section: z.string(),
  version: z.number(),
  isCurrent: z.boolean(),
  note: z.string().nullable(),
  totalPoints: z.number(),
  criteria: z.array(criterionDto),
});
export type CriteriaSetDto = z.infer<typeof criteriaSetDto>;

export const roundWindowsInput = z.object({
  selfAssessmentFrom: isoDate,
  selfAssessmentTo: isoDate,
  verificationUntil: isoDate,
  councilScoringOn: isoDate,
  publicationOn: isoDate,
  ceremonyOn: isoDate.nullable().default(null),
});

export const createRoundBody = roundWindowsInput.extend({
  kind: roundKind,
  name: viText(200),
  year: z.number().int().min(2000).max(2100),
  measureFromYear: z.number().int().min(2000).max(2100),
  measureToYear: z.number().int().min(2000).max(2100),
});
export type CreateRoundBody = z.infer<typeof createRoundBody>;
export const updateRoundBody = createRoundBody.partial();

export const emulationRoundDto = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: roundKind,
  kindLabel: z.string(),
  name: z.string(),
  year: z.number(),
  measureFromYear: z.number(),
  measureToYear: z.number(),
  selfAssessmentFrom: z.string(),
  selfAssessmentTo: z.string(),
  verificationUntil: z.string(),
  councilScoringOn: z.string(),
  publicationOn: z.string(),
  ceremonyOn: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  lastRecomputedAt: z.string().nullable(),
  stage: z.string(),
  stageLabel: z.string(),
});
export type EmulationRoundDto = z.infer<typeof emulationRoundDto>;

export const targetRuleSetDto = z.object({ key: z.string(), id: z.string(), version: z.number(), title: z.string(), source: z.string(), bands: z.array(z.string()) });

export const campaignDto = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  legalBasis: z.string(),
  periodFrom: z.number(),
  periodTo: z.number(),
  participantTypes: z.array(participantType),
  targetRuleSet: targetRuleSetDto,
  copiedFromId: z.string().nullable(),
  isDemo: z.boolean(),
  criteriaSets: z.array(criteriaSetDto),
  rounds: z.array(emulationRoundDto),
});
export type CampaignDto = z.infer<typeof campaignDto>;

export const campaignSummaryDto = campaignDto.pick({ id: true, name: true, shortName: true, legalBasis: true, periodFrom: true, periodTo: true, participantTypes: true, isDemo: true }).extend({ rounds: z.number() });

const campaignFields = {
  name: viText(500),
  shortName: viText(200).nullable().default(null),
  legalBasis: viText(3000),
  periodFrom: z.number().int().min(2000).max(2100),
  periodTo: z.number().int().min(2000).max(2100),
  participantTypes: z.array(participantType).min(1),
  targetRuleSetId: z.string().min(1).max(100),
};
export const createCampaignBody = z.object(campaignFields);
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;
export const updateCampaignBody = z.object(campaignFields).partial();
export const copyCampaignBody = z.object({
  name: viText(500),
  legalBasis: viText(3000).optional(),
  periodFrom: z.number().int().min(2000).max(2100),
  periodTo: z.number().int().min(2000).max(2100),
  /** Copy the review rounds too, moved by the difference between the periods' first years. */
  shiftRounds: z.boolean().default(true),
});
export type CopyCampaignBody = z.infer<typeof copyCampaignBody>;

export const saveCriteriaSetBody = z.object({ criteria: z.array(criterionInput).min(1).max(50), note: viText(1000).optional() });
export const saveCriteriaSetResult = z.object({ change: z.enum(['edit_in_place', 'new_version', 'unchanged']), criteriaSet: criteriaSetDto });

export const unitTargetBody = z.object({
  unitCode,
  year: z.number().int().min(2000).max(2100),
  requiredReduction: z.number().min(0).max(100),
  reason: viText(1000),
});
export const unitTargetDto = z.object({ unitCode: z.string(), unitName: z.string(), year: z.number(), requiredReduction: z.number(), reason: z.string(), setBy: z.string(), updatedAt: z.string() });

// ---------- registrations and pledges ----------

export const participantRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitCode }),
  z.object({ kind: z.literal('organisation'), organisationId: z.uuid() }),
  z.object({ kind: z.literal('individual'), individualId: z.uuid() }),
  z.object({ kind: z.literal('household'), householdId: z.uuid() }),
]);
export type ParticipantRef = z.infer<typeof participantRef>;

export const registerBody = z.object({
  participantType,
  participant: participantRef,
  registeredOn: isoDate.optional(),
  pledges: z.array(viText(1000)).min(1, 'Cần ít nhất một nội dung đăng ký thi đua').max(30),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const registrationDto = z.object({
  id: z.string(),
  roundId: z.string(),
  participantType,
  participantTypeLabel: z.string(),
  participantKind: z.enum(['unit', 'organisation', 'individual', 'household']),
  participantKey: z.string(),
  participantName: z.string(),
  unitCode: z.string(),
  registeredOn: z.string(),
  pledges: z.array(z.string()),
  registeredBy: z.string(),
});
export type RegistrationDto = z.infer<typeof registrationDto>;

export const registrationStatusDto = z.object({
  roundId: z.string(),
  byType: z.array(
    z.object({
      participantType,
      label: z.string(),
      registered: z.array(registrationDto),
      /** Expected participants (units of the level, organisations of the types) in the caller's scope without a registration. */
      notRegistered: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      kind: z.enum(['cluster', 'block']),
      members: z.array(z.object({ name: z.string(), registered: z.boolean() })),
      jointPledgeSignedOn: z.string().nullable(),
    }),
  ),
});

export const signatory = z.object({ name: viText(200), position: viText(300), memberName: viText(300) });
export const jointPledgeBody = z.object({
  groupId: z.uuid(),
  signedOn: isoDate,
  place: viText(300).optional(),
  pledges: z.array(viText(2000)).min(1).max(30),
  signatories: z.array(signatory).min(1).max(100),
});
export const jointPledgeDto = z.object({
  id: z.string(),
  roundId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  signedOn: z.string(),
  place: z.string().nullable(),
  pledges: z.array(z.string()),
  signatories: z.array(z.object({ name: z.string(), position: z.string(), memberName: z.string() })),
  recordedBy: z.string(),
});

// ---------- scoring ----------

export const evidenceRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileId: z.uuid() }),
  z.object({ kind: z.enum(evidenceRecordKinds), id: z.uuid() }),
]);
export type EvidenceRef = z.infer<typeof evidenceRef>;

export const selfAssessBody = z.object({
  points: z.number().min(0).max(1000),
  note: viText(3000).optional(),
  evidence: z.array(evidenceRef).min(1, 'Tự chấm phải kèm ít nhất một minh chứng').max(30),
});
export type SelfAssessBody = z.infer<typeof selfAssessBody>;

export const verifyBody = z.object({ decision: z.enum(['accept', 'adjust', 'reject']), points: z.number().min(0).max(1000).optional(), reason: viText(3000).optional() });
export type VerifyBody = z.infer<typeof verifyBody>;
export const councilScoreBody = z.object({ points: z.number().min(0).max(1000), note: viText(3000).optional() });
export const adjustScoreBody = z.object({ points: z.number().min(0).max(1000), reason: viText(3000) });

export const scoreParams = z.object({ id: z.uuid(), code: z.string().regex(/^[1-9][0-9]?[ab]?\.[0-9]{1,2}$/u) });

export const evidenceItemDto = z.object({ kind: z.string(), id: z.string(), label: z.string() });

export const scoreLineDto = z.object({
  criterionId: z.string(),
  code: z.string(),
  text: z.string(),
  kind: criterionKind,
  kindLabel: z.string(),
  maxPoints: z.number(),
  points: z.number(),
  status: z.enum(['scored', 'not_scored', 'not_submitted', 'pending_verification']),
  statusLabel: z.string(),
  source: z.enum(['formula', 'evidence', 'council', 'board_adjustment']),
  sourceLabel: z.string(),
  explanation: z.string(),
  formula: z.object({ id: z.string(), label: z.string(), version: z.string().nullable(), inputs: z.unknown() }).nullable(),
  selfPoints: z.number().nullable(),
  evidence: z.array(evidenceItemDto),
  verification: z.object({ decision: z.string(), points: z.number().nullable(), reason: z.string().nullable(), by: z.string(), on: z.string() }).nullable(),
  council: z.object({ points: z.number(), note: z.string().nullable(), by: z.string(), on: z.string() }).nullable(),
  adjustment: z.object({ points: z.number(), fromPoints: z.number(), reason: z.string(), by: z.string(), on: z.string() }).nullable(),
});
export type ScoreLineDto = z.infer<typeof scoreLineDto>;

export const scoreSheetDto = z.object({
  registration: registrationDto,
  roundName: z.string(),
  published: z.boolean(),
  criteriaSetVersion: z.number(),
  total: z.number(),
  maxTotal: z.number(),
  measuredTotal: z.number(),
  lines: z.array(scoreLineDto),
});
export type ScoreSheetDto = z.infer<typeof scoreSheetDto>;

export const rankingEntryDto = z.object({
  rank: z.number(),
  registrationId: z.string(),
  participantName: z.string(),
  participantType,
  total: z.number(),
  measured: z.number(),
  registeredOn: z.string(),
  tieBreak: z.string().nullable(),
});
export const rankingsDto = z.object({
  roundId: z.string(),
  roundName: z.string(),
  published: z.boolean(),
  tieBreakRule: z.string(),
  byType: z.array(z.object({ participantType, label: z.string(), entries: z.array(rankingEntryDto) })),
  byGroup: z.array(z.object({ groupId: z.string(), name: z.string(), kind: z.enum(['cluster', 'block']), entries: z.array(rankingEntryDto) })),
});
export type RankingsDto = z.infer<typeof rankingsDto>;

export const recomputeResultDto = z.object({
  roundId: z.string(),
  lines: z.number(),
  changed: z.array(z.object({ participantName: z.string(), code: z.string(), before: z.number().nullable(), after: z.number(), status: z.string() })),
});

export const verificationQueueDto = z.array(
  z.object({ registrationId: z.string(), participantName: z.string(), participantType, code: z.string(), text: z.string(), selfPoints: z.number(), maxPoints: z.number(), note: z.string().nullable(), evidence: z.array(evidenceItemDto), submittedAt: z.string() }),
);

export const fileDto = z.object({ id: z.string(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedBy: z.string(), uploadedAt: z.string() });
export type FileDto = z.infer<typeof fileDto>;

// ---------- initiatives, models, exemplars ----------

export const recognisedLevel = z.enum(['grassroots', 'district', 'province', 'national']);
export const recognisedLevelLabels: Record<z.infer<typeof recognisedLevel>, string> = {
  grassroots: 'Cấp cơ sở',
  district: 'Cấp huyện',
  province: 'Cấp tỉnh',
  national: 'Cấp toàn quốc',
};
const criterionCodes = z.array(z.string().regex(/^[1-9][0-9]?[ab]?\.[0-9]{1,2}$/u)).max(20).default([]);

export const initiativeBody = z.object({
  title: viText(500),
  authorName: viText(300),
  unitCode,
  organisationId: z.uuid().nullable().default(null),
  recognisedOn: isoDate,
  recognisedLevel,
  summary: viText(5000).nullable().default(null),
  criterionCodes,
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export const initiativeDto = z.object({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  organisationId: z.string().nullable(),
  recognisedOn: z.string(),
  recognisedLevel,
  recognisedLevelLabel: z.string(),
  summary: z.string().nullable(),
  criterionCodes: z.array(z.string()),
  fileIds: z.array(z.string()),
});

export const replication = z.object({ unitCode, from: isoDate, households: z.number().int().min(0).max(1_000_000) });
export const modelBody = z.object({
  name: viText(500),
  startedUnitCode: unitCode,
  organisationId: z.uuid().nullable().default(null),
  startedOn: isoDate,
  description: viText(5000).nullable().default(null),
  replications: z.array(replication).max(500).default([]),
  householdsReached: z.number().int().min(0).max(10_000_000),
  results: viText(5000).nullable().default(null),
  criterionCodes,
});
export const modelDto = z.object({
  id: z.string(),
  name: z.string(),
  startedUnitCode: z.string(),
  startedUnitName: z.string(),
  organisationId: z.string().nullable(),
  startedOn: z.string(),
  description: z.string().nullable(),
  replications: z.array(z.object({ unitCode: z.string(), unitName: z.string(), from: z.string(), households: z.number() })),
  householdsReached: z.number(),
  results: z.string().nullable(),
  criterionCodes: z.array(z.string()),
});

export const exemplarKind = z.enum(['collective', 'individual', 'household']);
export const exemplarKindLabels: Record<z.infer<typeof exemplarKind>, string> = { collective: 'Tập thể', individual: 'Cá nhân', household: 'Hộ gia đình' };
export const exemplarBody = z
  .object({
    kind: exemplarKind,
    name: viText(300).optional(),
    unitCode: unitCode.optional(),
    organisationId: z.uuid().nullable().default(null),
    individualId: z.uuid().nullable().default(null),
    householdId: z.uuid().nullable().default(null),
    campaignId: z.uuid().nullable().default(null),
    year: z.number().int().min(2000).max(2100),
    story: viText(20000),
    criterionCodes,
    fileIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((b) => b.kind !== 'household' || b.householdId !== null, { message: 'Điển hình là hộ gia đình phải chọn hộ trong sổ hộ' })
  .refine((b) => b.kind === 'household' || (b.kind === 'individual' && b.individualId !== null) || (b.name !== undefined && b.unitCode !== undefined), {
    message: 'Cần tên và đơn vị của tập thể, cá nhân (hoặc chọn cá nhân đã có)',
  });
export const exemplarDto = z.object({
  id: z.string(),
  kind: exemplarKind,
  kindLabel: z.string(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  organisationId: z.string().nullable(),
  individualId: z.string().nullable(),
  householdId: z.string().nullable(),
  campaignId: z.string().nullable(),
  year: z.number(),
  story: z.string(),
  criterionCodes: z.array(z.string()),
  fileIds: z.array(z.string()),
  /** For a household: its standing in the registry at its latest review round (criterion 5b.3). */
  registry: z
    .object({
      latestRoundYear: z.number().nullable(),
      category: z.string().nullable(),
      stableEscapeYears: z.number().nullable(),
      meetsStableEscape: z.boolean(),
      explanation: z.string(),
    })
    .nullable(),
});
export type ExemplarDto = z.infer<typeof exemplarDto>;

export const recordsQuery = z.object({ q: z.string().max(200).optional(), unitCode: unitCode.optional(), criterionCode: z.string().max(10).optional(), kind: exemplarKind.optional() });
