import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { okBody } from '../../../shared/schemas/common.schema.ts';
import { writeImportTemplate } from '../../../import/write-import-template.ts';
import { PassThrough } from 'node:stream';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import { AppError } from '../../errors.ts';
import type { ImportsService } from './imports.service.ts';

const tags = ['Nhập dữ liệu'];
const idParams = z.object({ id: z.uuid() });
const issueDto = z.object({ sheet: z.string(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
export const importJobDto = z.object({
  id: z.string(),
  state: z.string(),
  fileName: z.string(),
  roundYear: z.number().nullable(),
  progress: z.object({ phase: z.string(), fraction: z.number(), rowsRead: z.number(), totalRows: z.number().nullable() }),
  summary: z.unknown(),
  issues: z.array(issueDto),
  issueCount: z.number(),
  createdAt: z.string(),
});

export function registerImportsRoutes(app: App, svc: ImportsService): void {
  app.get('/api/imports/template', { schema: { tags, summary: 'Tải mẫu Excel nhập hộ và thành viên' }, config: { permission: 'imports.run' } }, async (_req, reply) => {
    const out = new PassThrough();
    void writeImportTemplate(out).catch((e: unknown) => out.destroy(e as Error));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="mau-nhap-ho-gia-dinh.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu nhập hộ gia đình.xlsx')}`)
      .send(out);
  });

  app.post('/api/imports', { schema: { tags, summary: 'Tải lên tệp Excel hộ gia đình (multipart: roundYear, file)', response: { 200: importJobDto } }, config: { permission: 'imports.run' } }, async (req: FastifyRequest) => {
    const file = await req.file();
    if (!file) throw new AppError('imports.invalid', 'Chưa chọn tệp Excel.');
    const yearField = file.fields.roundYear as { value?: string } | undefined;
    const roundYear = Number(yearField?.value);
    if (!Number.isInteger(roundYear) || roundYear < 2016 || roundYear > 2100) {
      file.file.resume();
      throw new AppError('imports.invalid', 'Cần chọn năm của kỳ rà soát (trường roundYear, gửi trước tệp).');
    }
    if (!/\.xlsx$/iu.test(file.filename)) {
      file.file.resume();
      throw new AppError('imports.invalid', 'Chỉ nhận tệp Excel .xlsx (Excel 2007 trở lên). Hãy lưu lại tệp dưới dạng .xlsx.');
    }
    return svc.upload(principalOf(req), actorOf(req), { fileName: file.filename, stream: file.file, roundYear });
  });

  app.get('/api/imports/:id', { schema: { tags, summary: 'Tiến độ, xem trước và lỗi của lượt nhập', params: idParams, response: { 200: importJobDto } }, config: { permission: 'imports.run' } }, async (req) => svc.get(principalOf(req), req.params.id));
  app.post('/api/imports/:id/commit', { schema: { tags, summary: 'Ghi lượt nhập (tất cả hoặc không)', params: idParams, response: { 200: importJobDto } }, config: { permission: 'imports.run' } }, async (req) => svc.commit(principalOf(req), actorOf(req), req.params.id));
  app.post('/api/imports/:id/discard', { schema: { tags, summary: 'Huỷ lượt nhập', params: idParams, response: { 200: okBody } }, config: { permission: 'imports.run' } }, async (req) => {
    await svc.discard(principalOf(req), req.params.id);
    return { ok: true as const };
  });
}
