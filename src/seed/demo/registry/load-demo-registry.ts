// Writes the DEMO poverty registry (generate-demo-registry.ts) into the database: the review rounds 2016–2025
// (frozen, with each commune's steps) and the open 2026 round, then the households chunk by chunk with their
// members, assessments, loans, escape registrations and in-year applications. One transaction: the demo registry
// is there completely or not at all. Every row that can say so is marked is_demo.

import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import { reviewRounds } from '../../../db/schema/index.ts';
import { createUnitDirectory, type UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { recordAudit, systemActor } from '../../../server/modules/audit/audit.ts';
import { loadAllEvents, loadAllVersions } from '../../../server/modules/units/units.repository.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import { formatNumber, formatPercent } from '../../../shared/vi-format.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { insertRows, type ColumnSpec, type ConstantColumn } from './bulk-insert.ts';
import {
  DEFAULT_DEMO_HOUSEHOLDS,
  DEFAULT_DEMO_REGISTRY_SEED,
  generateDemoHousehold,
  planDemoRegistry,
  type DemoAssessment,
  type DemoHousehold,
  type DemoRegistryPlan,
} from './generate-demo-registry.ts';
import type { DemoEscapeRegistration, DemoInYearApplication, DemoLoan } from './draw-support.ts';
import { frozenCommuneSteps, type DemoRound } from './round-calendar.ts';

export interface DemoRegistryLoadOptions {
  readonly provinceCode: string;
  /** 20,000 by default (quick start); about 190,000 is the whole province. */
  readonly households?: number;
  readonly seed?: number;
  readonly log: (line: string) => void;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Households generated and written per step (bounds memory). */
  readonly chunkSize?: number;
  /** Rows per INSERT statement. */
  readonly batchSize?: number;
}

export interface RoundFigures {
  readonly year: number;
  readonly households: number;
  readonly poor: number;
  readonly nearPoor: number;
  /** percent of all households of the round, unrounded */
  readonly poorPercent: number;
  readonly nearPoorPercent: number;
}

export interface DemoRegistrySummary {
  /** false when a demo registry was already there (nothing written) */
  readonly loaded: boolean;
  readonly households: number;
  readonly members: number;
  readonly assessments: number;
  readonly loans: number;
  readonly escapeRegistrations: number;
  readonly inYearApplications: number;
  readonly rounds: readonly RoundFigures[];
}

const DEFAULT_CHUNK = 2000;

interface Row<T> {
  readonly id: string;
  readonly householdId: string;
  readonly item: T;
}
interface AssessmentRow extends Row<DemoAssessment> {
  readonly roundId: string;
  readonly villageCode: string;
  readonly communeCode: string;
  readonly districtCode: string | null;
  readonly household: DemoHousehold;
  readonly createdAt: string;
}
interface ApplicationRow extends Row<DemoInYearApplication> {
  readonly communeCode: string;
}
type MemberRow = Row<DemoHousehold['members'][number]>;
interface HouseholdRow {
  readonly id: string;
  readonly household: DemoHousehold;
}

const HOUSEHOLD_COLUMNS: readonly ColumnSpec<HouseholdRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'code', type: 'text', value: (r) => r.household.code },
  { name: 'head_name', type: 'text', value: (r) => r.household.headName },
  { name: 'head_name_folded', type: 'text', value: (r) => foldForSearch(r.household.headName) },
  { name: 'village_code', type: 'text', value: (r) => r.household.villageCode },
  { name: 'area', type: 'text', value: (r) => r.household.area },
  { name: 'ethnic_minority', type: 'bool', value: (r) => r.household.ethnicMinority },
  { name: 'female_head', type: 'bool', value: (r) => r.household.femaleHead },
  { name: 'has_merit_person', type: 'bool', value: (r) => r.household.hasMeritPerson },
  { name: 'has_social_protection', type: 'bool', value: (r) => r.household.hasSocialProtection },
  { name: 'dwelling', type: 'jsonb', value: (r) => r.household.dwelling },
  { name: 'closed_on', type: 'date', value: (r) => r.household.closedOn },
  { name: 'closed_reason', type: 'text', value: (r) => r.household.closedReason },
];

const MEMBER_COLUMNS: readonly ColumnSpec<MemberRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'full_name', type: 'text', value: (r) => r.item.fullName },
  { name: 'full_name_folded', type: 'text', value: (r) => foldForSearch(r.item.fullName) },
  { name: 'birth_year', type: 'int4', value: (r) => r.item.birthYear },
  { name: 'sex', type: 'text', value: (r) => r.item.sex },
  { name: 'relation', type: 'text', value: (r) => r.item.relation },
  { name: 'citizen_id', type: 'text', value: (r) => r.item.citizenId },
  { name: 'ethnicity', type: 'text', value: (r) => r.item.ethnicity },
  { name: 'facts', type: 'jsonb', value: (r) => r.item.facts },
];

