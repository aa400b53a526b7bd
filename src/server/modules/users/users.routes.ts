import { z } from 'zod';
import { okBody } from '../../../shared/schemas/common.schema.ts';
import { createUserBody, resetPasswordBody, setAssignmentsBody, updateUserBody, userDto } from '../../../shared/schemas/users.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { UsersService } from './users.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Người dùng'];

export function registerUsersRoutes(app: App, svc: UsersService): void {
  app.get('/api/users', { schema: { tags, summary: 'Danh sách người dùng', response: { 200: z.array(userDto) } }, config: { permission: 'users.read' } }, async (req) => svc.list(principalOf(req)));
  app.post('/api/users', { schema: { tags, summary: 'Tạo người dùng', body: createUserBody, response: { 200: userDto } }, config: { permission: 'users.write' } }, async (req) => svc.createByAdmin(principalOf(req), actorOf(req), req.body));
  app.patch('/api/users/:id', { schema: { tags, summary: 'Sửa, khoá, mở khoá người dùng', params: idParams, body: updateUserBody, response: { 200: userDto } }, config: { permission: 'users.write' } }, async (req) => svc.update(principalOf(req), actorOf(req), req.params.id, req.body));
  app.put('/api/users/:id/assignments', { schema: { tags, summary: 'Phân vai trò và phạm vi', params: idParams, body: setAssignmentsBody, response: { 200: userDto } }, config: { permission: 'users.write' } }, async (req) => svc.setAssignments(principalOf(req), actorOf(req), req.params.id, req.body.assignments));
  app.post('/api/users/:id/password', { schema: { tags, summary: 'Đặt lại mật khẩu', params: idParams, body: resetPasswordBody, response: { 200: okBody } }, config: { permission: 'users.write' } }, async (req) => {
    await svc.resetPassword(principalOf(req), actorOf(req), req.params.id, req.body.password);
    return { ok: true as const };
  });
}
