import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.ts';
import { principal } from '../../../../tests/support/emulation-factories.ts';
import { createEmulationService, type EmulationService } from '../../../server/modules/emulation/emulation.service.ts';
import { createFundService, type FundService } from '../../../server/modules/fund/fund.service.ts';
import { createScopeChecker, createUnitsCatalog } from '../../../server/modules/units/units.service.ts';
import { fixedClock, randomIds } from '../../../shared/clock.ts';
import { seedReferenceData } from '../../seed-reference.ts';
import { loadDemoData } from '../load-demo.ts';
import { DEMO_ACTOR_NAME } from './demo-score-plan.ts';

// The demo's emulation round and fund ledgers, loaded as `npm start` loads them (on a small registry): the 2018 round
// is published with every self-assessment verified, the Department of Labour is left for its focal point to register,
// the 5b.3 exemplar holds its escape, and every fund balance reconciles with no beneficiary on the public page.

const provinceCode = '20';
const clock = fixedClock('2026-10-01T03:00:00Z');
let test: TestDatabase;
let emulation: EmulationService;
let fund: FundService;
const board = principal('emulation_board', { unitCode: provinceCode }, 'Ban Thi đua');
const lines: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase();
  const db = test.database.db;
  await seedReferenceData(db, { clock, ids: randomIds, provinceCode });
  await loadDemoData(test.database, { provinceCode, households: 800, log: (l) => lines.push(l), clock, ids: randomIds });
  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, clock);
  emulation = createEmulationService({ db, clock, ids: randomIds, provinceCode, catalog, scope, filesDir: '' });
  fund = createFundService({ db, clock, ids: randomIds, provinceCode, catalog, scope });
});
afterAll(async () => test.drop());

async function round2018() {
  const [summary] = await emulation.campaigns.list();
  const campaign = await emulation.campaigns.get(summary!.id);
  return campaign.rounds.find((r) => r.name === 'Đánh giá năm 2018')!;
}

describe('the demo emulation round', () => {
  it('is published, with participants of three types ranked in their clusters and blocks', async () => {
    const round = await round2018();
    expect(round.published).toBe(true);
    const rankings = await emulation.scoring.rankings(board, round.id);
    expect(rankings.byType.map((t) => t.participantType)).toEqual(expect.arrayContaining(['department_front_union', 'district', 'commune']));
    expect(rankings.byGroup.find((g) => g.name.startsWith('Khối các sở'))!.entries.length).toBeGreaterThan(15);
    expect(rankings.byGroup.filter((g) => g.kind === 'cluster').reduce((n, g) => n + g.entries.length, 0)).toBe(11);
    expect(lines.some((line) => /Đã nạp phong trào thi đua mẫu/u.test(line))).toBe(true);
  });

  it('leaves the Department of Labour unregistered, every registration recorded by the demo actor', async () => {
    const status = await emulation.registrations.status(board, (await round2018()).id);
    const departments = status.byType.find((t) => t.participantType === 'department_front_union')!;
    expect(departments.notRegistered.map((n) => n.name)).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    for (const t of status.byType) for (const r of t.registered) expect(r.registeredBy).toBe(DEMO_ACTOR_NAME);
    expect(status.groups.every((g) => g.jointPledgeSignedOn === '2018-12-28')).toBe(true);
  });

  it('explains every line: no self-assessment left unverified, council lines scored, measured lines computed', async () => {
    const round = await round2018();
    const sheets = await emulation.scoring.sheetsOf(await emulation.campaigns.loadRound(round.id));
    const all = sheets.flatMap((s) => s.lines);
    expect(all.some((l) => l.status === 'pending_verification')).toBe(false);
    expect(all.filter((l) => l.kind === 'evidence').every((l) => l.verification !== null && l.evidence.length === 2)).toBe(true);
    expect(all.filter((l) => l.kind === 'council').every((l) => l.council !== null)).toBe(true);
    const rate = all.filter((l) => l.code === '3.4');
    expect(rate.length).toBeGreaterThan(5);
    for (const l of rate) expect(l.formula?.inputs).not.toBeNull();
  });

  it('has a 5b.3 household exemplar whose escape has held 3 years or more in the registry', async () => {
    const exemplars = await emulation.records.listExemplars({});
    const household = exemplars.find((e) => e.kind === 'household')!;
    expect(household.criterionCodes).toEqual(['5b.3']);
    expect(household.registry!.stableEscapeYears).toBeGreaterThanOrEqual(3);
    expect(household.registry!.meetsStableEscape).toBe(true);
  });
});

describe('the demo fund ledgers', () => {
  it.each(['20', '188', '06529'])('level %s: every period reconciles and opens on the previous closing', async (level) => {
    const { balances, warnings } = await fund.balances(board, level);
    expect(warnings).toEqual([]);
    expect(balances.length).toBeGreaterThan(0);
    balances.forEach((b, i) => {
      expect(b.opening + b.received - b.spent).toBe(b.closing);
      expect(b.reconciles).toBe(true);
      if (i > 0) expect(b.opening).toBe(balances[i - 1]!.closing);
    });
  });

  it('publishes no beneficiary and no donor who declined to be named', async () => {
    const heads = await test.database.query<{ head_name: string }>(
      `select h.head_name from households h where h.id in (select household_id from fund_disbursements where household_id is not null union select household_id from fund_direct_gifts)`,
    );
    expect(heads.length).toBeGreaterThan(0);
    for (const level of (await fund.publicLevels()).map((l) => l.unitCode)) {
      for (const p of await fund.publicPeriods(level)) {
        const text = JSON.stringify(await fund.publicDisclosure(level, p.id));
        for (const h of heads) expect(text).not.toContain(h.head_name);
        expect(text).not.toContain('Một nhà hảo tâm');
        expect(text).not.toContain('Một doanh nhân');
      }
    }
  });
});
