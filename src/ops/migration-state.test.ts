import { describe, expect, it } from 'vitest';
import { compareMigration, type MigrationId, type ShippedMigration } from './migration-state.ts';

const shipped: ShippedMigration[] = [
  { tag: '0000_initial', createdAt: 1000, hash: 'h0', statements: [] },
  { tag: '0001_next', createdAt: 2000, hash: 'h1', statements: [] },
];
const applied = (tag: string | null, createdAt: number): MigrationId => ({ tag, createdAt, hash: 'h' });

describe('is the database at this version\'s latest migration (what /ready checks)', () => {
  it.each([
    ['never migrated', null, 'not_migrated'],
    ['at the latest', applied('0001_next', 2000), 'current'],
    ['one behind', applied('0000_initial', 1000), 'behind'],
    ['migrated by a newer version', applied(null, 3000), 'ahead_or_unknown'],
    ['a migration this version does not ship', applied(null, 1500), 'ahead_or_unknown'],
  ] as const)('%s → %s', (_label, state, status) => {
    expect(compareMigration(state, shipped).status).toBe(status);
  });
});
