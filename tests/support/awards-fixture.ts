// A database for the award nomination tests: the Lạng Sơn units, the campaign of plan 165/KH-UBND with its 2020 final
// review round, two communes of Lộc Bình whose poor-household rates fell every year (40% → 25%), three households of
// Xã Yên Khoái who escaped poverty (4, 3 and 2 years ago), a clock the test moves, and principals of each level.

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { emulationCampaigns, emulationRounds, householdMembers, organisations, socialBankLoans } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { createAwardDocuments } from '../../src/server/modules/awards/awards.documents.ts';
import { createAwardsService, type AwardsDeps } from '../../src/server/modules/awards/awards.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { addHousehold, addVillage, assess, openReviewRound, populateCommune } from './emulation-factories.ts';
import { movableClock, person, type Person } from './reports-fixture.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export const LOC_BINH = '188';
export const YEN_KHOAI = '06541';
export const TU_MICH = '06547';

export interface AwardsFixture {
  testDb: TestDatabase;
  db: Db;
  deps: AwardsDeps;
  setToday(value: string): void;
  service: ReturnType<typeof createAwardsService>;
  documents: ReturnType<typeof createAwardDocuments>;
  campaignId: string;
  finalRoundId: string;
  households: { binh: string; hoa: string; duc: string };
  orgId: string;
  people: { district: Person; commune: Person; board: Person; council: Person; org: Person; otherDistrict: Person };
  close(): Promise<void>;
}

async function addHead(db: Db, householdId: string, fullName: string, sex: 'male' | 'female'): Promise<void> {
  await db.insert(householdMembers).values({ id: randomUUID(), provinceCode: '20', householdId, fullName, fullNameFolded: fullName.toLowerCase(), birthYear: 1975, sex, relation: 'Chủ hộ', citizenId: '020075001234', createdAt: new Date() });
}

