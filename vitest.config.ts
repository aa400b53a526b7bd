import { defineConfig } from 'vitest/config';

// Three tiers named by cost (see ARCHITECTURE.md):
//  unit    — pure functions, milliseconds, no database;
//  db      — against a fresh database per test file, on the engine named by TEST_DB (pglite | postgres);
//  browser — journeys in Debian's Chromium against a running server.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db-test.ts', 'tests/db/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/support/db-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          globalSetup: ['tests/support/browser-global-setup.ts'],
        },
      },
    ],
  },
});
