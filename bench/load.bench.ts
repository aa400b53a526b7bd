// Review-season load: N commune officers of different communes log in and, for a fixed duration, mix reads
// (household lists, a commune's round page, round figures) and writes (household edits, assessments) against the
// server on loopback. Reports throughput, errors and latency percentiles, then checks that every write it made is in
// the database and in the audit log.
//
//   npm run bench -- load [--users 200] [--seconds 300] [--engine postgres|pglite] [--households-per-commune 40]
//
// PostgreSQL: a fresh database chung_tay_load is created on TEST_DATABASE_URL's server (default 127.0.0.1:5432).
import { parseArgs } from 'node:util';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock, randomIds } from '../src/shared/clock.ts';
import { seedReferenceData } from '../src/seed/seed-reference.ts';
import { createScopeChecker, createUnitsCatalog } from '../src/server/modules/units/units.service.ts';
import { createUsersService } from '../src/server/modules/users/users.service.ts';
import { systemActor } from '../src/server/modules/audit/audit.ts';
import { bulkInsert } from '../src/server/modules/imports/bulk-insert.ts';
import { foldForSearch } from '../src/shared/vi-text.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '300' },
    engine: { type: 'string', default: 'postgres' },
    'households-per-commune': { type: 'string', default: '40' },
  },
});
const USERS = Number(values.users);
const SECONDS = Number(values.seconds);
const PER_COMMUNE = Number(values['households-per-commune']);
const password = 'TaiKiemThu-2026';

async function openTarget(): Promise<Database> {
  if (values.engine === 'pglite') return openDatabase({ engine: 'pglite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ct-load-')) });
  const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query('drop database if exists chung_tay_load with (force)');
  await c.query('create database chung_tay_load');
  await c.end();
  admin.pathname = '/chung_tay_load';
  process.env.DATABASE_POOL_MAX = '20';
  return openDatabase({ engine: 'postgres', url: admin.toString() });
}

const database = await openTarget();
await database.migrate();
await seedReferenceData(database.db, { clock: systemClock, ids: randomIds, provinceCode: '20' });
const catalog = createUnitsCatalog(database.db);
const dir = await catalog.directory();
const today = systemClock.today();
const communes = dir.unitsOn(today, 'commune');
const users = createUsersService({ db: database.db, clock: systemClock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, systemClock) });

// One village per commune, PER_COMMUNE households per village, a 2026 round with drafted assessments.
const villages = communes.map((c) => ({ code: `${c.code}-01`, commune: c.code }));
await database.rawTransaction(async (q) => {
  await bulkInsert(q, 'admin_units', [
    { name: 'province_code', type: 'text', value: () => '20' },
    { name: 'code', type: 'text', value: (v: { code: string; commune: string }) => v.code },
    { name: 'name', type: 'text', value: (v) => `Thôn Thử ${v.code}` },
    { name: 'level', type: 'text', value: () => 'village' },
    { name: 'kind', type: 'text', value: () => 'Thôn' },
    { name: 'parent_code', type: 'text', value: (v) => v.commune },
    { name: 'valid_from', type: 'date', value: () => '2025-07-01' },
    { name: 'is_demo', type: 'bool', value: () => true },
  ], villages);
});
catalog.invalidate();
const households = villages.flatMap((v) => Array.from({ length: PER_COMMUNE }, (_, i) => ({ id: randomIds.newId(), code: `TAI-${v.code}-${i}`, village: v.code })));
const now = new Date();
await database.rawTransaction(async (q) => {
  await bulkInsert(q, 'households', [
    { name: 'id', type: 'uuid', value: (h: (typeof households)[number]) => h.id },
    { name: 'province_code', type: 'text', value: () => '20' },
    { name: 'code', type: 'text', value: (h) => h.code },
    { name: 'head_name', type: 'text', value: (h) => `Hộ thử ${h.code}` },
    { name: 'head_name_folded', type: 'text', value: (h) => foldForSearch(`Hộ thử ${h.code}`) },
    { name: 'village_code', type: 'text', value: (h) => h.village },
    { name: 'area', type: 'text', value: () => 'rural' },
    { name: 'dwelling', type: 'jsonb', value: () => ({}) },
    { name: 'is_demo', type: 'bool', value: () => true },
    { name: 'created_at', type: 'timestamptz', value: () => now },
    { name: 'updated_at', type: 'timestamptz', value: () => now },
  ], households);
  await bulkInsert(q, 'household_members', [
    { name: 'id', type: 'uuid', value: () => randomIds.newId() },
    { name: 'province_code', type: 'text', value: () => '20' },
    { name: 'household_id', type: 'uuid', value: (h: (typeof households)[number]) => h.id },
    { name: 'full_name', type: 'text', value: (h) => `Hộ thử ${h.code}` },
    { name: 'full_name_folded', type: 'text', value: (h) => foldForSearch(`Hộ thử ${h.code}`) },
    { name: 'birth_year', type: 'int', value: () => 1980 },
    { name: 'sex', type: 'text', value: () => 'male' },
    { name: 'relation', type: 'text', value: () => 'Chủ hộ' },
    { name: 'facts', type: 'jsonb', value: () => ({ hasHealthInsurance: true }) },
    { name: 'created_at', type: 'timestamptz', value: () => now },
  ], households);
});

const cfg = { cookieSecure: false, sessionTtlHours: 8, provinceCode: '20', webDistDir: '/nonexistent', trustProxy: false, uploadsDir: os.tmpdir(), maxUploadBytes: 10 * 1024 * 1024 } as const;
const { app } = await buildApp({ database, clock: systemClock, ids: randomIds, config: cfg });
const address = await app.listen({ host: '127.0.0.1', port: 0 });

