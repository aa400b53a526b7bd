import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { createFundService, type FundService } from '../../src/server/modules/fund/fund.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { addHousehold, addVillage, movableClock, principal } from '../support/emulation-factories.ts';

// Issue 5, "Must show": entering contributions and disbursements gives balances that reconcile
// (opening + received − spent = closing) for every level and period; the public page shows no beneficiary.
// Levels: the province (20), Huyện Lộc Bình (188), Xã Mẫu Sơn (06532).

let testDb: TestDatabase;
let fund: FundService;
const clock = movableClock('2019-10-20T03:00:00Z');
let frontTinh: ReturnType<typeof principal>;
let enterpriseFocal: ReturnType<typeof principal>;
const district = principal('district_officer', { unitCode: '188' }, 'Cán bộ MTTQ huyện Lộc Bình');
const commune = principal('commune_officer', { unitCode: '06532' }, 'Cán bộ MTTQ xã Mẫu Sơn');
const board = principal('emulation_board', { unitCode: '20' }, 'Ban Thi đua');
const beneficiaries = { nghèo: '', ốm: '', xa: '' };
const names = ['Hoàng Thị Nghèo', 'Lăng Văn Ốm', 'Triệu Văn Xa', 'MS-B01', 'MS-B02', 'TD-B01'];
const periods: Record<string, string> = {};
let enterpriseId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.database.db;
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode: '20' });
  const msVillage = await addVillage(db, '06532', '01', 'Thôn Khuổi Tào');
  const tdVillage = await addVillage(db, '06001', '01', 'Thôn Bản Cáu');
  beneficiaries.nghèo = await addHousehold(db, msVillage, 'MS-B01', 'Hoàng Thị Nghèo');
  beneficiaries.ốm = await addHousehold(db, msVillage, 'MS-B02', 'Lăng Văn Ốm');
  beneficiaries.xa = await addHousehold(db, tdVillage, 'TD-B01', 'Triệu Văn Xa');
  const orgs = await db.select().from(organisations);
  frontTinh = principal('org_focal_point', { organisationId: orgs.find((o) => o.type === 'fatherland_front')!.id }, 'Ủy ban MTTQ tỉnh');
  enterpriseId = randomIds.newId();
  await db.insert(organisations).values({ id: enterpriseId, provinceCode: '20', name: 'Công ty CP Xi măng Đồng Bành', type: 'enterprise', unitCode: '188', validFrom: '2016-01-01', validTo: null, createdAt: new Date() });
  enterpriseFocal = principal('org_focal_point', { organisationId: enterpriseId }, 'Đầu mối Xi măng Đồng Bành');
  const catalog = createUnitsCatalog(db);
  fund = createFundService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock) });
});
afterAll(async () => testDb.drop());

const cash = (donorName: string, value: number, receivedOn: string, receiptNumber: string, agreesToBeNamed = true, donorOrganisationId: string | null = null) => ({
  donorName,
  donorKind: donorOrganisationId ? ('enterprise' as const) : ('individual' as const),
  donorOrganisationId,
  donorUnitCode: null,
  agreesToBeNamed,
  form: 'cash' as const,
  kindDescription: null,
  value,
  receivedOn,
  receiptNumber,
  note: null,
});

