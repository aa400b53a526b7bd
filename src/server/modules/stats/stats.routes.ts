import type { FastifyReply } from 'fastify';
import {
  afQuery,
  afResponse,
  attainmentQuery,
  attainmentResponse,
  compareQuery,
  compareResponse,
  geoLayerParams,
  onUnitsQuery,
  onUnitsResponse,
  publicCommunesQuery,
  publicCommunesResponse,
  trendQuery,
  trendResponse,
  unitFiguresParams,
  unitFiguresResponse,
} from '../../../shared/schemas/stats.schema.ts';
import type { App } from '../../http/app-types.ts';
import { principalOf } from '../../http/request-context.ts';
import type { StatsService } from './stats.service.ts';
import {
  alkireFosterXlsx,
  attainmentXlsx,
  compareXlsx,
  onUnitsXlsx,
  publicCommunesXlsx,
  trendXlsx,
  unitFiguresXlsx,
  type XlsxFile,
} from './stats.tables.ts';

const tags = ['Thống kê giảm nghèo'];
const publicTags = ['Công khai'];

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.buffer);
}

/**
 * Every view is a GET served from the stored aggregates, with an `/export` twin that returns the same table as XLSX.
 * Aggregated figures need 'rounds.read' plus the unit in scope on the round's date (checked by the service); the public
 * page needs no login and only ever returns suppressed commune aggregates.
 */
export function registerStatsRoutes(app: App, svc: StatsService): void {
  const read = { permission: 'rounds.read' as const };

  app.get('/api/stats/rounds/:year/units/:code', { schema: { tags, summary: 'Số liệu một đơn vị trong kỳ rà soát, kèm các đơn vị trực thuộc', params: unitFiguresParams, response: { 200: unitFiguresResponse } }, config: read }, async (req) =>
    svc.unitFigures(principalOf(req), req.params.year, req.params.code),
  );
  app.get('/api/stats/rounds/:year/units/:code/export', { schema: { tags, summary: 'Xuất số liệu đơn vị ra Excel', params: unitFiguresParams }, config: read }, async (req, reply) =>
    sendXlsx(reply, await unitFiguresXlsx(await svc.unitFigures(principalOf(req), req.params.year, req.params.code))),
  );

  app.get('/api/stats/trend', { schema: { tags, summary: 'Xu hướng tỷ lệ hộ nghèo so với lộ trình mục tiêu', querystring: trendQuery, response: { 200: trendResponse } }, config: read }, async (req) =>
    svc.trend(principalOf(req), req.query),
  );
  app.get('/api/stats/trend/export', { schema: { tags, summary: 'Xuất xu hướng ra Excel', querystring: trendQuery }, config: read }, async (req, reply) =>
    sendXlsx(reply, await trendXlsx(await svc.trend(principalOf(req), req.query))),
  );

  app.get('/api/stats/attainment', { schema: { tags, summary: 'Xếp hạng và đánh giá mục tiêu giảm nghèo hằng năm', querystring: attainmentQuery, response: { 200: attainmentResponse } }, config: read }, async (req) =>
    svc.attainment(principalOf(req), req.query),
  );
  app.get('/api/stats/attainment/export', { schema: { tags, summary: 'Xuất bảng xếp hạng ra Excel', querystring: attainmentQuery }, config: read }, async (req, reply) =>
    sendXlsx(reply, await attainmentXlsx(await svc.attainment(principalOf(req), req.query))),
  );

  app.get('/api/stats/on-units', { schema: { tags, summary: 'Số liệu một năm trên địa giới của một ngày khác', querystring: onUnitsQuery, response: { 200: onUnitsResponse } }, config: read }, async (req) =>
    svc.onUnits(principalOf(req), req.query),
  );
  app.get('/api/stats/on-units/export', { schema: { tags, summary: 'Xuất số liệu quy đổi địa giới ra Excel', querystring: onUnitsQuery }, config: read }, async (req, reply) =>
    sendXlsx(reply, await onUnitsXlsx(await svc.onUnits(principalOf(req), req.query))),
  );

  app.get('/api/stats/af', { schema: { tags, summary: 'Nghèo đa chiều (Alkire–Foster) của một đơn vị', querystring: afQuery, response: { 200: afResponse } }, config: read }, async (req) =>
    svc.alkireFoster(principalOf(req), req.query),
  );
  app.get('/api/stats/af/export', { schema: { tags, summary: 'Xuất số liệu nghèo đa chiều ra Excel', querystring: afQuery }, config: read }, async (req, reply) =>
    sendXlsx(reply, await alkireFosterXlsx(await svc.alkireFoster(principalOf(req), req.query))),
  );

  app.get('/api/stats/compare', { schema: { tags, summary: 'So sánh hai kỳ rà soát', querystring: compareQuery, response: { 200: compareResponse } }, config: read }, async (req) =>
    svc.compare(principalOf(req), req.query),
  );
  app.get('/api/stats/compare/export', { schema: { tags, summary: 'Xuất so sánh hai kỳ ra Excel', querystring: compareQuery }, config: read }, async (req, reply) =>
    sendXlsx(reply, await compareXlsx(await svc.compare(principalOf(req), req.query))),
  );

  app.get('/api/public/communes', { schema: { tags: publicTags, summary: 'Tỷ lệ hộ nghèo, cận nghèo các xã (công khai)', querystring: publicCommunesQuery, response: { 200: publicCommunesResponse } }, config: { permission: 'public' } }, async (req) =>
    svc.publicCommunes(req.query),
  );
  app.get('/api/public/communes/export', { schema: { tags: publicTags, summary: 'Xuất tỷ lệ các xã ra Excel (công khai)', querystring: publicCommunesQuery }, config: { permission: 'public' } }, async (req, reply) =>
    sendXlsx(reply, await publicCommunesXlsx(await svc.publicCommunes(req.query))),
  );
  app.get('/api/public/geo/:layer', { schema: { tags: publicTags, summary: 'Ranh giới hành chính cho bản đồ (GeoJSON)', params: geoLayerParams }, config: { permission: 'public' } }, async (req, reply) =>
    reply
      .header('content-type', 'application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await svc.geoLayer(req.params.layer)),
  );
}
