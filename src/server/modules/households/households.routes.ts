import { z } from 'zod';
import { okBody } from '../../../shared/schemas/common.schema.ts';
import {
  escapeRegistrationBody,
  householdDetail,
  householdInput,
  householdList,
  householdListQuery,
  householdPatch,
  loanInput,
  moveHouseholdBody,
  splitHouseholdBody,
  mergeHouseholdBody,
  applicationBody,
  decideApplicationBody,
  applicationDto,
  applicationsQuery,
} from '../../../shared/schemas/households.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { HouseholdsService } from './households.service.ts';
import type { HouseholdChangesService } from './household-changes.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Hộ gia đình'];

export function registerHouseholdsRoutes(app: App, svc: HouseholdsService): void {
  app.get('/api/households', { schema: { tags, summary: 'Danh sách hộ (lọc theo đơn vị, kỳ, phân loại, biến động; tìm không dấu)', querystring: householdListQuery, response: { 200: householdList } }, config: { permission: 'households.read' } }, async (req) => svc.list(principalOf(req), req.query));
  app.get('/api/households/:id', { schema: { tags, summary: 'Hồ sơ một hộ', params: idParams, response: { 200: householdDetail } }, config: { permission: 'households.read' } }, async (req) => svc.detail(principalOf(req), req.params.id));
  app.post('/api/households', { schema: { tags, summary: 'Thêm hộ', body: householdInput, response: { 200: z.object({ id: z.string(), warnings: z.array(z.string()) }) } }, config: { permission: 'households.write' } }, async (req) => svc.create(principalOf(req), actorOf(req), req.body));
  app.patch('/api/households/:id', { schema: { tags, summary: 'Sửa thông tin hộ', params: idParams, body: householdPatch, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.update(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.post('/api/households/:id/move', { schema: { tags, summary: 'Chuyển hộ sang thôn khác', params: idParams, body: moveHouseholdBody, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.move(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.post('/api/households/:id/loans', { schema: { tags, summary: 'Ghi khoản vay Ngân hàng Chính sách xã hội', params: idParams, body: loanInput, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.addLoan(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.post('/api/households/:id/escape-registrations', { schema: { tags, summary: 'Hộ tự nguyện đăng ký thoát nghèo', params: idParams, body: escapeRegistrationBody, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.registerEscape(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
}

export function registerHouseholdChangesRoutes(app: App, svc: HouseholdChangesService): void {
  app.post('/api/households/:id/split', { schema: { tags, summary: 'Tách hộ', params: idParams, body: splitHouseholdBody, response: { 200: z.object({ id: z.string() }) } }, config: { permission: 'households.write' } }, async (req) => svc.split(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/households/:id/merge', { schema: { tags, summary: 'Nhập hộ vào hộ khác', params: idParams, body: mergeHouseholdBody, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.merge(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.post('/api/households/:id/applications', { schema: { tags, summary: 'Nhận đơn đề nghị phát sinh trong năm (hạn quyết định 7 ngày làm việc)', params: idParams, body: applicationBody, response: { 200: z.object({ id: z.string(), deadlineOn: z.string() }) } }, config: { permission: 'households.write' } }, async (req) => svc.apply(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/applications/:id/decision', { schema: { tags, summary: 'Quyết định về đơn đề nghị', params: idParams, body: decideApplicationBody, response: { 200: okBody } }, config: { permission: 'households.write' } }, async (req) => {
    await svc.decide(principalOf(req), actorOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.get('/api/applications', { schema: { tags, summary: 'Đơn đề nghị phát sinh, hạn xử lý', querystring: applicationsQuery, response: { 200: z.array(applicationDto) } }, config: { permission: 'households.read' } }, async (req) => svc.listApplications(principalOf(req), req.query));
}
