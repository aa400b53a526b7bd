import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-app.ts';
import {
  assessHouseholds,
  buildStatsApp,
  createRound,
  createStatsFixture,
  villageOf,
  villagesOfCommune,
  type StatsFixture,
} from './stats-factories.ts';

// The statistics over HTTP: the public page without login (cells of fewer than 5 households withheld, approved rounds
// only), the map layers, scope refusals for a commune officer, and the XLSX exports.
// 2025 round (the 65 communes): Thị trấn/xã Lộc Bình 06529 has 5 households, Xã Đoàn Kết 06001 has 4.

let fx: StatsFixture;
let api: Awaited<ReturnType<typeof buildStatsApp>>;
let provinceUser: TestClient;
let communeOfficer: TestClient;

const get = (url: string) => api.built.app.inject({ method: 'GET', url });

async function readSheet(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}

beforeAll(async () => {
  fx = await createStatsFixture();
  const dir = await fx.directory();
  const round2024 = await createRound(fx, 2024);
  const round2025 = await createRound(fx, 2025);
  const round2026 = await createRound(fx, 2026, { state: 'open' });
  const [locBinh2024] = villagesOfCommune(dir, '06529', '2024-12-31', 1);
  const [locBinh, locBinh2] = villagesOfCommune(dir, '06529', '2025-12-31', 2);
  const [doanKet] = villagesOfCommune(dir, '06001', '2025-12-31', 1);
  await assessHouseholds(fx, round2024, villageOf(locBinh2024!, 10, 5, 1));
  await assessHouseholds(fx, round2025, [...villageOf(locBinh!, 3, 1, 1), ...villageOf(locBinh2!, 2, 1), ...villageOf(doanKet!, 4, 1)]);
  // The open 2026 round has partial figures (one commune has drafted its lists): never published, never in a trend.
  const [locBinh2026] = villagesOfCommune(dir, '06529', '2026-12-31', 1);
  await assessHouseholds(fx, round2026, villageOf(locBinh2026!, 8, 6));
  api = await buildStatsApp(fx);
  provinceUser = await api.userWith('poverty_office', '20');
  communeOfficer = await api.userWith('commune_officer', '06529');
});
afterAll(async () => {
  await api.close();
  await fx.close();
});

describe('the public page, without login', () => {
  it('withholds every cell of a commune with 4 households and shows one with 5', async () => {
    const res = await get('/api/public/communes?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.communes).toHaveLength(65);
    const doanKet = body.communes.find((c: { code: string }) => c.code === '06001');
    const locBinh = body.communes.find((c: { code: string }) => c.code === '06529');
    expect(doanKet).toMatchObject({ households: null, poor: null, nearPoor: null, poorRate: null, nearPoorRate: null, suppressed: true });
    expect(locBinh).toMatchObject({ households: 5, poor: 2, nearPoor: 1, poorRate: 40, nearPoorRate: 20, suppressed: false });
    expect(Object.keys(locBinh).sort()).toEqual(
      ['code', 'districtName', 'households', 'name', 'nearPoor', 'nearPoorRate', 'poor', 'poorRate', 'suppressed', 'trend'].sort(),
    );
    expect(body.province).toMatchObject({ households: 9, poor: 3, suppressed: false });
  });

  it("shows each commune's trend on its 2025 territory, withholding years of fewer than 5 households", async () => {
    const body = (await get('/api/public/communes?year=2025')).json();
    const locBinh = body.communes.find((c: { code: string }) => c.code === '06529');
    const doanKet = body.communes.find((c: { code: string }) => c.code === '06001');
    expect(body.years).toEqual([2024, 2025]);
    expect(locBinh.trend).toEqual([
      { year: 2024, poorRate: 50, nearPoorRate: 10, suppressed: false, estimated: false },
      { year: 2025, poorRate: 40, nearPoorRate: 20, suppressed: false, estimated: false },
    ]);
    expect(doanKet.trend.map((t: { suppressed: boolean }) => t.suppressed)).toEqual([true, true]);
  });

  it('shows the latest approved round when no year is asked for, not the open one', async () => {
    const res = await get('/api/public/communes');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2025);
    expect(body.years).toEqual([2024, 2025]);
    expect(body.communes.find((c: { code: string }) => c.code === '06529')).toMatchObject({ households: 5, poorRate: 40 });
    const exported = await get('/api/public/communes/export');
    expect(exported.statusCode).toBe(200);
    expect((await readSheet(exported.rawPayload)).find((r) => r[0] === '06529')).toBeDefined();
  });

  it('publishes only rounds the province has approved', async () => {
    const res = await get('/api/public/communes?year=2026');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/đã được tỉnh phê duyệt/u);
  });

  it('serves the boundary layers of the map as GeoJSON', async () => {
    const res = await get('/api/public/geo/communes-2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/u);
    expect(res.json()).toMatchObject({ type: 'FeatureCollection' });
    expect((await get('/api/public/geo/districts-2019')).json().features.length).toBeGreaterThan(0);
    const unknown = await get('/api/public/geo/provinces-1990');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/Lớp bản đồ phải là một trong/u);
  });

  it('exports the public table as XLSX with withheld cells left empty', async () => {
    const res = await get('/api/public/communes/export?year=2025');
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    const doanKet = rows.find((r) => r[0] === '06001')!;
    expect(doanKet.slice(3, 8)).toEqual(['', '', '', '', '']);
  });
});

