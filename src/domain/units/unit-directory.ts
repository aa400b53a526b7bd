// The administrative units of a province on any date, and how units of one date map onto the units of another
// (DOMAIN.md §1: figures of a past year are computed on that year's units and re-aggregated onto today's units
// through the lineage).
//
// The directory is built once from all versions and events, checked, and then answers from snapshots: the set of
// units in force only changes on the dates where a version starts or ends, so one snapshot per such period serves
// every date inside it.

import { assertIsoDate, dayBefore, isInForce } from './iso-dates.ts';
import { UnitRuleError } from './unit-errors.ts';
import type {
  IsoDate,
  LineageEvent,
  Predecessor,
  Successor,
  UnitHistory,
  UnitLevel,
  UnitTreeNode,
  UnitVersion,
} from './unit-types.ts';
import {
  levelRank,
  movesTerritory,
  movesWholeUnit,
  validateEvents,
  validateVersions,
} from './validate-unit-data.ts';

export interface UnitDirectory {
  readonly versions: readonly UnitVersion[];
  readonly events: readonly LineageEvent[];
  /** The dates on which some version starts or ends, ascending: the structure is constant between two of them. */
  changeDates(): IsoDate[];
  /** Units in force on the date, by level then code; only those of one level when given. */
  unitsOn(date: IsoDate, level?: UnitLevel): UnitVersion[];
  /** The version of the code in force on the date, or null when the code is not in force then. */
  versionOn(code: string, date: IsoDate): UnitVersion | null;
  /** The units directly under the unit on the date, by code. */
  childrenOn(code: string, date: IsoDate): UnitVersion[];
  /** The unit itself, then its parent, up to the province; empty when the unit is not in force on the date. */
  ancestorsOn(code: string, date: IsoDate): UnitVersion[];
  /** True when `code` is `ancestorCode` or lies under it on the date (the test for a unit-scoped role). */
  isWithinOn(code: string, ancestorCode: string, date: IsoDate): boolean;
  /** The hierarchy on the date, from the province down, children by code. */
  treeOn(date: IsoDate): UnitTreeNode[];
  /**
   * The units in force on `laterDate` that hold the territory of `code`, following the lineage events in date order.
   * A unit that simply continues is its own successor with share 1. Throws for a code the directory never held,
   * so that re-aggregation cannot silently drop a figure.
   */
  successorsOn(code: string, laterDate: IsoDate): Successor[];
  /**
   * The older units merged into `code` by the latest step on or before the date, each with its name on the day
   * before the step; a host that kept its code without an event of its own is listed too. Empty when no unit was
   * merged into it.
   */
  predecessorsOf(code: string, date: IsoDate): Predecessor[];
  /** All versions of the code and the events where it is the source or the target, in date order. */
  historyOf(code: string): UnitHistory;
}

interface Snapshot {
  list: UnitVersion[];
  byCode: Map<string, UnitVersion>;
  children: Map<string, UnitVersion[]>;
}

/** A piece of the old unit's territory while the lineage is followed. */
interface Piece {
  code: string;
  share: number | null;
  partial: boolean;
  path: LineageEvent[];
  /** Events of `code` on or before this date are already accounted for. */
  since: IsoDate;
}

const EMPTY_SNAPSHOT: Snapshot = { list: [], byCode: new Map(), children: new Map() };

