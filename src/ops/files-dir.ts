// Where uploaded files (evidence, imported workbooks) live: one rule, read from the configuration, so that the
// server that writes them and the backup that copies them never disagree.

import type { AppConfig } from '../config.ts';

/**
 * CHUNG_TAY_FILES_DIR when set (relative to the working directory); otherwise `<data dir>/files` for the embedded
 * engine (one folder holds everything) and `./files` for PostgreSQL — see readConfig. A server should set
 * CHUNG_TAY_FILES_DIR explicitly (docs/deploy.md).
 */
export function filesDir(config: Pick<AppConfig, 'uploadsDir'>): string {
  return config.uploadsDir;
}
