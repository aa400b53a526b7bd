// Typed calls for every API route the web client uses. Types come from the shared zod schemas (the server validates
// with the same schemas), so the client never keeps a second model of the data.
import type { z } from 'zod';
import type { MeResponse, loginBody, passwordBody } from '../../../src/shared/schemas/auth.schema.ts';
import type {
  TreeResponse,
  UnitDetailResponse,
  UnitVersionDto,
  createVillageBody,
} from '../../../src/shared/schemas/units.schema.ts';
import type {
  GroupDto,
  OrganisationDto,
  addMemberBody,
  closeOrganisationBody,
  createGroupBody,
  createIndividualBody,
  createOrganisationBody,
  groupMemberDto,
  individualDto,
  organisationsQuery,
} from '../../../src/shared/schemas/participants.schema.ts';
import type {
  UserDto,
  auditPage,
  auditQuery,
  createUserBody,
  resetPasswordBody,
  setAssignmentsBody,
  updateUserBody,
} from '../../../src/shared/schemas/users.schema.ts';
import type {
  AssessmentDto,
  HouseholdDetail,
  applicationBody,
  applicationDto,
  applicationsQuery,
  assessmentInput,
  decideApplicationBody,
  escapeRegistrationBody,
  householdInput,
  householdList,
  householdListQuery,
  householdPatch,
  loanInput,
  mergeHouseholdBody,
  moveHouseholdBody,
  splitHouseholdBody,
} from '../../../src/shared/schemas/households.schema.ts';
import type {
  CommuneRoundDto,
  FiguresDto,
  RoundCommuneStateDto,
  RoundDto,
  createRoundBody,
  exportListQuery,
  freezeRoundBody,
  roundActionBody,
} from '../../../src/shared/schemas/rounds.schema.ts';
import type {
  AfResponse,
  AttainmentResponse,
  CompareResponse,
  GeoLayerName,
  OnUnitsResponse,
  PublicCommunesResponse,
  TrendResponse,
  UnitFiguresResponse,
  afQuery,
  attainmentQuery,
  compareQuery,
  onUnitsQuery,
  trendQuery,
} from '../../../src/shared/schemas/stats.schema.ts';
import type { importJobDto } from '../../../src/server/modules/imports/imports.routes.ts';
import type {
  ApproveManyDto,
  ConsolidationDto,
  InboxDto,
  RequestDetailDto,
  RequestDto,
  RequestTimelinessDto,
  SubmissionDto,
  SubmissionSummaryDto,
  TemplateDto,
  createRequestBody,
  createTemplateBody,
  revokeBody,
  saveConsolidationBody,
  saveContentBody,
} from '../../../src/shared/schemas/reports.schema.ts';
import { api, ApiError, buildPath, type Query } from './client.ts';

export type {
  MeResponse,
  TreeResponse,
  UnitDetailResponse,
  UnitVersionDto,
  GroupDto,
  OrganisationDto,
  UserDto,
};
export type TreeNode = TreeResponse['nodes'][number];
export type IndividualDto = z.infer<typeof individualDto>;
export type GroupMemberDto = z.infer<typeof groupMemberDto>;
export type AuditPage = z.infer<typeof auditPage>;
export type AuditRow = AuditPage['rows'][number];
/** limit and offset are coerced from the query string on the server; the client sends numbers. */
export type AuditFilter = Omit<Partial<z.input<typeof auditQuery>>, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
};
export type OrganisationsFilter = z.input<typeof organisationsQuery>;
export type CreateVillageInput = z.input<typeof createVillageBody>;
export type CreateOrganisationInput = z.input<typeof createOrganisationBody>;
export type CloseOrganisationInput = z.input<typeof closeOrganisationBody>;
export type CreateIndividualInput = z.input<typeof createIndividualBody>;
export type CreateGroupInput = z.input<typeof createGroupBody>;
export type AddMemberInput = z.input<typeof addMemberBody>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type AssignmentInput = z.input<typeof setAssignmentsBody>['assignments'][number];

