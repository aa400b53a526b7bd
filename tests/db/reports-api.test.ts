import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.ts';
import { createReportsFixture, type ReportsFixture } from '../support/reports-fixture.ts';
import { createReportsApp } from '../support/reports-test-app.ts';
import type { TestClient } from '../support/test-app.ts';

// The reports routes over HTTP: permissions, CSRF, scope refusals, Vietnamese errors and file downloads; and a probe
// of every route by roles scoped to one commune (06529, Lộc Bình) or one organisation against targets outside their
// scope — the probes the lead's access matrix needs.

let f: ReportsFixture;
let api: Awaited<ReturnType<typeof createReportsApp>>;
let board: TestClient;
let caoLoc: TestClient;
let requestId: string;
let caoLocSub: string;
let templateId: string;
let yTe: string;

beforeAll(async () => {
  f = await createReportsFixture('2018-06-10T02:00:00Z');
  api = await createReportsApp(f);
  board = await api.userWith('emulation_board', { unitCode: '20' });
  caoLoc = await api.userWith('district_officer', { unitCode: '183' });
  yTe = (await f.testDb.database.query<{ id: string }>(`select id from organisations where name = 'Sở Y tế'`))[0]!.id;
}, 180_000);
afterAll(async () => {
  await api.close();
  await f.close();
});

