import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { householdMembers, households, inYearApplications } from '../../../db/schema/index.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { addWorkingDays, countWorkingDays } from '../../../domain/calendar/working-days.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as repo from './households.repository.ts';

/** The commune chairman decides an in-year application within 7 working days (TT 17/2016, QĐ 24/2021). */
export const applicationDecisionWorkingDays = 7;

export function createHouseholdChangesService(deps: { db: Db; clock: Clock; ids: IdGenerator; provinceCode: string; catalog: UnitsCatalog; scope: ScopeChecker }) {
  const { db, clock, ids, scope, catalog } = deps;

  async function load(principal: Principal, id: string) {
    const h = await repo.getHousehold(db, id);
    if (!h) throw new AppError('registry.not_found', 'Không tìm thấy hộ gia đình.');
    await scope.requireUnit(principal, 'households.write', h.villageCode, clock.today());
    if (h.closedOn) throw new AppError('registry.invalid', `Hộ ${h.code} đã đóng từ ngày ${h.closedOn} (${h.closedReason ?? ''}).`);
    return h;
  }

  return {
    /** Tách hộ: some members form a new household (e.g. a married child); both keep their history. */
    async split(principal: Principal, actor: Actor, id: string, input: { newCode: string; headName: string; memberIds: string[]; villageCode?: string; effectiveDate: string; reason: string }) {
      const h = await load(principal, id);
      const villageCode = input.villageCode ?? h.villageCode;
      await scope.requireUnit(principal, 'households.write', villageCode, input.effectiveDate);
      const members = await repo.getMembers(db, id);
      const moving = members.filter((m) => input.memberIds.includes(m.id));
      if (moving.length !== input.memberIds.length) throw new AppError('registry.invalid', 'Có thành viên không thuộc hộ này.');
      if (moving.length === members.length) throw new AppError('registry.invalid', 'Không thể tách tất cả thành viên: hộ cũ phải còn ít nhất một người.');
      if (await repo.getHouseholdByCode(db, deps.provinceCode, input.newCode)) throw new AppError('registry.conflict', `Mã hộ ${input.newCode} đã tồn tại.`);
      const newId = ids.newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.insertHousehold(tx, {
          id: newId,
          provinceCode: deps.provinceCode,
          code: input.newCode,
          headName: input.headName,
          headNameFolded: foldForSearch(input.headName),
          villageCode,
          area: h.area,
          ethnicMinority: h.ethnicMinority,
          femaleHead: moving.some((m) => m.fullName === input.headName && m.sex === 'female'),
          dwelling: {},
          createdAt: now,
          updatedAt: now,
        });
        await tx.update(householdMembers).set({ householdId: newId }).where(inArray(householdMembers.id, input.memberIds));
        await recordAudit(tx, deps, actor, { action: 'household.split', entityType: 'household', entityId: id, unitCode: h.villageCode, after: { newHouseholdId: newId, newCode: input.newCode, members: moving.map((m) => m.fullName), effectiveDate: input.effectiveDate }, reason: input.reason });
        await recordAudit(tx, deps, actor, { action: 'household.created_by_split', entityType: 'household', entityId: newId, unitCode: villageCode, after: { fromHouseholdId: id, fromCode: h.code, members: moving.map((m) => m.fullName) }, reason: input.reason });
      });
      return { id: newId };
    },

    /** Nhập hộ: the members join another household; this one is closed, never deleted. */
    async merge(principal: Principal, actor: Actor, id: string, input: { intoHouseholdId: string; effectiveDate: string; reason: string }) {
      if (id === input.intoHouseholdId) throw new AppError('registry.invalid', 'Không thể nhập hộ vào chính nó.');
      const h = await load(principal, id);
      const into = await load(principal, input.intoHouseholdId);
      await db.transaction(async (tx) => {
        await tx.update(householdMembers).set({ householdId: into.id }).where(eq(householdMembers.householdId, id));
        await tx.update(households).set({ closedOn: input.effectiveDate, closedReason: `Nhập vào hộ ${into.code}`, version: h.version + 1, updatedAt: clock.now() }).where(and(eq(households.id, id), eq(households.version, h.version)));
        await recordAudit(tx, deps, actor, { action: 'household.merged', entityType: 'household', entityId: id, unitCode: h.villageCode, after: { intoHouseholdId: into.id, intoCode: into.code, effectiveDate: input.effectiveDate }, reason: input.reason });
        await recordAudit(tx, deps, actor, { action: 'household.received_merge', entityType: 'household', entityId: into.id, unitCode: into.villageCode, after: { fromHouseholdId: id, fromCode: h.code }, reason: input.reason });
      });
    },

    async apply(principal: Principal, actor: Actor, id: string, input: { kind: 'enter_poor' | 'enter_near_poor' | 'leave'; appliedOn: string }) {
      const h = await load(principal, id);
      const dir = await catalog.directory();
      const commune = dir.ancestorsOn(h.villageCode, input.appliedOn).find((a) => a.level === 'commune');
      if (!commune) throw new AppError('registry.invalid', 'Không xác định được xã của hộ vào ngày nộp đơn.');
      const row = {
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        householdId: id,
        communeCode: commune.code,
        kind: input.kind,
        appliedOn: input.appliedOn,
        deadlineOn: addWorkingDays(input.appliedOn, applicationDecisionWorkingDays),
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await tx.insert(inYearApplications).values(row);
        await recordAudit(tx, deps, actor, { action: 'application.received', entityType: 'household', entityId: id, unitCode: commune.code, after: row });
      });
      return row;
    },

    async decide(principal: Principal, actor: Actor, applicationId: string, input: { outcome: 'accepted' | 'refused'; decidedOn: string; reason: string | null }) {
      const [app] = await db.select().from(inYearApplications).where(eq(inYearApplications.id, applicationId));
      if (!app) throw new AppError('registry.not_found', 'Không tìm thấy đơn đề nghị.');
      await scope.requireUnit(principal, 'households.write', app.communeCode, input.decidedOn);
      if (app.outcome) throw new AppError('registry.conflict', 'Đơn này đã được quyết định.');
      if (input.decidedOn < app.appliedOn) throw new AppError('registry.invalid', 'Ngày quyết định không thể trước ngày nộp đơn.');
      await db.transaction(async (tx) => {
        await tx.update(inYearApplications).set({ outcome: input.outcome, decidedOn: input.decidedOn, reason: input.reason }).where(eq(inYearApplications.id, applicationId));
        await recordAudit(tx, deps, actor, { action: `application.${input.outcome}`, entityType: 'household', entityId: app.householdId, unitCode: app.communeCode, before: app, after: input, reason: input.reason });
      });
    },

    async listApplications(principal: Principal, q: { unitCode?: string; open?: boolean }) {
      const today = clock.today();
      const dir = await catalog.directory();
      const roots = q.unitCode ? [q.unitCode] : principal.assignments.map((a) => a.unitCode).filter((c): c is string => c !== null);
      const communes = new Set<string>();
      for (const root of roots) {
        if (!(await scope.isUnitInScope(principal, 'households.read', root, today))) {
          if (q.unitCode) throw new AppError('auth.out_of_scope', 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.');
          continue;
        }
        const v = dir.versionOn(root, today);
        if (v?.level === 'commune') communes.add(root);
        else for (const c of dir.unitsOn(today, 'commune')) if (dir.isWithinOn(c.code, root, today)) communes.add(c.code);
      }
      if (communes.size === 0) return [];
      const rows = await db
        .select({ a: inYearApplications, h: households })
        .from(inYearApplications)
        .innerJoin(households, eq(households.id, inYearApplications.householdId))
        .where(inArray(inYearApplications.communeCode, [...communes]));
      return rows
        .filter((r) => (q.open ? r.a.outcome === null : true))
        .map(({ a, h }) => {
          const open = a.outcome === null;
          const left = open ? (today > a.deadlineOn ? -countWorkingDays(a.deadlineOn, today) + 1 : countWorkingDays(today, a.deadlineOn)) : null;
          return {
            id: a.id,
            householdId: h.id,
            householdCode: h.code,
            headName: h.headName,
            communeCode: a.communeCode,
            kind: a.kind,
            appliedOn: a.appliedOn,
            deadlineOn: a.deadlineOn,
            decidedOn: a.decidedOn,
            outcome: a.outcome,
            reason: a.reason,
            workingDaysLeft: left,
            overdue: open ? today > a.deadlineOn : a.decidedOn !== null && a.decidedOn > a.deadlineOn,
            isDemo: a.isDemo,
          };
        })
        .sort((x, y) => x.deadlineOn.localeCompare(y.deadlineOn));
    },
  };
}
export type HouseholdChangesService = ReturnType<typeof createHouseholdChangesService>;
