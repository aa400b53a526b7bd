// Browser journey of the reports up the hierarchy (issue 6, UI): the provincial emulation board issues a 6-monthly
// report request to every commune; Xã Lộc Bình finds it in its inbox, sees its figures pre-filled from the registry
// with their source, fills the support table and writes the narrative, and sends it; the board returns it with a
// reason, the commune corrects and sends it again; the board approves it from its queue; a later amendment of a
// household shows on the approved report as "changed since approval"; the timeliness board shows the commune on time
// (first sending) and the others not yet due; the consolidated report is edited and downloaded as DOCX and PDF.
// A second journey, dated 2024 when districts existed, shows a district's report waiting for its commune's.
// A third: the board copies an official template, renames it, adds a column and a section, and issues a request with it.
// Real server (`chung-tay start`) on a fresh embedded database with the demo data, in Debian's Chromium.
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemClock } from '../../src/shared/clock.ts';
import { formatFigure } from '../../src/domain/reports/report-figures.ts';
import { daysBetween } from '../../src/domain/reports/timeliness.ts';
import { screenshotPath } from '../support/browser.ts';
import { demoPassword, signIn, signOut, useJourneyEnvironment } from '../support/journey.ts';

const movementTemplate =
  'Báo cáo kết quả thực hiện Phong trào thi đua "Lạng Sơn cùng cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"';
const title = 'Báo cáo sơ kết 6 tháng cuối năm phong trào thi đua "Chung tay vì người nghèo" (thử nghiệm)';

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

/** antd's date picker takes a typed dd/MM/yyyy date on Enter. */
async function typeDate(page: Page, label: string, iso: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vi(iso));
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(vi(iso));
}

