import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticWorkbook } from '../../src/import/write-synthetic-workbook.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';
import { multipartBody } from '../support/multipart.ts';

let ctx: TestContext;
let commune: TestClient;
let villages: string[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-import-test-'));

async function workbook(name: string, options: { households: number; brokenRows?: number; villages: string[] }) {
  const file = path.join(tmp, name);
  const summary = await writeSyntheticWorkbook(file, { households: options.households, brokenRows: options.brokenRows, year: 2021, villages: options.villages.map((code) => ({ code, urban: false })) });
  return { content: fs.readFileSync(file), summary };
}

async function upload(content: Buffer) {
  const body = multipartBody({ roundYear: '2021' }, { name: 'file', filename: 'Danh sách hộ.xlsx', content });
  const res = await commune.request({ method: 'POST', url: '/api/imports', payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(200);
  let job = res.json() as { id: string; state: string; issues: { sheet: string; row: number | null; column: string | null; message: string }[]; issueCount: number; summary: Record<string, unknown>; progress: { fraction: number } };
  for (let i = 0; i < 200 && (job.state === 'parsing' || job.state === 'uploaded'); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await commune.get(`/api/imports/${job.id}`)).json();
  }
  return job;
}

async function householdCount(): Promise<number> {
  const [row] = await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from households');
  return row!.n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
  const province = await ctx.userWith('poverty_office', { unitCode: '20' });
  villages = [];
  for (const name of ['Thôn Nà Lù', 'Thôn Pò Mạ']) {
    villages.push((await commune.post('/api/units/villages', { communeCode: '06529', name, kind: 'Thôn', validFrom: '2016-01-01' })).json().code);
  }
  expect((await province.post('/api/rounds', { year: 2021, openedOn: '2021-09-01' })).statusCode).toBe(200);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// The 2021 review ran under QĐ 59/2015 (income or Phiếu B1 score, 10 indicators), which the synthetic workbook follows.
describe('importing a households workbook into the 2021 round', () => {
  it('downloads the template', async () => {
    const res = await commune.get('/api/imports/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/u);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('checks, previews and then commits a workbook with title rows and Vietnamese text', async () => {
    const { content, summary } = await workbook('good.xlsx', { households: 40, villages });
    const job = await upload(content);
    expect(job.state, JSON.stringify(job.issues.slice(0, 3))).toBe('parsed');
    expect(job.summary).toMatchObject({ households: 40, members: summary.members, newHouseholds: 40 });
    expect(await householdCount()).toBe(0);
    const committed = await commune.post(`/api/imports/${job.id}/commit`);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json().state).toBe('committed');
    expect(await householdCount()).toBe(40);
    const list = (await commune.get('/api/households?roundYear=2021&unitCode=06529&limit=5')).json();
    expect(list.total).toBe(40);
    expect(list.rows[0].category).not.toBeNull();
    const audit = await ctx.testDb.database.query<{ action: string }>("select action from audit_log where action = 'import.committed'");
    expect(audit).toHaveLength(1);
  });

  it('imports nothing from a workbook with 50 broken rows and lists all 50 with sheet, row, column and message', async () => {
    const before = await householdCount();
    const { content, summary } = await workbook('broken.xlsx', { households: 150, brokenRows: 50, villages });
    const job = await upload(content);
    expect(job.state).toBe('failed');
    expect(job.issueCount).toBe(50);
    const got = job.issues.map((i) => `${i.sheet}|${i.row}`).sort();
    const expected = summary.expectedErrors.map((e) => `${e.sheet}|${e.row}`).sort();
    expect(got).toEqual(expected);
    for (const issue of job.issues) {
      expect(issue.column).toMatch(/^Cột [A-Z]+ — /u);
      expect(issue.message.length).toBeGreaterThan(5);
    }
    expect((await commune.post(`/api/imports/${job.id}/commit`)).statusCode).toBe(400);
    expect(await householdCount()).toBe(before);
  });

  it('refuses rows of villages outside the caller’s scope, writing nothing', async () => {
    const before = await householdCount();
    const { content } = await workbook('foreign.xlsx', { households: 5, villages: ['06001-01'] });
    const job = await upload(content);
    expect(job.state).toBe('failed');
    expect(job.issues[0]!.message).toMatch(/không tồn tại|ngoài phạm vi/u);
    expect(await householdCount()).toBe(before);
  });

  it('refuses a file that is not an Excel workbook, in Vietnamese', async () => {
    const job = await upload(Buffer.from('đây không phải tệp Excel'));
    expect(job.state).toBe('failed');
    expect(job.issues[0]!.message).toMatch(/xlsx|Excel|tệp/iu);
  });
});
