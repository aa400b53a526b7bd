import { z } from 'zod';
import { assessmentInput, categoryLabels } from '../../../shared/schemas/households.schema.ts';
import {
  communeRoundDto,
  communeRoundParams,
  createRoundBody,
  exportListQuery,
  figuresDto,
  freezeRoundBody,
  roundActionBody,
  roundCommuneStateDto,
  roundDto,
  roundFiguresQuery,
} from '../../../shared/schemas/rounds.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { RoundsService } from './rounds.service.ts';
import type { RoundListExporter } from './rounds.export.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Kỳ rà soát'];

export function registerRoundsRoutes(app: App, svc: RoundsService, exporter: RoundListExporter): void {
  app.get('/api/rounds', { schema: { tags, summary: 'Các kỳ rà soát', response: { 200: z.array(roundDto) } }, config: { permission: 'rounds.read' } }, async () => svc.list());
  app.post('/api/rounds', { schema: { tags, summary: 'Mở kỳ rà soát mới', body: createRoundBody, response: { 200: roundDto } }, config: { permission: 'rounds.approve' } }, async (req) => svc.open(principalOf(req), actorOf(req), req.body.year, req.body.openedOn));
  app.get('/api/rounds/:id/figures', { schema: { tags, summary: 'Số liệu của một đơn vị trong kỳ', params: idParams, querystring: roundFiguresQuery, response: { 200: figuresDto.extend({ unitCode: z.string(), unitName: z.string() }) } }, config: { permission: 'rounds.read' } }, async (req) => svc.figures(principalOf(req), req.params.id, req.query.unitCode));
  app.post('/api/rounds/:id/freeze', { schema: { tags, summary: 'Quyết định phê duyệt kết quả toàn tỉnh, khoá sổ', params: idParams, body: freezeRoundBody, response: { 200: roundDto } }, config: { permission: 'rounds.approve' } }, async (req) => svc.freeze(principalOf(req), actorOf(req), req.params.id, req.body.decisionNumber, req.body.decisionDate));
  // Only the communes in the caller's scope on the round's date are listed (filtered by the service).
  app.get('/api/rounds/:id/communes', { schema: { tags, summary: 'Tình trạng rà soát của các xã trong phạm vi', params: idParams, response: { 200: z.array(roundCommuneStateDto) } }, config: { permission: 'rounds.read' } }, async (req) => svc.communes(principalOf(req), req.params.id));
  app.get('/api/rounds/:id/communes/:code', { schema: { tags, summary: 'Tiến độ rà soát của một xã', params: communeRoundParams, response: { 200: communeRoundDto } }, config: { permission: 'rounds.read' } }, async (req) => svc.communeRound(principalOf(req), req.params.id, req.params.code));
  // The step's own permission (commune, district or province) is checked by the service against the commune's scope.
  app.post('/api/rounds/:id/communes/:code/actions', { schema: { tags, summary: 'Thực hiện một bước của quy trình rà soát', params: communeRoundParams, body: roundActionBody, response: { 200: communeRoundDto } }, config: { permission: 'rounds.read' } }, async (req) => svc.act(principalOf(req), actorOf(req), req.params.id, req.params.code, req.body));
  app.put('/api/rounds/:id/households/:householdId/assessment', { schema: { tags, summary: 'Ghi hoặc đính chính kết quả rà soát của một hộ', params: z.object({ id: z.uuid(), householdId: z.uuid() }), body: assessmentInput, response: { 200: z.object({ mode: z.enum(['direct', 'amendment']), category: z.string(), reason: z.string(), revision: z.number(), transition: z.string() }) } }, config: { permission: 'households.write' } }, async (req) => {
    const result = await svc.assess(principalOf(req), actorOf(req), req.params.id, req.params.householdId, req.body);
    return { ...result, mode: result.mode === 'amendment' ? ('amendment' as const) : ('direct' as const) };
  });
  app.get('/api/rounds/:id/export', { schema: { tags, summary: `Xuất danh sách (${Object.values(categoryLabels).slice(0, 2).join(', ')}, thoát nghèo, phát sinh, tái nghèo) ra Excel`, params: idParams, querystring: exportListQuery }, config: { permission: 'households.read' } }, async (req, reply) => {
    const file = await exporter.export(principalOf(req), req.params.id, req.query.unitCode, req.query.list);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.buffer);
  });
}
