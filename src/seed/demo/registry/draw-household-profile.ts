// Who lives in a demo household: the head's people and sex, the flags the statistics break down by (DOMAIN.md §3:
// ethnic-minority household, female head, people of merit, social-protection beneficiaries), the rounds the
// household takes part in, and its 2–7 members with birth years, relations and citizen IDs.

import { drawCitizenId } from './citizen-id.ts';
import type { Random } from './demo-random.ts';
import { drawFamilyName, drawFullName, type Ethnicity, type Sex } from './vietnamese-names.ts';

export type Relation = 'Chủ hộ' | 'Vợ' | 'Chồng' | 'Con' | 'Cháu' | 'Bố' | 'Mẹ';

export interface HouseholdTraits {
  readonly headEthnicity: Ethnicity;
  readonly femaleHead: boolean;
  readonly hasMeritPerson: boolean;
  readonly hasSocialProtection: boolean;
  /** The first round the household takes part in (a household formed later by "tách hộ" starts after 2016). */
  readonly firstYear: number;
  /** The last round it takes part in; before the end when it closed. */
  readonly lastYear: number;
  readonly closedOn: string | null;
  readonly closedReason: string | null;
}

export interface DemoMember {
  readonly fullName: string;
  readonly birthYear: number;
  readonly sex: Sex;
  readonly relation: Relation;
  readonly ethnicity: Ethnicity;
  readonly citizenId: string | null;
}

type Mix = readonly (readonly [Ethnicity, number])[];

// Peoples of Lạng Sơn (census 2019: Nùng ≈ 42 %, Tày ≈ 36 %, Kinh ≈ 16 %, Dao ≈ 3.5 %, Sán Chay, Hoa, Mông): about
// 85 % of rural households are of an ethnic minority; towns and wards are more Kinh. Demo mixes per district.
const RURAL_MIX: Mix = [
  ['Nùng', 43],
  ['Tày', 37],
  ['Kinh', 13],
  ['Dao', 4.5],
  ['Sán Chay', 1.5],
  ['Mông', 0.5],
  ['Hoa', 0.5],
];
const NUNG_MAJORITY: Mix = [
  ['Nùng', 61],
  ['Tày', 21],
  ['Kinh', 13],
  ['Dao', 3],
  ['Hoa', 1],
  ['Sán Chay', 1],
];
const RURAL_MIX_BY_DISTRICT: Readonly<Record<string, Mix>> = {
  '180': [
    ['Tày', 55],
    ['Nùng', 33],
    ['Kinh', 8],
    ['Dao', 4],
  ],
  '181': [
    ['Tày', 70],
    ['Nùng', 12],
    ['Kinh', 8],
    ['Dao', 9],
    ['Mông', 1],
  ],
  '182': NUNG_MAJORITY,
  '183': NUNG_MAJORITY,
  '184': [
    ['Tày', 60],
    ['Nùng', 25],
    ['Kinh', 10],
    ['Sán Chay', 3],
    ['Dao', 2],
  ],
  '185': [
    ['Tày', 62],
    ['Nùng', 12],
    ['Kinh', 18],
    ['Dao', 7],
    ['Mông', 1],
  ],
  '186': [
    ['Tày', 30],
    ['Nùng', 30],
    ['Kinh', 32],
    ['Dao', 6],
    ['Sán Chay', 2],
  ],
  '187': NUNG_MAJORITY,
  '188': NUNG_MAJORITY,
  '189': [
    ['Tày', 25],
    ['Nùng', 35],
    ['Kinh', 20],
    ['Dao', 17],
    ['Sán Chay', 3],
  ],
};
const URBAN_MIX: Mix = [
  ['Kinh', 48],
  ['Tày', 27],
  ['Nùng', 20],
  ['Hoa', 3],
  ['Dao', 2],
];

export function ethnicMixFor(urban: boolean, districtCode: string): Mix {
  if (urban) return URBAN_MIX;
  return RURAL_MIX_BY_DISTRICT[districtCode] ?? RURAL_MIX;
}

const CLOSED_REASONS = ['Chuyển đi nơi khác', 'Nhập vào hộ khác', 'Chủ hộ sống một mình đã qua đời'];

export interface TraitOptions {
  readonly urban: boolean;
  readonly districtCode: string;
  readonly firstRound: number;
  readonly lastRound: number;
}

export function drawHouseholdTraits(random: Random, options: TraitOptions): HouseholdTraits {
  const { firstRound, lastRound } = options;
  const headEthnicity = random.weighted(ethnicMixFor(options.urban, options.districtCode));
  const femaleHead = random.chance(options.urban ? 0.25 : 0.17);
  // About 0.5 % of households a year are new ones split from their parents' household (tách hộ).
  const firstYear = random.chance(0.95) ? firstRound : random.int(firstRound + 1, lastRound);
  let lastYear = lastRound;
  let closedOn: string | null = null;
  let closedReason: string | null = null;
  // A few households close (move away, merge into another): they leave after their last round, before the next
  // one, and never in the last year so that the open round finds them closed already.
  if (firstYear < lastRound && random.chance(0.02)) {
    lastYear = random.int(firstYear, lastRound - 1);
    closedOn = `${lastYear + 1}-${String(random.int(1, 8)).padStart(2, '0')}-${String(random.int(5, 28)).padStart(2, '0')}`;
    closedReason = random.pick(CLOSED_REASONS);
  }
  return {
    headEthnicity,
    femaleHead,
    hasMeritPerson: random.chance(0.03),
    hasSocialProtection: random.chance(0.06),
    firstYear,
    lastYear,
    closedOn,
    closedReason,
  };
}

