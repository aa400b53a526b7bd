import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_MAX_EVIDENCE_BYTES } from '../../../domain/emulation/evidence-file-rules.ts';
import { okBody } from '../../../shared/schemas/common.schema.ts';
import {
  adjustScoreBody,
  campaignDto,
  campaignSummaryDto,
  copyCampaignBody,
  councilScoreBody,
  createCampaignBody,
  createRoundBody,
  emulationRoundDto,
  exemplarBody,
  exemplarDto,
  fileDto,
  initiativeBody,
  initiativeDto,
  jointPledgeBody,
  jointPledgeDto,
  modelBody,
  modelDto,
  participantType,
  rankingsDto,
  recomputeResultDto,
  recordsQuery,
  registerBody,
  registrationDto,
  registrationStatusDto,
  saveCriteriaSetBody,
  saveCriteriaSetResult,
  scoreParams,
  scoreSheetDto,
  selfAssessBody,
  unitTargetBody,
  unitTargetDto,
  updateCampaignBody,
  updateRoundBody,
  verificationQueueDto,
  verifyBody,
} from '../../../shared/schemas/emulation.schema.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { EmulationService } from './emulation.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['Phong trào thi đua'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, file: { buffer: Buffer; name: string; asciiName: string }) {
  return reply
    .header('content-type', xlsxType)
    .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.buffer);
}

/**
 * Routes of the emulation movement. Route permissions are the coarse gate; every service method then checks the
 * caller's scope (the participant's unit or organisation, or the province for the board and the council). Where both
 * participants and the board may act (registration, joint pledge, records), the route asks for emulation.read and the
 * service requires emulation.participate or emulation.manage over the participant.
 */
