// The whole database schema. One file per feature; this index is what drizzle and the app import.
export * from './units.ts';
export * from './participants.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './registry.ts';
export * from './stats.ts';
export * from './imports.ts';
export * from './reports.ts';
export * from './emulation.ts';
export * from './fund.ts';
export * from './awards.ts';