export const authApi = {
  me: () => api.get<MeResponse>('/api/auth/me', undefined, { quiet401: true }),
  login: (body: z.input<typeof loginBody>) =>
    api.post<MeResponse>('/api/auth/login', body, { quiet401: true }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (body: z.input<typeof passwordBody>) => api.post<{ ok: true }>('/api/auth/password', body),
};

export const unitsApi = {
  tree: (asOf: string, q?: string) => api.get<TreeResponse>('/api/units/tree', { asOf, q }),
  detail: (code: string, asOf: string) =>
    api.get<UnitDetailResponse>(`/api/units/${encodeURIComponent(code)}`, { asOf }),
  createVillage: (body: CreateVillageInput) => api.post<UnitVersionDto>('/api/units/villages', body),
};

export const participantsApi = {
  organisations: (filter: OrganisationsFilter) => api.get<OrganisationDto[]>('/api/organisations', filter),
  createOrganisation: (body: CreateOrganisationInput) =>
    api.post<OrganisationDto>('/api/organisations', body),
  closeOrganisation: (id: string, body: CloseOrganisationInput) =>
    api.post<OrganisationDto>(`/api/organisations/${id}/close`, body),
  individuals: (filter: { unitCode?: string; q?: string }) =>
    api.get<IndividualDto[]>('/api/individuals', filter),
  createIndividual: (body: CreateIndividualInput) => api.post<IndividualDto>('/api/individuals', body),
  groups: (year?: number) => api.get<GroupDto[]>('/api/emulation-groups', { year }),
  createGroup: (body: CreateGroupInput) => api.post<GroupDto>('/api/emulation-groups', body),
  addMember: (groupId: string, body: AddMemberInput) =>
    api.post<Omit<GroupMemberDto, 'name'>>(`/api/emulation-groups/${groupId}/members`, body),
  removeMember: (groupId: string, memberId: string) =>
    api.delete<{ ok: true }>(`/api/emulation-groups/${groupId}/members/${memberId}`),
};

export const usersApi = {
  list: () => api.get<UserDto[]>('/api/users'),
  create: (body: CreateUserInput) => api.post<UserDto>('/api/users', body),
  update: (id: string, body: UpdateUserInput) => api.patch<UserDto>(`/api/users/${id}`, body),
  setAssignments: (id: string, assignments: AssignmentInput[]) =>
    api.put<UserDto>(`/api/users/${id}/assignments`, { assignments }),
  resetPassword: (id: string, body: z.input<typeof resetPasswordBody>) =>
    api.post<{ ok: true }>(`/api/users/${id}/password`, body),
};

export const auditApi = {
  list: (filter: AuditFilter) => api.get<AuditPage>('/api/audit', filter),
};

// ---------------------------------------------------------------- poverty registry, review rounds, import, statistics

export type { AssessmentDto, HouseholdDetail, CommuneRoundDto, FiguresDto, RoundCommuneStateDto, RoundDto };
export type {
  AfResponse,
  AttainmentResponse,
  CompareResponse,
  GeoLayerName,
  OnUnitsResponse,
  PublicCommunesResponse,
  TrendResponse,
  UnitFiguresResponse,
};
export type HouseholdList = z.infer<typeof householdList>;
export type HouseholdListItem = HouseholdList['rows'][number];
/** The list's query as the client sends it (numbers, not the strings the server coerces). */
export type HouseholdFilter = Omit<Partial<z.input<typeof householdListQuery>>, 'limit' | 'offset' | 'roundYear'> & {
  roundYear?: number;
  limit?: number;
  offset?: number;
};
export type HouseholdInput = z.input<typeof householdInput>;
export type MemberInput = HouseholdInput['members'][number];
export type HouseholdPatch = z.input<typeof householdPatch>;
export type LoanInput = z.input<typeof loanInput>;
export type MoveInput = z.input<typeof moveHouseholdBody>;
export type SplitInput = z.input<typeof splitHouseholdBody>;
export type MergeInput = z.input<typeof mergeHouseholdBody>;
export type EscapeRegistrationInput = z.input<typeof escapeRegistrationBody>;
export type ApplicationInput = z.input<typeof applicationBody>;
export type ApplicationDto = z.infer<typeof applicationDto>;
export type ApplicationsFilter = Omit<z.input<typeof applicationsQuery>, 'open'> & { open?: boolean };
export type DecisionInput = z.input<typeof decideApplicationBody>;
export type AssessmentInput = z.input<typeof assessmentInput>;
export type AssessmentResult = {
  mode: 'direct' | 'amendment';
  category: string;
  reason: string;
  revision: number;
  transition: string;
};
export type RoundAction = z.input<typeof roundActionBody>;
export type CreateRoundInput = z.input<typeof createRoundBody>;
export type FreezeInput = z.input<typeof freezeRoundBody>;
export type RoundListName = z.infer<typeof exportListQuery>['list'];
export type ImportJob = z.infer<typeof importJobDto>;
export type TrendFilter = Omit<z.input<typeof trendQuery>, 'from' | 'to'> & { from?: number; to?: number };
export type AttainmentFilter = Omit<z.input<typeof attainmentQuery>, 'year'> & { year: number };
export type OnUnitsFilter = Omit<z.input<typeof onUnitsQuery>, 'year'> & { year: number };
export type AfFilter = Omit<z.input<typeof afQuery>, 'year' | 'k' | 'weights'> & { year: number; k?: number; weights?: string };
export type CompareFilter = Omit<z.input<typeof compareQuery>, 'yearA' | 'yearB'> & { yearA: number; yearB: number };
/** A GeoJSON FeatureCollection as the public map layers send it (only what the map reads). */
export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string } & Record<string, unknown>; geometry: unknown }[];
}

