import { z } from 'zod';
import { isoDate, unitCode, viText } from './common.schema.ts';

export const unitLevel = z.enum(['province', 'district', 'commune', 'village']);
export type UnitLevel = z.infer<typeof unitLevel>;

export const unitLevelLabels: Record<UnitLevel, string> = {
  province: 'Tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  village: 'Thôn, bản, tổ dân phố',
};

export const lineageKind = z.enum(['merge_full', 'merge_partial', 'split', 'rename']);
export const lineageKindLabels: Record<z.infer<typeof lineageKind>, string> = {
  merge_full: 'Nhập toàn bộ',
  merge_partial: 'Nhập một phần',
  split: 'Chia tách',
  rename: 'Đổi tên',
};

export const unitVersion = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevel,
  kind: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  legalBasis: z.string().nullable(),
  isDemo: z.boolean(),
});
export type UnitVersionDto = z.infer<typeof unitVersion>;

export const lineageEvent = z.object({
  kind: lineageKind,
  effectiveDate: z.string(),
  legalBasis: z.string().nullable(),
  fromCode: z.string(),
  fromName: z.string().nullable(),
  toCode: z.string(),
  toName: z.string().nullable(),
  share: z.number().nullable(),
  note: z.string().nullable(),
});
export type LineageEventDto = z.infer<typeof lineageEvent>;

export const predecessor = z.object({ code: z.string(), name: z.string(), kind: z.enum(['full', 'partial']) });

export const treeNode = unitVersion.extend({
  /** false for ancestors shown only as context above the caller's scope */
  inScope: z.boolean(),
  matches: z.boolean(),
  childCount: z.number().int(),
  predecessors: z.array(predecessor),
});
export type TreeNodeDto = z.infer<typeof treeNode>;

export const treeQuery = z.object({ asOf: isoDate.optional(), q: z.string().max(100).optional() });
export const treeResponse = z.object({
  asOf: z.string(),
  counts: z.object({ district: z.number(), commune: z.number(), village: z.number() }),
  nodes: z.array(treeNode),
});
export type TreeResponse = z.infer<typeof treeResponse>;

export const unitParams = z.object({ code: unitCode });
export const unitQuery = z.object({ asOf: isoDate.optional() });
export const unitDetailResponse = z.object({
  asOf: z.string(),
  unit: unitVersion,
  existsOnDate: z.boolean(),
  ancestors: z.array(unitVersion),
  children: z.array(unitVersion),
  versions: z.array(unitVersion),
  events: z.array(lineageEvent),
  predecessors: z.array(predecessor),
  successors: z.array(z.object({ code: z.string(), name: z.string(), share: z.number().nullable(), partial: z.boolean() })),
});
export type UnitDetailResponse = z.infer<typeof unitDetailResponse>;

export const createVillageBody = z.object({
  communeCode: unitCode,
  name: viText(200),
  kind: z.enum(['Thôn', 'Bản', 'Khối phố', 'Tổ dân phố', 'Khu', 'Xóm']),
  validFrom: isoDate,
});

export const renameUnitBody = z.object({ name: viText(200), effectiveDate: isoDate, legalBasis: viText(300).optional() });

export const createLineageBody = z.object({
  kind: lineageKind,
  effectiveDate: isoDate,
  legalBasis: viText(300),
  fromCode: unitCode,
  toCode: unitCode,
  share: z.number().gt(0).lte(1).nullable().default(null),
  note: z.string().max(1000).nullable().default(null),
});
