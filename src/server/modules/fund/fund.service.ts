import type { z } from 'zod';
import type { Db, Executor } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { roleHasPermission, type Permission } from '../../../domain/access/roles.ts';
import { buildPublicDisclosure } from '../../../domain/fund/disclosure.ts';
import {
  defaultCampaignPeriod,
  ledgerBalances,
  overdrawRefusal,
  periodOn,
  periodOverlaps,
  spendingPurposeLabels,
  type FundPeriod,
  type LedgerEntry,
} from '../../../domain/fund/ledger.ts';
import { supportActivityProblem, supportKindLabels } from '../../../domain/fund/support-activities.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type {
  contributionBody,
  createPeriodBody,
  directGiftBody,
  disbursementBody,
  EntryDto,
  PublicDisclosureDto,
  supportActivityBody,
} from '../../../shared/schemas/fund.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as repo from './fund.repository.ts';

export interface FundDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
}

type CreatePeriodBody = z.infer<typeof createPeriodBody>;
type ContributionBody = z.infer<typeof contributionBody>;
type DirectGiftBody = z.infer<typeof directGiftBody>;
type DisbursementBody = z.infer<typeof disbursementBody>;
type SupportActivityBody = z.infer<typeof supportActivityBody>;

const entryKindLabels = { contribution: 'Tiếp nhận đóng góp', direct_gift: 'Hỗ trợ trực tiếp đến hộ (nhà hảo tâm báo lại)', disbursement: 'Chi hỗ trợ từ Quỹ' } as const;

function toPeriod(p: repo.PeriodRow): FundPeriod {
  return { id: p.id, fundUnitCode: p.fundUnitCode, name: p.name, from: p.fromDate, to: p.toDate, openingBalance: p.openingBalance };
}

/**
 * The Fund for the Poor of each Fatherland Front level and the support activities of every participant (DOMAIN.md §7).
 * A level's fund is written by the officers whose scope covers its unit with fund.write, or by the focal point of that
 * level's Fatherland Front committee (an organisation of type fatherland_front seated in the unit); read likewise with
 * fund.read. The public disclosure carries no beneficiary.
 */
