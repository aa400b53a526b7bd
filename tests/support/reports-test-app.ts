// A small app for the reports API tests, built the way src/server/app.ts builds the real one (zod compilers, the
// authentication, permission and CSRF guard, the one error handler, the login routes) with the reports module
// registered as a plugin — until the lead wires it into buildApp.

import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import '../../src/server/http/fastify-types.ts';
import { installAuthGuard, type RegisteredRoute } from '../../src/server/http/auth-guard.ts';
import { installErrorHandler } from '../../src/server/http/error-handler.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../../src/server/modules/auth/auth.routes.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import { reportsPlugin } from '../../src/server/modules/reports/reports.routes.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { randomIds } from '../../src/shared/clock.ts';
import type { BuiltApp } from '../../src/server/app.ts';
import { login, testPassword, type TestClient } from './test-app.ts';
import type { ReportsFixture } from './reports-fixture.ts';

let counter = 0;

export async function createReportsApp(f: ReportsFixture) {
  const { db, clock } = f.deps;
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  const routes: RegisteredRoute[] = [];
  const auth = createAuthService({ db, clock, ids: randomIds, provinceCode: '20', sessionTtlHours: 8 });
  installAuthGuard(app, auth, routes);
  installErrorHandler(app);
  registerAuthRoutes(app, auth, false);
  await app.register(reportsPlugin, f.deps);
  await app.ready();
  const built = { app, routes } as unknown as BuiltApp;
  const users = createUsersService({ db, clock, ids: randomIds, provinceCode: '20', catalog: f.deps.catalog, scope: f.deps.scope });
  return {
    app,
    routes,
    async userWith(role: Role, scope: { unitCode?: string; organisationId?: string }): Promise<TestClient> {
      counter += 1;
      const username = `r${counter}.${role.replaceAll('_', '')}`;
      await users.create(systemActor, {
        username,
        fullName: `Người thử ${counter}`,
        password: testPassword,
        assignments: [{ role, unitCode: scope.unitCode ?? null, organisationId: scope.organisationId ?? null }],
      });
      return login(built, username, testPassword);
    },
    close: () => app.close(),
  };
}
