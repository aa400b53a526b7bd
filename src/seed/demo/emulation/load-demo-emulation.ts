// Demo data of the emulation movement and the Fund for the Poor, on top of the demo registry: the 2018 annual round of
// plan 165 played through (registrations with pledges, self-assessments with evidence records, the board's
// verification, the council's scores, the measured criteria computed from the registry, publication), the clusters'
// and blocks' joint pledges, initiatives, models and a household exemplar under 5b.3, and the ledgers of the province's,
// Huyện Lộc Bình's and Thị trấn Lộc Bình's funds for 2017–2019. Every step goes through the services (so it is checked
// and audited like a user's), on a clock set to the date the step would have happened. Writes are recorded under the
// demo actor; records carry "(mẫu)" in their names. The Department of Labour (Sở LĐTBXH) is left unregistered so that
// its demo focal point can register in person.

import type { Database } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { participantTypeRules } from '../../../domain/emulation/participant-types.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { EvidenceRef } from '../../../shared/schemas/emulation.schema.ts';
import type { Actor } from '../../../server/modules/audit/audit.ts';
import { createEmulationService, createReportsTimelinessSource, resolveFilesDir } from '../../../server/modules/emulation/emulation.service.ts';
import { getCampaignBySeedKey } from '../../../server/modules/emulation/campaigns.repository.ts';
import { createFundService } from '../../../server/modules/fund/fund.service.ts';
import * as participantsRepo from '../../../server/modules/participants/participants.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../../../server/modules/units/units.service.ts';
import { PLAN_165_SEED_KEY, seedPlan165Campaign } from '../../plan-165.ts';
import { DEMO_ACTOR_NAME, demoCouncilPoints, demoSelfPoints, demoVerification } from './demo-score-plan.ts';

export interface DemoEmulationOptions {
  provinceCode: string;
  ids: IdGenerator;
  log: (line: string) => void;
}

/** A clock that reads the date it is set to (noon, Vietnam time), so each step happens inside its window. */
function steppedClock(): Clock & { on(date: string): void } {
  let current = new Date('2018-10-20T05:00:00Z');
  return {
    now: () => current,
    today: () => current.toISOString().slice(0, 10),
    on(date: string) {
      current = new Date(`${date}T05:00:00Z`);
    },
  };
}

const DEMO_ROUND = 'Đánh giá năm 2018';
const LOC_BINH = '188';
const LOC_BINH_TOWN = '06529';
const LABOUR_DEPARTMENT = 'Sở Lao động - Thương binh và Xã hội';

