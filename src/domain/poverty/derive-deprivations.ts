// Derive a household's deprivations from its recorded member and dwelling facts, with the default
// rules of DOMAIN.md §2 (parameters in the standard's deprivationRules, configurable). Each
// deprivation carries the fact that caused it, in Vietnamese, for the household page and the audit.

import { formatNumber, formatPercent } from '../../shared/vi-format.ts';
import type { HouseholdFacts, MemberFacts, ReferenceDate } from './household-facts.ts';
import { ageOn, birthYearOf, parseReferenceDate } from './household-facts.ts';
import type {
  DeprivationRuleParameters,
  InformationDevice,
  PovertyStandard,
  SchoolingLevel,
} from './poverty-standard.ts';

export interface DerivedDeprivation {
  readonly code: string;
  readonly name: string;
  /** The fact that caused it, e.g. "Nguyễn Văn A, 34 tuổi, không có thẻ BHYT". */
  readonly cause: string;
}

export interface DeprivationDerivation {
  /** In the standard's indicator order. */
  readonly deprivations: readonly DerivedDeprivation[];
  /** Indicators the recorded facts cannot decide (a fact is missing, or no default rule exists); tick them on Phiếu B. */
  readonly undetermined: readonly string[];
}

/** Rank of a completed schooling level; a vocational qualification counts as much as upper-secondary. */
export const SCHOOLING_RANK: Readonly<Record<SchoolingLevel, number>> = {
  none: 0,
  primary: 1,
  lower_secondary: 2,
  upper_secondary: 3,
  vocational: 3,
  higher: 4,
};

const SCHOOLING_SHORT_LABELS: Readonly<Record<SchoolingLevel, string>> = {
  none: 'lớp nào',
  primary: 'tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
  vocational: 'trình độ nghề',
  higher: 'cao đẳng, đại học',
};

const DEVICE_LABELS: Readonly<Record<InformationDevice, string>> = {
  tv: 'ti vi',
  radio: 'radio',
  computer: 'máy tính',
  smartphone: 'điện thoại thông minh',
  tablet: 'máy tính bảng',
};

export function deriveDeprivations(
  standard: PovertyStandard,
  facts: HouseholdFacts,
  referenceDate: string,
): DeprivationDerivation {
  const context: RuleContext = {
    facts,
    on: parseReferenceDate(referenceDate),
    rules: standard.deprivationRules,
  };
  const deprivations: DerivedDeprivation[] = [];
  const undetermined: string[] = [];
  for (const indicator of standard.indicators) {
    const rule = INDICATOR_RULES[indicator.code];
    const outcome: Outcome = rule ? rule(context) : { status: 'undetermined' };
    if (outcome.status === 'deprived') {
      deprivations.push({ code: indicator.code, name: indicator.name, cause: outcome.causes.join('; ') });
    } else if (outcome.status === 'undetermined') {
      undetermined.push(indicator.code);
    }
  }
  return { deprivations, undetermined };
}

interface RuleContext {
  readonly facts: HouseholdFacts;
  readonly on: ReferenceDate;
  readonly rules: DeprivationRuleParameters;
}

type Outcome =
  { status: 'deprived'; causes: string[] } | { status: 'not_deprived' } | { status: 'undetermined' };

/** For one member: the fact that makes the household deprived, fine, or not enough recorded to say. */
type MemberOutcome = { cause: string } | 'fine' | 'unknown';

type IndicatorRule = (context: RuleContext) => Outcome;

const deprived = (...causes: string[]): Outcome => ({ status: 'deprived', causes });
const notDeprived: Outcome = { status: 'not_deprived' };
const undetermined: Outcome = { status: 'undetermined' };

/** Deprived when any member is; undetermined when none is but some member's facts are missing. */
function anyMember(
  context: RuleContext,
  evaluate: (member: MemberFacts, age: number | null, person: string) => MemberOutcome,
): Outcome {
  const { members } = context.facts;
  if (members.length === 0) return undetermined;
  const causes: string[] = [];
  let unknown = false;
  for (const member of members) {
    const age = ageOn(member, context.on);
    const person = age === null ? member.name : `${member.name}, ${age} tuổi`;
    const outcome = evaluate(member, age, person);
    if (outcome === 'unknown') unknown = true;
    else if (outcome !== 'fine') causes.push(outcome.cause);
  }
  if (causes.length > 0) return deprived(...causes);
  return unknown ? undetermined : notDeprived;
}

function fromFlag(flag: boolean | undefined, causeWhenFalse: string): Outcome {
  if (flag === undefined) return undetermined;
  return flag ? notDeprived : deprived(causeWhenFalse);
}

