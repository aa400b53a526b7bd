// Crash safety of an import and of the province's approval of a round (issue 8, item 6), with the REAL server: a
// `node src/cli/main.ts serve` process is killed with SIGKILL in the middle of the operation, started again, and the
// registry is compared row by row (count and md5 of every row) with what it was before.
//
// Where the kill lands is not left to timing: tests/support/crash-probe.ts (loaded into the server with --import,
// nothing in src/ changes) holds the operation's transaction open right after a chosen statement has written its rows,
// and says so; the test checks that the operation had started (the marker, and on PostgreSQL the server's backend
// "idle in transaction" holding write locks on the tables) and had not finished (no COMMIT after the marker, no
// answer to the request), then kills.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openAppDatabase } from '../../src/server/runtime.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import { randomIds, systemClock } from '../../src/shared/clock.ts';
import { writeSyntheticWorkbook } from '../../src/import/write-synthetic-workbook.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { testEngine } from '../support/test-db-config.ts';
import { multipartBody } from '../support/multipart.ts';
import { officerAt, signInOver, startServerProcess, type HttpOfficer, type ServerProcess } from '../support/server-process.ts';

const engine = testEngine();
const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-crash-ia-'));
const password = 'MatKhau-Crash-2026';
const YEAR = 2021;
const COMMUNE = '06529';
/** Large enough that the transaction writes tens of thousands of rows (households, members, assessments). */
const HOUSEHOLDS = 6000;
const HOLD_MS = 300_000;
/** The registry and everything the two operations write. import_jobs, sessions and login attempts are not compared. */
const TABLES = ['households', 'household_members', 'assessments', 'audit_log', 'review_rounds', 'round_communes', 'round_aggregates'] as const;
type Digest = Record<(typeof TABLES)[number], { rows: number; md5: string }>;

let env: NodeJS.ProcessEnv;
let pgTest: TestDatabase | null = null;
let workbook: Buffer;
/** A second, smaller workbook of other villages (new households). */
let workbookB: Buffer;
const HOUSEHOLDS_B = 1000;
let villages: string[];
let roundId: string;
let server: ServerProcess | null = null;

