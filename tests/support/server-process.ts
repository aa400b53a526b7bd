// A real Chung Tay server in its own process (`node src/cli/main.ts serve`), as a province runs it, for the crash
// tests: started on a free port, spoken to over HTTP, killed with SIGKILL or stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the server printed so far. */
  output(): { out: string; err: string };
  /** Resolves when a line matching the pattern has been printed (rejects if the server exits first). */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL, and wait until the process is gone. Returns the signal it died of. */
  kill(): Promise<NodeJS.Signals | null>;
  /** SIGTERM (graceful stop: closes the database and releases the data-directory lock). */
  stop(): Promise<void>;
}

/** Starts the server; `probe` loads tests/support/crash-probe.ts with that setting. */
export async function startServerProcess(env: NodeJS.ProcessEnv, probe?: { match: string; hit: number; holdMs: number }): Promise<ServerProcess> {
  const args = [
    ...(probe ? ['--import', path.join(root, 'tests/support/crash-probe.ts')] : []),
    path.join(root, 'src/cli/main.ts'),
    'serve',
  ];
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    ...(probe ? { CHUNG_TAY_CRASH_PROBE: JSON.stringify(probe) } : {}),
  };
  if (!probe) delete childEnv.CHUNG_TAY_CRASH_PROBE;
  const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // Never outlive the test process, whatever happens to it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  void exited.then(() => process.off('exit', orphan));

  const printed = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}\n${err}`)), timeoutMs);
      const check = () => {
        if (pattern.test(out)) finish();
      };
      const onExit = () => finish(new Error(`server exited before printing ${pattern}:\n${out}\n${err}`));
      function finish(error?: Error) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      }
      child.stdout!.on('data', check);
      child.once('exit', onExit);
      check();
    });

  await printed(/Chung Tay đang chạy tại http:\/\/localhost:\d+/u);
  const port = /Chung Tay đang chạy tại http:\/\/localhost:(\d+)/u.exec(out)![1];
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => ({ out, err }),
    printed,
    async kill() {
      child.kill('SIGKILL');
      return (await exited).signal;
    },
    async stop() {
      child.kill('SIGTERM');
      const { code } = await exited;
      if (code !== 0) throw new Error(`server stopped with code ${code}:\n${err}`);
    },
  };
}

/** A signed-in officer talking to a server over HTTP; the session lives in the database, so it survives a restart. */
export interface HttpOfficer {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown; text: string }>;
  baseUrl: string;
}

export async function signInOver(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export function officerAt(baseUrl: string, session: { cookie: string; csrf: string }): HttpOfficer {
  return {
    baseUrl,
    async request(method, url, body, headers = {}) {
      const isBuffer = Buffer.isBuffer(body);
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(body !== undefined && !isBuffer ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isBuffer ? new Uint8Array(body) : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, text };
    },
  };
}
