import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, emulationCampaigns } from '../../src/db/schema/index.ts';
import { seedReferenceData } from '../../src/seed/seed-reference.ts';
import { seedPlan165Campaign } from '../../src/seed/plan-165.ts';
import { createEmulationService, type EmulationService } from '../../src/server/modules/emulation/emulation.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../src/server/modules/units/units.service.ts';
import { randomIds } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { movableClock, principal } from '../support/emulation-factories.ts';

// Issue 5, "Must show": the seeded 2016–2020 campaign lists every criterion of plan §III under the right participant
// type, with the kinds of score sources visible; criteria sets are versioned once scored; a campaign can be copied.

let testDb: TestDatabase;
let svc: EmulationService;
let campaignId: string;
const clock = movableClock('2017-12-25T03:00:00Z');
const board = principal('emulation_board', { unitCode: '20' }, 'Trần Văn Ban');
const commune = principal('commune_officer', { unitCode: '06532' }, 'Hoàng Thị Xã');

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.database.db;
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode: '20' });
  const first = await seedPlan165Campaign(db, { clock, ids: randomIds, provinceCode: '20' });
  const second = await seedPlan165Campaign(db, { clock, ids: randomIds, provinceCode: '20' });
  expect(first.created).toBe(true);
  expect(second).toEqual({ created: false, campaignId: first.campaignId });
  campaignId = first.campaignId;
  const catalog = createUnitsCatalog(db);
  svc = createEmulationService({ db, clock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock), filesDir: os.tmpdir() });
});
afterAll(async () => testDb.drop());