const SIZE_WEIGHTS: readonly (readonly [number, number])[] = [
  [2, 15],
  [3, 20],
  [4, 30],
  [5, 18],
  [6, 11],
  [7, 6],
];

/** Adults (18 or more in the last round) hold a citizen ID on record in this share of cases. */
const CITIZEN_ID_SHARE = 0.7;

interface Draft {
  birthYear: number;
  sex: Sex;
  relation: Relation;
  ethnicity: Ethnicity;
  familyName: string;
}

/**
 * The members, head first. Nobody is born after the household's last round (the last round's facts list them
 * all); adults get a citizen ID on a share of them, unique across `usedIds`.
 */
export function drawMembers(
  random: Random,
  traits: HouseholdTraits,
  mix: Mix,
  usedIds: Set<string>,
): DemoMember[] {
  const cap = traits.lastYear;
  const size = random.weighted(SIZE_WEIGHTS);
  const headSex: Sex = traits.femaleHead ? 'female' : 'male';
  const headBirth =
    traits.firstYear > 2016
      ? traits.firstYear - random.int(20, 34)
      : random.chance(0.8)
        ? random.int(1958, 1992)
        : random.int(1945, 1996);
  const head: Draft = {
    birthYear: headBirth,
    sex: headSex,
    relation: 'Chủ hộ',
    ethnicity: traits.headEthnicity,
    familyName: drawFamilyName(random, traits.headEthnicity),
  };
  const drafts: Draft[] = [head];
  const otherEthnicity = () => (random.chance(0.8) ? traits.headEthnicity : random.weighted(mix));

  const hasSpouse = random.chance(headSex === 'male' ? 0.9 : 0.35);
  if (hasSpouse && drafts.length < size) {
    const ethnicity = otherEthnicity();
    drafts.push({
      birthYear: Math.min(
        cap - 18,
        headSex === 'male' ? headBirth + random.int(-2, 6) : headBirth - random.int(-2, 6),
      ),
      sex: headSex === 'male' ? 'female' : 'male',
      relation: headSex === 'male' ? 'Vợ' : 'Chồng',
      ethnicity,
      familyName: drawFamilyName(random, ethnicity),
    });
  }
  const father = drafts.find((d) => d.sex === 'male') ?? head;
  const mother = drafts.find((d) => d.sex === 'female') ?? head;
  const age = 2025 - headBirth;
  const plan: Relation[] =
    age >= 60
      ? ['Con', 'Cháu', 'Con', 'Cháu', 'Cháu', 'Con']
      : age <= 42
        ? ['Con', 'Con', 'Bố', 'Mẹ', 'Con', 'Con']
        : ['Con', 'Con', 'Con', 'Con', 'Cháu', 'Cháu'];
  const children: Draft[] = [];
  const parentsBorn = headBirth - random.int(22, 32);
  // Children one after another, 1–5 years apart, from the mother's 19th to her 42nd year.
  let nextChild = mother.birthYear + random.int(19, 28);
  for (const wanted of plan) {
    if (drafts.length >= size) break;
    let relation: Relation = wanted;
    if (relation === 'Bố' || relation === 'Mẹ') {
      // The head's parents are about the same age as each other.
      const parentBirth =
        (relation === 'Bố' ? parentsBorn : parentsBorn + random.int(0, 4)) + random.int(-1, 1);
      if (parentBirth < 1935) relation = 'Con';
      else {
        const ethnicity = relation === 'Bố' ? head.ethnicity : otherEthnicity();
        drafts.push({
          birthYear: parentBirth,
          sex: relation === 'Bố' ? 'male' : 'female',
          relation,
          ethnicity,
          familyName: relation === 'Bố' ? head.familyName : drawFamilyName(random, ethnicity),
        });
        continue;
      }
    }
    if (relation === 'Cháu') {
      const parent = children.find((c) => c.birthYear + 20 <= cap);
      if (parent) {
        drafts.push({
          birthYear: random.int(parent.birthYear + 20, Math.min(cap, parent.birthYear + 36)),
          sex: random.chance(0.5) ? 'male' : 'female',
          relation: 'Cháu',
          ethnicity: father.ethnicity,
          familyName: parent.sex === 'male' ? parent.familyName : father.familyName,
        });
        continue;
      }
    }
    const from = Math.min(cap, mother.birthYear + 19);
    const last = Math.min(cap, Math.max(from, mother.birthYear + 42));
    const birthYear = nextChild <= last ? nextChild : random.int(from, last);
    nextChild = birthYear + random.int(1, 5);
    const child: Draft = {
      birthYear,
      sex: random.chance(0.51) ? 'male' : 'female',
      relation: 'Con',
      ethnicity: father.ethnicity,
      familyName: father.familyName,
    };
    children.push(child);
    drafts.push(child);
  }

  return drafts.map((d) => ({
    fullName: drawFullName(random, d.familyName, d.ethnicity, d.sex, d.birthYear),
    birthYear: d.birthYear,
    sex: d.sex,
    relation: d.relation,
    ethnicity: d.ethnicity,
    citizenId:
      cap - d.birthYear >= 18 && random.chance(CITIZEN_ID_SHARE)
        ? drawCitizenId(random, d.birthYear, d.sex, usedIds)
        : null,
  }));
}
