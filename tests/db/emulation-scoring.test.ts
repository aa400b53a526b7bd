import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, emulationGroupMembers, emulationGroups, escapeRegistrations, households, organisations, reportRequests, reportSubmissions, reportTemplates, reviewRounds, socialBankLoans, supportActivities } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { seedPlan165Campaign } from '../../src/seed/plan-165.ts';
import { createEmulationService, createReportsTimelinessSource, type EmulationService, type TimelinessSource } from '../../src/server/modules/emulation/emulation.service.ts';
import { unitRates } from '../../src/server/modules/emulation/unit-rates.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { createFundService } from '../../src/server/modules/fund/fund.service.ts';
import { randomIds } from '../../src/shared/clock.ts';
import type { Db } from '../../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { addHousehold, addVillage, assess, movableClock, openReviewRound, populateCommune, principal } from '../support/emulation-factories.ts';

// Issue 5, "Must show" at the service level:
//  - a commune's measured 3.4 equals what its own rate reduction and target give, and the score sheet explains it;
//    changing the target (the commune's own target) and recomputing changes the score and the ranking, audited;
//  - a department focal point registers, self-assesses with an attached file, the board verifies, the department
//    appears in its block's ranking;
//  - a household exemplar under 5b.3 shows its stable-escape years from the registry.

let testDb: TestDatabase;
let db: Db;
let svc: EmulationService;
let campaignId: string;
let round2017: string;
let round2020: string;
const clock = movableClock('2017-12-22T03:00:00Z');
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-evidence-'));
const board = principal('emulation_board', { unitCode: '20' }, 'Trần Văn Ban');
const council = principal('council_member', { unitCode: '20' }, 'Lương Thị Hội');
const mauSon = principal('commune_officer', { unitCode: '06532' }, 'Hoàng Văn Mẫu');
const bangKhanh = principal('commune_officer', { unitCode: '06535' }, 'Nông Thị Khánh');
const viewer = principal('viewer', { unitCode: '06532' }, 'Người xem xã');
const place = (communeCode: string, villageCode: string) => ({ communeCode, villageCode, districtCode: '188' });
let villageMauSon: string;
let villageBangKhanh: string;
let soYTe: string;
let soTuPhap: string;
let enterprise: string;
let healthFocal: ReturnType<typeof principal>;
let justiceFocal: ReturnType<typeof principal>;

function service(timeliness?: TimelinessSource): EmulationService {
  const catalog = createUnitsCatalog(db);
  return createEmulationService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock), filesDir, timeliness });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode: '20' });
  campaignId = (await seedPlan165Campaign(db, { clock, ids: randomIds, provinceCode: '20' })).campaignId;
  villageMauSon = await addVillage(db, '06532', '01', 'Thôn Khuổi Tào');
  villageBangKhanh = await addVillage(db, '06535', '01', 'Thôn Nà Sla');
  const rounds: Record<number, string> = {};
  for (const y of [2016, 2017, 2018, 2019, 2020]) rounds[y] = await openReviewRound(db, y);
  // Xã Mẫu Sơn: 30,00% → 27,50% (required 3 points: reduced 2,5). Xã Bằng Khánh: 40,00% → 35,00% (required 4: reduced 5).
  await populateCommune(db, place('06532', villageMauSon), 200, { 2016: 60, 2017: 55 }, rounds);
  await populateCommune(db, place('06535', villageBangKhanh), 100, { 2016: 40, 2017: 35 }, rounds);
  // A household of Mẫu Sơn that escaped in the 2017 review and has held it since.
  const pau = await addHousehold(db, villageMauSon, 'MS-PAU', 'Hoàng Văn Pấu');
  await assess(db, rounds[2016]!, pau, place('06532', villageMauSon), { category: 'poor', transition: 'first_round' });
  await assess(db, rounds[2017]!, pau, place('06532', villageMauSon), { category: 'not_poor', transition: 'escaped', stableEscapeYears: 0 });
  await assess(db, rounds[2018]!, pau, place('06532', villageMauSon), { category: 'not_poor', stableEscapeYears: 1 });
  await assess(db, rounds[2019]!, pau, place('06532', villageMauSon), { category: 'not_poor', stableEscapeYears: 2 });
  await assess(db, rounds[2020]!, pau, place('06532', villageMauSon), { category: 'not_poor', stableEscapeYears: 3 });
  const orgs = await db.select().from(organisations);
  soYTe = orgs.find((o) => o.name === 'Sở Y tế')!.id;
  soTuPhap = orgs.find((o) => o.name === 'Sở Tư pháp')!.id;
  enterprise = randomIds.newId();
  await db.insert(organisations).values({ id: enterprise, provinceCode: '20', name: 'Công ty CP Chè Mẫu Sơn', type: 'enterprise', unitCode: '06532', validFrom: '2016-01-01', validTo: null, createdAt: new Date() });
  healthFocal = principal('org_focal_point', { organisationId: soYTe }, 'Đầu mối Sở Y tế');
  justiceFocal = principal('org_focal_point', { organisationId: soTuPhap }, 'Đầu mối Sở Tư pháp');
  // 2017 groupings: a cluster of the two communes, a block of the two departments.
  const cluster = randomIds.newId();
  const block = randomIds.newId();
  await db.insert(emulationGroups).values([
    { id: cluster, provinceCode: '20', year: 2017, kind: 'cluster', name: 'Cụm thi đua các xã vùng cao Lộc Bình', createdAt: new Date() },
    { id: block, provinceCode: '20', year: 2017, kind: 'block', name: 'Khối các sở, ngành nội chính', createdAt: new Date() },
  ]);
  await db.insert(emulationGroupMembers).values([
    { id: randomIds.newId(), groupId: cluster, unitCode: '06532', organisationId: null },
    { id: randomIds.newId(), groupId: cluster, unitCode: '06535', organisationId: null },
    { id: randomIds.newId(), groupId: block, unitCode: null, organisationId: soYTe },
    { id: randomIds.newId(), groupId: block, unitCode: null, organisationId: soTuPhap },
  ]);
  svc = service();
  const campaign = await svc.campaigns.get(campaignId);
  round2017 = campaign.rounds.find((r) => r.name === 'Đánh giá năm 2017')!.id;
  round2020 = campaign.rounds.find((r) => r.name === 'Đánh giá năm 2020')!.id;
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('unitRates — the poor-household rate of a unit per year, before the statistics module stores anything', () => {
  it('counts current assessments of the commune with one GROUP BY', async () => {
    const rates = await unitRates(db, { unitCode: '06532', level: 'commune', villageCodes: [], years: [2016, 2017, 2015] });
    expect([...rates.values()].map((r) => [r.year, r.total, r.poor, r.rate, r.source])).toEqual(
      expect.arrayContaining([
        [2016, 201, 61, 30.35, 'assessments'],
        [2017, 201, 55, 27.36, 'assessments'],
      ]),
    );
    expect(rates.has(2015)).toBe(false);
  });
});

