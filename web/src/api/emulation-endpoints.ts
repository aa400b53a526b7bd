// Typed calls of the emulation movement and the Fund for the Poor (issue 5). Types come from the shared zod schemas,
// as in endpoints.ts; kept in their own file so the emulation screens do not grow the shared one.
import type { z } from 'zod';
import type {
  CampaignDto,
  CriteriaSetDto,
  CriterionDto,
  EmulationRoundDto,
  ExemplarDto,
  FileDto,
  RankingsDto,
  RegistrationDto,
  ScoreLineDto,
  ScoreSheetDto,
  campaignSummaryDto,
  copyCampaignBody,
  exemplarBody,
  initiativeBody,
  initiativeDto,
  jointPledgeBody,
  jointPledgeDto,
  modelBody,
  modelDto,
  recomputeResultDto,
  recordsQuery,
  saveCriteriaSetBody,
  saveCriteriaSetResult,
  registerBody,
  registrationStatusDto,
  selfAssessBody,
  unitTargetBody,
  unitTargetDto,
  updateRoundBody,
  verificationQueueDto,
  verifyBody,
} from '../../../src/shared/schemas/emulation.schema.ts';
import type {
  PublicDisclosureDto,
  PublicLevelDto,
  balancesDto,
  contributionBody,
  createPeriodBody,
  directGiftBody,
  disbursementBody,
  entryDto,
  periodDto,
  publicPeriodDto,
  supportActivitiesQuery,
  supportActivityBody,
  supportActivityDto,
} from '../../../src/shared/schemas/fund.schema.ts';
import { api, ApiError, buildPath } from './client.ts';

export type { CampaignDto, CriteriaSetDto, CriterionDto, EmulationRoundDto, ExemplarDto, FileDto, RankingsDto, RegistrationDto, ScoreLineDto, ScoreSheetDto };
export type CampaignSummary = z.infer<typeof campaignSummaryDto>;
export type CopyCampaignInput = z.input<typeof copyCampaignBody>;
export type SaveCriteriaSetInput = z.input<typeof saveCriteriaSetBody>;
export type SaveCriteriaSetResult = z.infer<typeof saveCriteriaSetResult>;
export type UpdateRoundInput = z.input<typeof updateRoundBody>;
export type RegisterInput = z.input<typeof registerBody>;
export type RegistrationStatus = z.infer<typeof registrationStatusDto>;
export type JointPledgeInput = z.input<typeof jointPledgeBody>;
export type JointPledgeDto = z.infer<typeof jointPledgeDto>;
export type SelfAssessInput = z.input<typeof selfAssessBody>;
export type VerifyInput = z.input<typeof verifyBody>;
export type VerificationQueue = z.infer<typeof verificationQueueDto>;
export type RecomputeResult = z.infer<typeof recomputeResultDto>;
export type RecordsFilter = z.input<typeof recordsQuery>;
export type UnitTargetInput = z.input<typeof unitTargetBody>;
export type UnitTargetDto = z.infer<typeof unitTargetDto>;
export type InitiativeDto = z.infer<typeof initiativeDto>;
export type ModelDto = z.infer<typeof modelDto>;
export type InitiativeInput = z.input<typeof initiativeBody>;
export type ModelInput = z.input<typeof modelBody>;
export type ExemplarInput = z.input<typeof exemplarBody>;

export type { PublicDisclosureDto, PublicLevelDto };
export type FundPeriodDto = z.infer<typeof periodDto>;
export type FundEntryDto = z.infer<typeof entryDto>;
export type FundBalances = z.infer<typeof balancesDto>;
export type FundBalanceDto = FundBalances['balances'][number];
export type CreatePeriodInput = z.input<typeof createPeriodBody>;
export type ContributionInput = z.input<typeof contributionBody>;
export type DisbursementInput = z.input<typeof disbursementBody>;
export type DirectGiftInput = z.input<typeof directGiftBody>;
export type SupportActivityInput = z.input<typeof supportActivityBody>;
export type SupportActivityDto = z.infer<typeof supportActivityDto>;
export type SupportActivitiesFilter = z.input<typeof supportActivitiesQuery>;
export type PublicPeriodDto = z.infer<typeof publicPeriodDto>;

