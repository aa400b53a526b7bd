import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';

export const area = z.enum(['rural', 'urban']);
export const category = z.enum(['poor', 'near_poor', 'middle', 'not_poor']);
export type Category = z.infer<typeof category>;
export const categoryLabels: Record<Category, string> = {
  poor: 'Hộ nghèo',
  near_poor: 'Hộ cận nghèo',
  middle: 'Hộ có mức sống trung bình',
  not_poor: 'Hộ không nghèo',
};
export const transitionCode = z.enum([
  'first_round',
  'stayed_poor',
  'relapsed',
  'new_poor',
  'escaped',
  'stayed_near_poor',
  'relapsed_near_poor',
  'new_near_poor',
  'escaped_near_poor',
  'none',
]);

/** Vietnamese citizen ID (CCCD): 12 digits; the first three are the province-of-birth code 001–096. */
export const citizenId = z
  .string()
  .trim()
  .regex(/^\d{12}$/u, 'Số CCCD phải có đúng 12 chữ số')
  .refine((s) => {
    const p = Number(s.slice(0, 3));
    return p >= 1 && p <= 96;
  }, 'Ba số đầu của CCCD phải là mã tỉnh nơi đăng ký khai sinh (001–096)');

/** "012345678912" → "012*****8912": lists never show a whole citizen ID. */
export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}

export const memberFacts = z
  .object({
    hasHealthInsurance: z.boolean().optional(),
    schooling: z.enum(['none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'higher']).optional(),
    inSchool: z.boolean().optional(),
    attendsAgeAppropriateLevel: z.boolean().optional(),
    illnessUntreated12m: z.boolean().optional(),
    employment: z.enum(['stable', 'unstable', 'unemployed', 'not_in_labour_force']).optional(),
    severelyDisabled: z.boolean().optional(),
    stunted: z.boolean().optional(),
    underweight: z.boolean().optional(),
  })
  .strict();

export const memberInput = z.object({
  fullName: viText(200),
  birthDate: isoDate.nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100),
  sex: z.enum(['male', 'female']),
  relation: viText(50),
  citizenId: citizenId.nullable().default(null),
  ethnicity: viText(50).nullable().default(null),
  facts: memberFacts.default({}),
});
export type MemberInput = z.infer<typeof memberInput>;

export const dwellingFacts = z
  .object({
    hasHouse: z.boolean().optional(),
    wallDurable: z.boolean().optional(),
    frameDurable: z.boolean().optional(),
    roofDurable: z.boolean().optional(),
    wallMaterial: z.string().max(100).optional(),
    frameMaterial: z.string().max(100).optional(),
    roofMaterial: z.string().max(100).optional(),
    floorArea: z.number().min(0).max(10000).optional(),
    hygienicWater: z.boolean().optional(),
    waterSource: z.string().max(100).optional(),
    hygienicLatrine: z.boolean().optional(),
    latrineType: z.string().max(100).optional(),
    anyMemberUsesPhone: z.boolean().optional(),
    anyMemberUsesInternet: z.boolean().optional(),
    informationDevices: z.array(z.enum(['tv', 'radio', 'computer', 'smartphone', 'tablet'])).optional(),
    hearsVillageLoudspeaker: z.boolean().optional(),
  })
  .strict();
export type DwellingInput = z.infer<typeof dwellingFacts>;

export const householdInput = z.object({
  code: z.string().trim().min(1).max(50),
  headName: viText(200),
  villageCode: unitCode,
  area,
  ethnicMinority: z.boolean().default(false),
  femaleHead: z.boolean().default(false),
  hasMeritPerson: z.boolean().default(false),
  hasSocialProtection: z.boolean().default(false),
  dwelling: dwellingFacts.default({}),
  members: z.array(memberInput).min(1, 'Hộ phải có ít nhất một thành viên').max(30),
});
export type HouseholdInput = z.infer<typeof householdInput>;

export const householdPatch = householdInput
  .omit({ code: true, villageCode: true, members: true })
  .partial()
  .extend({ version: z.number().int() });

export const householdListQuery = z.object({
  unitCode: unitCode.optional(),
  roundYear: z.coerce.number().int().min(2000).max(2100).optional(),
  category: category.optional(),
  transition: transitionCode.optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const householdListItem = z.object({
  id: z.string(),
  code: z.string(),
  headName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  communeName: z.string(),
  area,
  memberCount: z.number(),
  headCitizenIdMasked: z.string().nullable(),
  category: category.nullable(),
  transition: z.string().nullable(),
  isAmendment: z.boolean(),
  isDemo: z.boolean(),
});
export const householdList = z.object({ total: z.number(), rows: z.array(householdListItem) });

export const assessmentDto = z.object({
  id: z.string(),
  roundId: z.string(),
  year: z.number(),
  standardId: z.string(),
  standardVersion: z.string(),
  revision: z.number(),
  isCurrent: z.boolean(),
  villageCode: z.string(),
  communeCode: z.string(),
  incomePerCapita: z.number().nullable(),
  b1Score: z.number().nullable(),
  deprivations: z.array(z.object({ code: z.string(), name: z.string(), cause: z.string().nullable() })),
  category,
  reason: z.string(),
  transition: z.string(),
  stableEscapeYears: z.number().nullable(),
  isAmendment: z.boolean(),
  amendmentReason: z.string().nullable(),
  createdAt: z.string(),
});
export type AssessmentDto = z.infer<typeof assessmentDto>;

export const loanInput = z.object({
  amount: z.number().int().positive().max(10_000_000_000),
  purpose: viText(200),
  disbursedOn: isoDate,
  dueOn: isoDate,
  usedAsIntended: z.boolean(),
  interestOnTime: z.boolean(),
  principalOnTime: z.boolean(),
  repaidOn: isoDate.nullable().default(null),
});
// Response schemas carry no transforms (the serializer encodes them): purpose is plain text here.
export const loanDto = loanInput.extend({ purpose: z.string(), id: z.string(), overdue: z.boolean(), isDemo: z.boolean() });

export const householdDetail = z.object({
  id: z.string(),
  code: z.string(),
  headName: z.string(),
  villageCode: z.string(),
  unitPath: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  area,
  ethnicMinority: z.boolean(),
  femaleHead: z.boolean(),
  hasMeritPerson: z.boolean(),
  hasSocialProtection: z.boolean(),
  dwelling: dwellingFacts,
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number(),
  isDemo: z.boolean(),
  members: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      birthDate: z.string().nullable(),
      birthYear: z.number(),
      sex: z.enum(['male', 'female']),
      relation: z.string(),
      citizenId: z.string().nullable(),
      citizenIdMasked: z.boolean(),
      ethnicity: z.string().nullable(),
      facts: memberFacts,
    }),
  ),
  assessments: z.array(assessmentDto),
  loans: z.array(loanDto),
  escapeRegistrations: z.array(z.object({ year: z.number(), registeredOn: z.string(), note: z.string().nullable() })),
  history: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), reason: z.string().nullable(), before: z.unknown(), after: z.unknown() })),
  duplicateWarnings: z.array(z.string()),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const moveHouseholdBody = z.object({ villageCode: unitCode, effectiveDate: isoDate, reason: viText(500) });
