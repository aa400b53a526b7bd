// Browser journey of the poverty registry (issue 3, "Must show"): a commune officer takes Xã Lộc Bình's 2026 review
// round from open to submitted in the browser — lists drafted, the village meeting with its minutes, the public
// posting, complaints settled, the report sent; the provincial poverty office approves; after that, editing a
// household of the round is an amendment ("Đính chính") with its reason, and the round's figures show it.
// Runs the real server (`chung-tay start`) on a fresh embedded database with the demo data, in Debian's Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../src/shared/clock.ts';
import { isWorkingDay } from '../../src/domain/calendar/working-days.ts';
import { screenshotPath } from '../support/browser.ts';
import { signIn, signOut, useJourneyEnvironment } from '../support/journey.ts';

const locBinh = '06529';

const { openPage } = useJourneyEnvironment();

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** dd/MM/yyyy, as officers type dates. */
function vi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The procedure's dates, counted back from today: the meeting on a working day at least 8 days ago, the posting from
 * the next day for at least 3 working days (TT 17/2016), over before today so complaints can be closed.
 */
function procedureDates(today: string): { meeting: string; postFrom: string; postTo: string } {
  let meeting = addDays(today, -8);
  while (!isWorkingDay(meeting)) meeting = addDays(meeting, -1);
  const postFrom = addDays(meeting, 1);
  let postTo = postFrom;
  let workingDays = isWorkingDay(postFrom) ? 1 : 0;
  while (workingDays < 3) {
    postTo = addDays(postTo, 1);
    if (isWorkingDay(postTo)) workingDays += 1;
  }
  if (postTo >= today) throw new Error(`posting would end ${postTo}, not before today ${today}`);
  return { meeting, postFrom, postTo };
}

/** antd's date picker takes a typed dd/MM/yyyy date on Enter. */
async function typeDate(page: Page, label: string, iso: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vi(iso));
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(vi(iso));
}

async function waitForState(page: Page, label: string): Promise<void> {
  await page.locator('.round-state', { hasText: label }).waitFor();
}

/** The figure under a Statistic title in the round's figures card, as a number ("1.234" → 1234). */
async function figure(page: Page, cls: string): Promise<number> {
  const text = await page.locator(`.round-figures .${cls} .ant-statistic-content-value`).innerText();
  return Number(text.replace(/\D/gu, ''));
}