describe('criterion 3.4 of a commune: its own rate reduction against its target', () => {
  let mauSonReg: string;
  let bangKhanhReg: string;

  it('registers both communes with their pledges', async () => {
    mauSonReg = (await svc.registrations.register(mauSon, mauSon.actor, round2017, { participantType: 'commune', participant: { kind: 'unit', unitCode: '06532' }, registeredOn: '2017-03-01', pledges: ['Giảm tỷ lệ hộ nghèo ít nhất 3%', 'Nhân rộng mô hình trồng hồi'] })).id;
    bangKhanhReg = (await svc.registrations.register(bangKhanh, bangKhanh.actor, round2017, { participantType: 'commune', participant: { kind: 'unit', unitCode: '06535' }, registeredOn: '2017-03-05', pledges: ['Giảm tỷ lệ hộ nghèo ít nhất 4%'] })).id;
    await expect(svc.registrations.register(bangKhanh, bangKhanh.actor, round2017, { participantType: 'commune', participant: { kind: 'unit', unitCode: '06532' }, pledges: ['Đăng ký hộ xã khác'] })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(svc.registrations.register(mauSon, mauSon.actor, round2017, { participantType: 'commune', participant: { kind: 'unit', unitCode: '06532' }, pledges: ['Lần hai'] })).rejects.toThrow(/đã đăng ký thi đua/u);
  });

  it('the board sees who has and has not registered', async () => {
    const status = await svc.registrations.status(board, round2017);
    const communes = status.byType.find((t) => t.participantType === 'commune')!;
    expect(communes.registered.map((r) => r.participantName)).toEqual(['Xã Mẫu Sơn', 'Xã Bằng Khánh']);
    expect(communes.notRegistered.map((n) => n.name)).toContain('Xã Hữu Khánh');
    expect(communes.notRegistered.map((n) => n.key)).not.toContain('06532');
    const cluster = status.groups.find((g) => g.name === 'Cụm thi đua các xã vùng cao Lộc Bình')!;
    expect(cluster.members.every((m) => m.registered)).toBe(true);
    // A commune officer sees only its own commune.
    const own = await svc.registrations.status(mauSon, round2017);
    expect(own.byType.find((t) => t.participantType === 'commune')!.registered.map((r) => r.participantName)).toEqual(['Xã Mẫu Sơn']);
    expect(own.byType.find((t) => t.participantType === 'commune')!.notRegistered).toEqual([]);
  });

  it('scores 3.4 from the rates and the plan 165 target, and the sheet explains it', async () => {
    const result = await svc.scoring.recompute(board, board.actor, round2017);
    expect(result.changed.find((c) => c.participantName === 'Xã Mẫu Sơn' && c.code === '3.4')).toMatchObject({ before: null });
    const sheet = await svc.scoring.scoreSheet(mauSon, mauSonReg);
    const line = sheet.lines.find((l) => l.code === '3.4')!;
    // 30,35% → 27,36%: reduced 2,99 of the required 3,00 → 25 × 2,99 ÷ 3 = 24,92.
    expect(line).toMatchObject({ points: 24.92, status: 'scored', source: 'formula', kind: 'measured' });
    expect(line.explanation).toContain('Tỷ lệ năm trước 30,35%');
    expect(line.explanation).toContain('phải giảm ít nhất 3,00 điểm');
    expect(line.explanation).toContain('25 × 2,99 ÷ 3,00 = 24,92 điểm');
    expect(line.formula).toMatchObject({ id: 'rate_reduction_vs_target', version: 'rate_reduction_vs_target@1' });
    expect(JSON.stringify(line.formula!.inputs)).toContain('plan165-2017@1');
    const bk = (await svc.scoring.scoreSheet(board, bangKhanhReg)).lines.find((l) => l.code === '3.4')!;
    expect(bk.points).toBe(25);
    expect(bk.explanation).toContain('≥ 40%');
  });

  it('shows 3.2 as not scored yet, with the reason, while no report source is connected', async () => {
    const line = (await svc.scoring.scoreSheet(mauSon, mauSonReg)).lines.find((l) => l.code === '3.2')!;
    expect(line).toMatchObject({ status: 'not_scored', statusLabel: 'Chưa chấm', points: 0 });
    expect(line.explanation).toContain('chưa có dữ liệu báo cáo');
  });

  it('ranks Bằng Khánh first in the cluster, then a commune target changes and the ranking follows, audited', async () => {
    const before = await svc.scoring.rankings(board, round2017);
    const cluster = before.byGroup.find((g) => g.name === 'Cụm thi đua các xã vùng cao Lộc Bình')!;
    expect(cluster.entries.map((e) => [e.rank, e.participantName, e.total])).toEqual([
      [1, 'Xã Bằng Khánh', 25],
      [2, 'Xã Mẫu Sơn', 24.92],
    ]);
    expect(before.tieBreakRule).toMatch(/đăng ký thi đua sớm hơn/u);

    await svc.campaigns.setUnitTarget(board, board.actor, campaignId, { unitCode: '06532', year: 2017, requiredReduction: 2.5, reason: 'Nghị quyết HĐND huyện Lộc Bình giao mục tiêu riêng cho xã vùng cao' });
    const recomputed = await svc.scoring.recompute(board, board.actor, round2017);
    expect(recomputed.changed).toEqual([{ participantName: 'Xã Mẫu Sơn', code: '3.4', before: 24.92, after: 25, status: 'scored' }]);

    const line = (await svc.scoring.scoreSheet(mauSon, mauSonReg)).lines.find((l) => l.code === '3.4')!;
    expect(line.points).toBe(25);
    expect(line.explanation).toContain('đơn vị tự đặt mục tiêu');
    const after = await svc.scoring.rankings(board, round2017);
    const entries = after.byGroup.find((g) => g.name === 'Cụm thi đua các xã vùng cao Lộc Bình')!.entries;
    // Equal totals and equal measured points: Mẫu Sơn registered earlier (01/03 before 05/03).
    expect(entries.map((e) => [e.rank, e.participantName, e.total])).toEqual([
      [1, 'Xã Mẫu Sơn', 25],
      [2, 'Xã Bằng Khánh', 25],
    ]);
    expect(entries[1]!.tieBreak).toMatch(/đăng ký thi đua muộn hơn/u);

    const targetAudit = await db.select().from(auditLog).where(eq(auditLog.action, 'emulation.unit_target_set'));
    expect(targetAudit).toHaveLength(1);
    expect(targetAudit[0]).toMatchObject({ unitCode: '06532', actorName: 'Trần Văn Ban', reason: 'Nghị quyết HĐND huyện Lộc Bình giao mục tiêu riêng cho xã vùng cao', after: { year: 2017, requiredReduction: 2.5 } });
    const recomputeAudit = await db.select().from(auditLog).where(eq(auditLog.action, 'emulation.round_recomputed'));
    expect(recomputeAudit.at(-1)!.after).toMatchObject({ changed: [{ participantName: 'Xã Mẫu Sơn', code: '3.4', before: 24.92, after: 25 }] });
  });

  it('scores 3.2 once the reports module supplies deadlines and submissions', async () => {
    const reports: TimelinessSource = {
      async reportsDue(unitCode) {
        return unitCode === '06532'
          ? [{ title: 'Báo cáo kết quả giảm nghèo năm 2017', dueOn: '2017-12-15', submittedOn: '2017-12-18' }]
          : [{ title: 'Báo cáo kết quả giảm nghèo năm 2017', dueOn: '2017-12-15', submittedOn: null }];
      },
    };
    const withReports = service(reports);
    await withReports.scoring.recompute(board, board.actor, round2017);
    const line = (await withReports.scoring.scoreSheet(mauSon, mauSonReg)).lines.find((l) => l.code === '3.2')!;
    expect(line).toMatchObject({ status: 'scored', points: 22 });
    expect(line.explanation).toMatch(/muộn 3 ngày/u);
    expect((await withReports.scoring.scoreSheet(board, bangKhanhReg)).lines.find((l) => l.code === '3.2')!.points).toBe(0);
    await svc.scoring.recompute(board, board.actor, round2017);
  });

  it('reads 3.2 from the reports module: deadline and first sending date of each report the commune owed', async () => {
    const templateId = randomIds.newId();
    const requestId = randomIds.newId();
    await db.insert(reportTemplates).values({ id: templateId, provinceCode: '20', name: 'Báo cáo giảm nghèo', sections: [], createdAt: new Date() });
    await db.insert(reportRequests).values({ id: requestId, provinceCode: '20', kind: 'annual', title: 'Báo cáo kết quả giảm nghèo năm 2017', templateId, roundYear: 2017, issuingUnitCode: '20', issuedOn: '2017-11-01', deadline: '2017-12-10', recipientsSpec: {}, createdAt: new Date() });
    const submission = (unitCode: string, name: string, firstSubmittedAt: Date | null) => ({ id: randomIds.newId(), provinceCode: '20', requestId, unitCode, recipientName: name, recipientLevel: 'commune', reviewerUnitCode: '188', deadline: '2017-12-10', state: firstSubmittedAt ? ('submitted' as const) : ('draft' as const), firstSubmittedAt, updatedAt: new Date() });
    // 17:30 on 11/12 in Hà Nội time is 10:30 UTC: one day late.
    await db.insert(reportSubmissions).values([submission('06532', 'Xã Mẫu Sơn', new Date('2017-12-11T10:30:00Z')), submission('06535', 'Xã Bằng Khánh', new Date('2017-12-09T02:00:00Z'))]);
    const catalog = createUnitsCatalog(db);
    const withReports = createEmulationService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock), filesDir, timeliness: createReportsTimelinessSource(db) });
    await withReports.scoring.recompute(board, board.actor, round2017);
    const ms = (await withReports.scoring.scoreSheet(mauSon, mauSonReg)).lines.find((l) => l.code === '3.2')!;
    expect(ms).toMatchObject({ status: 'scored', points: 24 });
    expect(ms.explanation).toContain('Báo cáo kết quả giảm nghèo năm 2017 (hạn 10/12/2017): nộp 11/12/2017, muộn 1 ngày');
    expect((await withReports.scoring.scoreSheet(board, bangKhanhReg)).lines.find((l) => l.code === '3.2')!.points).toBe(25);
    await expect(withReports.campaigns.get(campaignId).then((c) => c.criteriaSets.find((s) => s.participantType === 'commune')!.criteria.find((k) => k.code === '3.2')!.scoreSource)).resolves.toBe('Tính từ số liệu theo công thức: Báo cáo đúng hạn');
    await svc.scoring.recompute(board, board.actor, round2017);
  });

  it('records the joint pledge of the cluster with its signatories, by the board or a member', async () => {
    const [cluster] = await db.select().from(emulationGroups).where(eq(emulationGroups.name, 'Cụm thi đua các xã vùng cao Lộc Bình'));
    const body = {
      groupId: cluster!.id,
      signedOn: '2017-02-20',
      place: 'UBND xã Mẫu Sơn',
      pledges: ['Giảm tỷ lệ hộ nghèo bình quân 3%/năm', 'Nhân rộng mô hình trồng hồi, chăn nuôi trâu'],
      signatories: [
        { name: 'Hoàng Văn Mẫu', position: 'Chủ tịch UBND xã', memberName: 'Xã Mẫu Sơn' },
        { name: 'Nông Thị Khánh', position: 'Chủ tịch UBND xã', memberName: 'Xã Bằng Khánh' },
      ],
    };
    const outsider = principal('commune_officer', { unitCode: '06001' });
    await expect(svc.registrations.recordJointPledge(outsider, outsider.actor, round2017, body)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    const pledge = await svc.registrations.recordJointPledge(mauSon, mauSon.actor, round2017, body);
    expect(pledge).toMatchObject({ groupName: 'Cụm thi đua các xã vùng cao Lộc Bình', signedOn: '2017-02-20', recordedBy: 'Hoàng Văn Mẫu' });
    expect(pledge.signatories.map((x) => x.memberName)).toEqual(['Xã Mẫu Sơn', 'Xã Bằng Khánh']);
    const status = await svc.registrations.status(board, round2017);
    expect(status.groups.find((g) => g.groupId === cluster!.id)!.jointPledgeSignedOn).toBe('2017-02-20');
  });

  it('keeps rankings from other readers until published', async () => {
    await expect(svc.scoring.rankings(mauSon, round2017)).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect((await svc.scoring.rankings(council, round2017)).published).toBe(false);
  });

  it('lets the council score its criteria and the board adjust any line with a reason, both audited', async () => {
    // 3.1 is an evidence criterion: the council cannot score it.
    await expect(svc.scoring.councilScore(council, council.actor, mauSonReg, '3.1', { points: 10 })).rejects.toThrow(/không do Hội đồng chấm/u);
    await expect(svc.scoring.councilScore(board, board.actor, mauSonReg, '3.1', { points: 10 })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    const adjusted = await svc.scoring.adjust(board, board.actor, bangKhanhReg, '3.3', { points: 5, reason: 'Có quy chế luân chuyển vốn, xác minh tại xã' });
    const line = adjusted.lines.find((l) => l.code === '3.3')!;
    expect(line).toMatchObject({ points: 5, source: 'board_adjustment' });
    expect(line.explanation).toMatch(/từ 0 thành 5 điểm — lý do: Có quy chế luân chuyển vốn/u);
    await expect(svc.scoring.adjust(board, board.actor, bangKhanhReg, '3.3', { points: 5, reason: 'ngắn' })).rejects.toThrow(/ít nhất 10 ký tự/u);
    await expect(svc.scoring.adjust(mauSon, mauSon.actor, mauSonReg, '3.4', { points: 25, reason: 'Tự điều chỉnh điểm của xã' })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'emulation.score_adjusted'));
    expect(audit[0]).toMatchObject({ reason: 'Có quy chế luân chuyển vốn, xác minh tại xã', before: { code: '3.3', points: 0 }, after: { code: '3.3', points: 5 } });
  });
});