describe('the seeded plan 165/KH-UBND campaign', () => {
  it('is seeded once', async () => {
    const rows = await testDb.database.db.select().from(emulationCampaigns);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.legalBasis).toContain('165/KH-UBND ngày 26/9/2017');
  });

  // One row per criterion of plan §III: code, participant type, kind, formula.
  const expected = [
    ['department_front_union', '1.1', 'evidence', null],
    ['department_front_union', '1.2', 'council', null],
    ['department_front_union', '1.3', 'measured', 'mobilised_resources'],
    ['district', '2.1', 'evidence', null],
    ['district', '2.2', 'measured', 'report_timeliness'],
    ['district', '2.3', 'measured', 'mobilised_resources'],
    ['district', '2.4', 'measured', 'rate_reduction_vs_target'],
    ['commune', '3.1', 'evidence', null],
    ['commune', '3.2', 'measured', 'report_timeliness'],
    ['commune', '3.3', 'evidence', null],
    ['commune', '3.4', 'measured', 'rate_reduction_vs_target'],
    ['village', '4.1', 'evidence', null],
    ['village', '4.2', 'evidence', null],
    ['village', '4.3', 'evidence', null],
    ['village', '4.4', 'council', null],
    ['village', '4.5', 'measured', 'rate_reduction_vs_target'],
    ['household_non_poor', '5a.1', 'evidence', null],
    ['household_poor', '5b.1', 'measured', 'voluntary_escape_registration'],
    ['household_poor', '5b.2', 'evidence', null],
    ['household_poor', '5b.3', 'measured', 'stable_escape_helpers'],
    ['household_poor', '5b.4', 'measured', 'loan_repayment'],
    ['poverty_cadre', '6.1', 'evidence', null],
    ['enterprise_cooperative', '7.1', 'measured', 'mobilised_resources'],
    ['enterprise_cooperative', '7.2', 'evidence', null],
    ['enterprise_cooperative', '7.3', 'council', null],
  ] as const;

  it('lists every criterion of §III under its participant type, nothing more', async () => {
    const c = await svc.campaigns.get(campaignId);
    const listed = c.criteriaSets.flatMap((s) => s.criteria.map((k) => [s.participantType, k.code, k.kind, k.formulaId]));
    expect(listed).toEqual(expected.map((e) => [...e]));
  });

  it.each(expected)('%s %s: %s', async (type, code, kind) => {
    const c = await svc.campaigns.get(campaignId);
    const criterion = c.criteriaSets.find((s) => s.participantType === type)!.criteria.find((k) => k.code === code)!;
    expect(criterion.kind).toBe(kind);
    expect(criterion.text.length).toBeGreaterThan(20);
    expect(criterion.scoreSource).toContain(criterion.kindLabel);
  });

  it('shows where each score comes from, including "not scored yet" for report timeliness', async () => {
    const c = await svc.campaigns.get(campaignId);
    const all = c.criteriaSets.flatMap((s) => s.criteria);
    expect(new Set(all.map((k) => k.kindLabel))).toEqual(
      new Set(['Tính từ số liệu theo công thức', 'Tự chấm kèm minh chứng, Ban Thi đua - Khen thưởng thẩm định', 'Hội đồng Thi đua - Khen thưởng chấm']),
    );
    expect(all.find((k) => k.code === '3.2')!.scoreSource).toMatch(/Báo cáo đúng hạn — chưa chấm, chưa có dữ liệu báo cáo/u);
    expect(all.find((k) => k.code === '3.4')!.scoreSource).toMatch(/Mức giảm tỷ lệ hộ nghèo so với mục tiêu/u);
    expect(all.find((k) => k.code === '5b.3')!.text).toContain('Thoát nghèo ổn định từ 03 năm trở lên');
  });

  it('gives each participant type 100 points and names the target rule of plan 165', async () => {
    const c = await svc.campaigns.get(campaignId);
    expect(c.criteriaSets.map((s) => s.totalPoints)).toEqual(Array(8).fill(100));
    expect(c.criteriaSets.map((s) => s.section)).toEqual(['III.1', 'III.2', 'III.3', 'III.4', 'III.5a', 'III.5b', 'III.6', 'III.7']);
    expect(c.targetRuleSet.key).toBe('plan165-2017@1');
    expect(c.targetRuleSet.bands).toEqual(['tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm', 'tỷ lệ năm trước < 40% → giảm ít nhất 3,00 điểm']);
  });

  it('has the annual rounds 2017–2020, the sơ kết 2018 and the tổng kết 2020 with its ceremony on 11/06/2020', async () => {
    const c = await svc.campaigns.get(campaignId);
    expect(c.rounds.map((r) => [r.name, r.kind])).toEqual([
      ['Đánh giá năm 2017', 'annual'],
      ['Đánh giá năm 2018', 'annual'],
      ['Sơ kết 2018', 'mid_term'],
      ['Đánh giá năm 2019', 'annual'],
      ['Tổng kết 2020', 'final'],
      ['Đánh giá năm 2020', 'annual'],
    ]);
    const final = c.rounds.find((r) => r.kind === 'final')!;
    expect(final).toMatchObject({ ceremonyOn: '2020-06-11', measureFromYear: 2017, measureToYear: 2019 });
    expect(c.rounds[0]!.stage).toBe('self_assessment');
    expect(c.rounds[0]!.stageLabel).toBe('Đang tự chấm điểm (đến 10/01/2018)');
  });
});