const INDICATOR_RULES: Readonly<Record<string, IndicatorRule>> = {
  // QĐ 59/2015: a member was ill and did not get treatment in the last 12 months.
  health_access: (context) =>
    anyMember(context, (member, _age, person) => {
      if (member.illnessUntreated12m === undefined) return 'unknown';
      return member.illnessUntreated12m
        ? { cause: `${person}, ốm đau trong 12 tháng qua nhưng không được khám chữa bệnh` }
        : 'fine';
    }),

  // QĐ 59/2015, NĐ 07/2021: a member aged 6 or more has no health insurance.
  health_insurance: (context) =>
    anyMember(context, (member, age, person) => {
      if (age === null) return 'unknown';
      if (age < context.rules.healthInsuranceMinAge || member.hasHealthInsurance === true) return 'fine';
      if (member.hasHealthInsurance === undefined) return 'unknown';
      return { cause: `${person}, không có thẻ BHYT` };
    }),

  // QĐ 59/2015: aged 15+, born 1986 or later, lower-secondary not finished, not in school.
  // NĐ 07/2021: aged 16–30 without the schooling expected for the age.
  adult_education: (context) =>
    anyMember(context, (member, age, person) => {
      const { minAge, maxAge, bornFromYear, requiredLevel } = context.rules.adultEducation;
      if (age === null) return 'unknown';
      if (age < minAge || (maxAge !== null && age > maxAge)) return 'fine';
      if (bornFromYear !== null) {
        const born = birthYearOf(member);
        if (born === null) return 'unknown';
        if (born < bornFromYear) return 'fine';
      }
      if (member.schooling === undefined) return 'unknown';
      if (SCHOOLING_RANK[member.schooling] >= SCHOOLING_RANK[requiredLevel] || member.inSchool === true)
        return 'fine';
      if (member.inSchool === undefined) return 'unknown';
      return { cause: `${person}, chưa tốt nghiệp ${SCHOOLING_SHORT_LABELS[requiredLevel]} và không đi học` };
    }),

  // QĐ 59/2015: a child aged 5 to under 15 not in school. NĐ 07/2021: 3 to under 16 not at the right level.
  child_schooling: (context) =>
    anyMember(context, (member, age, person) => {
      const { minAge, maxAgeExclusive, requireAgeAppropriateLevel } = context.rules.childSchooling;
      if (age === null) return 'unknown';
      if (age < minAge || age >= maxAgeExclusive) return 'fine';
      if (member.inSchool === undefined) return 'unknown';
      if (!member.inSchool) return { cause: `${person}, không đi học` };
      if (requireAgeAppropriateLevel && member.attendsAgeAppropriateLevel === false) {
        return { cause: `${person}, đi học không đúng cấp học so với độ tuổi` };
      }
      return 'fine';
    }),

  // NĐ 07/2021: a working-age member unemployed or without stable work.
  employment: (context) =>
    anyMember(context, (member, age, person) => {
      const { minAge, maxAge } = context.rules.workingAge;
      if (age === null) return 'unknown';
      if (age < minAge || age > maxAge) return 'fine';
      switch (member.employment) {
        case undefined:
          return 'unknown';
        case 'unemployed':
          return { cause: `${person}, thất nghiệp` };
        case 'unstable':
          return { cause: `${person}, không có việc làm ổn định` };
        case 'stable':
        case 'not_in_labour_force':
          return 'fine';
      }
    }),

  // NĐ 07/2021: dependants (children, the elderly, the severely disabled) more than 50% of members.
  dependants: ({ facts, on, rules }) => {
    const total = facts.members.length;
    if (total === 0) return undetermined;
    const { childUnderAge, elderFromAge, shareAbove } = rules.dependants;
    let known = 0;
    let unknown = 0;
    for (const member of facts.members) {
      const age = ageOn(member, on);
      if (member.severelyDisabled === true || (age !== null && (age < childUnderAge || age >= elderFromAge)))
        known += 1;
      else if (age === null) unknown += 1;
    }
    if (known / total > shareAbove) {
      const percent = (known / total) * 100;
      const limit = shareAbove * 100;
      return deprived(
        `${known}/${total} nhân khẩu là người phụ thuộc (trẻ em dưới ${childUnderAge} tuổi, người từ ${elderFromAge} tuổi, người khuyết tật nặng), ` +
          `${formatPercent(percent, Number.isInteger(percent) ? 0 : 1)} > ${formatPercent(limit, Number.isInteger(limit) ? 0 : 1)}`,
      );
    }
    return (known + unknown) / total > shareAbove ? undetermined : notDeprived;
  },

  // NĐ 07/2021: a child under 16 stunted or underweight.
  nutrition: (context) =>
    anyMember(context, (member, age, person) => {
      if (age === null) return 'unknown';
      if (age >= context.rules.nutritionChildUnderAge) return 'fine';
      const forms = [
        member.stunted === true ? 'thấp còi' : null,
        member.underweight === true ? 'nhẹ cân' : null,
      ].filter((form) => form !== null);
      if (forms.length > 0) return { cause: `${person}, suy dinh dưỡng thể ${forms.join(' và ')}` };
      return member.stunted === false && member.underweight === false ? 'fine' : 'unknown';
    }),

  // At least 2 of walls, frame, roof made of non-durable materials, or no house.
  housing_quality: ({ facts, rules }) => {
    const dwelling = facts.dwelling;
    if (dwelling === undefined) return undetermined;
    if (dwelling.hasHouse === false) return deprived('hộ không có nhà ở');
    const parts = [
      { label: 'tường', durable: dwelling.wallDurable, material: dwelling.wallMaterial },
      { label: 'khung, cột', durable: dwelling.frameDurable, material: dwelling.frameMaterial },
      { label: 'mái', durable: dwelling.roofDurable, material: dwelling.roofMaterial },
    ];
    const weak = parts.filter((part) => part.durable === false);
    const unknown = parts.filter((part) => part.durable === undefined).length;
    if (weak.length >= rules.nonDurablePartsForDeprivation) {
      const list = weak
        .map((part) => (part.material ? `${part.label} (${part.material})` : part.label))
        .join(', ');
      return deprived(`nhà ở có ${list} làm bằng vật liệu không bền chắc`);
    }
    return weak.length + unknown >= rules.nonDurablePartsForDeprivation ? undetermined : notDeprived;
  },

  // Floor area per person under 8 m².
  housing_area: ({ facts, rules }) => {
    const dwelling = facts.dwelling;
    const persons = facts.members.length;
    if (dwelling === undefined || persons === 0) return undetermined;
    if (dwelling.hasHouse === false) return deprived('hộ không có nhà ở');
    if (dwelling.floorArea === undefined) return undetermined;
    const perPerson = dwelling.floorArea / persons;
    if (perPerson >= rules.minFloorAreaPerPerson) return notDeprived;
    return deprived(
      `diện tích nhà ở ${formatMeasure(dwelling.floorArea)} m² cho ${persons} người, ` +
        `bình quân ${formatMeasure(perPerson)} m²/người < ${formatMeasure(rules.minFloorAreaPerPerson)} m²`,
    );
  },

  water: ({ facts }) =>
    fromFlag(
      facts.dwelling?.hygienicWater,
      withDetail('hộ không sử dụng nguồn nước sinh hoạt hợp vệ sinh', facts.dwelling?.waterSource),
    ),

  latrine: ({ facts }) =>
    fromFlag(
      facts.dwelling?.hygienicLatrine,
      withDetail('hộ không có nhà tiêu hợp vệ sinh', facts.dwelling?.latrineType),
    ),

  // QĐ 59/2015: no member uses a phone subscription or the internet. NĐ 07/2021: no member uses the internet.
  telecom: ({ facts, rules }) => {
    const phone = facts.telecom?.anyMemberUsesPhone;
    const internet = facts.telecom?.anyMemberUsesInternet;
    if (rules.telecom === 'internet')
      return fromFlag(internet, 'không thành viên nào trong hộ sử dụng internet');
    if (phone === true || internet === true) return notDeprived;
    if (phone === false && internet === false) {
      return deprived('không thành viên nào trong hộ sử dụng thuê bao điện thoại hoặc internet');
    }
    return undetermined;
  },

  information_assets: (context) => judgeInformationAccess(context),
  information_access: (context) => judgeInformationAccess(context),
};

