// Browser journeys of the foundation (issue 2, "Must show"): a commune officer finds their commune with an
// accent-free search and is refused another district's unit in Vietnamese; the provincial emulation board sees the
// tree as of 31/12/2017 (11 district-level units, 226 communes) and as of 01/07/2025 (65 communes under the province,
// each with the old communes merged into it). Runs the real server on a fresh embedded database with demo data.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser.ts';
import { signIn, useJourneyEnvironment } from '../support/journey.ts';

const { openPage } = useJourneyEnvironment();

async function countsText(page: Page, date: string): Promise<string> {
  const counts = page.locator('.unit-counts');
  await counts.getByText(`Tính đến ${date}`).waitFor();
  return (await counts.innerText()).replace(/\s+/gu, ' ');
}

describe('foundation journeys in Chromium', () => {
  it('a commune officer searches "loc binh", sees Lộc Bình marked, and is refused another district\'s commune', async () => {
    const { page, problems, close } = await openPage();
    try {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      // Asking for the unit tree before signing in leads to the login page, then back to the tree.
      await page.goto('/don-vi');
      await signIn(page, 'xa.locbinh');
      await page.waitForURL((url) => url.pathname === '/don-vi');
      // The charts library is only for the statistics pages: the login page and the unit tree never download it.
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((url) => /\/echarts-[^/]*\.js$/u.test(url))).toEqual([]);
      await expect(page.locator('header').innerText()).resolves.toContain('Cán bộ xã Lộc Bình (mẫu)');
      await expect(page.locator('header').innerText()).resolves.toContain(
        'Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau',
      );

      await page.getByLabel('Tìm đơn vị').fill('loc binh');
      const marked = page.locator('.unit-node--match mark.search-match', { hasText: 'Lộc Bình' });
      await marked.first().waitFor();
      expect(await marked.first().innerText()).toBe('Lộc Bình');
      const matchedNode = page.locator('.unit-node--match').first();
      expect(await matchedNode.innerText()).toContain('Xã Lộc Bình');
      // the search went to the server and is kept in the address, so the result can be shared
      expect(new URL(page.url()).searchParams.get('q')).toBe('loc binh');
      // the province above the officer's commune is context only: grey, and not a link
      const province = page.locator('.unit-node--context', { hasText: 'Tỉnh Lạng Sơn' });
      await province.waitFor();
      expect(await province.locator('a').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('foundation-commune-officer-search'), fullPage: true });

      // Xã Đoàn Kết (06001) lies in Tràng Định, another district: opening it by address is refused in Vietnamese.
      await page.goto('/don-vi/06001');
      await page.getByText('Không có quyền truy cập').waitFor();
      expect(await page.getByText('Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.').count()).toBe(1);
      expect(await page.getByText('Xã Đoàn Kết').count()).toBe(0);
      await page.getByRole('button', { name: 'Về cây đơn vị hành chính' }).waitFor();
      await page.screenshot({ path: screenshotPath('foundation-commune-officer-refused'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the provincial emulation board sees 11 districts and 226 communes on 31/12/2017, and 65 merged communes on 01/07/2025', async () => {
    const { page, problems, close } = await openPage();
    try {
      await page.goto('/');
      await signIn(page, 'bantdkt');
      await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();

      await page.getByRole('button', { name: '31/12/2017' }).click();
      const in2017 = await countsText(page, '31/12/2017');
      expect(in2017).toContain('11 đơn vị cấp huyện');
      expect(in2017).toContain('226 đơn vị cấp xã');
      await expect
        .poll(() => page.locator('.unit-tree [data-level="district"]').count(), { timeout: 30_000 })
        .toBe(11);
      await page.screenshot({ path: screenshotPath('foundation-board-2017'), fullPage: true });

      await page.getByRole('button', { name: '01/07/2025' }).click();
      const in2025 = await countsText(page, '01/07/2025');
      expect(in2025).toContain('65 đơn vị cấp xã trực thuộc tỉnh');
      expect(in2025).not.toContain('cấp huyện,');
      await expect
        .poll(() => page.locator('.unit-tree [data-level="commune"]').count(), { timeout: 30_000 })
        .toBe(65);
      expect(await page.locator('.unit-tree [data-level="district"]').count()).toBe(0);
      // every one of the 65 communes shows the old communes merged into it
      expect(await page.locator('.unit-tree [data-level="commune"] .unit-predecessors').count()).toBe(65);
      const locBinh = page.locator('.unit-tree [data-level="commune"]', { hasText: 'Xã Lộc Bình' });
      const locBinhText = await locBinh.innerText();
      for (const old of ['Thị trấn Lộc Bình', 'Xã Đồng Bục', 'Xã Hữu Khánh', 'Xã Khánh Xuân', 'nhập toàn bộ'])
        expect(locBinhText).toContain(old);
      await page.screenshot({ path: screenshotPath('foundation-board-2025'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
