import { auditPage, auditQuery } from '../../../shared/schemas/users.schema.ts';
import type { App } from '../../http/app-types.ts';
import { principalOf } from '../../http/request-context.ts';
import type { Db } from '../../../db/client.ts';
import type { ScopeChecker } from '../units/units.service.ts';
import type { Clock } from '../../../shared/clock.ts';
import { listAudit } from './audit.repository.ts';

function nextDay(iso: string): Date {
  const d = new Date(`${iso}T00:00:00+07:00`);
  return new Date(d.getTime() + 24 * 3600_000);
}

export function registerAuditRoutes(app: App, deps: { db: Db; scope: ScopeChecker; clock: Clock; provinceCode: string }): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['Nhật ký'], summary: 'Nhật ký thay đổi, có bộ lọc', querystring: auditQuery, response: { 200: auditPage } }, config: { permission: 'audit.read' } },
    async (req) => {
      // The audit log spans the whole province: only province-scoped holders of audit.read may browse it.
      await deps.scope.requireUnit(principalOf(req), 'audit.read', deps.provinceCode, deps.clock.today());
      const q = req.query;
      const { rows, total } = await listAudit(deps.db, {
        entityType: q.entityType,
        entityId: q.entityId,
        actorUserId: q.actorUserId,
        action: q.action,
        from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined,
        to: q.to ? nextDay(q.to) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return { total, rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
}