/** Opens the database beside the server: PostgreSQL takes a second client; PGlite needs the server stopped. */
async function withDatabase<T>(fn: (database: Pick<Database, 'query'>) => Promise<T>): Promise<T> {
  if (pgTest) return fn(pgTest.database);
  const database = await openDatabase({ engine: 'pglite', dataDir: env.CHUNG_TAY_DATA_DIR! });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function digest(): Promise<Digest> {
  return withDatabase(async (database) => {
    const out = {} as Digest;
    for (const table of TABLES) {
      const [row] = await database.query<{ n: number; h: string }>(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as h from ${table} t`,
      );
      out[table] = { rows: row!.n, md5: row!.h };
    }
    return out;
  });
}

/** On PGlite the data directory belongs to one process: stop the server to read it, start it again after. */
async function digestNow(): Promise<Digest> {
  if (pgTest) return digest();
  await server?.stop();
  server = null;
  return digest();
}

async function start(probe?: { match: string; hit: number }): Promise<ServerProcess> {
  // One server at a time, as a province runs it (and none left behind when the test ends).
  if (server) await server.stop();
  server = await startServerProcess(env, probe ? { ...probe, holdMs: HOLD_MS } : undefined);
  return server;
}

async function signIn(username: string): Promise<HttpOfficer> {
  return officerAt(server!.baseUrl, await signInOver(server!.baseUrl, username, password));
}

/** The operation had started and had not finished: its statement ran inside an open transaction, no COMMIT followed. */
async function expectHeldMidTransaction(tables: string[]): Promise<void> {
  await server!.printed(/CRASH_PROBE_HELD/u);
  const out = server!.output().out;
  expect(out.slice(out.indexOf('CRASH_PROBE_HELD'))).not.toMatch(/CRASH_PROBE_COMMIT/u);
  if (!pgTest) return;
  // Seen from outside on PostgreSQL: the server's connection is inside a transaction holding write locks.
  const rows = await pgTest.database.query<{ relname: string }>(
    `select distinct c.relname from pg_locks l join pg_class c on c.oid = l.relation join pg_stat_activity a on a.pid = l.pid
      where a.datname = current_database() and a.pid <> pg_backend_pid() and a.state = 'idle in transaction'
        and l.mode = 'RowExclusiveLock' and l.granted`,
  );
  expect(rows.map((r) => r.relname)).toEqual(expect.arrayContaining(tables));
}

/** The officer's request, settled either way (it is expected never to be answered). */
function inFlight(request: Promise<{ status: number }>): Promise<{ status: number } | { failed: string }> {
  return request.catch((error: unknown) => ({ failed: String(error) }));
}

async function killMidOperation(request: Promise<{ status: number } | { failed: string }>): Promise<void> {
  expect(await server!.kill()).toBe('SIGKILL');
  server = null;
  // The officer's request never got an answer.
  expect(await request).toMatchObject({ failed: expect.stringMatching(/fetch failed/u) });
  if (pgTest) {
    // PostgreSQL rolls the dead client's transaction back when it sees the connection closed.
    for (let i = 0; i < 200; i += 1) {
      const [row] = await pgTest.database.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`,
      );
      if (row!.n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the killed server’s transaction is still open');
  }
}

/** The province's stored figure (what dashboards show) beside the count of the round's current assessments. */
async function provinceTotal(): Promise<{ stored: number | null; assessed: number }> {
  return withDatabase(async (database) => {
    const [stored] = await database.query<{ total: number }>(`select total from round_aggregates where round_id = $1 and unit_code = '20'`, [roundId]);
    const [assessed] = await database.query<{ n: number }>('select count(*)::int as n from assessments where round_id = $1 and is_current', [roundId]);
    return { stored: stored?.total ?? null, assessed: assessed!.n };
  });
}

async function uploadAndCheck(officer: HttpOfficer, content = workbook, households = HOUSEHOLDS): Promise<{ id: string; state: string; summary: { households?: number } }> {
  const body = multipartBody({ roundYear: String(YEAR) }, { name: 'file', filename: 'Danh sách hộ xã.xlsx', content });
  const res = await officer.request('POST', '/api/imports', body.payload, body.headers);
  expect(res.status, res.text).toBe(200);
  let job = res.json as { id: string; state: string; summary: { households?: number }; issues: unknown[] };
  for (let i = 0; i < 1200 && (job.state === 'parsing' || job.state === 'uploaded'); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await officer.request('GET', `/api/imports/${job.id}`)).json as typeof job;
  }
  expect(job.state, JSON.stringify(job.issues?.slice(0, 3))).toBe('parsed');
  expect(job.summary.households).toBe(households);
  return job;
}

beforeAll(async () => {
  env = { ...process.env, CHUNG_TAY_FILES_DIR: path.join(work, 'files') };
  delete env.DATABASE_URL;
  delete env.CHUNG_TAY_DATA_DIR;
  if (engine === 'postgres') {
    pgTest = await createTestDatabase();
    env.DATABASE_URL = (pgTest.database.pool!.options as { connectionString: string }).connectionString;
  } else {
    env.CHUNG_TAY_DATA_DIR = path.join(work, 'data');
  }
  // The province's database as the server opens it (migrations, reference data), then, through the app in this
  // process: two officers, villages in one commune and the 2021 review round.
  const config = readConfig(env, root);
  const database = await openAppDatabase(config);
  try {
    const catalog = createUnitsCatalog(database.db);
    const users = createUsersService({ db: database.db, clock: systemClock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, systemClock) });
    await users.create(systemActor, { username: 'canbo.xa', fullName: 'Cán bộ xã', password, assignments: [{ role: 'commune_officer', unitCode: COMMUNE, organisationId: null }] });
    await users.create(systemActor, { username: 'giamngheo.tinh', fullName: 'Văn phòng giảm nghèo tỉnh', password, assignments: [{ role: 'poverty_office', unitCode: '20', organisationId: null }] });
    const { app } = await buildApp({ database, clock: systemClock, ids: randomIds, config: { ...config, webDistDir: '/nonexistent' } });
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, payload, headers: { cookie, 'x-csrf-token': csrf } });
    };
    const commune = await login('canbo.xa');
    const province = await login('giamngheo.tinh');
    villages = [];
    for (let i = 1; i <= 10; i += 1) {
      const res = await commune('POST', '/api/units/villages', { communeCode: COMMUNE, name: `Thôn Thử Nghiệm ${i}`, kind: 'Thôn', validFrom: '2016-01-01' });
      expect(res.statusCode, res.body).toBe(200);
      villages.push((res.json() as { code: string }).code);
    }
    const opened = await province('POST', '/api/rounds', { year: YEAR, openedOn: `${YEAR}-09-01` });
    expect(opened.statusCode, opened.body).toBe(200);
    roundId = (opened.json() as { id: string }).id;
    await app.close();
  } finally {
    // PostgreSQL: the app's own pool (the test keeps pgTest's); PGlite: releases the data directory.
    await database.close();
  }
  const file = path.join(work, 'ho-gia-dinh.xlsx');
  await writeSyntheticWorkbook(file, { households: HOUSEHOLDS, year: YEAR, seed: 8, villages: villages.slice(0, 8).map((code) => ({ code, urban: false })) });
  workbook = fs.readFileSync(file);
  const fileB = path.join(work, 'ho-gia-dinh-b.xlsx');
  await writeSyntheticWorkbook(fileB, { households: HOUSEHOLDS_B, year: YEAR, seed: 9, villages: villages.slice(8).map((code) => ({ code, urban: false })) });
  workbookB = fs.readFileSync(fileB);
}, 600_000);