const ASSESSMENT_COLUMNS: readonly ColumnSpec<AssessmentRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'round_id', type: 'uuid', value: (r) => r.roundId },
  { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'village_code', type: 'text', value: (r) => r.villageCode },
  { name: 'commune_code', type: 'text', value: (r) => r.communeCode },
  { name: 'district_code', type: 'text', value: (r) => r.districtCode },
  { name: 'area', type: 'text', value: (r) => r.household.area },
  { name: 'ethnic_minority', type: 'bool', value: (r) => r.household.ethnicMinority },
  { name: 'female_head', type: 'bool', value: (r) => r.household.femaleHead },
  {
    name: 'merit_or_social',
    type: 'bool',
    value: (r) => r.household.hasMeritPerson || r.household.hasSocialProtection,
  },
  { name: 'income_per_capita', type: 'int8', value: (r) => r.item.incomePerCapita },
  { name: 'deprivations', type: 'text[]', value: (r) => r.item.deprivations },
  { name: 'detail', type: 'jsonb', value: (r) => r.item.detail },
  { name: 'category', type: 'text', value: (r) => r.item.category },
  { name: 'reason', type: 'text', value: (r) => r.item.reason },
  { name: 'standard_version', type: 'text', value: (r) => r.item.standardVersion },
  { name: 'transition', type: 'text', value: (r) => r.item.transition },
  { name: 'stable_escape_years', type: 'int4', value: (r) => r.item.stableEscapeYears },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];

const LOAN_COLUMNS: readonly ColumnSpec<Row<DemoLoan>>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'amount', type: 'int8', value: (r) => r.item.amount },
  { name: 'purpose', type: 'text', value: (r) => r.item.purpose },
  { name: 'disbursed_on', type: 'date', value: (r) => r.item.disbursedOn },
  { name: 'due_on', type: 'date', value: (r) => r.item.dueOn },
  { name: 'used_as_intended', type: 'bool', value: (r) => r.item.usedAsIntended },
  { name: 'interest_on_time', type: 'bool', value: (r) => r.item.interestOnTime },
  { name: 'principal_on_time', type: 'bool', value: (r) => r.item.principalOnTime },
  { name: 'repaid_on', type: 'date', value: (r) => r.item.repaidOn },
];

const REGISTRATION_COLUMNS: readonly ColumnSpec<Row<DemoEscapeRegistration>>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'year', type: 'int4', value: (r) => r.item.year },
  { name: 'registered_on', type: 'date', value: (r) => r.item.registeredOn },
  { name: 'note', type: 'text', value: (r) => r.item.note },
];

const APPLICATION_COLUMNS: readonly ColumnSpec<ApplicationRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'household_id', type: 'uuid', value: (r) => r.householdId },
  { name: 'commune_code', type: 'text', value: (r) => r.communeCode },
  { name: 'kind', type: 'text', value: (r) => r.item.kind },
  { name: 'applied_on', type: 'date', value: (r) => r.item.appliedOn },
  { name: 'deadline_on', type: 'date', value: (r) => r.item.deadlineOn },
  { name: 'decided_on', type: 'date', value: (r) => r.item.decidedOn },
  { name: 'outcome', type: 'text', value: (r) => r.item.outcome },
  { name: 'reason', type: 'text', value: (r) => r.item.reason },
];

/** 09:00 in Vietnam (UTC+7) on the day: when an approved list was recorded. */
function morningOf(date: string): string {
  return `${date}T09:00:00+07:00`;
}

/** The commune (and district while districts exist) holding the village on the date. */
function placeOn(
  directory: UnitDirectory,
  villageCode: string,
  date: string,
): { commune: string; district: string | null } {
  const chain = directory.ancestorsOn(villageCode, date);
  const commune = chain.find((u) => u.level === 'commune');
  if (!commune) throw new Error(`Thôn ${villageCode} không thuộc xã nào ngày ${date}.`);
  return { commune: commune.code, district: chain.find((u) => u.level === 'district')?.code ?? null };
}

