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
import { api } from './client.ts';

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
