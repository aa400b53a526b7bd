// The recorded facts of a demo household — its dwelling (materials, floor area, water, latrine, telecom,
// information devices) and each member's schooling, insurance, work and health — written so that the standard's
// default deprivation rules (deriveDeprivations) give back exactly the deprivations of its latest assessment.
// An officer who opens the household in the 2026 round therefore starts from facts that agree with last year's list.

import {
  deriveDeprivations,
  type Area,
  type DeprivationDerivation,
  type EmploymentStatus,
  type HouseholdFacts,
  type InformationDevice,
  type PovertyStandard,
  type SchoolingLevel,
} from '../../../domain/poverty/index.ts';
import type { Random } from './demo-random.ts';

/** households.dwelling: the keys the registry's household schema accepts. */
export interface DemoDwelling {
  hasHouse: boolean;
  wallDurable: boolean;
  frameDurable: boolean;
  roofDurable: boolean;
  wallMaterial: string;
  frameMaterial: string;
  roofMaterial: string;
  floorArea: number;
  hygienicWater: boolean;
  waterSource: string;
  hygienicLatrine: boolean;
  latrineType: string;
  anyMemberUsesPhone: boolean;
  anyMemberUsesInternet: boolean;
  informationDevices: InformationDevice[];
  hearsVillageLoudspeaker: boolean;
}

/** household_members.facts */
export interface DemoMemberFacts {
  hasHealthInsurance: boolean;
  schooling: SchoolingLevel;
  inSchool: boolean;
  attendsAgeAppropriateLevel?: boolean;
  illnessUntreated12m: boolean;
  employment: EmploymentStatus;
  severelyDisabled: boolean;
  stunted?: boolean;
  underweight?: boolean;
}

export interface PersonYears {
  readonly fullName: string;
  readonly birthYear: number;
}

const DURABLE = {
  wall: ['gạch', 'bê tông', 'đá', 'gạch bi xi măng'],
  frame: ['bê tông cốt thép', 'gỗ nghiến', 'gạch chịu lực'],
  roof: ['ngói', 'mái bằng bê tông', 'tôn'],
};
const FLIMSY = {
  wall: ['đất', 'tranh, tre, nứa', 'gỗ tạp', 'phên liếp'],
  frame: ['tre', 'gỗ tạp'],
  roof: ['lá cọ', 'tranh', 'fibro xi măng đã mục'],
};
const SAFE_WATER = ['nước máy', 'giếng khoan', 'nước tự chảy qua bể lọc', 'giếng đào có thành và nắp'];
const UNSAFE_WATER = ['sông, suối', 'giếng đào không được bảo vệ', 'nước mưa không được bảo quản', 'ao, hồ'];
const GOOD_LATRINE = ['tự hoại', 'bán tự hoại', 'hai ngăn'];
const BAD_LATRINE = ['hố xí đào đơn giản', 'không có nhà tiêu', 'cầu tiêu trên ao'];

function urbanComputer(area: Area): number {
  return area === 'urban' ? 0.3 : 0.05;
}

/** Completed schooling typical of the age and generation, never below lower-secondary for those born since 1986. */
function usualSchooling(random: Random, age: number, birthYear: number): SchoolingLevel {
  if (age < 11) return 'none';
  if (age < 15) return 'primary';
  if (age < 18) return 'lower_secondary';
  if (birthYear >= 1986) {
    return random.weighted<SchoolingLevel>([
      ['lower_secondary', 45],
      ['upper_secondary', 35],
      ['vocational', 12],
      ['higher', 8],
    ]);
  }
  return random.weighted<SchoolingLevel>([
    ['none', 8],
    ['primary', 35],
    ['lower_secondary', 40],
    ['upper_secondary', 14],
    ['vocational', 3],
  ]);
}

/** The member facts in the shape the poverty rules read (the same mapping the registry uses). */
export function toHouseholdFacts(
  dwelling: DemoDwelling,
  members: readonly (PersonYears & { facts: DemoMemberFacts })[],
): HouseholdFacts {
  return {
    members: members.map((m) => ({ name: m.fullName, birthYear: m.birthYear, ...m.facts })),
    dwelling: {
      hasHouse: dwelling.hasHouse,
      wallDurable: dwelling.wallDurable,
      frameDurable: dwelling.frameDurable,
      roofDurable: dwelling.roofDurable,
      wallMaterial: dwelling.wallMaterial,
      frameMaterial: dwelling.frameMaterial,
      roofMaterial: dwelling.roofMaterial,
      floorArea: dwelling.floorArea,
      hygienicWater: dwelling.hygienicWater,
      waterSource: dwelling.waterSource,
      hygienicLatrine: dwelling.hygienicLatrine,
      latrineType: dwelling.latrineType,
    },
    telecom: {
      anyMemberUsesPhone: dwelling.anyMemberUsesPhone,
      anyMemberUsesInternet: dwelling.anyMemberUsesInternet,
    },
    informationDevices: dwelling.informationDevices,
    hearsVillageLoudspeaker: dwelling.hearsVillageLoudspeaker,
  };
}

