import path from 'node:path';
import type { DatabaseTarget } from './db/client.ts';

// All configuration comes from environment variables; docs/deploy.md documents each one.
export interface AppConfig {
  database: DatabaseTarget;
  host: string;
  port: number;
  /** 'auto': Secure cookies when the request came over HTTPS (directly or via a proxy that says so). */
  cookieSecure: 'auto' | boolean;
  sessionTtlHours: number;
  trustProxy: boolean;
  provinceCode: string;
  provinceName: string;
  webDistDir: string;
  /** where uploaded files (imports, evidence) are kept */
  uploadsDir: string;
  maxUploadBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const database: DatabaseTarget = env.DATABASE_URL
    ? { engine: 'postgres', url: env.DATABASE_URL, readUrl: env.DATABASE_READ_URL || null }
    : { engine: 'pglite', dataDir: path.resolve(cwd, env.CHUNG_TAY_DATA_DIR ?? 'data') };
  const secure = env.COOKIE_SECURE ?? 'auto';
  return {
    database,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    cookieSecure: secure === 'auto' ? 'auto' : secure === 'true' || secure === '1',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 8),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    provinceCode: env.CHUNG_TAY_PROVINCE_CODE ?? '20',
    provinceName: env.CHUNG_TAY_PROVINCE_NAME ?? 'Tỉnh Lạng Sơn',
    webDistDir: path.resolve(cwd, env.CHUNG_TAY_WEB_DIST ?? 'dist/web'),
    uploadsDir: path.resolve(
      cwd,
      env.CHUNG_TAY_FILES_DIR ?? (database.engine === 'pglite' && database.dataDir ? path.join(database.dataDir, 'files') : 'files'),
    ),
    maxUploadBytes: Number(env.CHUNG_TAY_MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
  };
}