describe('the board issues a request over HTTP', () => {
  it('refuses a write without the CSRF header', async () => {
    const res = await board.request({ method: 'POST', url: '/api/reports/templates', payload: { name: 'Mẫu', sections: [{ kind: 'narrative', key: 'ket_qua', title: 'Kết quả' }] }, headers: { 'x-csrf-token': 'gia-mao' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });

  it('refuses a malformed template in Vietnamese', async () => {
    const res = await board.post('/api/reports/templates', { name: 'Mẫu', sections: [{ kind: 'narrative', key: 'Kết quả', title: 'Kết quả' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Mã phần chỉ gồm chữ thường không dấu/u);
  });

  it('creates a template and sends a request to every district', async () => {
    const t = await board.post('/api/reports/templates', {
      name: 'Báo cáo quý',
      sections: [
        { kind: 'figures', key: 'so_lieu', title: 'Số liệu', fields: ['total', 'poor', 'poorRate'] },
        { kind: 'narrative', key: 'ket_qua', title: 'Kết quả', required: true },
      ],
    });
    expect(t.statusCode, t.body).toBe(200);
    templateId = t.json().id;
    const r = await board.post('/api/reports/requests', {
      kind: 'quarterly',
      title: 'Báo cáo quý II năm 2018',
      templateId,
      roundYear: 2017,
      deadline: '2018-06-12',
      recipients: { levels: ['district'], organisationIds: [yTe] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ recipientCount: 12, kindLabel: 'Báo cáo quý' });
    requestId = r.json().id;
  });

  it('puts the request in the district’s inbox with its deadline and a reminder', async () => {
    const res = await caoLoc.get('/api/reports/inbox');
    expect(res.statusCode).toBe(200);
    const [item] = res.json().toSubmit;
    expect(item).toMatchObject({ recipientName: 'Huyện Cao Lộc', deadline: '2018-06-12', deadlineStatus: { daysLeft: 2, dueSoon: true, reminder: 'Còn 2 ngày đến hạn gửi báo cáo.' } });
    caoLocSub = item.id;
  });

  it('lets the district write and submit, and refuses its own approval', async () => {
    const saved = await caoLoc.request({ method: 'PUT', url: `/api/reports/submissions/${caoLocSub}/content`, payload: { narratives: { ket_qua: 'Hoàn thành kế hoạch quý.' }, version: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await caoLoc.post(`/api/reports/submissions/${caoLocSub}/submit`)).json().state).toBe('submitted');
    const self = await caoLoc.post(`/api/reports/submissions/${caoLocSub}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toEqual({ code: 'auth.out_of_scope', message: 'Báo cáo này nằm ngoài phạm vi được phân quyền của bạn.' });
  });

  it('refuses a return without a comment', async () => {
    const res = await board.post(`/api/reports/submissions/${caoLocSub}/return`, { comment: '  ' });
    expect(res.statusCode).toBe(400);
  });

  it('the province approves and downloads the consolidated report with a Vietnamese file name', async () => {
    expect((await board.post(`/api/reports/submissions/${caoLocSub}/approve`)).json().state).toBe('approved');
    const res = await board.get(`/api/reports/requests/${requestId}/consolidation.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao-cao-tong-hop-Bao-cao-quy-II-nam-2018.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo tổng hợp - Báo cáo quý II năm 2018.docx')}`,
    );
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await board.get(`/api/reports/requests/${requestId}/consolidation.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('serves the timeliness of the request and of a unit for the year', async () => {
    const res = await board.get(`/api/reports/requests/${requestId}/timeliness`);
    expect(res.json().counts).toEqual({ on_time: 1, late: 0, missing: 0, pending: 11 });
    const unit = await caoLoc.get('/api/reports/timeliness?unitCode=183&year=2018');
    expect(unit.json().rows).toEqual([expect.objectContaining({ requestId, status: 'on_time', label: 'Đúng hạn' })]);
    expect((await caoLoc.get('/api/reports/timeliness?unitCode=183&organisationId=' + yTe + '&year=2018')).statusCode).toBe(400);
  });
});

type Probe =
  | { kind: 'forbidden'; request: () => InjectOptions }
  | { kind: 'filtered'; request: () => InjectOptions; check: (res: LightMyRequestResponse) => void }
  | { kind: 'reference'; why: string };

// Targets outside every probing role's scope: Cao Lộc's report, the province's request-level views.
const probes: Record<string, Probe> = {
  'GET /api/reports/templates': { kind: 'reference', why: 'report templates are blank forms, the same for every unit' },
  'POST /api/reports/templates': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/reports/templates', payload: { name: 'Mẫu lạ', sections: [{ kind: 'narrative', key: 'a', title: 'A' }] } }) },
  'POST /api/reports/requests': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/reports/requests', payload: { kind: 'ad_hoc', title: 'Lạ', templateId, roundYear: 2017, deadline: '2018-07-01', recipients: { unitCodes: ['06529'] } } }),
  },
  'GET /api/reports/requests': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/reports/requests' }),
    check: (res) => {
      for (const r of res.json() as { recipientCount: number }[]) expect(r.recipientCount).toBeLessThanOrEqual(1);
    },
  },
  'GET /api/reports/overview': { kind: 'forbidden', request: () => ({ method: 'GET', url: '/api/reports/overview' }) },
  'GET /api/reports/requests/:id': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}` }),
    check: (res) => expect((res.json() as { submissions: { unitCode: string | null }[] }).submissions.map((s) => s.unitCode)).not.toContain('183'),
  },
  'GET /api/reports/requests/:id/timeliness': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/timeliness` }),
    check: (res) => expect((res.json() as { rows: { unitCode: string | null }[] }).rows.map((s) => s.unitCode)).not.toContain('183'),
  },
  'GET /api/reports/timeliness': { kind: 'forbidden', request: () => ({ method: 'GET', url: '/api/reports/timeliness?unitCode=183&year=2018' }) },
  'GET /api/reports/inbox': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/reports/inbox' }),
    check: (res) => {
      const body = res.json() as { toSubmit: { unitCode: string | null }[]; toReview: { unitCode: string | null }[] };
      expect([...body.toSubmit, ...body.toReview].map((s) => s.unitCode)).not.toContain('183');
    },
  },
  'GET /api/reports/submissions/:id': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/submissions/${caoLocSub}` }) },
  'PUT /api/reports/submissions/:id/content': { kind: 'forbidden', request: () => ({ method: 'PUT', url: `/api/reports/submissions/${caoLocSub}/content`, payload: { narratives: { ket_qua: 'x' }, version: 1 } }) },
  'POST /api/reports/submissions/:id/submit': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/reports/submissions/${caoLocSub}/submit` }) },
  'POST /api/reports/submissions/:id/return': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/reports/submissions/${caoLocSub}/return`, payload: { comment: 'Bổ sung số liệu' } }) },
  'POST /api/reports/submissions/:id/approve': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/reports/submissions/${caoLocSub}/approve` }) },
  'POST /api/reports/submissions/:id/revoke': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/reports/submissions/${caoLocSub}/revoke`, payload: { reason: 'Sai số liệu' } }) },
  'POST /api/reports/requests/:id/approve-many': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/reports/requests/${requestId}/approve-many`, payload: { submissionIds: [caoLocSub] } }) },
  'GET /api/reports/requests/:id/consolidation': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/consolidation` }) },
  'PUT /api/reports/requests/:id/consolidation': { kind: 'forbidden', request: () => ({ method: 'PUT', url: `/api/reports/requests/${requestId}/consolidation`, payload: { narrative: ['x'] } }) },
  'GET /api/reports/requests/:id/consolidation.docx': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/consolidation.docx` }) },
  'GET /api/reports/requests/:id/consolidation.pdf': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/consolidation.pdf` }) },
  'GET /api/reports/requests/:id/consolidation.xlsx': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/consolidation.xlsx` }) },
  'GET /api/reports/requests/:id/to-trinh.docx': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/requests/${requestId}/to-trinh.docx` }) },
  'GET /api/reports/submissions/:id/report.docx': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/submissions/${caoLocSub}/report.docx` }) },
  'GET /api/reports/submissions/:id/tables.xlsx': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/reports/submissions/${caoLocSub}/tables.xlsx` }) },
  'GET /api/reports/documents/plan-165.docx': { kind: 'reference', why: 'Kế hoạch 165/KH-UBND is a public document of the province' },
  'GET /api/reports/documents/round-meeting.docx': {
    kind: 'forbidden',
    request: () => ({ method: 'GET', url: `/api/reports/documents/round-meeting.docx?roundId=${f.round2017}&communeCode=06001&startTime=08:00&endTime=10:00&venue=Nh%C3%A0%20v%C4%83n%20h%C3%B3a&secretaryName=A` }),
  },
};

