// Every award route × every role, each role scoped to one commune (06529, Lộc Bình) or one organisation (Sở LĐTBXH),
// against nominations OUTSIDE that scope (Huyện Tràng Định's batch, Sở Y tế's Huân chương batch): refused or filtered,
// and the audit log unchanged. The public routes publish names and places only. (tests/db/access-matrix.test.ts
// points here for the awards routes.)

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulationCampaigns, emulationRounds, organisations } from '../../src/db/schema/index.ts';
import { roles, type Role } from '../../src/domain/access/roles.ts';
import { createAwardsService } from '../../src/server/modules/awards/awards.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { dossierFor } from '../support/awards-fixture.ts';
import { person } from '../support/reports-fixture.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

interface Fixture {
  roundId: string;
  batchId: string;
  nomineeId: string;
  stateBatchId: string;
  commentId: string;
  registryId: string;
}

type Probe =
  | { kind: 'forbidden'; request: (f: Fixture) => InjectOptions }
  | { kind: 'filtered'; request: (f: Fixture) => InjectOptions; check: (res: LightMyRequestResponse, f: Fixture) => void };

const OUT_DISTRICT = '180'; // Huyện Tràng Định
const OUT_COMMUNE = '06001'; // Xã Đoàn Kết (Tràng Định)
const meeting = (nomineeId: string, heldOn: string) => ({ ...dossierFor([nomineeId], heldOn).proposerMeeting, membersTotal: 15, attendees: Array.from({ length: 13 }, (_, i) => `Thành viên ${i + 1}`), votes: [{ nomineeId, agree: 13, disagree: 0, abstain: 0 }] });