/** Picks an option of an antd select by its label (typed first, so long lists are filtered). */
async function choose(page: Page, label: string, option: string, typed?: string): Promise<void> {
  // An optional field's label ends with "(không bắt buộc)": match the label's start.
  const select = page.getByLabel(label);
  await select.click();
  if (typed) await select.fill(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/**
 * As the commune officer, through the API: one poor household of the commune's round of that year is found above the
 * line on verification (an amendment with its reason). The registry journey does the same in the browser.
 */
async function amendOnePoorHousehold(username: string, communeCode: string, year: number): Promise<void> {
  // A browser context of its own (its own session), used only for its API client.
  const context = (await openPage()).page.context();
  try {
    const login = await context.request.post('/api/auth/login', {
      data: { username, password: demoPassword },
    });
    expect(login.ok()).toBe(true);
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const rounds = (await (await context.request.get('/api/rounds')).json()) as {
      id: string;
      year: number;
    }[];
    const round = rounds.find((r) => r.year === year)!;
    const listed = await context.request.get(
      `/api/households?unitCode=${communeCode}&roundYear=${year}&category=poor&limit=40`,
    );
    const rows = ((await listed.json()) as { rows: { id: string }[] }).rows;
    for (const h of rows) {
      const res = await context.request.put(`/api/rounds/${round.id}/households/${h.id}/assessment`, {
        headers,
        data: {
          incomePerCapita: 5_000_000,
          ticked: [],
          amendmentReason: 'Xác minh lại: hộ có thu nhập ổn định từ chăn nuôi.',
        },
      });
      if (res.ok()) {
        expect(((await res.json()) as { category: string }).category).toBe('not_poor');
        return;
      }
    }
    throw new Error(`no poor household of ${communeCode} could be amended in ${year}`);
  } finally {
    await context.close();
  }
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

describe('reports journey in Chromium', () => {
  it('the board asks every commune for a report; Xã Lộc Bình fills and sends it, is returned and sends again; the board approves, sees it on time and downloads the consolidation', async () => {
    const { page, problems, close } = await openPage();
    const today = systemClock.today();
    const deadline = addDays(today, 10);
    try {
      // 1. The provincial emulation board issues the request to every commune in force today.
      await page.goto('/');
      await signIn(page, 'bantdkt');
      await page.getByRole('menuitem', { name: /Báo cáo$/u }).click();
      await page.waitForURL((url) => url.pathname === '/bao-cao');
      await page.getByRole('button', { name: 'Ban hành yêu cầu báo cáo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ban hành yêu cầu báo cáo' });
      await dialog.getByText('Báo cáo 6 tháng').waitFor();
      // The official movement report (plan 165/KH-UBND §V, seeded at start-up, not demo) and the latest round the
      // province has approved are chosen by default.
      await dialog.getByText(movementTemplate).waitFor();
      await dialog.getByText('Năm 2025 (đã khoá sổ)').waitFor();
      await dialog.getByLabel('Tên báo cáo').fill(title);
      await typeDate(page, 'Hạn gửi báo cáo', deadline);
      await dialog.getByRole('checkbox', { name: 'Xã, phường, thị trấn' }).check();
      await dialog.getByRole('button', { name: 'Ban hành' }).click();
      await page.waitForURL(/\/bao-cao\/yeu-cau\/[0-9a-f-]{36}/u);
      await page.locator('.request-title', { hasText: title }).waitFor();
      const requestUrl = new URL(page.url()).pathname;
      const summary = await page.locator('.ant-descriptions').innerText();
      expect(summary).toContain('Báo cáo 6 tháng');
      expect(summary).toContain(vi(deadline));
      expect(summary).toContain('Kỳ rà soát năm 2025');
      // Since 01/07/2025 the province has 65 communes, each reporting straight to it.
      expect(summary).toMatch(/Số đơn vị\s*65/u);
      const tree = page.locator('.approval-tree');
      await tree.locator('tr.ant-table-row', { hasText: 'Xã Lộc Bình' }).waitFor();
      expect(await tree.locator('tr.ant-table-row').count()).toBe(65);
      expect(await page.locator('.report-state', { hasText: 'Đang soạn: 65' }).count()).toBe(1);
      await page.screenshot({ path: screenshotPath('reports-request-issued'), fullPage: true });
      await signOut(page);

      // 2. The commune finds the request in its inbox, with its deadline.
      await page.goto('/bao-cao');
      await signIn(page, 'xa.locbinh');
      const inbox = page.locator('.inbox-to-submit');
      const item = inbox.locator('tr.ant-table-row', { hasText: title });
      await item.waitFor();
      const itemText = await item.innerText();
      expect(itemText).toContain('Xã Lộc Bình');
      expect(itemText).toContain(vi(deadline));
      expect(itemText).toContain('Chưa đến hạn (còn 10 ngày)');
      expect(itemText).toContain('Đang soạn');
      await item.getByRole('link', { name: title }).click();
      await page.waitForURL(/\/bao-cao\/don-vi\/[0-9a-f-]{36}/u);
      const submissionId = new URL(page.url()).pathname.split('/').at(-1)!;

      // Its figures are pre-filled from the registry (the 2025 round) with their source, as the server computed them.
      const figures = page.locator('.report-figures');
      await figures.waitFor();
      expect(await figures.locator('.figures-source').innerText()).toMatch(/Nguồn: .*2025/u);
      const served = (await (await page.request.get(`/api/reports/submissions/${submissionId}`)).json()) as {
        figures: { live: { values: Record<string, number> } };
      };
      const live = served.figures.live.values;
      expect(live.total).toBeGreaterThan(0);
      const figureRow = (label: string) =>
        figures
          .locator('tr.ant-table-row')
          .filter({ has: page.getByRole('cell', { name: label, exact: true }) })
          .innerText();
      expect(await figureRow('Tổng số hộ')).toContain(formatFigure('total', live.total!));
      expect(await figureRow('Số hộ nghèo')).toContain(formatFigure('poor', live.poor!));
      expect(await figureRow('Tỷ lệ hộ nghèo')).toContain(formatFigure('poorRate', live.poorRate!));

      // 3. The commune fills the support table and writes the required narrative, saves and sends.
      await page.getByRole('button', { name: 'Thêm dòng' }).click();
      await page
        .getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Nội dung hỗ trợ, dòng 1')
        .fill('Hỗ trợ bò giống sinh sản');
      await page.getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Số hộ, dòng 1').fill('25');
      await page
        .getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Kinh phí (đồng), dòng 1')
        .fill('250000000');
      const narrative =
        'Xã đã tuyên truyền phong trào đến 100% thôn, bản; hỗ trợ 25 hộ nghèo phát triển chăn nuôi bò sinh sản.';
      await page.getByLabel('Kết quả thực hiện phong trào (bắt buộc)').fill(narrative);
      await page.getByRole('button', { name: 'Lưu nội dung' }).click();
      await page.getByText('Đã lưu nội dung báo cáo.').waitFor();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      const header = page.locator('.submission-header');
      await header.locator('.report-state', { hasText: 'Chờ phê duyệt' }).waitFor();
      expect(await header.innerText()).toContain('Đúng hạn');
      // Sent: the table is read-only and shows the money with thousands dots.
      expect(await page.locator('.report-table').innerText()).toContain('250.000.000');
      expect(await page.getByRole('button', { name: 'Thêm dòng' }).count()).toBe(0);
      // The commune cannot approve its own report.
      expect(await page.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
      await page.screenshot({ path: screenshotPath('reports-commune-submitted'), fullPage: true });
      await signOut(page);

      // 4. The board finds it waiting in its queue and returns it with a reason.
      await page.goto('/bao-cao');
      await signIn(page, 'bantdkt');
      const waiting = page.locator('.inbox-to-review tr.ant-table-row', { hasText: 'Xã Lộc Bình' });
      await waiting.waitFor();
      expect(await waiting.innerText()).toContain('Đúng hạn');
      await waiting.getByRole('link', { name: title }).click();
      await page.waitForURL((url) => url.pathname === requestUrl);
      await page.getByRole('switch', { name: 'Chỉ hiện báo cáo chờ phê duyệt' }).click();
      const queue = page.locator('.approval-tree');
      await expect.poll(() => queue.locator('tr.ant-table-row').count()).toBe(1);
      await page.getByLabel('Chọn báo cáo của Xã Lộc Bình').check();
      await page.getByRole('button', { name: 'Trả lại các báo cáo đã chọn' }).click();
      const returning = page.getByRole('dialog', { name: 'Trả lại 1 báo cáo' });
      const reason = 'Bổ sung kết quả hỗ trợ làm nhà ở cho hộ nghèo trong 6 tháng.';
      await returning.getByLabel('Lý do trả lại, nội dung cần sửa').fill(reason);
      await returning.getByRole('button', { name: 'Trả lại' }).click();
      await page.getByText('Đã trả lại các báo cáo đã chọn.').waitFor();
      await expect.poll(() => queue.locator('tr.ant-table-row').count()).toBe(0);
      await signOut(page);

      // 5. The commune sees the reason, adds the row and sends again.
      await page.goto(`/bao-cao/don-vi/${submissionId}`);
      await signIn(page, 'xa.locbinh');
      await page.locator('.return-comment', { hasText: reason }).waitFor();
      await page.getByRole('button', { name: 'Thêm dòng' }).click();
      await page
        .getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Nội dung hỗ trợ, dòng 2')
        .fill('Hỗ trợ làm nhà ở');
      await page.getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Số hộ, dòng 2').fill('4');
      await page
        .getByLabel('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo: Kinh phí (đồng), dòng 2')
        .fill('160000000');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await header.locator('.report-state', { hasText: 'Chờ phê duyệt' }).waitFor();
      expect(await page.locator('.report-table').innerText()).toContain('160.000.000');
      const history = await page.locator('.report-history').innerText();
      expect(history).toContain('Trả lại');
      expect(history).toContain(reason);
      await signOut(page);

      // 6. The board approves it from its queue.
      await page.goto(requestUrl);
      await signIn(page, 'bantdkt');
      await page.getByRole('switch', { name: 'Chỉ hiện báo cáo chờ phê duyệt' }).click();
      await page.getByLabel('Chọn báo cáo của Xã Lộc Bình').check();
      await page.getByRole('button', { name: 'Phê duyệt các báo cáo đã chọn (1)' }).click();
      await page.locator('.approve-result', { hasText: 'Đã phê duyệt 1 báo cáo.' }).waitFor();
      await page.getByRole('switch', { name: 'Chỉ hiện báo cáo chờ phê duyệt' }).click();
      const approvedRow = queue.locator('tr.ant-table-row', { hasText: 'Xã Lộc Bình' });
      await expect.poll(() => approvedRow.innerText()).toContain('Đã phê duyệt');
      await page.screenshot({ path: screenshotPath('reports-approved'), fullPage: true });

      // After approval the commune amends a poor household of its 2025 round (verified above the line): the approved
      // report keeps its locked figures and shows "changed since approval" with the difference.
      await amendOnePoorHousehold('xa.locbinh', '06529', 2025);
      await page.reload();
      await expect.poll(() => approvedRow.innerText()).toContain('Số liệu thay đổi sau phê duyệt');
      await approvedRow.getByRole('link', { name: 'Xã Lộc Bình' }).click();
      const changedAlert = page.locator('.changed-since-approval');
      await changedAlert.waitFor();
      expect(await changedAlert.innerText()).toContain('Số hộ nghèo');
      expect(await page.locator('.report-figures thead').innerText()).toContain('Khi phê duyệt');
      const poorRow = page
        .locator('.report-figures tr.ant-table-row')
        .filter({ has: page.getByRole('cell', { name: 'Số hộ nghèo', exact: true }) });
      const poorCells = await poorRow.locator('td').allInnerTexts();
      expect(poorCells[1]).toBe(formatFigure('poor', live.poor!));
      expect(poorCells[2]).toBe(formatFigure('poor', live.poor! - 1));
      await page.screenshot({ path: screenshotPath('reports-changed-since-approval'), fullPage: true });
      await page.goto(requestUrl);

      // 7. The timeliness board: the commune on time (its first sending), the 64 others not yet due.
      await page.getByRole('tab', { name: 'Thời hạn gửi báo cáo' }).click();
      const board = page.locator('.timeliness-board');
      await board.locator('.timeliness-table tr.ant-table-row').first().waitFor();
      expect(await board.locator('.timeliness-count--on_time').innerText()).toContain('1');
      expect(await board.locator('.timeliness-count--pending').innerText()).toContain('64');
      expect(await board.locator('.timeliness-count--late').innerText()).toContain('0');
      const onTime = board.locator('.timeliness-table tr.ant-table-row', { hasText: 'Xã Lộc Bình' });
      const onTimeText = await onTime.innerText();
      expect(onTimeText).toContain('Đúng hạn');
      expect(onTimeText).toContain(vi(deadline));
      expect(onTimeText).toContain(vi(today));
      await page.screenshot({ path: screenshotPath('reports-timeliness'), fullPage: true });

      // 8. The consolidation: 1 of 65 approved, the narrative drafted from the figures, edited, saved, downloaded.
      await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
      const consolidation = page.locator('.consolidation');
      await consolidation.locator('.consolidation-summary').waitFor();
      expect(await consolidation.locator('.consolidation-summary').innerText()).toContain('1/65');
      expect(await consolidation.locator('.consolidation-rows').innerText()).toContain('Xã Lộc Bình');
      const text = consolidation.getByLabel('Nội dung báo cáo tổng hợp');
      expect((await text.inputValue()).length).toBeGreaterThan(50);
      const added = 'Ban Thi đua - Khen thưởng tỉnh tiếp tục đôn đốc các xã, phường chưa gửi báo cáo.';
      await text.fill(`${await text.inputValue()}\n\n${added}`);
      await consolidation.getByLabel('Họ tên người ký').fill('Hoàng Văn Thử');
      await consolidation.getByRole('button', { name: 'Lưu báo cáo tổng hợp' }).click();
      await page.getByText('Đã lưu báo cáo tổng hợp.').waitFor();
      await consolidation.getByText('Đã biên tập').waitFor();

      const docx = await download(page, 'Tải báo cáo (DOCX)');
      expect(docx.name).toMatch(/\.docx$/u);
      const zip = await JSZip.loadAsync(docx.bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain(added);
      expect(xml).toContain('Hoàng Văn Thử');
      expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const pdf = await download(page, 'Tải bản công bố (PDF)');
      expect(pdf.name).toMatch(/\.pdf$/u);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.screenshot({ path: screenshotPath('reports-consolidation'), fullPage: true });

      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
  it('in 2024 a district report waits for its commune: the province cannot approve Huyện Lộc Bình first; both are late, and shown so', async () => {
    const { page, problems, close } = await openPage();
    const today = systemClock.today();
    const issued = '2024-06-01';
    const deadline = '2024-06-14';
    const late = `Chậm ${daysBetween(deadline, today)} ngày`;
    const title2024 = 'Báo cáo sơ kết 6 tháng đầu năm 2024 phong trào thi đua (thử nghiệm)';
    try {
      // The board issues, dated 01/06/2024 when districts still existed, to Huyện Lộc Bình and its Thị trấn Lộc Bình.
      await page.goto('/bao-cao');
      await signIn(page, 'bantdkt');
      await page.getByRole('button', { name: 'Ban hành yêu cầu báo cáo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ban hành yêu cầu báo cáo' });
      await dialog.getByLabel('Tên báo cáo').fill(title2024);
      await typeDate(page, 'Ngày ban hành', issued);
      await typeDate(page, 'Hạn gửi báo cáo', deadline);
      await choose(page, 'Số liệu của kỳ rà soát năm', 'Năm 2023 (đã khoá sổ)');
      await choose(page, 'Hoặc chọn từng đơn vị', 'Huyện Lộc Bình', 'loc binh');
      await choose(page, 'Hoặc chọn từng đơn vị', 'Thị trấn Lộc Bình (Huyện Lộc Bình)', 'thi tran loc binh');
      await dialog.getByRole('button', { name: 'Ban hành' }).click();
      await page.locator('.request-title', { hasText: title2024 }).waitFor();
      const requestUrl = new URL(page.url()).pathname;
      // The commune's report sits under its district's, which waits for it.
      const district = page.locator('.approval-tree tr.ant-table-row', { hasText: 'Huyện Lộc Bình' }).first();
      await district.waitFor();
      expect(await district.innerText()).toContain('Chờ cấp dưới: 0/1 đã phê duyệt');
      expect(
        await page
          .locator('.approval-tree tr.ant-table-row-level-1', { hasText: 'Thị trấn Lộc Bình' })
          .count(),
      ).toBe(1);
      await signOut(page);

      // The district writes and sends its report, long after the deadline.
      await page.goto('/bao-cao');
      await signIn(page, 'huyen.locbinh');
      const item = page.locator('.inbox-to-submit tr.ant-table-row', { hasText: title2024 });
      await item.waitFor();
      expect(await item.innerText()).toContain('Đã quá hạn gửi báo cáo');
      expect(await item.innerText()).toContain('Huyện Lộc Bình');
      await item.getByRole('link', { name: title2024 }).click();
      await page.locator('.report-children', { hasText: 'Thị trấn Lộc Bình' }).waitFor();
      expect(await page.locator('.report-children').innerText()).toContain(
        'chỉ được phê duyệt sau khi 1 báo cáo cấp dưới đã được phê duyệt',
      );
      await page
        .getByLabel('Kết quả thực hiện phong trào (bắt buộc)')
        .fill('Huyện đã tổ chức sơ kết phong trào tại 100% xã, thị trấn.');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await page.locator('.submission-header .report-state', { hasText: 'Chờ phê duyệt' }).waitFor();
      expect(await page.locator('.submission-header').innerText()).toContain(late);
      await signOut(page);

      // The province tries to approve the district first: refused, naming the commune still waiting.
      await page.goto(requestUrl);
      await signIn(page, 'bantdkt');
      await page.getByLabel('Chọn báo cáo của Huyện Lộc Bình').check();
      await page.getByRole('button', { name: 'Phê duyệt các báo cáo đã chọn (1)' }).click();
      const refused = page.locator('.approve-result');
      await refused.waitFor();
      expect(await refused.innerText()).toContain('Đã phê duyệt 0 báo cáo, 1 báo cáo chưa phê duyệt được.');
      expect(await refused.innerText()).toContain('còn 1 xã chưa được phê duyệt: Thị trấn Lộc Bình');
      await page.screenshot({ path: screenshotPath('reports-children-first'), fullPage: true });
      await signOut(page);

      // The commune sends its report; the district approves it.
      await page.goto('/bao-cao');
      await signIn(page, 'xa.locbinh');
      const own = page.locator('.inbox-to-submit tr.ant-table-row', { hasText: title2024 });
      await own.getByRole('link', { name: title2024 }).click();
      await page
        .getByLabel('Kết quả thực hiện phong trào (bắt buộc)')
        .fill('Thị trấn đã rà soát, hỗ trợ các hộ nghèo theo kế hoạch.');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await page.locator('.submission-header .report-state', { hasText: 'Chờ phê duyệt' }).waitFor();
      await signOut(page);

      await page.goto('/bao-cao');
      await signIn(page, 'huyen.locbinh');
      const toReview = page.locator('.inbox-to-review tr.ant-table-row', { hasText: 'Thị trấn Lộc Bình' });
      await toReview.getByRole('link', { name: 'Thị trấn Lộc Bình' }).click();
      await page.getByRole('button', { name: /^(check )?Phê duyệt$/u }).click();
      await page.getByRole('button', { name: 'Đồng ý' }).click();
      await page.locator('.submission-header .report-state', { hasText: 'Đã phê duyệt' }).waitFor();
      await signOut(page);

      // Now the province approves the district; the timeliness board shows both late by the same days.
      await page.goto(requestUrl);
      await signIn(page, 'bantdkt');
      await page.getByLabel('Chọn báo cáo của Huyện Lộc Bình').check();
      await page.getByRole('button', { name: 'Phê duyệt các báo cáo đã chọn (1)' }).click();
      await page.locator('.approve-result', { hasText: 'Đã phê duyệt 1 báo cáo.' }).waitFor();
      await expect
        .poll(() =>
          page.locator('.approval-tree tr.ant-table-row', { hasText: 'Huyện Lộc Bình' }).first().innerText(),
        )
        .toContain('Cấp dưới đã phê duyệt đủ (1)');
      await page.getByRole('tab', { name: 'Thời hạn gửi báo cáo' }).click();
      const board = page.locator('.timeliness-board');
      await board.locator('.timeliness-table tr.ant-table-row').first().waitFor();
      expect(await board.locator('.timeliness-count--late').innerText()).toContain('2');
      for (const name of ['Huyện Lộc Bình', 'Thị trấn Lộc Bình']) {
        const row = await board.locator('.timeliness-table tr.ant-table-row', { hasText: name }).innerText();
        expect(row).toContain(late);
        expect(row).toContain('14/06/2024');
      }
      await page.screenshot({ path: screenshotPath('reports-late'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the board copies the official movement template, renames it, adds a column and a section, saves it and issues a request with it', async () => {
    const { page, problems, close } = await openPage();
    const name = 'Báo cáo sơ kết phong trào kèm đề xuất khen thưởng (thử nghiệm)';
    const added = 'Đề xuất khen thưởng tập thể, cá nhân tiêu biểu';
    const requestTitle = 'Báo cáo sơ kết phong trào năm 2025 theo mẫu mới (thử nghiệm)';
    try {
      await page.goto('/');
      await signIn(page, 'bantdkt');
      await page.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
      await page.waitForURL((url) => url.pathname === '/bao-cao/mau-bao-cao');
      const rows = page.locator('.report-templates tr.ant-table-row');
      // The official templates are there without demo data, with their version and whether they are in use.
      const review = rows.filter({ hasText: 'Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm' });
      await review.waitFor();
      expect(await review.innerText()).toMatch(/Mẫu chính thức[\s\S]*Báo cáo năm[\s\S]*1[\s\S]*Chưa dùng/u);
      await review.getByRole('button', { name: 'Xem' }).click();
      const drawer = page.locator('.template-view');
      await drawer.locator('.template-section-view', { hasText: 'Kết quả rà soát hộ nghèo, hộ cận nghèo' }).waitFor();
      expect(await drawer.innerText()).toContain('Thông tư số 17/2016/TT-BLĐTBXH');
      await page.keyboard.press('Escape');

      // Copy the movement report: rename it, add a column to the support table and a new narrative section.
      const movement = rows.filter({ hasText: movementTemplate });
      await movement.getByRole('button', { name: 'Sao chép' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tạo mẫu báo cáo mới từ bản sao' });
      await expect.poll(() => dialog.getByLabel('Tên mẫu báo cáo').inputValue()).toBe(`${movementTemplate} (bản sao)`);
      await dialog.getByLabel('Tên mẫu báo cáo').fill(name);
      expect(await dialog.getByLabel('Tiêu đề phần 3').inputValue()).toBe('Kết quả hỗ trợ hộ nghèo, hộ cận nghèo');
      await dialog.getByRole('button', { name: 'Thêm cột vào phần 3' }).click();
      await dialog.getByLabel('Phần 3, tên cột 4').fill('Ghi chú');
      const sections = await dialog.locator('.template-section').count();
      await dialog.getByRole('button', { name: 'Thêm phần viết' }).click();
      const n = sections + 1;
      await dialog.getByLabel(`Tiêu đề phần ${n}`, { exact: true }).fill(added);
      await dialog.getByLabel(`Hướng dẫn viết phần ${n}`).fill('Tập thể, cá nhân, hộ gia đình tiêu biểu và thành tích.');
      await page.screenshot({ path: screenshotPath('reports-template-copy'), fullPage: true });
      await dialog.getByRole('button', { name: 'Lưu mẫu báo cáo' }).click();
      await page.getByText('Đã lưu mẫu báo cáo mới.').waitFor();
      const copy = rows.filter({ hasText: name });
      await copy.waitFor();
      expect(await copy.innerText()).toMatch(/Mẫu do Ban tạo[\s\S]*Chưa dùng/u);

      // Issue a request with it to Xã Lộc Bình; the commune's report has the new column and section.
      await page.getByRole('menuitem', { name: /Báo cáo$/u }).click();
      await page.waitForURL((url) => url.pathname === '/bao-cao');
      await page.getByRole('button', { name: 'Ban hành yêu cầu báo cáo' }).click();
      const issuing = page.getByRole('dialog', { name: 'Ban hành yêu cầu báo cáo' });
      await issuing.getByText(movementTemplate).waitFor();
      await choose(page, 'Mẫu báo cáo', name);
      await issuing.getByText(`Gồm:`, { exact: false }).filter({ hasText: added }).waitFor();
      await issuing.getByLabel('Tên báo cáo').fill(requestTitle);
      await typeDate(page, 'Hạn gửi báo cáo', addDays(systemClock.today(), 20));
      await choose(page, 'Hoặc chọn từng đơn vị', 'Xã Lộc Bình', 'xa loc binh');
      await issuing.getByRole('button', { name: 'Ban hành' }).click();
      await page.locator('.request-title', { hasText: requestTitle }).waitFor();
      expect(await page.locator('.ant-descriptions').innerText()).toContain(name);
      const row = page.locator('.approval-tree tr.ant-table-row', { hasText: 'Xã Lộc Bình' });
      await row.getByRole('link', { name: 'Xã Lộc Bình' }).click();
      await page.waitForURL(/\/bao-cao\/don-vi\/[0-9a-f-]{36}/u);
      await page.getByText(added).first().waitFor();
      expect(await page.locator('.report-table').innerText()).toContain('Ghi chú');

      // Back on the templates page the copy is in use.
      await page.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
      await expect.poll(() => copy.innerText()).toContain('Đang dùng (1 yêu cầu)');
      await page.screenshot({ path: screenshotPath('reports-templates'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
