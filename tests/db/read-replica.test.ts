// Issue 8, deployment: with DATABASE_READ_URL set, the dashboards and the public page read their stored figures from
// the read replica's pool, in read-only sessions, and give the same figures as the primary; writes stay on the
// primary. PostgreSQL only (the embedded engine has no replica). The "replica" here is the same test database opened
// a second time through its own pool, which is how a hot standby looks to the app: same data, read-only sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { readConfig } from '../../src/config.ts';
import { createStatsService } from '../../src/server/modules/stats/stats.service.ts';
import { testEngine } from '../support/test-db-config.ts';
import { assessHouseholds, createRound, createStatsFixture, principal, villageOf, villagesOfCommune, type StatsFixture } from './stats-factories.ts';

describe('configuration', () => {
  it('reads DATABASE_READ_URL as the replica of the PostgreSQL database', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://app@db1/chung_tay', DATABASE_READ_URL: 'postgres://app@db2/chung_tay' }, '/srv');
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://app@db1/chung_tay', readUrl: 'postgres://app@db2/chung_tay' });
    expect(readConfig({ DATABASE_URL: 'postgres://app@db1/chung_tay' }, '/srv').database).toMatchObject({ readUrl: null });
  });
});

describe.runIf(testEngine() === 'postgres')('dashboards on a read replica', () => {
  let fx: StatsFixture;
  let withReplica: Database;
  let replicaCheckouts = 0;

  beforeAll(async () => {
    fx = await createStatsFixture();
    const dir = await fx.directory();
    const round = await createRound(fx, 2025);
    const [village] = villagesOfCommune(dir, '06529', '2025-12-31', 1);
    await assessHouseholds(fx, round, villageOf(village!, 12, 3, 2));
    const url = (fx.testDb.database.pool!.options as { connectionString: string }).connectionString;
    withReplica = await openDatabase({ engine: 'postgres', url, readUrl: url });
    withReplica.readPool!.on('acquire', () => {
      replicaCheckouts += 1;
    });
  });
  afterAll(async () => {
    await withReplica.close();
    await fx.close();
  });

  it('serves the same figures from the replica pool as from the primary', async () => {
    const office = principal('poverty_office', '20');
    const primaryOnly = await fx.stats.unitFigures(office, 2025, '06529');
    const replicated = createStatsService({ db: withReplica.db, readDb: withReplica.readDb, clock: fx.clock, provinceCode: '20', catalog: fx.catalog, scope: fx.scope });
    const before = replicaCheckouts;
    const figures = await replicated.unitFigures(office, 2025, '06529');
    expect(replicaCheckouts).toBeGreaterThan(before);
    expect(figures).toEqual(primaryOnly);
    expect(figures.unit.figures).toMatchObject({ total: 12, poor: 3, nearPoor: 2 });
  });

  it('opens replica sessions read-only, so a write sent there by mistake fails', async () => {
    const client = await withReplica.readPool!.connect();
    try {
      await expect(client.query("insert into organisations (id, province_code, name, type, unit_code, valid_from, created_at) values (gen_random_uuid(), '20', 'x', 'enterprise', '20', '2020-01-01', now())")).rejects.toThrow(/read-only/u);
    } finally {
      client.release();
    }
    // The primary still takes writes.
    const [row] = await withReplica.query<{ transaction_read_only: string }>('show transaction_read_only');
    expect(row).toEqual({ transaction_read_only: 'off' });
  });

  it('leaves the pool of a database without a replica unchanged', async () => {
    const url = (fx.testDb.database.pool!.options as { connectionString: string }).connectionString;
    const plain = await openDatabase({ engine: 'postgres', url });
    try {
      expect(plain.readPool).toBeNull();
      expect(plain.readDb).toBe(plain.db);
    } finally {
      await plain.close();
    }
  });
});

describe.runIf(testEngine() === 'postgres')('PostgreSQL connections', () => {
  it('keeps running when the server closes an idle pooled connection, and reconnects on the next query', async () => {
    const fx = await createStatsFixture();
    const url = (fx.testDb.database.pool!.options as { connectionString: string }).connectionString;
    const database = await openDatabase({ engine: 'postgres', url });
    try {
      const [own] = await database.query<{ pid: number }>('select pg_backend_pid() as pid');
      // As a PostgreSQL restart or an administrator would: the pooled connection, now idle, is ended by the server.
      await fx.testDb.database.query('select pg_terminate_backend($1)', [own!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [again] = await database.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(again!.pid).not.toBe(own!.pid);
    } finally {
      await database.close();
      await fx.close();
    }
  });
});