const probes: Record<string, Probe> = {
  'GET /api/awards/batches': { kind: 'filtered', request: () => ({ method: 'GET', url: '/api/awards/batches' }), check: (res, f) => expect((res.json() as { id: string }[]).map((b) => b.id)).not.toContain(f.batchId) },
  'POST /api/awards/batches': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: '/api/awards/batches', payload: { roundId: f.roundId, formId: 'bang_khen_tinh', unitCode: OUT_DISTRICT } }) },
  'GET /api/awards/queue': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/awards/queue' }),
    check: (res, f) => {
      const q = res.json() as Record<string, { id: string }[] | string>;
      for (const list of Object.values(q)) if (Array.isArray(list)) expect(list.map((b) => b.id)).not.toContain(f.stateBatchId);
    },
  },
  'GET /api/awards/batches/:id': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.batchId}` }) },
  'POST /api/awards/batches/:id/nominees': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.batchId}/nominees`, payload: { kind: 'collective', unitCode: OUT_COMMUNE } }) },
  'PATCH /api/awards/nominees/:id': { kind: 'forbidden', request: (f) => ({ method: 'PATCH', url: `/api/awards/nominees/${f.nomineeId}`, payload: { achievementReport: 'Sửa ngoài phạm vi' } }) },
  'DELETE /api/awards/nominees/:id': { kind: 'forbidden', request: (f) => ({ method: 'DELETE', url: `/api/awards/nominees/${f.nomineeId}` }) },
  'POST /api/awards/batches/:id/check': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.batchId}/check` }) },
  'PUT /api/awards/batches/:id/dossier': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/awards/batches/${f.batchId}/dossier`, payload: { toTrinh: null, proposerMeeting: null } }) },
  'POST /api/awards/batches/:id/submit': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.batchId}/submit` }) },
  'POST /api/awards/batches/:id/return': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.stateBatchId}/return`, payload: { comment: 'Bổ sung hồ sơ' } }) },
  'POST /api/awards/batches/:id/approve': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.stateBatchId}/approve` }) },
  'POST /api/awards/batches/:id/revoke': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.batchId}/revoke`, payload: { reason: 'Thu hồi ngoài phạm vi' } }) },
  'POST /api/awards/batches/:id/publish': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.stateBatchId}/publish`, payload: {} }) },
  'POST /api/awards/batches/:id/council': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.stateBatchId}/council`, payload: meeting(f.nomineeId, '2026-11-20') }) },
  'POST /api/awards/batches/:id/decision': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/batches/${f.batchId}/decision`, payload: { number: '9/QĐ-UBND', date: '2026-11-29', signerName: 'Ngoài', signerAuthority: ['CHỦ TỊCH'] } }) },
  'GET /api/awards/batches/:id/comments': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.stateBatchId}/comments` }) },
  'POST /api/awards/comments/:id/answer': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/awards/comments/${f.commentId}/answer`, payload: { answer: 'Trả lời ngoài phạm vi' } }) },
  'GET /api/awards/registry': { kind: 'filtered', request: () => ({ method: 'GET', url: '/api/awards/registry' }), check: (res, f) => expect((res.json() as { rows: { id: string }[] }).rows.map((r) => r.id)).not.toContain(f.registryId) },
  'GET /api/awards/batches/:id/to-trinh.docx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.batchId}/to-trinh.docx` }) },
  'GET /api/awards/batches/:id/minutes.docx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.batchId}/minutes.docx` }) },
  'GET /api/awards/batches/:id/council-minutes.docx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.batchId}/council-minutes.docx` }) },
  'GET /api/awards/batches/:id/decision.docx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/batches/${f.batchId}/decision.docx` }) },
  'GET /api/awards/nominees/:id/achievement-report.docx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/nominees/${f.nomineeId}/achievement-report.docx` }) },
  'GET /api/awards/registry/:id/certificate.pdf': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/awards/registry/${f.registryId}/certificate.pdf` }) },
};

let ctx: TestContext;
let f: Fixture;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.testDb.database.db;
  const campaignId = randomUUID();
  const at = new Date('2022-06-01T02:00:00Z');
  await db.insert(emulationCampaigns).values({ id: campaignId, provinceCode: '20', name: 'Phong trào "Vì người nghèo – Không để ai bị bỏ lại phía sau" 2021 - 2025', legalBasis: 'Quyết định 666/QĐ-TTg năm 2022', periodFrom: 2021, periodTo: 2025, participantTypes: ['district', 'commune'], targetRuleSetId: 'plan165-2017', targetRuleSetVersion: 1, createdAt: at, updatedAt: at });
  const roundId = randomUUID();
  await db.insert(emulationRounds).values({ id: roundId, provinceCode: '20', campaignId, kind: 'annual', name: 'Năm 2024', year: 2024, measureFromYear: 2024, measureToYear: 2024, selfAssessmentFrom: '2024-11-01', selfAssessmentTo: '2024-11-30', verificationUntil: '2024-12-10', councilScoringOn: '2024-12-15', publicationOn: '2024-12-20', createdAt: at });
  const [health] = await db.select().from(organisations).where(eq(organisations.name, 'Sở Y tế'));
  const [labour] = await db.select().from(organisations).where(eq(organisations.name, 'Sở Lao động - Thương binh và Xã hội'));

  // The nominations outside the probing roles' scope, built through the service as the province would.
  const catalog = createUnitsCatalog(db);
  const svc = createAwardsService({ db, clock: ctx.clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, ctx.clock) });
  const admin = person('admin', { unitCode: '20' }, 'Quản trị');
  const a = [admin.principal, admin.actor] as const;
  let batch = await svc.createBatch(...a, { roundId, formId: 'bang_khen_tinh', unitCode: OUT_DISTRICT });
  batch = await svc.addNominee(...a, batch.id, { kind: 'collective', unitCode: OUT_COMMUNE });
  const nomineeId = batch.nominees[0]!.id;
  await svc.updateNominee(...a, nomineeId, { achievementReport: 'Xã Đoàn Kết giảm tỷ lệ hộ nghèo vượt chỉ tiêu, huy động nguồn lực xây 12 nhà cho hộ nghèo trong năm 2024.', exceptionReason: 'Xã chưa có số liệu đủ các năm trong hệ thống thử' });
  await svc.saveDossier(...a, batch.id, dossierFor([nomineeId], '2026-11-02'));
  await svc.submit(...a, batch.id);
  await svc.approve(...a, batch.id);
  await svc.council(...a, batch.id, meeting(nomineeId, '2026-11-20'));
  batch = await svc.decide(...a, batch.id, { number: '2001/QĐ-UBND', date: '2026-11-25', signerName: 'Hồ Tiến Thiệu', signerAuthority: ['CHỦ TỊCH'] });
  const registryId = (await svc.registry(admin.principal, { limit: 10, offset: 0 })).rows[0]!.id;

  let state = await svc.createBatch(...a, { roundId, formId: 'huan_chuong_ld_3', organisationId: health!.id });
  state = await svc.addNominee(...a, state.id, { kind: 'collective', organisationId: health!.id });
  await svc.updateNominee(...a, state.nominees[0]!.id, { achievementReport: 'Sở Y tế bảo đảm 100% người nghèo được cấp thẻ bảo hiểm y tế, khám chữa bệnh miễn phí cho người nghèo vùng cao.' });
  await svc.saveDossier(...a, state.id, dossierFor([state.nominees[0]!.id], '2026-11-02', '77/TTr-SYT'));
  await svc.submit(...a, state.id);
  await svc.approve(...a, state.id);
  await svc.publish(...a, state.id, {});
  await svc.publicComment(state.id, { authorName: 'Lý Văn Nam', contact: 'thôn Bản Chu, 0987 654 321', content: 'Đề nghị làm rõ số hộ nghèo được cấp thẻ bảo hiểm y tế.' });
  const commentId = (await svc.comments(admin.principal, state.id))[0]!.id;
  f = { roundId, batchId: batch.id, nomineeId, stateBatchId: state.id, commentId, registryId };
  for (const role of roles) clients.set(role, await ctx.userWith(role, role === 'org_focal_point' ? { organisationId: labour!.id } : { unitCode: '06529' }));
}, 600_000);
afterAll(async () => ctx?.close());

describe('award routes', () => {
  it('every /api/awards route has a probe here', () => {
    const api = ctx.built.routes.filter((r) => r.url.startsWith('/api/awards')).map((r) => `${r.method} ${r.url}`);
    const reference = ['GET /api/awards/catalogue', 'GET /api/awards/rounds'];
    expect(api.filter((k) => !(k in probes) && !reference.includes(k))).toEqual([]);
  });

  it.each(roles.map((r) => [r]))('%s cannot read or act on nominations outside its scope', async (role) => {
    const client = clients.get(role)!;
    const [before] = await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    for (const [key, probe] of Object.entries(probes)) {
      const res = await client.request(probe.request(f));
      if (probe.kind === 'forbidden') expect([401, 403], `${role} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      else if (res.statusCode === 200) probe.check(res, f);
      else expect(res.statusCode, `${role} ${key}`).toBe(403);
    }
    const [after] = await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(after!.n).toBe(before!.n);
  });

  it('the public list shows names and places only: no citizen IDs, no contacts, no commenters', async () => {
    const res = await ctx.built.app.inject({ method: 'GET', url: '/api/public/awards' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { batchId: string; nominees: { name: string }[] }[];
    expect(list.map((l) => l.batchId)).toEqual([f.stateBatchId]);
    expect(list[0]!.nominees.map((n) => n.name)).toEqual(['Sở Y tế']);
    expect(res.body).not.toMatch(/0987 654 321|Lý Văn Nam|householdId|citizen/u);
  });

  it('anyone may comment without logging in while the list is open; a batch not open is not found', async () => {
    const ok = await ctx.built.app.inject({ method: 'POST', url: `/api/public/awards/${f.stateBatchId}/comments`, payload: { authorName: 'Hoàng Thị Lan', content: 'Tôi đồng ý với đề nghị.' } });
    expect(ok.statusCode).toBe(200);
    const closed = await ctx.built.app.inject({ method: 'POST', url: `/api/public/awards/${f.batchId}/comments`, payload: { authorName: 'A', content: 'B' } });
    expect(closed.statusCode).toBe(404);
  });

  it('the province reads the catalogue with each form, its authority and threshold', async () => {
    const viewer = clients.get('viewer')!;
    const res = await viewer.get('/api/awards/catalogue');
    expect(res.statusCode).toBe(200);
    const forms = (res.json() as { forms: { id: string; authorityLabel: string; voteThresholdPercent: number; stateLevel: boolean }[] }).forms;
    expect(forms.find((x) => x.id === 'bang_khen_tinh')).toMatchObject({ authorityLabel: 'Chủ tịch UBND tỉnh', voteThresholdPercent: 80, stateLevel: false });
    expect(forms.find((x) => x.id === 'cstd_toan_quoc')).toMatchObject({ voteThresholdPercent: 90, stateLevel: true });
  });
});