export async function loadDemoEmulation(database: Database, options: DemoEmulationOptions): Promise<void> {
  const db = database.db;
  const { provinceCode, ids } = options;
  const clock = steppedClock();
  await seedPlan165Campaign(db, { clock, ids, provinceCode });
  const campaignRow = await getCampaignBySeedKey(db, provinceCode, PLAN_165_SEED_KEY);
  if (!campaignRow) return;
  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, clock);
  const emulation = createEmulationService({ db, clock, ids, provinceCode, catalog, scope, filesDir: resolveFilesDir(), timeliness: createReportsTimelinessSource(db) });
  const fund = createFundService({ db, clock, ids, provinceCode, catalog, scope });
  const actor: Actor = { userId: null, name: DEMO_ACTOR_NAME };
  // The demo writer acts for the whole province (the admin role holds every permission, emulation.council included).
  const demo: Principal = { userId: '00000000-0000-0000-0000-000000000000', username: 'demo', fullName: DEMO_ACTOR_NAME, assignments: [{ role: 'admin', unitCode: provinceCode, organisationId: null }] };
  const dir = await catalog.directory();

  // ---------- the Fund for the Poor at three levels (before the round: criteria 1.3, 2.3 read it) ----------
  // Households of Lộc Bình's communes in 2018 (codes are digits: safe to inline).
  const communeCodes = dir.unitsOn('2018-06-30', 'commune').filter((c) => c.parentCode === LOC_BINH).map((c) => c.code).filter((c) => /^\d+$/u.test(c));
  const households = communeCodes.length
    ? await database.query<{ id: string; village_code: string; head_name: string }>(
        `select h.id, h.village_code, h.head_name from households h where h.closed_on is null and split_part(h.village_code, '-', 1) in (${communeCodes.map((c) => `'${c}'`).join(', ')}) order by h.code limit 200`,
      )
    : [];
  const inTown = households.filter((h) => h.village_code.startsWith(`${LOC_BINH_TOWN}-`));
  const inDistrict = households.filter((h) => dir.isWithinOn(h.village_code, LOC_BINH, '2018-06-30'));
  const cash = (donorName: string, value: number, receivedOn: string, receiptNumber: string, agreesToBeNamed = true, donorKind: 'agency' | 'staff' | 'enterprise' | 'individual' = 'enterprise') => ({
    donorName,
    donorKind,
    donorOrganisationId: null,
    donorUnitCode: null,
    agreesToBeNamed,
    form: 'cash' as const,
    kindDescription: null,
    value,
    receivedOn,
    receiptNumber,
    note: null,
  });
  const project = (projectName: string, purpose: 'housing' | 'production' | 'schooling' | 'health' | 'relief', value: number, disbursedOn: string, decisionNumber: string) => ({
    beneficiaryKind: 'project' as const,
    householdId: null,
    projectName,
    purpose,
    value,
    disbursedOn,
    decisionNumber,
    note: null,
  });
  const toHousehold = (householdId: string, purpose: 'housing' | 'production' | 'schooling' | 'health' | 'relief', value: number, disbursedOn: string) => ({
    beneficiaryKind: 'household' as const,
    householdId,
    projectName: null,
    purpose,
    value,
    disbursedOn,
    decisionNumber: null,
    note: null,
  });
  await fund.createPeriod(demo, actor, provinceCode, { year: 2017, openingBalance: 850_000_000 });
  await fund.createPeriod(demo, actor, provinceCode, { year: 2018, openingBalance: null });
  await fund.addContribution(demo, actor, provinceCode, cash('Công ty CP Xi măng Đồng Bành (mẫu)', 300_000_000, '2017-10-20', 'MAU-T-001'));
  await fund.addContribution(demo, actor, provinceCode, cash('Cán bộ, công chức các sở, ngành tỉnh (mẫu)', 420_000_000, '2017-11-10', 'MAU-T-002', true, 'staff'));
  await fund.addContribution(demo, actor, provinceCode, cash('Một nhà hảo tâm (mẫu)', 150_000_000, '2017-11-18', 'MAU-T-003', false, 'individual'));
  await fund.addContribution(demo, actor, provinceCode, { ...cash('Hội Doanh nghiệp tỉnh (mẫu)', 120_000_000, '2017-12-05', 'MAU-T-004'), form: 'kind', kindDescription: '400 bao gạo và 200 chăn ấm, quy ra tiền' });
  await fund.addDisbursement(demo, actor, provinceCode, project('Xây 25 nhà Đại đoàn kết cho hộ nghèo huyện Lộc Bình (mẫu)', 'housing', 1_000_000_000, '2018-03-15', '12/QĐ-MTTQ (mẫu)'));
  await fund.addDisbursement(demo, actor, provinceCode, project('Học bổng cho học sinh nghèo vượt khó (mẫu)', 'schooling', 180_000_000, '2018-08-20', '31/QĐ-MTTQ (mẫu)'));
  await fund.addContribution(demo, actor, provinceCode, cash('Ngân hàng TMCP Công Thương chi nhánh Lạng Sơn (mẫu)', 500_000_000, '2018-10-25', 'MAU-T-101'));
  await fund.addContribution(demo, actor, provinceCode, cash('Cán bộ, công chức các sở, ngành tỉnh (mẫu)', 450_000_000, '2018-11-12', 'MAU-T-102', true, 'staff'));
  await fund.addContribution(demo, actor, provinceCode, cash('Một nhà hảo tâm (mẫu)', 80_000_000, '2018-11-16', 'MAU-T-103', false, 'individual'));
  await fund.addDisbursement(demo, actor, provinceCode, project('Hỗ trợ bò giống cho hộ nghèo các xã biên giới (mẫu)', 'production', 640_000_000, '2019-03-10', '08/QĐ-MTTQ (mẫu)'));
  await fund.addDisbursement(demo, actor, provinceCode, project('Cứu trợ hộ bị thiệt hại do mưa đá (mẫu)', 'relief', 95_000_000, '2019-05-02', '15/QĐ-MTTQ (mẫu)'));

  await fund.createPeriod(demo, actor, LOC_BINH, { year: 2017, openingBalance: 60_000_000 });
  await fund.createPeriod(demo, actor, LOC_BINH, { year: 2018, openingBalance: null });
  await fund.addContribution(demo, actor, LOC_BINH, cash('Công ty Than Na Dương (mẫu)', 90_000_000, '2017-10-25', 'MAU-H-001'));
  await fund.addContribution(demo, actor, LOC_BINH, cash('Cán bộ, công chức huyện Lộc Bình (mẫu)', 75_000_000, '2017-11-15', 'MAU-H-002', true, 'staff'));
  await fund.addContribution(demo, actor, LOC_BINH, cash('Cán bộ, công chức huyện Lộc Bình (mẫu)', 80_000_000, '2018-11-14', 'MAU-H-101', true, 'staff'));
  if (inDistrict[0]) {
    await fund.addDirectGift(demo, actor, LOC_BINH, { donorName: 'Một doanh nhân quê Lộc Bình (mẫu)', donorOrganisationId: null, donorUnitCode: null, agreesToBeNamed: false, householdId: inDistrict[0].id, purpose: 'health', form: 'cash', description: 'Hỗ trợ chữa bệnh', value: 20_000_000, givenOn: '2017-12-10', reportedOn: '2017-12-15' });
    await fund.addDisbursement(demo, actor, LOC_BINH, toHousehold(inDistrict[0].id, 'housing', 50_000_000, '2018-04-02'));
  }
  if (inDistrict[1]) await fund.addDisbursement(demo, actor, LOC_BINH, toHousehold(inDistrict[1].id, 'production', 30_000_000, '2018-06-12'));
  await fund.addDisbursement(demo, actor, LOC_BINH, project('Sửa chữa nhà cho hộ nghèo xã Mẫu Sơn (mẫu)', 'housing', 90_000_000, '2019-02-20', '05/QĐ-MTTQ (mẫu)'));

  await fund.createPeriod(demo, actor, LOC_BINH_TOWN, { year: 2018, openingBalance: 12_000_000 });
  await fund.addContribution(demo, actor, LOC_BINH_TOWN, cash('Cán bộ, công chức thị trấn Lộc Bình (một ngày lương) (mẫu)', 9_500_000, '2018-10-30', 'MAU-X-001', true, 'staff'));
  await fund.addContribution(demo, actor, LOC_BINH_TOWN, cash('Các hộ kinh doanh chợ Lộc Bình (mẫu)', 14_000_000, '2018-11-05', 'MAU-X-002', true, 'individual'));
  for (const [i, h] of inTown.slice(0, 3).entries()) await fund.addDisbursement(demo, actor, LOC_BINH_TOWN, toHousehold(h.id, i === 0 ? 'housing' : 'schooling', 6_000_000, `2019-0${i + 1}-15`));

  // ---------- the round's structure ----------
  const campaign = await emulation.campaigns.get(campaignRow.id);
  const round = campaign.rounds.find((r) => r.name === DEMO_ROUND);
  if (!round) return;
  const date = '2018-12-31';
  const orgRule = participantTypeRules.department_front_union.organisationTypes ?? [];
  const orgs = (await participantsRepo.listOrganisations(db, null))
    .filter((o) => orgRule.includes(o.type) && o.validFrom <= date && (o.validTo === null || o.validTo > '2018-01-01') && o.name !== LABOUR_DEPARTMENT)
    .sort((a, b) => a.name.localeCompare(b.name));
  const districts = dir.unitsOn(date, 'district');
  const communes = dir.unitsOn(date, 'commune').filter((c) => c.parentCode === LOC_BINH);

  // ---------- initiatives, models and exemplars (the evidence of criteria 1.1, 2.1, 3.3, 5b.2 …) ----------
  clock.on('2018-11-20');
  const initiatives: string[] = [];
  const initiativeSeeds: [string, string, string][] = [
    ['Quy trình rà soát hộ nghèo bằng phiếu điện tử tại thôn (mẫu)', 'Nông Văn Thắng', LOC_BINH],
    ['Sổ tay hướng dẫn chính sách giảm nghèo bằng tiếng Tày, Nùng (mẫu)', 'Hoàng Thị Lan', provinceCode],
    ['Cách làm "mỗi cán bộ giúp một hộ nghèo" (mẫu)', 'Lương Văn Minh', LOC_BINH_TOWN],
    ['Liên kết tiêu thụ hồi, quế cho hộ nghèo (mẫu)', 'Vi Thị Hoa', districts[1]?.code ?? LOC_BINH],
  ];
  for (const [title, authorName, unitCode] of initiativeSeeds) {
    const created = await emulation.records.createInitiative(demo, actor, { title, authorName, unitCode, organisationId: null, recognisedOn: '2018-11-15', recognisedLevel: unitCode === provinceCode ? 'province' : 'district', summary: `${title.replace(' (mẫu)', '')}: sáng kiến mẫu để dùng thử, không phải số liệu thật.`, criterionCodes: ['1.1', '2.1', '6.1'], fileIds: [] });
    initiatives.push(created.id);
  }
  const models: string[] = [];
  const modelSeeds: [string, string, number][] = [
    ['Mô hình nuôi dê sinh sản luân chuyển (mẫu)', LOC_BINH_TOWN, 48],
    ['Mô hình trồng na VietGAP liên kết tiêu thụ (mẫu)', districts[2]?.code ?? LOC_BINH, 120],
    ['Mô hình tổ vay vốn xoay vòng của Hội Phụ nữ (mẫu)', LOC_BINH, 65],
  ];
  for (const [name, startedUnitCode, householdsReached] of modelSeeds) {
    const created = await emulation.records.createModel(demo, actor, {
      name,
      startedUnitCode,
      organisationId: null,
      startedOn: '2017-03-01',
      description: 'Mô hình mẫu để dùng thử, không phải số liệu thật.',
      replications: communes.slice(0, 3).map((c, i) => ({ unitCode: c.code, from: `2018-0${i + 3}-01`, households: 8 + i * 5 })),
      householdsReached,
      results: `${Math.round(householdsReached / 4)} hộ thoát nghèo sau hai năm (mẫu).`,
      criterionCodes: ['3.3', '4.2', '5b.2', '7.2'],
    });
    models.push(created.id);
  }
  // The 5b.3 exemplar: a household whose escape has held at least 3 years at its latest review, and which in 2018 was
  // still poor, near-poor or newly escaped (so that it also competes in that round under III.5b).
  const [stable] = await database.query<{ id: string; head_name: string; year: number }>(
    `with latest as (
       select distinct on (a.household_id) a.household_id, r.year, a.stable_escape_years
       from assessments a join review_rounds r on r.id = a.round_id where a.is_current order by a.household_id, r.year desc)
     select h.id, h.head_name, l.year from households h
       join latest l on l.household_id = h.id and l.stable_escape_years >= 3
       join assessments a18 on a18.household_id = h.id and a18.is_current
       join review_rounds r18 on r18.id = a18.round_id and r18.year = 2018
     where h.closed_on is null and (a18.category in ('poor', 'near_poor') or a18.stable_escape_years is not null)
     order by h.code limit 1`,
  );
  if (stable) {
    await emulation.records.createExemplar(demo, actor, {
      kind: 'household',
      householdId: stable.id,
      organisationId: null,
      individualId: null,
      campaignId: null,
      year: stable.year,
      story: 'Hộ thoát nghèo nhờ trồng hồi và nuôi lợn; giữ vững thoát nghèo và hướng dẫn kỹ thuật cho ba hộ nghèo cùng thôn (câu chuyện mẫu, không phải số liệu thật).',
      criterionCodes: ['5b.3'],
      fileIds: [],
    });
  }
  await emulation.records.createExemplar(demo, actor, {
    kind: 'collective',
    name: 'Chi hội Phụ nữ thôn Bản Chu (mẫu)',
    unitCode: LOC_BINH_TOWN,
    organisationId: null,
    individualId: null,
    householdId: null,
    campaignId: campaign.id,
    year: 2018,
    story: 'Duy trì tổ vay vốn xoay vòng giúp 12 hộ nghèo có vốn sản xuất (câu chuyện mẫu).',
    criterionCodes: ['4.1'],
    fileIds: [],
  });

  // ---------- registrations (20–28/12/2018) ----------
  const registrations: { id: string; key: string }[] = [];
  const register = async (participantType: Parameters<typeof emulation.registrations.register>[3]['participantType'], participant: Parameters<typeof emulation.registrations.register>[3]['participant'], name: string, day: number) => {
    clock.on(`2018-12-${String(20 + (day % 8)).padStart(2, '0')}`);
    const r = await emulation.registrations.register(demo, actor, round.id, {
      participantType,
      participant,
      pledges: [`${name} phấn đấu hoàn thành chỉ tiêu giảm nghèo năm 2018 (nội dung mẫu).`, 'Huy động nguồn lực, nhân rộng mô hình giảm nghèo hiệu quả (nội dung mẫu).'],
    });
    registrations.push({ id: r.id, key: r.participantKey });
  };
  let day = 0;
  for (const o of orgs) await register('department_front_union', { kind: 'organisation', organisationId: o.id }, o.name, day++);
  for (const d of districts) await register('district', { kind: 'unit', unitCode: d.code }, d.name, day++);
  for (const c of communes) await register('commune', { kind: 'unit', unitCode: c.code }, c.name, day++);
  if (stable) await register('household_poor', { kind: 'household', householdId: stable.id }, `Hộ ${stable.head_name}`, day);

  // ---------- self-assessment (05/01/2019), verification (15/01), council (22/01) ----------
  const sheets = [];
  clock.on('2019-01-05');
  for (const [i, r] of registrations.entries()) {
    const sheet = await emulation.scoring.scoreSheet(demo, r.id);
    for (const line of sheet.lines.filter((l) => l.kind === 'evidence')) {
      const evidence: EvidenceRef[] = [{ kind: 'initiative', id: initiatives[i % initiatives.length]! }, { kind: 'model', id: models[(i + line.code.length) % models.length]! }];
      await emulation.scoring.selfAssess(demo, actor, r.id, line.code, { points: demoSelfPoints(r.key, line.code, line.maxPoints), note: 'Thuyết minh mẫu: kết quả thực hiện năm 2018 theo kế hoạch đã đăng ký.', evidence });
    }
    sheets.push({ r, lines: sheet.lines });
  }
  clock.on('2019-01-15');
  for (const { r, lines } of sheets) {
    for (const line of lines.filter((l) => l.kind === 'evidence')) {
      const self = demoSelfPoints(r.key, line.code, line.maxPoints);
      const judged = demoVerification(r.key, line.code, self);
      await emulation.scoring.verify(demo, actor, r.id, line.code, judged);
    }
  }
  clock.on('2019-01-22');
  for (const { r, lines } of sheets) {
    for (const line of lines.filter((l) => l.kind === 'council')) {
      await emulation.scoring.councilScore(demo, actor, r.id, line.code, { points: demoCouncilPoints(r.key, line.code, line.maxPoints), note: 'Nhận xét mẫu của Hội đồng.' });
    }
  }

  // ---------- joint pledges of the 2018 clusters and blocks ----------
  clock.on('2018-12-28');
  const groups = await participantsRepo.listGroups(db, 2018);
  for (const g of groups) {
    await emulation.registrations.recordJointPledge(demo, actor, round.id, {
      groupId: g.id,
      signedOn: '2018-12-28',
      place: 'Thành phố Lạng Sơn',
      pledges: ['Hoàn thành và vượt chỉ tiêu giảm tỷ lệ hộ nghèo được giao (nội dung mẫu).', 'Không để hộ thoát nghèo tái nghèo (nội dung mẫu).'],
      signatories: [
        { name: 'Nguyễn Văn An (mẫu)', position: 'Trưởng cụm, khối', memberName: g.name },
        { name: 'Hoàng Thị Bình (mẫu)', position: 'Phó trưởng cụm, khối', memberName: g.name },
      ],
    });
  }

  // ---------- measured criteria from the data, publication (31/01/2019) ----------
  clock.on('2019-01-28');
  const recomputed = await emulation.scoring.recompute(demo, actor, round.id);
  clock.on('2019-01-31');
  await emulation.scoring.publish(demo, actor, round.id);
  options.log(`Đã nạp phong trào thi đua mẫu: đợt "${DEMO_ROUND}" với ${registrations.length} đơn vị đăng ký, ${recomputed.lines} dòng điểm tính từ số liệu, đã công bố; Quỹ "Vì người nghèo" (mẫu) của 3 cấp.`);
}
