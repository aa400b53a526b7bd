import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { adminUnits, unitLineageEvents } from '../../../db/schema/index.ts';
import type { LineageEvent, UnitVersion } from '../../../domain/units/unit-types.ts';

export async function loadAllVersions(db: Executor): Promise<UnitVersion[]> {
  const rows = await db.select().from(adminUnits);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentCode: r.parentCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    legalBasis: r.legalBasis,
    isDemo: r.isDemo,
  }));
}

export async function loadAllEvents(db: Executor): Promise<LineageEvent[]> {
  const rows = await db.select().from(unitLineageEvents);
  return rows.map((r) => ({
    kind: r.kind,
    effectiveDate: r.effectiveDate,
    legalBasis: r.legalBasis,
    fromCode: r.fromCode,
    toCode: r.toCode,
    share: r.share,
    note: r.note,
  }));
}

export async function countUnits(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(adminUnits);
  return row?.n ?? 0;
}

export async function insertVersions(db: Executor, provinceCode: string, versions: readonly UnitVersion[]): Promise<void> {
  for (let i = 0; i < versions.length; i += 1000) {
    await db.insert(adminUnits).values(versions.slice(i, i + 1000).map((v) => ({ ...v, provinceCode })));
  }
}

export async function insertEvents(db: Executor, provinceCode: string, events: readonly LineageEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await db.insert(unitLineageEvents).values(events.slice(i, i + 1000).map((e) => ({ ...e, provinceCode })));
  }
}

/** Closes the open version of a code on a date (the version ends the day before `validTo`). */
export async function closeOpenVersion(db: Executor, code: string, validTo: string): Promise<void> {
  await db
    .update(adminUnits)
    .set({ validTo })
    .where(and(eq(adminUnits.code, code), isNull(adminUnits.validTo)));
}

export async function maxVillageSuffix(db: Executor, communeCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(nullif(regexp_replace(split_part(${adminUnits.code}, '-', 2), '[^0-9]', '', 'g'), '')::int), 0)::int` })
    .from(adminUnits)
    .where(sql`${adminUnits.code} like ${communeCode + '-%'}`);
  return row?.n ?? 0;
}
