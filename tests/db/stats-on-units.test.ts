import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUnits, unitLineageEvents } from '../../src/db/schema/index.ts';
import { standardForReviewYear } from '../../src/domain/poverty/index.ts';
import type { OnUnitsResponse } from '../../src/shared/schemas/stats.schema.ts';
import {
  assessHouseholds,
  createRound,
  createStatsFixture,
  drawHouseholds,
  principal,
  villagesOfCommune,
  type StatsFixture,
} from './stats-factories.ts';

// Figures on today's units (DOMAIN.md §1, issue 4 point 2): the 2019 round, computed on the 226 communes of 2019,
// re-shown on the 65 communes of 01/07/2025. Villages follow their communes through every merger, so the sum is
// exact, split communes included (Xã Bính Xá, 06622, went partly to Xã Đình Lập 06613 and partly to Xã Kiên Mộc
// 06625); only a village missing on the date is counted by an explicit share, and says so.

const YEAR = 2019;
const ON = '2025-07-01';
const province = principal('poverty_office', '20');
let fx: StatsFixture;
let roundId: string;

async function householdsPerCommuneOn(date: string): Promise<Map<string, number>> {
  const dir = await fx.directory();
  const rows = await fx.testDb.database.query<{ village_code: string; n: number }>(
    'select village_code, count(*)::int as n from assessments where round_id = $1 and is_current group by village_code',
    [roundId],
  );
  const out = new Map<string, number>();
  for (const row of rows) {
    const commune = dir.ancestorsOn(row.village_code, date).find((u) => u.level === 'commune')!.code;
    out.set(commune, (out.get(commune) ?? 0) + row.n);
  }
  return out;
}

async function provinceTotals() {
  const [row] = await fx.testDb.database.query<{ total: number; poor: number; near_poor: number }>(
    `select count(*)::int as total, (count(*) filter (where category = 'poor'))::int as poor,
            (count(*) filter (where category = 'near_poor'))::int as near_poor
     from assessments where round_id = $1 and is_current`,
    [roundId],
  );
  return row!;
}

const sumOf = (res: OnUnitsResponse, key: 'total' | 'poor' | 'nearPoor') => res.rows.reduce((s, r) => s + r[key], 0);

beforeAll(async () => {
  fx = await createStatsFixture();
  roundId = await createRound(fx, YEAR);
  const dir = await fx.directory();
  const indicators = standardForReviewYear(YEAR).indicators.map((i) => i.code);
  const date = `${YEAR}-12-31`;
  // Every commune of 2019 has households in two villages; the split communes in every village.
  const villages = dir
    .unitsOn(date, 'commune')
    .flatMap((c) => villagesOfCommune(dir, c.code, date, c.code === '06622' || c.code === '06625' ? Infinity : 2));
  await assessHouseholds(fx, roundId, drawHouseholds(villages, 2, indicators, 2019));
});
afterAll(async () => fx.close());