describe('criteria sets are versioned once a round has scores', () => {
  it('edits a set in place while no round has scored under it', async () => {
    const c = await svc.campaigns.get(campaignId);
    const village = c.criteriaSets.find((s) => s.participantType === 'village')!;
    const edited = village.criteria.map((k) => ({ code: k.code, text: k.text, maxPoints: k.code === '4.4' ? 15 : k.code === '4.5' ? 25 : k.maxPoints, kind: k.kind, formulaId: k.formulaId, params: k.params, feeds: k.feeds as never }));
    const saved = await svc.campaigns.saveCriteriaSet(board, board.actor, campaignId, 'village', edited, 'Tăng trọng số tiêu chí 4.5');
    expect(saved.change).toBe('edit_in_place');
    expect(saved.criteriaSet.version).toBe(1);
    expect(saved.criteriaSet.criteria.find((k) => k.code === '4.5')!.maxPoints).toBe(25);
  });

  it('creates version 2 once a round scored under version 1, and the scored round keeps version 1', async () => {
    const round = (await svc.campaigns.get(campaignId)).rounds[0]!;
    const reg = await svc.registrations.register(commune, commune.actor, round.id, { participantType: 'commune', participant: { kind: 'unit', unitCode: '06532' }, pledges: ['Giảm tỷ lệ hộ nghèo ít nhất 3%'] });
    await svc.scoring.recompute(board, board.actor, round.id);
    const c = await svc.campaigns.get(campaignId);
    const communeSet = c.criteriaSets.find((s) => s.participantType === 'commune')!;
    const edited = communeSet.criteria.map((k) => ({ code: k.code, text: k.text, maxPoints: k.maxPoints, kind: k.kind, formulaId: k.formulaId, params: k.code === '3.4' ? { partialCredit: 'none' } : k.params, feeds: k.feeds as never }));
    const saved = await svc.campaigns.saveCriteriaSet(board, board.actor, campaignId, 'commune', edited, 'Không tính điểm từng phần cho 3.4');
    expect(saved.change).toBe('new_version');
    expect(saved.criteriaSet.version).toBe(2);
    const all = await svc.campaigns.get(campaignId, { allVersions: true });
    expect(all.criteriaSets.filter((s) => s.participantType === 'commune').map((s) => [s.version, s.isCurrent])).toEqual([[1, false], [2, true]]);
    const sheet = await svc.scoring.scoreSheet(board, reg.id);
    expect(sheet.criteriaSetVersion).toBe(1);
    const audit = await testDb.database.db.select().from(auditLog).where(eq(auditLog.action, 'emulation.criteria_versioned'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('Không tính điểm từng phần cho 3.4');
  });

  it('refuses a measured criterion without a formula, and a formula that does not fit the participant', async () => {
    const bad = [{ code: '6.1', text: 'Nỗ lực công tác, bám sát cơ sở', maxPoints: 100, kind: 'measured' as const, formulaId: 'loan_repayment' as const, params: {}, feeds: [] }];
    await expect(svc.campaigns.saveCriteriaSet(board, board.actor, campaignId, 'poverty_cadre', bad, null)).rejects.toThrow(/không áp dụng cho cán bộ/u);
  });
});

describe('a new campaign by copying', () => {
  it('copies criteria and rounds into 2021–2025, moving every date by five years', async () => {
    const copy = await svc.campaigns.copy(board, board.actor, campaignId, { name: 'Phong trào thi đua "Vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2021 - 2025', legalBasis: 'Quyết định số 666/QĐ-TTg năm 2022', periodFrom: 2021, periodTo: 2025, shiftRounds: true });
    expect(copy.copiedFromId).toBe(campaignId);
    expect(copy.rounds.map((r) => r.name)).toContain('Tổng kết 2025');
    expect(copy.rounds.find((r) => r.kind === 'final')!.ceremonyOn).toBe('2025-06-11');
    expect(copy.criteriaSets.flatMap((s) => s.criteria)).toHaveLength(25);
    expect(copy.criteriaSets.every((s) => s.version === 1)).toBe(true);
    // Editing the copy leaves the source as it was.
    const edited = copy.criteriaSets.find((s) => s.participantType === 'poverty_cadre')!.criteria.map((k) => ({ ...k, maxPoints: 50, feeds: k.feeds as never }));
    await svc.campaigns.saveCriteriaSet(board, board.actor, copy.id, 'poverty_cadre', edited, null);
    const source = await svc.campaigns.get(campaignId);
    expect(source.criteriaSets.find((s) => s.participantType === 'poverty_cadre')!.totalPoints).toBe(100);
  });

  it('refuses a commune officer managing campaigns', async () => {
    await expect(svc.campaigns.copy(commune, commune.actor, campaignId, { name: 'Thử', periodFrom: 2021, periodTo: 2025, shiftRounds: false })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });
});
