import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../../src/server/app.ts';
import { fixedClock, randomIds, type Clock } from '../../src/shared/clock.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export const testPassword = 'MatKhau-2026';

export interface TestContext {
  testDb: TestDatabase;
  built: BuiltApp;
  clock: Clock;
  /** Creates a user with one role assignment and returns a signed-in client. */
  userWith(role: Role, scope: { unitCode?: string; organisationId?: string }, username?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  username: string;
  csrf: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** A fresh database with the Lạng Sơn reference data, the app on top of it, and a way to sign users in. */
export async function createTestContext(options: { now?: string } = {}): Promise<TestContext> {
  const testDb = await createTestDatabase();
  const clock = fixedClock(options.now ?? '2026-11-29T03:00:00Z');
  const ids = randomIds;
  await seedReferenceData(testDb.database.db, { clock, ids, provinceCode: '20' });
  const built = await buildApp({
    database: testDb.database,
    clock,
    ids,
    config: { cookieSecure: false, sessionTtlHours: 8, provinceCode: '20', webDistDir: '/nonexistent', trustProxy: false, uploadsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-uploads-')), maxUploadBytes: 50 * 1024 * 1024 },
  });
  const catalog = createUnitsCatalog(testDb.database.db);
  const users = createUsersService({ db: testDb.database.db, clock, ids, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock) });

  return {
    testDb,
    built,
    clock,
    async userWith(role, scope, username) {
      counter += 1;
      const name = username ?? `u${counter}.${role.replaceAll('_', '')}`;
      await users.create(systemActor, {
        username: name,
        fullName: `Người thử ${counter}`,
        password: testPassword,
        assignments: [{ role, unitCode: scope.unitCode ?? null, organisationId: scope.organisationId ?? null }],
      });
      return login(built, name, testPassword);
    },
    async close() {
      await built.app.close();
      await testDb.drop();
    },
  };
}

export async function login(built: BuiltApp, username: string, password: string): Promise<TestClient> {
  const res = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const client: TestClient = {
    username,
    csrf,
    cookie,
    request: (opts) =>
      built.app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
    get: (url) => client.request({ method: 'GET', url }),
    post: (url, body) => client.request({ method: 'POST', url, payload: body as object }),
  };
  return client;
}
