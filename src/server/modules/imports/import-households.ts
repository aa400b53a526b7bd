import type { Database, RawQuery } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { assessmentEditMode, type CommuneRoundState } from '../../../domain/review/round-workflow.ts';
import { standardById, type PovertyCategory } from '../../../domain/poverty/index.ts';
import { RELATION_OPTIONS, type HouseholdImportRow, type MemberImportRow } from '../../../shared/schemas/household-import.schema.ts';
import type { ImportedRow } from '../../../import/read-household-workbook.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { assessHousehold } from '../rounds/assess-household.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import type { HouseholdRow, MemberRow } from '../households/households.repository.ts';
import { bulkInsert } from './bulk-insert.ts';

export interface ImportIssueDto {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface PreparedImport {
  roundId: string;
  year: number;
  households: PreparedHousehold[];
  issues: ImportIssueDto[];
  summary: {
    households: number;
    members: number;
    newHouseholds: number;
    updatedHouseholds: number;
    byCategory: Record<PovertyCategory, number>;
    communes: { code: string; name: string; households: number; poor: number; nearPoor: number }[];
  };
}

interface PreparedHousehold {
  id: string;
  existing: boolean;
  previousRevision: number;
  row: HouseholdImportRow;
  members: MemberImportRow[];
  communeCode: string;
  districtCode: string | null;
  category: PovertyCategory;
  reason: string;
  version: string;
  deprivations: string[];
  detail: unknown;
  transition: string;
  stableEscapeYears: number | null;
}

const HH_SHEET = 'Hộ gia đình';

/** A province's largest district has well under 300,000 households; members fill at most a whole Excel sheet. */
export const IMPORT_ROW_LIMITS = { households: 300_000, members: 1_048_575 } as const;

/**
 * Checks parsed rows against the database (villages, scope, the communes' step in the round) and classifies every
 * household under the round's standard. Nothing is written: the result is the preview.
 */
export async function prepareHouseholdImport(
  database: Database,
  deps: { ids: IdGenerator; provinceCode: string },
  input: {
    round: { id: string; year: number; standardId: string; state: string };
    households: readonly ImportedRow<HouseholdImportRow>[];
    members: readonly ImportedRow<MemberImportRow>[];
    directory: UnitDirectory;
    canWrite: (villageCode: string, date: string) => Promise<boolean>;
  },
): Promise<PreparedImport> {
  const { round, directory: dir } = input;
  const date = roundReferenceDate(round.year);
  const standard = standardById(round.standardId);
  const issues: ImportIssueDto[] = [];
  if (round.state === 'frozen') {
    throw new AppError('imports.invalid', `Kỳ rà soát năm ${round.year} đã khoá sổ: không nhập được; hãy đính chính từng hộ với lý do.`);
  }
  const communeStates = new Map(
    (await database.query<{ commune_code: string; state: string }>('select commune_code, state from round_communes where round_id = $1', [round.id])).map((r) => [r.commune_code, r.state]),
  );
  const codes = input.households.map((h) => h.value.code);
  const existing = new Map<string, { id: string; village_code: string }>();
  for (let i = 0; i < codes.length; i += 10000) {
    const rows = await database.query<{ id: string; code: string; village_code: string }>(
      'select id, code, village_code from households where province_code = $1 and code = any($2::text[])',
      [deps.provinceCode, codes.slice(i, i + 10000)],
    );
    for (const r of rows) existing.set(r.code, r);
  }
  const existingIds = [...existing.values()].map((e) => e.id);
  const earlier = new Map<string, { year: number; category: PovertyCategory }[]>();
  const revisions = new Map<string, number>();
  for (let i = 0; i < existingIds.length; i += 10000) {
    const ids = existingIds.slice(i, i + 10000);
    const rows = await database.query<{ household_id: string; year: number; category: PovertyCategory; round_id: string; revision: number }>(
      `select a.household_id, r.year, a.category, a.round_id, a.revision from assessments a join review_rounds r on r.id = a.round_id
       where a.is_current and a.household_id = any($1::uuid[]) and r.year <= $2`,
      [ids, round.year],
    );
    for (const r of rows) {
      if (r.round_id === round.id) revisions.set(r.household_id, r.revision);
      else earlier.set(r.household_id, [...(earlier.get(r.household_id) ?? []), { year: r.year, category: r.category }]);
    }
  }
  const membersByCode = new Map<string, MemberImportRow[]>();
  for (const m of input.members) membersByCode.set(m.value.householdCode, [...(membersByCode.get(m.value.householdCode) ?? []), m.value]);

  const allowed = new Map<string, boolean>();
  const prepared: PreparedHousehold[] = [];
  const byCategory: Record<PovertyCategory, number> = { poor: 0, near_poor: 0, middle: 0, not_poor: 0 };
  const communes = new Map<string, { code: string; name: string; households: number; poor: number; nearPoor: number }>();
  for (const { row: excelRow, value: h } of input.households) {
    const village = dir.versionOn(h.villageCode, date);
    if (!village || village.level !== 'village') {
      issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Mã thôn', message: `Mã thôn ${h.villageCode} không tồn tại vào năm ${round.year}.` });
      continue;
    }
    const commune = dir.ancestorsOn(h.villageCode, date).find((a) => a.level === 'commune')!;
    if (!allowed.has(h.villageCode)) allowed.set(h.villageCode, await input.canWrite(h.villageCode, date));
    if (!allowed.get(h.villageCode)) {
      issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Mã thôn', message: `Thôn ${village.name} (${commune.name}) nằm ngoài phạm vi được phân quyền của bạn.` });
      continue;
    }
    const state = communeStates.get(commune.code) as CommuneRoundState | undefined;
    if (!state) {
      issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Mã thôn', message: `${commune.name} không thuộc kỳ rà soát năm ${round.year}.` });
      continue;
    }
    if (assessmentEditMode(state) !== 'direct') {
      issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Mã thôn', message: `${commune.name} đã gửi kết quả lên cấp trên: không nhập lại được danh sách.` });
      continue;
    }
    const known = existing.get(h.code);
    if (known && known.village_code !== h.villageCode && !(await input.canWrite(known.village_code, date))) {
      issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Mã hộ', message: `Mã hộ ${h.code} đã có ở địa bàn khác ngoài phạm vi của bạn.` });
      continue;
    }
    const id = known?.id ?? deps.ids.newId();
    const members = membersByCode.get(h.code) ?? [];
    const fakeHousehold = { area: h.area, dwelling: dwellingOf(h) } as unknown as HouseholdRow;
    const fakeMembers = members.map((m) => ({
      fullName: m.name,
      birthDate: m.birthDate ?? null,
      birthYear: m.birthYear,
      facts: memberFacts(m),
    })) as unknown as MemberRow[];
    try {
      const result = assessHousehold(standard, fakeHousehold, fakeMembers, date, round.year, earlier.get(id) ?? [], {
        incomePerCapita: h.incomePerCapita ?? null,
        b1Score: h.b1Score ?? null,
        ticked: h.deprivations.filter((c) => standard.indicators.some((i) => i.code === c)),
        overrides: [],
      });
      const unknownTicks = h.deprivations.filter((c) => !standard.indicators.some((i) => i.code === c));
      if (unknownTicks.length) {
        issues.push({ sheet: HH_SHEET, row: excelRow, column: 'Chỉ số thiếu hụt', message: `Chỉ số ${unknownTicks.join(', ')} không thuộc chuẩn nghèo ${standard.id} áp dụng cho năm ${round.year}.` });
        continue;
      }
      prepared.push({
        id,
        existing: Boolean(known),
        previousRevision: revisions.get(id) ?? 0,
        row: h,
        members,
        communeCode: commune.code,
        districtCode: dir.ancestorsOn(h.villageCode, date).find((a) => a.level === 'district')?.code ?? null,
        category: result.category,
        reason: result.reason,
        version: result.version,
        deprivations: result.deprivations,
        detail: result.detail,
        transition: result.transition,
        stableEscapeYears: result.stableEscapeYears,
      });
      byCategory[result.category] += 1;
      const c = communes.get(commune.code) ?? { code: commune.code, name: commune.name, households: 0, poor: 0, nearPoor: 0 };
      c.households += 1;
      if (result.category === 'poor') c.poor += 1;
      if (result.category === 'near_poor') c.nearPoor += 1;
      communes.set(commune.code, c);
    } catch (error) {
      if (error instanceof AppError) issues.push({ sheet: HH_SHEET, row: excelRow, column: null, message: error.message });
      else throw error;
    }
  }
  return {
    roundId: round.id,
    year: round.year,
    households: prepared,
    issues,
    summary: {
      households: prepared.length,
      members: prepared.reduce((s, p) => s + p.members.length, 0),
      newHouseholds: prepared.filter((p) => !p.existing).length,
      updatedHouseholds: prepared.filter((p) => p.existing).length,
      byCategory,
      communes: [...communes.values()],
    },
  };
}

function dwellingOf(h: HouseholdImportRow): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (const key of ['wallDurable', 'frameDurable', 'roofDurable', 'floorArea', 'hygienicWater', 'hygienicLatrine'] as const) {
    if (h[key] !== undefined) d[key] = h[key];
  }
  return d;
}

