import type { Db } from '../../src/db/client.ts';
import { eq } from 'drizzle-orm';
import { adminUnits, assessments, households, reviewRounds } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/domain/access/authorize.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { insertVersions } from '../../src/server/modules/units/units.repository.ts';
import type { Actor } from '../../src/server/modules/audit/audit.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { foldForSearch } from '../../src/shared/vi-text.ts';

// Small factories for the emulation and fund database tests: villages, review rounds, households and their
// assessments, principals. Rows are inserted directly: the tests are about what emulation and the fund do with them.

/** A clock the test moves through the calendar of a round. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let instant = new Date(iso);
  return {
    now: () => new Date(instant),
    today: () => new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10),
    set(next: string) {
      instant = new Date(next);
    },
  };
}

let counter = 0;
export function principal(role: Role, scope: { unitCode?: string; organisationId?: string }, fullName = `Người thử ${role}`): Principal & { actor: Actor } {
  counter += 1;
  const userId = crypto.randomUUID();
  return {
    userId,
    username: `u${counter}`,
    fullName,
    assignments: [{ role, unitCode: scope.unitCode ?? null, organisationId: scope.organisationId ?? null }],
    actor: { userId, name: fullName },
  };
}

/** A village under the commune for as long as the commune exists (a village cannot outlive its parent). */
export async function addVillage(db: Db, communeCode: string, suffix: string, name: string): Promise<string> {
  const code = `${communeCode}-${suffix}`;
  const versions = await db.select().from(adminUnits).where(eq(adminUnits.code, communeCode));
  const validTo = versions.some((v) => v.validTo === null) ? null : versions.map((v) => v.validTo!).sort().at(-1)!;
  await insertVersions(db, '20', [{ code, name, level: 'village', kind: 'Thôn', parentCode: communeCode, validFrom: '2016-01-01', validTo, legalBasis: null, isDemo: false }]);
  return code;
}

export async function openReviewRound(db: Db, year: number): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(reviewRounds).values({ id, provinceCode: '20', year, standardId: 'qd59-2015', standardVersion: 'qd59-2015@1', state: 'frozen', openedOn: `${year}-09-01`, isDemo: false, createdAt: new Date(`${year}-09-01T00:00:00Z`) });
  return id;
}

export async function addHousehold(db: Db, villageCode: string, code: string, headName: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date('2016-09-01T00:00:00Z');
  await db.insert(households).values({ id, provinceCode: '20', code, headName, headNameFolded: foldForSearch(headName), villageCode, area: 'rural', createdAt: now, updatedAt: now });
  return id;
}

export interface AssessmentFacts {
  category: 'poor' | 'near_poor' | 'middle' | 'not_poor';
  transition?: string;
  stableEscapeYears?: number | null;
}

export async function assess(db: Db, roundId: string, householdId: string, place: { villageCode: string; communeCode: string; districtCode: string }, facts: AssessmentFacts): Promise<void> {
  await db.insert(assessments).values({
    id: crypto.randomUUID(),
    provinceCode: '20',
    roundId,
    householdId,
    revision: 1,
    isCurrent: true,
    ...place,
    area: 'rural',
    ethnicMinority: true,
    femaleHead: false,
    meritOrSocial: false,
    category: facts.category,
    reason: 'Dữ liệu thử',
    standardVersion: 'qd59-2015@1',
    transition: facts.transition ?? 'none',
    stableEscapeYears: facts.stableEscapeYears ?? null,
    createdAt: new Date(),
  });
}

/**
 * A commune whose poor-household rate in each year is poor[year] of `total` households: the first `poor` households
 * are poor that year, the others not poor.
 */
export async function populateCommune(
  db: Db,
  place: { villageCode: string; communeCode: string; districtCode: string },
  total: number,
  poorByYear: Record<number, number>,
  rounds: Record<number, string>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < total; i += 1) ids.push(await addHousehold(db, place.villageCode, `${place.villageCode}-H${String(i).padStart(3, '0')}`, `Chủ hộ số ${i + 1}`));
  for (const [year, poor] of Object.entries(poorByYear)) {
    const roundId = rounds[Number(year)]!;
    const rows = ids.map((householdId, i) => ({
      id: crypto.randomUUID(),
      provinceCode: '20',
      roundId,
      householdId,
      revision: 1,
      isCurrent: true,
      ...place,
      area: 'rural' as const,
      ethnicMinority: true,
      femaleHead: false,
      meritOrSocial: false,
      category: i < poor ? ('poor' as const) : ('not_poor' as const),
      reason: 'Dữ liệu thử',
      standardVersion: 'qd59-2015@1',
      transition: 'none',
      stableEscapeYears: null,
      createdAt: new Date(),
    }));
    await db.insert(assessments).values(rows);
  }
  return ids;
}
