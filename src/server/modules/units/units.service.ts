import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { isAuthorized, scopeRoots, type Principal } from '../../../domain/access/authorize.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { createUnitDirectory, type UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { UnitRuleError } from '../../../domain/units/unit-errors.ts';
import type { LineageEvent, UnitVersion } from '../../../domain/units/unit-types.ts';
import { dayBefore } from '../../../domain/units/iso-dates.ts';
import { matchesSearch, compareVi } from '../../../shared/vi-text.ts';
import type {
  LineageEventDto,
  TreeNodeDto,
  TreeResponse,
  UnitDetailResponse,
} from '../../../shared/schemas/units.schema.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as repo from './units.repository.ts';

export interface UnitsDeps {
  db: Db;
  clock: Clock;
  provinceCode: string;
}

/**
 * The unit catalogue is small (a province has a few thousand unit versions including villages), so it is held in
 * memory as a pure UnitDirectory and rebuilt after every write to units.
 */
export function createUnitsCatalog(db: Db) {
  let cached: Promise<UnitDirectory> | null = null;
  return {
    directory(): Promise<UnitDirectory> {
      cached ??= Promise.all([repo.loadAllVersions(db), repo.loadAllEvents(db)]).then(([v, e]) =>
        createUnitDirectory(v, e),
      );
      return cached;
    },
    invalidate(): void {
      cached = null;
    },
  };
}
export type UnitsCatalog = ReturnType<typeof createUnitsCatalog>;

/**
 * Scope on a date: the unit lies under one of the caller's scope units on that date. A unit that no longer exists
 * (an old commune merged in 2020 or 2025) is in scope when it was in scope on its last day, or when one of its
 * successors is in scope today — a 2025 commune officer may read the history of the communes merged into theirs.
 */
