// Issue 4, benchmark (c): the dashboard API under 50 concurrent connections — p50, p95, p99 of the unit-figures
// endpoint (a province with its districts, attainment against the previous round, served from the stored aggregates)
// ÷ the same percentiles of a static JSON response of the same size from the same server, measured in the same run.
//
//   npx node bench/dashboard-api.bench.ts [--engine pglite|postgres] [--households 50000] [--seconds 20]
//                                         [--connections 50] [--unit 20]
//
// The server listens on 127.0.0.1 only; the load comes from a worker thread over keep-alive connections. Both routes
// run the same request pipeline (session cookie, permission guard); the static one answers a pre-serialised body.
// Prints one JSON line on stdout; progress goes to stderr.

import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAuthGuard, type RegisteredRoute } from '../src/server/http/auth-guard.ts';
import { installErrorHandler } from '../src/server/http/error-handler.ts';
import '../src/server/http/fastify-types.ts';
import { systemActor } from '../src/server/modules/audit/audit.ts';
import { createAuthService } from '../src/server/modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../src/server/modules/auth/auth.routes.ts';
import { createStatsService } from '../src/server/modules/stats/stats.service.ts';
import { registerStatsRoutes } from '../src/server/modules/stats/stats.routes.ts';
import { createScopeChecker, createUnitsCatalog } from '../src/server/modules/units/units.service.ts';
import { createUsersService } from '../src/server/modules/users/users.service.ts';
import { randomIds, systemClock } from '../src/shared/clock.ts';
import { insertSyntheticRounds, openBenchDatabase, PROVINCE, seedBenchUnits } from './aggregates.bench.ts';

interface LoadJob {
  port: number;
  path: string;
  cookie: string;
  connections: number;
  seconds: number;
  /** Upper bound on requests per connection, so the loop ends even if the clock misbehaves. */
  maxPerConnection: number;
}

interface LoadResult {
  latenciesMs: number[];
  errors: number;
  seconds: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Worker side: `connections` loops, each sending one request at a time on its own keep-alive socket. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latenciesMs: number[] = [];
  let errors = 0;
  const request = () =>
    new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: job.port, path: job.path, agent, headers: { cookie: job.cookie } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end();
    });
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const loops = Array.from({ length: job.connections }, async () => {
    for (let i = 0; i < job.maxPerConnection && performance.now() < deadline; i += 1) {
      const t0 = performance.now();
      const status = await request();
      if (status === 200) latenciesMs.push(performance.now() - t0);
      else errors += 1;
    }
  });
  await Promise.all(loops);
  agent.destroy();
  return { latenciesMs, errors, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summarise(result: LoadResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const round = (v: number) => Number(v.toFixed(2));
  return {
    requests: sorted.length,
    errors: result.errors,
    requestsPerSecond: Math.round(sorted.length / result.seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'pglite' },
      households: { type: 'string', default: '50000' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      unit: { type: 'string', default: PROVINCE },
    },
  });
  const engine = values.engine;
  const households = Number(values.households);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine phải là pglite hoặc postgres');
  if (!Number.isInteger(households) || households < 1) throw new Error('--households phải là số nguyên dương');
  if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds phải trong khoảng 0–600');
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) throw new Error('--connections phải từ 1 đến 1000');

  const bench = await openBenchDatabase(engine);
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  try {
    const { database } = bench;
    const db = database.db;
    log(`[${engine}] nạp đơn vị, ${households} hộ, hai kỳ rà soát…`);
    await seedBenchUnits(database);
    const catalog = createUnitsCatalog(db);
    const scope = createScopeChecker(catalog, systemClock);
    const rounds = await insertSyntheticRounds(database, await catalog.directory(), { households, years: [2018, 2019] });
    const stats = createStatsService({ db, clock: systemClock, provinceCode: PROVINCE, catalog, scope });
    for (const roundId of rounds.values()) await stats.recompute(roundId);

    // The request pipeline of buildApp (src/server/app.ts): zod compilers, cookies, session and permission guard,
    // the one error handler; then the statistics routes and a static route of the same size.
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fastifyCookie);
    const routes: RegisteredRoute[] = [];
    const auth = createAuthService({ db, clock: systemClock, ids: randomIds, provinceCode: PROVINCE, sessionTtlHours: 8 });
    installAuthGuard(app, auth, routes);
    installErrorHandler(app);
    registerAuthRoutes(app, auth, false);
    registerStatsRoutes(app, stats);
    let staticBody = '';
    app.get('/api/bench/static', { config: { permission: 'authenticated' }, schema: { hide: true } }, async (_req, reply) =>
      reply.header('content-type', 'application/json; charset=utf-8').send(staticBody),
    );
    await app.ready();

    const users = createUsersService({ db, clock: systemClock, ids: randomIds, provinceCode: PROVINCE, catalog, scope });
    const password = 'DoHieuNang-2026';
    await users.create(systemActor, {
      username: 'do.hieu.nang',
      fullName: 'Đo hiệu năng',
      password,
      assignments: [{ role: 'poverty_office', unitCode: PROVINCE, organisationId: null }],
    });
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'do.hieu.nang', password } });
    const setCookie = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : String(setCookie))!.split(';')[0]!;

    const dynamicPath = `/api/stats/rounds/2019/units/${values.unit}`;
    const first = await app.inject({ method: 'GET', url: dynamicPath, headers: { cookie } });
    if (first.statusCode !== 200) throw new Error(`${dynamicPath} → ${first.statusCode} ${first.body.slice(0, 300)}`);
    staticBody = first.body;
    const check = await app.inject({ method: 'GET', url: '/api/bench/static', headers: { cookie } });
    if (check.body.length !== first.body.length) throw new Error('static body differs in size');

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const job = (path: string, secs: number): LoadJob => ({ port, path, cookie, connections, seconds: secs, maxPerConnection: 1_000_000 });

    log(`đo ${connections} kết nối đồng thời × ${seconds} s cho mỗi địa chỉ (${Buffer.byteLength(staticBody)} byte mỗi phản hồi)…`);
    await load(job(dynamicPath, 2));
    const dynamic = summarise(await load(job(dynamicPath, seconds)));
    await load(job('/api/bench/static', 2));
    const fixed = summarise(await load(job('/api/bench/static', seconds)));
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    process.stdout.write(
      `${JSON.stringify({
        bench: 'dashboard-api',
        engine,
        households,
        cores: os.availableParallelism(),
        loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
        connections,
        seconds,
        responseBytes: Buffer.byteLength(staticBody),
        endpoint: dynamicPath,
        unitFigures: dynamic,
        staticJson: fixed,
        ratio: {
          p50: ratio(dynamic.p50, fixed.p50),
          p95: ratio(dynamic.p95, fixed.p95),
          p99: ratio(dynamic.p99, fixed.p99),
          throughput: ratio(fixed.requestsPerSecond, dynamic.requestsPerSecond),
        },
      })}\n`,
    );
  } finally {
    await app.close();
    await bench.drop();
  }
}

if (!isMainThread) {
  parentPort?.postMessage(await runLoad(workerData as LoadJob));
} else if (import.meta.main) {
  await main();
}