export const householdsApi = {
  list: (filter: HouseholdFilter) => api.get<HouseholdList>('/api/households', filter),
  detail: (id: string) => api.get<HouseholdDetail>(`/api/households/${id}`),
  create: (body: HouseholdInput) => api.post<{ id: string; warnings: string[] }>('/api/households', body),
  update: (id: string, body: HouseholdPatch) => api.patch<{ ok: true }>(`/api/households/${id}`, body),
  move: (id: string, body: MoveInput) => api.post<{ ok: true }>(`/api/households/${id}/move`, body),
  split: (id: string, body: SplitInput) => api.post<{ id: string }>(`/api/households/${id}/split`, body),
  merge: (id: string, body: MergeInput) => api.post<{ ok: true }>(`/api/households/${id}/merge`, body),
  addLoan: (id: string, body: LoanInput) => api.post<{ ok: true }>(`/api/households/${id}/loans`, body),
  registerEscape: (id: string, body: EscapeRegistrationInput) =>
    api.post<{ ok: true }>(`/api/households/${id}/escape-registrations`, body),
  apply: (id: string, body: ApplicationInput) =>
    api.post<{ id: string; deadlineOn: string }>(`/api/households/${id}/applications`, body),
  applications: (filter: ApplicationsFilter) => api.get<ApplicationDto[]>('/api/applications', filter),
  decide: (applicationId: string, body: DecisionInput) =>
    api.post<{ ok: true }>(`/api/applications/${applicationId}/decision`, body),
};

export const roundsApi = {
  list: () => api.get<RoundDto[]>('/api/rounds'),
  open: (body: CreateRoundInput) => api.post<RoundDto>('/api/rounds', body),
  freeze: (roundId: string, body: FreezeInput) => api.post<RoundDto>(`/api/rounds/${roundId}/freeze`, body),
  communes: (roundId: string) => api.get<RoundCommuneStateDto[]>(`/api/rounds/${roundId}/communes`),
  commune: (roundId: string, code: string) =>
    api.get<CommuneRoundDto>(`/api/rounds/${roundId}/communes/${encodeURIComponent(code)}`),
  act: (roundId: string, code: string, action: RoundAction) =>
    api.post<CommuneRoundDto>(`/api/rounds/${roundId}/communes/${encodeURIComponent(code)}/actions`, action),
  figures: (roundId: string, unitCode?: string) =>
    api.get<FiguresDto & { unitCode: string; unitName: string }>(`/api/rounds/${roundId}/figures`, { unitCode }),
  assess: (roundId: string, householdId: string, body: AssessmentInput) =>
    api.put<AssessmentResult>(`/api/rounds/${roundId}/households/${householdId}/assessment`, body),
  exportPath: (roundId: string, unitCode: string, list: RoundListName) =>
    buildPath(`/api/rounds/${roundId}/export`, { unitCode, list }),
};

/**
 * Uploads a workbook as multipart: the round year goes FIRST (the server reads it before streaming the file), then
 * the file. The CSRF token comes from the session (the JSON client keeps its own copy private).
 */
async function uploadWorkbook(roundYear: number, file: File, csrfToken: string): Promise<ImportJob> {
  const form = new FormData();
  form.append('roundYear', String(roundYear));
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/imports', {
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
    throw new ApiError(
      response.status,
      error?.code ?? 'http',
      error?.message ?? `Máy chủ trả lời lỗi (mã ${response.status}). Vui lòng thử lại sau.`,
    );
  }
  return body as ImportJob;
}

export const importsApi = {
  templatePath: '/api/imports/template',
  upload: uploadWorkbook,
  job: (id: string) => api.get<ImportJob>(`/api/imports/${id}`),
  commit: (id: string) => api.post<ImportJob>(`/api/imports/${id}/commit`),
  discard: (id: string) => api.post<{ ok: true }>(`/api/imports/${id}/discard`),
};

