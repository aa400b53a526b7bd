import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  addNomineeBody,
  answerBody,
  batchDto,
  batchesQuery,
  batchSummaryDto,
  campaignRoundDto,
  catalogueDto,
  commentDto,
  councilBody,
  createBatchBody,
  decisionBody,
  publicCommentBody,
  publicListDto,
  publishBody,
  queueDto,
  registryDto,
  registryQuery,
  returnBody,
  revokeBody,
  saveDossierBody,
  updateNomineeBody,
} from '../../../shared/schemas/awards.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import { contentDisposition, type DocumentFile } from '../reports/reports.documents.ts';
import type { AwardDocuments } from './awards.documents.ts';
import type { AwardsService } from './awards.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Khen thưởng'];

function sendFile(reply: FastifyReply, file: DocumentFile) {
  return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file)).send(file.buffer);
}

/**
 * Routes of award nominations. Each declares the permission a role must hold at all; the service then checks scope on
 * the batch (its proposer, or its reviewer) and which level acts (the board appraises, the council votes, the province
 * decides; below the province the deciding level's officers act), refusing with 403 auth.out_of_scope.
 */
export function registerAwardsRoutes(app: App, svc: AwardsService, docs: AwardDocuments): void {
  app.get('/api/awards/catalogue', { schema: { tags, summary: 'Hình thức, danh hiệu khen thưởng: thẩm quyền, đối tượng, hồ sơ, ngưỡng biểu quyết', response: { 200: catalogueDto } }, config: { permission: 'awards.read' } }, async () => svc.catalogue());
  app.get('/api/awards/rounds', { schema: { tags, summary: 'Các đợt thi đua (sơ kết, tổng kết, hằng năm) để đề nghị khen thưởng', response: { 200: z.array(campaignRoundDto) } }, config: { permission: 'awards.read' } }, async () => svc.rounds());
  app.get('/api/awards/batches', { schema: { tags, summary: 'Hồ sơ đề nghị khen thưởng trong phạm vi của người dùng', querystring: batchesQuery, response: { 200: z.array(batchSummaryDto) } }, config: { permission: 'awards.read' } }, async (req) => svc.list(principalOf(req), req.query.roundId));
  app.post('/api/awards/batches', { schema: { tags, summary: 'Lập hồ sơ đề nghị khen thưởng của một cấp', body: createBatchBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.createBatch(principalOf(req), actorOf(req), req.body));
  app.get('/api/awards/queue', { schema: { tags, summary: 'Hồ sơ chờ thẩm định (thời hạn), đang lấy ý kiến, chờ Hội đồng họp, chờ quyết định', response: { 200: queueDto } }, config: { permission: 'awards.read' } }, async (req) => svc.queue(principalOf(req)));
  app.get('/api/awards/batches/:id', { schema: { tags, summary: 'Một hồ sơ: danh sách, điều kiện từng đối tượng, hồ sơ kèm theo, lịch sử', params: idParams, response: { 200: batchDto } }, config: { permission: 'awards.read' } }, async (req) => svc.detail(principalOf(req), req.params.id));
  app.post('/api/awards/batches/:id/nominees', { schema: { tags, summary: 'Thêm tập thể, cá nhân, hộ gia đình; dự thảo báo cáo thành tích từ số liệu', params: idParams, body: addNomineeBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.addNominee(principalOf(req), actorOf(req), req.params.id, req.body));
  app.patch('/api/awards/nominees/:id', { schema: { tags, summary: 'Sửa báo cáo thành tích, ghi đề nghị đặc cách kèm lý do', params: idParams, body: updateNomineeBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.updateNominee(principalOf(req), actorOf(req), req.params.id, req.body));
  app.delete('/api/awards/nominees/:id', { schema: { tags, summary: 'Bỏ một đối tượng khỏi danh sách đề nghị', params: idParams, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.removeNominee(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/awards/batches/:id/check', { schema: { tags, summary: 'Kiểm tra lại điều kiện của từng đối tượng từ số liệu', params: idParams, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.recheck(principalOf(req), actorOf(req), req.params.id));
  app.put('/api/awards/batches/:id/dossier', { schema: { tags, summary: 'Tờ trình và biên bản họp Hội đồng của cấp trình', params: idParams, body: saveDossierBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.saveDossier(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/awards/batches/:id/submit', { schema: { tags, summary: 'Gửi hồ sơ lên cấp trên (hồ sơ đầy đủ, đối tượng đủ điều kiện hoặc có đề nghị đặc cách)', params: idParams, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.submit(principalOf(req), actorOf(req), req.params.id));
  // The level above: a district (awards.propose) for its communes' batches, the board (awards.appraise) at the province.
  app.post('/api/awards/batches/:id/return', { schema: { tags, summary: 'Trả lại hồ sơ kèm ý kiến', params: idParams, body: returnBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.returnBatch(principalOf(req), actorOf(req), req.params.id, req.body.comment));
  app.post('/api/awards/batches/:id/approve', { schema: { tags, summary: 'Thẩm định đạt (hoặc cấp huyện tổng hợp hồ sơ của xã)', params: idParams, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.approve(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/awards/batches/:id/revoke', { schema: { tags, summary: 'Thu hồi kết quả thẩm định, ghi rõ lý do', params: idParams, body: revokeBody, response: { 200: batchDto } }, config: { permission: 'awards.propose' } }, async (req) => svc.revoke(principalOf(req), actorOf(req), req.params.id, req.body.reason));
  app.post('/api/awards/batches/:id/publish', { schema: { tags, summary: 'Công khai danh sách khen thưởng cấp Nhà nước để lấy ý kiến nhân dân', params: idParams, body: publishBody, response: { 200: batchDto } }, config: { permission: 'awards.appraise' } }, async (req) => svc.publish(principalOf(req), actorOf(req), req.params.id, req.body));
  // Council and decision: at the province awards.council / awards.decide, checked by the service with the scope.
  app.post('/api/awards/batches/:id/council', { schema: { tags, summary: 'Kết quả họp Hội đồng: thành viên có mặt, biểu quyết từng đối tượng so với ngưỡng', params: idParams, body: councilBody, response: { 200: batchDto } }, config: { permission: 'awards.read' } }, async (req) => svc.council(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/awards/batches/:id/decision', { schema: { tags, summary: 'Quyết định khen thưởng: số, ngày, người ký; ghi vào sổ khen thưởng', params: idParams, body: decisionBody, response: { 200: batchDto } }, config: { permission: 'awards.read' } }, async (req) => svc.decide(principalOf(req), actorOf(req), req.params.id, req.body));
  app.get('/api/awards/batches/:id/comments', { schema: { tags, summary: 'Ý kiến nhân dân về danh sách và trả lời của Ban', params: idParams, response: { 200: z.array(commentDto) } }, config: { permission: 'awards.read' } }, async (req) => svc.comments(principalOf(req), req.params.id));
  app.post('/api/awards/comments/:id/answer', { schema: { tags, summary: 'Ban Thi đua - Khen thưởng trả lời ý kiến', params: idParams, body: answerBody, response: { 200: z.array(commentDto) } }, config: { permission: 'awards.appraise' } }, async (req) => svc.answer(principalOf(req), actorOf(req), req.params.id, req.body.answer));
  app.get('/api/awards/registry', { schema: { tags, summary: 'Sổ khen thưởng: tìm không dấu theo tên, hình thức, đợt', querystring: registryQuery, response: { 200: registryDto } }, config: { permission: 'awards.read' } }, async (req) => svc.registry(principalOf(req), req.query));

  // Public comment (no login): names and places of the nominees only.
  app.get('/api/public/awards', { schema: { tags, summary: 'Danh sách đề nghị khen thưởng cấp Nhà nước đang lấy ý kiến nhân dân', response: { 200: publicListDto } }, config: { permission: 'public' } }, async () => svc.publicList());
  app.post('/api/public/awards/:id/comments', { schema: { tags, summary: 'Gửi ý kiến về danh sách đề nghị khen thưởng', params: idParams, body: publicCommentBody, response: { 200: z.object({ ok: z.literal(true), receivedAt: z.string() }) } }, config: { permission: 'public' } }, async (req) => svc.publicComment(req.params.id, req.body));

  // Documents.
  app.get('/api/awards/batches/:id/to-trinh.docx', { schema: { tags, summary: 'Tờ trình kèm danh sách (DOCX)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.toTrinhDocx(principalOf(req), req.params.id)));
  app.get('/api/awards/batches/:id/minutes.docx', { schema: { tags, summary: 'Biên bản họp Hội đồng của cấp trình (DOCX)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.proposerMinutesDocx(principalOf(req), req.params.id)));
  app.get('/api/awards/batches/:id/council-minutes.docx', { schema: { tags, summary: 'Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh (DOCX)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.councilMinutesDocx(principalOf(req), req.params.id)));
  app.get('/api/awards/batches/:id/decision.docx', { schema: { tags, summary: 'Quyết định khen thưởng kèm danh sách (DOCX)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.decisionDocx(principalOf(req), req.params.id)));
  app.get('/api/awards/nominees/:id/achievement-report.docx', { schema: { tags, summary: 'Báo cáo thành tích của một đối tượng (DOCX)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.achievementReportDocx(principalOf(req), req.params.id)));
  app.get('/api/awards/registry/:id/certificate.pdf', { schema: { tags, summary: 'Bằng khen, giấy khen (PDF)', params: idParams }, config: { permission: 'awards.read' } }, async (req, reply) => sendFile(reply, await docs.certificatePdf(principalOf(req), req.params.id)));
}