async function insertRounds(
  tx: Executor,
  plan: DemoRegistryPlan,
  directory: UnitDirectory,
  options: DemoRegistryLoadOptions,
): Promise<Map<number, string>> {
  const now = options.clock.now();
  const roundIds = new Map<number, string>();
  for (const round of plan.rounds) {
    const id = options.ids.newId();
    roundIds.set(round.year, id);
    await tx.insert(reviewRounds).values({
      id,
      provinceCode: options.provinceCode,
      year: round.year,
      standardId: round.standard.id,
      standardVersion: round.standard.version,
      state: round.state,
      openedOn: round.openedOn,
      decisionNumber: round.decisionNumber,
      decisionDate: round.decisionDate,
      isDemo: true,
      createdAt: round.decisionDate ? new Date(morningOf(round.openedOn)) : now,
    });
  }
  interface CommuneRow {
    id: string;
    roundId: string;
    communeCode: string;
    state: string;
    steps: unknown;
    updatedAt: string;
  }
  const rows: CommuneRow[] = [];
  for (const round of plan.rounds) {
    const roundId = roundIds.get(round.year) as string;
    const hasDistricts = directory.unitsOn(round.unitsDate, 'district').length > 0;
    for (const commune of directory.unitsOn(round.unitsDate, 'commune')) {
      rows.push(
        round.state === 'frozen'
          ? {
              id: options.ids.newId(),
              roundId,
              communeCode: commune.code,
              state: 'frozen',
              steps: frozenCommuneSteps(round, commune, hasDistricts, plan.options.seed),
              updatedAt: morningOf(round.decisionDate ?? round.unitsDate),
            }
          : {
              id: options.ids.newId(),
              roundId,
              communeCode: commune.code,
              state: 'open',
              steps: {},
              updatedAt: now.toISOString(),
            },
      );
    }
  }
  await insertRows<CommuneRow>(
    tx,
    'round_communes',
    [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'round_id', type: 'uuid', value: (r) => r.roundId },
      { name: 'commune_code', type: 'text', value: (r) => r.communeCode },
      { name: 'state', type: 'text', value: (r) => r.state },
      { name: 'steps', type: 'jsonb', value: (r) => r.steps },
      { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
    ],
    [{ name: 'province_code', value: options.provinceCode, type: 'text' }],
    rows,
  );
  return roundIds;
}