/** Every statistics view has an /export twin answering the same query with an XLSX workbook. */
function exportOf(path: string, query: Query): string {
  return buildPath(`${path}/export`, query);
}

export const statsApi = {
  unit: (year: number, code: string) =>
    api.get<UnitFiguresResponse>(`/api/stats/rounds/${year}/units/${encodeURIComponent(code)}`),
  unitExportPath: (year: number, code: string) =>
    exportOf(`/api/stats/rounds/${year}/units/${encodeURIComponent(code)}`, {}),
  trend: (filter: TrendFilter) => api.get<TrendResponse>('/api/stats/trend', filter),
  trendExportPath: (filter: TrendFilter) => exportOf('/api/stats/trend', filter),
  attainment: (filter: AttainmentFilter) => api.get<AttainmentResponse>('/api/stats/attainment', filter),
  attainmentExportPath: (filter: AttainmentFilter) => exportOf('/api/stats/attainment', filter),
  onUnits: (filter: OnUnitsFilter) => api.get<OnUnitsResponse>('/api/stats/on-units', filter),
  onUnitsExportPath: (filter: OnUnitsFilter) => exportOf('/api/stats/on-units', filter),
  af: (filter: AfFilter) => api.get<AfResponse>('/api/stats/af', filter),
  afExportPath: (filter: AfFilter) => exportOf('/api/stats/af', filter),
  compare: (filter: CompareFilter) => api.get<CompareResponse>('/api/stats/compare', filter),
  compareExportPath: (filter: CompareFilter) => exportOf('/api/stats/compare', filter),
};

export const publicApi = {
  /** Without a year, the latest round the province has approved. */
  communes: (year?: number) =>
    api.get<PublicCommunesResponse>('/api/public/communes', { year }, { quiet401: true }),
  communesExportPath: (year: number) => exportOf('/api/public/communes', { year }),
  geo: (layer: GeoLayerName) => api.get<GeoFeatureCollection>(`/api/public/geo/${layer}`, undefined, { quiet401: true }),
};

// ---------------------------------------------------------------- reports up the hierarchy

export type {
  ApproveManyDto,
  ConsolidationDto,
  InboxDto,
  RequestDetailDto,
  RequestDto,
  RequestTimelinessDto,
  SubmissionDto,
  SubmissionSummaryDto,
  TemplateDto,
};
export type CreateRequestInput = z.input<typeof createRequestBody>;
export type CreateTemplateInput = z.input<typeof createTemplateBody>;
export type SaveContentInput = z.input<typeof saveContentBody>;
export type SaveConsolidationInput = z.input<typeof saveConsolidationBody>;
export type RevokeInput = z.input<typeof revokeBody>;
/** The documents of a request's consolidation, as the server names its routes. */
export type ConsolidationFormat = 'docx' | 'pdf' | 'xlsx';

export const reportsApi = {
  templates: () => api.get<TemplateDto[]>('/api/reports/templates'),
  createTemplate: (body: CreateTemplateInput) => api.post<TemplateDto>('/api/reports/templates', body),
  requests: (year?: number) => api.get<RequestDto[]>('/api/reports/requests', { year }),
  overview: (year?: number) => api.get<RequestDto[]>('/api/reports/overview', { year }),
  createRequest: (body: CreateRequestInput) => api.post<RequestDto>('/api/reports/requests', body),
  request: (id: string) => api.get<RequestDetailDto>(`/api/reports/requests/${id}`),
  timeliness: (id: string) => api.get<RequestTimelinessDto>(`/api/reports/requests/${id}/timeliness`),
  inbox: (year?: number) => api.get<InboxDto>('/api/reports/inbox', { year }),
  submission: (id: string) => api.get<SubmissionDto>(`/api/reports/submissions/${id}`),
  saveContent: (id: string, body: SaveContentInput) => api.put<SubmissionDto>(`/api/reports/submissions/${id}/content`, body),
  submit: (id: string) => api.post<SubmissionDto>(`/api/reports/submissions/${id}/submit`),
  returnSubmission: (id: string, comment: string) => api.post<SubmissionDto>(`/api/reports/submissions/${id}/return`, { comment }),
  approve: (id: string) => api.post<SubmissionDto>(`/api/reports/submissions/${id}/approve`),
  revoke: (id: string, body: RevokeInput) => api.post<SubmissionDto>(`/api/reports/submissions/${id}/revoke`, body),
  approveMany: (requestId: string, submissionIds: string[]) =>
    api.post<ApproveManyDto>(`/api/reports/requests/${requestId}/approve-many`, { submissionIds }),
  consolidation: (id: string) => api.get<ConsolidationDto>(`/api/reports/requests/${id}/consolidation`),
  saveConsolidation: (id: string, body: SaveConsolidationInput) =>
    api.put<ConsolidationDto>(`/api/reports/requests/${id}/consolidation`, body),
  consolidationPath: (id: string, format: ConsolidationFormat) => `/api/reports/requests/${id}/consolidation.${format}`,
  toTrinhPath: (id: string) => `/api/reports/requests/${id}/to-trinh.docx`,
  submissionDocxPath: (id: string) => `/api/reports/submissions/${id}/report.docx`,
  submissionXlsxPath: (id: string) => `/api/reports/submissions/${id}/tables.xlsx`,
};

