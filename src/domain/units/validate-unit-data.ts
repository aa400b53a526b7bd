// Checks that a set of unit versions and lineage events describes one coherent hierarchy on every date before the
// directory answers questions about it. Errors name the unit and the date in Vietnamese, so that an administrator
// who imported a list can find the row.

import { formatDate } from '../../shared/vi-format.ts';
import { assertIsoDate, dayBefore, isInForce } from './iso-dates.ts';
import { isUnitKindOf } from './unit-kinds.ts';
import { UnitRuleError } from './unit-errors.ts';
import {
  UNIT_LEVELS,
  type IsoDate,
  type LineageEvent,
  type UnitLevel,
  type UnitVersion,
} from './unit-types.ts';

const LEVEL_RANK: Readonly<Record<UnitLevel, number>> = { province: 0, district: 1, commune: 2, village: 3 };

const LEVEL_LABEL: Readonly<Record<UnitLevel, string>> = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  village: 'thôn, bản, tổ dân phố',
};

const EVENT_KINDS: ReadonlySet<string> = new Set(['merge_full', 'merge_partial', 'split', 'rename']);

/** Share values are compared with a tolerance: 1/3 + 1/3 + 1/3 must still be a whole unit. */
const SHARE_EPSILON = 1e-9;

export function levelRank(level: UnitLevel): number {
  return LEVEL_RANK[level];
}

export function describeVersion(v: UnitVersion): string {
  const until = v.validTo === null ? 'nay' : formatDate(dayBefore(v.validTo));
  return `${v.name} (mã ${v.code}, từ ${formatDate(v.validFrom)} đến ${until})`;
}

/** Versions grouped by code, each group sorted by validFrom. */
export function groupVersionsByCode(versions: readonly UnitVersion[]): Map<string, UnitVersion[]> {
  const byCode = new Map<string, UnitVersion[]>();
  for (const v of versions) {
    const group = byCode.get(v.code);
    if (group) group.push(v);
    else byCode.set(v.code, [v]);
  }
  for (const group of byCode.values())
    group.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  return byCode;
}

function versionIn(group: readonly UnitVersion[] | undefined, date: IsoDate): UnitVersion | null {
  if (!group) return null;
  for (const v of group) if (isInForce(v, date)) return v;
  return null;
}

function checkVersionFields(v: UnitVersion): void {
  const label = typeof v.name === 'string' && v.name !== '' ? v.name : `mã ${String(v.code)}`;
  if (typeof v.code !== 'string' || v.code.trim() === '') {
    throw new UnitRuleError('invalid_version', `Đơn vị "${label}" không có mã.`, { version: v });
  }
  if (typeof v.name !== 'string' || v.name.trim() === '') {
    throw new UnitRuleError('invalid_version', `Đơn vị mã ${v.code} không có tên.`, { version: v });
  }
  if (!UNIT_LEVELS.includes(v.level)) {
    throw new UnitRuleError(
      'invalid_version',
      `Đơn vị ${label} (mã ${v.code}) có cấp không hợp lệ: "${String(v.level)}".`,
      {
        version: v,
      },
    );
  }
  if (!isUnitKindOf(v.level, v.kind)) {
    throw new UnitRuleError(
      'invalid_version',
      `Đơn vị ${label} (mã ${v.code}) có loại "${v.kind}" không thuộc ${LEVEL_LABEL[v.level]}.`,
      { version: v },
    );
  }
  assertIsoDate(v.validFrom, `Ngày bắt đầu hiệu lực của ${label} (mã ${v.code})`);
  if (v.validTo !== null) {
    assertIsoDate(v.validTo, `Ngày hết hiệu lực của ${label} (mã ${v.code})`);
    if (v.validTo <= v.validFrom) {
      throw new UnitRuleError(
        'invalid_version',
        `Đơn vị ${label} (mã ${v.code}) hết hiệu lực ngày ${formatDate(v.validTo)}, không sau ngày bắt đầu ${formatDate(v.validFrom)}.`,
        { version: v },
      );
    }
  }
  if (v.level === 'province' && v.parentCode !== null) {
    throw new UnitRuleError('invalid_version', `Tỉnh ${label} (mã ${v.code}) không có đơn vị cấp trên.`, {
      version: v,
    });
  }
  if (v.level !== 'province' && (v.parentCode === null || v.parentCode === '')) {
    throw new UnitRuleError('missing_parent', `Đơn vị ${label} (mã ${v.code}) thiếu đơn vị cấp trên.`, {
      version: v,
    });
  }
}

function checkNoOverlap(group: readonly UnitVersion[]): void {
  for (let i = 1; i < group.length; i += 1) {
    const before = group[i - 1] as UnitVersion;
    const after = group[i] as UnitVersion;
    if (before.validTo === null || before.validTo > after.validFrom) {
      throw new UnitRuleError(
        'overlapping_versions',
        `Mã ${after.code} có hai phiên bản cùng hiệu lực ngày ${formatDate(after.validFrom)}: ${describeVersion(before)} và ${describeVersion(after)}.`,
        { code: after.code, versions: [before, after] },
      );
    }
  }
}

/**
 * The parent must be in force, and of a higher level, on every day of the child's interval. The parent's versions
 * are walked from the child's first day; each must start no later than the day it is needed.
 */