/** Loads the demo registry once; returns loaded: false (and writes nothing) when it is already there. */
export async function loadDemoRegistry(
  database: Database,
  options: DemoRegistryLoadOptions,
): Promise<DemoRegistrySummary> {
  const db = database.db;
  const households = options.households ?? DEFAULT_DEMO_HOUSEHOLDS;
  const seed = options.seed ?? DEFAULT_DEMO_REGISTRY_SEED;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const empty = (): DemoRegistrySummary => ({
    loaded: false,
    households: 0,
    members: 0,
    assessments: 0,
    loans: 0,
    escapeRegistrations: 0,
    inYearApplications: 0,
    rounds: [],
  });
  const [existing] = await db
    .select({ id: reviewRounds.id })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.provinceCode, options.provinceCode), eq(reviewRounds.isDemo, true)))
    .limit(1);
  if (existing) {
    options.log('Sổ hộ nghèo MẪU đã có sẵn, không nạp lại.');
    return empty();
  }

  const directory = createUnitDirectory(await loadAllVersions(db), await loadAllEvents(db));
  const plan = planDemoRegistry(directory, { households, seed, today: options.clock.today() });
  options.log(
    `Đang tạo sổ hộ nghèo, hộ cận nghèo MẪU (dữ liệu tổng hợp, không phải số liệu thật): ${formatNumber(households)} hộ, ` +
      `kỳ rà soát ${plan.pastRounds[0]?.year}–${plan.pastRounds.at(-1)?.year} và kỳ ${plan.rounds.at(-1)?.year} đang mở…`,
  );

  // Where each village sits in each round (villages keep their codes through the mergers).
  const places = new Map<string, { commune: string; district: string | null }[]>();
  for (const village of plan.villages) {
    places.set(
      village.code,
      plan.pastRounds.map((round) => placeOn(directory, village.code, round.unitsDate)),
    );
  }
  const roundIndex = new Map(plan.pastRounds.map((round, i) => [round.year, i]));
  const tallies = plan.pastRounds.map((round) => ({ year: round.year, households: 0, poor: 0, nearPoor: 0 }));
  const counts = { members: 0, assessments: 0, loans: 0, escapeRegistrations: 0, inYearApplications: 0 };
  const usedCitizenIds = new Set<string>();
  const batchSize = options.batchSize;
  const nowIso = options.clock.now().toISOString();
  const shared: ConstantColumn[] = [
    { name: 'province_code', value: options.provinceCode, type: 'text' },
    { name: 'is_demo', value: true, type: 'bool' },
  ];
  const createdNow: ConstantColumn = { name: 'created_at', value: nowIso, type: 'timestamptz' };

  await db.transaction(async (tx) => {
    const roundIds = await insertRounds(tx, plan, directory, options);
    const roundOfYear = new Map<number, DemoRound>(plan.pastRounds.map((r) => [r.year, r]));
    let reported = 0;
    for (let start = 0; start < households; start += chunkSize) {
      const end = Math.min(households, start + chunkSize);
      const householdRows: HouseholdRow[] = [];
      const memberRows: MemberRow[] = [];
      const assessmentRows: AssessmentRow[] = [];
      const loanRows: Row<DemoLoan>[] = [];
      const registrationRows: Row<DemoEscapeRegistration>[] = [];
      const applicationRows: ApplicationRow[] = [];
      for (let index = start; index < end; index += 1) {
        const household = generateDemoHousehold(plan, index, usedCitizenIds);
        const householdId = options.ids.newId();
        householdRows.push({ id: householdId, household });
        for (const item of household.members) memberRows.push({ id: options.ids.newId(), householdId, item });
        const villagePlaces = places.get(household.villageCode) ?? [];
        for (const item of household.assessments) {
          const r = roundIndex.get(item.year) ?? -1;
          const place = villagePlaces[r];
          const round = roundOfYear.get(item.year);
          const tally = tallies[r];
          if (!place || !round || !tally) throw new Error(`Không có kỳ rà soát ${item.year}.`);
          assessmentRows.push({
            id: options.ids.newId(),
            householdId,
            item,
            roundId: roundIds.get(item.year) as string,
            villageCode: household.villageCode,
            communeCode: place.commune,
            districtCode: place.district,
            household,
            createdAt: morningOf(round.decisionDate ?? round.unitsDate),
          });
          tally.households += 1;
          if (item.category === 'poor') tally.poor += 1;
          if (item.category === 'near_poor') tally.nearPoor += 1;
        }
        for (const item of household.loans) loanRows.push({ id: options.ids.newId(), householdId, item });
        for (const item of household.escapeRegistrations) {
          registrationRows.push({ id: options.ids.newId(), householdId, item });
        }
        for (const item of household.applications) {
          const place = placeOn(directory, household.villageCode, item.appliedOn);
          applicationRows.push({ id: options.ids.newId(), householdId, item, communeCode: place.commune });
        }
      }
      const createdHouseholds: ConstantColumn[] = [
        ...shared,
        { name: 'version', value: 1, type: 'int4' },
        createdNow,
        { name: 'updated_at', value: nowIso, type: 'timestamptz' },
      ];
      await insertRows(tx, 'households', HOUSEHOLD_COLUMNS, createdHouseholds, householdRows, batchSize);
      await insertRows(
        tx,
        'household_members',
        MEMBER_COLUMNS,
        [shared[0] as ConstantColumn, createdNow],
        memberRows,
        batchSize,
      );
      await insertRows(
        tx,
        'assessments',
        ASSESSMENT_COLUMNS,
        [
          ...shared,
          { name: 'revision', value: 1, type: 'int4' },
          { name: 'is_current', value: true, type: 'bool' },
          { name: 'is_amendment', value: false, type: 'bool' },
        ],
        assessmentRows,
        batchSize,
      );
      await insertRows(tx, 'social_bank_loans', LOAN_COLUMNS, [...shared, createdNow], loanRows, batchSize);
      await insertRows(tx, 'escape_registrations', REGISTRATION_COLUMNS, shared, registrationRows, batchSize);
      await insertRows(
        tx,
        'in_year_applications',
        APPLICATION_COLUMNS,
        [...shared, createdNow],
        applicationRows,
        batchSize,
      );
      counts.members += memberRows.length;
      counts.assessments += assessmentRows.length;
      counts.loans += loanRows.length;
      counts.escapeRegistrations += registrationRows.length;
      counts.inYearApplications += applicationRows.length;
      // Progress every tenth of the way.
      const tenths = Math.floor((end * 10) / households);
      if (tenths > reported) {
        reported = tenths;
        options.log(`  … đã ghi ${formatNumber(end)}/${formatNumber(households)} hộ mẫu`);
      }
    }
    await recordAudit(tx, { clock: options.clock, provinceCode: options.provinceCode }, systemActor, {
      action: 'demo.registry_loaded',
      entityType: 'demo',
      entityId: 'lang-son-registry',
      after: { households, seed, ...counts, rounds: plan.rounds.map((r) => r.year) },
    });
  });

  const rounds = tallies.map((t): RoundFigures => ({
    ...t,
    poorPercent: (t.poor / t.households) * 100,
    nearPoorPercent: (t.nearPoor / t.households) * 100,
  }));
  options.log(
    `Đã nạp sổ hộ MẪU: ${formatNumber(households)} hộ, ${formatNumber(counts.members)} nhân khẩu, ` +
      `${formatNumber(counts.assessments)} kết quả rà soát, ${formatNumber(counts.loans)} khoản vay NHCSXH, ` +
      `${formatNumber(counts.escapeRegistrations)} lượt đăng ký thoát nghèo, ${formatNumber(counts.inYearApplications)} đơn phát sinh.`,
  );
  options.log(
    `Tỷ lệ hộ nghèo / cận nghèo (mẫu): ${rounds
      .map((r) => `${r.year} ${formatPercent(r.poorPercent)} / ${formatPercent(r.nearPoorPercent)}`)
      .join(' · ')}`,
  );
  return { loaded: true, households, ...counts, rounds };
}
