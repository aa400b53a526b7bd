import {
  classifyHousehold,
  deriveDeprivations,
  deriveTransitions,
  mergeDeprivations,
  PovertyRuleError,
  toClassificationDeprivations,
  type HouseholdFacts,
  type PovertyCategory,
  type PovertyStandard,
} from '../../../domain/poverty/index.ts';
import type { DwellingInput } from '../../../shared/schemas/households.schema.ts';
import { AppError } from '../../errors.ts';
import type { HouseholdRow, MemberRow } from '../households/households.repository.ts';

/** The recorded facts of a household in the shape the poverty rules read. */
export function householdFacts(household: HouseholdRow, members: MemberRow[]): HouseholdFacts {
  const d = household.dwelling as DwellingInput;
  return {
    members: members.map((m) => ({
      name: m.fullName,
      ...(m.birthDate ? { birthDate: m.birthDate } : {}),
      birthYear: m.birthYear,
      ...(m.facts as object),
    })),
    dwelling: {
      hasHouse: d.hasHouse,
      wallDurable: d.wallDurable,
      frameDurable: d.frameDurable,
      roofDurable: d.roofDurable,
      wallMaterial: d.wallMaterial,
      frameMaterial: d.frameMaterial,
      roofMaterial: d.roofMaterial,
      floorArea: d.floorArea,
      hygienicWater: d.hygienicWater,
      waterSource: d.waterSource,
      hygienicLatrine: d.hygienicLatrine,
      latrineType: d.latrineType,
    },
    telecom: { anyMemberUsesPhone: d.anyMemberUsesPhone, anyMemberUsesInternet: d.anyMemberUsesInternet },
    informationDevices: d.informationDevices,
    hearsVillageLoudspeaker: d.hearsVillageLoudspeaker,
  };
}

export interface AssessInput {
  incomePerCapita: number | null;
  b1Score: number | null;
  ticked: string[];
  overrides: { code: string; deprived: boolean; reason: string }[];
}

export interface AssessResult {
  category: PovertyCategory;
  reason: string;
  version: string;
  deprivations: string[];
  detail: { deprivations: { code: string; name: string; cause: string | null; source: string }[]; overrides: unknown[]; undetermined: string[] };
  transition: string;
  stableEscapeYears: number | null;
}

/**
 * Classifies a household for a round: deprivations derived from its facts, plus those ticked on Phiếu B, plus the
 * officer's overrides; then the standard's rule; then the transition against its earlier rounds.
 */
export function assessHousehold(
  standard: PovertyStandard,
  household: HouseholdRow,
  members: MemberRow[],
  referenceDate: string,
  year: number,
  earlier: { year: number; category: PovertyCategory }[],
  input: AssessInput,
): AssessResult {
  try {
    const derived = deriveDeprivations(standard, householdFacts(household, members), referenceDate);
    const merged = mergeDeprivations(derived.deprivations, input.ticked, input.overrides);
    const forRule = toClassificationDeprivations(merged);
    const result = classifyHousehold(standard, {
      area: household.area,
      incomePerCapita: input.incomePerCapita,
      b1Score: input.b1Score,
      deprivations: forRule.deprivations,
      causes: forRule.causes,
    });
    const history = [...earlier.map((e) => ({ round: e.year, category: e.category })), { round: year, category: result.category }];
    const last = deriveTransitions(history).find((t) => t.round === year)!;
    const sourceOf = new Map(merged.deprivations.map((m) => [m.code, m.source]));
    return {
      category: result.category,
      reason: result.reason,
      version: result.version,
      deprivations: result.deprivations.map((d) => d.code),
      detail: {
        deprivations: result.deprivations.map((d) => ({ code: d.code, name: d.name, cause: d.cause, source: sourceOf.get(d.code) ?? 'ticked' })),
        overrides: [...merged.overrides],
        undetermined: [...derived.undetermined],
      },
      transition: last.transition,
      stableEscapeYears: last.stableEscapeYears,
    };
  } catch (error) {
    if (error instanceof PovertyRuleError) throw new AppError('registry.invalid', error.message);
    throw error;
  }
}