// The province opens the 2026 round.
await users.create(systemActor, { username: 'tai.tinh', fullName: 'Tỉnh', password, assignments: [{ role: 'poverty_office', unitCode: '20', organisationId: null }] });
async function login(username: string) {
  const res = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
const province = await login('tai.tinh');
const roundRes = await fetch(`${address}/api/rounds`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: province.cookie, 'x-csrf-token': province.csrf }, body: JSON.stringify({ year: 2026, openedOn: '2026-09-01' }) });
const round = (await roundRes.json()) as { id: string };

// N officers of different communes (communes are reused when N exceeds their number).
const officers: { cookie: string; csrf: string; commune: string; households: typeof households }[] = [];
for (let i = 0; i < USERS; i += 1) {
  const commune = communes[i % communes.length]!.code;
  const username = `tai.xa${i}`;
  await users.create(systemActor, { username, fullName: `Cán bộ ${i}`, password, assignments: [{ role: 'commune_officer', unitCode: commune, organisationId: null }] });
  officers.push({ ...(await login(username)), commune, households: households.filter((h) => h.village === `${commune}-01`) });
}

const latencies: number[] = [];
const kindLatency = new Map<string, number[]>();
const byKind = new Map<string, number>();
let errors = 0;
const errorSamples: string[] = [];
const patches = new Map<string, number>();
let assessmentsWritten = 0;
const deadline = Date.now() + SECONDS * 1000;

async function call(kind: string, o: (typeof officers)[number], method: string, url: string, body?: unknown): Promise<{ status: number; text: string } | null> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${address}${url}`, {
      method,
      headers: { cookie: o.cookie, 'x-csrf-token': o.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text().catch(() => '');
    latencies.push(performance.now() - t0);
    kindLatency.set(kind, [...(kindLatency.get(kind) ?? []), performance.now() - t0]);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    if (res.status >= 400 && !(res.status === 409 && kind === 'edit')) {
      errors += 1;
      if (errorSamples.length < 10) errorSamples.push(`${kind} ${res.status}`);
    }
    return { status: res.status, text };
  } catch (error) {
    errors += 1;
    if (errorSamples.length < 10) errorSamples.push(`${kind} ${(error as Error).message}`);
    return null;
  }
}

async function virtualUser(o: (typeof officers)[number], seed: number) {
  let n = seed;
  const versions = new Map<string, number>();
  while (Date.now() < deadline) {
    n = (n * 1103515245 + 12345) & 0x7fffffff;
    const r = (n % 1000) / 1000;
    const h = o.households[n % o.households.length]!;
    // Review-season mix: 55% lists, 15% round page, 10% figures, 12% household edits, 8% assessments.
    if (r < 0.55) await call('list', o, 'GET', `/api/households?unitCode=${o.commune}&limit=50`);
    else if (r < 0.7) await call('round', o, 'GET', `/api/rounds/${round.id}/communes/${o.commune}`);
    else if (r < 0.8) await call('figures', o, 'GET', `/api/rounds/${round.id}/figures?unitCode=${o.commune}`);
    else if (r < 0.92) {
      const version = versions.get(h.id) ?? (await (async () => {
        const d = await call('detail', o, 'GET', `/api/households/${h.id}`);
        return d?.status === 200 ? ((JSON.parse(d.text) as { version: number }).version ?? 1) : 1;
      })());
      const res = await call('edit', o, 'PATCH', `/api/households/${h.id}`, { hasMeritPerson: n % 2 === 0, version });
      if (res?.status === 200) {
        versions.set(h.id, version + 1);
        patches.set(h.id, (patches.get(h.id) ?? 0) + 1);
      } else versions.delete(h.id);
    } else {
      const res = await call('assess', o, 'PUT', `/api/rounds/${round.id}/households/${h.id}/assessment`, { incomePerCapita: 900_000 + (n % 1_500_000), ticked: n % 3 ? ['telecom'] : [] });
      if (res?.status === 200) assessmentsWritten += 1;
    }
  }
}

const started = performance.now();
const rss0 = process.memoryUsage().rss;
await Promise.all(officers.map((o, i) => virtualUser(o, i + 1)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;

// Nothing lost: each successful edit bumped the household's version once and wrote one audit row.
const patchTotal = [...patches.values()].reduce((s, n) => s + n, 0);
const [vrow] = await database.query<{ n: number }>('select coalesce(sum(version - 1), 0)::int as n from households where code like $1', ['TAI-%']);
const [arow] = await database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'household.updated'");
const [asrow] = await database.query<{ n: number }>("select count(*)::int as n from audit_log where action in ('assessment.recorded', 'assessment.amended')");
const [crow] = await database.query<{ n: number }>('select count(*)::int as n from assessments where round_id = $1', [round.id]);

console.log(
  JSON.stringify(
    {
      engine: database.engine,
      cores: os.cpus().length,
      users: USERS,
      seconds: Math.round(elapsed),
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / elapsed),
      byKind: Object.fromEntries(byKind),
      medianMsByKind: Object.fromEntries([...kindLatency].map(([k, v]) => [k, Math.round(v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!)])),
      errors,
      errorSamples,
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100) },
      writes: { householdEdits: patchTotal, inDatabase: vrow!.n, inAuditLog: arow!.n, assessments: assessmentsWritten, assessmentRows: crow!.n, assessmentAudit: asrow!.n },
      writesLost: patchTotal - vrow!.n + (patchTotal - arow!.n) + (assessmentsWritten - asrow!.n),
      rssMB: Math.round(process.memoryUsage().rss / 1048576),
      rssStartMB: Math.round(rss0 / 1048576),
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