export interface DescribedFacts {
  readonly dwelling: DemoDwelling;
  readonly memberFacts: readonly DemoMemberFacts[];
  /** deriveDeprivations over the facts: equal to the deprivations asked for, with the fact behind each */
  readonly derivation: DeprivationDerivation;
}

/**
 * Facts for the household as of 31/12 of `year` under `standard` that make it deprived in exactly `deprivations`.
 * Throws when the rules would read them otherwise (a generator bug).
 */
export function describeFacts(
  random: Random,
  standard: PovertyStandard,
  year: number,
  area: Area,
  members: readonly PersonYears[],
  deprivations: readonly string[],
): DescribedFacts {
  const rules = standard.deprivationRules;
  const deprived = new Set(deprivations);
  const ages = members.map((m) => year - m.birthYear);

  const facts: DemoMemberFacts[] = members.map((m, i) => {
    const age = ages[i] ?? 0;
    const inSchool = age >= 3 && (age < 18 || (age < 23 && random.chance(0.2)));
    const fact: DemoMemberFacts = {
      hasHealthInsurance: true,
      schooling: usualSchooling(random, age, m.birthYear),
      inSchool,
      illnessUntreated12m: false,
      employment:
        age < rules.workingAge.minAge || inSchool
          ? 'not_in_labour_force'
          : age > rules.workingAge.maxAge && random.chance(0.6)
            ? 'not_in_labour_force'
            : 'stable',
      severelyDisabled: false,
    };
    if (inSchool) fact.attendsAgeAppropriateLevel = true;
    if (age < rules.nutritionChildUnderAge) {
      fact.stunted = false;
      fact.underweight = false;
    }
    return fact;
  });
  const pickMember = (test: (age: number, index: number) => boolean): DemoMemberFacts => {
    const candidates = facts.filter((_, i) => test(ages[i] ?? 0, i));
    const chosen = candidates.length > 0 ? random.pick(candidates) : undefined;
    if (!chosen) throw new Error(`Lỗi sinh dữ liệu mẫu: không có nhân khẩu phù hợp cho chỉ số thiếu hụt.`);
    return chosen;
  };

  if (deprived.has('health_insurance')) {
    pickMember((age) => age >= rules.healthInsuranceMinAge).hasHealthInsurance = false;
  }
  if (deprived.has('health_access')) pickMember(() => true).illnessUntreated12m = true;
  if (deprived.has('adult_education')) {
    const { minAge, maxAge, bornFromYear } = rules.adultEducation;
    const member = pickMember(
      (age, i) =>
        age >= minAge &&
        (maxAge === null || age <= maxAge) &&
        (bornFromYear === null || (members[i]?.birthYear ?? 0) >= bornFromYear),
    );
    member.schooling = random.chance(0.8) ? 'primary' : 'none';
    member.inSchool = false;
    delete member.attendsAgeAppropriateLevel;
    if (member.employment === 'not_in_labour_force') member.employment = 'stable';
  }
  if (deprived.has('child_schooling')) {
    const { minAge, maxAgeExclusive, requireAgeAppropriateLevel } = rules.childSchooling;
    const child = pickMember((age) => age >= minAge && age < maxAgeExclusive);
    if (requireAgeAppropriateLevel && random.chance(0.3)) {
      child.inSchool = true;
      child.attendsAgeAppropriateLevel = false;
    } else {
      child.inSchool = false;
      delete child.attendsAgeAppropriateLevel;
    }
  }
  if (deprived.has('employment')) {
    const { minAge, maxAge } = rules.workingAge;
    const working = (age: number) => age >= minAge && age <= maxAge;
    const outOfSchool = facts.some((f, i) => working(ages[i] ?? 0) && !f.inSchool);
    const member = pickMember((age, i) => working(age) && (!outOfSchool || !facts[i]?.inSchool));
    member.employment = random.chance(0.7) ? 'unstable' : 'unemployed';
  }
  if (deprived.has('nutrition')) {
    const child = pickMember((age) => age < rules.nutritionChildUnderAge);
    if (random.chance(0.6)) child.stunted = true;
    else child.underweight = true;
  }

  const persons = members.length;
  const weakHouse = deprived.has('housing_quality');
  // At least 2 of walls, frame, roof non-durable (default rule); otherwise at most one.
  const parts = ['wall', 'frame', 'roof'] as const;
  // The default rule: at least 2 of walls, frame, roof non-durable; a sound house may still have one weak part.
  const weakParts = new Set<string>(
    weakHouse
      ? random.chance(0.5)
        ? parts
        : random.pick([
            ['wall', 'roof'],
            ['wall', 'frame'],
            ['frame', 'roof'],
          ])
      : area === 'rural' && random.chance(0.3)
        ? [random.pick(parts)]
        : [],
  );
  const part = (name: 'wall' | 'frame' | 'roof') =>
    weakParts.has(name) ? random.pick(FLIMSY[name]) : random.pick(DURABLE[name]);
  const minArea = rules.minFloorAreaPerPerson * persons;
  const floorArea = deprived.has('housing_area')
    ? random.int(Math.max(6, Math.ceil(minArea * 0.4)), Math.ceil(minArea) - 1)
    : random.int(Math.ceil(minArea), Math.ceil(minArea) + random.int(10, 90));
  const noInternetRule = rules.telecom === 'internet';
  const telecomDeprived = deprived.has('telecom');
  const informationDeprived = deprived.has('information_access') || deprived.has('information_assets');
  const counted = rules.informationDevices;
  // Devices owned: none that the standard counts when deprived; otherwise a television for most, and a smartphone
  // where someone uses the internet (NĐ 07/2021 counts it, QĐ 59/2015 does not).
  const internet = !telecomDeprived && (noInternetRule || random.chance(0.6));
  let devices: InformationDevice[];
  if (informationDeprived) {
    devices = (['smartphone', 'radio'] as const).filter(
      (d) => !counted.includes(d) && internet && random.chance(0.5),
    );
  } else {
    const owned = new Set<InformationDevice>();
    if (internet) owned.add('smartphone');
    if (random.chance(0.75)) owned.add('tv');
    if (random.chance(0.1)) owned.add('radio');
    if (random.chance(urbanComputer(area))) owned.add('computer');
    if (![...owned].some((d) => counted.includes(d))) owned.add(random.chance(0.85) ? 'tv' : 'radio');
    devices = [...owned];
  }

  const dwelling: DemoDwelling = {
    hasHouse: true,
    wallDurable: !weakParts.has('wall'),
    frameDurable: !weakParts.has('frame'),
    roofDurable: !weakParts.has('roof'),
    wallMaterial: part('wall'),
    frameMaterial: part('frame'),
    roofMaterial: part('roof'),
    floorArea,
    hygienicWater: !deprived.has('water'),
    waterSource: random.pick(deprived.has('water') ? UNSAFE_WATER : SAFE_WATER),
    hygienicLatrine: !deprived.has('latrine'),
    latrineType: random.pick(deprived.has('latrine') ? BAD_LATRINE : GOOD_LATRINE),
    // NĐ 07/2021 counts internet use only; QĐ 59/2015 a phone subscription or the internet.
    anyMemberUsesPhone: telecomDeprived ? noInternetRule && random.chance(0.6) : true,
    anyMemberUsesInternet: internet,
    informationDevices: devices,
    // QĐ 59/2015: hearing the village loudspeaker is access to information too.
    hearsVillageLoudspeaker:
      informationDeprived && rules.villageLoudspeakerCounts ? false : random.chance(0.7),
  };

  const derivation = deriveDeprivations(
    standard,
    toHouseholdFacts(
      dwelling,
      members.map((m, i) => ({ ...m, facts: facts[i] as DemoMemberFacts })),
    ),
    `${year}-12-31`,
  );
  const derived = derivation.deprivations.map((d) => d.code);
  const wanted = standard.indicators.map((i) => i.code).filter((code) => deprived.has(code));
  if (derivation.undetermined.length > 0 || derived.join() !== wanted.join()) {
    throw new Error(
      `Lỗi sinh dữ liệu mẫu: dữ kiện của hộ cho thiếu hụt [${derived.join(', ')}] thay vì [${wanted.join(', ')}]` +
        (derivation.undetermined.length > 0
          ? `, chưa xác định [${derivation.undetermined.join(', ')}]`
          : '') +
        '.',
    );
  }
  return { dwelling, memberFacts: facts, derivation };
}
