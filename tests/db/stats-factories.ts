// Factories for the statistics tests: a fresh database with the Lạng Sơn units and demo villages (which follow their
// communes through the 2020, 2024 and 2025 mergers), review rounds, and households with their assessments inserted
// directly, so each test states exactly the figures it expects.

import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { assessments, households, reviewRounds } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/domain/access/authorize.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { standardForReviewYear, type Area, type PovertyCategory } from '../../src/domain/poverty/index.ts';
import type { TransitionCode } from '../../src/domain/poverty/transitions.ts';
import type { UnitDirectory } from '../../src/domain/units/unit-directory.ts';
import { generateDemoVillages, mulberry32 } from '../../src/seed/reference/demo-villages.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { fixedClock, randomIds, type Clock } from '../../src/shared/clock.ts';
import type { BuiltApp } from '../../src/server/app.ts';
import { installAuthGuard, type RegisteredRoute } from '../../src/server/http/auth-guard.ts';
import { installErrorHandler } from '../../src/server/http/error-handler.ts';
import '../../src/server/http/fastify-types.ts';
import { systemActor } from '../../src/server/modules/audit/audit.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { registerAuthRoutes } from '../../src/server/modules/auth/auth.routes.ts';
import { roundReferenceDate } from '../../src/server/modules/rounds/rounds.service.ts';
import { createStatsService, type StatsService } from '../../src/server/modules/stats/stats.service.ts';
import { registerStatsRoutes } from '../../src/server/modules/stats/stats.routes.ts';
import { insertVersions, loadAllEvents, loadAllVersions } from '../../src/server/modules/units/units.repository.ts';
import {
  createScopeChecker,
  createUnitsCatalog,
  type ScopeChecker,
  type UnitsCatalog,
} from '../../src/server/modules/units/units.service.ts';
import { createUsersService } from '../../src/server/modules/users/users.service.ts';
import { login, testPassword, type TestClient } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

export const PROVINCE = '20';

export interface StatsFixture {
  testDb: TestDatabase;
  db: Db;
  clock: Clock;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  stats: StatsService;
  directory(): Promise<UnitDirectory>;
  close(): Promise<void>;
}

/** A fresh database with the reference units and the demo villages; the statistics service on top of it. */
export async function createStatsFixture(options: { now?: string } = {}): Promise<StatsFixture> {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const clock = fixedClock(options.now ?? '2026-11-29T03:00:00Z');
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode: PROVINCE });
  const [versions, events] = await Promise.all([loadAllVersions(db), loadAllEvents(db)]);
  await insertVersions(db, PROVINCE, generateDemoVillages({ versions, events }));
  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, clock);
  const stats = createStatsService({ db, clock, provinceCode: PROVINCE, catalog, scope });
  return {
    testDb,
    db,
    clock,
    catalog,
    scope,
    stats,
    directory: () => catalog.directory(),
    close: () => testDb.drop(),
  };
}

let principals = 0;

/** A signed-in person with one role on one unit (the service checks scope from these assignments). */
export function principal(role: Role, unitCode: string): Principal {
  principals += 1;
  return {
    userId: crypto.randomUUID(),
    username: `thong.ke.${principals}`,
    fullName: `Người thử ${principals}`,
    assignments: [{ role, unitCode, organisationId: null }],
  };
}

export async function createRound(
  fx: StatsFixture,
  year: number,
  options: { state?: 'open' | 'frozen'; isDemo?: boolean } = {},
): Promise<string> {
  const standard = standardForReviewYear(year);
  const id = crypto.randomUUID();
  await fx.db.insert(reviewRounds).values({
    id,
    provinceCode: PROVINCE,
    year,
    standardId: standard.id,
    standardVersion: standard.version,
    state: options.state ?? 'frozen',
    openedOn: `${year}-09-01`,
    decisionNumber: options.state === 'open' ? null : `${100 + (year % 100)}/QĐ-UBND`,
    decisionDate: options.state === 'open' ? null : `${year}-12-16`,
    isDemo: options.isDemo ?? false,
    createdAt: fx.clock.now(),
  });
  return id;
}

export interface HouseholdSpec {
  village: string;
  category: PovertyCategory;
  deprivations?: string[];
  transition?: TransitionCode;
  area?: Area;
  ethnicMinority?: boolean;
  femaleHead?: boolean;
  meritOrSocial?: boolean;
}

export function times(n: number, spec: HouseholdSpec): HouseholdSpec[] {
  return Array.from({ length: n }, () => ({ ...spec }));
}

/** `poor` poor, `nearPoor` near-poor and the rest not poor, in one village. */
export function villageOf(village: string, total: number, poor: number, nearPoor = 0): HouseholdSpec[] {
  return [
    ...times(poor, { village, category: 'poor' }),
    ...times(nearPoor, { village, category: 'near_poor' }),
    ...times(total - poor - nearPoor, { village, category: 'not_poor' }),
  ];
}

let householdCounter = 0;

/**
 * New households, each with its current assessment in the round; the commune and district are those of the village
 * on the round's date, as the rounds service records them. Returns the household ids in the order of the specs.
 */
