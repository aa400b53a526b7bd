import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';
import { communeRoundStates } from '../../domain/review/round-workflow.ts';

export const roundDto = z.object({
  id: z.string(),
  year: z.number(),
  standardId: z.string(),
  standardVersion: z.string(),
  state: z.enum(['open', 'frozen']),
  openedOn: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  isDemo: z.boolean(),
  communeStates: z.record(z.string(), z.number()),
});
export type RoundDto = z.infer<typeof roundDto>;

export const createRoundBody = z.object({ year: z.number().int().min(2016).max(2100), openedOn: isoDate });

const complaint = z.object({
  receivedOn: isoDate,
  from: viText(200),
  content: viText(2000),
  outcome: z.string().max(2000).nullable(),
  settledOn: isoDate.nullable(),
});

export const roundActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('draft_lists') }),
  z.object({ type: z.literal('record_meeting'), date: isoDate, attendees: z.number().int().min(0).max(100000), chair: viText(200), minutes: viText(20000) }),
  z.object({ type: z.literal('post_list'), from: isoDate, to: isoDate, place: viText(300) }),
  z.object({ type: z.literal('settle_complaints'), complaints: z.array(complaint).max(1000) }),
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('district_review'), opinion: viText(5000) }),
  z.object({ type: z.literal('return'), comment: viText(5000) }),
  z.object({ type: z.literal('province_approve') }),
]);
export type RoundActionBody = z.infer<typeof roundActionBody>;

export const communeRoundParams = z.object({ id: z.uuid(), code: unitCode });

export const figuresDto = z.object({
  total: z.number(),
  poor: z.number(),
  nearPoor: z.number(),
  poorRate: z.number(),
  nearPoorRate: z.number(),
  amendments: z.number(),
  transitions: z.record(z.string(), z.number()),
});
export type FiguresDto = z.infer<typeof figuresDto>;

export const communeRoundDto = z.object({
  roundId: z.string(),
  year: z.number(),
  standardId: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  hasDistricts: z.boolean(),
  state: z.enum(communeRoundStates),
  stateLabel: z.string(),
  steps: z.record(z.string(), z.unknown()),
  figures: figuresDto,
  missing: z.array(z.string()),
  editMode: z.enum(['direct', 'locked', 'amendment']),
  villages: z.array(z.object({ code: z.string(), name: z.string(), households: z.number(), poor: z.number(), nearPoor: z.number() })),
});
export type CommuneRoundDto = z.infer<typeof communeRoundDto>;

/** One commune of a round as the province or district follows its progress. */
export const roundCommuneStateDto = z.object({
  code: z.string(),
  name: z.string(),
  state: z.enum(communeRoundStates),
  stateLabel: z.string(),
});
export type RoundCommuneStateDto = z.infer<typeof roundCommuneStateDto>;

export const freezeRoundBody = z.object({ decisionNumber: viText(100), decisionDate: isoDate });

export const roundFiguresQuery = z.object({ unitCode: unitCode.optional() });
export const exportListQuery = z.object({
  unitCode: unitCode,
  list: z.enum(['poor', 'near_poor', 'escaped', 'new_poor', 'relapsed']),
});
