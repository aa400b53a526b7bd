// POST /api/system/backup: the running server writes a backup of its own database and files and sends it.
// This is how a PGlite server is backed up while it runs (only one process may open the embedded database);
// on PostgreSQL it gives the same archive as `npx chung-tay backup` from the command line.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { AppError } from '../server/errors.ts';
import type { App } from '../server/http/app-types.ts';
import { actorOf, principalOf } from '../server/http/request-context.ts';
import { recordAudit } from '../server/modules/audit/audit.ts';
import type { ScopeChecker } from '../server/modules/units/units.service.ts';
import { createBackup } from './backup.ts';
import { backupRequestBody } from './system.schema.ts';

export interface SystemRoutesDeps {
  database: Database;
  scope: ScopeChecker;
  clock: Clock;
  provinceCode: string;
  /** the uploaded files folder (filesDir(config)) */
  filesDir: string;
  /** where the archive is built before it is sent; the system's temporary folder by default */
  tmpDir?: string;
}

/** yyyyMMdd-HHmmss in Vietnam time, for the downloaded file's name. */
function stamp(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replaceAll('-', '').replace('T', '-').replaceAll(':', '');
}

export function registerSystemRoutes(app: App, deps: SystemRoutesDeps): void {
  let running = false;
  app.post(
    '/api/system/backup',
    {
      schema: {
        tags: ['Hệ thống'],
        summary: 'Sao lưu toàn bộ cơ sở dữ liệu và tệp minh chứng (tệp .tar.gz)',
        body: backupRequestBody.optional(),
      },
      config: { permission: 'users.write' },
    },
    async (req, reply) => {
      // The archive holds every household of the province: only a province-wide administrator may take it.
      await deps.scope.requireUnit(principalOf(req), 'users.write', deps.provinceCode, deps.clock.today());
      if (running) throw new AppError('system.conflict', 'Đang có một bản sao lưu khác được tạo. Hãy thử lại sau ít phút.');
      running = true;
      const dir = await fs.promises.mkdtemp(path.join(deps.tmpDir ?? os.tmpdir(), 'chung-tay-backup-'));
      const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
      try {
        const name = `chung-tay-${stamp(deps.clock.now())}.tar.gz`;
        const result = await createBackup(deps.database, { file: path.join(dir, name), filesDir: deps.filesDir, now: () => deps.clock.now() });
        await deps.database.db.transaction(async (tx) => {
          await recordAudit(tx, deps, actorOf(req), {
            action: 'system.backup',
            entityType: 'backup',
            entityId: result.archiveSha256,
            after: {
              file: name,
              bytes: result.archiveBytes,
              migration: result.manifest.migration.tag,
              rows: Object.fromEntries(result.manifest.tables.map((t) => [t.name, t.rows])),
              files: result.manifest.files.length,
            },
            reason: req.body?.note ?? null,
          });
        });
        const stream = fs.createReadStream(result.file);
        stream.once('close', () => void cleanup());
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('content-length', String(result.archiveBytes))
          .header('x-backup-sha256', result.archiveSha256)
          .header('cache-control', 'no-store')
          .send(stream);
      } catch (error) {
        await cleanup();
        throw error;
      } finally {
        running = false;
      }
    },
  );
}
