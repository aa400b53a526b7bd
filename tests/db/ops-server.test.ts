// Health, readiness, metrics, request ids in logs, and the server-side backup route (issue 8, items 1 and 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type Database } from '../../src/db/client.ts';
import '../../src/server/http/fastify-types.ts';
import { installAuthGuard, type RegisteredRoute } from '../../src/server/http/auth-guard.ts';
import { installErrorHandler } from '../../src/server/http/error-handler.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../../src/server/modules/auth/auth.routes.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import type { App } from '../../src/server/http/app-types.ts';
import { fixedClock, randomIds } from '../../src/shared/clock.ts';
import { registerHealthRoutes } from '../../src/ops/health.ts';
import { installMetrics } from '../../src/ops/metrics.ts';
import { acceptedRequestId, installRequestIdEcho, loggingOptions } from '../../src/ops/logging.ts';
import { registerSystemRoutes } from '../../src/ops/system.routes.ts';
import { verifyBackupArchive } from '../../src/ops/backup-archive.ts';
import { restoreBackup } from '../../src/ops/restore.ts';
import { command as backupCommand } from '../../src/cli/commands/backup.ts';
import { PassThrough } from 'node:stream';
import { digestFiles, digestTables, fillProvince, fixturePassword } from '../../src/ops/ops-fixtures.test-support.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { testEngine } from '../support/test-db-config.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-ops-server-'));
const filesDir = path.join(work, 'files');
const clock = fixedClock('2026-11-29T03:00:00Z');
const metricsToken = 'ma-giam-sat-2026';
let testDb: TestDatabase;
let app: App;
const logLines: Array<Record<string, unknown>> = [];

interface BuildOptions {
  database: Pick<Database, 'query'> & Partial<Database>;
  migrationsFolder?: string;
  metrics?: boolean;
  logger?: FastifyServerOptions['logger'];
}

/** The app as src/server/app.ts builds it, with the ops pieces wired the way the lead will wire them. */
async function build(options: BuildOptions & { database: Database }): Promise<App> {
  const { database } = options;
  const logging = loggingOptions({ level: 'info', ids: randomIds });
  const server = Fastify({ ...logging, logger: options.logger ?? false }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  installMetrics(server, { enabled: options.metrics ?? true, database, token: metricsToken });
  installRequestIdEcho(server);
  await server.register(fastifyCookie);
  const auth = createAuthService({ db: database.db, clock, ids: randomIds, provinceCode: '20', sessionTtlHours: 8 });
  const routes: RegisteredRoute[] = [];
  installAuthGuard(server, auth, routes);
  installErrorHandler(server);
  registerAuthRoutes(server, auth, false);
  registerHealthRoutes(server, { database, migrationsFolder: options.migrationsFolder });
  const catalog = createUnitsCatalog(database.db);
  registerSystemRoutes(server, { database, scope: createScopeChecker(catalog, clock), clock, provinceCode: '20', filesDir, tmpDir: work });
  await server.ready();
  return server;
}

async function signIn(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: fixturePassword } });
  expect(res.statusCode).toBe(200);
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0]! : String(raw)).split(';')[0]!;
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await fillProvince(testDb.database, { households: 60, auditRows: 200, filesDir });
  // An administrator whose scope is one district only: may not take the province's backup.
  const catalog = createUnitsCatalog(testDb.database.db);
  const users = createUsersService({ db: testDb.database.db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock) });
  const [district] = await testDb.database.query<{ code: string }>(`select code from admin_units where level = 'district' order by code limit 1`);
  await users.create(systemActor, {
    username: 'quantri.huyen',
    fullName: 'Quản trị huyện',
    password: fixturePassword,
    assignments: [{ role: 'admin', unitCode: district!.code, organisationId: null }],
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logging = loggingOptions({ level: 'info', ids: randomIds });
  app = await build({ database: testDb.database, logger: { ...(logging.logger as object), stream: sink } });
}, 300_000);