export async function createAwardsFixture(startIso = '2020-04-01T02:00:00Z'): Promise<AwardsFixture> {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const moving = movableClock(startIso);
  await seedReferenceData(db, { clock: moving.clock, ids: randomIds, provinceCode: '20' });

  const rounds: Record<number, string> = {};
  for (const year of [2016, 2017, 2018, 2019]) rounds[year] = await openReviewRound(db, year);
  const places = [];
  for (const commune of [YEN_KHOAI, TU_MICH]) {
    const villageCode = await addVillage(db, commune, '01', 'Thôn Nà Pàn');
    const place = { villageCode, communeCode: commune, districtCode: LOC_BINH };
    places.push(place);
    await populateCommune(db, place, 100, { 2016: 40, 2017: 35, 2018: 30, 2019: 25 }, rounds);
  }
  const yk = places[0]!;
  const binh = await addHousehold(db, yk.villageCode, 'YK-BINH', 'Hoàng Văn Bình');
  const hoa = await addHousehold(db, yk.villageCode, 'YK-HOA', 'Nông Thị Hoa');
  const duc = await addHousehold(db, yk.villageCode, 'YK-DUC', 'Lăng Văn Đức');
  await addHead(db, binh, 'Hoàng Văn Bình', 'male');
  await addHead(db, hoa, 'Nông Thị Hoa', 'female');
  await addHead(db, duc, 'Lăng Văn Đức', 'male');
  await assess(db, rounds[2019]!, binh, yk, { category: 'not_poor', transition: 'none', stableEscapeYears: 4 });
  await assess(db, rounds[2019]!, hoa, yk, { category: 'not_poor', transition: 'none', stableEscapeYears: 3 });
  await assess(db, rounds[2019]!, duc, yk, { category: 'not_poor', transition: 'none', stableEscapeYears: 2 });
  await db.insert(socialBankLoans).values({ id: randomUUID(), provinceCode: '20', householdId: binh, amount: 30_000_000, purpose: 'Chăn nuôi trâu sinh sản', disbursedOn: '2017-03-01', dueOn: '2021-03-01', usedAsIntended: true, interestOnTime: true, principalOnTime: true, createdAt: new Date() });

  const campaignId = randomUUID();
  const now = new Date('2017-10-12T02:00:00Z');
  await db.insert(emulationCampaigns).values({
    id: campaignId,
    provinceCode: '20',
    name: 'Phong trào thi đua "Lạng Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"',
    legalBasis: 'Kế hoạch số 165/KH-UBND ngày 26/9/2017 của UBND tỉnh Lạng Sơn',
    periodFrom: 2016,
    periodTo: 2020,
    participantTypes: ['district', 'commune', 'household'],
    targetRuleSetId: 'plan165-2017',
    targetRuleSetVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  const finalRoundId = randomUUID();
  await db.insert(emulationRounds).values({
    id: finalRoundId,
    provinceCode: '20',
    campaignId,
    kind: 'final',
    name: 'Tổng kết giai đoạn 2016 - 2020',
    year: 2020,
    measureFromYear: 2017,
    measureToYear: 2019,
    selfAssessmentFrom: '2020-03-01',
    selfAssessmentTo: '2020-03-31',
    verificationUntil: '2020-04-15',
    councilScoringOn: '2020-05-05',
    publicationOn: '2020-05-20',
    ceremonyOn: '2020-06-11',
    createdAt: now,
  });
  const [org] = await db.select().from(organisations).where(eq(organisations.name, 'Sở Lao động - Thương binh và Xã hội'));

  const catalog = createUnitsCatalog(db);
  const deps: AwardsDeps = { db, clock: moving.clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, moving.clock) };
  const service = createAwardsService(deps);
  return {
    testDb,
    db,
    deps,
    setToday: moving.set,
    service,
    documents: createAwardDocuments({ clock: moving.clock }, service),
    campaignId,
    finalRoundId,
    households: { binh, hoa, duc },
    orgId: org!.id,
    people: {
      district: person('district_officer', { unitCode: LOC_BINH }, 'Nông Văn Thanh'),
      commune: person('commune_officer', { unitCode: YEN_KHOAI }, 'Hoàng Thị Mai'),
      board: person('emulation_board', { unitCode: '20' }, 'Đoàn Thu Hà'),
      council: person('council_member', { unitCode: '20' }, 'Lương Văn Hùng'),
      org: person('org_focal_point', { organisationId: org!.id }, 'Vi Thị Lan'),
      otherDistrict: person('district_officer', { unitCode: '180' }, 'Cán bộ Tràng Định'),
    },
    close: () => testDb.drop(),
  };
}

/** A tờ trình and the proposing level's meeting with every nominee voted on (13 of 15 present, all agree). */
export function dossierFor(nomineeIds: string[], heldOn: string, number = '125/TTr-UBND') {
  return {
    toTrinh: { number, date: heldOn, signerName: 'Nông Văn Thanh', signerAuthority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], addressee: 'Ủy ban nhân dân tỉnh Lạng Sơn', content: 'Trong giai đoạn 2016 - 2020, phong trào được triển khai sâu rộng trên địa bàn huyện.' },
    proposerMeeting: {
      heldOn,
      startTime: '08:00',
      endTime: '10:30',
      venue: 'Hội trường UBND huyện Lộc Bình',
      chair: { name: 'Nông Văn Thanh', position: 'Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng' },
      secretary: { name: 'Hà Thị Thu', position: 'Phó Trưởng phòng Nội vụ, Thư ký Hội đồng' },
      membersTotal: 11,
      attendees: ['Nông Văn Thanh', 'Hà Thị Thu', 'Lộc Văn Quang', 'Vy Thị Hằng', 'Hoàng Văn Tâm', 'Lăng Thị Nga', 'Mã Văn Sơn', 'Chu Thị Liên', 'Dương Văn Bảo', 'Triệu Thị Vân'],
      votes: nomineeIds.map((nomineeId) => ({ nomineeId, agree: 10, disagree: 0, abstain: 0 })),
    },
  };
}
