import path from 'node:path';
import type { Db } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import type { TimelinessSource } from './timeliness-source.ts';

export interface EmulationDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  /** Where evidence files are stored (see resolveFilesDir). */
  filesDir: string;
  /** Report timeliness for criteria 2.2/3.2, from the reports module when it exists. */
  timeliness?: TimelinessSource;
  /** Largest evidence file accepted, in bytes (default 10 MB). */
  maxFileBytes?: number;
}

/** CHUNG_TAY_FILES_DIR, else <CHUNG_TAY_DATA_DIR or ./data>/files. */
export function resolveFilesDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.CHUNG_TAY_FILES_DIR) return path.resolve(cwd, env.CHUNG_TAY_FILES_DIR);
  return path.resolve(cwd, env.CHUNG_TAY_DATA_DIR ?? 'data', 'files');
}

/** The date the round's structure is read on: the units in force at the end of its year. */
export function roundDate(round: { year: number }): string {
  return `${round.year}-12-31`;
}
