// Browser journeys of award nominations (issue 7): the district officer's batch editor shows each nominee's eligibility
// checklist and refuses to send a batch with a household that has not held its escape 3 years; the board appraises a
// department's batch within its time limit, the council enters attendance and votes against the 80% threshold, the
// board records the decision and the awardee appears in the award registry (searched without accents); the public
// comments on a Huân chương list without logging in. Real server on a fresh embedded database with the demo data.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toVietnamDate } from '../../src/shared/clock.ts';
import { formatDate } from '../../src/shared/vi-format.ts';
import { screenshotPath } from '../support/browser.ts';
import { signIn as signInAs, useJourneyEnvironment } from '../support/journey.ts';

const { openPage } = useJourneyEnvironment();

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await signInAs(page, username);
}

async function fillDate(page: Page, label: string, iso: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(formatDate(iso));
  await input.press('Enter');
}

const today = toVietnamDate(new Date());
let departmentBatchUrl = '';

describe('award nomination journeys in Chromium', () => {
  it('the district officer sees each nominee’s checklist; a household without 3 years of stable escape blocks the batch, with the reason', async () => {
    const { page, problems, close } = await openPage();
    try {
      await signIn(page, 'huyen.locbinh');
      await page.getByRole('menuitem', { name: 'Hồ sơ đề nghị khen thưởng' }).click();
      await page.getByRole('link', { name: /Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh - Tổng kết 2020/u }).first().click();
      await page.locator('.eligibility-checklist').first().waitFor();
      expect(await page.locator('.eligibility-checklist').count()).toBeGreaterThanOrEqual(3);
      const text = await page.locator('main, .ant-layout-content').first().innerText();
      expect(text).toContain('Thoát nghèo ổn định từ 3 năm trở lên (tiêu chí 5b.3)');
      expect(text).toContain('Không có nợ quá hạn vốn vay Ngân hàng Chính sách xã hội (tiêu chí 5b.4)');
      expect(text).toContain('Thị trấn Lộc Bình');
      const blocked = page.locator('tr.nominee-blocked');
      expect(await blocked.count()).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/chưa đủ 3 năm thoát nghèo ổn định|chưa thoát nghèo hoặc đã tái nghèo/u);
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await page.locator('.ant-message').getByText(/Chưa thể gửi hồ sơ đề nghị khen thưởng của Huyện Lộc Bình/u).waitFor();
      await page.screenshot({ path: screenshotPath('awards-batch-editor'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the board appraises a department’s batch within its 15-day limit', async () => {
    const { page, problems, close } = await openPage();
    try {
      await signIn(page, 'bantdkt');
      await page.getByRole('menuitem', { name: 'Thẩm định, Hội đồng' }).click();
      const waiting = page.locator('.ant-card').filter({ hasText: 'Chờ thẩm định' });
      await waiting.getByText('Sở Lao động - Thương binh và Xã hội').waitFor();
      expect(await waiting.innerText()).toMatch(/Còn 15 ngày \(hạn \d{2}\/\d{2}\/\d{4}\)/u);
      await page.screenshot({ path: screenshotPath('awards-queue'), fullPage: true });
      await waiting.getByRole('link').first().click();
      await page.getByRole('button', { name: 'Thẩm định đạt' }).click();
      await page.locator('.ant-tag').getByText('Đã thẩm định', { exact: true }).waitFor();
      departmentBatchUrl = new URL(page.url()).pathname;
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the council enters attendance and votes; each result is shown against the 80% threshold', async () => {
    const { page, problems, close } = await openPage();
    try {
      expect(departmentBatchUrl).not.toBe('');
      await signIn(page, 'hoidong');
      await page.goto(departmentBatchUrl);
      await page.getByRole('button', { name: 'Họp Hội đồng, biểu quyết' }).click();
      await page.getByText('Biểu quyết (ngưỡng: từ 80% tổng số thành viên đồng ý)').waitFor();
      await fillDate(page, 'Ngày họp', today);
      const total = page.getByLabel('Tổng số thành viên');
      await total.fill('10');
      await page.getByLabel('Chủ trì').fill('Hồ Tiến Thiệu');
      await page.getByLabel('Thư ký').fill('Đoàn Thu Hà');
      await page.getByLabel('Thành viên có mặt').fill(['Hồ Tiến Thiệu', 'Đoàn Thu Hà', 'Lương Văn Hùng', 'Vi Thị Lan', 'Hoàng Văn Tâm', 'Lăng Thị Nga', 'Mã Văn Sơn', 'Chu Thị Liên', 'Dương Văn Bảo'].join('\n'));
      const agree = page.getByLabel('Đồng ý Sở Lao động - Thương binh và Xã hội', { exact: true });
      await agree.fill('7');
      await page.locator('.vote-result').getByText(/7\/10 thành viên đồng ý \(70%\), chưa đạt ngưỡng 80%/u).waitFor();
      await agree.fill('8');
      await page.locator('.vote-result').getByText(/8\/10 thành viên đồng ý \(80%\), đạt ngưỡng 80%/u).waitFor();
      await page.getByLabel('Không đồng ý Sở Lao động - Thương binh và Xã hội', { exact: true }).fill('1');
      await page.screenshot({ path: screenshotPath('awards-council'), fullPage: true });
      await page.getByRole('button', { name: 'Ghi kết quả họp Hội đồng' }).click();
      await page.locator('.ant-tag').getByText('Hội đồng đã biểu quyết', { exact: true }).waitFor();
      expect(await page.locator('.ant-table').first().innerText()).toContain('8 phiếu (80%)');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the board records the decision; the awardee is in the registry, found without accents', async () => {
    const { page, problems, close } = await openPage();
    try {
      await signIn(page, 'bantdkt');
      await page.goto(departmentBatchUrl);
      await page.getByLabel('Số quyết định').fill('1080/QĐ-UBND');
      await fillDate(page, 'Ngày', today);
      await page.getByLabel('Người ký').fill('Hồ Tiến Thiệu');
      await page.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.locator('.ant-tag').getByText('Đã có quyết định khen thưởng', { exact: true }).waitFor();
      await page.getByRole('menuitem', { name: 'Sổ khen thưởng' }).click();
      await page.getByLabel('Tìm trong sổ khen thưởng').fill('so lao dong thuong binh');
      const row = page.locator('.ant-table-row').filter({ hasText: 'Sở Lao động - Thương binh và Xã hội' });
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(cells).toContain('Tổng kết 2020');
      expect(cells).toContain(`1080/QĐ-UBND ngày ${formatDate(today)}`);
      expect(cells).toContain('DỮ LIỆU MẪU');
      await page.screenshot({ path: screenshotPath('awards-registry'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the public reads the Huân chương list without logging in and sends a comment', async () => {
    const { page, problems, close } = await openPage();
    try {
      await page.goto('/cong-khai/khen-thuong');
      const card = page.locator('.ant-card').filter({ hasText: 'Huân chương Lao động hạng Ba' });
      await card.getByText('Xã Yên Khoái').first().waitFor();
      expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
      expect(await card.innerText()).toContain(`Lấy ý kiến từ ${formatDate(today)}`);
      await card.getByLabel('Họ và tên').fill('Nguyễn Văn An');
      await card.getByLabel('Nội dung ý kiến').fill('Tôi đồng ý đề nghị khen thưởng xã Yên Khoái.');
      await card.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await card.getByText('Ý kiến của bạn đã được ghi nhận').waitFor();
      await page.screenshot({ path: screenshotPath('awards-public'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the board reads the comment with its sender and answers it; the answer is published, the sender is not', async () => {
    const { page, problems, close } = await openPage();
    try {
      await signIn(page, 'bantdkt');
      await page.getByRole('menuitem', { name: 'Thẩm định, Hội đồng' }).click();
      await page.locator('.ant-card').filter({ hasText: 'Đang lấy ý kiến nhân dân' }).getByRole('link').first().click();
      const comment = page.locator('.public-comment').filter({ hasText: 'Nguyễn Văn An' });
      await comment.waitFor();
      await comment.getByLabel('Trả lời ý kiến của Nguyễn Văn An').fill('Ban Thi đua - Khen thưởng ghi nhận ý kiến của ông.');
      await comment.getByRole('button', { name: 'Trả lời' }).click();
      await comment.getByText(/Trả lời \(.*\): Ban Thi đua - Khen thưởng ghi nhận/u).waitFor();
      await page.goto('/cong-khai/khen-thuong');
      const card = page.locator('.ant-card').filter({ hasText: 'Huân chương Lao động hạng Ba' });
      await card.getByText(/Trả lời \(\d{2}\/\d{2}\/\d{4}\): Ban Thi đua - Khen thưởng ghi nhận ý kiến của ông\./u).waitFor();
      expect(await card.innerText()).not.toContain('Nguyễn Văn An');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