export async function assessHouseholds(fx: StatsFixture, roundId: string, specs: readonly HouseholdSpec[]): Promise<string[]> {
  const [round] = await fx.db.select().from(reviewRounds).where(eq(reviewRounds.id, roundId));
  if (!round) throw new Error(`no round ${roundId}`);
  const dir = await fx.directory();
  const date = roundReferenceDate(round.year);
  const now = fx.clock.now();
  const ids: string[] = [];
  const householdRows: (typeof households.$inferInsert)[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  for (const spec of specs) {
    const chain = dir.ancestorsOn(spec.village, date);
    const commune = chain.find((u) => u.level === 'commune');
    if (!commune) throw new Error(`village ${spec.village} not in force on ${date}`);
    householdCounter += 1;
    const id = crypto.randomUUID();
    ids.push(id);
    const area = spec.area ?? 'rural';
    householdRows.push({
      id,
      provinceCode: PROVINCE,
      code: `TK-${process.pid}-${householdCounter}`,
      headName: `Chủ hộ ${householdCounter}`,
      headNameFolded: `chu ho ${householdCounter}`,
      villageCode: spec.village,
      area,
      ethnicMinority: spec.ethnicMinority ?? false,
      femaleHead: spec.femaleHead ?? false,
      createdAt: now,
      updatedAt: now,
    });
    assessmentRows.push({
      ...assessmentFields(spec),
      id: crypto.randomUUID(),
      provinceCode: PROVINCE,
      roundId,
      householdId: id,
      revision: 1,
      isCurrent: true,
      villageCode: spec.village,
      communeCode: commune.code,
      districtCode: chain.find((u) => u.level === 'district')?.code ?? null,
      standardVersion: round.standardVersion,
      createdAt: now,
    });
  }
  for (let i = 0; i < householdRows.length; i += 500) await fx.db.insert(households).values(householdRows.slice(i, i + 500));
  for (let i = 0; i < assessmentRows.length; i += 500) await fx.db.insert(assessments).values(assessmentRows.slice(i, i + 500));
  return ids;
}

function assessmentFields(spec: HouseholdSpec) {
  return {
    area: spec.area ?? 'rural',
    ethnicMinority: spec.ethnicMinority ?? false,
    femaleHead: spec.femaleHead ?? false,
    meritOrSocial: spec.meritOrSocial ?? false,
    deprivations: spec.deprivations ?? [],
    category: spec.category,
    reason: 'Dữ liệu thử',
    transition: spec.transition ?? 'first_round',
  } as const;
}

/** An amendment after approval: the current revision is kept as history, a new one with its reason becomes current. */
export async function amendAssessment(
  fx: StatsFixture,
  roundId: string,
  householdId: string,
  change: Partial<Omit<HouseholdSpec, 'village'>>,
): Promise<void> {
  await fx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.roundId, roundId), eq(assessments.householdId, householdId), eq(assessments.isCurrent, true)));
    if (!current) throw new Error(`no current assessment of ${householdId}`);
    await tx.update(assessments).set({ isCurrent: false }).where(eq(assessments.id, current.id));
    await tx.insert(assessments).values({
      ...current,
      ...change,
      id: crypto.randomUUID(),
      revision: current.revision + 1,
      isCurrent: true,
      isAmendment: true,
      amendmentReason: 'Đính chính theo đơn của hộ',
      createdAt: fx.clock.now(),
    });
  });
}

/** The first `n` villages of a commune on a date, by code. */
export function villagesOfCommune(dir: UnitDirectory, communeCode: string, date: string, n = Infinity): string[] {
  return dir
    .childrenOn(communeCode, date)
    .map((v) => v.code)
    .slice(0, n);
}

/** A deterministic spread of households over villages: categories, deprivations, breakdowns drawn from a seed. */
export function drawHouseholds(villages: readonly string[], perVillage: number, indicators: readonly string[], seed: number): HouseholdSpec[] {
  const random = mulberry32(seed);
  const transitions: TransitionCode[] = ['first_round', 'stayed_poor', 'escaped', 'new_poor', 'relapsed', 'none'];
  const specs: HouseholdSpec[] = [];
  for (const village of villages) {
    const count = 1 + Math.floor(random() * perVillage * 2);
    for (let i = 0; i < count; i += 1) {
      const deprivations = indicators.filter(() => random() < 0.28);
      const r = random();
      specs.push({
        village,
        category: r < 0.2 ? 'poor' : r < 0.32 ? 'near_poor' : r < 0.5 ? 'middle' : 'not_poor',
        deprivations,
        transition: transitions[Math.floor(random() * transitions.length)] as TransitionCode,
        area: random() < 0.2 ? 'urban' : 'rural',
        ethnicMinority: random() < 0.7,
        femaleHead: random() < 0.25,
        meritOrSocial: random() < 0.1,
      });
    }
  }
  return specs;
}

/**
 * The authentication routes and the statistics routes on one Fastify instance, as the app wires them, plus a way to
 * sign users in (the statistics routes are wired into src/server/app.ts by the lead).
 */
export async function buildStatsApp(fx: StatsFixture) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  const routes: RegisteredRoute[] = [];
  const auth = createAuthService({ db: fx.db, clock: fx.clock, ids: randomIds, provinceCode: PROVINCE, sessionTtlHours: 8 });
  installAuthGuard(app, auth, routes);
  installErrorHandler(app);
  registerAuthRoutes(app, auth, false);
  registerStatsRoutes(app, fx.stats);
  await app.ready();
  const built: BuiltApp = { app, routes };
  const users = createUsersService({ db: fx.db, clock: fx.clock, ids: randomIds, provinceCode: PROVINCE, catalog: fx.catalog, scope: fx.scope });
  let n = 0;
  return {
    built,
    async userWith(role: Role, unitCode: string): Promise<TestClient> {
      n += 1;
      const username = `tk${n}.${role.replaceAll('_', '')}`;
      await users.create(systemActor, {
        username,
        fullName: `Người dùng ${n}`,
        password: testPassword,
        assignments: [{ role, unitCode, organisationId: null }],
      });
      return login(built, username, testPassword);
    },
    close: () => app.close(),
  };
}
