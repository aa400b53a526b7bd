import { and, desc, eq, inArray, like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { emulationExemplars, emulationInitiatives, emulationModels, supportActivities } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';

export type InitiativeRow = typeof emulationInitiatives.$inferSelect;
export type ModelRow = typeof emulationModels.$inferSelect;
export type ExemplarRow = typeof emulationExemplars.$inferSelect;

/** Every word of the query, accent-folded, must occur in the folded search text ("sang kien" finds "Sáng kiến"). */
function matches(column: AnyColumn, q: string | undefined): SQL | undefined {
  const words = foldForSearch(q ?? '').split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => like(column, `%${w.replace(/[%_\\]/gu, (m) => `\\${m}`)}%`)));
}

function hasCode(column: AnyColumn, code: string | undefined): SQL | undefined {
  return code ? sql`${code} = any(${column})` : undefined;
}

export async function listInitiatives(db: Executor, f: { q?: string; unitCode?: string; criterionCode?: string }) {
  return db
    .select()
    .from(emulationInitiatives)
    .where(and(matches(emulationInitiatives.searchText, f.q), f.unitCode ? eq(emulationInitiatives.unitCode, f.unitCode) : undefined, hasCode(emulationInitiatives.criterionCodes, f.criterionCode)))
    .orderBy(desc(emulationInitiatives.recognisedOn))
    .limit(500);
}
export async function getInitiative(db: Executor, id: string) {
  const [row] = await db.select().from(emulationInitiatives).where(eq(emulationInitiatives.id, id));
  return row;
}
export async function insertInitiative(db: Executor, row: typeof emulationInitiatives.$inferInsert) {
  await db.insert(emulationInitiatives).values(row);
}
export async function updateInitiative(db: Executor, id: string, patch: Partial<typeof emulationInitiatives.$inferInsert>) {
  await db.update(emulationInitiatives).set(patch).where(eq(emulationInitiatives.id, id));
}
export async function deleteInitiative(db: Executor, id: string) {
  await db.delete(emulationInitiatives).where(eq(emulationInitiatives.id, id));
}

export async function listModels(db: Executor, f: { q?: string; unitCode?: string; criterionCode?: string }) {
  return db
    .select()
    .from(emulationModels)
    .where(
      and(
        matches(emulationModels.searchText, f.q),
        // a model belongs to the unit where it started and to every unit it was replicated to
        f.unitCode ? sql`(${emulationModels.startedUnitCode} = ${f.unitCode} or ${emulationModels.replications} @> ${JSON.stringify([{ unitCode: f.unitCode }])}::jsonb)` : undefined,
        hasCode(emulationModels.criterionCodes, f.criterionCode),
      ),
    )
    .orderBy(desc(emulationModels.startedOn))
    .limit(500);
}
export async function getModel(db: Executor, id: string) {
  const [row] = await db.select().from(emulationModels).where(eq(emulationModels.id, id));
  return row;
}
export async function insertModel(db: Executor, row: typeof emulationModels.$inferInsert) {
  await db.insert(emulationModels).values(row);
}
export async function updateModel(db: Executor, id: string, patch: Partial<typeof emulationModels.$inferInsert>) {
  await db.update(emulationModels).set(patch).where(eq(emulationModels.id, id));
}
export async function deleteModel(db: Executor, id: string) {
  await db.delete(emulationModels).where(eq(emulationModels.id, id));
}

export async function listExemplars(db: Executor, f: { q?: string; unitCode?: string; criterionCode?: string; kind?: string }) {
  return db
    .select()
    .from(emulationExemplars)
    .where(
      and(
        matches(emulationExemplars.searchText, f.q),
        f.unitCode ? eq(emulationExemplars.unitCode, f.unitCode) : undefined,
        hasCode(emulationExemplars.criterionCodes, f.criterionCode),
        f.kind ? eq(emulationExemplars.kind, f.kind as 'household') : undefined,
      ),
    )
    .orderBy(desc(emulationExemplars.year))
    .limit(500);
}
export async function getExemplar(db: Executor, id: string) {
  const [row] = await db.select().from(emulationExemplars).where(eq(emulationExemplars.id, id));
  return row;
}
export async function insertExemplar(db: Executor, row: typeof emulationExemplars.$inferInsert) {
  await db.insert(emulationExemplars).values(row);
}
export async function updateExemplar(db: Executor, id: string, patch: Partial<typeof emulationExemplars.$inferInsert>) {
  await db.update(emulationExemplars).set(patch).where(eq(emulationExemplars.id, id));
}
export async function deleteExemplar(db: Executor, id: string) {
  await db.delete(emulationExemplars).where(eq(emulationExemplars.id, id));
}

/** Titles of records cited as evidence, by kind. */
export async function recordLabels(db: Executor, refs: { kind: string; id: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const idsOf = (kind: string) => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const ini = idsOf('initiative');
  if (ini.length) for (const r of await db.select().from(emulationInitiatives).where(inArray(emulationInitiatives.id, ini))) out.set(`initiative:${r.id}`, `Sáng kiến "${r.title}" (${r.authorName})`);
  const mod = idsOf('model');
  if (mod.length) for (const r of await db.select().from(emulationModels).where(inArray(emulationModels.id, mod))) out.set(`model:${r.id}`, `Mô hình "${r.name}" (${r.householdsReached} hộ tham gia)`);
  const ex = idsOf('exemplar');
  if (ex.length) for (const r of await db.select().from(emulationExemplars).where(inArray(emulationExemplars.id, ex))) out.set(`exemplar:${r.id}`, `Điển hình tiên tiến: ${r.name} (năm ${r.year})`);
  const sup = idsOf('support_activity');
  if (sup.length) for (const r of await db.select().from(supportActivities).where(inArray(supportActivities.id, sup))) out.set(`support_activity:${r.id}`, `Hoạt động hỗ trợ ngày ${r.occurredOn}: ${r.description}`);
  return out;
}
