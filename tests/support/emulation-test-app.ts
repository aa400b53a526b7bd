import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../src/db/client.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import '../../src/server/http/fastify-types.ts';
import { installAuthGuard, type RegisteredRoute } from '../../src/server/http/auth-guard.ts';
import { installErrorHandler } from '../../src/server/http/error-handler.ts';
import type { App } from '../../src/server/http/app-types.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../../src/server/modules/auth/auth.routes.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import { createEmulationService, type EmulationService } from '../../src/server/modules/emulation/emulation.service.ts';
import { registerEmulationRoutes } from '../../src/server/modules/emulation/emulation.routes.ts';
import { createFundService } from '../../src/server/modules/fund/fund.service.ts';
import { registerFundRoutes } from '../../src/server/modules/fund/fund.routes.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { login, testPassword, type TestClient } from './test-app.ts';

// The app of src/server/app.ts reduced to what the emulation and fund routes need (authentication, permission and
// CSRF guard, the error handler), with those routes registered: app.ts is wired by the lead.

export interface EmulationTestApp {
  app: App;
  routes: RegisteredRoute[];
  emulation: EmulationService;
  userWith(role: Role, scope: { unitCode?: string; organisationId?: string }): Promise<TestClient>;
  close(): Promise<void>;
}

let counter = 0;

export async function createEmulationTestApp(database: Database, clock: Clock, filesDir: string, maxFileBytes?: number): Promise<EmulationTestApp> {
  const db = database.db;
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RegisteredRoute[] = [];
  await app.register(fastifyCookie);
  const auth = createAuthService({ db, clock, ids: randomIds, provinceCode: '20', sessionTtlHours: 8 });
  installAuthGuard(app, auth, routes);
  installErrorHandler(app);
  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, clock);
  const emulation = createEmulationService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope, filesDir, maxFileBytes });
  registerAuthRoutes(app, auth, false);
  registerEmulationRoutes(app, emulation, { maxFileBytes });
  registerFundRoutes(app, createFundService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope }));
  await app.ready();
  const users = createUsersService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope });
  return {
    app,
    routes,
    emulation,
    async userWith(role, s) {
      counter += 1;
      const username = `e${counter}.${role.replaceAll('_', '')}`;
      await users.create(systemActor, { username, fullName: `Người dùng ${counter}`, password: testPassword, assignments: [{ role, unitCode: s.unitCode ?? null, organisationId: s.organisationId ?? null }] });
      return login({ app, routes }, username, testPassword);
    },
    close: () => app.close(),
  };
}