export function createFundService(deps: FundDeps) {
  const { db, clock, ids, scope, catalog } = deps;

  async function frontFocalPoint(principal: Principal, permission: Permission, unitCode: string): Promise<boolean> {
    for (const a of principal.assignments) {
      if (!a.organisationId || !roleHasPermission(a.role, permission)) continue;
      const org = await participantsRepo.findOrganisation(db, a.organisationId);
      if (org && org.type === 'fatherland_front' && org.unitCode === unitCode) return true;
    }
    return false;
  }

  async function requireLevel(principal: Principal, permission: Permission, unitCode: string, date: string): Promise<void> {
    if (await scope.isUnitInScope(principal, permission, unitCode, date)) return;
    if (await frontFocalPoint(principal, permission, unitCode)) return;
    throw new AppError('auth.out_of_scope', 'Quỹ của cấp này nằm ngoài phạm vi được phân quyền của bạn.');
  }

  /** The fund levels are the province, the districts and the communes (the Fatherland Front committees). */
  async function fundLevel(unitCode: string, date: string): Promise<{ dir: UnitDirectory; name: string }> {
    const dir = await catalog.directory();
    const unit = dir.versionOn(unitCode, date) ?? dir.historyOf(unitCode).versions.at(-1);
    if (!unit) throw new AppError('fund.not_found', `Không tìm thấy đơn vị có mã ${unitCode}.`);
    if (unit.level === 'village') throw new AppError('fund.invalid', 'Quỹ "Vì người nghèo" do Ủy ban MTTQ cấp tỉnh, huyện, xã quản lý; thôn, bản không có quỹ riêng.');
    return { dir, name: unit.name };
  }

  async function ledgerOf(tx: Executor, unitCode: string) {
    const [periods, contributions, gifts, disbursements] = await Promise.all([repo.listPeriods(tx, unitCode), repo.contributionsOf(tx, unitCode), repo.directGiftsOf(tx, unitCode), repo.disbursementsOf(tx, unitCode)]);
    const entries: LedgerEntry[] = [
      ...contributions.map((c) => ({ kind: 'contribution' as const, fundUnitCode: unitCode, date: c.receivedOn, value: c.value })),
      ...gifts.map((g) => ({ kind: 'direct_gift' as const, fundUnitCode: unitCode, date: g.givenOn, value: g.value, purpose: g.purpose })),
      ...disbursements.map((d) => ({ kind: 'disbursement' as const, fundUnitCode: unitCode, date: d.disbursedOn, value: d.value, purpose: d.purpose })),
    ];
    return { periods, contributions, gifts, disbursements, entries };
  }

  async function periodFor(tx: Executor, unitCode: string, date: string): Promise<repo.PeriodRow> {
    const periods = await repo.listPeriods(tx, unitCode);
    const p = periodOn(periods.map(toPeriod), unitCode, date);
    if (!p) throw new AppError('fund.invalid', `Ngày ${date} không thuộc kỳ vận động nào của quỹ cấp này: hãy mở kỳ vận động trước.`);
    return periods.find((x) => x.id === p.id)!;
  }

  async function householdInTerritory(dir: UnitDirectory, householdId: string, unitCode: string, date: string) {
    const [h] = await repo.householdsByIds(db, [householdId]);
    if (!h) throw new AppError('fund.not_found', 'Không tìm thấy hộ trong sổ hộ.');
    if (!dir.isWithinOn(h.villageCode, unitCode, date)) throw new AppError('fund.invalid', 'Hộ không thuộc địa bàn của quỹ cấp này.');
    return h;
  }

  async function checkDonor(body: { donorOrganisationId: string | null; donorUnitCode: string | null }) {
    if (body.donorOrganisationId && !(await participantsRepo.findOrganisation(db, body.donorOrganisationId))) throw new AppError('fund.not_found', 'Không tìm thấy cơ quan, tổ chức, doanh nghiệp đóng góp.');
    if (body.donorUnitCode && (await catalog.directory()).historyOf(body.donorUnitCode).versions.length === 0) throw new AppError('fund.not_found', `Không tìm thấy đơn vị có mã ${body.donorUnitCode}.`);
  }

  return {
    async periods(principal: Principal, unitCode: string) {
      const { name } = await fundLevel(unitCode, clock.today());
      await requireLevel(principal, 'fund.read', unitCode, clock.today());
      return (await repo.listPeriods(db, unitCode)).map((p) => ({ id: p.id, fundUnitCode: p.fundUnitCode, fundUnitName: name, name: p.name, from: p.fromDate, to: p.toDate, peakFrom: p.peakFrom, peakTo: p.peakTo, openingBalance: p.openingBalance }));
    },

    /** Opens a campaign period (default 17/10 → 16/10 next year, peak month 17/10–18/11). Periods follow one another. */
    async createPeriod(principal: Principal, actor: Actor, unitCode: string, body: CreatePeriodBody) {
      const d = defaultCampaignPeriod(body.year);
      const from = body.from ?? d.from;
      const to = body.to ?? d.to;
      const { name: unitName } = await fundLevel(unitCode, from);
      await requireLevel(principal, 'fund.write', unitCode, from);
      const existing = await repo.listPeriods(db, unitCode);
      const last = existing.at(-1);
      if (last && from <= last.toDate) throw new AppError('fund.invalid', `Kỳ mới phải bắt đầu sau ngày kết thúc của kỳ "${last.name}" (${last.toDate}).`);
      if (last && body.openingBalance !== null) throw new AppError('fund.invalid', 'Chỉ kỳ đầu tiên của quỹ được khai báo số dư đầu kỳ; các kỳ sau lấy số dư cuối kỳ trước.');
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, fundUnitCode: unitCode, name: body.name ?? d.name, fromDate: from, toDate: to, peakFrom: body.from ? null : d.peakFrom, peakTo: body.from ? null : d.peakTo, openingBalance: body.openingBalance, createdAt: clock.now() };
      const problems = periodOverlaps([...existing.map(toPeriod), toPeriod(row)]);
      if (problems.length) throw new AppError('fund.invalid', problems.join(' '));
      await db.transaction(async (tx) => {
        await repo.insertPeriod(tx, row);
        await recordAudit(tx, deps, actor, { action: 'fund.period_opened', entityType: 'fund_period', entityId: row.id, unitCode, after: { ...row, fundUnitName: unitName } });
      });
      return (await this.periods(principal, unitCode)).find((p) => p.id === row.id)!;
    },

    async addContribution(principal: Principal, actor: Actor, unitCode: string, body: ContributionBody) {
      await fundLevel(unitCode, body.receivedOn);
      await requireLevel(principal, 'fund.write', unitCode, body.receivedOn);
      await checkDonor(body);
      const period = await periodFor(db, unitCode, body.receivedOn);
      if (await repo.findReceipt(db, unitCode, body.receiptNumber)) throw new AppError('fund.conflict', `Biên lai số ${body.receiptNumber} đã được ghi sổ.`);
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, fundUnitCode: unitCode, periodId: period.id, ...body, createdBy: actor.name, createdAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.insertContribution(tx, row);
        await recordAudit(tx, deps, actor, { action: 'fund.contribution_recorded', entityType: 'fund_contribution', entityId: row.id, unitCode, after: body });
      });
      return { id: row.id, periodId: period.id };
    },

    async addDirectGift(principal: Principal, actor: Actor, unitCode: string, body: DirectGiftBody) {
      const { dir } = await fundLevel(unitCode, body.givenOn);
      await requireLevel(principal, 'fund.write', unitCode, body.givenOn);
      await checkDonor(body);
      if (body.reportedOn < body.givenOn) throw new AppError('fund.invalid', 'Ngày báo lại không được trước ngày hỗ trợ.');
      await householdInTerritory(dir, body.householdId, unitCode, body.givenOn);
      const period = await periodFor(db, unitCode, body.givenOn);
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, fundUnitCode: unitCode, periodId: period.id, ...body, createdBy: actor.name, createdAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.insertDirectGift(tx, row);
        await recordAudit(tx, deps, actor, { action: 'fund.direct_gift_reported', entityType: 'fund_direct_gift', entityId: row.id, unitCode, after: body });
      });
      return { id: row.id, periodId: period.id };
    },

    async addDisbursement(principal: Principal, actor: Actor, unitCode: string, body: DisbursementBody) {
      const { dir } = await fundLevel(unitCode, body.disbursedOn);
      await requireLevel(principal, 'fund.write', unitCode, body.disbursedOn);
      if (body.householdId) await householdInTerritory(dir, body.householdId, unitCode, body.disbursedOn);
      const id = ids.newId();
      let periodId = '';
      await db.transaction(async (tx) => {
        const period = await periodFor(tx, unitCode, body.disbursedOn);
        periodId = period.id;
        const ledger = await ledgerOf(tx, unitCode);
        const refusal = overdrawRefusal(ledger.entries, ledger.periods.map(toPeriod), { kind: 'disbursement', fundUnitCode: unitCode, date: body.disbursedOn, value: body.value, purpose: body.purpose });
        if (refusal) throw new AppError('fund.invalid', refusal);
        await repo.insertDisbursement(tx, { id, provinceCode: deps.provinceCode, fundUnitCode: unitCode, periodId: period.id, ...body, createdBy: actor.name, createdAt: clock.now() });
        await recordAudit(tx, deps, actor, { action: 'fund.disbursed', entityType: 'fund_disbursement', entityId: id, unitCode, after: body });
      });
      return { id, periodId };
    },

    /** The ledger lines; a beneficiary household is named only to callers who may read the registry in its village. */
    async entries(principal: Principal, unitCode: string, periodId: string | undefined): Promise<EntryDto[]> {
      await fundLevel(unitCode, clock.today());
      await requireLevel(principal, 'fund.read', unitCode, clock.today());
      const ledger = await ledgerOf(db, unitCode);
      const hhIds = [...ledger.gifts.map((g) => g.householdId), ...ledger.disbursements.flatMap((d) => (d.householdId ? [d.householdId] : []))];
      const hh = new Map((await repo.householdsByIds(db, [...new Set(hhIds)])).map((h) => [h.id, h]));
      const visible = new Map<string, boolean>();
      const beneficiary = async (householdId: string, date: string) => {
        const h = hh.get(householdId);
        if (!h) return null;
        if (!visible.has(h.villageCode)) visible.set(h.villageCode, await scope.isUnitInScope(principal, 'households.read', h.villageCode, date));
        return visible.get(h.villageCode) ? `${h.headName} (${h.code})` : 'Hộ gia đình (thông tin được bảo vệ)';
      };
      const out: EntryDto[] = [];
      for (const c of ledger.contributions) {
        out.push({ id: c.id, kind: 'contribution', kindLabel: entryKindLabels.contribution, date: c.receivedOn, value: c.value, periodId: c.periodId, donorName: c.donorName, agreesToBeNamed: c.agreesToBeNamed, form: c.form, receiptNumber: c.receiptNumber, purpose: null, purposeLabel: null, beneficiary: null, description: c.kindDescription ?? c.note });
      }
      for (const g of ledger.gifts) {
        out.push({ id: g.id, kind: 'direct_gift', kindLabel: entryKindLabels.direct_gift, date: g.givenOn, value: g.value, periodId: g.periodId, donorName: g.donorName, agreesToBeNamed: g.agreesToBeNamed, form: g.form, receiptNumber: null, purpose: g.purpose, purposeLabel: spendingPurposeLabels[g.purpose], beneficiary: await beneficiary(g.householdId, g.givenOn), description: g.description });
      }
      for (const d of ledger.disbursements) {
        out.push({ id: d.id, kind: 'disbursement', kindLabel: entryKindLabels.disbursement, date: d.disbursedOn, value: d.value, periodId: d.periodId, donorName: null, agreesToBeNamed: null, form: null, receiptNumber: d.decisionNumber, purpose: d.purpose, purposeLabel: spendingPurposeLabels[d.purpose], beneficiary: d.householdId ? await beneficiary(d.householdId, d.disbursedOn) : d.projectName, description: d.note });
      }
      return out.filter((e) => !periodId || e.periodId === periodId).sort((a, b) => a.date.localeCompare(b.date));
    },

    /** Opening, received, spent, closing for every period of the level; opening + received − spent = closing. */
    async balances(principal: Principal, unitCode: string) {
      const { name } = await fundLevel(unitCode, clock.today());
      await requireLevel(principal, 'fund.read', unitCode, clock.today());
      const ledger = await ledgerOf(db, unitCode);
      const result = ledgerBalances(ledger.entries, ledger.periods.map(toPeriod));
      const warnings = [...result.warnings, ...(result.outside.length ? [`${result.outside.length} khoản ngoài mọi kỳ vận động (không tính vào số dư).`] : [])];
      return { fundUnitCode: unitCode, fundUnitName: name, balances: result.balances.map((b) => ({ ...b, reconciles: b.opening + b.received - b.spent === b.closing })), warnings };
    },

    // ---------- public disclosure (no sign-in) ----------
    /** The levels that have opened a campaign period: the province first, then districts and communes by name. */
    async publicLevels() {
      const dir = await catalog.directory();
      const today = clock.today();
      const order = { province: 0, district: 1, commune: 2 } as const;
      const levels = [];
      for (const code of await repo.levelsWithPeriods(db)) {
        const u = dir.versionOn(code, today) ?? dir.historyOf(code).versions.at(-1);
        if (u && u.level !== 'village') levels.push({ unitCode: u.code, name: u.name, level: u.level });
      }
      return levels.sort((a, b) => order[a.level] - order[b.level] || compareVi(a.name, b.name));
    },

    async publicPeriods(unitCode: string) {
      await fundLevel(unitCode, clock.today());
      return (await repo.listPeriods(db, unitCode)).map((p) => ({ id: p.id, name: p.name, from: p.fromDate, to: p.toDate }));
    },

    /** Totals, donors who agreed to be named, spending by purpose. Built without reading any beneficiary. */
    async publicDisclosure(unitCode: string, periodId: string): Promise<PublicDisclosureDto> {
      const { name } = await fundLevel(unitCode, clock.today());
      const ledger = await ledgerOf(db, unitCode);
      const balance = ledgerBalances(ledger.entries, ledger.periods.map(toPeriod)).balances.find((b) => b.periodId === periodId);
      if (!balance) throw new AppError('fund.not_found', 'Không tìm thấy kỳ vận động của quỹ cấp này.');
      const donors = [
        ...ledger.contributions.filter((c) => c.periodId === periodId).map((c) => ({ name: c.donorName, agreesToBeNamed: c.agreesToBeNamed, value: c.value, form: c.form, direct: false })),
        ...ledger.gifts.filter((g) => g.periodId === periodId).map((g) => ({ name: g.donorName, agreesToBeNamed: g.agreesToBeNamed, value: g.value, form: g.form, direct: true })),
      ];
      const page = buildPublicDisclosure(balance, donors);
      return { fundUnitCode: unitCode, fundUnitName: name, ...page, note: 'Thông tin người được hỗ trợ được bảo vệ, không công khai. Chỉ nêu tên nhà hảo tâm đồng ý công khai.' };
    },

    // ---------- support activities ----------
    async addSupportActivity(principal: Principal, actor: Actor, body: SupportActivityBody) {
      const dir = await catalog.directory();
      const problem = supportActivityProblem(body);
      if (problem) throw new AppError('fund.invalid', problem);
      let supporter: { name: string; unitCode: string; organisationId: string | null; householdId: string | null };
      switch (body.supporter.kind) {
        case 'unit': {
          const u = dir.versionOn(body.supporter.unitCode, body.occurredOn);
          if (!u) throw new AppError('fund.not_found', `Không tìm thấy đơn vị có mã ${body.supporter.unitCode} vào ngày hỗ trợ.`);
          supporter = { name: u.name, unitCode: u.code, organisationId: null, householdId: null };
          break;
        }
        case 'organisation': {
          const o = await participantsRepo.findOrganisation(db, body.supporter.organisationId);
          if (!o) throw new AppError('fund.not_found', 'Không tìm thấy cơ quan, tổ chức, doanh nghiệp.');
          supporter = { name: o.name, unitCode: o.unitCode, organisationId: o.id, householdId: null };
          break;
        }
        case 'household': {
          const [h] = await repo.householdsByIds(db, [body.supporter.householdId]);
          if (!h) throw new AppError('fund.not_found', 'Không tìm thấy hộ hỗ trợ trong sổ hộ.');
          supporter = { name: `Hộ ${h.headName}`, unitCode: h.villageCode, organisationId: null, householdId: h.id };
          break;
        }
      }
      const ownOrg = supporter.organisationId !== null && principal.assignments.some((a) => a.organisationId === supporter.organisationId && roleHasPermission(a.role, 'fund.write'));
      if (!ownOrg && !(await scope.isUnitInScope(principal, 'fund.write', supporter.unitCode, body.occurredOn))) {
        throw new AppError('auth.out_of_scope', 'Chỉ ghi được hoạt động hỗ trợ của đơn vị, tổ chức, hộ trong phạm vi được phân quyền.');
      }
      let targetUnitCode: string;
      if (body.targetKind === 'household') {
        const [h] = await repo.householdsByIds(db, [body.targetHouseholdId!]);
        if (!h) throw new AppError('fund.not_found', 'Không tìm thấy hộ được hỗ trợ trong sổ hộ.');
        if (h.id === supporter.householdId) throw new AppError('fund.invalid', 'Hộ không tự hỗ trợ chính mình.');
        targetUnitCode = h.villageCode;
      } else {
        if (!dir.versionOn(body.targetUnitCode!, body.occurredOn)) throw new AppError('fund.not_found', `Không tìm thấy đơn vị có mã ${body.targetUnitCode} vào ngày hỗ trợ.`);
        targetUnitCode = body.targetUnitCode!;
      }
      const row = {
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        supporterKind: body.supporter.kind,
        supporterName: supporter.name,
        supporterUnitCode: supporter.unitCode,
        supporterOrganisationId: supporter.organisationId,
        supporterHouseholdId: supporter.householdId,
        targetKind: body.targetKind,
        targetHouseholdId: body.targetKind === 'household' ? body.targetHouseholdId : null,
        targetUnitCode,
        kind: body.kind,
        quantity: body.quantity,
        value: body.value,
        occurredOn: body.occurredOn,
        description: body.description,
        createdBy: actor.name,
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insertSupportActivity(tx, row);
        await recordAudit(tx, deps, actor, { action: 'fund.support_recorded', entityType: 'support_activity', entityId: row.id, unitCode: supporter.unitCode, after: { ...body, supporterName: supporter.name } });
      });
      return { id: row.id };
    },

    /** Support activities whose supporter or target lies in the caller's scope; households shown by village only. */
    async supportActivities(principal: Principal, query: { unitCode?: string; organisationId?: string; from?: string; to?: string }) {
      const dir = await catalog.directory();
      const rows = await repo.listSupportActivities(db, query);
      const out = [];
      for (const r of rows) {
        const ownOrg = r.supporterOrganisationId !== null && principal.assignments.some((a) => a.organisationId === r.supporterOrganisationId && roleHasPermission(a.role, 'fund.read'));
        const inScope = ownOrg || (await scope.isUnitInScope(principal, 'fund.read', r.supporterUnitCode, r.occurredOn)) || (await scope.isUnitInScope(principal, 'fund.read', r.targetUnitCode, r.occurredOn));
        if (!inScope) continue;
        const place = (dir.versionOn(r.targetUnitCode, r.occurredOn) ?? dir.historyOf(r.targetUnitCode).versions.at(-1))?.name ?? r.targetUnitCode;
        const target = r.targetKind === 'household' ? `Một hộ ở ${place}` : place;
        out.push({ id: r.id, supporterKind: r.supporterKind, supporterName: r.supporterName, targetKind: r.targetKind, target, targetUnitCode: r.targetUnitCode, kind: r.kind, kindLabel: supportKindLabels[r.kind], quantity: r.quantity, value: r.value, occurredOn: r.occurredOn, description: r.description });
      }
      return out;
    },
  };
}
export type FundService = ReturnType<typeof createFundService>;
