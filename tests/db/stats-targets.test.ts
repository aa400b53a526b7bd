import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessHouseholds,
  createRound,
  createStatsFixture,
  principal,
  villageOf,
  villagesOfCommune,
  type HouseholdSpec,
  type StatsFixture,
} from './stats-factories.ts';

// Targets of Kế hoạch 165/KH-UBND (DOMAIN.md §4): a unit whose rate at the previous round is ≥ 40% must reduce it by
// 4 points in the year, any other by 3; rates are compared as published, with two decimals. Communes of Huyện Tràng
// Định (180) in the 2016 and 2017 rounds, and Xã Kim Đồng (06031), into which Xã Bắc Ái (06052) merged on 01/01/2020.

const province = principal('poverty_office', '20');

// commune → [2016 total, 2016 poor, 2017 total, 2017 poor]
const COMMUNES: Record<string, [number, number, number, number]> = {
  '05998': [10, 4, 50, 18], // Xã Khánh Long: 40,00% → 36,00%
  '06001': [10, 4, 100, 37], // Xã Đoàn Kết: 40,00% → 37,00%
  '06004': [100, 39, 100, 36], // Xã Quốc Khánh: 39,00% → 36,00%
  '06010': [100, 39, 100, 36], // Xã Cao Minh: the same reduction as Quốc Khánh
  '06007': [100, 20, 100, 21], // Xã Vĩnh Tiến: the rate rose
  '06013': [0, 0, 50, 10], // Xã Chí Minh: no household in 2016
};

let fx: StatsFixture;

beforeAll(async () => {
  fx = await createStatsFixture();
  const dir = await fx.directory();
  const round2016 = await createRound(fx, 2016);
  const round2017 = await createRound(fx, 2017);
  const specs2016: HouseholdSpec[] = [];
  const specs2017: HouseholdSpec[] = [];
  for (const [commune, [total16, poor16, total17, poor17]] of Object.entries(COMMUNES)) {
    const [village] = villagesOfCommune(dir, commune, '2016-12-31', 1);
    specs2016.push(...villageOf(village!, total16, poor16));
    specs2017.push(...villageOf(village!, total17, poor17));
  }
  await assessHouseholds(fx, round2016, specs2016);
  await assessHouseholds(fx, round2017, specs2017);

  // 2019: Kim Đồng 10 poor of 20, Bắc Ái 2 of 20; 2020: the merged Kim Đồng, 10 poor of 40 over all its villages.
  const round2019 = await createRound(fx, 2019);
  const round2020 = await createRound(fx, 2020);
  const [kimDong] = villagesOfCommune(dir, '06031', '2019-12-31', 1);
  const [bacAi] = villagesOfCommune(dir, '06052', '2019-12-31', 1);
  await assessHouseholds(fx, round2019, [...villageOf(kimDong!, 20, 10), ...villageOf(bacAi!, 20, 2)]);
  await assessHouseholds(fx, round2020, [...villageOf(kimDong!, 20, 5), ...villageOf(bacAi!, 20, 5)]);
});
afterAll(async () => fx.close());