afterAll(async () => {
  await app.close();
  await testDb.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`health and readiness (${testEngine()})`, { timeout: 300_000 }, () => {
  it('/health answers while the process is up', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('/ready answers 200 with the migration when the database is reachable and migrated to this version', async () => {
    const res = await app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', migration: expect.stringMatching(/^0000_/u) });
  });

  it('/ready answers 503 when this version ships a migration the database has not run', async () => {
    const later = path.join(work, 'migrations-later');
    fs.cpSync(migrationsFolder, later, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(later, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '0099_later' });
    fs.writeFileSync(path.join(later, 'meta/_journal.json'), JSON.stringify(journal));
    fs.writeFileSync(path.join(later, '0099_later.sql'), 'select 1;');
    const newer = await build({ database: testDb.database, migrationsFolder: later, metrics: false });
    try {
      const res = await newer.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', reason: 'migrations_behind', message: expect.stringMatching(/0099_later.*db migrate/u) });
    } finally {
      await newer.close();
    }
  });

  it('/ready answers 503 when a newer version has migrated the database', async () => {
    const older = path.join(work, 'migrations-older');
    fs.cpSync(migrationsFolder, older, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(older, 'meta/_journal.json'), 'utf8'));
    journal.entries.at(-1).when -= 1;
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(journal));
    const old = await build({ database: testDb.database, migrationsFolder: older, metrics: false });
    try {
      const res = await old.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ reason: 'migrations_unknown' });
    } finally {
      await old.close();
    }
  });

  it('/ready answers 503 on a database that was never migrated, and when the database does not answer', async () => {
    const bare = await openDatabase({ engine: 'pglite', dataDir: null });
    const unmigrated = await build({ database: bare, metrics: false });
    try {
      const res = await unmigrated.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ reason: 'not_migrated', message: expect.stringMatching(/db migrate/u) });
      await bare.close();
      const down = await unmigrated.inject({ method: 'GET', url: '/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ reason: 'database_unreachable' });
      const health = await unmigrated.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
    } finally {
      await unmigrated.close();
    }
  });
});

