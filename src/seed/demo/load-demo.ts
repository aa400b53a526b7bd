import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { emulationGroupMembers, emulationGroups, individuals, organisations, users } from '../../db/schema/index.ts';
import { systemClock, randomIds, type Clock, type IdGenerator } from '../../shared/clock.ts';
import { createUnitDirectory } from '../../domain/units/unit-directory.ts';
import { insertVersions, loadAllEvents, loadAllVersions } from '../../server/modules/units/units.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../../server/modules/units/units.service.ts';
import { createUsersService } from '../../server/modules/users/users.service.ts';
import { recordAudit, systemActor } from '../../server/modules/audit/audit.ts';
import { generateDemoVillages } from '../reference/demo-villages.ts';
import { langSonOrganisations } from '../lang-son-organisations.ts';
import { demoPassword, demoUsers } from './demo-users.ts';
import { loadDemoRegistry } from './registry/load-demo-registry.ts';
import { recomputeRoundAggregates } from '../../server/modules/stats/recompute-aggregates.ts';
import { loadDemoEmulation } from './emulation/load-demo-emulation.ts';
import { loadDemoAwards } from './demo-awards.ts';

export interface DemoOptions {
  provinceCode: string;
  log: (line: string) => void;
  households?: number;
  clock?: Clock;
  ids?: IdGenerator;
}

