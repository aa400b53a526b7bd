import type { Executor } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { insertAudit } from './audit.repository.ts';

/** Who is acting: a signed-in user, or the system itself (CLI, seeding, scheduled jobs). */
export interface Actor {
  userId: string | null;
  name: string;
  requestId?: string | null;
}

export const systemActor: Actor = { userId: null, name: 'Hệ thống' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes the audit row inside the caller's transaction: the write and its audit row commit or fail together. */
export async function recordAudit(
  tx: Executor,
  deps: { clock: Clock; provinceCode: string },
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await insertAudit(tx, {
    provinceCode: deps.provinceCode,
    at: deps.clock.now(),
    actorUserId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitCode: entry.unitCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    requestId: actor.requestId ?? null,
  });
}
