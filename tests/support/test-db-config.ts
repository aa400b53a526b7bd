export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  const value = process.env.TEST_DB ?? 'pglite';
  if (value !== 'pglite' && value !== 'postgres') throw new Error(`TEST_DB phải là pglite hoặc postgres, không phải "${value}"`);
  return value;
}

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Worktrees testing on one server at once each name their own template (TEST_TEMPLATE_DB), so no run drops another's. */
export const templateDbName = process.env.TEST_TEMPLATE_DB ?? 'chung_tay_test_template';
