import type { Db } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { compareVi, matchesSearch } from '../../../shared/vi-text.ts';
import type { GroupDto, OrganisationDto, OrganisationType } from '../../../shared/schemas/participants.schema.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as repo from './participants.repository.ts';

export interface ParticipantsDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
}

function toOrganisationDto(r: repo.OrganisationRow): OrganisationDto {
  return {
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    unitCode: r.unitCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    isDemo: r.isDemo,
  };
}

export function createParticipantsService(deps: ParticipantsDeps) {
  const { db, clock, ids, scope, catalog } = deps;

  async function memberName(unitCode: string | null, organisationId: string | null, year: number, orgs: Map<string, repo.OrganisationRow>) {
    if (organisationId) return orgs.get(organisationId)?.name ?? organisationId;
    const dir = await catalog.directory();
    const v = dir.versionOn(unitCode!, `${year}-12-31`) ?? dir.historyOf(unitCode!).versions.at(-1);
    return v ? v.name : unitCode!;
  }

  return {
    // Organisations are public bodies (departments, unions, enterprises): every signed-in reader may list them.
    async listOrganisations(q: { asOf?: string; type?: OrganisationType; q?: string }): Promise<OrganisationDto[]> {
      const rows = await repo.listOrganisations(db, q.asOf ?? null);
      return rows
        .filter((r) => (q.type ? r.type === q.type : true))
        .filter((r) => (q.q ? matchesSearch(`${r.name} ${r.shortName ?? ''}`, q.q) : true))
        .sort((a, b) => compareVi(a.name, b.name))
        .map(toOrganisationDto);
    },

    async createOrganisation(
      principal: Principal,
      actor: Actor,
      input: { name: string; shortName?: string; type: OrganisationType; unitCode: string; validFrom: string },
    ): Promise<OrganisationDto> {
      await scope.requireUnit(principal, 'participants.write', input.unitCode, input.validFrom);
      const row = {
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        name: input.name,
        shortName: input.shortName ?? null,
        type: input.type,
        unitCode: input.unitCode,
        validFrom: input.validFrom,
        validTo: null,
        isDemo: false,
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insertOrganisations(tx, [row]);
        await recordAudit(tx, deps, actor, { action: 'organisation.created', entityType: 'organisation', entityId: row.id, unitCode: row.unitCode, after: row });
      });
      return toOrganisationDto(row);
    },

    async closeOrganisation(principal: Principal, actor: Actor, id: string, input: { validTo: string; reason: string }) {
      const org = await repo.findOrganisation(db, id);
      if (!org) throw new AppError('participants.not_found', 'Không tìm thấy cơ quan, tổ chức.');
      await scope.requireUnit(principal, 'participants.write', org.unitCode, input.validTo);
      if (input.validTo <= org.validFrom) {
        throw new AppError('participants.invalid', 'Ngày kết thúc phải sau ngày bắt đầu hoạt động.');
      }
      await db.transaction(async (tx) => {
        await repo.setOrganisationValidTo(tx, id, input.validTo);
        await recordAudit(tx, deps, actor, {
          action: 'organisation.closed',
          entityType: 'organisation',
          entityId: id,
          unitCode: org.unitCode,
          before: org,
          after: { ...org, validTo: input.validTo },
          reason: input.reason,
        });
      });
      return toOrganisationDto({ ...org, validTo: input.validTo });
    },

    async listIndividuals(principal: Principal, q: { unitCode?: string; q?: string }) {
      const today = clock.today();
      const [rows, orgs] = await Promise.all([repo.listIndividuals(db), repo.listOrganisations(db, null)]);
      const orgById = new Map(orgs.map((o) => [o.id, o]));
      const ownOrgs = new Set(principal.assignments.map((a) => a.organisationId).filter((x): x is string => Boolean(x)));
      const result = [];
      for (const r of rows) {
        const unit = r.unitCode ?? (r.organisationId ? orgById.get(r.organisationId)?.unitCode ?? null : null);
        const visible =
          (r.organisationId !== null && ownOrgs.has(r.organisationId)) ||
          (unit !== null && (await scope.isUnitInScope(principal, 'participants.read', unit, today)));
        if (!visible) continue;
        if (q.unitCode && r.unitCode !== q.unitCode) continue;
        if (q.q && !matchesSearch(r.fullName, q.q)) continue;
        result.push({
          id: r.id,
          fullName: r.fullName,
          position: r.position,
          role: r.role,
          organisationId: r.organisationId,
          organisationName: r.organisationId ? (orgById.get(r.organisationId)?.name ?? null) : null,
          unitCode: r.unitCode,
          isDemo: r.isDemo,
        });
      }
      return result.sort((a, b) => compareVi(a.fullName, b.fullName));
    },

    async createIndividual(
      principal: Principal,
      actor: Actor,
      input: { fullName: string; position?: string; role: 'poverty_cadre' | 'officer' | 'other'; organisationId?: string; unitCode?: string },
    ) {
      let unit = input.unitCode ?? null;
      let orgName: string | null = null;
      if (input.organisationId) {
        const org = await repo.findOrganisation(db, input.organisationId);
        if (!org) throw new AppError('participants.not_found', 'Không tìm thấy cơ quan, tổ chức.');
        unit = org.unitCode;
        orgName = org.name;
      }
      await scope.requireUnit(principal, 'participants.write', unit!, clock.today());
      const row = {
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        fullName: input.fullName,
        position: input.position ?? null,
        role: input.role,
        organisationId: input.organisationId ?? null,
        unitCode: input.unitCode ?? null,
        isDemo: false,
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insertIndividuals(tx, [row]);
        await recordAudit(tx, deps, actor, { action: 'individual.created', entityType: 'individual', entityId: row.id, unitCode: unit, after: row });
      });
      return { ...row, organisationName: orgName };
    },

    async listGroups(year?: number): Promise<GroupDto[]> {
      const groups = await repo.listGroups(db, year ?? null);
      const members = await repo.listMembers(db, groups.map((g) => g.id));
      const orgs = new Map((await repo.listOrganisations(db, null)).map((o) => [o.id, o]));
      const result: GroupDto[] = [];
      for (const g of groups) {
        const own = members.filter((m) => m.groupId === g.id);
        const named = [];
        for (const m of own) {
          named.push({ id: m.id, unitCode: m.unitCode, organisationId: m.organisationId, name: await memberName(m.unitCode, m.organisationId, g.year, orgs) });
        }
        named.sort((a, b) => compareVi(a.name, b.name));
        result.push({ id: g.id, year: g.year, kind: g.kind, name: g.name, isDemo: g.isDemo, members: named });
      }
      return result.sort((a, b) => b.year - a.year || compareVi(a.name, b.name));
    },

    async createGroup(principal: Principal, actor: Actor, input: { year: number; kind: 'cluster' | 'block'; name: string }) {
      await scope.requireUnit(principal, 'participants.write', deps.provinceCode, clock.today());
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, year: input.year, kind: input.kind, name: input.name, isDemo: false, createdAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.insertGroups(tx, [row]);
        await recordAudit(tx, deps, actor, { action: 'emulation_group.created', entityType: 'emulation_group', entityId: row.id, after: row });
      });
      return { ...row, members: [] };
    },

    async addMember(principal: Principal, actor: Actor, groupId: string, input: { unitCode?: string; organisationId?: string }) {
      await scope.requireUnit(principal, 'participants.write', deps.provinceCode, clock.today());
      const group = await repo.findGroup(db, groupId);
      if (!group) throw new AppError('participants.not_found', 'Không tìm thấy cụm, khối thi đua.');
      if (input.organisationId && !(await repo.findOrganisation(db, input.organisationId))) {
        throw new AppError('participants.not_found', 'Không tìm thấy cơ quan, tổ chức.');
      }
      if (input.unitCode && (await catalog.directory()).historyOf(input.unitCode).versions.length === 0) {
        throw new AppError('units.not_found', `Không tìm thấy đơn vị có mã ${input.unitCode}.`);
      }
      const row = { id: ids.newId(), groupId, unitCode: input.unitCode ?? null, organisationId: input.organisationId ?? null };
      await db.transaction(async (tx) => {
        await repo.insertMembers(tx, [row]);
        await recordAudit(tx, deps, actor, { action: 'emulation_group.member_added', entityType: 'emulation_group', entityId: groupId, after: row });
      });
      return row;
    },

    async removeMember(principal: Principal, actor: Actor, groupId: string, memberId: string) {
      await scope.requireUnit(principal, 'participants.write', deps.provinceCode, clock.today());
      await db.transaction(async (tx) => {
        const removed = await repo.deleteMember(tx, groupId, memberId);
        if (!removed) throw new AppError('participants.not_found', 'Không tìm thấy thành viên trong cụm, khối.');
        await recordAudit(tx, deps, actor, { action: 'emulation_group.member_removed', entityType: 'emulation_group', entityId: groupId, before: removed });
      });
    },
  };
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;
