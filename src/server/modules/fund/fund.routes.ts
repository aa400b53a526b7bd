import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  balancesDto,
  contributionBody,
  createPeriodBody,
  directGiftBody,
  disbursementBody,
  entriesQuery,
  entryDto,
  levelParams,
  periodDto,
  periodParams,
  publicDisclosureDto,
  publicLevelDto,
  publicPeriodDto,
  supportActivitiesQuery,
  supportActivityBody,
  supportActivityDto,
} from '../../../shared/schemas/fund.schema.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { FundService } from './fund.service.ts';

const tags = ['Quỹ "Vì người nghèo"'];
const created = z.object({ id: z.string(), periodId: z.string() });

/**
 * Routes of the Fund for the Poor. Each level is addressed by its unit code (province 20, a district, a commune); the
 * service checks the caller's scope over that unit (or the caller is the focal point of that level's Fatherland Front
 * committee). The /api/public/fund routes answer without a session and never carry a beneficiary.
 */
export function registerFundRoutes(app: App, svc: FundService): void {
  app.get('/api/fund/levels/:unitCode/periods', { schema: { tags, summary: 'Các kỳ vận động của quỹ một cấp', params: levelParams, response: { 200: z.array(periodDto) } }, config: { permission: 'fund.read' } }, async (req) => svc.periods(principalOf(req), req.params.unitCode));
  app.post('/api/fund/levels/:unitCode/periods', { schema: { tags, summary: 'Mở kỳ vận động (mặc định 17/10 – 16/10 năm sau, tháng cao điểm 17/10 – 18/11)', params: levelParams, body: createPeriodBody, response: { 200: periodDto } }, config: { permission: 'fund.write' } }, async (req) => svc.createPeriod(principalOf(req), actorOf(req), req.params.unitCode, req.body));
  app.post('/api/fund/levels/:unitCode/contributions', { schema: { tags, summary: 'Ghi nhận đóng góp (tiền hoặc hiện vật quy giá trị, có biên lai)', params: levelParams, body: contributionBody, response: { 200: created } }, config: { permission: 'fund.write' } }, async (req) => svc.addContribution(principalOf(req), actorOf(req), req.params.unitCode, req.body));
  app.post('/api/fund/levels/:unitCode/direct-gifts', { schema: { tags, summary: 'Ghi nhận hỗ trợ trực tiếp đến hộ do nhà hảo tâm báo lại', params: levelParams, body: directGiftBody, response: { 200: created } }, config: { permission: 'fund.write' } }, async (req) => svc.addDirectGift(principalOf(req), actorOf(req), req.params.unitCode, req.body));
  app.post('/api/fund/levels/:unitCode/disbursements', { schema: { tags, summary: 'Chi hỗ trợ từ quỹ (nhà ở, sản xuất, học tập, y tế, cứu trợ)', params: levelParams, body: disbursementBody, response: { 200: created } }, config: { permission: 'fund.write' } }, async (req) => svc.addDisbursement(principalOf(req), actorOf(req), req.params.unitCode, req.body));
  app.get('/api/fund/levels/:unitCode/entries', { schema: { tags, summary: 'Sổ thu, chi của quỹ', params: levelParams, querystring: entriesQuery, response: { 200: z.array(entryDto) } }, config: { permission: 'fund.read' } }, async (req) => svc.entries(principalOf(req), req.params.unitCode, req.query.periodId));
  app.get('/api/fund/levels/:unitCode/balances', { schema: { tags, summary: 'Số dư đầu kỳ, thu, chi, số dư cuối kỳ theo từng kỳ', params: levelParams, response: { 200: balancesDto } }, config: { permission: 'fund.read' } }, async (req) => svc.balances(principalOf(req), req.params.unitCode));
  app.post('/api/fund/support-activities', { schema: { tags, summary: 'Ghi hoạt động hỗ trợ người nghèo (việc làm, vốn, giống, kỹ thuật, đào tạo, bao tiêu)', body: supportActivityBody, response: { 200: z.object({ id: z.string() }) } }, config: { permission: 'fund.write' } }, async (req) => svc.addSupportActivity(principalOf(req), actorOf(req), req.body));
  app.get('/api/fund/support-activities', { schema: { tags, summary: 'Hoạt động hỗ trợ trong phạm vi', querystring: supportActivitiesQuery, response: { 200: z.array(supportActivityDto) } }, config: { permission: 'fund.read' } }, async (req) => svc.supportActivities(principalOf(req), req.query));

  app.get('/api/public/fund/levels', { schema: { tags, summary: 'Công khai: các cấp quỹ đã mở kỳ vận động', response: { 200: z.array(publicLevelDto) } }, config: { permission: 'public' } }, async () => svc.publicLevels());
  app.get('/api/public/fund/levels/:unitCode/periods', { schema: { tags, summary: 'Công khai: các kỳ vận động', params: levelParams, response: { 200: z.array(publicPeriodDto) } }, config: { permission: 'public' } }, async (req) => svc.publicPeriods(req.params.unitCode));
  app.get('/api/public/fund/levels/:unitCode/periods/:periodId', { schema: { tags, summary: 'Công khai thu, chi của quỹ (không nêu người được hỗ trợ)', params: periodParams, response: { 200: publicDisclosureDto } }, config: { permission: 'public' } }, async (req) => svc.publicDisclosure(req.params.unitCode, req.params.periodId));
}

export async function fundPlugin(app: FastifyInstance, opts: { service: FundService }): Promise<void> {
  registerFundRoutes(app.withTypeProvider<ZodTypeProvider>() as unknown as App, opts.service);
}