describe('poverty registry journey in Chromium', () => {
  it('Xã Lộc Bình takes its 2026 round from open to submitted, the province approves, and a later edit is an amendment', async () => {
    const { page, problems, close } = await openPage();
    const today = systemClock.today();
    const dates = procedureDates(today);
    try {
      // The commune officer goes from the list of rounds to their own commune in the open 2026 round.
      await page.goto('/ky-ra-soat');
      await signIn(page, 'xa.locbinh');
      await page.getByRole('button', { name: 'Xã Lộc Bình – kỳ 2026' }).click();
      await page.waitForURL((url) => url.pathname === `/ky-ra-soat/2026/xa/${locBinh}`);
      await waitForState(page, 'Mới mở kỳ rà soát');
      expect(await page.locator('.round-missing').innerText()).toContain('Chưa lập danh sách hộ theo thôn.');
      expect(await page.locator('.demo-tag').count()).toBeGreaterThan(0);

      // 1. Lists per village, drafted from the 2025 results.
      await page.getByRole('button', { name: 'Lập danh sách hộ theo thôn' }).click();
      await waitForState(page, 'Đã lập danh sách theo thôn');
      await expect.poll(() => figure(page, 'figure-poor')).toBeGreaterThan(0);

      // 2. The village meeting with its minutes.
      await typeDate(page, 'Ngày họp', dates.meeting);
      await page.getByLabel('Số người dự họp').fill('86');
      await page.getByLabel('Người chủ trì').fill('Ông Hoàng Văn Thắng, Chủ tịch UBND xã');
      const minutes = 'Họp dân bình xét danh sách hộ nghèo, hộ cận nghèo năm 2026; 86/92 đại biểu có mặt; thống nhất 100% danh sách dự kiến.';
      await page.getByLabel('Nội dung biên bản').fill(minutes);
      await page.getByRole('button', { name: 'Ghi biên bản họp' }).click();
      await waitForState(page, 'Đã họp dân bình xét');
      const meeting = await page.locator('.step-meeting').innerText();
      expect(meeting).toContain(vi(dates.meeting));
      expect(meeting).toContain('86');
      expect(meeting).toContain('Ông Hoàng Văn Thắng');
      expect(meeting).toContain(minutes);

      // 3. Public posting from the day after the meeting, at least 3 working days, over before today.
      await typeDate(page, 'Niêm yết từ ngày', dates.postFrom);
      await typeDate(page, 'Đến ngày', dates.postTo);
      await page.getByLabel('Nơi niêm yết').fill('Nhà văn hoá các thôn và trụ sở UBND xã Lộc Bình');
      await page.getByRole('button', { name: 'Ghi niêm yết' }).click();
      await waitForState(page, 'Đã niêm yết công khai');
      expect(await page.locator('.step-posting').innerText()).toContain(`Niêm yết từ ${vi(dates.postFrom)} đến ${vi(dates.postTo)}`);

      // 4. No complaints were received: the step is closed with none.
      await page.getByRole('button', { name: 'Kết thúc: không có khiếu nại' }).click();
      await waitForState(page, 'Đã giải quyết khiếu nại');
      expect(await page.locator('.round-steps').innerText()).toContain('Không có khiếu nại, kiến nghị nào.');

      // 5. The commune reports to the province (no district level since 01/07/2025).
      await page.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await waitForState(page, 'Xã đã báo cáo');
      // The commune cannot approve its own report: the province's buttons are not shown to it.
      expect(await page.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
      await page.screenshot({ path: screenshotPath('registry-commune-submitted'), fullPage: true });

      // The provincial poverty office approves the commune's result.
      await signOut(page);
      // It finds the commune in the round's list of communes (searched without accents), with its state.
      await page.goto('/ky-ra-soat');
      await signIn(page, 'giamngheo');
      const communes = page.locator('.round-communes');
      await communes.locator('tr.ant-table-row').first().waitFor();
      await communes.getByLabel('Tìm xã trong kỳ').fill('loc binh');
      const communeRow = communes.locator('tr.ant-table-row', { hasText: 'Xã Lộc Bình' });
      await expect.poll(() => communeRow.innerText()).toContain('Xã đã báo cáo');
      await communeRow.getByRole('link', { name: 'Xã Lộc Bình' }).click();
      await page.waitForURL((url) => url.pathname === `/ky-ra-soat/2026/xa/${locBinh}`);
      await waitForState(page, 'Xã đã báo cáo');
      await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await waitForState(page, 'Tỉnh đã phê duyệt');
      await page.screenshot({ path: screenshotPath('registry-province-approved'), fullPage: true });
      await signOut(page);

      // Back to the commune: the result is approved, so an edit is an amendment with a reason.
      await signIn(page, 'xa.locbinh');
      await page.goto(`/ky-ra-soat/2026/xa/${locBinh}`);
      await waitForState(page, 'Tỉnh đã phê duyệt');
      const poorBefore = await figure(page, 'figure-poor');
      expect(await figure(page, 'figure-amendments')).toBe(0);

      // A household that is not poor in the round, whose record the officer can open.
      const listed = await page.request.get(`/api/households?unitCode=${locBinh}&roundYear=2026&category=not_poor&limit=40`);
      expect(listed.ok()).toBe(true);
      const candidates = ((await listed.json()) as { rows: { id: string; code: string; area: string }[] }).rows;
      let chosen: { id: string; code: string; area: string } | undefined;
      for (const c of candidates) {
        if ((await page.request.get(`/api/households/${c.id}`)).ok()) {
          chosen = c;
          break;
        }
      }
      if (!chosen) throw new Error('no non-poor household of Xã Lộc Bình could be opened');

      await page.getByLabel('Tìm hộ trong kỳ').fill(chosen.code);
      const row = page.locator('.round-households tr.ant-table-row', { hasText: chosen.code });
      await row.waitFor();
      await page.getByRole('button', { name: `Phiếu B của hộ ${chosen.code}` }).click();
      const editor = page.getByRole('dialog');
      await editor.getByText('Kết quả của xã đã được tỉnh phê duyệt').waitFor();
      // Phiếu B names every indicator of NĐ 07/2021 in Vietnamese.
      expect(await editor.innerText()).toContain('Bảo hiểm y tế');
      // Under NĐ 07/2021 an income at or below the line makes a household poor with 3 or more deprivations: the
      // verification found it below the line and deprived in nutrition, health insurance and employment (Phiếu B2).
      const income = editor.getByLabel('Thu nhập bình quân (đồng/người/tháng)');
      await income.fill('900000');
      for (const indicator of ['Dinh dưỡng', 'Bảo hiểm y tế', 'Việc làm']) {
        const tick = editor.getByLabel(`Đánh dấu thiếu hụt: ${indicator}`, { exact: true });
        if (!(await tick.isChecked())) await tick.check();
      }
      // Without a reason the amendment is refused in the dialog itself.
      await editor.getByRole('button', { name: 'Ghi đính chính' }).click();
      await editor.getByText('hãy ghi rõ lý do đính chính').waitFor();
      await editor.getByLabel('Lý do đính chính (bắt buộc)').fill('Hộ có đơn phản ánh; xác minh lại thu nhập ngày ' + vi(today) + ': mất mùa, thu nhập giảm.');
      await editor.getByRole('button', { name: 'Ghi đính chính' }).click();
      const result = editor.locator('.assessment-result');
      await result.waitFor();
      const resultText = await result.innerText();
      expect(resultText).toContain('Đính chính');
      expect(resultText).toContain('Hộ nghèo');
      expect(resultText).toContain('900.000 đ');
      await page.screenshot({ path: screenshotPath('registry-amendment-result'), fullPage: true });
      await editor.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();

      // The round's figures show the amendment, and one more poor household.
      await expect.poll(() => figure(page, 'figure-amendments')).toBe(1);
      await expect.poll(() => figure(page, 'figure-poor')).toBe(poorBefore + 1);
      await expect.poll(() => row.innerText()).toContain('Đính chính');
      await page.screenshot({ path: screenshotPath('registry-amendment-figures'), fullPage: true });

      // The household's own record flags the amendment with its reason.
      await page.goto(`/ho-gia-dinh/${chosen.id}`);
      const table = page.locator('.assessments-table');
      await table.waitFor();
      const first = await table.locator('tbody tr.ant-table-row').first().innerText();
      expect(first).toContain('2026');
      expect(first).toContain('Đính chính');
      expect(first).toContain('Lý do đính chính: Hộ có đơn phản ánh');
      await page.screenshot({ path: screenshotPath('registry-household-amended'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
