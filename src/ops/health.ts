// Liveness and readiness for the service manager, the reverse proxy and monitoring.
//   GET /health — the process answers (restart it if not).
//   GET /ready  — the database answers AND its schema is this version's latest migration (send traffic only then).
// A server whose database is behind (migrations not run) or ahead (a newer version migrated it) is not ready:
// it would read or write columns that are not there.

import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { compareMigration, readAppliedMigration, readShippedMigrations, type ShippedMigration } from './migration-state.ts';

export interface HealthDeps {
  database: Pick<Database, 'query'>;
  /** defaults to the migrations folder shipped with this version */
  migrationsFolder?: string;
}

export type ReadyBody =
  | { status: 'ready'; migration: string }
  | { status: 'unavailable'; reason: 'database_unreachable' | 'not_migrated' | 'migrations_behind' | 'migrations_unknown'; message: string };

export async function checkReadiness(database: Pick<Database, 'query'>, shipped: ShippedMigration[]): Promise<ReadyBody> {
  try {
    await database.query('select 1');
  } catch {
    return { status: 'unavailable', reason: 'database_unreachable', message: 'Không kết nối được cơ sở dữ liệu.' };
  }
  let comparison;
  try {
    comparison = compareMigration(await readAppliedMigration((text, params) => database.query(text, params), shipped), shipped);
  } catch {
    return { status: 'unavailable', reason: 'database_unreachable', message: 'Không đọc được trạng thái migration của cơ sở dữ liệu.' };
  }
  switch (comparison.status) {
    case 'current':
      return { status: 'ready', migration: comparison.applied.tag ?? String(comparison.applied.createdAt) };
    case 'not_migrated':
      return { status: 'unavailable', reason: 'not_migrated', message: 'Cơ sở dữ liệu chưa được khởi tạo: hãy chạy "npx chung-tay db migrate".' };
    case 'behind':
      return {
        status: 'unavailable',
        reason: 'migrations_behind',
        message: `Cơ sở dữ liệu chưa được cập nhật lên "${comparison.latest.tag}": hãy chạy "npx chung-tay db migrate".`,
      };
    case 'ahead_or_unknown':
      return {
        status: 'unavailable',
        reason: 'migrations_unknown',
        message: 'Cơ sở dữ liệu có migration mà phiên bản phần mềm này không biết (đã được phiên bản mới hơn cập nhật?).',
      };
  }
}

export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  // Read once: the migrations shipped with this process do not change while it runs.
  const shipped = readShippedMigrations(deps.migrationsFolder);
  const startedAt = Date.now();
  app.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));
  app.get('/ready', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const body = await checkReadiness(deps.database, shipped);
    return reply
      .status(body.status === 'ready' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
