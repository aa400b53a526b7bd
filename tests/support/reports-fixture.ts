// A database for the reports tests: the Lạng Sơn units, one village with households in each district, the 2016 and
// 2017 review rounds with their assessments, a clock the test moves, and principals of each level.

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { assessments, households, reviewRounds, roundCommunes } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/domain/access/authorize.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { UnitVersion } from '../../src/domain/units/unit-types.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import type { Actor } from '../../src/server/modules/audit/audit.ts';
import { createReportDocuments } from '../../src/server/modules/reports/reports.documents.ts';
import { createReportsService, type ReportsDeps } from '../../src/server/modules/reports/reports.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { insertVersions, loadAllVersions } from '../../src/server/modules/units/units.repository.ts';
import { randomIds, toVietnamDate, type Clock } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/** A clock the test sets: "the district submits on 12/06/2018, the province approves on 20/06/2018". */
export function movableClock(iso: string) {
  let instant = new Date(iso);
  const clock: Clock = { now: () => new Date(instant), today: () => toVietnamDate(instant) };
  return {
    clock,
    /** Sets the clock to 09:00 Vietnam time on the given day (or to an exact instant). */
    set(value: string) {
      instant = new Date(value.length === 10 ? `${value}T02:00:00Z` : value);
    },
  };
}

export interface Person {
  principal: Principal;
  actor: Actor;
}

let counter = 0;
export function person(role: Role, scope: { unitCode?: string; organisationId?: string }, fullName?: string): Person {
  counter += 1;
  const userId = randomUUID();
  const name = fullName ?? `Cán bộ thử ${counter}`;
  return {
    principal: { userId, username: `u${counter}`, fullName: name, assignments: [{ role, unitCode: scope.unitCode ?? null, organisationId: scope.organisationId ?? null }] },
    actor: { userId, name },
  };
}

/** Households of one district's village: poor in 2016 and 2017, escaped, near-poor, the rest not poor. */
export interface DistrictFigures {
  total: number;
  poor2016: number;
  poor2017: number;
  nearPoor: number;
}

export const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189'] as const;

/** Lộc Bình 50% → 40%, Cao Lộc 20% → 16%, Đình Lập 40% → 35%; the city large enough for thousands separators. */
export const districtFigures: Record<(typeof DISTRICTS)[number], DistrictFigures> = {
  '178': { total: 1050, poor2016: 12, poor2017: 9, nearPoor: 20 },
  '180': { total: 20, poor2016: 9, poor2017: 8, nearPoor: 2 },
  '181': { total: 20, poor2016: 10, poor2017: 9, nearPoor: 2 },
  '182': { total: 20, poor2016: 7, poor2017: 6, nearPoor: 2 },
  '183': { total: 25, poor2016: 5, poor2017: 4, nearPoor: 3 },
  '184': { total: 20, poor2016: 6, poor2017: 5, nearPoor: 2 },
  '185': { total: 20, poor2016: 6, poor2017: 5, nearPoor: 2 },
  '186': { total: 20, poor2016: 4, poor2017: 3, nearPoor: 2 },
  '187': { total: 20, poor2016: 5, poor2017: 4, nearPoor: 2 },
  '188': { total: 20, poor2016: 10, poor2017: 8, nearPoor: 2 },
  '189': { total: 20, poor2016: 8, poor2017: 7, nearPoor: 2 },
};

export interface ReportsFixture {
  testDb: TestDatabase;
  db: Db;
  deps: ReportsDeps;
  setToday(value: string): void;
  service: ReturnType<typeof createReportsService>;
  documents: ReturnType<typeof createReportDocuments>;
  round2016: string;
  round2017: string;
  /** The village of each district that holds its households. */
  villageOf: Map<string, string>;
  /** Household ids of each district's village, in creation order. */
  householdsOf: Map<string, string[]>;
  close(): Promise<void>;
}

async function insertRound(db: Db, year: number, frozen: boolean): Promise<string> {
  const id = randomUUID();
  await db.insert(reviewRounds).values({
    id,
    provinceCode: '20',
    year,
    standardId: 'qd59-2015',
    standardVersion: 'qd59-2015@1',
    state: frozen ? 'frozen' : 'open',
    openedOn: `${year}-09-01`,
    decisionNumber: frozen ? (year === 2017 ? '2426/QĐ-UBND' : `${year}/QĐ-UBND`) : null,
    decisionDate: frozen ? `${year}-12-16` : null,
    isDemo: false,
    createdAt: new Date(`${year}-09-01T02:00:00Z`),
  });
  return id;
}