describe('a department focal point takes part, with evidence, and the department appears in its block ranking', () => {
  let healthReg: string;
  let fileId: string;

  it('registers the department (and not another one)', async () => {
    healthReg = (await svc.registrations.register(healthFocal, healthFocal.actor, round2017, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soYTe }, registeredOn: '2017-02-10', pledges: ['Hướng dẫn chính sách BHYT cho người nghèo đúng hạn'] })).id;
    await expect(svc.registrations.register(healthFocal, healthFocal.actor, round2017, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soTuPhap }, pledges: ['x'] })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await svc.registrations.register(justiceFocal, justiceFocal.actor, round2017, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soTuPhap }, registeredOn: '2017-02-11', pledges: ['Trợ giúp pháp lý cho người nghèo'] });
    await expect(svc.registrations.register(healthFocal, healthFocal.actor, round2017, { participantType: 'enterprise_cooperative', participant: { kind: 'organisation', organisationId: soYTe }, pledges: ['x'] })).rejects.toThrow(/không thuộc nhóm "doanh nghiệp, hợp tác xã"/u);
  });

  it('uploads a PDF as evidence and refuses a file that is not what it claims', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Hướng dẫn số 12/HD-SYT', 'utf8')]);
    const file = await svc.scoring.uploadEvidence(healthFocal, healthFocal.actor, healthReg, { filename: 'Huong-dan-12-HD-SYT.pdf', mimetype: 'application/pdf', stream: Readable.from([pdf]) });
    fileId = file.id;
    expect(file).toMatchObject({ originalName: 'Huong-dan-12-HD-SYT.pdf', sizeBytes: pdf.length, mimeType: 'application/pdf' });
    const opened = await svc.scoring.openEvidence(board, fileId);
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    await expect(svc.scoring.uploadEvidence(healthFocal, healthFocal.actor, healthReg, { filename: 'virus.pdf', mimetype: 'application/pdf', stream: Readable.from([Buffer.from('MZ\x90\x00')]) })).rejects.toThrow(/không phải PDF/u);
    await expect(svc.scoring.openEvidence(justiceFocal, fileId)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('self-assesses 1.1 with the file; the board verifies it; the block ranks the department first', async () => {
    await expect(svc.scoring.selfAssess(healthFocal, healthFocal.actor, healthReg, '1.2', { points: 10, evidence: [{ kind: 'file', fileId }] })).rejects.toThrow(/không tự chấm/u);
    const sheet = await svc.scoring.selfAssess(healthFocal, healthFocal.actor, healthReg, '1.1', { points: 30, note: 'Ban hành 3 văn bản hướng dẫn đúng hạn', evidence: [{ kind: 'file', fileId }] });
    expect(sheet.lines.find((l) => l.code === '1.1')).toMatchObject({ status: 'pending_verification', points: 0, selfPoints: 30, evidence: [{ kind: 'file', label: 'Tệp "Huong-dan-12-HD-SYT.pdf"' }] });

    const queue = await svc.scoring.verificationQueue(board, round2017);
    expect(queue.map((q) => [q.participantName, q.code, q.selfPoints])).toEqual([['Sở Y tế', '1.1', 30]]);
    await expect(svc.scoring.publish(board, board.actor, round2017)).rejects.toThrow(/chưa thể công bố|Chưa hết thời gian/u);

    clock.set('2018-01-12T03:00:00Z');
    await expect(svc.scoring.selfAssess(healthFocal, healthFocal.actor, healthReg, '1.1', { points: 35, evidence: [{ kind: 'file', fileId }] })).rejects.toThrow(/Đã hết thời gian tự chấm điểm \(hạn 10\/01\/2018\)/u);
    await expect(svc.scoring.verify(board, board.actor, healthReg, '1.1', { decision: 'reject' })).rejects.toThrow(/phải ghi rõ lý do/u);
    const verified = await svc.scoring.verify(board, board.actor, healthReg, '1.1', { decision: 'accept' });
    const line = verified.lines.find((l) => l.code === '1.1')!;
    expect(line).toMatchObject({ status: 'scored', points: 30, source: 'evidence' });
    expect(line.explanation).toMatch(/Trần Văn Ban thẩm định ngày 12\/01\/2018: chấp nhận/u);

    await svc.scoring.recompute(board, board.actor, round2017);
    const block = (await svc.scoring.rankings(board, round2017)).byGroup.find((g) => g.name === 'Khối các sở, ngành nội chính')!;
    expect(block.entries.map((e) => [e.rank, e.participantName, e.total])).toEqual([
      [1, 'Sở Y tế', 30],
      [2, 'Sở Tư pháp', 0],
    ]);
  });

  it('publishes, after which every reader sees the rankings and the board still adjusts with a reason', async () => {
    const published = await svc.scoring.publish(board, board.actor, round2017);
    expect(published.published).toBe(true);
    const seen = await svc.scoring.rankings(viewer, round2017);
    expect(seen.byType.find((t) => t.participantType === 'department_front_union')!.entries[0]!.participantName).toBe('Sở Y tế');
    await expect(svc.scoring.selfAssess(healthFocal, healthFocal.actor, healthReg, '1.1', { points: 35, evidence: [{ kind: 'file', fileId }] })).rejects.toThrow(/đã công bố/u);
    await expect(svc.scoring.recompute(board, board.actor, round2017)).rejects.toMatchObject({ code: 'emulation.conflict' });
    const adjusted = await svc.scoring.adjust(board, board.actor, healthReg, '1.2', { points: 20, reason: 'Hội đồng đề nghị bổ sung sau công bố: có kiến nghị sửa chính sách BHYT' });
    expect(adjusted.total).toBe(50);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'emulation.score_adjusted'));
    expect(audit.at(-1)!.after).toMatchObject({ code: '1.2', points: 20, afterPublication: true });
  });

  it('exports results and a score sheet as XLSX', async () => {
    const results = await svc.exporter.results(board, round2017);
    expect(results.buffer.subarray(0, 2).toString()).toBe('PK');
    expect(results.name).toBe('Kết quả thi đua — Đánh giá năm 2017.xlsx');
    const sheet = await svc.exporter.scoreSheet(healthFocal, healthReg);
    expect(sheet.asciiName).toBe('bang-diem-so-y-te.xlsx');
  });
});