function memberFacts(m: MemberImportRow): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (m.schooling !== undefined) facts.schooling = m.schooling;
  if (m.inSchool !== undefined) facts.inSchool = m.inSchool;
  if (m.hasHealthInsurance !== undefined) facts.hasHealthInsurance = m.hasHealthInsurance;
  if (m.employment !== undefined) facts.employment = m.employment;
  return facts;
}

/** Writes a prepared import in ONE transaction: households, members and assessments, or nothing. */
export async function commitHouseholdImport(
  database: Database,
  deps: { ids: IdGenerator; clock: Clock; provinceCode: string },
  prepared: PreparedImport,
  actor: { userId: string | null; name: string },
  jobId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const now = deps.clock.now();
  const hh = prepared.households;
  await database.rawTransaction(async (query: RawQuery) => {
    const existingOnes = hh.filter((h) => h.existing);
    for (let i = 0; i < existingOnes.length; i += 5000) {
      const chunk = existingOnes.slice(i, i + 5000);
      await query('delete from household_members where household_id = any($1::uuid[])', [chunk.map((h) => h.id)]);
      // Households keep their identity (and their history in other rounds): update them in place.
      await query(
        `update households h set head_name = x.head_name, head_name_folded = x.folded, village_code = x.village, area = x.area,
           ethnic_minority = x.em, female_head = x.fh, has_merit_person = x.mp, has_social_protection = x.sp,
           dwelling = x.dwelling::jsonb, updated_at = $11, version = h.version + 1
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::bool[], $10::text[])
           as x(id, head_name, folded, village, area, em, fh, mp, sp, dwelling)
         where h.id = x.id`,
        [
          chunk.map((h) => h.id),
          chunk.map((h) => h.row.headName),
          chunk.map((h) => foldForSearch(h.row.headName)),
          chunk.map((h) => h.row.villageCode),
          chunk.map((h) => h.row.area),
          chunk.map((h) => h.row.ethnicMinority),
          chunk.map((h) => h.row.femaleHead),
          chunk.map((h) => h.row.hasPersonOfMerit),
          chunk.map((h) => h.row.hasSocialProtectionBeneficiary),
          chunk.map((h) => JSON.stringify(dwellingOf(h.row))),
          now,
        ],
      );
    }
    onProgress?.(0, hh.length);
    await bulkInsert(query, 'households', [
      { name: 'id', type: 'uuid', value: (h: PreparedHousehold) => h.id },
      { name: 'province_code', type: 'text', value: () => deps.provinceCode },
      { name: 'code', type: 'text', value: (h) => h.row.code },
      { name: 'head_name', type: 'text', value: (h) => h.row.headName },
      { name: 'head_name_folded', type: 'text', value: (h) => foldForSearch(h.row.headName) },
      { name: 'village_code', type: 'text', value: (h) => h.row.villageCode },
      { name: 'area', type: 'text', value: (h) => h.row.area },
      { name: 'ethnic_minority', type: 'bool', value: (h) => h.row.ethnicMinority },
      { name: 'female_head', type: 'bool', value: (h) => h.row.femaleHead },
      { name: 'has_merit_person', type: 'bool', value: (h) => h.row.hasPersonOfMerit },
      { name: 'has_social_protection', type: 'bool', value: (h) => h.row.hasSocialProtectionBeneficiary },
      { name: 'dwelling', type: 'jsonb', value: (h) => dwellingOf(h.row) },
      { name: 'created_at', type: 'timestamptz', value: () => now },
      { name: 'updated_at', type: 'timestamptz', value: () => now },
    ], hh.filter((h) => !h.existing));
    const members = hh.flatMap((h) => h.members.map((m) => ({ h, m })));
    await bulkInsert(query, 'household_members', [
      { name: 'id', type: 'uuid', value: () => deps.ids.newId() },
      { name: 'province_code', type: 'text', value: () => deps.provinceCode },
      { name: 'household_id', type: 'uuid', value: (x: { h: PreparedHousehold; m: MemberImportRow }) => x.h.id },
      { name: 'full_name', type: 'text', value: (x) => x.m.name },
      { name: 'full_name_folded', type: 'text', value: (x) => foldForSearch(x.m.name) },
      { name: 'birth_date', type: 'date', value: (x) => x.m.birthDate ?? null },
      { name: 'birth_year', type: 'int', value: (x) => x.m.birthYear },
      { name: 'sex', type: 'text', value: (x) => x.m.sex },
      { name: 'relation', type: 'text', value: (x) => relationLabel(x.m.relationToHead) },
      { name: 'citizen_id', type: 'text', value: (x) => x.m.citizenId ?? null },
      { name: 'ethnicity', type: 'text', value: (x) => x.m.ethnicity ?? null },
      { name: 'facts', type: 'jsonb', value: (x) => memberFacts(x.m) },
      { name: 'created_at', type: 'timestamptz', value: () => now },
    ], members);
    onProgress?.(Math.round(hh.length / 2), hh.length);
    const updated = hh.filter((h) => h.previousRevision > 0).map((h) => h.id);
    for (let i = 0; i < updated.length; i += 10000) {
      await query('update assessments set is_current = false where round_id = $1 and is_current and household_id = any($2::uuid[])', [prepared.roundId, updated.slice(i, i + 10000)]);
    }
    await bulkInsert(query, 'assessments', [
      { name: 'id', type: 'uuid', value: () => deps.ids.newId() },
      { name: 'province_code', type: 'text', value: () => deps.provinceCode },
      { name: 'round_id', type: 'uuid', value: () => prepared.roundId },
      { name: 'household_id', type: 'uuid', value: (h: PreparedHousehold) => h.id },
      { name: 'revision', type: 'int', value: (h) => h.previousRevision + 1 },
      { name: 'is_current', type: 'bool', value: () => true },
      { name: 'village_code', type: 'text', value: (h) => h.row.villageCode },
      { name: 'commune_code', type: 'text', value: (h) => h.communeCode },
      { name: 'district_code', type: 'text', value: (h) => h.districtCode },
      { name: 'area', type: 'text', value: (h) => h.row.area },
      { name: 'ethnic_minority', type: 'bool', value: (h) => h.row.ethnicMinority },
      { name: 'female_head', type: 'bool', value: (h) => h.row.femaleHead },
      { name: 'merit_or_social', type: 'bool', value: (h) => h.row.hasPersonOfMerit || h.row.hasSocialProtectionBeneficiary },
      { name: 'income_per_capita', type: 'bigint', value: (h) => h.row.incomePerCapita ?? null },
      { name: 'b1_score', type: 'int', value: (h) => (h.row.b1Score === undefined ? null : Math.round(h.row.b1Score)) },
      { name: 'deprivations', type: 'text[]', value: (h) => h.deprivations },
      { name: 'detail', type: 'jsonb', value: (h) => h.detail },
      { name: 'category', type: 'text', value: (h) => h.category },
      { name: 'reason', type: 'text', value: (h) => h.reason },
      { name: 'standard_version', type: 'text', value: (h) => h.version },
      { name: 'transition', type: 'text', value: (h) => h.transition },
      { name: 'stable_escape_years', type: 'int', value: (h) => h.stableEscapeYears },
      { name: 'created_at', type: 'timestamptz', value: () => now },
      { name: 'created_by', type: 'uuid', value: () => actor.userId },
    ], hh);
    await query(
      `insert into audit_log (province_code, at, actor_user_id, actor_name, action, entity_type, entity_id, after)
       values ($1, $2, $3, $4, 'import.committed', 'import_job', $5, $6::jsonb)`,
      [deps.provinceCode, now, actor.userId, actor.name, jobId, JSON.stringify({ round: prepared.year, ...prepared.summary, communes: prepared.summary.communes.length })],
    );
    await query(`update import_jobs set state = 'committed', updated_at = $2 where id = $1`, [jobId, now]);
    onProgress?.(hh.length, hh.length);
  });
}

function relationLabel(code: string): string {
  return RELATION_OPTIONS.find((o) => o.code === code)?.label ?? code;
}
