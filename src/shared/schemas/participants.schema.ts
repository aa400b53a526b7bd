import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';

export const organisationType = z.enum([
  'department',
  'fatherland_front',
  'union',
  'armed_forces',
  'bank',
  'enterprise',
  'cooperative',
  'other',
]);
export type OrganisationType = z.infer<typeof organisationType>;
export const organisationTypeLabels: Record<OrganisationType, string> = {
  department: 'Sở, ban, ngành',
  fatherland_front: 'Mặt trận Tổ quốc',
  union: 'Đoàn thể',
  armed_forces: 'Lực lượng vũ trang',
  bank: 'Ngân hàng',
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  other: 'Tổ chức khác',
};

export const organisationDto = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: organisationType,
  unitCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isDemo: z.boolean(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

export const organisationsQuery = z.object({
  asOf: isoDate.optional(),
  type: organisationType.optional(),
  q: z.string().max(100).optional(),
});

export const createOrganisationBody = z.object({
  name: viText(300),
  shortName: viText(50).optional(),
  type: organisationType,
  unitCode: unitCode,
  validFrom: isoDate,
});

export const closeOrganisationBody = z.object({ validTo: isoDate, reason: viText(500) });

export const individualRole = z.enum(['poverty_cadre', 'officer', 'other']);
export const individualRoleLabels: Record<z.infer<typeof individualRole>, string> = {
  poverty_cadre: 'Cán bộ làm công tác giảm nghèo',
  officer: 'Cán bộ, công chức',
  other: 'Khác',
};

export const individualDto = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  role: individualRole,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  unitCode: z.string().nullable(),
  isDemo: z.boolean(),
});
export const individualsQuery = z.object({ unitCode: unitCode.optional(), q: z.string().max(100).optional() });
export const createIndividualBody = z
  .object({
    fullName: viText(200),
    position: viText(200).optional(),
    role: individualRole,
    organisationId: z.uuid().optional(),
    unitCode: unitCode.optional(),
  })
  .refine((b) => Boolean(b.organisationId) !== Boolean(b.unitCode), {
    message: 'Cá nhân phải thuộc đúng một cơ quan, tổ chức hoặc một đơn vị hành chính',
  });

export const groupKind = z.enum(['cluster', 'block']);
export const groupKindLabels: Record<z.infer<typeof groupKind>, string> = { cluster: 'Cụm thi đua', block: 'Khối thi đua' };

export const groupMemberDto = z.object({
  id: z.string(),
  unitCode: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
});
export const groupDto = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: groupKind,
  name: z.string(),
  isDemo: z.boolean(),
  members: z.array(groupMemberDto),
});
export type GroupDto = z.infer<typeof groupDto>;
export const groupsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const createGroupBody = z.object({ year: z.number().int().min(2000).max(2100), kind: groupKind, name: viText(200) });
export const addMemberBody = z
  .object({ unitCode: unitCode.optional(), organisationId: z.uuid().optional() })
  .refine((b) => Boolean(b.organisationId) !== Boolean(b.unitCode), {
    message: 'Thành viên là một đơn vị hành chính hoặc một cơ quan, tổ chức',
  });
