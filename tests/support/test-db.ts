import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { adminUrl, templateDbName, testEngine, urlFor } from './test-db-config.ts';

export interface TestDatabase {
  database: Database;
  engine: 'pglite' | 'postgres';
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, on the engine named by TEST_DB (pglite by default). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const engine = testEngine();
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: null });
    await database.migrate();
    return { database, engine, drop: () => database.close() };
  }
  const name = `chung_tay_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${templateDbName}`);
  await admin.end();
  const database = await openDatabase({ engine: 'postgres', url: urlFor(name) });
  return {
    database,
    engine,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
