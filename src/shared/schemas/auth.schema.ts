import { z } from 'zod';
import { roles, permissions } from '../../domain/access/roles.ts';

export const loginBody = z.object({
  username: z.string().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const assignmentDto = z.object({
  role: z.enum(roles),
  roleLabel: z.string(),
  unitCode: z.string().nullable(),
  organisationId: z.string().nullable(),
});

export const meResponse = z.object({
  user: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
  assignments: z.array(assignmentDto),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;
