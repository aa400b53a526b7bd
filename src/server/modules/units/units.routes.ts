import { errorBody, okBody } from '../../../shared/schemas/common.schema.ts';
import {
  createLineageBody,
  createVillageBody,
  renameUnitBody,
  treeQuery,
  treeResponse,
  unitDetailResponse,
  unitParams,
  unitQuery,
  unitVersion,
} from '../../../shared/schemas/units.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { UnitsService } from './units.service.ts';

export function registerUnitsRoutes(app: App, units: UnitsService): void {
  app.get(
    '/api/units/tree',
    {
      schema: { tags: ['Đơn vị hành chính'], summary: 'Cây đơn vị hành chính tại một ngày', querystring: treeQuery, response: { 200: treeResponse } },
      config: { permission: 'units.read' },
    },
    async (req) => units.tree(principalOf(req), req.query.asOf, req.query.q),
  );

  app.get(
    '/api/units/:code',
    {
      schema: {
        tags: ['Đơn vị hành chính'],
        summary: 'Một đơn vị: phiên bản, lịch sử, sáp nhập',
        params: unitParams,
        querystring: unitQuery,
        response: { 200: unitDetailResponse, 403: errorBody, 404: errorBody },
      },
      config: { permission: 'units.read' },
    },
    async (req) => units.detail(principalOf(req), req.params.code, req.query.asOf),
  );

  app.post(
    '/api/units/villages',
    {
      schema: { tags: ['Đơn vị hành chính'], summary: 'Thêm thôn, bản, tổ dân phố', body: createVillageBody, response: { 200: unitVersion } },
      config: { permission: 'units.write' },
    },
    async (req) => units.createVillage(principalOf(req), actorOf(req), req.body),
  );

  app.post(
    '/api/units/:code/rename',
    {
      schema: { tags: ['Đơn vị hành chính'], summary: 'Đổi tên đơn vị từ một ngày', params: unitParams, body: renameUnitBody, response: { 200: unitVersion } },
      config: { permission: 'units.write' },
    },
    async (req) => units.rename(principalOf(req), actorOf(req), req.params.code, req.body),
  );

  app.post(
    '/api/units/lineage',
    {
      schema: { tags: ['Đơn vị hành chính'], summary: 'Bổ sung sự kiện sáp nhập, chia tách', body: createLineageBody, response: { 200: okBody } },
      config: { permission: 'units.write' },
    },
    async (req) => {
      await units.addLineageEvent(principalOf(req), actorOf(req), { ...req.body, legalBasis: req.body.legalBasis });
      return { ok: true as const };
    },
  );
}
