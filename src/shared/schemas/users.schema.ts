import { z } from 'zod';
import { roles } from '../../domain/access/roles.ts';
import { unitCode, viText } from './common.schema.ts';

export const assignmentInput = z
  .object({ role: z.enum(roles), unitCode: unitCode.nullable().default(null), organisationId: z.uuid().nullable().default(null) })
  .refine((a) => (a.unitCode === null) !== (a.organisationId === null), {
    message: 'Mỗi vai trò phải gắn với đúng một đơn vị hành chính hoặc một cơ quan, tổ chức',
  });

export const userDto = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  active: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  assignments: z.array(z.object({ role: z.enum(roles), unitCode: z.string().nullable(), organisationId: z.string().nullable() })),
});
export type UserDto = z.infer<typeof userDto>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/u, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');

export const createUserBody = z.object({
  username,
  fullName: viText(200),
  password: z.string().min(1).max(200),
  assignments: z.array(assignmentInput).min(1, 'Người dùng cần ít nhất một vai trò'),
});
export const updateUserBody = z.object({ fullName: viText(200).optional(), active: z.boolean().optional() });
export const setAssignmentsBody = z.object({ assignments: z.array(assignmentInput).min(1) });
export const resetPasswordBody = z.object({ password: z.string().min(1).max(200) });

export const auditQuery = z.object({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const auditRowDto = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export const auditPage = z.object({ total: z.number(), rows: z.array(auditRowDto) });
