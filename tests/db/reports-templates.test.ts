import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceReportTemplates } from '../../src/domain/reports/reference-report-templates.ts';
import { seedReferenceReportTemplates } from '../../src/seed/seed-report-templates.ts';
import { createReportsFixture, type ReportsFixture } from '../support/reports-fixture.ts';
import { createReportsApp } from '../support/reports-test-app.ts';
import type { TestClient } from '../support/test-app.ts';

// The official report templates on a fresh database without demo data: seeded once at start-up (a second start adds
// nothing), listed with their legal basis and version, usable by the board to issue a request, and copied into a new
// template the board edits.

let f: ReportsFixture;
let api: Awaited<ReturnType<typeof createReportsApp>>;
let board: TestClient;
let caoLoc: TestClient;
const [movement, review] = referenceReportTemplates;

beforeAll(async () => {
  f = await createReportsFixture('2018-06-10T02:00:00Z');
  api = await createReportsApp(f);
  board = await api.userWith('emulation_board', { unitCode: '20' });
  caoLoc = await api.userWith('district_officer', { unitCode: '183' });
}, 180_000);
afterAll(async () => {
  await api.close();
  await f.close();
});

describe('official report templates without demo data', () => {
  it('are seeded once: a second start adds nothing', async () => {
    expect(await seedReferenceReportTemplates(f.db, { clock: f.deps.clock, provinceCode: '20' })).toBe(referenceReportTemplates.length);
    expect(await seedReferenceReportTemplates(f.db, { clock: f.deps.clock, provinceCode: '20' })).toBe(0);
    const [row] = await f.testDb.database.query<{ n: number }>('select count(*)::int as n from report_templates');
    expect(row!.n).toBe(referenceReportTemplates.length);
    const [demo] = await f.testDb.database.query<{ n: number }>('select count(*)::int as n from report_templates where is_demo');
    expect(demo!.n).toBe(0);
  });

  it('are listed first, in their order, with their legal basis, version and period, not yet in use', async () => {
    const res = await caoLoc.get('/api/reports/templates');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: string; origin: string; version: number; legalBasis: string; requestCount: number; originLabel: string }[];
    expect(list.map((t) => t.id)).toEqual([movement!.id, review!.id]);
    expect(list[0]).toMatchObject({ origin: 'reference', originLabel: 'Mẫu chính thức (báo cáo năm)', version: 1, reportKind: 'annual', requestCount: 0 });
    expect(list[1]!.legalBasis).toMatch(/Thông tư số 17\/2016\/TT-BLĐTBXH/u);
  });

  it('let the board issue the review results request; the district finds its figures pre-filled; the template is then in use', async () => {
    const r = await board.post('/api/reports/requests', {
      kind: 'annual',
      title: 'Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo năm 2017',
      templateId: review!.id,
      roundYear: 2017,
      deadline: '2018-06-30',
      recipients: { levels: ['district'] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ templateName: review!.name, recipientCount: 11 });
    const inbox = (await caoLoc.get('/api/reports/inbox')).json() as { toSubmit: { id: string; requestTitle: string }[] };
    const item = inbox.toSubmit.find((s) => s.requestTitle.startsWith('Báo cáo kết quả rà soát'))!;
    const sub = (await caoLoc.get(`/api/reports/submissions/${item.id}`)).json() as { figures: { live: { roundYear: number; values: Record<string, number> } }; sections: { key: string }[] };
    expect(sub.figures.live.roundYear).toBe(2017);
    expect(sub.figures.live.values.total).toBeGreaterThan(0);
    expect(sub.sections.map((s) => s.key)).toEqual(review!.sections.map((s) => s.key));
    const listed = (await board.get('/api/reports/templates')).json() as { id: string; requestCount: number }[];
    expect(listed.find((t) => t.id === review!.id)!.requestCount).toBe(1);
  });

  it('are copied into a template of the board, listed after them', async () => {
    const copy = await board.post('/api/reports/templates', {
      name: 'Báo cáo sơ kết 6 tháng phong trào thi đua',
      description: movement!.description,
      sections: [...movement!.sections, { kind: 'narrative', key: 'de_xuat_khen', title: 'Đề xuất khen thưởng', required: false }],
    });
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.json()).toMatchObject({ origin: 'custom', originLabel: 'Mẫu do Ban tạo', version: null, legalBasis: null, requestCount: 0 });
    const listed = (await board.get('/api/reports/templates')).json() as { id: string }[];
    expect(listed.map((t) => t.id)).toEqual([movement!.id, review!.id, copy.json().id]);
  });
});
