import type { Db } from '../db/client.ts';
import type { Clock, IdGenerator } from '../shared/clock.ts';
import { organisations } from '../db/schema/index.ts';
import { countUnits, insertEvents, insertVersions } from '../server/modules/units/units.repository.ts';
import { recordAudit, systemActor } from '../server/modules/audit/audit.ts';
import { loadLangSonReference } from './reference/lang-son-units.ts';
import { langSonOrganisations } from './lang-son-organisations.ts';

/**
 * Reference data every installation needs: the official administrative units of the province with their lineage,
 * and its provincial bodies. Runs once, in one transaction, on an empty database.
 */
export async function seedReferenceData(db: Db, deps: { clock: Clock; ids: IdGenerator; provinceCode: string }): Promise<boolean> {
  if ((await countUnits(db)) > 0) return false;
  const { versions, events } = loadLangSonReference();
  await db.transaction(async (tx) => {
    await insertVersions(tx, deps.provinceCode, versions);
    await insertEvents(tx, deps.provinceCode, events);
    const now = deps.clock.now();
    await tx.insert(organisations).values(
      langSonOrganisations.map((o) => ({
        id: deps.ids.newId(),
        provinceCode: deps.provinceCode,
        name: o.name,
        shortName: o.shortName ?? null,
        type: o.type,
        unitCode: deps.provinceCode,
        validFrom: o.validFrom,
        validTo: o.validTo,
        isDemo: false,
        createdAt: now,
      })),
    );
    await recordAudit(tx, { clock: deps.clock, provinceCode: deps.provinceCode }, systemActor, {
      action: 'reference.seeded',
      entityType: 'reference_data',
      entityId: 'lang-son',
      after: { unitVersions: versions.length, lineageEvents: events.length, organisations: langSonOrganisations.length },
    });
  });
  return true;
}