describe('the 2019 round on the 65 communes of 01/07/2025', () => {
  it('sums exactly to the province total, with nothing estimated or left out', async () => {
    const res = await fx.stats.onUnits(province, { year: YEAR, onDate: ON, level: 'commune' });
    const whole = await provinceTotals();
    expect(res.rows).toHaveLength(65);
    expect([sumOf(res, 'total'), sumOf(res, 'poor'), sumOf(res, 'nearPoor')]).toEqual([whole.total, whole.poor, whole.near_poor]);
    expect(res.totals).toMatchObject({ total: whole.total, poor: whole.poor, nearPoor: whole.near_poor });
    expect(res.totals.poorRate).toBe((await fx.stats.unitFigures(province, YEAR, '20')).unit.figures.poorRate);
    expect(res.rows.filter((r) => r.estimated)).toEqual([]);
    expect(res.unmapped).toEqual([]);
  });

  it("counts each household in the 2025 commune that holds its village, split communes included", async () => {
    const expected = await householdsPerCommuneOn(ON);
    const res = await fx.stats.onUnits(province, { year: YEAR, onDate: ON, level: 'commune' });
    for (const row of res.rows) expect([row.code, row.total]).toEqual([row.code, expected.get(row.code) ?? 0]);
    const kienMoc = res.rows.find((r) => r.code === '06625')!;
    expect(kienMoc.predecessors.map((p) => p.code).sort()).toEqual(['06619', '06622', '06625']);
    expect(kienMoc.predecessors.reduce((s, p) => s + p.households, 0)).toBe(kienMoc.total);
    expect(kienMoc.note).toBeNull();
  });

  it('shows the round on its own units when no date is given', async () => {
    const res = await fx.stats.onUnits(province, { year: YEAR, level: 'district' });
    expect(res.onDate).toBe('2019-12-31');
    const districts = (await fx.stats.unitFigures(province, YEAR, '20')).children;
    const byCode = new Map(res.rows.map((r) => [r.code, r]));
    expect(res.rows).toHaveLength(districts.length);
    for (const d of districts) expect([d.code, byCode.get(d.code)?.total, byCode.get(d.code)?.poorRate]).toEqual([d.code, d.figures.total, d.figures.poorRate]);
  });

  it('lets a 2025 commune officer see the old years on their commune, and no other', async () => {
    const officer = principal('commune_officer', '06625');
    const own = await fx.stats.onUnits(officer, { year: YEAR, onDate: ON, level: 'commune', unitCode: '06625' });
    expect(own.rows.map((r) => r.code)).toEqual(['06625']);
    await expect(fx.stats.onUnits(officer, { year: YEAR, onDate: ON, level: 'commune' })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });
});

describe('a village missing on the date (lineage fallback)', () => {
  let village: string;
  let households: number;

  beforeAll(async () => {
    // A village of Xã Bính Xá that was dissolved when the commune was split: it has no version after 01/07/2025.
    const [row] = await fx.testDb.database.query<{ village_code: string; n: number }>(
      "select village_code, count(*)::int as n from assessments where round_id = $1 and is_current and commune_code = '06622' group by village_code order by village_code limit 1",
      [roundId],
    );
    village = row!.village_code;
    households = row!.n;
    await fx.db.delete(adminUnits).where(and(eq(adminUnits.code, village), eq(adminUnits.validFrom, ON)));
    await fx.db.update(adminUnits).set({ validTo: ON }).where(and(eq(adminUnits.code, village), isNull(adminUnits.validTo)));
  });

  it('counts its households by the shares recorded for the split, and marks the figures as estimated', async () => {
    await setShares({ '06613': 0.4, '06625': 0.6 });
    const res = await fx.stats.onUnits(province, { year: YEAR, onDate: ON, level: 'commune' });
    const estimated = res.rows.filter((r) => r.estimated).map((r) => r.code).sort();
    expect(estimated).toEqual(['06613', '06625']);
    const dinhLap = res.rows.find((r) => r.code === '06613')!;
    expect(dinhLap.note).toMatch(/^Số liệu ước tính: đơn vị cũ sáp nhập một phần/u);
    expect(dinhLap.note).toContain('40,00% số hộ');
    expect(sumOf(res, 'total')).toBeCloseTo((await provinceTotals()).total, 9);
    expect(res.unmapped).toEqual([]);
  });

  it('leaves it out, and says why, when the split has no recorded share', async () => {
    await setShares({ '06613': null, '06625': null });
    const res = await fx.stats.onUnits(province, { year: YEAR, onDate: ON, level: 'commune' });
    expect(res.unmapped).toEqual([expect.objectContaining({ code: village, households })]);
    expect(res.unmapped[0]!.reason).toMatch(/chưa có tỷ lệ chia/u);
    expect(sumOf(res, 'total')).toBe((await provinceTotals()).total - households);
  });

  async function setShares(shares: Record<string, number | null>): Promise<void> {
    for (const [to, share] of Object.entries(shares)) {
      await fx.db
        .update(unitLineageEvents)
        .set({ share })
        .where(and(eq(unitLineageEvents.fromCode, '06622'), eq(unitLineageEvents.toCode, to)));
    }
    fx.catalog.invalidate();
  }
});
