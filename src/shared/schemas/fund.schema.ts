import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';
import { spendingPurposes } from '../../domain/fund/ledger.ts';
import { donorKinds, supportKinds } from '../../domain/fund/support-activities.ts';

// Fund for the Poor and support activities (DOMAIN.md §7): the API contract shared by the server and the web client.

export const spendingPurpose = z.enum(spendingPurposes);
export const money = z.number().int('Số tiền tính bằng đồng, không có phần lẻ').min(0).max(1_000_000_000_000_000);
export const positiveMoney = money.refine((v) => v > 0, 'Giá trị phải lớn hơn 0');

export const levelParams = z.object({ unitCode });
export const periodParams = z.object({ unitCode, periodId: z.uuid() });

export const createPeriodBody = z.object({
  /** The year the campaign starts (17/10); the default period runs to 16/10 of the next year with peak 17/10–18/11. */
  year: z.number().int().min(2000).max(2100),
  name: viText(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  openingBalance: money.nullable().default(null),
});
export const periodDto = z.object({
  id: z.string(),
  fundUnitCode: z.string(),
  fundUnitName: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  peakFrom: z.string().nullable(),
  peakTo: z.string().nullable(),
  openingBalance: z.number().nullable(),
});

export const contributionBody = z
  .object({
    donorName: viText(300),
    donorKind: z.enum(donorKinds),
    donorOrganisationId: z.uuid().nullable().default(null),
    donorUnitCode: unitCode.nullable().default(null),
    agreesToBeNamed: z.boolean(),
    form: z.enum(['cash', 'kind']),
    kindDescription: viText(1000).nullable().default(null),
    value: positiveMoney,
    receivedOn: isoDate,
    receiptNumber: viText(50),
    note: viText(1000).nullable().default(null),
  })
  .refine((b) => b.form === 'cash' || b.kindDescription !== null, { message: 'Đóng góp bằng hiện vật phải ghi rõ hiện vật và giá trị quy đổi' });

export const directGiftBody = z.object({
  donorName: viText(300),
  donorOrganisationId: z.uuid().nullable().default(null),
  donorUnitCode: unitCode.nullable().default(null),
  agreesToBeNamed: z.boolean(),
  householdId: z.uuid(),
  purpose: spendingPurpose,
  form: z.enum(['cash', 'kind']),
  description: viText(1000).nullable().default(null),
  value: positiveMoney,
  givenOn: isoDate,
  reportedOn: isoDate,
});

export const disbursementBody = z
  .object({
    beneficiaryKind: z.enum(['household', 'project']),
    householdId: z.uuid().nullable().default(null),
    projectName: viText(500).nullable().default(null),
    purpose: spendingPurpose,
    value: positiveMoney,
    disbursedOn: isoDate,
    decisionNumber: viText(100).nullable().default(null),
    note: viText(1000).nullable().default(null),
  })
  .refine((b) => (b.beneficiaryKind === 'household' ? b.householdId !== null : b.projectName !== null), {
    message: 'Khoản chi cho hộ phải chọn hộ; khoản chi cho công trình, dự án phải ghi tên công trình, dự án',
  });

export const entryDto = z.object({
  id: z.string(),
  kind: z.enum(['contribution', 'direct_gift', 'disbursement']),
  kindLabel: z.string(),
  date: z.string(),
  value: z.number(),
  periodId: z.string(),
  /** Donor for contributions and direct gifts. */
  donorName: z.string().nullable(),
  agreesToBeNamed: z.boolean().nullable(),
  form: z.enum(['cash', 'kind']).nullable(),
  receiptNumber: z.string().nullable(),
  purpose: spendingPurpose.nullable(),
  purposeLabel: z.string().nullable(),
  /** The household's name only for callers who may read the household registry in its village; otherwise masked. */
  beneficiary: z.string().nullable(),
  description: z.string().nullable(),
});
export type EntryDto = z.infer<typeof entryDto>;

export const entriesQuery = z.object({ periodId: z.uuid().optional() });

export const balanceDto = z.object({
  periodId: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  opening: z.number(),
  receivedIntoFund: z.number(),
  directGifts: z.number(),
  received: z.number(),
  spentFromFund: z.number(),
  spent: z.number(),
  closing: z.number(),
  openingBasis: z.string(),
  spentByPurpose: z.record(z.string(), z.number()),
  reconciles: z.boolean(),
});
export const balancesDto = z.object({ fundUnitCode: z.string(), fundUnitName: z.string(), balances: z.array(balanceDto), warnings: z.array(z.string()) });

export const publicDisclosureDto = z.object({
  fundUnitCode: z.string(),
  fundUnitName: z.string(),
  periodName: z.string(),
  from: z.string(),
  to: z.string(),
  opening: z.number(),
  received: z.number(),
  receivedIntoFund: z.number(),
  directGifts: z.number(),
  spent: z.number(),
  closing: z.number(),
  namedDonors: z.array(z.object({ name: z.string(), total: z.number(), contributions: z.number() })),
  anonymous: z.object({ contributions: z.number(), total: z.number() }),
  spendingByPurpose: z.array(z.object({ purpose: spendingPurpose, label: z.string(), total: z.number() })),
  note: z.string(),
});
export type PublicDisclosureDto = z.infer<typeof publicDisclosureDto>;
export const publicLevelDto = z.object({ unitCode: z.string(), name: z.string(), level: z.enum(['province', 'district', 'commune']) });
export type PublicLevelDto = z.infer<typeof publicLevelDto>;
export const publicPeriodDto = z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string() });

export const supportSupplier = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitCode }),
  z.object({ kind: z.literal('organisation'), organisationId: z.uuid() }),
  z.object({ kind: z.literal('household'), householdId: z.uuid() }),
]);
export const supportActivityBody = z
  .object({
    supporter: supportSupplier,
    targetKind: z.enum(['household', 'unit']),
    targetHouseholdId: z.uuid().nullable().default(null),
    targetUnitCode: unitCode.nullable().default(null),
    kind: z.enum(supportKinds),
    quantity: z.number().int().min(0).max(1_000_000).default(0),
    value: money.default(0),
    occurredOn: isoDate,
    description: viText(2000),
  })
  .refine((b) => (b.targetKind === 'household' ? b.targetHouseholdId !== null : b.targetUnitCode !== null), { message: 'Cần chọn hộ hoặc đơn vị được hỗ trợ' });
export const supportActivityDto = z.object({
  id: z.string(),
  supporterKind: z.enum(['unit', 'organisation', 'household']),
  supporterName: z.string(),
  targetKind: z.enum(['household', 'unit']),
  /** The unit supported, or the household's village; the household itself only for callers who may read it. */
  target: z.string(),
  targetUnitCode: z.string(),
  kind: z.enum(supportKinds),
  kindLabel: z.string(),
  quantity: z.number(),
  value: z.number(),
  occurredOn: z.string(),
  description: z.string(),
});
export const supportActivitiesQuery = z.object({ unitCode: unitCode.optional(), organisationId: z.uuid().optional(), from: isoDate.optional(), to: isoDate.optional() });
