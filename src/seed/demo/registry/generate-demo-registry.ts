// The synthetic, clearly-labelled DEMO poverty registry of Lạng Sơn, as pure data: households spread over the demo
// villages of the 2019 structure, their members, one assessment per household and round 2016–2025 calibrated to
// the published province figures (calibration-targets.ts), loans, voluntary escape registrations and in-year
// applications. Nothing here touches the database: load-demo-registry.ts writes it.
//
// Two steps keep memory bounded at full scale (≈ 190,000 households, ≈ 1.9 million assessments):
//   1. the plan (cheap, for all households at once): where each household lives, its traits, and its category in
//      every round — the categories must be decided together, commune by commune, to hit the quotas exactly;
//   2. the details of one household (members, facts, incomes, deprivations, support), drawn from its own random
//      stream, so the loader can generate and write households chunk by chunk.

import {
  deriveTransitions,
  type Area,
  type PovertyCategory,
  type TransitionCode,
} from '../../../domain/poverty/index.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { UnitVersion } from '../../../domain/units/unit-types.ts';
import { DEMO_OPEN_ROUND_YEAR, LANG_SON_DEMO_TARGETS } from './calibration-targets.ts';
import { createRandom, streamSeed } from './demo-random.ts';
import { describeFacts, type DemoDwelling, type DemoMemberFacts } from './describe-facts.ts';
import { drawAssessments } from './draw-assessments.ts';
import {
  drawHouseholdTraits,
  drawMembers,
  ethnicMixFor,
  type DemoMember,
  type HouseholdTraits,
} from './draw-household-profile.ts';
import {
  drawEscapeRegistrations,
  drawInYearApplications,
  drawLoans,
  type DemoEscapeRegistration,
  type DemoInYearApplication,
  type DemoLoan,
} from './draw-support.ts';
import {
  allocateLargestRemainder,
  isUrbanKind,
  planCommuneQuotas,
  profileCommunes,
  type DemoCommune,
  type RoundQuotas,
} from './plan-commune-rates.ts';
import { planDemoRounds, type DemoRound } from './round-calendar.ts';
import { ABSENT, CATEGORY_ORDER, simulateCategories } from './simulate-categories.ts';

/** The quick-start size; the full province is about 190,000 households (DOMAIN.md §4: 199,765 in 2025). */
export const DEFAULT_DEMO_HOUSEHOLDS = 20_000;
export const FULL_SCALE_DEMO_HOUSEHOLDS = 190_000;
/** The year of plan 165/KH-UBND. */
export const DEFAULT_DEMO_REGISTRY_SEED = 2017;

/** Households are placed in the villages of the 2019 structure, which every later structure is made of. */
export const HOUSEHOLD_STRUCTURE_DATE = '2019-12-31';

export interface DemoRegistryOptions {
  readonly households: number;
  readonly seed: number;
  /** Nothing (loan, registration, application) is dated after this day. */
  readonly today: string;
}

export interface RegistryVillage {
  readonly code: string;
  readonly communeIndex: number;
  readonly districtCode: string;
  readonly urban: boolean;
}

export interface DemoRegistryLayout {
  readonly options: DemoRegistryOptions;
  readonly rounds: readonly DemoRound[];
  /** the frozen rounds, in the order of the quotas and categories */
  readonly pastRounds: readonly DemoRound[];
  readonly communes: readonly DemoCommune[];
  readonly villages: readonly RegistryVillage[];
  readonly quotas: readonly RoundQuotas[];
  /** per household: its village (index) and its number in the village (1, 2, …) */
  readonly villageOf: Int32Array;
  readonly numberInVillage: Int32Array;
  readonly traits: readonly HouseholdTraits[];
  readonly disadvantage: Float64Array;
}

export interface DemoRegistryPlan extends DemoRegistryLayout {
  /** categories[round][household]: index into CATEGORY_ORDER, or ABSENT */
  readonly categories: readonly Uint8Array[];
}