export function registerEmulationRoutes(app: App, svc: EmulationService, options: { maxFileBytes?: number } = {}): void {
  const { campaigns, registrations, scoring, records, exporter } = svc;

  // ---------- campaigns ----------
  app.get('/api/emulation/campaigns', { schema: { tags, summary: 'Các phong trào thi đua', response: { 200: z.array(campaignSummaryDto) } }, config: { permission: 'emulation.read' } }, async () => campaigns.list());
  app.get('/api/emulation/campaigns/:id', { schema: { tags, summary: 'Phong trào: bộ tiêu chí theo đối tượng, các đợt và lịch', params: idParams, querystring: z.object({ versions: z.enum(['current', 'all']).default('current') }), response: { 200: campaignDto } }, config: { permission: 'emulation.read' } }, async (req) => campaigns.get(req.params.id, { allVersions: req.query.versions === 'all' }));
  app.post('/api/emulation/campaigns', { schema: { tags, summary: 'Tạo phong trào thi đua', body: createCampaignBody, response: { 200: campaignDto } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.create(principalOf(req), actorOf(req), req.body));
  app.patch('/api/emulation/campaigns/:id', { schema: { tags, summary: 'Sửa thông tin phong trào', params: idParams, body: updateCampaignBody, response: { 200: campaignDto } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.update(principalOf(req), actorOf(req), req.params.id, req.body));
  app.post('/api/emulation/campaigns/:id/copy', { schema: { tags, summary: 'Sao chép thành phong trào mới (ví dụ 2021–2025)', params: idParams, body: copyCampaignBody, response: { 200: campaignDto } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.copy(principalOf(req), actorOf(req), req.params.id, req.body));
  app.put('/api/emulation/campaigns/:id/criteria/:participantType', { schema: { tags, summary: 'Lưu bộ tiêu chí của một đối tượng (đã có điểm thì tạo phiên bản mới)', params: z.object({ id: z.uuid(), participantType }), body: saveCriteriaSetBody, response: { 200: saveCriteriaSetResult } }, config: { permission: 'emulation.manage' } }, async (req) =>
    campaigns.saveCriteriaSet(principalOf(req), actorOf(req), req.params.id, req.params.participantType, req.body.criteria, req.body.note ?? null),
  );
  app.post('/api/emulation/campaigns/:id/rounds', { schema: { tags, summary: 'Thêm đợt đánh giá (hằng năm, sơ kết, tổng kết)', params: idParams, body: createRoundBody, response: { 200: emulationRoundDto } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.createRound(principalOf(req), actorOf(req), req.params.id, req.body));
  app.patch('/api/emulation/rounds/:id', { schema: { tags, summary: 'Sửa lịch của đợt', params: idParams, body: updateRoundBody, response: { 200: emulationRoundDto } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.updateRound(principalOf(req), actorOf(req), req.params.id, req.body));
  app.get('/api/emulation/campaigns/:id/unit-targets', { schema: { tags, summary: 'Mục tiêu giảm nghèo riêng của đơn vị (trong phạm vi)', params: idParams, response: { 200: z.array(unitTargetDto) } }, config: { permission: 'emulation.read' } }, async (req) => campaigns.unitTargets(principalOf(req), req.params.id));
  app.put('/api/emulation/campaigns/:id/unit-targets', { schema: { tags, summary: 'Đặt mục tiêu giảm tỷ lệ hộ nghèo riêng của một đơn vị cho một năm', params: idParams, body: unitTargetBody, response: { 200: z.array(unitTargetDto) } }, config: { permission: 'emulation.manage' } }, async (req) => campaigns.setUnitTarget(principalOf(req), actorOf(req), req.params.id, req.body));

  // ---------- registrations and pledges ----------
  app.post('/api/emulation/rounds/:id/registrations', { schema: { tags, summary: 'Đăng ký thi đua kèm nội dung đăng ký', params: idParams, body: registerBody, response: { 200: registrationDto } }, config: { permission: 'emulation.read' } }, async (req) => registrations.register(principalOf(req), actorOf(req), req.params.id, req.body));
  app.get('/api/emulation/rounds/:id/registrations', { schema: { tags, summary: 'Ai đã và chưa đăng ký thi đua (trong phạm vi)', params: idParams, response: { 200: registrationStatusDto } }, config: { permission: 'emulation.read' } }, async (req) => registrations.status(principalOf(req), req.params.id));
  app.post('/api/emulation/rounds/:id/joint-pledges', { schema: { tags, summary: 'Ghi giao ước thi đua của cụm, khối', params: idParams, body: jointPledgeBody, response: { 200: jointPledgeDto } }, config: { permission: 'emulation.read' } }, async (req) => registrations.recordJointPledge(principalOf(req), actorOf(req), req.params.id, req.body));
  app.get('/api/emulation/rounds/:id/joint-pledges', { schema: { tags, summary: 'Giao ước thi đua của các cụm, khối', params: idParams, response: { 200: z.array(jointPledgeDto) } }, config: { permission: 'emulation.read' } }, async (req) => registrations.jointPledges(req.params.id));

  // ---------- evidence files ----------
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_EVIDENCE_BYTES;
  void app.register(async (child: FastifyInstance) => {
    // The app registers multipart once for every upload; a reduced app (tests) may not have it yet.
    if (!child.hasContentTypeParser('multipart/form-data')) await child.register(fastifyMultipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
    child.withTypeProvider<ZodTypeProvider>().post(
      '/api/emulation/registrations/:id/files',
      { schema: { tags, summary: 'Tải lên tệp minh chứng (PDF, JPG, PNG, DOCX, XLSX; multipart, trường "file")', params: idParams, response: { 200: fileDto } }, config: { permission: 'emulation.participate' } },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('emulation.invalid', 'Cần gửi tệp theo dạng multipart/form-data, trường "file".');
        const part = await req.file({ limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
        if (!part) throw new AppError('emulation.invalid', 'Chưa chọn tệp minh chứng.');
        return scoring.uploadEvidence(principalOf(req), actorOf(req), req.params.id, { filename: part.filename, mimetype: part.mimetype, stream: part.file });
      },
    );
  });
  app.get('/api/emulation/files/:id', { schema: { tags, summary: 'Tải xuống tệp minh chứng', params: idParams }, config: { permission: 'emulation.read' } }, async (req, reply) => {
    const { file, stream } = await scoring.openEvidence(principalOf(req), req.params.id);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename="${foldForSearch(file.originalName).replace(/[^a-z0-9.]+/gu, '-')}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
      .send(stream);
  });

  // ---------- scoring ----------
  app.put('/api/emulation/registrations/:id/scores/:code/self', { schema: { tags, summary: 'Tự chấm một tiêu chí kèm minh chứng', params: scoreParams, body: selfAssessBody, response: { 200: scoreSheetDto } }, config: { permission: 'emulation.participate' } }, async (req) => scoring.selfAssess(principalOf(req), actorOf(req), req.params.id, req.params.code, req.body));
  app.post('/api/emulation/registrations/:id/scores/:code/verify', { schema: { tags, summary: 'Thẩm định điểm tự chấm: chấp nhận, điều chỉnh hoặc không chấp nhận (có lý do)', params: scoreParams, body: verifyBody, response: { 200: scoreSheetDto } }, config: { permission: 'emulation.manage' } }, async (req) => scoring.verify(principalOf(req), actorOf(req), req.params.id, req.params.code, req.body));
  app.put('/api/emulation/registrations/:id/scores/:code/council', { schema: { tags, summary: 'Hội đồng chấm tiêu chí', params: scoreParams, body: councilScoreBody, response: { 200: scoreSheetDto } }, config: { permission: 'emulation.council' } }, async (req) => scoring.councilScore(principalOf(req), actorOf(req), req.params.id, req.params.code, req.body));
  app.post('/api/emulation/registrations/:id/scores/:code/adjust', { schema: { tags, summary: 'Ban Thi đua - Khen thưởng điều chỉnh điểm (ghi lý do, lưu nhật ký)', params: scoreParams, body: adjustScoreBody, response: { 200: scoreSheetDto } }, config: { permission: 'emulation.manage' } }, async (req) => scoring.adjust(principalOf(req), actorOf(req), req.params.id, req.params.code, req.body));
  app.get('/api/emulation/registrations/:id/score-sheet', { schema: { tags, summary: 'Bảng điểm: từng dòng ghi rõ cách có điểm', params: idParams, response: { 200: scoreSheetDto } }, config: { permission: 'emulation.read' } }, async (req) => scoring.scoreSheet(principalOf(req), req.params.id));
  app.get('/api/emulation/registrations/:id/score-sheet.xlsx', { schema: { tags, summary: 'Xuất bảng điểm ra Excel', params: idParams }, config: { permission: 'emulation.read' } }, async (req, reply) => sendFile(reply, await exporter.scoreSheet(principalOf(req), req.params.id)));
  app.get('/api/emulation/rounds/:id/verification-queue', { schema: { tags, summary: 'Hàng chờ thẩm định', params: idParams, response: { 200: verificationQueueDto } }, config: { permission: 'emulation.manage' } }, async (req) => scoring.verificationQueue(principalOf(req), req.params.id));
  app.post('/api/emulation/rounds/:id/recompute', { schema: { tags, summary: 'Tính điểm các tiêu chí đo lường từ số liệu', params: idParams, response: { 200: recomputeResultDto } }, config: { permission: 'emulation.manage' } }, async (req) => scoring.recompute(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/emulation/rounds/:id/publish', { schema: { tags, summary: 'Công bố kết quả đợt thi đua', params: idParams, response: { 200: emulationRoundDto } }, config: { permission: 'emulation.manage' } }, async (req) => scoring.publish(principalOf(req), actorOf(req), req.params.id));
  app.get('/api/emulation/rounds/:id/rankings', { schema: { tags, summary: 'Xếp hạng theo đối tượng và theo cụm, khối (nêu rõ cách xếp khi bằng điểm)', params: idParams, response: { 200: rankingsDto } }, config: { permission: 'emulation.read' } }, async (req) => scoring.rankings(principalOf(req), req.params.id));
  app.get('/api/emulation/rounds/:id/results.xlsx', { schema: { tags, summary: 'Xuất kết quả và bảng điểm ra Excel', params: idParams }, config: { permission: 'emulation.read' } }, async (req, reply) => sendFile(reply, await exporter.results(principalOf(req), req.params.id)));

  // ---------- initiatives, models, exemplars ----------
  const recordTags = ['Sáng kiến, mô hình, điển hình'];
  app.get('/api/emulation/initiatives', { schema: { tags: recordTags, summary: 'Sáng kiến (tìm không dấu)', querystring: recordsQuery, response: { 200: z.array(initiativeDto) } }, config: { permission: 'emulation.read' } }, async (req) => records.listInitiatives(req.query));
  app.post('/api/emulation/initiatives', { schema: { tags: recordTags, summary: 'Thêm sáng kiến', body: initiativeBody, response: { 200: initiativeDto } }, config: { permission: 'emulation.read' } }, async (req) => records.createInitiative(principalOf(req), actorOf(req), req.body));
  app.put('/api/emulation/initiatives/:id', { schema: { tags: recordTags, summary: 'Sửa sáng kiến', params: idParams, body: initiativeBody, response: { 200: initiativeDto } }, config: { permission: 'emulation.read' } }, async (req) => records.updateInitiative(principalOf(req), actorOf(req), req.params.id, req.body));
  app.delete('/api/emulation/initiatives/:id', { schema: { tags: recordTags, summary: 'Xoá sáng kiến', params: idParams, response: { 200: okBody } }, config: { permission: 'emulation.read' } }, async (req) => {
    await records.deleteInitiative(principalOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get('/api/emulation/models', { schema: { tags: recordTags, summary: 'Mô hình giảm nghèo (nơi khởi xướng, nơi nhân rộng)', querystring: recordsQuery, response: { 200: z.array(modelDto) } }, config: { permission: 'emulation.read' } }, async (req) => records.listModels(req.query));
  app.post('/api/emulation/models', { schema: { tags: recordTags, summary: 'Thêm mô hình giảm nghèo', body: modelBody, response: { 200: modelDto } }, config: { permission: 'emulation.read' } }, async (req) => records.createModel(principalOf(req), actorOf(req), req.body));
  app.put('/api/emulation/models/:id', { schema: { tags: recordTags, summary: 'Sửa mô hình giảm nghèo', params: idParams, body: modelBody, response: { 200: modelDto } }, config: { permission: 'emulation.read' } }, async (req) => records.updateModel(principalOf(req), actorOf(req), req.params.id, req.body));
  app.delete('/api/emulation/models/:id', { schema: { tags: recordTags, summary: 'Xoá mô hình giảm nghèo', params: idParams, response: { 200: okBody } }, config: { permission: 'emulation.read' } }, async (req) => {
    await records.deleteModel(principalOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get('/api/emulation/exemplars', { schema: { tags: recordTags, summary: 'Thư viện điển hình tiên tiến (tìm không dấu)', querystring: recordsQuery, response: { 200: z.array(exemplarDto) } }, config: { permission: 'emulation.read' } }, async (req) => records.listExemplars(req.query));
  app.get('/api/emulation/exemplars/:id', { schema: { tags: recordTags, summary: 'Một điển hình tiên tiến (hộ: số năm thoát nghèo ổn định theo sổ hộ)', params: idParams, response: { 200: exemplarDto } }, config: { permission: 'emulation.read' } }, async (req) => records.getExemplar(req.params.id));
  app.post('/api/emulation/exemplars', { schema: { tags: recordTags, summary: 'Thêm điển hình tiên tiến', body: exemplarBody, response: { 200: exemplarDto } }, config: { permission: 'emulation.read' } }, async (req) => records.createExemplar(principalOf(req), actorOf(req), req.body));
  app.put('/api/emulation/exemplars/:id', { schema: { tags: recordTags, summary: 'Sửa điển hình tiên tiến', params: idParams, body: exemplarBody, response: { 200: exemplarDto } }, config: { permission: 'emulation.read' } }, async (req) => records.updateExemplar(principalOf(req), actorOf(req), req.params.id, req.body));
  app.delete('/api/emulation/exemplars/:id', { schema: { tags: recordTags, summary: 'Xoá điển hình tiên tiến', params: idParams, response: { 200: okBody } }, config: { permission: 'emulation.read' } }, async (req) => {
    await records.deleteExemplar(principalOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
}

/** The same routes as a Fastify plugin, for a test app or for wiring with app.register. */
export async function emulationPlugin(app: FastifyInstance, opts: { service: EmulationService; maxFileBytes?: number }): Promise<void> {
  registerEmulationRoutes(app.withTypeProvider<ZodTypeProvider>() as unknown as App, opts.service, { maxFileBytes: opts.maxFileBytes });
}