describe('aggregated figures need a login, the permission and the unit in scope', () => {
  it('refuses an anonymous caller', async () => {
    const res = await get('/api/stats/rounds/2025/units/20');
    expect(res.statusCode).toBe(401);
  });

  it.each([
    '/api/stats/rounds/2025/units/06001',
    '/api/stats/rounds/2025/units/20',
    '/api/stats/trend?unitCode=06001',
    '/api/stats/attainment?year=2025&level=commune',
    '/api/stats/on-units?year=2024&onDate=2025-07-01&level=commune',
    '/api/stats/af?year=2025&unitCode=06001',
    '/api/stats/compare?unitCode=06001&yearA=2024&yearB=2025',
    '/api/stats/attainment/export?year=2025&level=commune',
  ])('refuses a commune officer of 06529 at %s', async (url) => {
    const res = await communeOfficer.get(url);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.out_of_scope');
  });

  it('answers the commune officer about their own commune', async () => {
    const res = await communeOfficer.get('/api/stats/rounds/2025/units/06529');
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toMatchObject({ code: '06529', figures: { total: 5, poor: 2, poorRate: 40 } });
    const ranking = await communeOfficer.get('/api/stats/attainment?year=2025&level=commune&unitCode=06529');
    expect(ranking.json().rows.map((r: { code: string }) => r.code)).toEqual(['06529']);
  });

  it('refuses a role without the statistics permission', async () => {
    const focal = await api.userWith('org_focal_point', '20');
    const res = await focal.get('/api/stats/rounds/2025/units/20');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('explains a malformed weight in Vietnamese', async () => {
    const res = await provinceUser.get('/api/stats/af?year=2025&unitCode=20&weights=nước');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Trọng số phải là JSON/u);
  });
});

describe('the trend', () => {
  it('leaves out a round that is still open, with or without explicit years', async () => {
    for (const url of ['/api/stats/trend?unitCode=06529', '/api/stats/trend?unitCode=06529&from=2024&to=2026']) {
      const res = await provinceUser.get(url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json().points.map((p: { year: number; poorRate: number }) => [p.year, p.poorRate])).toEqual([
        [2024, 50],
        [2025, 40],
      ]);
    }
    const own = await communeOfficer.get('/api/stats/trend?unitCode=06529');
    expect(own.json().points.map((p: { year: number }) => p.year)).toEqual([2024, 2025]);
  });
});

describe('comparison and exports', () => {
  it('compares two rounds on the later round’s territory', async () => {
    const res = await provinceUser.get('/api/stats/compare?unitCode=06529&yearA=2024&yearB=2025');
    expect(res.statusCode).toBe(200);
    const [unit] = res.json().rows;
    expect(unit).toMatchObject({ code: '06529', a: { total: 10, poor: 5, poorRate: 50 }, b: { total: 5, poor: 2, poorRate: 40 } });
    expect(unit.change).toEqual({ total: -5, poor: -3, nearPoor: 0, poorRate: -10, nearPoorRate: 10 });
  });

  it.each([
    ['/api/stats/rounds/2025/units/20/export', 'Tỷ lệ hộ nghèo'],
    ['/api/stats/trend/export?unitCode=20', 'Lộ trình mục tiêu'],
    ['/api/stats/attainment/export?year=2025&level=commune', 'Phải giảm (điểm)'],
    ['/api/stats/on-units/export?year=2024&onDate=2025-07-01&level=commune', 'Từ các đơn vị cũ'],
    ['/api/stats/af/export?year=2025&unitCode=20', 'Đóng góp vào M0 (%)'],
    ['/api/stats/compare/export?unitCode=20&yearA=2024&yearB=2025', 'Chênh lệch (điểm)'],
  ])('exports %s as XLSX', async (url, header) => {
    const res = await provinceUser.get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/u);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/u);
    const rows = await readSheet(res.rawPayload);
    expect(rows.flat()).toContain(header);
  });
});
