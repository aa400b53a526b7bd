import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  approveManyBody,
  approveManyDto,
  consolidationDto,
  createRequestBody,
  createTemplateBody,
  inboxDto,
  inboxQuery,
  requestDetailDto,
  requestDto,
  requestsQuery,
  requestTimelinessDto,
  returnBody,
  revokeBody,
  roundMeetingQuery,
  saveConsolidationBody,
  saveContentBody,
  submissionDto,
  templateDto,
  timelinessForQuery,
  timelinessRowDto,
} from '../../../shared/schemas/reports.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition, createReportDocuments, type DocumentFile, type ReportDocuments } from './reports.documents.ts';
import { createReportsService, type ReportsDeps, type ReportsService } from './reports.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Báo cáo'];

function sendFile(reply: FastifyReply, file: DocumentFile) {
  return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file)).send(file.buffer);
}

/**
 * Routes of the reports module. Each declares the permission a role must hold at all; the service then checks the
 * caller's scope on the report's recipient (or its reviewer unit, or the issuing province) and refuses outside it
 * with 403 auth.out_of_scope.
 */
export function registerReportsRoutes(app: App, svc: ReportsService, docs: ReportDocuments): void {
  // Templates and requests (the board, reports.manage at the province).
  app.get('/api/reports/templates', { schema: { tags, summary: 'Các mẫu báo cáo', response: { 200: z.array(templateDto) } }, config: { permission: 'reports.read' } }, async () => svc.listTemplates());
  app.post('/api/reports/templates', { schema: { tags, summary: 'Tạo mẫu báo cáo', body: createTemplateBody, response: { 200: templateDto } }, config: { permission: 'reports.manage' } }, async (req) => svc.createTemplate(principalOf(req), actorOf(req), req.body));
  app.post('/api/reports/requests', { schema: { tags, summary: 'Ban hành yêu cầu báo cáo gửi các đơn vị', body: createRequestBody, response: { 200: requestDto } }, config: { permission: 'reports.manage' } }, async (req) => svc.createRequest(principalOf(req), actorOf(req), req.body));
  app.get('/api/reports/requests', { schema: { tags, summary: 'Các yêu cầu báo cáo có đơn vị trong phạm vi của người dùng', querystring: requestsQuery, response: { 200: z.array(requestDto) } }, config: { permission: 'reports.read' } }, async (req) => svc.listRequests(principalOf(req), req.query.year));
  app.get('/api/reports/overview', { schema: { tags, summary: 'Tổng quan của Ban: số báo cáo theo trạng thái và thời hạn của từng yêu cầu', querystring: requestsQuery, response: { 200: z.array(requestDto) } }, config: { permission: 'reports.read' } }, async (req) => svc.overview(principalOf(req), req.query.year));
  app.get('/api/reports/requests/:id', { schema: { tags, summary: 'Một yêu cầu báo cáo và cây phê duyệt', params: idParams, response: { 200: requestDetailDto } }, config: { permission: 'reports.read' } }, async (req) => svc.requestDetail(principalOf(req), req.params.id));
  app.get('/api/reports/requests/:id/timeliness', { schema: { tags, summary: 'Đúng hạn, chậm, không gửi: từng đơn vị của một yêu cầu', params: idParams, response: { 200: requestTimelinessDto } }, config: { permission: 'reports.read' } }, async (req) => svc.requestTimeliness(principalOf(req), req.params.id));
  app.get('/api/reports/timeliness', { schema: { tags, summary: 'Thời hạn gửi báo cáo của một đơn vị trong năm (tiêu chí 2.2, 3.2)', querystring: timelinessForQuery, response: { 200: z.object({ year: z.number(), counts: z.record(z.string(), z.number()), rows: z.array(timelinessRowDto) }) } }, config: { permission: 'reports.read' } }, async (req) => {
    const { unitCode, organisationId, year } = req.query;
    if ((unitCode ? 1 : 0) + (organisationId ? 1 : 0) !== 1) throw new AppError('reports.invalid', 'Cần chọn đúng một đơn vị hoặc một cơ quan, tổ chức.');
    const result = await svc.recipientTimeliness(principalOf(req), unitCode ? { unitCode } : { organisationId: organisationId as string }, year);
    return { year: result.year, counts: result.counts, rows: result.rows };
  });
  app.get('/api/reports/inbox', { schema: { tags, summary: 'Hộp báo cáo: báo cáo phải gửi (hạn, số ngày còn lại, nhắc hạn, quá hạn) và báo cáo chờ phê duyệt', querystring: inboxQuery, response: { 200: inboxDto } }, config: { permission: 'reports.read' } }, async (req) => svc.inbox(principalOf(req), req.query.year));

  // One report through the approval engine.
  app.get('/api/reports/submissions/:id', { schema: { tags, summary: 'Một báo cáo: số liệu điền sẵn và nguồn, nội dung, lịch sử, báo cáo cấp dưới', params: idParams, response: { 200: submissionDto } }, config: { permission: 'reports.read' } }, async (req) => svc.submission(principalOf(req), req.params.id));
  app.put('/api/reports/submissions/:id/content', { schema: { tags, summary: 'Lưu phần viết và các bảng của báo cáo', params: idParams, body: saveContentBody, response: { 200: submissionDto } }, config: { permission: 'reports.submit' } }, async (req) => svc.saveContent(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/reports/submissions/:id/submit', { schema: { tags, summary: 'Gửi báo cáo lên cấp trên', params: idParams, response: { 200: submissionDto } }, config: { permission: 'reports.submit' } }, async (req) => svc.submit(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/reports/submissions/:id/return', { schema: { tags, summary: 'Trả lại báo cáo kèm ý kiến', params: idParams, body: returnBody, response: { 200: submissionDto } }, config: { permission: 'reports.approve' } }, async (req) => svc.returnSubmission(principalOf(req), actorOf(req), req.params.id, req.body.comment));
  app.post('/api/reports/submissions/:id/approve', { schema: { tags, summary: 'Phê duyệt báo cáo (khoá số liệu)', params: idParams, response: { 200: submissionDto } }, config: { permission: 'reports.approve' } }, async (req) => svc.approve(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/reports/submissions/:id/revoke', { schema: { tags, summary: 'Thu hồi phê duyệt, ghi rõ lý do', params: idParams, body: revokeBody, response: { 200: submissionDto } }, config: { permission: 'reports.approve' } }, async (req) => svc.revoke(principalOf(req), actorOf(req), req.params.id, req.body.reason, req.body.reopenTo));
  app.post('/api/reports/requests/:id/approve-many', { schema: { tags, summary: 'Phê duyệt nhiều báo cáo một lần; kết quả từng báo cáo', params: idParams, body: approveManyBody, response: { 200: approveManyDto } }, config: { permission: 'reports.approve' } }, async (req) => svc.approveMany(principalOf(req), actorOf(req), req.params.id, req.body.submissionIds));

  // The board's consolidation.
  app.get('/api/reports/requests/:id/consolidation', { schema: { tags, summary: 'Báo cáo tổng hợp từ số liệu đã phê duyệt, kèm dự thảo nội dung', params: idParams, response: { 200: consolidationDto } }, config: { permission: 'reports.read' } }, async (req) => svc.consolidation(principalOf(req), req.params.id));
  app.put('/api/reports/requests/:id/consolidation', { schema: { tags, summary: 'Lưu nội dung đã biên tập và thông tin văn bản của báo cáo tổng hợp', params: idParams, body: saveConsolidationBody, response: { 200: consolidationDto } }, config: { permission: 'reports.manage' } }, async (req) => svc.saveConsolidation(principalOf(req), actorOf(req), req.params.id, req.body));

  // Documents.
  app.get('/api/reports/requests/:id/consolidation.docx', { schema: { tags, summary: 'Báo cáo tổng hợp (DOCX, thể thức Nghị định 30/2020)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.consolidationDocx(principalOf(req), req.params.id)));
  app.get('/api/reports/requests/:id/consolidation.pdf', { schema: { tags, summary: 'Báo cáo tổng hợp để công bố (PDF)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.consolidationPdf(principalOf(req), req.params.id)));
  app.get('/api/reports/requests/:id/consolidation.xlsx', { schema: { tags, summary: 'Các bảng của báo cáo tổng hợp (XLSX)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.consolidationXlsx(principalOf(req), req.params.id)));
  app.get('/api/reports/requests/:id/to-trinh.docx', { schema: { tags, summary: 'Tờ trình đề nghị phê duyệt kết quả tổng hợp, kèm danh sách (DOCX)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.toTrinhDocx(principalOf(req), req.params.id)));
  app.get('/api/reports/submissions/:id/report.docx', { schema: { tags, summary: 'Báo cáo của một đơn vị (DOCX)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.submissionDocx(principalOf(req), req.params.id)));
  app.get('/api/reports/submissions/:id/tables.xlsx', { schema: { tags, summary: 'Các bảng của báo cáo một đơn vị (XLSX)', params: idParams }, config: { permission: 'reports.read' } }, async (req, reply) => sendFile(reply, await docs.submissionXlsx(principalOf(req), req.params.id)));
  app.get('/api/reports/documents/plan-165.docx', { schema: { tags, summary: 'Kế hoạch 165/KH-UBND ngày 26/9/2017 tổ chức thực hiện Phong trào thi đua (DOCX)' }, config: { permission: 'reports.read' } }, async (_req, reply) => sendFile(reply, await docs.planDocx()));
  app.get('/api/reports/documents/round-meeting.docx', { schema: { tags, summary: 'Biên bản họp dân bình xét của một xã trong kỳ rà soát (DOCX)', querystring: roundMeetingQuery }, config: { permission: 'rounds.read' } }, async (req, reply) => sendFile(reply, await docs.roundMeetingDocx(principalOf(req), req.query)));
}

/** The whole module as a Fastify plugin: `await app.register(reportsPlugin, deps)` after the auth guard is installed. */
export async function reportsPlugin(app: App, deps: ReportsDeps): Promise<void> {
  const service = createReportsService(deps);
  registerReportsRoutes(app, service, createReportDocuments(deps, service));
}
