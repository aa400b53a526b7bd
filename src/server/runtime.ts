import { openDatabase, type Database } from '../db/client.ts';
import type { AppConfig } from '../config.ts';
import { systemClock, randomIds } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import { seedReferenceData } from '../seed/seed-reference.ts';
import { seedPlan165Campaign } from '../seed/plan-165.ts';
import { seedReferenceReportTemplates } from '../seed/seed-report-templates.ts';
import { loggingOptions } from '../ops/logging.ts';
import { readOpsConfig } from '../ops/ops-config.ts';

/** Opens the configured database (taking the data-directory lock for the embedded engine) and migrates it. */
export async function openAppDatabase(config: AppConfig): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    await seedReferenceData(database.db, { clock: systemClock, ids: randomIds, provinceCode: config.provinceCode });
    // The plan itself (165/KH-UBND, 2017) is reference data, not demo: its campaign, criteria and rounds are seeded once.
    await seedPlan165Campaign(database.db, { clock: systemClock, ids: randomIds, provinceCode: config.provinceCode });
    // The official report templates (TT 17/2016 review results, plan 165 §V movement report), keyed by fixed ids.
    await seedReferenceReportTemplates(database.db, { clock: systemClock, provinceCode: config.provinceCode });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function startServer(config: AppConfig, database: Database, log: (line: string) => void): Promise<() => Promise<void>> {
  const ops = readOpsConfig();
  const { app } = await buildApp({
    database,
    clock: systemClock,
    ids: randomIds,
    config,
    logging: loggingOptions({ level: ops.logLevel, ids: randomIds }),
    ops,
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const engine = database.engine === 'pglite' ? `CSDL nhúng (PGlite) tại ${config.database.engine === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL';
  log(`Chung Tay đang chạy tại ${address.replace('127.0.0.1', 'localhost')}  —  ${engine}`);
  log(`Tài liệu API: ${address.replace('127.0.0.1', 'localhost')}/docs`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return stop;
}