export function createScopeChecker(catalog: UnitsCatalog, clock: Clock) {
  return {
    async isUnitInScope(principal: Principal, permission: Permission, code: string, date: string): Promise<boolean> {
      const dir = await catalog.directory();
      const within = (c: string, a: string, d: string) => dir.isWithinOn(c, a, d);
      if (isAuthorized(principal, permission, { kind: 'unit', unitCode: code, date }, within)) return true;
      const versions = dir.historyOf(code).versions;
      const last = versions[versions.length - 1];
      if (!last) return false;
      const lastDay = last.validTo ? dayBefore(last.validTo) : clock.today();
      if (lastDay !== date && isAuthorized(principal, permission, { kind: 'unit', unitCode: code, date: lastDay }, within)) {
        return true;
      }
      const today = clock.today();
      return dir
        .successorsOn(code, today)
        .some((s) => isAuthorized(principal, permission, { kind: 'unit', unitCode: s.code, date: today }, within));
    },
    async requireUnit(principal: Principal, permission: Permission, code: string, date: string): Promise<void> {
      if (!(await this.isUnitInScope(principal, permission, code, date))) {
        throw new AppError('auth.out_of_scope', 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.');
      }
    },
  };
}
export type ScopeChecker = ReturnType<typeof createScopeChecker>;


export function createUnitsService(deps: UnitsDeps & { catalog: UnitsCatalog; scope: ScopeChecker }) {
  const { db, clock, catalog, scope } = deps;

  function nameOn(dir: UnitDirectory, code: string, date: string): string | null {
    const v = dir.versionOn(code, date) ?? dir.historyOf(code).versions.at(-1);
    return v?.name ?? null;
  }

  function toEventDto(dir: UnitDirectory, e: LineageEvent): LineageEventDto {
    return {
      ...e,
      fromName: nameOn(dir, e.fromCode, dayBefore(e.effectiveDate)),
      toName: nameOn(dir, e.toCode, e.effectiveDate),
    };
  }

  return {
    async tree(principal: Principal, asOfInput: string | undefined, q: string | undefined): Promise<TreeResponse> {
      const asOf = asOfInput ?? clock.today();
      const dir = await catalog.directory();
      const roots = scopeRoots(principal, 'units.read').filter((c) => dir.versionOn(c, asOf));
      const inScope = new Set<string>();
      const context = new Set<string>();
      for (const root of roots) {
        for (const a of dir.ancestorsOn(root, asOf)) if (a.code !== root) context.add(a.code);
        const stack = [root];
        while (stack.length) {
          const code = stack.pop() as string;
          if (inScope.has(code)) continue;
          inScope.add(code);
          for (const child of dir.childrenOn(code, asOf)) stack.push(child.code);
        }
      }
      const query = q?.trim() ?? '';
      let visible = new Set<string>([...inScope, ...context]);
      const matched = new Set<string>();
      if (query) {
        for (const code of inScope) {
          const v = dir.versionOn(code, asOf);
          if (v && matchesSearch(`${v.kind} ${v.name} ${v.code}`, query)) matched.add(code);
        }
        visible = new Set<string>();
        for (const code of matched) for (const a of dir.ancestorsOn(code, asOf)) visible.add(a.code);
      }
      const counts = { district: 0, commune: 0, village: 0 };
      const nodes: TreeNodeDto[] = [];
      for (const code of visible) {
        const v = dir.versionOn(code, asOf);
        if (!v) continue;
        nodes.push({
          ...v,
          inScope: inScope.has(code),
          matches: matched.has(code),
          childCount: dir.childrenOn(code, asOf).length,
          predecessors: v.level === 'commune' || v.level === 'district' ? predecessorsOn(dir, code, asOf) : [],
        });
      }
      // The counts describe the caller's scope on the date, whatever the search shows.
      for (const code of inScope) {
        const v = dir.versionOn(code, asOf);
        if (v && v.level !== 'province') counts[v.level] += 1;
      }
      nodes.sort((a, b) => compareVi(a.name, b.name));
      return { asOf, counts, nodes };
    },

    async detail(principal: Principal, code: string, asOfInput: string | undefined): Promise<UnitDetailResponse> {
      const asOf = asOfInput ?? clock.today();
      const dir = await catalog.directory();
      const history = dir.historyOf(code);
      if (history.versions.length === 0) throw new AppError('units.not_found', `Không tìm thấy đơn vị có mã ${code}.`);
      const onDate = dir.versionOn(code, asOf);
      const shown = onDate ?? history.versions.at(-1)!;
      const checkDate = onDate ? asOf : shown.validTo ? dayBefore(shown.validTo) : asOf;
      await scope.requireUnit(principal, 'units.read', code, checkDate);
      const today = clock.today();
      return {
        asOf,
        unit: shown,
        existsOnDate: Boolean(onDate),
        ancestors: dir.ancestorsOn(code, checkDate).filter((a) => a.code !== code),
        children: dir.childrenOn(code, checkDate).sort((a, b) => compareVi(a.name, b.name)),
        versions: history.versions,
        events: history.events.map((e) => toEventDto(dir, e)),
        predecessors: predecessorsOn(dir, code, checkDate),
        successors: dir.successorsOn(code, today).map((s) => ({
          code: s.code,
          name: nameOn(dir, s.code, today) ?? s.code,
          share: s.share,
          partial: s.partial,
        })),
      };
    },

    async createVillage(
      principal: Principal,
      actor: Actor,
      input: { communeCode: string; name: string; kind: string; validFrom: string },
    ): Promise<UnitVersion> {
      const dir = await catalog.directory();
      const commune = dir.versionOn(input.communeCode, input.validFrom);
      if (!commune || commune.level !== 'commune') {
        throw new AppError('units.invalid', `Mã ${input.communeCode} không phải là xã, phường, thị trấn vào ngày đó.`);
      }
      await scope.requireUnit(principal, 'units.write', input.communeCode, input.validFrom);
      const created = await db.transaction(async (tx) => {
        const next = (await repo.maxVillageSuffix(tx, input.communeCode)) + 1;
        const version: UnitVersion = {
          code: `${input.communeCode}-${String(next).padStart(2, '0')}`,
          name: input.name,
          level: 'village',
          kind: input.kind,
          parentCode: input.communeCode,
          validFrom: input.validFrom,
          validTo: null,
          legalBasis: null,
          isDemo: false,
        };
        assertDirectoryAccepts(dir, [version]);
        await repo.insertVersions(tx, deps.provinceCode, [version]);
        await recordAudit(tx, deps, actor, {
          action: 'unit.village_created',
          entityType: 'admin_unit',
          entityId: version.code,
          unitCode: input.communeCode,
          after: version,
        });
        return version;
      });
      catalog.invalidate();
      return created;
    },

    async rename(
      principal: Principal,
      actor: Actor,
      code: string,
      input: { name: string; effectiveDate: string; legalBasis?: string },
    ): Promise<UnitVersion> {
      const dir = await catalog.directory();
      const current = dir.versionOn(code, input.effectiveDate);
      if (!current) throw new AppError('units.not_found', `Không có đơn vị mã ${code} vào ngày ${input.effectiveDate}.`);
      if (current.validTo !== null) {
        throw new AppError('units.invalid', 'Chỉ đổi tên được phiên bản đang có hiệu lực của đơn vị.');
      }
      if (current.validFrom >= input.effectiveDate) {
        throw new AppError('units.invalid', 'Ngày hiệu lực của tên mới phải sau ngày bắt đầu của tên hiện tại.');
      }
      // Renaming a commune or district is an act of the Standing Committee: only the province may record it.
      await scope.requireUnit(principal, 'units.write', current.level === 'village' ? code : (current.parentCode ?? code), input.effectiveDate);
      const next: UnitVersion = { ...current, name: input.name, validFrom: input.effectiveDate, legalBasis: input.legalBasis ?? null };
      assertDirectoryAccepts(dir, [next], [{ code, validTo: input.effectiveDate }]);
      await db.transaction(async (tx) => {
        await repo.closeOpenVersion(tx, code, input.effectiveDate);
        await repo.insertVersions(tx, deps.provinceCode, [next]);
        const event: LineageEvent = {
          kind: 'rename',
          effectiveDate: input.effectiveDate,
          legalBasis: input.legalBasis ?? null,
          fromCode: code,
          toCode: code,
          share: null,
          note: `${current.name} → ${input.name}`,
        };
        await repo.insertEvents(tx, deps.provinceCode, [event]);
        await recordAudit(tx, deps, actor, {
          action: 'unit.renamed',
          entityType: 'admin_unit',
          entityId: code,
          unitCode: code,
          before: current,
          after: next,
        });
      });
      catalog.invalidate();
      return next;
    },

    async addLineageEvent(principal: Principal, actor: Actor, event: LineageEvent): Promise<void> {
      const dir = await catalog.directory();
      for (const c of [event.fromCode, event.toCode]) {
        if (dir.historyOf(c).versions.length === 0) throw new AppError('units.not_found', `Không tìm thấy đơn vị có mã ${c}.`);
      }
      assertDirectoryAccepts(dir, [], [], [event]);
      // Lineage is province-wide reference data: require the permission on the province itself.
      await scope.requireUnit(principal, 'units.write', deps.provinceCode, event.effectiveDate);
      await db.transaction(async (tx) => {
        await repo.insertEvents(tx, deps.provinceCode, [event]);
        await recordAudit(tx, deps, actor, {
          action: 'unit.lineage_added',
          entityType: 'unit_lineage',
          entityId: `${event.fromCode}->${event.toCode}@${event.effectiveDate}`,
          unitCode: event.toCode,
          after: event,
        });
      });
      catalog.invalidate();
    },
  };
}

/**
 * A write to the units must leave a consistent catalogue (no overlapping versions, parents in force, events on units
 * that exist): rebuild the directory with the change applied before writing, and refuse with the rule's message.
 */
function assertDirectoryAccepts(
  dir: UnitDirectory,
  added: UnitVersion[],
  closed: { code: string; validTo: string }[] = [],
  events: LineageEvent[] = [],
): void {
  const versions = dir.versions.map((v) => {
    const c = closed.find((x) => x.code === v.code && v.validTo === null);
    return c ? { ...v, validTo: c.validTo } : v;
  });
  try {
    createUnitDirectory([...versions, ...added], [...dir.events, ...events]);
  } catch (error) {
    if (error instanceof UnitRuleError) throw new AppError('units.invalid', error.message);
    throw error;
  }
}

function predecessorsOn(dir: UnitDirectory, code: string, date: string) {
  return dir
    .predecessorsOf(code, date)
    .map((p) => ({ code: p.code, name: p.name, kind: p.kind }))
    .sort((a, b) => compareVi(a.name, b.name));
}

export type UnitsService = ReturnType<typeof createUnitsService>;