describe('opening campaign periods per level', () => {
  it('opens 2017 and 2018 at each level, with an opening balance only for the first', async () => {
    periods['20-2017'] = (await fund.createPeriod(frontTinh, frontTinh.actor, '20', { year: 2017, openingBalance: 1_000_000_000 })).id;
    periods['20-2018'] = (await fund.createPeriod(frontTinh, frontTinh.actor, '20', { year: 2018, openingBalance: null })).id;
    const p = await fund.createPeriod(district, district.actor, '188', { year: 2017, openingBalance: null });
    expect(p).toMatchObject({ name: 'Năm vận động 2017–2018', from: '2017-10-17', to: '2018-10-16', peakFrom: '2017-10-17', peakTo: '2017-11-18', fundUnitName: 'Huyện Lộc Bình' });
    periods['188-2017'] = p.id;
    periods['188-2018'] = (await fund.createPeriod(district, district.actor, '188', { year: 2018, openingBalance: null })).id;
    periods['06532-2017'] = (await fund.createPeriod(commune, commune.actor, '06532', { year: 2017, openingBalance: 5_000_000 })).id;
  });

  const refusals = [
    { situation: 'số dư đầu kỳ cho kỳ thứ hai', run: () => fund.createPeriod(commune, commune.actor, '06532', { year: 2018, openingBalance: 1 }), says: /Chỉ kỳ đầu tiên/u },
    { situation: 'kỳ trùng thời gian', run: () => fund.createPeriod(district, district.actor, '188', { year: 2018, openingBalance: null }), says: /phải bắt đầu sau ngày kết thúc/u },
    { situation: 'quỹ cấp thôn', run: () => fund.createPeriod(commune, commune.actor, '06532-01', { year: 2017, openingBalance: null }), says: /thôn, bản không có quỹ riêng/u },
    { situation: 'xã ghi quỹ của huyện', run: () => fund.createPeriod(commune, commune.actor, '188', { year: 2019, openingBalance: null }), says: /ngoài phạm vi/u },
    { situation: 'MTTQ tỉnh ghi quỹ của huyện', run: () => fund.createPeriod(frontTinh, frontTinh.actor, '188', { year: 2019, openingBalance: null }), says: /ngoài phạm vi/u },
    { situation: 'doanh nghiệp ghi quỹ của tỉnh', run: () => fund.createPeriod(enterpriseFocal, enterpriseFocal.actor, '20', { year: 2019, openingBalance: null }), says: /ngoài phạm vi/u },
  ];
  it.each(refusals)('refuses: $situation', async ({ run, says }) => {
    await expect(run()).rejects.toThrow(says);
  });
});

describe('contributions, direct gifts and disbursements', () => {
  it('records the ledger of each level', async () => {
    await fund.addContribution(frontTinh, frontTinh.actor, '20', cash('Công ty CP Xi măng Đồng Bành', 300_000_000, '2017-10-20', 'T-001', true, enterpriseId));
    await fund.addContribution(frontTinh, frontTinh.actor, '20', cash('Ông Nguyễn Văn Giấu Tên', 200_000_000, '2017-11-18', 'T-002', false));
    await fund.addDisbursement(frontTinh, frontTinh.actor, '20', { beneficiaryKind: 'project', householdId: null, projectName: 'Xây nhà Đại đoàn kết huyện Lộc Bình', purpose: 'housing', value: 700_000_000, disbursedOn: '2018-03-01', decisionNumber: '12/QĐ-MTTQ', note: null });
    await fund.addContribution(frontTinh, frontTinh.actor, '20', { ...cash('Hội Doanh nghiệp tỉnh', 100_000_000, '2018-10-17', 'T-003'), form: 'kind', kindDescription: '200 bao gạo, quy ra tiền' });
    await fund.addDisbursement(frontTinh, frontTinh.actor, '20', { beneficiaryKind: 'household', householdId: beneficiaries.nghèo, projectName: null, purpose: 'schooling', value: 50_000_000, disbursedOn: '2019-10-16', decisionNumber: null, note: null });

    await fund.addContribution(district, district.actor, '188', cash('Công ty CP Xi măng Đồng Bành', 40_000_000, '2017-10-17', 'H-001', true, enterpriseId));
    await fund.addDirectGift(district, district.actor, '188', { donorName: 'Bà Lý Thị Hảo', donorOrganisationId: null, donorUnitCode: null, agreesToBeNamed: false, householdId: beneficiaries.ốm, purpose: 'health', form: 'cash', description: 'Hỗ trợ chữa bệnh', value: 15_000_000, givenOn: '2017-12-01', reportedOn: '2017-12-05' });
    await fund.addDisbursement(district, district.actor, '188', { beneficiaryKind: 'household', householdId: beneficiaries.ốm, projectName: null, purpose: 'relief', value: 30_000_000, disbursedOn: '2018-02-01', decisionNumber: null, note: null });
    await fund.addDisbursement(district, district.actor, '188', { beneficiaryKind: 'household', householdId: beneficiaries.nghèo, projectName: null, purpose: 'production', value: 10_000_000, disbursedOn: '2018-11-01', decisionNumber: null, note: null });

    await fund.addContribution(commune, commune.actor, '06532', cash('Cán bộ, công chức xã Mẫu Sơn (một ngày lương)', 2_000_000, '2018-01-01', 'X-001'));
    await fund.addDisbursement(commune, commune.actor, '06532', { beneficiaryKind: 'household', householdId: beneficiaries.nghèo, projectName: null, purpose: 'housing', value: 7_000_000, disbursedOn: '2018-02-01', decisionNumber: null, note: null });
  });

  const refusals = [
    { situation: 'chi vượt số dư một đồng', run: () => fund.addDisbursement(commune, commune.actor, '06532', { beneficiaryKind: 'project', householdId: null, projectName: 'Sửa nhà văn hóa', purpose: 'relief', value: 1, disbursedOn: '2018-03-01', decisionNumber: null, note: null }), says: /Số dư quỹ không đủ/u },
    { situation: 'biên lai trùng số', run: () => fund.addContribution(commune, commune.actor, '06532', cash('Ai đó', 1_000, '2018-01-02', 'X-001')), says: /đã được ghi sổ/u },
    { situation: 'ngày ngoài mọi kỳ vận động', run: () => fund.addContribution(commune, commune.actor, '06532', cash('Ai đó', 1_000, '2016-01-02', 'X-009')), says: /không thuộc kỳ vận động nào/u },
    { situation: 'hỗ trợ trực tiếp hộ ở huyện khác', run: () => fund.addDirectGift(district, district.actor, '188', { donorName: 'A', donorOrganisationId: null, donorUnitCode: null, agreesToBeNamed: true, householdId: beneficiaries.xa, purpose: 'health', form: 'cash', description: null, value: 1_000, givenOn: '2017-12-01', reportedOn: '2017-12-01' }), says: /không thuộc địa bàn/u },
    { situation: 'xã ghi thu cho quỹ huyện', run: () => fund.addContribution(commune, commune.actor, '188', cash('Ai đó', 1_000, '2018-01-02', 'H-009')), says: /ngoài phạm vi/u },
  ];
  it.each(refusals)('refuses: $situation', async ({ run, says }) => {
    await expect(run()).rejects.toThrow(says);
  });

  it('audits every entry', async () => {
    const rows = await testDb.database.db.select().from(auditLog).where(eq(auditLog.action, 'fund.disbursed'));
    expect(rows).toHaveLength(5);
  });
});