describe('households under 5b: the registry decides 5b.1, 5b.3 and 5b.4', () => {
  let pauId: string;
  let exemplarId: string;

  it('shows a household exemplar under 5b.3 with its stable-escape years from the registry', async () => {
    const [pau] = await db.select().from(households).where(eq(households.code, 'MS-PAU'));
    pauId = pau!.id;
    await expect(svc.records.createExemplar(healthFocal, healthFocal.actor, { kind: 'household', householdId: pauId, organisationId: null, individualId: null, campaignId, year: 2020, story: 'Nuôi trâu, trồng hồi, giúp hàng xóm thoát nghèo.', criterionCodes: ['5b.3'], fileIds: [] })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    const ex = await svc.records.createExemplar(mauSon, mauSon.actor, { kind: 'household', householdId: pauId, organisationId: null, individualId: null, campaignId, year: 2020, story: 'Từ hộ nghèo năm 2016, gia đình nuôi trâu, trồng hồi; năm 2017 thoát nghèo và giúp hai hộ hàng xóm giống trâu.', criterionCodes: ['5b.3'], fileIds: [] });
    exemplarId = ex.id;
    expect(ex).toMatchObject({ name: 'Hộ Hoàng Văn Pấu', kindLabel: 'Hộ gia đình', registry: { latestRoundYear: 2020, stableEscapeYears: 3, meetsStableEscape: true } });
    expect(ex.registry!.explanation).toContain('đã thoát nghèo 3 năm — đạt tiêu chí thoát nghèo ổn định từ 03 năm trở lên (5b.3)');
    const found = await svc.records.listExemplars({ q: 'hoang van pau', criterionCode: '5b.3' });
    expect(found.map((e) => e.id)).toEqual([exemplarId]);
    expect(await svc.records.listExemplars({ q: 'hoang van pau trau bo' })).toEqual([]);
  });

  it('scores 5b.1, 5b.3 and 5b.4 of the household in the 2020 round, then 5b.3 rises once it helps another household', async () => {
    await db.insert(escapeRegistrations).values({ id: randomIds.newId(), provinceCode: '20', householdId: pauId, year: 2020, registeredOn: '2020-02-01' });
    await db.insert(socialBankLoans).values({ id: randomIds.newId(), provinceCode: '20', householdId: pauId, amount: 50_000_000, purpose: 'Chăn nuôi trâu sinh sản', disbursedOn: '2018-03-01', dueOn: '2021-03-01', usedAsIntended: true, interestOnTime: true, principalOnTime: true, repaidOn: null, createdAt: new Date() });
    clock.set('2020-12-22T03:00:00Z');
    const reg = await svc.registrations.register(mauSon, mauSon.actor, round2020, { participantType: 'household_poor', participant: { kind: 'household', householdId: pauId }, pledges: ['Giữ vững thoát nghèo, giúp 2 hộ nghèo trong thôn'] });
    expect(reg.participantName).toBe('Hộ Hoàng Văn Pấu');
    await svc.scoring.recompute(board, board.actor, round2020);
    let sheet = await svc.scoring.scoreSheet(mauSon, reg.id);
    const points = () => Object.fromEntries(sheet.lines.map((l) => [l.code, l.points]));
    expect(points()).toEqual({ '5b.1': 25, '5b.2': 0, '5b.3': 12.5, '5b.4': 25 });
    expect(sheet.lines.find((l) => l.code === '5b.3')!.explanation).toMatch(/rà soát năm 2020 đã thoát nghèo ổn định 3 năm \(≥ 3\) nhưng chưa ghi nhận giúp hộ nghèo khác/u);

    const neighbour = await addHousehold(db, villageMauSon, 'MS-NB', 'Lăng Văn Nặm');
    const fund = createFundService({ db, clock, ids: randomIds, provinceCode: '20', catalog: createUnitsCatalog(db), scope: createScopeChecker(createUnitsCatalog(db), clock) });
    await fund.addSupportActivity(mauSon, mauSon.actor, { supporter: { kind: 'household', householdId: pauId }, targetKind: 'household', targetHouseholdId: neighbour, targetUnitCode: null, kind: 'breeds_seeds', quantity: 0, value: 15_000_000, occurredOn: '2020-05-01', description: 'Cho hộ Lăng Văn Nặm mượn một con trâu giống' });
    await svc.scoring.recompute(board, board.actor, round2020);
    sheet = await svc.scoring.scoreSheet(mauSon, reg.id);
    expect(points()['5b.3']).toBe(25);
    expect(sheet.lines.find((l) => l.code === '5b.3')!.explanation).toMatch(/giúp 1 hộ khác/u);
    const rows = await db.select().from(supportActivities).where(and(eq(supportActivities.supporterHouseholdId, pauId)));
    expect(rows).toHaveLength(1);
  });

  it('refuses to register a household that was never poor under 5b', async () => {
    const never = await addHousehold(db, villageMauSon, 'MS-NEVER', 'Vi Văn Khá');
    const rounds = await db.select().from(reviewRounds);
    await assess(db, rounds.find((r) => r.year === 2020)!.id, never, place('06532', villageMauSon), { category: 'not_poor' });
    await expect(svc.registrations.register(mauSon, mauSon.actor, round2020, { participantType: 'household_poor', participant: { kind: 'household', householdId: never }, pledges: ['x'] })).rejects.toThrow(/đăng ký theo nhóm hộ không phải hộ nghèo \(5a\)/u);
  });
});

describe('criterion 7.1 of an enterprise: resources it mobilised for the poor', () => {
  it('adds its fund contributions and support and compares with the thresholds', async () => {
    const focal = principal('org_focal_point', { organisationId: enterprise }, 'Đầu mối Công ty Chè');
    const reg = await svc.registrations.register(focal, focal.actor, round2020, { participantType: 'enterprise_cooperative', participant: { kind: 'organisation', organisationId: enterprise }, pledges: ['Bao tiêu chè cho 50 hộ nghèo'] });
    const catalog = createUnitsCatalog(db);
    const fund = createFundService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock) });
    await fund.createPeriod(mauSon, mauSon.actor, '06532', { year: 2019, openingBalance: null });
    await fund.addContribution(mauSon, mauSon.actor, '06532', { donorName: 'Công ty CP Chè Mẫu Sơn', donorKind: 'enterprise', donorOrganisationId: enterprise, donorUnitCode: null, agreesToBeNamed: true, form: 'cash', kindDescription: null, value: 80_000_000, receivedOn: '2020-02-01', receiptNumber: 'BL-001', note: null });
    await fund.addSupportActivity(focal, focal.actor, { supporter: { kind: 'organisation', organisationId: enterprise }, targetKind: 'unit', targetHouseholdId: null, targetUnitCode: '06532', kind: 'product_purchase', quantity: 0, value: 40_000_000, occurredOn: '2020-08-01', description: 'Bao tiêu 10 tấn chè búp tươi của hộ nghèo' });
    await svc.scoring.recompute(board, board.actor, round2020);
    const line = (await svc.scoring.scoreSheet(focal, reg.id)).lines.find((l) => l.code === '7.1')!;
    // 80 + 40 = 120 triệu ≥ 100 triệu → 75% × 35 = 26,25.
    expect(line.points).toBe(26.25);
    expect(line.explanation).toContain('tổng 120.000.000 đ');
  });
});