export async function createReportsFixture(startIso = '2018-06-01T02:00:00Z'): Promise<ReportsFixture> {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const moving = movableClock(startIso);
  await seedReferenceData(db, { clock: moving.clock, ids: randomIds, provinceCode: '20' });

  // One village per district, under the district's first commune of 2017, for as long as that commune lasts.
  const versions = await loadAllVersions(db);
  const villageOf = new Map<string, string>();
  const villages: UnitVersion[] = [];
  for (const district of DISTRICTS) {
    const commune = versions
      .filter((v) => v.level === 'commune' && v.parentCode === district && v.validFrom <= '2017-12-31' && (v.validTo === null || v.validTo > '2017-12-31'))
      .sort((a, b) => a.code.localeCompare(b.code))[0];
    if (!commune) throw new Error(`no commune under ${district}`);
    const code = `${commune.code}-01`;
    villageOf.set(district, code);
    villages.push({ code, name: `Thôn Nà Pàn ${district}`, level: 'village', kind: 'Thôn', parentCode: commune.code, validFrom: '2016-01-01', validTo: commune.validTo, legalBasis: null, isDemo: false });
  }
  await insertVersions(db, '20', villages);

  const round2016 = await insertRound(db, 2016, true);
  const round2017 = await insertRound(db, 2017, true);
  const householdsOf = new Map<string, string[]>();
  const hhRows: (typeof households.$inferInsert)[] = [];
  const aRows: (typeof assessments.$inferInsert)[] = [];
  const createdAt = new Date('2017-12-01T02:00:00Z');
  for (const district of DISTRICTS) {
    const f = districtFigures[district];
    const village = villageOf.get(district) as string;
    const commune = village.split('-')[0] as string;
    const ids: string[] = [];
    for (let i = 0; i < f.total; i += 1) {
      const id = randomUUID();
      ids.push(id);
      hhRows.push({ id, provinceCode: '20', code: `${district}-${i + 1}`, headName: `Hộ thử ${district}-${i + 1}`, headNameFolded: `ho thu ${district}-${i + 1}`, villageCode: village, area: 'rural', createdAt, updatedAt: createdAt });
      const nearPoor = i >= f.total - f.nearPoor;
      const c2016 = i < f.poor2016 ? 'poor' : nearPoor ? 'near_poor' : 'not_poor';
      const c2017 = i < f.poor2017 ? 'poor' : nearPoor ? 'near_poor' : 'not_poor';
      const t2017 = c2017 === 'poor' ? 'stayed_poor' : c2016 === 'poor' ? 'escaped' : nearPoor ? 'stayed_near_poor' : 'none';
      for (const [roundId, category, transition] of [
        [round2016, c2016, 'first_round'],
        [round2017, c2017, t2017],
      ] as const) {
        aRows.push({
          id: randomUUID(),
          provinceCode: '20',
          roundId,
          householdId: id,
          revision: 1,
          isCurrent: true,
          villageCode: village,
          communeCode: commune,
          districtCode: district,
          area: 'rural',
          ethnicMinority: true,
          femaleHead: false,
          meritOrSocial: false,
          incomePerCapita: category === 'poor' ? 600_000 : category === 'near_poor' ? 900_000 : 2_000_000,
          deprivations: [],
          category,
          reason: 'Dữ liệu thử',
          standardVersion: 'qd59-2015@1',
          transition,
          createdAt,
        });
      }
    }
    householdsOf.set(district, ids);
  }
  for (let i = 0; i < hhRows.length; i += 500) await db.insert(households).values(hhRows.slice(i, i + 500));
  for (let i = 0; i < aRows.length; i += 500) await db.insert(assessments).values(aRows.slice(i, i + 500));

  const catalog = createUnitsCatalog(db);
  const deps: ReportsDeps = { db, clock: moving.clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, moving.clock) };
  const service = createReportsService(deps);
  return {
    testDb,
    db,
    deps,
    setToday: moving.set,
    service,
    documents: createReportDocuments(deps, service),
    round2016,
    round2017,
    villageOf,
    householdsOf,
    close: () => testDb.drop(),
  };
}

/**
 * An amendment after approval, as the registry records it: the household's current assessment becomes a past
 * revision and a new current revision carries the new category (DOMAIN.md §3: "later edits are new records").
 */
export async function amendAssessment(db: Db, roundId: string, householdId: string, category: 'poor' | 'near_poor' | 'not_poor', transition: string): Promise<void> {
  const [current] = await db.select().from(assessments).where(and(eq(assessments.roundId, roundId), eq(assessments.householdId, householdId), eq(assessments.isCurrent, true)));
  if (!current) throw new Error('no current assessment');
  await db.transaction(async (tx) => {
    await tx.update(assessments).set({ isCurrent: false }).where(eq(assessments.id, current.id));
    await tx.insert(assessments).values({
      ...current,
      id: randomUUID(),
      revision: current.revision + 1,
      isCurrent: true,
      category,
      transition,
      isAmendment: true,
      amendmentReason: 'Phúc tra: thu nhập thực tế thấp hơn kê khai',
      createdAt: new Date(),
    });
  });
}

/** A commune's review round with the village meeting recorded (TT 17/2016: họp dân bình xét). */
export async function recordVillageMeeting(db: Db, roundId: string, communeCode: string, meeting: { date: string; attendees: number; chair: string; minutes: string }): Promise<void> {
  await db.insert(roundCommunes).values({ id: randomUUID(), provinceCode: '20', roundId, communeCode, state: 'meeting_held', steps: { listsDraftedOn: meeting.date, meeting }, updatedAt: new Date() });
}
