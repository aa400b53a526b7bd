// Support for the browser journeys: a built web app, the real server (`chung-tay start`) on a fresh embedded
// database with demo data, and Debian's Chromium driven by playwright-core. Nothing here skips: a missing browser
// or a server that does not start fails the journey with a message that says what to do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDist = path.join(repoRoot, 'dist', 'web');
export const screenshotDir = path.join(repoRoot, 'tests', 'browser', '__screenshots__');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app into dist/web when it is missing or older than its sources (web/ and src/shared/). */
export function ensureWebBuilt(): void {
  const index = path.join(webDist, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'web')),
    newestMtime(path.join(repoRoot, 'src', 'shared')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build: build as for production.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `Building the web app failed (vite build, exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `chung-tay start` (demo data on a fresh embedded database in a temporary directory) and resolves with its
 * address once it prints "đang chạy tại". DATABASE_URL is removed so the journey never touches a real server.
 */
// A smaller demo registry than the quick start's 20,000 households keeps the journeys fast; the calibration holds at
// any size.
/**
 * The real server on a fresh embedded database with the demo data. Loading the demo takes a minute or more, so the
 * browser tier loads it once (tests/support/browser-global-setup.ts) and each journey starts on its own copy of that
 * data directory; without the prepared copy (a journey run some other way) it loads the demo itself.
 */
export async function startDemoServer(timeoutMs = 600_000, households = 4000): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-browser-'));
  const template = preparedDemoDir(households);
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  return launchServer(dataDir, timeoutMs, households, true);
}

/** Loads the demo into a new data directory, stops the server cleanly and returns the directory (kept). */
export async function createDemoTemplate(households = 4000, timeoutMs = 900_000): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-demo-template-'));
  const server = await launchServer(dataDir, timeoutMs, households, false);
  await server.stop();
  // A clean stop releases the data-directory lock; a copy must not carry one.
  fs.rmSync(path.join(dataDir, 'chung-tay.lock'), { force: true });
  return dataDir;
}

/** The directory prepared by the browser tier's global setup, when it holds the same number of demo households. */
function preparedDemoDir(households: number): string | null {
  const dir = process.env.CHUNG_TAY_DEMO_TEMPLATE_DIR;
  const count = Number(process.env.CHUNG_TAY_DEMO_TEMPLATE_HOUSEHOLDS);
  return dir && count === households && fs.existsSync(dir) ? dir : null;
}

async function launchServer(dataDir: string, timeoutMs: number, households: number, removeOnStop: boolean): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHUNG_TAY_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    CHUNG_TAY_WEB_DIST: webDist,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'chung-tay.js'), 'start', '--households', String(households)], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () => stopServer(child, removeOnStop ? dataDir : null);
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `The server did not start within ${timeoutMs / 1000} s. Output:\n${output.slice(-4000)}`,
            ),
          ),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /đang chạy tại (http:\/\/\S+)/u.exec(output);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1].replace('localhost', '127.0.0.1'));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `The server exited (code ${String(code)}) before it was ready. Output:\n${output.slice(-4000)}`,
          ),
        );
      });
    });
    return { baseUrl, stop };
  } catch (error) {
    await stopServer(child, dataDir);
    throw error;
  }
}

async function stopServer(child: ChildProcess, dataDir: string | null): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Debian's Chromium (apt-get install chromium), or the binary named by CHROMIUM_PATH. Missing → a failing test. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. The browser journeys need it: install Debian's package ` +
        '(apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary. This test never skips.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${name}.png`);
}
