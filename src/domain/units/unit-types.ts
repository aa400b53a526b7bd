// Administrative units with history (DOMAIN.md §1).
// A unit is identified by its official code; what the code names can change over time (a rename, a new
// parent when the district level was abolished on 01/07/2025), so the directory holds *versions* of a code,
// each valid on a half-open interval [validFrom, validTo).

/** tỉnh / huyện, thành phố, thị xã / xã, phường, thị trấn / thôn, bản, khối phố, tổ dân phố. */
export type UnitLevel = 'province' | 'district' | 'commune' | 'village';

export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune', 'village'];

/** The Vietnamese type of a unit, as written in front of its name ("Xã Đoàn Kết", "Thị trấn Bình Gia"). */
export type UnitKind =
  | 'Tỉnh'
  | 'Thành phố'
  | 'Huyện'
  | 'Thị xã'
  | 'Xã'
  | 'Phường'
  | 'Thị trấn'
  | 'Thôn'
  | 'Bản'
  | 'Khối phố'
  | 'Tổ dân phố'
  | 'Khu'
  | 'Xóm';

/** Which kinds belong to which level. "Thành phố" is a district-level unit here (Thành phố Lạng Sơn, code 178). */
export const UNIT_KINDS_BY_LEVEL: Readonly<Record<UnitLevel, readonly UnitKind[]>> = {
  province: ['Tỉnh', 'Thành phố'],
  district: ['Thành phố', 'Huyện', 'Thị xã'],
  commune: ['Xã', 'Phường', 'Thị trấn'],
  // Khu and Xóm are the names some communes give their villages; a village imported from a spreadsheet keeps them.
  village: ['Thôn', 'Bản', 'Khối phố', 'Tổ dân phố', 'Khu', 'Xóm'],
};

/** An ISO calendar date, yyyy-MM-dd. Dates are passed in; the domain never reads the clock. */
export type IsoDate = string;

export interface UnitVersion {
  /**
   * Official code, a string with its leading zeros (QĐ 124/2004/QĐ-TTg: province 2 digits, district 3, commune 5).
   * Villages have no national code; the product gives them `<communeCode>-<nn>`.
   */
  code: string;
  /** Full name with the type prefix, as in the official lists: "Xã Đoàn Kết". */
  name: string;
  level: UnitLevel;
  /**
   * One of the UnitKind values allowed for the level (UNIT_KINDS_BY_LEVEL). Typed as a string because versions come
   * from the database and from spreadsheets; createUnitDirectory refuses a kind that does not fit the level.
   */
  kind: string;
  parentCode: string | null;
  /** First day in force (inclusive). */
  validFrom: IsoDate;
  /** First day no longer in force (exclusive); null while still in force. */
  validTo: IsoDate | null;
  /** The act that created this version ("Nghị quyết 818/NQ-UBTVQH14"); null for the starting structure. */
  legalBasis: string | null;
  /** Generated demo data (villages in demo mode), never shown as real. */
  isDemo: boolean;
}

export type LineageEventKind = 'merge_full' | 'merge_partial' | 'split' | 'rename';

/**
 * One edge of the lineage graph: on `effectiveDate` (part of) the territory of `fromCode` passes to `toCode`.
 * A host unit that keeps its code is recorded with fromCode === toCode (e.g. 06001 → 06001 on 01/07/2025).
 */
export interface LineageEvent {
  kind: LineageEventKind;
  effectiveDate: IsoDate;
  legalBasis: string | null;
  fromCode: string;
  toCode: string;
  /** Share of the old unit that went to the new one (0 < share ≤ 1), null when unknown. */
  share: number | null;
  note: string | null;
}

/** A unit in force on a date that holds (part of) the territory of an older unit. */
export interface Successor {
  code: string;
  /** Share of the old unit that it holds; 1 for the whole, null when a partial share is unknown. */
  share: number | null;
  /** True when it holds only part of the old unit. */
  partial: boolean;
  /** The events followed from the old unit to this one, in date order (empty when the unit simply continues). */
  path: LineageEvent[];
}

/** An older unit that was merged into a unit, as shown on the unit page ("the old communes merged into it"). */
export interface Predecessor {
  code: string;
  /** Its name on the day before the step. */
  name: string;
  /** 'full' when all of it went into the unit, 'partial' when only part did. */
  kind: 'full' | 'partial';
  share: number | null;
  effectiveDate: IsoDate;
  legalBasis: string | null;
  /** The lineage event; null for a host that simply continued under its own code without an event. */
  event: LineageEvent | null;
}

export interface UnitTreeNode {
  unit: UnitVersion;
  children: UnitTreeNode[];
}

export interface UnitHistory {
  code: string;
  versions: UnitVersion[];
  /** Events where the code is the source or the target, in date order. */
  events: LineageEvent[];
}
