// Prometheus metrics at GET /metrics, behind an option (CHUNG_TAY_METRICS=true) and optionally a bearer token
// (CHUNG_TAY_METRICS_TOKEN). Counted in this process: request latency per route, requests by status, failed logins.
// Read at scrape time: the PostgreSQL connection pool, import jobs by state, memory and event-loop delay.

import { timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { importJobs } from '../db/schema/index.ts';
import { Counter, Histogram, renderGauge } from './prometheus-text.ts';

export interface MetricsOptions {
  enabled: boolean;
  database: Pick<Database, 'query' | 'pool' | 'engine'>;
  /** when set, /metrics answers only `Authorization: Bearer <token>` */
  token?: string | null;
}

/** Seconds. Most API calls answer in milliseconds; exports and imports take seconds. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const importJobStates: readonly string[] = importJobs.state.enumValues;

function tokenMatches(sent: string | undefined, token: string): boolean {
  if (!sent?.startsWith('Bearer ')) return false;
  const a = Buffer.from(sent.slice('Bearer '.length));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Installs the counting hooks and the /metrics route. Call it on the root instance right after creating it, before
 * other routes are registered; does nothing when `enabled` is false.
 */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): void {
  if (!options.enabled) return;
  const duration = new Histogram('chung_tay_http_request_duration_seconds', 'Thời gian trả lời yêu cầu HTTP theo tuyến (route)', latencyBuckets);
  const requests = new Counter('chung_tay_http_requests_total', 'Số yêu cầu HTTP theo tuyến và mã trạng thái');
  const loginFailures = new Counter('chung_tay_login_failures_total', 'Số lần đăng nhập thất bại (sai thông tin hoặc bị tạm khoá)');
  // Both series exist from the start, so that rate() and alerts work before the first failure.
  loginFailures.inc({ reason: 'invalid_credentials' }, 0);
  loginFailures.inc({ reason: 'rate_limited' }, 0);
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  app.addHook('onClose', async () => loopDelay.disable());

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    // The route template, not the URL: /api/households/:id is one series, not one per household.
    const route = request.routeOptions.url ?? '(unmatched)';
    const method = request.method;
    const status = String(reply.statusCode);
    duration.observe({ method, route }, reply.elapsedTime / 1000);
    requests.inc({ method, route, status });
    if (method === 'POST' && route === '/api/auth/login' && (reply.statusCode === 401 || reply.statusCode === 429)) {
      loginFailures.inc({ reason: reply.statusCode === 401 ? 'invalid_credentials' : 'rate_limited' });
    }
  });

  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (options.token && !tokenMatches(request.headers.authorization, options.token)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ error: { code: 'auth.required', message: 'Cần mã truy cập số liệu giám sát.' } });
    }
    const parts = [duration.render(), requests.render()];
    parts.push(loginFailures.render());
    const pool = options.database.pool;
    if (pool) {
      parts.push(renderGauge('chung_tay_db_pool_connections', 'Số kết nối PostgreSQL đang mở trong pool', [{ value: pool.totalCount }]));
      parts.push(renderGauge('chung_tay_db_pool_idle_connections', 'Số kết nối PostgreSQL đang rảnh', [{ value: pool.idleCount }]));
      parts.push(renderGauge('chung_tay_db_pool_waiting_requests', 'Số truy vấn đang chờ một kết nối rảnh', [{ value: pool.waitingCount }]));
      parts.push(renderGauge('chung_tay_db_pool_max_connections', 'Số kết nối tối đa của pool (DATABASE_POOL_MAX)', [{ value: pool.options.max ?? 10 }]));
    }
    let up = 1;
    try {
      const rows = await options.database.query<{ state: string; n: number }>('select state, count(*)::int as n from import_jobs group by state');
      const byState = new Map(rows.map((r) => [r.state, Number(r.n)]));
      const states = [...new Set([...importJobStates, ...byState.keys()])];
      parts.push(renderGauge('chung_tay_import_jobs', 'Số lượt nhập dữ liệu từ Excel theo trạng thái', states.map((state) => ({ labels: { state }, value: byState.get(state) ?? 0 }))));
    } catch {
      up = 0;
    }
    parts.push(renderGauge('chung_tay_database_up', 'Cơ sở dữ liệu trả lời truy vấn (1) hay không (0)', [{ value: up }]));
    const memory = process.memoryUsage();
    parts.push(renderGauge('process_resident_memory_bytes', 'Bộ nhớ thường trú của tiến trình (RSS)', [{ value: memory.rss }]));
    parts.push(renderGauge('nodejs_heap_used_bytes', 'Bộ nhớ heap V8 đang dùng', [{ value: memory.heapUsed }]));
    parts.push(renderGauge('process_start_time_seconds', 'Thời điểm tiến trình khởi động (giây Unix)', [{ value: Math.round(Date.now() / 1000 - process.uptime()) }]));
    parts.push(
      renderGauge('nodejs_eventloop_delay_seconds', 'Độ trễ vòng lặp sự kiện Node.js', [
        { labels: { quantile: '0.5' }, value: loopDelay.percentile(50) / 1e9 },
        { labels: { quantile: '0.99' }, value: loopDelay.percentile(99) / 1e9 },
      ]),
    );
    return reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8').send(parts.join(''));
  });
}