export const escapeRegistrationBody = z.object({ year: z.number().int().min(2000).max(2100), registeredOn: isoDate, note: z.string().max(500).nullable().default(null) });

export const assessmentInput = z.object({
  incomePerCapita: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  b1Score: z.number().int().min(0).max(1000).nullable().default(null),
  /** ticked directly as on Phiếu B part B2 */
  ticked: z.array(z.string()).default([]),
  /** officer overrides of derived deprivations; each needs a reason (audited) */
  overrides: z.array(z.object({ code: z.string(), deprived: z.boolean(), reason: z.string().max(500) })).default([]),
  /** required once the province has approved the round: the edit becomes an amendment */
  amendmentReason: z.string().max(1000).nullable().default(null),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const splitHouseholdBody = z.object({
  newCode: z.string().trim().min(1).max(50),
  headName: viText(200),
  memberIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một thành viên tách sang hộ mới'),
  villageCode: unitCode.optional(),
  effectiveDate: isoDate,
  reason: viText(500),
});
export const mergeHouseholdBody = z.object({ intoHouseholdId: z.uuid(), effectiveDate: isoDate, reason: viText(500) });

export const applicationKind = z.enum(['enter_poor', 'enter_near_poor', 'leave']);
export const applicationKindLabels: Record<z.infer<typeof applicationKind>, string> = {
  enter_poor: 'Đề nghị công nhận hộ nghèo',
  enter_near_poor: 'Đề nghị công nhận hộ cận nghèo',
  leave: 'Đề nghị công nhận thoát nghèo, thoát cận nghèo',
};
export const applicationBody = z.object({ kind: applicationKind, appliedOn: isoDate });
export const decideApplicationBody = z
  .object({ outcome: z.enum(['accepted', 'refused']), decidedOn: isoDate, reason: z.string().max(2000).nullable().default(null) })
  .refine((b) => b.outcome === 'accepted' || (b.reason?.trim().length ?? 0) > 0, { message: 'Từ chối phải nêu rõ lý do' });
export const applicationDto = z.object({
  id: z.string(),
  householdId: z.string(),
  householdCode: z.string(),
  headName: z.string(),
  communeCode: z.string(),
  kind: applicationKind,
  appliedOn: z.string(),
  deadlineOn: z.string(),
  decidedOn: z.string().nullable(),
  outcome: z.enum(['accepted', 'refused']).nullable(),
  reason: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  isDemo: z.boolean(),
});
export const applicationsQuery = z.object({ unitCode: unitCode.optional(), open: z.coerce.boolean().optional() });