describe('balances per level and period', () => {
  const expected = [
    { level: '20', period: 'Năm vận động 2017–2018', opening: 1_000_000_000, received: 500_000_000, spent: 700_000_000, closing: 800_000_000 },
    { level: '20', period: 'Năm vận động 2018–2019', opening: 800_000_000, received: 100_000_000, spent: 50_000_000, closing: 850_000_000 },
    { level: '188', period: 'Năm vận động 2017–2018', opening: 0, received: 55_000_000, spent: 45_000_000, closing: 10_000_000 },
    { level: '188', period: 'Năm vận động 2018–2019', opening: 10_000_000, received: 0, spent: 10_000_000, closing: 0 },
    { level: '06532', period: 'Năm vận động 2017–2018', opening: 5_000_000, received: 2_000_000, spent: 7_000_000, closing: 0 },
  ];
  it.each(expected)('$level $period: $opening + $received − $spent = $closing', async ({ level, period, opening, received, spent, closing }) => {
    const b = (await fund.balances(board, level)).balances.find((x) => x.name === period)!;
    expect(b).toMatchObject({ opening, received, spent, closing, reconciles: true });
  });

  it('reconciles every level and period, each opening being the previous closing', async () => {
    for (const level of ['20', '188', '06532']) {
      const { balances, warnings } = await fund.balances(board, level);
      expect(warnings).toEqual([]);
      balances.forEach((b, i) => {
        expect(b.opening + b.received - b.spent).toBe(b.closing);
        if (i > 0) expect(b.opening).toBe(balances[i - 1]!.closing);
      });
    }
  });

  it('counts a reported direct gift as received and spent, by purpose', async () => {
    const b = (await fund.balances(board, '188')).balances[0]!;
    expect(b).toMatchObject({ receivedIntoFund: 40_000_000, directGifts: 15_000_000, spentFromFund: 30_000_000 });
    expect(b.spentByPurpose).toMatchObject({ health: 15_000_000, relief: 30_000_000 });
  });

  it('names a beneficiary only to readers of the registry in its village', async () => {
    const forCommune = await fund.entries(commune, '06532', periods['06532-2017']);
    expect(forCommune.find((e) => e.kind === 'disbursement')!.beneficiary).toBe('Hoàng Thị Nghèo (MS-B01)');
    const forBoard = await fund.entries(board, '188', undefined);
    expect(forBoard.filter((e) => e.beneficiary !== null).map((e) => e.beneficiary)).toEqual(Array(3).fill('Hộ gia đình (thông tin được bảo vệ)'));
    await expect(fund.entries(commune, '188', undefined)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });
});

describe('the public disclosure of each level and period', () => {
  const pages = [
    { key: '20-2017', level: '20', named: [['Công ty CP Xi măng Đồng Bành', 300_000_000]], anonymous: { contributions: 1, total: 200_000_000 }, housing: 700_000_000 },
    { key: '20-2018', level: '20', named: [['Hội Doanh nghiệp tỉnh', 100_000_000]], anonymous: { contributions: 0, total: 0 }, housing: 0 },
    { key: '188-2017', level: '188', named: [['Công ty CP Xi măng Đồng Bành', 40_000_000]], anonymous: { contributions: 1, total: 15_000_000 }, housing: 0 },
    { key: '188-2018', level: '188', named: [], anonymous: { contributions: 0, total: 0 }, housing: 0 },
    { key: '06532-2017', level: '06532', named: [['Cán bộ, công chức xã Mẫu Sơn (một ngày lương)', 2_000_000]], anonymous: { contributions: 0, total: 0 }, housing: 7_000_000 },
  ];
  it.each(pages)('$key: totals, consenting donors, spending by purpose — and no beneficiary', async ({ key, level, named, anonymous, housing }) => {
    const page = await fund.publicDisclosure(level, periods[key]!);
    expect(page.opening + page.received - page.spent).toBe(page.closing);
    expect(page.namedDonors.map((d) => [d.name, d.total])).toEqual(named);
    expect(page.anonymous).toEqual(anonymous);
    expect(page.spendingByPurpose.find((p) => p.purpose === 'housing')!.total).toBe(housing);
    const text = JSON.stringify(page);
    for (const n of names) expect(text).not.toContain(n);
    for (const id of Object.values(beneficiaries)) expect(text).not.toContain(id);
    expect(text).not.toContain('Giấu Tên');
    expect(text).not.toContain('Lý Thị Hảo');
  });
});

describe('the public list of fund levels', () => {
  it('lists every level that opened a period, province first, with names only', async () => {
    expect(await fund.publicLevels()).toEqual([
      { unitCode: '20', name: 'Tỉnh Lạng Sơn', level: 'province' },
      { unitCode: '188', name: 'Huyện Lộc Bình', level: 'district' },
      { unitCode: '06532', name: 'Xã Mẫu Sơn', level: 'commune' },
    ]);
  });
});

describe('support activities by any participant', () => {
  it('records support of an enterprise and of a commune, and lists only those in scope', async () => {
    await fund.addSupportActivity(enterpriseFocal, enterpriseFocal.actor, { supporter: { kind: 'organisation', organisationId: enterpriseId }, targetKind: 'household', targetHouseholdId: beneficiaries.nghèo, targetUnitCode: null, kind: 'jobs', quantity: 2, value: 0, occurredOn: '2018-05-01', description: 'Nhận 2 lao động của hộ vào làm việc tại nhà máy' });
    await fund.addSupportActivity(commune, commune.actor, { supporter: { kind: 'unit', unitCode: '06532' }, targetKind: 'unit', targetHouseholdId: null, targetUnitCode: '06532-01', kind: 'training', quantity: 35, value: 12_000_000, occurredOn: '2018-06-01', description: 'Tập huấn kỹ thuật trồng hồi cho 35 người' });
    await expect(fund.addSupportActivity(enterpriseFocal, enterpriseFocal.actor, { supporter: { kind: 'unit', unitCode: '06532' }, targetKind: 'unit', targetHouseholdId: null, targetUnitCode: '06532', kind: 'capital', quantity: 0, value: 1, occurredOn: '2018-06-01', description: 'x' })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(fund.addSupportActivity(commune, commune.actor, { supporter: { kind: 'unit', unitCode: '06532' }, targetKind: 'unit', targetHouseholdId: null, targetUnitCode: '06532', kind: 'capital', quantity: 0, value: 0, occurredOn: '2018-06-01', description: 'x' })).rejects.toThrow(/Cần ghi giá trị hỗ trợ/u);
    const own = await fund.supportActivities(enterpriseFocal, {});
    expect(own.map((a) => [a.supporterName, a.kindLabel, a.target])).toEqual([['Công ty CP Xi măng Đồng Bành', 'Tạo việc làm', 'Một hộ ở Thôn Khuổi Tào']]);
    const communeView = await fund.supportActivities(commune, {});
    expect(communeView.map((a) => a.kind).sort()).toEqual(['jobs', 'training']);
    expect(await fund.supportActivities(principal('commune_officer', { unitCode: '06535' }), {})).toEqual([]);
  });
});
