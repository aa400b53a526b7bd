// Browser journeys of the poverty statistics (issue 4, "Must show"): the provincial emulation board sees the
// province's 2016–2020 trend against the target path to 11%, the districts ranked with their attainment year by year,
// the map coloured by rate, and the same years re-shown on the 65 communes of 2025; a commune at or above 40% in 2016
// had to cut 4 points in 2017; the Alkire–Foster view of a unit adds its contributions up to 100%; and the public page
// works without login, withholding small cells. Real server on a fresh embedded database with the demo data.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser.ts';
import { signIn, useJourneyEnvironment } from '../support/journey.ts';

const { openPage } = useJourneyEnvironment();

/** "19,07%" → 19.07; "4,00 điểm" → 4; "—" → NaN. */
function viNumber(text: string): number {
  const match = /-?[\d.]+(,\d+)?/u.exec(text.replace('−', '-'));
  return match ? Number(match[0].replaceAll('.', '').replace(',', '.')) : Number.NaN;
}

async function cellTexts(row: ReturnType<Page['locator']>): Promise<string[]> {
  return row.locator('td').allInnerTexts();
}

describe('poverty statistics journeys in Chromium', () => {
  it('the province overview: trend against the path to 11%, districts ranked with attainment, the map, and the 65 communes of 2025', async () => {
    const { page, problems, close } = await openPage();
    try {
      const charts: string[] = [];
      page.on('request', (request) => {
        if (/\/echarts-[^/]*\.js$/u.test(request.url())) charts.push(request.url());
      });
      await page.goto('/');
      await signIn(page, 'bantdkt');
      // The charts library is its own chunk, downloaded only when a statistics page opens.
      expect(charts).toEqual([]);
      await page.getByRole('menuitem', { name: 'Thống kê giảm nghèo' }).click();
      await page.waitForURL((url) => url.pathname === '/thong-ke');
      await page.locator('.demo-tag').first().waitFor();
      expect(charts).toHaveLength(1);

      // The trend 2016–2020 against the plan's target path, which ends at the period goal of 11%.
      const trend = page.locator('.trend-section');
      await trend.locator('.trend-table tbody tr.ant-table-row').first().waitFor();
      expect(await trend.innerText()).toContain('còn 11,00% vào năm 2020');
      await trend.locator('.trend-chart canvas').first().waitFor();
      const rows = new Map<number, string[]>();
      for (const row of await trend.locator('.trend-table tbody tr.ant-table-row').all()) {
        const cells = await cellTexts(row);
        rows.set(Number(cells[0]), cells);
      }
      for (const year of [2016, 2017, 2018, 2019, 2020]) expect(rows.has(year)).toBe(true);
      // Calibrated on the published figures: 2017 = 19,07% (± 0,3) under QĐ 59/2015.
      const rate2017 = viNumber(rows.get(2017)![4]!);
      expect(Math.abs(rate2017 - 19.07)).toBeLessThanOrEqual(0.3);
      // The target path starts from the 2016 rate and falls by the required points each year to 2020.
      const path = [2016, 2017, 2018, 2019, 2020].map((y) => viNumber(rows.get(y)![5]!));
      expect(path[0]).toBeCloseTo(viNumber(rows.get(2016)![4]!), 2);
      for (let i = 1; i < path.length; i += 1) expect(path[i]!).toBeLessThan(path[i - 1]!);
      expect(await trend.locator('.goal-progress').innerText()).toContain('năm 2020');

      // The districts ranked for 2017, each judged against its required reduction, coloured.
      const ranking = page.locator('.ranking-section');
      await ranking.locator('.ranking-table tbody tr.ant-table-row').first().waitFor();
      const districtRows = ranking.locator('.ranking-table tbody tr.ant-table-row');
      await expect.poll(() => districtRows.count()).toBe(11);
      const attained = await ranking.locator('.attainment-yes').count();
      const missed = await ranking.locator('.attainment-no').count();
      expect(attained + missed).toBe(11);
      expect(await ranking.locator('.ranking-summary').innerText()).toContain(`${attained}/11 đơn vị`);
      // …and year by year, while districts existed.
      const matrix = page.locator('.attainment-matrix');
      await matrix.locator('tbody tr.ant-table-row').first().waitFor();
      expect(await matrix.locator('thead').innerText()).toContain('2020');
      expect(await matrix.locator('.attainment-yes, .attainment-no').count()).toBeGreaterThanOrEqual(11 * 4);

      // The map of 2017, coloured by rate on the 11 districts of the time.
      const map = page.locator('.map-section');
      await map.locator('.rate-map[data-layer="districts-2019"][data-areas="11"] canvas').first().waitFor();
      await map.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('stats-overview-2017'), fullPage: true });

      // The same year re-shown on the 65 communes of 2025, through their villages.
      await map.getByRole('switch', { name: 'Hiển thị trên 65 xã, phường năm 2025' }).click();
      await map.locator('.rate-map[data-layer="communes-2025"][data-areas="65"] canvas').first().waitFor();
      expect(await map.locator('.map-table').innerText()).toContain('65 xã, phường');
      expect(await map.innerText()).toContain('Số liệu năm 2017 được tính lại trên 65 xã, phường');
      await map.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('stats-map-65-communes-2017'), fullPage: true });

      // A commune at or above 40% in 2016 had to cut 4 points in 2017; its verdict follows from its own figures.
      await ranking.getByText('Cấp xã').click();
      await expect.poll(() => ranking.locator('.ranking-table tbody tr.ant-table-row').count()).toBeGreaterThan(11);
      let checked = 0;
      for (let pageNo = 1; pageNo <= 10 && checked === 0; pageNo += 1) {
        for (const row of await ranking.locator('.ranking-table tbody tr.ant-table-row').all()) {
          const cells = await cellTexts(row);
          const baseline = viNumber(cells[4]!);
          if (!(baseline >= 40)) continue;
          expect(viNumber(cells[6]!)).toBe(4);
          const reduction = cells[7]!.startsWith('tăng') ? -viNumber(cells[7]!) : viNumber(cells[7]!);
          expect(reduction).toBeCloseTo(baseline - viNumber(cells[5]!), 2);
          expect(cells[8]).toBe(reduction >= 4 ? 'Đạt' : 'Không đạt');
          checked += 1;
        }
        const next = ranking.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
        if (checked === 0 && (await next.count()) > 0) await next.click();
        else break;
      }
      expect(checked).toBeGreaterThan(0);

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('drill-down from the province to a district and its communes, and the Alkire–Foster view with contributions adding up to 100%', async () => {
    const { page, problems, close } = await openPage();
    try {
      await page.goto('/thong-ke/don-vi/20?nam=2017');
      await signIn(page, 'bantdkt');
      await page.waitForURL((url) => url.pathname === '/thong-ke/don-vi/20');
      const children = page.locator('.children-table tbody tr.ant-table-row');
      await expect.poll(() => children.count()).toBe(11);
      await children.filter({ hasText: 'Huyện Lộc Bình' }).click();
      await page.waitForURL((url) => url.pathname === '/thong-ke/don-vi/188');
      await page.locator('h2', { hasText: 'Huyện Lộc Bình' }).waitFor();
      await expect.poll(() => page.locator('.children-table tbody tr.ant-table-row').count()).toBeGreaterThan(5);
      expect(await page.locator('.children-table').innerText()).toContain('Thị trấn Lộc Bình');

      await page.getByRole('link', { name: 'Nghèo đa chiều' }).click();
      await page.waitForURL((url) => url.pathname === '/thong-ke/ngheo-da-chieu');
      const total = page.locator('.af-contribution-total');
      await total.waitFor();
      expect(await total.innerText()).toBe('100,00%');
      const h = viNumber(await page.locator('.af-h .ant-statistic-content-value').innerText());
      const a = viNumber(await page.locator('.af-a .ant-statistic-content-value').innerText());
      const m0 = viNumber(await page.locator('.af-m0 .ant-statistic-content-value').innerText());
      expect(h).toBeGreaterThan(0);
      expect(a).toBeGreaterThanOrEqual(30);
      // M0 = H × A (H and A shown in percent, M0 as a ratio rounded to 4 decimals).
      expect(m0).toBeCloseTo((h / 100) * (a / 100), 3);
      const contributions = await page.locator('.af-indicators tbody tr.ant-table-row td:last-child').allInnerTexts();
      expect(contributions.length).toBeGreaterThanOrEqual(10);
      const sum = contributions.map(viNumber).reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.06);
      await page.locator('.af-pie canvas').first().waitFor();
      await page.screenshot({ path: screenshotPath('stats-af-loc-binh-2017'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the public page works without login: rates per commune with their trend, small cells withheld, no household data', async () => {
    const { page, problems, close } = await openPage();
    try {
      await page.goto('/cong-khai');
      const table = page.locator('.public-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/cong-khai');
      expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
      expect(await page.locator('.demo-tag').count()).toBeGreaterThan(0);
      const heading = await page.locator('h2').innerText();
      expect(heading).toMatch(/năm 20\d\d/u);
      expect(await page.getByText('(dưới 5 hộ, không công bố)').count()).toBeGreaterThan(0);
      expect(await table.locator('tbody tr.ant-table-row td:first-child').count()).toBe(30);
      expect(await page.locator('.ant-pagination').innerText()).toContain('65 xã, phường');
      // No household record leaves the server on this page: no household codes, no citizen IDs.
      const body = await page.locator('body').innerText();
      expect(body).not.toMatch(/HN-\d{5}/u);
      expect(body).not.toMatch(/\d{3}\*{5}\d{4}/u);

      // Another year from the selector, then one commune's trend.
      await page.getByLabel('Năm công bố').click();
      await page.locator('.ant-select-item-option', { hasText: '2017' }).click();
      await page.locator('h2', { hasText: 'năm 2017' }).waitFor();
      await table.locator('tbody tr.ant-table-row').first().click();
      await page.locator('.public-trend canvas').first().waitFor();
      await page.screenshot({ path: screenshotPath('stats-public-2017'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