/** Codes compare segment by segment, numbers as numbers: "06001-9" before "06001-10". */
export function compareUnitCodes(a: string, b: string): number {
  const as = a.split('-');
  const bs = b.split('-');
  for (let i = 0; i < Math.min(as.length, bs.length); i += 1) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x === y) continue;
    if (/^\d+$/u.test(x) && /^\d+$/u.test(y) && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

function compareVersions(a: UnitVersion, b: UnitVersion): number {
  return levelRank(a.level) - levelRank(b.level) || compareUnitCodes(a.code, b.code);
}

function compareEvents(a: LineageEvent, b: LineageEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return compareUnitCodes(a.fromCode, b.fromCode) || compareUnitCodes(a.toCode, b.toCode);
}

function indexEvents(
  events: readonly LineageEvent[],
  key: (e: LineageEvent) => string,
): Map<string, LineageEvent[]> {
  const index = new Map<string, LineageEvent[]>();
  for (const e of events) {
    const list = index.get(key(e));
    if (list) list.push(e);
    else index.set(key(e), [e]);
  }
  for (const list of index.values()) list.sort(compareEvents);
  return index;
}

export function createUnitDirectory(
  versionsInput: readonly UnitVersion[],
  eventsInput: readonly LineageEvent[],
): UnitDirectory {
  // Frozen copies: the directory is shared by every request and must not change under them.
  const versions = versionsInput.map((v) => Object.freeze({ ...v }));
  const events = eventsInput.map((e) => Object.freeze({ ...e })).sort(compareEvents);
  const versionsByCode = validateVersions(versions);
  validateEvents(events, versionsByCode);

  const eventsFrom = indexEvents(events, (e) => e.fromCode);
  const eventsTo = indexEvents(events, (e) => e.toCode);

  const boundaries = [
    ...new Set(versions.flatMap((v) => (v.validTo === null ? [v.validFrom] : [v.validFrom, v.validTo]))),
  ].sort();
  const snapshots = new Map<number, Snapshot>();

  /** Number of boundaries on or before the date: 0 means before anything was in force. */
  function periodOf(date: IsoDate): number {
    let lo = 0;
    let hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((boundaries[mid] as string) <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function snapshotOn(date: IsoDate): Snapshot {
    assertIsoDate(date, 'Ngày tra cứu');
    const period = periodOf(date);
    if (period === 0) return EMPTY_SNAPSHOT;
    const cached = snapshots.get(period);
    if (cached) return cached;
    const start = boundaries[period - 1] as IsoDate;
    const list = versions.filter((v) => isInForce(v, start)).sort(compareVersions);
    const byCode = new Map(list.map((v) => [v.code, v]));
    const children = new Map<string, UnitVersion[]>();
    for (const v of list) {
      if (v.parentCode === null) continue;
      const siblings = children.get(v.parentCode);
      if (siblings) siblings.push(v);
      else children.set(v.parentCode, [v]);
    }
    const snapshot = { list, byCode, children };
    snapshots.set(period, snapshot);
    return snapshot;
  }

  function ancestorsOn(code: string, date: IsoDate): UnitVersion[] {
    const snapshot = snapshotOn(date);
    const chain: UnitVersion[] = [];
    // Validation guarantees each parent is of a higher level, so the walk ends at the province.
    let current = snapshot.byCode.get(code);
    while (current) {
      chain.push(current);
      current = current.parentCode === null ? undefined : snapshot.byCode.get(current.parentCode);
    }
    return chain;
  }

  function buildTree(snapshot: Snapshot, unit: UnitVersion): UnitTreeNode {
    const children = snapshot.children.get(unit.code) ?? [];
    return { unit, children: children.map((child) => buildTree(snapshot, child)) };
  }

  function nameBefore(code: string, date: IsoDate): string {
    const lastDay = dayBefore(date);
    const v = versionsByCode.get(code)?.find((x) => isInForce(x, lastDay));
    return v?.name ?? code;
  }

  function successorsOn(code: string, laterDate: IsoDate): Successor[] {
    assertIsoDate(laterDate, 'Ngày cần quy đổi');
    if (!versionsByCode.has(code)) {
      throw new UnitRuleError('unknown_unit', `Không có đơn vị mã ${code} trong danh mục.`, { code });
    }
    const pending = (piece: Piece): LineageEvent[] =>
      (eventsFrom.get(piece.code) ?? []).filter(
        (e) => e.effectiveDate > piece.since && e.effectiveDate <= laterDate,
      );

    let pieces: Piece[] = [{ code, share: 1, partial: false, path: [], since: '0000-00-00' }];
    // Steps are taken one date at a time: the events of one resolution happen together, so a unit that receives
    // territory on a date does not pass it on again through another event of that same date.
    for (;;) {
      const dates = pieces.flatMap((p) => pending(p).map((e) => e.effectiveDate));
      if (dates.length === 0) break;
      const step = dates.reduce((a, b) => (a < b ? a : b));
      const next: Piece[] = [];
      for (const piece of pieces) {
        const todays = pending(piece).filter((e) => e.effectiveDate === step);
        if (todays.length === 0) {
          next.push(piece);
          continue;
        }
        const moves = todays.filter(movesTerritory);
        const renames = todays.filter((e) => !movesTerritory(e));
        if (moves.length === 0) {
          next.push({ ...piece, path: [...piece.path, ...renames], since: step });
          continue;
        }
        for (const move of moves) {
          const whole = movesWholeUnit(move);
          next.push({
            code: move.toCode,
            share: whole
              ? piece.share
              : piece.share !== null && move.share !== null
                ? piece.share * move.share
                : null,
            partial: piece.partial || !whole,
            path: [...piece.path, ...renames, move],
            since: step,
          });
        }
      }
      pieces = next;
    }

    const alive = pieces.filter((p) => versionsByCode.get(p.code)?.some((v) => isInForce(v, laterDate)));
    const lost = alive.length < pieces.length;
    const byCode = new Map<string, Piece[]>();
    for (const p of alive) {
      const list = byCode.get(p.code);
      if (list) list.push(p);
      else byCode.set(p.code, [p]);
    }
    const whole = !lost && byCode.size === 1;
    return [...byCode.entries()]
      .map(([successor, parts]): Successor => {
        const shares = parts.map((p) => p.share);
        const share = whole ? 1 : shares.every((s) => s !== null) ? shares.reduce((a, b) => a + b, 0) : null;
        const path = [...new Set(parts.flatMap((p) => p.path))].sort(compareEvents);
        return { code: successor, share, partial: !whole, path };
      })
      .sort((a, b) => compareUnitCodes(a.code, b.code));
  }

  function predecessorsOf(code: string, date: IsoDate): Predecessor[] {
    assertIsoDate(date, 'Ngày tra cứu');
    const incoming = (eventsTo.get(code) ?? []).filter((e) => e.effectiveDate <= date && movesTerritory(e));
    const last = incoming[incoming.length - 1];
    if (!last) return [];
    const step = last.effectiveDate;
    const merged = incoming.filter((e) => e.effectiveDate === step);
    const result: Predecessor[] = merged.map((e) => ({
      code: e.fromCode,
      name: nameBefore(e.fromCode, step),
      kind: movesWholeUnit(e) ? 'full' : 'partial',
      share: movesWholeUnit(e) ? 1 : e.share,
      effectiveDate: step,
      legalBasis: e.legalBasis,
      event: e,
    }));
    // A host that keeps its code takes in the others without an event of its own (NQ 818/NQ-UBTVQH14: Xã Kim Đồng
    // took in Xã Bắc Ái); it is one of the old units that make up the new one.
    const stayedWhole = !(eventsFrom.get(code) ?? []).some(
      (e) => e.effectiveDate === step && movesTerritory(e),
    );
    const existedBefore = versionsByCode.get(code)?.some((v) => isInForce(v, dayBefore(step))) ?? false;
    if (stayedWhole && existedBefore && !result.some((p) => p.code === code)) {
      const rename =
        (eventsFrom.get(code) ?? []).find((e) => e.effectiveDate === step && !movesTerritory(e)) ?? null;
      result.push({
        code,
        name: nameBefore(code, step),
        kind: 'full',
        share: 1,
        effectiveDate: step,
        legalBasis: rename?.legalBasis ?? last.legalBasis,
        event: rename,
      });
    }
    return result.sort((a, b) => compareUnitCodes(a.code, b.code));
  }

  return {
    versions,
    events,
    changeDates: () => [...boundaries],
    unitsOn(date, level) {
      const list = snapshotOn(date).list;
      return level === undefined ? [...list] : list.filter((v) => v.level === level);
    },
    versionOn(code, date) {
      return snapshotOn(date).byCode.get(code) ?? null;
    },
    childrenOn(code, date) {
      return [...(snapshotOn(date).children.get(code) ?? [])];
    },
    ancestorsOn,
    isWithinOn(code, ancestorCode, date) {
      return ancestorsOn(code, date).some((v) => v.code === ancestorCode);
    },
    treeOn(date) {
      const snapshot = snapshotOn(date);
      return snapshot.list.filter((v) => v.parentCode === null).map((root) => buildTree(snapshot, root));
    },
    successorsOn,
    predecessorsOf,
    historyOf(code) {
      const touching = new Set([...(eventsFrom.get(code) ?? []), ...(eventsTo.get(code) ?? [])]);
      return {
        code,
        versions: [...(versionsByCode.get(code) ?? [])],
        events: [...touching].sort(compareEvents),
      };
    },
  };
}
