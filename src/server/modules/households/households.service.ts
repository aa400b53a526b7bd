import type { Db } from '../../../db/client.ts';
import type { socialBankLoans } from '../../../db/schema/index.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { hasPermission } from '../../../domain/access/authorize.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import {
  maskCitizenId,
  type HouseholdDetail,
  type HouseholdInput,
  type DwellingInput,
} from '../../../shared/schemas/households.schema.ts';
import { standardById } from '../../../domain/poverty/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import { roundReferenceDate, villagesUnder } from '../rounds/rounds.service.ts';
import * as roundsRepo from '../rounds/rounds.repository.ts';
import * as repo from './households.repository.ts';

export interface HouseholdsDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
}

export function createHouseholdsService(deps: HouseholdsDeps) {
  const { db, clock, ids, catalog, scope } = deps;

  async function requireHousehold(principal: Principal, id: string, permission: 'households.read' | 'households.write') {
    const h = await repo.getHousehold(db, id);
    if (!h) throw new AppError('registry.not_found', 'Không tìm thấy hộ gia đình.');
    await scope.requireUnit(principal, permission, h.villageCode, clock.today());
    return h;
  }

  async function duplicateWarnings(
    members: { fullName: string; birthYear: number; citizenId: string | null }[],
    villageCode: string,
    excludeId: string | null,
  ): Promise<string[]> {
    const warnings: string[] = [];
    const ids = members.map((m) => m.citizenId).filter((x): x is string => Boolean(x));
    for (const c of await repo.findCitizenIdClashes(db, ids, excludeId)) {
      warnings.push(`Số CCCD ${maskCitizenId(c.citizenId)} đã có ở hộ ${c.code} (${c.fullName}).`);
    }
    const dir = await catalog.directory();
    const today = clock.today();
    const commune = dir.ancestorsOn(villageCode, today).find((a) => a.level === 'commune');
    const villages = commune ? villagesUnder(dir, commune.code, today) : [villageCode];
    const similar = await repo.findSimilarMembers(
      db,
      members.map((m) => ({ folded: foldForSearch(m.fullName), birthYear: m.birthYear })),
      villages,
      excludeId,
    );
    for (const s of similar) warnings.push(`Có thể trùng người: ${s.fullName} (sinh năm ${s.birthYear}) ở hộ ${s.code} cùng xã.`);
    return warnings;
  }

  return {
    async list(
      principal: Principal,
      q: { unitCode?: string; roundYear?: number; category?: string; transition?: string; q?: string; limit: number; offset: number },
    ) {
      const dir = await catalog.directory();
      let roundId: string | null = null;
      let date = clock.today();
      if (q.roundYear) {
        const round = await roundsRepo.getRoundByYear(db, deps.provinceCode, q.roundYear);
        if (!round) throw new AppError('rounds.not_found', `Chưa có kỳ rà soát năm ${q.roundYear}.`);
        roundId = round.id;
        date = roundReferenceDate(round.year);
      }
      const roots = q.unitCode ? [q.unitCode] : principal.assignments.map((a) => a.unitCode).filter((c): c is string => c !== null);
      if (roots.length === 0) throw new AppError('auth.out_of_scope', 'Tài khoản của bạn không được giao địa bàn nào.');
      const villages = new Set<string>();
      for (const root of roots) {
        if (!(await scope.isUnitInScope(principal, 'households.read', root, date))) {
          if (q.unitCode) throw new AppError('auth.out_of_scope', 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.');
          continue;
        }
        for (const v of villagesUnder(dir, root, date)) villages.add(v);
      }
      const { rows, total } = await repo.listHouseholds(db, {
        villageCodes: [...villages],
        roundId,
        category: q.category,
        transition: q.transition,
        qFolded: q.q ? foldForSearch(q.q) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return {
        total,
        rows: rows.map((r) => {
          const village = r.a?.villageCode ?? r.h.villageCode;
          const path = dir.ancestorsOn(village, date);
          return {
            id: r.h.id,
            code: r.h.code,
            headName: r.h.headName,
            villageCode: village,
            villageName: path[0]?.name ?? village,
            communeName: path.find((p) => p.level === 'commune')?.name ?? '',
            area: r.h.area,
            memberCount: r.memberCount,
            headCitizenIdMasked: maskCitizenId(r.headCitizen),
            category: r.a?.category ?? null,
            transition: r.a?.transition ?? null,
            isAmendment: r.a?.isAmendment ?? false,
            isDemo: r.h.isDemo,
          };
        }),
      };
    },

    async detail(principal: Principal, id: string): Promise<HouseholdDetail> {
      const h = await requireHousehold(principal, id, 'households.read');
      const [members, assessments, loans, escapes, history] = await Promise.all([
        repo.getMembers(db, id),
        repo.getAssessmentsWithRounds(db, id),
        repo.getLoans(db, id),
        repo.getEscapeRegistrations(db, id),
        repo.getHistory(db, id),
      ]);
      const dir = await catalog.directory();
      const today = clock.today();
      // Citizen IDs in full only for those who may edit the household; everyone else sees them masked.
      const full = await scope.isUnitInScope(principal, 'households.write', h.villageCode, today);
      return {
        id: h.id,
        code: h.code,
        headName: h.headName,
        villageCode: h.villageCode,
        unitPath: dir.ancestorsOn(h.villageCode, today).map((u) => ({ code: u.code, name: u.name, level: u.level })),
        area: h.area,
        ethnicMinority: h.ethnicMinority,
        femaleHead: h.femaleHead,
        hasMeritPerson: h.hasMeritPerson,
        hasSocialProtection: h.hasSocialProtection,
        dwelling: h.dwelling as DwellingInput,
        closedOn: h.closedOn,
        closedReason: h.closedReason,
        version: h.version,
        isDemo: h.isDemo,
        members: members.map((m) => ({
          id: m.id,
          fullName: m.fullName,
          birthDate: m.birthDate,
          birthYear: m.birthYear,
          sex: m.sex,
          relation: m.relation,
          citizenId: full ? m.citizenId : maskCitizenId(m.citizenId),
          citizenIdMasked: !full,
          ethnicity: m.ethnicity,
          facts: m.facts as never,
        })),
        assessments: assessments.map(({ a, r }) => {
          const standard = standardById(r.standardId);
          const detail = a.detail as { deprivations?: { code: string; name: string; cause: string | null }[] };
          return {
            id: a.id,
            roundId: r.id,
            year: r.year,
            standardId: r.standardId,
            standardVersion: a.standardVersion,
            revision: a.revision,
            isCurrent: a.isCurrent,
            villageCode: a.villageCode,
            communeCode: a.communeCode,
            incomePerCapita: a.incomePerCapita,
            b1Score: a.b1Score,
            deprivations:
              detail.deprivations ??
              a.deprivations.map((code) => ({ code, name: standard.indicators.find((i) => i.code === code)?.name ?? code, cause: null })),
            category: a.category,
            reason: a.reason,
            transition: a.transition,
            stableEscapeYears: a.stableEscapeYears,
            isAmendment: a.isAmendment,
            amendmentReason: a.amendmentReason,
            createdAt: a.createdAt.toISOString(),
          };
        }),
        loans: loans.map((l) => ({
          id: l.id,
          amount: l.amount,
          purpose: l.purpose,
          disbursedOn: l.disbursedOn,
          dueOn: l.dueOn,
          usedAsIntended: l.usedAsIntended,
          interestOnTime: l.interestOnTime,
          principalOnTime: l.principalOnTime,
          repaidOn: l.repaidOn,
          overdue: l.repaidOn === null && l.dueOn < today,
          isDemo: l.isDemo,
        })),
        escapeRegistrations: escapes.map((e) => ({ year: e.year, registeredOn: e.registeredOn, note: e.note })),
        history: history.map((x) => ({ at: x.at.toISOString(), actorName: x.actorName, action: x.action, reason: x.reason, before: x.before, after: x.after })),
        duplicateWarnings: await duplicateWarnings(members, h.villageCode, h.id),
      };
    },

    async create(principal: Principal, actor: Actor, input: HouseholdInput) {
      const today = clock.today();
      const dir = await catalog.directory();
      const village = dir.versionOn(input.villageCode, today);
      if (!village || village.level !== 'village') throw new AppError('registry.invalid', `Mã thôn ${input.villageCode} không tồn tại.`);
      await scope.requireUnit(principal, 'households.write', input.villageCode, today);
      if (await repo.getHouseholdByCode(db, deps.provinceCode, input.code)) {
        throw new AppError('registry.conflict', `Mã hộ ${input.code} đã tồn tại.`);
      }
      const warnings = await duplicateWarnings(input.members, input.villageCode, null);
      const id = ids.newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.insertHousehold(tx, {
          id,
          provinceCode: deps.provinceCode,
          code: input.code,
          headName: input.headName,
          headNameFolded: foldForSearch(input.headName),
          villageCode: input.villageCode,
          area: input.area,
          ethnicMinority: input.ethnicMinority,
          femaleHead: input.femaleHead,
          hasMeritPerson: input.hasMeritPerson,
          hasSocialProtection: input.hasSocialProtection,
          dwelling: input.dwelling,
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertMembers(
          tx,
          input.members.map((m) => ({ id: ids.newId(), provinceCode: deps.provinceCode, householdId: id, ...m, fullNameFolded: foldForSearch(m.fullName), createdAt: now })),
        );
        await recordAudit(tx, deps, actor, { action: 'household.created', entityType: 'household', entityId: id, unitCode: input.villageCode, after: input });
      });
      return { id, warnings };
    },

    async update(principal: Principal, actor: Actor, id: string, patch: Partial<Omit<HouseholdInput, 'code' | 'villageCode' | 'members'>> & { version: number }) {
      const h = await requireHousehold(principal, id, 'households.write');
      const { version, ...changes } = patch;
      const set = { ...changes, ...(changes.headName ? { headNameFolded: foldForSearch(changes.headName) } : {}), updatedAt: clock.now() };
      await db.transaction(async (tx) => {
        const ok = await repo.updateHousehold(tx, id, version, set);
        if (!ok) throw new AppError('registry.conflict', 'Hộ vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.');
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (h as Record<string, unknown>)[k]]));
        await recordAudit(tx, deps, actor, { action: 'household.updated', entityType: 'household', entityId: id, unitCode: h.villageCode, before, after: changes });
      });
    },

    async move(principal: Principal, actor: Actor, id: string, input: { villageCode: string; effectiveDate: string; reason: string }) {
      const h = await requireHousehold(principal, id, 'households.write');
      const dir = await catalog.directory();
      const target = dir.versionOn(input.villageCode, input.effectiveDate);
      if (!target || target.level !== 'village') throw new AppError('registry.invalid', `Mã thôn ${input.villageCode} không tồn tại vào ngày đó.`);
      await scope.requireUnit(principal, 'households.write', input.villageCode, input.effectiveDate);
      await db.transaction(async (tx) => {
        const ok = await repo.updateHousehold(tx, id, h.version, { villageCode: input.villageCode, updatedAt: clock.now() });
        if (!ok) throw new AppError('registry.conflict', 'Hộ vừa được người khác sửa. Hãy tải lại trang.');
        await recordAudit(tx, deps, actor, {
          action: 'household.moved',
          entityType: 'household',
          entityId: id,
          unitCode: input.villageCode,
          before: { villageCode: h.villageCode },
          after: { villageCode: input.villageCode, effectiveDate: input.effectiveDate },
          reason: input.reason,
        });
      });
    },

    async addLoan(principal: Principal, actor: Actor, id: string, loan: Omit<typeof socialBankLoans.$inferInsert, 'id' | 'provinceCode' | 'householdId' | 'createdAt'>) {
      const h = await requireHousehold(principal, id, 'households.write');
      if (loan.dueOn <= loan.disbursedOn) throw new AppError('registry.invalid', 'Hạn trả phải sau ngày giải ngân.');
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, householdId: id, ...loan, createdAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.insertLoan(tx, row);
        await recordAudit(tx, deps, actor, { action: 'household.loan_added', entityType: 'household', entityId: id, unitCode: h.villageCode, after: row });
      });
      return row;
    },

    async registerEscape(principal: Principal, actor: Actor, id: string, input: { year: number; registeredOn: string; note: string | null }) {
      const h = await requireHousehold(principal, id, 'households.write');
      if ((await repo.getEscapeRegistrations(db, id)).some((e) => e.year === input.year)) {
        throw new AppError('registry.conflict', `Hộ đã đăng ký thoát nghèo năm ${input.year}.`);
      }
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, householdId: id, ...input };
      await db.transaction(async (tx) => {
        await repo.insertEscapeRegistration(tx, row);
        await recordAudit(tx, deps, actor, { action: 'household.escape_registered', entityType: 'household', entityId: id, unitCode: h.villageCode, after: row });
      });
    },

    canWrite(principal: Principal): boolean {
      return hasPermission(principal, 'households.write');
    },
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