// QĐ 59/2015: no TV, radio, computer, and cannot hear the village loudspeaker.
// NĐ 07/2021: no device for information access.
function judgeInformationAccess({ facts, rules }: RuleContext): Outcome {
  const owned = facts.informationDevices;
  const counted = rules.informationDevices;
  if (owned?.some((device) => counted.includes(device))) return notDeprived;
  if (rules.villageLoudspeakerCounts && facts.hearsVillageLoudspeaker === true) return notDeprived;
  if (owned === undefined) return undetermined;
  const devices = counted.map((device) => DEVICE_LABELS[device]).join(', ');
  if (!rules.villageLoudspeakerCounts) return deprived(`hộ không có ${devices}`);
  if (facts.hearsVillageLoudspeaker === undefined) return undetermined;
  return deprived(`hộ không có ${devices} và không nghe được loa truyền thanh của thôn`);
}

function withDetail(text: string, detail: string | undefined): string {
  return detail === undefined || detail.trim() === '' ? text : `${text} (${detail.trim()})`;
}

/** 30 → "30", 7.5 → "7,5", 7.999 → "7,99": truncated, so a value below a limit never prints as the limit. */
function formatMeasure(value: number): string {
  const rounded = Math.floor(value * 100 + 1e-9) / 100;
  if (Number.isInteger(rounded)) return formatNumber(rounded);
  return formatNumber(rounded, Number.isInteger(rounded * 10) ? 1 : 2);
}