describe('initiatives and models feed the criteria as evidence', () => {
  it('records an initiative and a replicated model, finds them without accents, and cites them in a self-assessment', async () => {
    const initiative = await svc.records.createInitiative(healthFocal, healthFocal.actor, { title: 'Cấp thẻ BHYT lưu động cho người nghèo vùng cao', authorName: 'Bác sĩ Lộc Thị Hiền', unitCode: '20', organisationId: soYTe, recognisedOn: '2018-05-10', recognisedLevel: 'province', summary: 'Tổ lưu động cấp thẻ tại thôn, bản.', criterionCodes: ['1.1', '6.1'], fileIds: [] });
    expect(initiative.recognisedLevelLabel).toBe('Cấp tỉnh');
    await expect(svc.records.createInitiative(justiceFocal, justiceFocal.actor, { title: 'Giả mạo', authorName: 'X', unitCode: '20', organisationId: soYTe, recognisedOn: '2018-05-10', recognisedLevel: 'province', summary: null, criterionCodes: [], fileIds: [] })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    expect((await svc.records.listInitiatives({ q: 'bhyt luu dong', criterionCode: '1.1' })).map((i) => i.id)).toEqual([initiative.id]);

    const model = await svc.records.createModel(mauSon, mauSon.actor, { name: 'Mô hình trồng hồi kết hợp nuôi ong', startedUnitCode: '06532', organisationId: null, startedOn: '2016-04-01', description: 'Hộ nghèo trồng hồi xen nuôi ong lấy mật.', replications: [{ unitCode: '06535', from: '2018-03-01', households: 40 }], householdsReached: 120, results: '35 hộ thoát nghèo', criterionCodes: ['5b.2', '3.3'] });
    expect(model.replications).toEqual([{ unitCode: '06535', unitName: 'Xã Bằng Khánh', from: '2018-03-01', households: 40 }]);
    expect((await svc.records.listModels({ unitCode: '06535' })).map((m) => m.name)).toEqual(['Mô hình trồng hồi kết hợp nuôi ong']);
    expect((await svc.records.listModels({ q: 'nuoi ong bang khanh' })).map((m) => m.id)).toEqual([model.id]);
    const updated = await svc.records.updateModel(mauSon, mauSon.actor, model.id, { name: 'Mô hình trồng hồi kết hợp nuôi ong', startedUnitCode: '06532', organisationId: null, startedOn: '2016-04-01', description: null, replications: [], householdsReached: 150, results: null, criterionCodes: ['5b.2'] });
    expect(updated.householdsReached).toBe(150);

    const reg = await svc.registrations.register(healthFocal, healthFocal.actor, round2020, { participantType: 'department_front_union', participant: { kind: 'organisation', organisationId: soYTe }, pledges: ['Nhân rộng cấp thẻ BHYT lưu động'] });
    const sheet = await svc.scoring.selfAssess(healthFocal, healthFocal.actor, reg.id, '1.1', { points: 35, evidence: [{ kind: 'initiative', id: initiative.id }] });
    expect(sheet.lines.find((l) => l.code === '1.1')!.evidence).toEqual([{ kind: 'initiative', id: initiative.id, label: 'Sáng kiến "Cấp thẻ BHYT lưu động cho người nghèo vùng cao" (Bác sĩ Lộc Thị Hiền)' }]);

    await svc.records.deleteModel(mauSon, mauSon.actor, model.id);
    expect(await svc.records.listModels({ q: 'nuoi ong' })).toEqual([]);
  });
});