describe(`metrics (${testEngine()})`, { timeout: 300_000 }, () => {
  it('answer only with the token, in Prometheus text: latency per route, requests by status, failed logins, import jobs, pool', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer sai' } })).statusCode).toBe(401);

    const scrape = async () => {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/u);
      return res.body;
    };
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    const before = await scrape();
    const readyBefore = value(before, 'chung_tay_http_requests_total{method="GET",route="/ready",status="200"}') ?? 0;
    const failedBefore = value(before, 'chung_tay_login_failures_total{reason="invalid_credentials"}');
    expect(failedBefore).toBe(0);
    expect(value(before, 'chung_tay_login_failures_total{reason="rate_limited"}')).toBe(0);

    await app.inject({ method: 'GET', url: '/ready' });
    await app.inject({ method: 'GET', url: '/ready' });
    await app.inject({ method: 'GET', url: '/khong-co-trang-nay/123' });
    for (let i = 0; i < 6; i += 1) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nguoi.la', password: 'sai-mat-khau' } });
    }
    await testDb.database.query(
      `insert into import_jobs (id, province_code, kind, file_name, file_sha256, file_bytes, state, created_at, updated_at)
       values (gen_random_uuid(), '20', 'households', 'danh-sach.xlsx', repeat('a', 64), 100, 'parsed', now(), now())`,
    );
    const after = await scrape();
    expect(value(after, 'chung_tay_http_requests_total{method="GET",route="/ready",status="200"}')).toBe(readyBefore + 2);
    // Unknown URLs are one series, not one per URL.
    expect(value(after, 'chung_tay_http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(after).not.toMatch(/khong-co-trang-nay/u);
    // 5 wrong passwords, then the account is held back (DOMAIN: 5 failures in 15 minutes).
    expect(value(after, 'chung_tay_login_failures_total{reason="invalid_credentials"}')).toBe(5);
    expect(value(after, 'chung_tay_login_failures_total{reason="rate_limited"}')).toBe(1);
    // Histogram: cumulative buckets ending in +Inf = count.
    const count = value(after, 'chung_tay_http_request_duration_seconds_count{method="GET",route="/ready"}')!;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(value(after, 'chung_tay_http_request_duration_seconds_bucket{method="GET",route="/ready",le="+Inf"}')).toBe(count);
    expect(value(after, 'chung_tay_http_request_duration_seconds_bucket{method="GET",route="/ready",le="0.005"}')).toBeLessThanOrEqual(count);
    expect(after).toMatch(/^# TYPE chung_tay_http_request_duration_seconds histogram$/mu);
    expect(value(after, 'chung_tay_import_jobs{state="parsed"}')).toBe(1);
    expect(value(after, 'chung_tay_import_jobs{state="committed"}')).toBe(0);
    expect(value(after, 'chung_tay_database_up')).toBe(1);
    expect(value(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    if (testEngine() === 'postgres') {
      expect(value(after, 'chung_tay_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(value(after, 'chung_tay_db_pool_waiting_requests')).toBe(0);
    } else {
      expect(after).not.toMatch(/chung_tay_db_pool/u);
    }
  });

  it('are not served when the option is off', async () => {
    const off = await build({ database: testDb.database, metrics: false });
    try {
      expect((await off.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('request ids', () => {
  it.each([
    ['a UUID from the proxy', '0b6c5f0e-3d9a-4c39-9a53-1f7c1f2b8e11', true],
    ["nginx's $request_id", '4f1c2a9be0d34f6fa1b2c3d4e5f60718', true],
    ['a line break (log injection)', 'abc\nxyz', false],
    ['spaces', 'một hai', false],
    ['129 characters', 'a'.repeat(129), false],
    ['128 characters', 'a'.repeat(128), true],
    ['an empty header', '', false],
  ])('%s is %s', (_label, value, accepted) => {
    expect(acceptedRequestId(value)).toBe(accepted ? value : null);
  });

  it('the proxy\'s X-Request-Id is the log line\'s requestId and is echoed; a malformed one is replaced; no query string in logs', async () => {
    const res = await app.inject({ method: 'GET', url: '/health?q=Nguy%E1%BB%85n%20V%C4%83n%20A', headers: { 'x-request-id': 'req-from-nginx-42' } });
    expect(res.headers['x-request-id']).toBe('req-from-nginx-42');
    const lines = logLines.filter((l) => l.requestId === 'req-from-nginx-42');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatchObject({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u), req: { method: 'GET', path: '/health' } });
    expect(JSON.stringify(lines)).not.toMatch(/Nguy|q=/u);

    const bad = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'x"}\n{"level":"fatal' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/u);
  });
});

describe(`POST /api/system/backup (${testEngine()})`, { timeout: 300_000 }, () => {
  it('gives a province administrator a complete backup, audited; restoring it gives the same tables and files', async () => {
    const admin = await signIn('quantri.ops');
    const before = await digestTables(testDb.database);
    const res = await app.inject({
      method: 'POST',
      url: '/api/system/backup',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { note: 'trước khi nâng cấp' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="chung-tay-20261129-100000\.tar\.gz"$/u);
    const file = path.join(work, 'from-route.tar.gz');
    fs.writeFileSync(file, res.rawPayload);
    const verified = await verifyBackupArchive(file);
    expect(res.headers['x-backup-sha256']).toBe(verified.archiveSha256);
    // the temporary archive is gone from the server once sent
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync(work).filter((f) => f.startsWith('chung-tay-backup-'))).toEqual([]);

    const [audit] = await testDb.database.query<{ action: string; reason: string; entity_id: string; actor_name: string }>(
      `select action, reason, entity_id, actor_name from audit_log where action = 'system.backup'`,
    );
    expect(audit).toEqual({ action: 'system.backup', reason: 'trước khi nâng cấp', entity_id: verified.archiveSha256, actor_name: 'Quản trị hệ thống' });

    const target = await openDatabase({ engine: 'pglite', dataDir: null });
    try {
      const restoredFiles = path.join(work, 'restored-from-route');
      await restoreBackup(target, file, { force: false, filesDir: restoredFiles });
      expect(await digestTables(target)).toEqual(before);
      expect(digestFiles(restoredFiles)).toEqual(digestFiles(filesDir));
    } finally {
      await target.close();
    }
  });

  it.each([
    ['anonymous', null, 401, 'auth.required'],
    ['a commune officer', 'canbo.xa.ops', 403, 'auth.forbidden'],
    ['an administrator of one district only', 'quantri.huyen', 403, 'auth.out_of_scope'],
  ])('is refused to %s', async (_label, username, status, code) => {
    const headers = username ? await signIn(username).then((s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf })) : {};
    const res = await app.inject({ method: 'POST', url: '/api/system/backup', headers, payload: {} });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
  });

  it('`npx chung-tay backup <file> --from <server> --username …` downloads it, checks it and names it only when complete', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const run = async (username: string, password: string, file: string) => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      let err = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const env = { ...process.env, CHUNG_TAY_PASSWORD: password };
      const code = await backupCommand.run([file, '--from', address, '--username', username, '--note', 'sao lưu từ xa'], { stdin: new PassThrough(), stdout, stderr, env, cwd: work });
      return { code, out, err };
    };
    const file = path.join(work, 'remote.tar.gz');
    const ok = await run('quantri.ops', fixturePassword, file);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Đã sao lưu vào .*remote\.tar\.gz/u);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const { manifest } = await verifyBackupArchive(file);
    expect(manifest.tables.find((t) => t.name === 'households')!.rows).toBe(61);

    const refused = await run('canbo.xa.ops', fixturePassword, path.join(work, 'remote-refused.tar.gz'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Máy chủ từ chối sao lưu: Bạn không có quyền thực hiện chức năng này\./u);
    expect(fs.existsSync(path.join(work, 'remote-refused.tar.gz'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'remote-refused.tar.gz.partial'))).toBe(false);
    const wrong = await run('quantri.ops', 'sai-mat-khau', path.join(work, 'remote-wrong.tar.gz'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^Không đăng nhập được: /u);
  });

  it('is refused without the CSRF header', async () => {
    const admin = await signIn('quantri.ops');
    const res = await app.inject({ method: 'POST', url: '/api/system/backup', headers: { cookie: admin.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'auth.csrf' } });
  });
});
