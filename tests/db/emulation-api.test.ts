import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulationGroupMembers, emulationGroups, organisations } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { seedPlan165Campaign } from '../../src/seed/plan-165.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { login, testPassword, type TestClient } from '../support/test-app.ts';
import { addHousehold, addVillage, movableClock } from '../support/emulation-factories.ts';
import { createEmulationTestApp, type EmulationTestApp } from '../support/emulation-test-app.ts';

// Issue 5, "Must show", through HTTP: a department focal point registers, self-assesses criterion 1.1 with a file
// uploaded as multipart, the board verifies it, and the department appears in its block's ranking. Also: the route
// permissions refuse callers without the permission, the services refuse callers outside their scope, and the public
// fund page answers without a session and names no beneficiary.

let testDb: TestDatabase;
let t: EmulationTestApp;
let roundId: string;
let soYTe: string;
let soTuPhap: string;
let focal: TestClient;
let otherFocal: TestClient;
let board: TestClient;
let viewer: TestClient;
let communeOfficer: TestClient;
let registrationId: string;
let fileId: string;
const clock = movableClock('2017-12-22T03:00:00Z');
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-api-'));
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Công văn hướng dẫn số 12/HD-SYT', 'utf8')]);

function multipart(filename: string, mime: string, content: Buffer) {
  const boundary = '----ChungTayBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.database.db;
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode: '20' });
  await seedPlan165Campaign(db, { clock, ids: randomIds, provinceCode: '20' });
  const orgs = await db.select().from(organisations);
  soYTe = orgs.find((o) => o.name === 'Sở Y tế')!.id;
  soTuPhap = orgs.find((o) => o.name === 'Sở Tư pháp')!.id;
  const block = randomIds.newId();
  await db.insert(emulationGroups).values({ id: block, provinceCode: '20', year: 2017, kind: 'block', name: 'Khối các sở, ngành nội chính', createdAt: new Date() });
  await db.insert(emulationGroupMembers).values([
    { id: randomIds.newId(), groupId: block, unitCode: null, organisationId: soYTe },
    { id: randomIds.newId(), groupId: block, unitCode: null, organisationId: soTuPhap },
  ]);
  const village = await addVillage(db, '06532', '01', 'Thôn Khuổi Tào');
  await addHousehold(db, village, 'MS-0001', 'Hoàng Văn Bí Mật');
  t = await createEmulationTestApp(testDb.database, clock, filesDir, 64 * 1024);
  focal = await t.userWith('org_focal_point', { organisationId: soYTe });
  otherFocal = await t.userWith('org_focal_point', { organisationId: soTuPhap });
  board = await t.userWith('emulation_board', { unitCode: '20' });
  viewer = await t.userWith('viewer', { unitCode: '20' });
  communeOfficer = await t.userWith('commune_officer', { unitCode: '06532' });
});
afterAll(async () => {
  await t.close();
  await testDb.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('a department focal point through the API', () => {
  it('finds the campaign and its 2017 round', async () => {
    const list = await focal.get('/api/emulation/campaigns');
    expect(list.statusCode).toBe(200);
    const campaign = await focal.get(`/api/emulation/campaigns/${list.json()[0].id}`);
    expect(campaign.statusCode).toBe(200);
    roundId = campaign.json().rounds.find((r: { name: string }) => r.name === 'Đánh giá năm 2017').id;
  });

  it('registers its department with pledges', async () => {
    const res = await focal.post(`/api/emulation/rounds/${roundId}/registrations`, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soYTe }, registeredOn: '2017-02-10', pledges: ['Ban hành hướng dẫn BHYT cho người nghèo đúng hạn'] });
    expect(res.statusCode, res.body).toBe(200);
    registrationId = res.json().id;
    const other = await focal.post(`/api/emulation/rounds/${roundId}/registrations`, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soTuPhap }, pledges: ['x'] });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('auth.out_of_scope');
    const noPledge = await focal.post(`/api/emulation/rounds/${roundId}/registrations`, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soYTe }, pledges: [] });
    expect(noPledge.statusCode).toBe(400);
    expect((await otherFocal.post(`/api/emulation/rounds/${roundId}/registrations`, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soTuPhap }, registeredOn: '2017-02-11', pledges: ['Trợ giúp pháp lý miễn phí cho người nghèo'] })).statusCode).toBe(200);
  });

  it('uploads a PDF as multipart and refuses other types and oversized files', async () => {
    const ok = await focal.request({ method: 'POST', url: `/api/emulation/registrations/${registrationId}/files`, ...multipart('Hướng dẫn 12.pdf', 'application/pdf', pdf) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ originalName: 'Hướng dẫn 12.pdf', sizeBytes: pdf.length });
    fileId = ok.json().id;
    const exe = await focal.request({ method: 'POST', url: `/api/emulation/registrations/${registrationId}/files`, ...multipart('setup.exe', 'application/octet-stream', Buffer.from('MZ')) });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toMatch(/không đúng định dạng cho phép/u);
    const big = await focal.request({ method: 'POST', url: `/api/emulation/registrations/${registrationId}/files`, ...multipart('big.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(70 * 1024)])) });
    expect(big.statusCode).toBe(413);
    const stranger = await otherFocal.request({ method: 'POST', url: `/api/emulation/registrations/${registrationId}/files`, ...multipart('a.pdf', 'application/pdf', pdf) });
    expect(stranger.statusCode).toBe(403);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/emulation/registrations/${registrationId}/files`, headers: { cookie: focal.cookie, ...multipart('a.pdf', 'application/pdf', pdf).headers }, payload: multipart('a.pdf', 'application/pdf', pdf).payload });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('auth.csrf');
    const download = await focal.get(`/api/emulation/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await otherFocal.get(`/api/emulation/files/${fileId}`)).statusCode).toBe(403);
  });

  it('self-assesses 1.1 with the file; others cannot', async () => {
    const body = { points: 30, note: 'Ban hành 3 văn bản hướng dẫn đúng hạn', evidence: [{ kind: 'file', fileId }] };
    const res = await focal.request({ method: 'PUT', url: `/api/emulation/registrations/${registrationId}/scores/1.1/self`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines.find((l: { code: string }) => l.code === '1.1')).toMatchObject({ status: 'pending_verification', selfPoints: 30 });
    expect((await viewer.request({ method: 'PUT', url: `/api/emulation/registrations/${registrationId}/scores/1.1/self`, payload: body })).json().error.code).toBe('auth.forbidden');
    expect((await communeOfficer.request({ method: 'PUT', url: `/api/emulation/registrations/${registrationId}/scores/1.1/self`, payload: body })).json().error.code).toBe('auth.out_of_scope');
    expect((await focal.post(`/api/emulation/registrations/${registrationId}/scores/1.1/verify`, { decision: 'accept' })).json().error.code).toBe('auth.forbidden');
  });

  it('the board verifies after the self-assessment window, recomputes, and the block ranks the department', async () => {
    clock.set('2018-01-12T03:00:00Z');
    board = await login({ app: t.app, routes: t.routes }, board.username, testPassword);
    focal = await login({ app: t.app, routes: t.routes }, focal.username, testPassword);
    otherFocal = await login({ app: t.app, routes: t.routes }, otherFocal.username, testPassword);
    communeOfficer = await login({ app: t.app, routes: t.routes }, communeOfficer.username, testPassword);
    const queue = await board.get(`/api/emulation/rounds/${roundId}/verification-queue`);
    expect(queue.json().map((q: { participantName: string; code: string }) => [q.participantName, q.code])).toEqual([['Sở Y tế', '1.1']]);
    const verified = await board.post(`/api/emulation/registrations/${registrationId}/scores/1.1/verify`, { decision: 'adjust', points: 28, reason: 'Một văn bản ban hành chậm 5 ngày so với chỉ đạo' });
    expect(verified.statusCode, verified.body).toBe(200);
    const line = verified.json().lines.find((l: { code: string }) => l.code === '1.1');
    expect(line).toMatchObject({ points: 28, source: 'evidence', evidence: [{ kind: 'file', label: 'Tệp "Hướng dẫn 12.pdf"' }] });
    expect(line.explanation).toMatch(/Tự chấm 30 điểm, 1 minh chứng.*điều chỉnh → 28 điểm — lý do: Một văn bản ban hành chậm 5 ngày/u);
    expect((await board.post(`/api/emulation/rounds/${roundId}/recompute`)).statusCode).toBe(200);
    expect((await focal.get(`/api/emulation/rounds/${roundId}/rankings`)).statusCode).toBe(403);
    const rankings = await board.get(`/api/emulation/rounds/${roundId}/rankings`);
    expect(rankings.statusCode).toBe(200);
    const block = rankings.json().byGroup.find((g: { name: string }) => g.name === 'Khối các sở, ngành nội chính');
    expect(block.entries.map((e: { rank: number; participantName: string; total: number }) => [e.rank, e.participantName, e.total])).toEqual([
      [1, 'Sở Y tế', 28],
      [2, 'Sở Tư pháp', 0],
    ]);
    const sheet = await focal.get(`/api/emulation/registrations/${registrationId}/score-sheet`);
    expect(sheet.json().lines.map((l: { code: string; source: string }) => [l.code, l.source])).toEqual([['1.1', 'evidence'], ['1.2', 'council'], ['1.3', 'formula']]);
    expect((await otherFocal.get(`/api/emulation/registrations/${registrationId}/score-sheet`)).statusCode).toBe(403);
  });

  it('exports the results as XLSX with a sheet for the block', async () => {
    const res = await board.get(`/api/emulation/rounds/${roundId}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Khối các sở, ngành nội chính', 'Bảng điểm chi tiết']));
  });
});

describe('the Fund for the Poor through the API', () => {
  it('publishes a level and period without a session and without any beneficiary', async () => {
    const period = await communeOfficer.post('/api/fund/levels/06532/periods', { year: 2017, openingBalance: 2_000_000 });
    expect(period.statusCode, period.body).toBe(200);
    const [household] = await testDb.database.db.query.households.findMany();
    expect((await communeOfficer.post('/api/fund/levels/06532/contributions', { donorName: 'Ngân hàng Nông nghiệp chi nhánh Lộc Bình', donorKind: 'agency', agreesToBeNamed: true, form: 'cash', value: 10_000_000, receivedOn: '2017-11-01', receiptNumber: '01/2017' })).statusCode).toBe(200);
    const out = await communeOfficer.post('/api/fund/levels/06532/disbursements', { beneficiaryKind: 'household', householdId: household!.id, purpose: 'housing', value: 8_000_000, disbursedOn: '2017-12-20' });
    expect(out.statusCode, out.body).toBe(200);
    expect((await communeOfficer.post('/api/fund/levels/06535/periods', { year: 2017, openingBalance: null })).json().error.code).toBe('auth.out_of_scope');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/public/fund/levels/06532/periods/${period.json().id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ opening: 2_000_000, received: 10_000_000, spent: 8_000_000, closing: 4_000_000, namedDonors: [{ name: 'Ngân hàng Nông nghiệp chi nhánh Lộc Bình', total: 10_000_000 }] });
    expect(anonymous.body).not.toContain('Bí Mật');
    expect(anonymous.body).not.toContain('MS-0001');
    expect(anonymous.body).not.toContain(household!.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/fund/levels/06532/balances' })).statusCode).toBe(401);
  });
});

describe('every route declares its permission', () => {
  it('lists the emulation and fund routes with a permission each', () => {
    const own = t.routes.filter((r) => r.url.startsWith('/api/emulation') || r.url.includes('/fund/'));
    expect(own.length).toBeGreaterThan(40);
    expect(own.filter((r) => !r.permission)).toEqual([]);
    expect(own.filter((r) => r.permission === 'public').map((r) => r.url).sort()).toEqual(['/api/public/fund/levels', '/api/public/fund/levels/:unitCode/periods', '/api/public/fund/levels/:unitCode/periods/:periodId']);
  });
});