describe('every reports route, probed from outside the target’s scope', () => {
  it('every route declares a permission and has a probe', () => {
    const routes = api.routes.filter((r) => r.url.startsWith('/api/reports')).map((r) => `${r.method} ${r.url}`);
    expect(api.routes.filter((r) => r.url.startsWith('/api/reports') && !r.permission)).toEqual([]);
    expect(routes.filter((k) => !(k in probes))).toEqual([]);
    expect(Object.keys(probes).filter((k) => !routes.includes(k))).toEqual([]);
  });

  const roles: [Role, { unitCode?: string; organisationId?: string }][] = [
    ['commune_officer', { unitCode: '06529' }],
    ['district_officer', { unitCode: '188' }],
    ['village_head', { unitCode: '06529' }],
    ['viewer', { unitCode: '06529' }],
    ['admin', { unitCode: '06529' }],
    ['emulation_board', { unitCode: '06529' }],
    ['poverty_office', { unitCode: '06529' }],
    ['council_member', { unitCode: '06529' }],
    ['org_focal_point', { organisationId: 'yTe' }],
  ];
  it.each(roles)('%s cannot read or act outside its scope', async (role, scope) => {
    const client = await api.userWith(role, scope.organisationId ? { organisationId: yTe } : scope);
    const before = await f.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    for (const [key, probe] of Object.entries(probes)) {
      if (probe.kind === 'reference') continue;
      const res = await client.request(probe.request());
      if (probe.kind === 'forbidden') expect([401, 403], `${role} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      else if (res.statusCode === 200) probe.check(res);
      else expect(res.statusCode, `${role} ${key}`).toBe(403);
    }
    const after = await f.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