// ---------------------------------------------------------------- award nominations (issue 7)
export type {
  BatchDto,
  BatchSummaryDto,
  CampaignRoundDto,
  CatalogueDto,
  CommentDto,
  NomineeDto,
  PublicListDto,
  QueueDto,
  RegistryDto,
  RegistryRowDto,
} from '../../../src/shared/schemas/awards.schema.ts';
import type * as awards from '../../../src/shared/schemas/awards.schema.ts';
export type CreateBatchInput = z.input<typeof awards.createBatchBody>;
export type AddNomineeInput = z.input<typeof awards.addNomineeBody>;
export type UpdateNomineeInput = z.input<typeof awards.updateNomineeBody>;
export type SaveDossierInput = z.input<typeof awards.saveDossierBody>;
export type MeetingInputDto = z.input<typeof awards.meetingInput>;
export type DecisionInputDto = z.input<typeof awards.decisionBody>;
export type PublicCommentInput = z.input<typeof awards.publicCommentBody>;
export type RegistryFilter = Omit<Partial<z.input<typeof awards.registryQuery>>, 'limit' | 'offset'> & { limit?: number; offset?: number };

export const awardsApi = {
  catalogue: () => api.get<awards.CatalogueDto>('/api/awards/catalogue'),
  rounds: () => api.get<awards.CampaignRoundDto[]>('/api/awards/rounds'),
  batches: (roundId?: string) => api.get<awards.BatchSummaryDto[]>('/api/awards/batches', { roundId }),
  create: (body: CreateBatchInput) => api.post<awards.BatchDto>('/api/awards/batches', body),
  queue: () => api.get<awards.QueueDto>('/api/awards/queue'),
  batch: (id: string) => api.get<awards.BatchDto>(`/api/awards/batches/${id}`),
  addNominee: (id: string, body: AddNomineeInput) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/nominees`, body),
  updateNominee: (id: string, body: UpdateNomineeInput) => api.patch<awards.BatchDto>(`/api/awards/nominees/${id}`, body),
  removeNominee: (id: string) => api.delete<awards.BatchDto>(`/api/awards/nominees/${id}`),
  recheck: (id: string) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/check`),
  saveDossier: (id: string, body: SaveDossierInput) => api.put<awards.BatchDto>(`/api/awards/batches/${id}/dossier`, body),
  submit: (id: string) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/submit`),
  returnBatch: (id: string, comment: string) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/return`, { comment }),
  approve: (id: string) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/approve`),
  revoke: (id: string, reason: string) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/revoke`, { reason }),
  publish: (id: string, body: { publishedOn?: string; workingDays?: number }) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/publish`, body),
  council: (id: string, body: MeetingInputDto) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/council`, body),
  decide: (id: string, body: DecisionInputDto) => api.post<awards.BatchDto>(`/api/awards/batches/${id}/decision`, body),
  comments: (id: string) => api.get<awards.CommentDto[]>(`/api/awards/batches/${id}/comments`),
  answer: (commentId: string, answer: string) => api.post<awards.CommentDto[]>(`/api/awards/comments/${commentId}/answer`, { answer }),
  registry: (filter: RegistryFilter) => api.get<awards.RegistryDto>('/api/awards/registry', filter),
  publicList: () => api.get<awards.PublicListDto>('/api/public/awards'),
  publicComment: (batchId: string, body: PublicCommentInput) => api.post<{ ok: true; receivedAt: string }>(`/api/public/awards/${batchId}/comments`, body),
};