/** Uploads one evidence file for a registration (multipart, field "file"); the CSRF token comes from the session. */
async function uploadEvidence(registrationId: string, file: File, csrfToken: string): Promise<FileDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/emulation/registrations/${registrationId}/files`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `Không tải được tệp lên (mã ${response.status}).`);
  }
  return body as FileDto;
}

const score = (registrationId: string, code: string) => `/api/emulation/registrations/${registrationId}/scores/${encodeURIComponent(code)}`;

export const emulationApi = {
  campaigns: () => api.get<CampaignSummary[]>('/api/emulation/campaigns'),
  campaign: (id: string) => api.get<CampaignDto>(`/api/emulation/campaigns/${id}`),
  copyCampaign: (id: string, body: CopyCampaignInput) => api.post<CampaignDto>(`/api/emulation/campaigns/${id}/copy`, body),
  unitTargets: (campaignId: string) => api.get<UnitTargetDto[]>(`/api/emulation/campaigns/${campaignId}/unit-targets`),
  setUnitTarget: (campaignId: string, body: UnitTargetInput) => api.put<UnitTargetDto[]>(`/api/emulation/campaigns/${campaignId}/unit-targets`, body),
  saveCriteriaSet: (campaignId: string, participantType: CriteriaSetDto['participantType'], body: SaveCriteriaSetInput) =>
    api.put<SaveCriteriaSetResult>(`/api/emulation/campaigns/${campaignId}/criteria/${participantType}`, body),
  updateRound: (roundId: string, body: UpdateRoundInput) => api.patch<EmulationRoundDto>(`/api/emulation/rounds/${roundId}`, body),
  register: (roundId: string, body: RegisterInput) => api.post<RegistrationDto>(`/api/emulation/rounds/${roundId}/registrations`, body),
  status: (roundId: string) => api.get<RegistrationStatus>(`/api/emulation/rounds/${roundId}/registrations`),
  jointPledges: (roundId: string) => api.get<JointPledgeDto[]>(`/api/emulation/rounds/${roundId}/joint-pledges`),
  recordJointPledge: (roundId: string, body: JointPledgeInput) => api.post<JointPledgeDto>(`/api/emulation/rounds/${roundId}/joint-pledges`, body),
  uploadEvidence,
  filePath: (fileId: string) => `/api/emulation/files/${fileId}`,
  scoreSheet: (registrationId: string) => api.get<ScoreSheetDto>(`/api/emulation/registrations/${registrationId}/score-sheet`),
  scoreSheetXlsxPath: (registrationId: string) => `/api/emulation/registrations/${registrationId}/score-sheet.xlsx`,
  selfAssess: (registrationId: string, code: string, body: SelfAssessInput) => api.put<ScoreSheetDto>(`${score(registrationId, code)}/self`, body),
  verify: (registrationId: string, code: string, body: VerifyInput) => api.post<ScoreSheetDto>(`${score(registrationId, code)}/verify`, body),
  council: (registrationId: string, code: string, body: { points: number; note?: string }) => api.put<ScoreSheetDto>(`${score(registrationId, code)}/council`, body),
  adjust: (registrationId: string, code: string, body: { points: number; reason: string }) => api.post<ScoreSheetDto>(`${score(registrationId, code)}/adjust`, body),
  verificationQueue: (roundId: string) => api.get<VerificationQueue>(`/api/emulation/rounds/${roundId}/verification-queue`),
  recompute: (roundId: string) => api.post<RecomputeResult>(`/api/emulation/rounds/${roundId}/recompute`),
  publish: (roundId: string) => api.post<EmulationRoundDto>(`/api/emulation/rounds/${roundId}/publish`),
  rankings: (roundId: string) => api.get<RankingsDto>(`/api/emulation/rounds/${roundId}/rankings`),
  resultsXlsxPath: (roundId: string) => `/api/emulation/rounds/${roundId}/results.xlsx`,
  initiatives: (filter: RecordsFilter) => api.get<InitiativeDto[]>('/api/emulation/initiatives', filter),
  models: (filter: RecordsFilter) => api.get<ModelDto[]>('/api/emulation/models', filter),
  exemplars: (filter: RecordsFilter) => api.get<ExemplarDto[]>('/api/emulation/exemplars', filter),
  createInitiative: (body: InitiativeInput) => api.post<InitiativeDto>('/api/emulation/initiatives', body),
  updateInitiative: (id: string, body: InitiativeInput) => api.put<InitiativeDto>(`/api/emulation/initiatives/${id}`, body),
  deleteInitiative: (id: string) => api.delete<{ ok: true }>(`/api/emulation/initiatives/${id}`),
  createModel: (body: ModelInput) => api.post<ModelDto>('/api/emulation/models', body),
  updateModel: (id: string, body: ModelInput) => api.put<ModelDto>(`/api/emulation/models/${id}`, body),
  deleteModel: (id: string) => api.delete<{ ok: true }>(`/api/emulation/models/${id}`),
  createExemplar: (body: ExemplarInput) => api.post<ExemplarDto>('/api/emulation/exemplars', body),
  updateExemplar: (id: string, body: ExemplarInput) => api.put<ExemplarDto>(`/api/emulation/exemplars/${id}`, body),
  deleteExemplar: (id: string) => api.delete<{ ok: true }>(`/api/emulation/exemplars/${id}`),
};

const level = (unitCode: string) => `/api/fund/levels/${encodeURIComponent(unitCode)}`;

export const fundApi = {
  periods: (unitCode: string) => api.get<FundPeriodDto[]>(`${level(unitCode)}/periods`),
  createPeriod: (unitCode: string, body: CreatePeriodInput) => api.post<FundPeriodDto>(`${level(unitCode)}/periods`, body),
  addContribution: (unitCode: string, body: ContributionInput) => api.post<{ id: string; periodId: string }>(`${level(unitCode)}/contributions`, body),
  addDisbursement: (unitCode: string, body: DisbursementInput) => api.post<{ id: string; periodId: string }>(`${level(unitCode)}/disbursements`, body),
  addDirectGift: (unitCode: string, body: DirectGiftInput) => api.post<{ id: string; periodId: string }>(`${level(unitCode)}/direct-gifts`, body),
  entries: (unitCode: string, periodId?: string) => api.get<FundEntryDto[]>(`${level(unitCode)}/entries`, { periodId }),
  balances: (unitCode: string) => api.get<FundBalances>(`${level(unitCode)}/balances`),
  supportActivities: (filter: SupportActivitiesFilter) => api.get<SupportActivityDto[]>('/api/fund/support-activities', filter),
  addSupportActivity: (body: SupportActivityInput) => api.post<{ id: string }>('/api/fund/support-activities', body),
};

export const publicFundApi = {
  levels: () => api.get<PublicLevelDto[]>('/api/public/fund/levels', undefined, { quiet401: true }),
  periods: (unitCode: string) => api.get<PublicPeriodDto[]>(`/api/public/fund/levels/${encodeURIComponent(unitCode)}/periods`, undefined, { quiet401: true }),
  disclosure: (unitCode: string, periodId: string) =>
    api.get<PublicDisclosureDto>(buildPath(`/api/public/fund/levels/${encodeURIComponent(unitCode)}/periods/${periodId}`), undefined, { quiet401: true }),
};