function checkParent(v: UnitVersion, byCode: ReadonlyMap<string, UnitVersion[]>): void {
  const parentCode = v.parentCode;
  if (parentCode === null) return;
  const parents = byCode.get(parentCode) ?? [];
  let needed: IsoDate = v.validFrom;
  for (const p of parents) {
    if (p.validTo !== null && p.validTo <= needed) continue;
    if (p.validFrom > needed) break;
    if (levelRank(p.level) >= levelRank(v.level)) {
      throw new UnitRuleError(
        'invalid_parent_level',
        `${describeVersion(v)} không thể trực thuộc ${describeVersion(p)}: đơn vị cấp trên phải ở cấp cao hơn.`,
        { version: v, parent: p },
      );
    }
    if (p.validTo === null || (v.validTo !== null && p.validTo >= v.validTo)) return;
    needed = p.validTo;
  }
  throw new UnitRuleError(
    'missing_parent',
    `${describeVersion(v)} trực thuộc mã ${parentCode}, nhưng đơn vị này không có hiệu lực vào ngày ${formatDate(needed)}.`,
    { version: v, parentCode, date: needed },
  );
}

export function validateVersions(versions: readonly UnitVersion[]): Map<string, UnitVersion[]> {
  for (const v of versions) checkVersionFields(v);
  const byCode = groupVersionsByCode(versions);
  for (const group of byCode.values()) checkNoOverlap(group);
  for (const v of versions) checkParent(v, byCode);
  return byCode;
}

function describeEvent(e: LineageEvent): string {
  return `sự kiện ${e.kind} ${e.fromCode} → ${e.toCode} ngày ${isIsoDateLike(e.effectiveDate) ? formatDate(e.effectiveDate) : String(e.effectiveDate)}`;
}

function isIsoDateLike(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value);
}

/** A territorial transfer: a rename that keeps the code moves no territory. */
export function movesTerritory(e: LineageEvent): boolean {
  return !(e.kind === 'rename' && e.fromCode === e.toCode);
}

/** A transfer of the whole unit (merged in full, or renamed under another code). */
export function movesWholeUnit(e: LineageEvent): boolean {
  return e.kind === 'merge_full' || (e.kind === 'rename' && e.fromCode !== e.toCode);
}

export function validateEvents(
  events: readonly LineageEvent[],
  byCode: ReadonlyMap<string, UnitVersion[]>,
): void {
  const outgoing = new Map<string, LineageEvent[]>();
  for (const e of events) {
    if (!EVENT_KINDS.has(e.kind)) {
      throw new UnitRuleError(
        'invalid_event',
        `Loại sự kiện không hợp lệ: "${String(e.kind)}" (${describeEvent(e)}).`,
        { event: e },
      );
    }
    assertIsoDate(e.effectiveDate, `Ngày hiệu lực của ${describeEvent(e)}`);
    if (e.share !== null && !(Number.isFinite(e.share) && e.share > 0 && e.share <= 1)) {
      throw new UnitRuleError(
        'invalid_event',
        `Tỷ lệ của ${describeEvent(e)} phải lớn hơn 0 và không quá 1.`,
        { event: e },
      );
    }
    if (movesWholeUnit(e) && e.share !== null && e.share !== 1) {
      throw new UnitRuleError(
        'invalid_event',
        `Nhập toàn bộ thì tỷ lệ phải là 1 hoặc để trống (${describeEvent(e)}).`,
        { event: e },
      );
    }
    for (const code of [e.fromCode, e.toCode]) {
      if (!byCode.has(code)) {
        throw new UnitRuleError('unknown_unit', `Không có đơn vị mã ${code} (${describeEvent(e)}).`, {
          event: e,
          code,
        });
      }
    }
    // The old unit was in force up to the day before the step, the new one from the step on.
    const lastDay = dayBefore(e.effectiveDate);
    if (!versionIn(byCode.get(e.fromCode), lastDay)) {
      throw new UnitRuleError(
        'invalid_event',
        `Đơn vị mã ${e.fromCode} không có hiệu lực ngày ${formatDate(lastDay)}, ngay trước ${describeEvent(e)}.`,
        { event: e },
      );
    }
    if (!versionIn(byCode.get(e.toCode), e.effectiveDate)) {
      throw new UnitRuleError(
        'invalid_event',
        `Đơn vị mã ${e.toCode} không có hiệu lực ngày ${formatDate(e.effectiveDate)} (${describeEvent(e)}).`,
        { event: e },
      );
    }
    const key = `${e.fromCode}|${e.effectiveDate}`;
    const list = outgoing.get(key);
    if (list) list.push(e);
    else outgoing.set(key, [e]);
  }
  for (const list of outgoing.values()) checkOneStep(list);
}

/** What happens to one unit on one date must be a single story: all of it to one unit, or parts to several. */
function checkOneStep(list: readonly LineageEvent[]): void {
  const moves = list.filter(movesTerritory);
  const whole = moves.filter(movesWholeUnit);
  const first = list[0] as LineageEvent;
  const when = formatDate(first.effectiveDate);
  if (whole.length > 1 || (whole.length === 1 && moves.length > 1)) {
    throw new UnitRuleError(
      'conflicting_events',
      `Đơn vị mã ${first.fromCode} ngày ${when} vừa được nhập toàn bộ vào một đơn vị vừa chuyển sang đơn vị khác: ${moves
        .map((e) => e.toCode)
        .join(', ')}.`,
      { events: list },
    );
  }
  const targets = moves.map((e) => e.toCode);
  if (new Set(targets).size !== targets.length) {
    throw new UnitRuleError(
      'conflicting_events',
      `Đơn vị mã ${first.fromCode} ngày ${when} có hai sự kiện cùng chuyển sang một đơn vị.`,
      {
        events: list,
      },
    );
  }
  const total = moves.reduce((sum, e) => sum + (e.share ?? 0), 0);
  if (total > 1 + SHARE_EPSILON) {
    throw new UnitRuleError(
      'conflicting_events',
      `Tổng tỷ lệ chuyển đi của đơn vị mã ${first.fromCode} ngày ${when} vượt quá toàn bộ đơn vị.`,
      { events: list },
    );
  }
}