describe('yearly attainment of communes (criteria 2.4, 3.4, 4.5)', () => {
  it.each([
    { situation: 'at exactly 40% and reduced by 4,00 points', commune: '05998', baseline: 40, rate: 36, required: 4, reduction: 4, attained: true },
    { situation: 'at exactly 40% but reduced by 3,00 points only', commune: '06001', baseline: 40, rate: 37, required: 4, reduction: 3, attained: false },
    { situation: 'just below 40% and reduced by 3,00 points', commune: '06004', baseline: 39, rate: 36, required: 3, reduction: 3, attained: true },
    { situation: 'below 40% and the rate rose', commune: '06007', baseline: 20, rate: 21, required: 3, reduction: -1, attained: false },
  ])('a commune $situation', async ({ commune, baseline, rate, required, reduction, attained }) => {
    const res = await fx.stats.attainment(province, { year: 2017, level: 'commune', unitCode: '180' });
    const row = res.rows.find((r) => r.code === commune);
    expect(row).toMatchObject({ baseline, rate, required, reduction, attained, basis: 'band' });
  });

  it('shows −4 points for a commune at ≥ 40% in 2016, judged on its own figures of both years', async () => {
    const before = await fx.stats.unitFigures(province, 2016, '05998');
    const now = await fx.stats.unitFigures(province, 2017, '05998');
    expect(now.unit.attainment).toMatchObject({
      baseline: before.unit.figures.poorRate,
      rate: now.unit.figures.poorRate,
      required: 4,
      attained: true,
      ruleSet: 'plan165-2017@1',
    });
    expect(now.unit.attainment?.explanation).toBe(
      'Tỷ lệ năm trước 40,00% ≥ 40% → phải giảm ít nhất 4,00 điểm; đã giảm 4,00 điểm → đạt',
    );
  });

  it('ranks by reduction, ties in Vietnamese order of names, units that cannot be judged last', async () => {
    const res = await fx.stats.attainment(province, { year: 2017, level: 'commune', unitCode: '180' });
    expect(res.rows.slice(0, 5).map((r) => [r.rank, r.name, r.reduction, r.attained])).toEqual([
      [1, 'Xã Khánh Long', 4, true],
      [2, 'Xã Cao Minh', 3, true],
      [3, 'Xã Đoàn Kết', 3, false],
      [4, 'Xã Quốc Khánh', 3, true],
      [5, 'Xã Vĩnh Tiến', -1, false],
    ]);
    const chiMinh = res.rows.find((r) => r.code === '06013');
    expect(chiMinh).toMatchObject({ rank: null, attained: null });
    expect(chiMinh?.explanation).toMatch(/Năm 2016 không có hộ nào/u);
    expect(res.rows.slice(5).every((r) => r.rank === null)).toBe(true);
    expect(res.summary).toEqual({ units: res.rows.length, judged: 5, attained: 3 });
    expect(res.bands).toEqual(['tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm', 'tỷ lệ năm trước < 40% → giảm ít nhất 3,00 điểm']);
  });

  it('judges a merged commune against the previous year re-counted on its new territory', async () => {
    const res = await fx.stats.unitFigures(province, 2020, '06031');
    // 2019 on the 2020 Kim Đồng: (10 + 2) poor of 40 = 30,00%; 2020: 10 of 40 = 25,00%.
    expect(res.unit.attainment).toMatchObject({ baseline: 30, rate: 25, required: 3, reduction: 5, attained: true });
    expect(res.unit.attainmentNote).toMatch(/tính lại trên địa giới năm 2020/u);
  });

  it('does not judge a round that has no previous round', async () => {
    const res = await fx.stats.unitFigures(province, 2016, '05998');
    expect(res.unit.attainment).toBeNull();
    expect(res.unit.attainmentNote).toBe('Chưa có kỳ rà soát năm 2015 để so sánh.');
  });

  it('refuses the district level after the district level was abolished', async () => {
    const round = await createRound(fx, 2025);
    expect(round).toBeTruthy();
    await expect(fx.stats.attainment(province, { year: 2025, level: 'district' })).rejects.toMatchObject({
      code: 'request.invalid',
      message: expect.stringMatching(/không còn đơn vị cấp huyện/u),
    });
  });
});

describe('trend against the target path of plan 165', () => {
  it('draws −4 points while the rate is ≥ 40%, then −3, and forecasts from the unit’s own pace', async () => {
    const res = await fx.stats.trend(province, { unitCode: '05998', from: 2016, to: 2017 });
    expect(res.points.map((p) => [p.year, p.poorRate])).toEqual([
      [2016, 40],
      [2017, 36],
    ]);
    expect(res.targetPath).toEqual([
      { year: 2016, rate: 40 },
      { year: 2017, rate: 36 },
      { year: 2018, rate: 33 },
      { year: 2019, rate: 30 },
      { year: 2020, rate: 27 },
    ]);
    expect(res.goalProgress).toMatchObject({ startRate: 40, latestRate: 36, goalRate: 11, neededPoints: 29, reducedPoints: 4 });
    expect(res.forecast).toMatchObject({ status: 'offTrack', basis: 'trend', projectedRate: 24, trendPerYear: -4 });
    expect(res.goal.appliesTo).toBe('province');
  });

  it("shows the province's own goal of ≈ 11% by 2020 on the province trend", async () => {
    const res = await fx.stats.trend(province, {});
    // The 2025 round has no assessed household yet: it has no point.
    expect(res.points.map((p) => p.year)).toEqual([2016, 2017, 2019, 2020]);
    expect(res.goal).toMatchObject({ startYear: 2016, goalYear: 2020, rate: 11, appliesTo: 'unit' });
    expect(res.targetPath[0]).toEqual({ year: 2016, rate: res.points[0]!.poorRate });
  });

  it('re-shows earlier years on the territory of a later date when asked', async () => {
    const asItWas = await fx.stats.trend(province, { unitCode: '06031', from: 2019, to: 2020 });
    const onTerritory2020 = await fx.stats.trend(province, { unitCode: '06031', from: 2019, to: 2020, onDate: '2020-12-31' });
    expect(asItWas.points.map((p) => [p.year, p.poorRate])).toEqual([
      [2019, 50],
      [2020, 25],
    ]);
    expect(onTerritory2020.points.map((p) => [p.year, p.total, p.poorRate, p.estimated])).toEqual([
      [2019, 40, 30, false],
      [2020, 40, 25, false],
    ]);
  });
});
