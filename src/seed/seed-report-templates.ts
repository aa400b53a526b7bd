import type { Db } from '../db/client.ts';
import { reportTemplates } from '../db/schema/index.ts';
import type { Clock } from '../shared/clock.ts';
import { recordAudit, systemActor } from '../server/modules/audit/audit.ts';
import { referenceReportTemplates } from '../domain/reports/reference-report-templates.ts';

/**
 * The official report templates (src/domain/reports/reference-report-templates.ts), seeded at every start: each is
 * keyed by its fixed id, so a second start adds nothing and a later release adds only its new versions. Returns the
 * number inserted.
 */
export async function seedReferenceReportTemplates(db: Db, deps: { clock: Clock; provinceCode: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const now = deps.clock.now();
    const inserted = await tx
      .insert(reportTemplates)
      .values(
        referenceReportTemplates.map((t) => ({
          id: t.id,
          provinceCode: deps.provinceCode,
          name: t.name,
          description: t.description,
          sections: t.sections,
          isDemo: false,
          createdAt: now,
          createdBy: null,
        })),
      )
      .onConflictDoNothing({ target: reportTemplates.id })
      .returning({ id: reportTemplates.id });
    if (inserted.length > 0) {
      await recordAudit(tx, { clock: deps.clock, provinceCode: deps.provinceCode }, systemActor, {
        action: 'reference.report_templates_seeded',
        entityType: 'report_template',
        entityId: inserted.map((r) => r.id).join(','),
        after: { templates: inserted.length },
      });
    }
    return inserted.length;
  });
}
