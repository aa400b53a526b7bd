// The facts about a household's members and dwelling from which deprivations are derived.
// Every fact is optional: an unrecorded fact leaves its indicator undetermined rather than guessed.

import { PovertyRuleError } from './poverty-errors.ts';
import type { InformationDevice, SchoolingLevel } from './poverty-standard.ts';

/** Stable work or not, as recorded on Phiếu B (NĐ 07/2021 indicator "việc làm"). */
export type EmploymentStatus = 'stable' | 'unstable' | 'unemployed' | 'not_in_labour_force';

export interface MemberFacts {
  readonly name: string;
  /** yyyy-MM-dd; preferred to birthYear when both are known. */
  readonly birthDate?: string;
  readonly birthYear?: number;
  readonly hasHealthInsurance?: boolean;
  /** Highest level completed. */
  readonly schooling?: SchoolingLevel;
  readonly inSchool?: boolean;
  /** Attending the level right for the age (NĐ 07/2021); only read when inSchool is true. */
  readonly attendsAgeAppropriateLevel?: boolean;
  /** Ill in the last 12 months and did not get treatment (QĐ 59/2015 "tiếp cận dịch vụ y tế"). */
  readonly illnessUntreated12m?: boolean;
  readonly employment?: EmploymentStatus;
  /** Severe disability, unable to work: counts as a dependant. */
  readonly severelyDisabled?: boolean;
  /** Child nutrition (NĐ 07/2021 "dinh dưỡng"). */
  readonly stunted?: boolean;
  readonly underweight?: boolean;
}

export interface DwellingFacts {
  /** false: the household has no house of its own. */
  readonly hasHouse?: boolean;
  readonly wallDurable?: boolean;
  readonly frameDurable?: boolean;
  readonly roofDurable?: boolean;
  /** Material names, only used to explain ("tranh tre", "lá"). */
  readonly wallMaterial?: string;
  readonly frameMaterial?: string;
  readonly roofMaterial?: string;
  /** Floor area of the house, m². */
  readonly floorArea?: number;
  readonly hygienicWater?: boolean;
  /** Only used to explain ("sông, suối"). */
  readonly waterSource?: string;
  readonly hygienicLatrine?: boolean;
  readonly latrineType?: string;
}

/** Whether at least one member uses these telecom services. */
export interface TelecomFacts {
  readonly anyMemberUsesPhone?: boolean;
  readonly anyMemberUsesInternet?: boolean;
}

export interface HouseholdFacts {
  readonly members: readonly MemberFacts[];
  readonly dwelling?: DwellingFacts;
  readonly telecom?: TelecomFacts;
  /** Devices the household owns; undefined when not recorded, [] when it owns none. */
  readonly informationDevices?: readonly InformationDevice[];
  readonly hearsVillageLoudspeaker?: boolean;
}

export interface ReferenceDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Parse the reference date of a review (yyyy-MM-dd); the domain never reads the clock. */
export function parseReferenceDate(isoDate: string): ReferenceDate {
  const parsed = parseIsoDate(isoDate);
  if (!parsed) {
    throw new PovertyRuleError(
      'invalid_reference_date',
      `Ngày tham chiếu "${isoDate}" không hợp lệ; cần dạng yyyy-MM-dd.`,
      { referenceDate: isoDate },
    );
  }
  return parsed;
}

function parseIsoDate(text: string): ReferenceDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/**
 * Age in full years on the reference date; from the birth year alone, the age reached during the
 * reference year (how ages are counted on Phiếu B when only the year is known). Null when unknown.
 */
export function ageOn(member: MemberFacts, on: ReferenceDate): number | null {
  const born = member.birthDate === undefined ? null : parseIsoDate(member.birthDate);
  if (born) {
    const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
    return on.year - born.year - (hadBirthday ? 0 : 1);
  }
  if (member.birthYear !== undefined && Number.isInteger(member.birthYear)) return on.year - member.birthYear;
  return null;
}

export function birthYearOf(member: MemberFacts): number | null {
  const born = member.birthDate === undefined ? null : parseIsoDate(member.birthDate);
  if (born) return born.year;
  return member.birthYear !== undefined && Number.isInteger(member.birthYear) ? member.birthYear : null;
}