const demoYears = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Loads the demo data set once. Returns false when it is already there. Everything it creates is marked demo. */
export async function loadDemoData(database: Database, options: DemoOptions): Promise<boolean> {
  const db = database.db;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  if (existing) return false;
  options.log('Đang nạp dữ liệu MẪU (demo) — không phải số liệu thật…');

  const versions = await loadAllVersions(db);
  const events = await loadAllEvents(db);
  const villages = generateDemoVillages({ versions, events });
  const dir = createUnitDirectory([...versions, ...villages], events);
  const orgRows = await db.select().from(organisations);
  const orgByName = new Map(orgRows.map((o) => [o.name, o]));
  const orgIdByKey = (key: string): string => {
    const seed = langSonOrganisations.find((o) => o.key === key);
    const row = seed ? orgByName.get(seed.name) : undefined;
    if (!row) throw new Error(`Thiếu cơ quan ${key} trong dữ liệu tham chiếu`);
    return row.id;
  };
  const now = clock.now();

  await db.transaction(async (tx) => {
    await insertVersions(tx, options.provinceCode, villages);

    // Emulation clusters of district-level units and blocks of provincial bodies, per year (demo groupings).
    for (const year of demoYears) {
      const date = `${year}-12-31`;
      const districts = dir.unitsOn(date, 'district');
      const groupsOfYear: { name: string; kind: 'cluster' | 'block'; unitCodes: string[]; orgKeys: string[] }[] = [];
      if (districts.length > 0) {
        const half = Math.ceil(districts.length / 2);
        groupsOfYear.push({ name: `Cụm thi đua số 1 các huyện, thành phố (mẫu)`, kind: 'cluster', unitCodes: districts.slice(0, half).map((d) => d.code), orgKeys: [] });
        groupsOfYear.push({ name: `Cụm thi đua số 2 các huyện (mẫu)`, kind: 'cluster', unitCodes: districts.slice(half).map((d) => d.code), orgKeys: [] });
      } else {
        const communes = dir.unitsOn(date, 'commune');
        const size = Math.ceil(communes.length / 5);
        for (let i = 0; i < 5; i += 1) {
          groupsOfYear.push({ name: `Cụm thi đua số ${i + 1} các xã, phường (mẫu)`, kind: 'cluster', unitCodes: communes.slice(i * size, (i + 1) * size).map((c) => c.code), orgKeys: [] });
        }
      }
      const active = langSonOrganisations.filter((o) => o.validFrom <= date && (o.validTo === null || o.validTo > date));
      groupsOfYear.push({ name: 'Khối các sở, ban, ngành tổng hợp (mẫu)', kind: 'block', unitCodes: [], orgKeys: active.filter((o) => o.type === 'department').map((o) => o.key) });
      groupsOfYear.push({ name: 'Khối Mặt trận và các đoàn thể (mẫu)', kind: 'block', unitCodes: [], orgKeys: active.filter((o) => o.type === 'fatherland_front' || o.type === 'union').map((o) => o.key) });
      groupsOfYear.push({ name: 'Khối lực lượng vũ trang và ngân hàng (mẫu)', kind: 'block', unitCodes: [], orgKeys: active.filter((o) => o.type === 'armed_forces' || o.type === 'bank').map((o) => o.key) });
      for (const g of groupsOfYear) {
        const id = ids.newId();
        await tx.insert(emulationGroups).values({ id, provinceCode: options.provinceCode, year, kind: g.kind, name: g.name, isDemo: true, createdAt: now });
        const members = [
          ...g.unitCodes.map((unitCode) => ({ id: ids.newId(), groupId: id, unitCode, organisationId: null })),
          ...g.orgKeys.map((key) => ({ id: ids.newId(), groupId: id, unitCode: null, organisationId: orgIdByKey(key) })),
        ];
        if (members.length) await tx.insert(emulationGroupMembers).values(members);
      }
    }

    // One demo poverty cadre per 2019 commune (the plan's participant type 6).
    const communes2019 = dir.unitsOn('2019-12-31', 'commune');
    const family = ['Hoàng', 'Nông', 'Lương', 'Vi', 'Lăng', 'Triệu', 'Hà', 'Lý', 'Nguyễn', 'Đinh', 'Chu', 'Lục'];
    const given = ['Văn Hùng', 'Thị Hoa', 'Văn Thắng', 'Thị Lan', 'Văn Minh', 'Thị Mai', 'Văn Dũng', 'Thị Hương', 'Đức Anh', 'Thị Nhung'];
    await tx.insert(individuals).values(
      communes2019.map((c, i) => ({
        id: ids.newId(),
        provinceCode: options.provinceCode,
        fullName: `${family[i % family.length]} ${given[(i * 7) % given.length]}`,
        position: `Cán bộ Lao động - Thương binh và Xã hội, ${c.name}`,
        role: 'poverty_cadre' as const,
        organisationId: null,
        unitCode: c.code,
        isDemo: true,
        createdAt: now,
      })),
    );
    await recordAudit(tx, { clock, provinceCode: options.provinceCode }, systemActor, {
      action: 'demo.loaded',
      entityType: 'demo',
      entityId: 'lang-son',
      after: { villages: villages.length, cadres: communes2019.length },
    });
  });

  const catalog = createUnitsCatalog(db);
  const usersService = createUsersService({ db, clock, ids, provinceCode: options.provinceCode, catalog, scope: createScopeChecker(catalog, clock) });
  for (const u of demoUsers) {
    let unitCode: string | null = u.scope;
    let organisationId: string | null = null;
    if (u.scope.startsWith('org:')) {
      unitCode = null;
      organisationId = orgIdByKey(u.scope.slice(4));
    } else if (u.scope.startsWith('village:first-of:')) {
      const commune = u.scope.slice('village:first-of:'.length);
      unitCode = villages.filter((v) => v.parentCode === commune).map((v) => v.code).sort()[0] ?? commune;
    }
    await usersService.create(systemActor, {
      username: u.username,
      fullName: u.fullName,
      password: demoPassword,
      assignments: [{ role: u.role, unitCode, organisationId }],
      isDemo: true,
    });
  }
  options.log(`Đã nạp dữ liệu mẫu: ${villages.length} thôn, bản (mẫu), cụm/khối thi đua (mẫu), ${demoUsers.length} tài khoản mẫu.`);
  // The synthetic registry (households, rounds 2016–2025 and an open 2026 round), calibrated to published figures.
  await loadDemoRegistry(database, { provinceCode: options.provinceCode, households: options.households, log: options.log, clock, ids });
  // Figures of every round are stored once, so that dashboards never scan households.
  const rounds = await database.query<{ id: string; year: number }>('select id, year from review_rounds order by year');
  const catalog2 = createUnitsCatalog(db);
  for (const r of rounds) {
    await recomputeRoundAggregates(db, { catalog: catalog2, clock }, r.id);
  }
  options.log(`Đã tính số liệu tổng hợp của ${rounds.length} kỳ rà soát.`);
  // A played-through emulation round (2018) and the Fund's ledgers, on top of the registry and its figures.
  await loadDemoEmulation(database, { provinceCode: options.provinceCode, ids, log: options.log });
  // Award nominations of the 2020 final review (marked demo), at each step of their path.
  await loadDemoAwards(database, { provinceCode: options.provinceCode, clock, ids, log: options.log });
  return true;
}

export function demoUsersTable(): string {
  const lines = ['Tài khoản MẪU (mật khẩu chung: ' + demoPassword + '):'];
  for (const u of demoUsers) lines.push(`  ${u.username.padEnd(14)} ${u.fullName}`);
  return lines.join('\n');
}