afterAll(async () => {
  if (server) await server.kill();
  await pgTest?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`SIGKILL of the real server mid-operation (${engine})`, { timeout: 600_000 }, () => {
  it('an import killed while committing leaves the registry and audit log exactly as before, is shown as failed in Vietnamese, and imports again', async () => {
    const before = await digest();
    expect(before.households.rows).toBe(0);

    // Hold the commit's transaction after its second chunk of members: every household and 10,000 members are
    // written (not yet committed) when the kill lands.
    await start({ match: String.raw`^\s*insert into household_members`, hit: 2 });
    const officer = await signIn('canbo.xa');
    const job = await uploadAndCheck(officer);
    if (pgTest) expect(await digest()).toEqual(before); // upload and check write nothing to the registry
    const commit = inFlight(officer.request('POST', `/api/imports/${job.id}/commit`));
    await expectHeldMidTransaction(['households', 'household_members']);
    if (pgTest) {
      // The job says so too: the commit had begun.
      expect(((await officer.request('GET', `/api/imports/${job.id}`)).json as { state: string }).state).toBe('committing');
    }
    await killMidOperation(commit);

    // Restarted: not a row of the import, not an audit row.
    await start();
    const again = await signIn('canbo.xa');
    const failed = (await again.request('GET', `/api/imports/${job.id}`)).json as { state: string; issues: { message: string }[] };
    expect(failed.state).toBe('failed');
    expect(failed.issues[0]!.message).toBe('Lượt nhập bị gián đoạn (máy chủ khởi động lại). Không có dữ liệu nào được ghi; hãy chạy lại.');
    expect((await again.request('POST', `/api/imports/${job.id}/commit`)).status).toBe(400);
    expect(await digestNow()).toEqual(before);

    // The same workbook, again, to the end.
    if (!server) await start();
    const officer2 = await signIn('canbo.xa');
    const retry = await uploadAndCheck(officer2);
    const committed = await officer2.request('POST', `/api/imports/${retry.id}/commit`);
    expect(committed.status, committed.text).toBe(200);
    expect((committed.json as { state: string }).state).toBe('committed');
    const after = await digestNow();
    expect(after.households.rows).toBe(HOUSEHOLDS);
    expect(after.assessments.rows).toBe(HOUSEHOLDS);
    expect(after.household_members.rows).toBeGreaterThan(HOUSEHOLDS * 2);
    expect(after.audit_log.rows).toBe(before.audit_log.rows + 1);
    expect(after.round_aggregates.rows).toBeGreaterThan(0);
    expect(await provinceTotal()).toEqual({ stored: HOUSEHOLDS, assessed: HOUSEHOLDS });

    // A second workbook commits; the kill lands in the recompute of the stored figures that follows (a transaction of
    // its own). The import stands, whole; at restart the figures are brought up to date rather than left stale.
    await start({ match: String.raw`^\s*delete from "round_aggregates"`, hit: 1 });
    const officer3 = await signIn('canbo.xa');
    const jobB = await uploadAndCheck(officer3, workbookB, HOUSEHOLDS_B);
    const commitB = inFlight(officer3.request('POST', `/api/imports/${jobB.id}/commit`));
    await expectHeldMidTransaction(['round_aggregates']);
    const printed = server!.output().out;
    expect(printed.slice(0, printed.indexOf('CRASH_PROBE_HELD'))).toMatch(/CRASH_PROBE_COMMIT/u); // the import had committed
    await killMidOperation(commitB);
    const cut = await digest();
    expect(cut.round_aggregates).toEqual(after.round_aggregates); // never half-replaced
    expect(cut.households.rows).toBe(HOUSEHOLDS + HOUSEHOLDS_B);
    expect(await provinceTotal()).toEqual({ stored: HOUSEHOLDS, assessed: HOUSEHOLDS + HOUSEHOLDS_B });
    await start();
    const officer4 = await signIn('canbo.xa');
    expect(((await officer4.request('GET', `/api/imports/${jobB.id}`)).json as { state: string }).state).toBe('committed');
    if (!pgTest) {
      await server!.stop();
      server = null;
    }
    expect(await provinceTotal()).toEqual({ stored: HOUSEHOLDS + HOUSEHOLDS_B, assessed: HOUSEHOLDS + HOUSEHOLDS_B });
  });

  it('freezing a round killed inside its transaction, then inside the recompute it triggers, never leaves half of either', async () => {
    if (server) {
      await server.stop();
      server = null;
    }
    // Fixture: every commune approved by the province (the steps before it are covered by registry-round.test.ts;
    // 194 communes walked through eight steps would only slow this test down).
    await withDatabase((database) => database.query(`update round_communes set state = 'province_approved', steps = '{"approvedOn":"2021-12-20"}' where round_id = $1`, [roundId]));
    const before = await digest();
    expect(before.round_communes.rows).toBeGreaterThan(150);
    expect(before.assessments.rows).toBe(HOUSEHOLDS + HOUSEHOLDS_B);

    // 1. Killed inside the freeze transaction: the round and every one of its communes updated, not committed.
    await start({ match: String.raw`^\s*update "round_communes" set "state"`, hit: 1 });
    let province = await signIn('giamngheo.tinh');
    const decision = { decisionNumber: '2426/QĐ-UBND', decisionDate: '2021-12-28' };
    const freeze = inFlight(province.request('POST', `/api/rounds/${roundId}/freeze`, decision));
    await expectHeldMidTransaction(['review_rounds', 'round_communes']);
    await killMidOperation(freeze);
    await start();
    province = await signIn('giamngheo.tinh');
    const rounds = (await province.request('GET', '/api/rounds')).json as { id: string; state: string; communeStates: Record<string, number> }[];
    const round = rounds.find((r) => r.id === roundId)!;
    expect(round.state).toBe('open');
    expect(round.communeStates).toEqual({ province_approved: before.round_communes.rows });
    expect(await digestNow()).toEqual(before);

    // 2. Done again: the decision commits; the kill lands in the recompute of the stored figures it triggers, after
    // the old figures were deleted inside that transaction and before the new ones were written.
    await start({ match: String.raw`^\s*delete from "round_aggregates"`, hit: 1 });
    province = await signIn('giamngheo.tinh');
    const freezeAgain = inFlight(province.request('POST', `/api/rounds/${roundId}/freeze`, decision));
    await expectHeldMidTransaction(['round_aggregates']);
    const out = server!.output().out;
    expect(out.slice(0, out.indexOf('CRASH_PROBE_HELD'))).toMatch(/CRASH_PROBE_COMMIT/u); // the decision had committed
    await killMidOperation(freezeAgain);
    const afterKill = await digest();
    // The figures are exactly the old ones — never half-replaced; the assessments and registry untouched.
    expect(afterKill.round_aggregates).toEqual(before.round_aggregates);
    expect(afterKill.assessments).toEqual(before.assessments);
    expect(afterKill.households).toEqual(before.households);
    expect(afterKill.household_members).toEqual(before.household_members);
    // The decision itself was one transaction, committed before the recompute began: round and communes frozen,
    // one audit row for it.
    const frozen = await withDatabase(async (database) => ({
      round: await database.query<{ state: string; decision_number: string }>('select state, decision_number from review_rounds where id = $1', [roundId]),
      communes: await database.query<{ state: string; n: number }>('select state, count(*)::int as n from round_communes where round_id = $1 group by state', [roundId]),
      audit: await database.query<{ action: string }>('select action from audit_log order by id desc limit 1'),
    }));
    expect(frozen.round[0]).toEqual({ state: 'frozen', decision_number: '2426/QĐ-UBND' });
    expect(frozen.communes).toEqual([{ state: 'frozen', n: before.round_communes.rows }]);
    expect(frozen.audit[0]!.action).toBe('round.frozen');
    expect(afterKill.audit_log.rows).toBe(before.audit_log.rows + 1);

    // Restarted, the server answers for the frozen round and refuses a second decision in Vietnamese.
    await start();
    province = await signIn('giamngheo.tinh');
    const third = await province.request('POST', `/api/rounds/${roundId}/freeze`, decision);
    expect(third.status).toBe(400);
    expect((third.json as { error: { message: string } }).error.message).toBe('Kỳ rà soát đã khoá sổ.');
    const figures = await province.request('GET', `/api/rounds/${roundId}/figures?unitCode=${COMMUNE}`);
    expect(figures.status).toBe(200);
    expect((figures.json as { total: number }).total).toBe(HOUSEHOLDS + HOUSEHOLDS_B);
  });
});
