// What every browser journey file shares: Chromium and the demo server started once per file, a fresh browser
// context per journey that collects page errors, and signing in and out as a demo user.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchChromium, startDemoServer, type RunningServer } from './browser.ts';

export const demoPassword = 'ChungTay@2026';

export interface JourneyPage {
  page: Page;
  /** page errors and console errors seen so far; a journey asserts there are none */
  problems: string[];
  close(): Promise<void>;
}

/** Starts Chromium and the demo server before the file's journeys and stops them after; returns openPage. */
export function useJourneyEnvironment(): { openPage(): Promise<JourneyPage> } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  // A failed setup (no Chromium, a server that does not start) is reported by every journey as its own failure,
  // so the run shows failed journeys, never skipped ones.
  let setupError: unknown = null;

  beforeAll(async () => {
    try {
      ensureWebBuilt();
      browser = await launchChromium();
      server = await startDemoServer();
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    /** A fresh browser context per journey, in Vietnamese and Vietnam's time zone. */
    async openPage() {
      if (setupError) throw setupError;
      if (!browser || !server) throw new Error('The browser or the server did not start.');
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (msg) => {
        // The browser logs every 401/403 answer as a failed resource; those refusals are what the journeys expect.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
      });
      return { page, problems, close: () => context.close() };
    },
  };
}

/** From the login page the app shows when there is no session. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.waitForURL(/\/dang-nhap/u);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(demoPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/dang-nhap/u);
}
