import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { adminUrl, templateDbName, testEngine, urlFor } from './test-db-config.ts';

/**
 * For PostgreSQL, migrate once into a template database; each test file then gets its own copy
 * (CREATE DATABASE … TEMPLATE …), so files never share or truncate tables and may run in parallel.
 */
export default async function setup(): Promise<void> {
  if (testEngine() !== 'postgres') return;
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`TEST_DB=postgres nhưng không kết nối được PostgreSQL tại ${adminUrl()}: ${(error as Error).message}`, { cause: error });
  }
  await client.query(`drop database if exists ${templateDbName} with (force)`);
  await client.query(`create database ${templateDbName}`);
  await client.end();
  const database = await openDatabase({ engine: 'postgres', url: urlFor(templateDbName) });
  await database.migrate();
  await database.close();
}