export interface DemoAssessment {
  readonly year: number;
  readonly standardVersion: string;
  readonly incomePerCapita: number;
  readonly deprivations: readonly string[];
  readonly category: PovertyCategory;
  readonly reason: string;
  readonly transition: TransitionCode;
  readonly stableEscapeYears: number | null;
  /** the facts behind each deprivation, for the latest round only (earlier facts were not recorded) */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface DemoHousehold {
  readonly index: number;
  readonly code: string;
  readonly villageCode: string;
  readonly area: Area;
  readonly headName: string;
  readonly ethnicMinority: boolean;
  readonly femaleHead: boolean;
  readonly hasMeritPerson: boolean;
  readonly hasSocialProtection: boolean;
  readonly firstYear: number;
  readonly closedOn: string | null;
  readonly closedReason: string | null;
  readonly dwelling: DemoDwelling;
  readonly members: readonly (DemoMember & { readonly facts: DemoMemberFacts })[];
  readonly assessments: readonly DemoAssessment[];
  readonly loans: readonly DemoLoan[];
  readonly escapeRegistrations: readonly DemoEscapeRegistration[];
  readonly applications: readonly DemoInYearApplication[];
}

function villagesOfStructure(directory: UnitDirectory): {
  communes: DemoCommune[];
  villages: RegistryVillage[];
} {
  const communeVersions = directory.unitsOn(HOUSEHOLD_STRUCTURE_DATE, 'commune');
  const communes = communeVersions.map((c: UnitVersion): DemoCommune => ({
    code: c.code,
    name: c.name,
    kind: c.kind,
    districtCode: c.parentCode ?? '',
  }));
  const communeIndex = new Map(communes.map((c, i) => [c.code, i]));
  const villages = directory
    .unitsOn(HOUSEHOLD_STRUCTURE_DATE, 'village')
    .filter((v) => v.isDemo)
    .map((v): RegistryVillage => {
      const index = communeIndex.get(v.parentCode ?? '');
      const commune = index === undefined ? undefined : communes[index];
      if (index === undefined || !commune) throw new Error(`Thôn ${v.code} không thuộc xã nào năm 2019.`);
      return {
        code: v.code,
        communeIndex: index,
        districtCode: commune.districtCode,
        urban: isUrbanKind(commune.kind),
      };
    });
  if (villages.length === 0) {
    throw new Error(
      'Chưa có thôn, bản mẫu trong danh mục đơn vị: hãy nạp dữ liệu mẫu (thôn, bản) trước sổ hộ mẫu.',
    );
  }
  return { communes, villages };
}

/** Where the households live, who they are, and the quotas of every round — everything but the simulation. */
export function layoutDemoRegistry(
  directory: UnitDirectory,
  options: DemoRegistryOptions,
): DemoRegistryLayout {
  if (!Number.isInteger(options.households) || options.households < 1) {
    throw new Error(`Số hộ mẫu phải là số nguyên dương, không phải "${options.households}".`);
  }
  const { seed } = options;
  const rounds = planDemoRounds(seed);
  const pastRounds = rounds.filter((r) => r.state === 'frozen');
  const { communes, villages } = villagesOfStructure(directory);

  // Khối phố of towns and wards hold more households than mountain villages.
  const weights = villages.map((v) => {
    const random = createRandom(streamSeed(seed, 'village-size', v.code));
    return (v.urban ? 1.6 : 1) * Math.exp(0.35 * random.normal());
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const perVillage = allocateLargestRemainder(
    weights.map((w) => (w / totalWeight) * options.households),
    weights.map(() => options.households),
    options.households,
  );
  const villageEffect = villages.map(
    (v) => 0.35 * createRandom(streamSeed(seed, 'village-effect', v.code)).normal(),
  );

  const count = options.households;
  const villageOf = new Int32Array(count);
  const numberInVillage = new Int32Array(count);
  const disadvantage = new Float64Array(count);
  const traits: HouseholdTraits[] = [];
  const firstRound = pastRounds[0]?.year ?? 2016;
  const lastRound = pastRounds.at(-1)?.year ?? 2025;
  let h = 0;
  villages.forEach((village, v) => {
    for (let n = 1; n <= (perVillage[v] ?? 0); n += 1) {
      const random = createRandom(streamSeed(seed, 'household', h));
      const t = drawHouseholdTraits(random, {
        urban: village.urban,
        districtCode: village.districtCode,
        firstRound,
        lastRound,
      });
      villageOf[h] = v;
      numberInVillage[h] = n;
      traits.push(t);
      // Demo weights of what keeps a household poor within its commune.
      disadvantage[h] =
        (villageEffect[v] ?? 0) +
        (t.headEthnicity === 'Kinh' ? 0 : 0.3) +
        (t.femaleHead ? 0.15 : 0) +
        (t.hasSocialProtection ? 0.4 : 0) -
        (t.hasMeritPerson ? 0.15 : 0) +
        (t.firstYear > firstRound ? 0.2 : 0) +
        random.normal();
      h += 1;
    }
  });

  const present = pastRounds.map((round) => {
    const counts = new Int32Array(communes.length);
    traits.forEach((t, i) => {
      if (t.firstYear <= round.year && round.year <= t.lastYear) {
        const village = villages[villageOf[i] ?? 0];
        if (village) counts[village.communeIndex] = (counts[village.communeIndex] ?? 0) + 1;
      }
    });
    return counts;
  });
  const targets = pastRounds.map((round) => {
    const target = LANG_SON_DEMO_TARGETS.find((t) => t.year === round.year);
    if (!target) throw new Error(`Thiếu số liệu hiệu chỉnh cho kỳ rà soát ${round.year}.`);
    return target;
  });
  const quotas = planCommuneQuotas(profileCommunes(communes, pastRounds.length, seed), present, targets);
  return {
    options,
    rounds,
    pastRounds,
    communes,
    villages,
    quotas,
    villageOf,
    numberInVillage,
    traits,
    disadvantage,
  };
}

export function planDemoRegistry(directory: UnitDirectory, options: DemoRegistryOptions): DemoRegistryPlan {
  const layout = layoutDemoRegistry(directory, options);
  const { pastRounds, traits } = layout;
  const base = pastRounds[0]?.year ?? 2016;
  const categories = simulateCategories(
    {
      communeIndex: Int32Array.from(layout.villageOf, (v) => layout.villages[v]?.communeIndex ?? 0),
      disadvantage: layout.disadvantage,
      firstRound: Uint8Array.from(traits, (t) => t.firstYear - base),
      lastRound: Uint8Array.from(traits, (t) => t.lastYear - base),
    },
    layout.quotas,
    streamSeed(options.seed, 'shocks'),
  );
  return { ...layout, categories };
}

/** Household codes: HN-<village code>-<number in the village, 3 digits or more>. */
export function householdCode(villageCode: string, number: number): string {
  return `HN-${villageCode}-${String(number).padStart(3, '0')}`;
}

/**
 * Everything about household `index`. Citizen IDs are unique across `usedCitizenIds`, which the caller keeps for
 * the whole registry; generate households in index order for a reproducible registry.
 */
export function generateDemoHousehold(
  plan: DemoRegistryPlan,
  index: number,
  usedCitizenIds: Set<string>,
): DemoHousehold {
  const traits = plan.traits[index];
  const village = plan.villages[plan.villageOf[index] ?? -1];
  if (!traits || !village) throw new Error(`Không có hộ mẫu số ${index}.`);
  const random = createRandom(streamSeed(plan.options.seed, 'household-detail', index));
  const area: Area = village.urban ? 'urban' : 'rural';
  const members = drawMembers(
    random,
    traits,
    ethnicMixFor(village.urban, village.districtCode),
    usedCitizenIds,
  );

  const rounds = plan.pastRounds.flatMap((round, r) => {
    const code = plan.categories[r]?.[index] ?? ABSENT;
    const category = CATEGORY_ORDER[code];
    return code === ABSENT || !category ? [] : [{ year: round.year, standard: round.standard, category }];
  });
  const drawn = drawAssessments(random, { area, members }, rounds);
  const transitions = deriveTransitions(
    drawn.map((d) => ({ round: d.year, category: d.classification.category })),
  );
  const latest = drawn.at(-1);
  if (!latest) throw new Error(`Hộ mẫu số ${index} không tham gia kỳ rà soát nào.`);
  const facts = describeFacts(random, latest.standard, latest.year, area, members, latest.deprivations);
  const causes = new Map(facts.derivation.deprivations.map((d) => [d.code, d.cause]));

  const assessments = drawn.map((d, i): DemoAssessment => {
    const transition = transitions[i];
    if (!transition) throw new Error(`Thiếu biến động của hộ mẫu số ${index}, năm ${d.year}.`);
    return {
      year: d.year,
      standardVersion: d.classification.version,
      incomePerCapita: d.incomePerCapita,
      deprivations: d.deprivations,
      category: d.classification.category,
      reason: d.classification.reason,
      transition: transition.transition,
      stableEscapeYears: transition.stableEscapeYears,
      detail:
        d === latest
          ? {
              deprivations: d.classification.deprivations.map((x) => ({
                code: x.code,
                name: x.name,
                cause: causes.get(x.code) ?? null,
                source: 'derived',
              })),
              overrides: [],
              undetermined: [],
            }
          : {},
    };
  });
  const history = assessments.map((a) => ({ year: a.year, category: a.category, transition: a.transition }));
  // A closed household borrows and registers nothing after it closed.
  const today =
    traits.closedOn !== null && traits.closedOn < plan.options.today ? traits.closedOn : plan.options.today;
  const lastRoundYear = plan.pastRounds.at(-1)?.year ?? DEMO_OPEN_ROUND_YEAR - 1;
  const head = members[0];
  if (!head) throw new Error(`Hộ mẫu số ${index} không có chủ hộ.`);
  return {
    index,
    code: householdCode(village.code, plan.numberInVillage[index] ?? 0),
    villageCode: village.code,
    area,
    headName: head.fullName,
    ethnicMinority: traits.headEthnicity !== 'Kinh',
    femaleHead: traits.femaleHead,
    hasMeritPerson: traits.hasMeritPerson,
    hasSocialProtection: traits.hasSocialProtection,
    firstYear: traits.firstYear,
    closedOn: traits.closedOn,
    closedReason: traits.closedReason,
    dwelling: facts.dwelling,
    members: members.map((m, i) => ({ ...m, facts: facts.memberFacts[i] as DemoMemberFacts })),
    assessments,
    loans: drawLoans(random, history, today),
    escapeRegistrations: drawEscapeRegistrations(random, history, DEMO_OPEN_ROUND_YEAR, today),
    applications: drawInYearApplications(random, history, lastRoundYear, today),
  };
}
