import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import type { Clock, IdGenerator } from '../shared/clock.ts';
import type { AppConfig } from '../config.ts';
import './http/fastify-types.ts';
import { installAuthGuard, type RegisteredRoute } from './http/auth-guard.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { AppError, toErrorBody } from './errors.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { createScopeChecker, createUnitsCatalog, createUnitsService } from './modules/units/units.service.ts';
import { registerUnitsRoutes } from './modules/units/units.routes.ts';
import { createParticipantsService } from './modules/participants/participants.service.ts';
import { registerParticipantsRoutes } from './modules/participants/participants.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { registerUsersRoutes } from './modules/users/users.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { createHouseholdsService } from './modules/households/households.service.ts';
import { registerHouseholdChangesRoutes, registerHouseholdsRoutes } from './modules/households/households.routes.ts';
import { createHouseholdChangesService } from './modules/households/household-changes.service.ts';
import { createRoundsService } from './modules/rounds/rounds.service.ts';
import { registerRoundsRoutes } from './modules/rounds/rounds.routes.ts';
import { createRoundListExporter } from './modules/rounds/rounds.export.ts';
import fastifyMultipart from '@fastify/multipart';
import { createImportsService } from './modules/imports/imports.service.ts';
import { registerImportsRoutes } from './modules/imports/imports.routes.ts';
import { createStatsService } from './modules/stats/stats.service.ts';
import { registerStatsRoutes } from './modules/stats/stats.routes.ts';
import { createReportsService } from './modules/reports/reports.service.ts';
import { createReportDocuments } from './modules/reports/reports.documents.ts';
import { registerReportsRoutes } from './modules/reports/reports.routes.ts';
import { createAwardsService } from './modules/awards/awards.service.ts';
import { createAwardDocuments } from './modules/awards/awards.documents.ts';
import { emulationRankingSource } from './modules/awards/awards.facts.ts';
import { registerAwardsRoutes } from './modules/awards/awards.routes.ts';
import type { App } from './http/app-types.ts';
import { createEmulationService, createReportsTimelinessSource } from './modules/emulation/emulation.service.ts';
import { registerEmulationRoutes } from './modules/emulation/emulation.routes.ts';
import { createFundService } from './modules/fund/fund.service.ts';
import { registerFundRoutes } from './modules/fund/fund.routes.ts';
import { installRequestIdEcho, type LoggingFastifyOptions } from '../ops/logging.ts';
import { installMetrics } from '../ops/metrics.ts';
import { registerHealthRoutes } from '../ops/health.ts';
import { registerSystemRoutes } from '../ops/system.routes.ts';
import { filesDir } from '../ops/files-dir.ts';
import type { OpsConfig } from '../ops/ops-config.ts';

export interface AppDeps {
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  config: Pick<AppConfig, 'cookieSecure' | 'sessionTtlHours' | 'provinceCode' | 'webDistDir' | 'trustProxy' | 'uploadsDir' | 'maxUploadBytes'>;
  /** JSON logs with request ids (loggingOptions); none in tests */
  logging?: LoggingFastifyOptions;
  /** metrics switch and token (readOpsConfig); metrics off when absent */
  ops?: Pick<OpsConfig, 'metricsEnabled' | 'metricsToken'>;
}

export interface BuiltApp {
  app: App;
  routes: RegisteredRoute[];
}

/** Wires repositories → services → routes by hand: each service gets exactly what it uses. */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { database, clock, ids, config } = deps;
  const db = database.db;
  const app = Fastify({
    logger: false,
    genReqId: () => ids.newId(),
    ...deps.logging,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Errors raised before routing (a path parameter too long, a malformed URL) get the same JSON shape too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void (reply as unknown as FastifyReply).code(status).send({ error: { code: 'request.invalid', message: 'Địa chỉ yêu cầu không hợp lệ hoặc quá dài.' } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Counting hooks go on first so that every route is measured (issue 8).
  installMetrics(app, { enabled: deps.ops?.metricsEnabled ?? false, token: deps.ops?.metricsToken ?? null, database });
  installRequestIdEcho(app);

  const routes: RegisteredRoute[] = [];
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Chung Tay API', description: 'API của nền tảng Chung Tay vì người nghèo', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const provinceCode = config.provinceCode;
  const auth = createAuthService({ db, clock, ids, provinceCode, sessionTtlHours: config.sessionTtlHours });
  installAuthGuard(app, auth, routes);
  installErrorHandler(app);

  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, clock);
  const units = createUnitsService({ db, clock, provinceCode, catalog, scope });
  const participants = createParticipantsService({ db, clock, ids, provinceCode, catalog, scope });
  const users = createUsersService({ db, clock, ids, provinceCode, catalog, scope });
  const households = createHouseholdsService({ db, clock, ids, provinceCode, catalog, scope });
  const stats = createStatsService({ db, readDb: database.readDb, clock, provinceCode, catalog, scope, logError: (message, error) => app.log.error({ err: error }, message) });
  // Stored figures are recomputed in one pass whenever a round changes state or receives an amendment (issue 4).
  const onFiguresChanged = (roundId: string) => stats.figuresChanged(roundId);
  const rounds = createRoundsService({ db, clock, ids, provinceCode, catalog, scope, onFiguresChanged });

  registerHealthRoutes(app, { database });
  registerSystemRoutes(app, { database, scope, clock, provinceCode, filesDir: filesDir(config) });

  registerAuthRoutes(app, auth, config.cookieSecure);
  registerUnitsRoutes(app, units);
  registerParticipantsRoutes(app, participants);
  registerUsersRoutes(app, users);
  registerAuditRoutes(app, { db, scope, clock, provinceCode });
  registerHouseholdsRoutes(app, households);
  registerHouseholdChangesRoutes(app, createHouseholdChangesService({ db, clock, ids, provinceCode, catalog, scope }));
  registerRoundsRoutes(app, rounds, createRoundListExporter({ db, clock, catalog, scope }));
  const imports = createImportsService({ database, clock, ids, provinceCode, catalog, scope, uploadsDir: config.uploadsDir, maxFileBytes: config.maxUploadBytes, onFiguresChanged });
  await imports.recoverInterrupted();
  await stats.refreshStaleFigures();
  registerImportsRoutes(app, imports);
  registerStatsRoutes(app, stats);
  const reports = createReportsService({ db, clock, ids, provinceCode, catalog, scope });
  registerReportsRoutes(app, reports, createReportDocuments({ db, clock, ids, provinceCode, catalog, scope }, reports));
  // Criteria 2.2/3.2 (report timeliness) are measured from the reports module's submissions.
  const emulation = createEmulationService({ db, clock, ids, provinceCode, catalog, scope, filesDir: filesDir(config), maxFileBytes: config.maxUploadBytes, timeliness: createReportsTimelinessSource(db) });
  registerEmulationRoutes(app, emulation, { maxFileBytes: config.maxUploadBytes });
  registerFundRoutes(app, createFundService({ db, clock, ids, provinceCode, catalog, scope }));
  // Award nominations (issue 7); eligibility reads the emulation rankings.
  const awards = createAwardsService({ db, clock, ids, provinceCode, catalog, scope, rankings: emulationRankingSource(db, emulation) });
  registerAwardsRoutes(app, awards, createAwardDocuments({ clock }, awards));

  const webIndex = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(webIndex);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send(toErrorBody(new AppError('route.not_found', 'Không tìm thấy địa chỉ yêu cầu.')));
    }
    // The web client routes on its own: every other GET serves the single-page app.
    return reply.type('text/html').send(fs.readFileSync(webIndex));
  });

  await app.ready();
  return { app, routes };
}
