import type { Executor } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import {
  householdTypeMismatch,
  participantTypeLabels,
  participantTypeRules,
  participantTypes,
  type ParticipantKind,
  type ParticipantType,
} from '../../../domain/emulation/participant-types.ts';
import { organisationTypeLabels } from '../../../shared/schemas/participants.schema.ts';
import type { ParticipantRef, RegisterBody, RegistrationDto } from '../../../shared/schemas/emulation.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import type { CampaignsService } from './campaigns.service.ts';
import type { EmulationDeps } from './emulation-deps.ts';
import { roundDate } from './emulation-deps.ts';
import type { Owner, OwnerScope } from './emulation-scope.ts';
import { latestAssessment } from './measured-facts.repository.ts';
import { findHousehold, findIndividual } from './participant-lookup.repository.ts';
import * as repo from './scores.repository.ts';

export interface ResolvedParticipant {
  kind: ParticipantKind;
  key: string;
  name: string;
  unitCode: string;
  organisationId: string | null;
  individualId: string | null;
  householdId: string | null;
}

export function registrationOwner(r: { unitCode: string; organisationId: string | null }): Owner {
  return { unitCode: r.unitCode, organisationId: r.organisationId };
}

export function toRegistrationDto(r: repo.RegistrationRow): RegistrationDto {
  const type = r.participantType as ParticipantType;
  return {
    id: r.id,
    roundId: r.roundId,
    participantType: type,
    participantTypeLabel: participantTypeLabels[type],
    participantKind: r.participantKind,
    participantKey: r.participantKey,
    participantName: r.participantName,
    unitCode: r.unitCode,
    registeredOn: r.registeredOn,
    pledges: r.pledges as string[],
    registeredBy: r.registeredBy,
  };
}

function activeInYear(o: { validFrom: string; validTo: string | null }, year: number): boolean {
  return o.validFrom <= `${year}-12-31` && (o.validTo === null || o.validTo > `${year}-01-01`);
}

export function createRegistrationsService(deps: EmulationDeps & { owners: OwnerScope; campaigns: CampaignsService }) {
  const { db, clock, ids, owners, campaigns, catalog } = deps;

  async function resolveParticipant(tx: Executor, type: ParticipantType, ref: ParticipantRef, round: { year: number; measureToYear: number }): Promise<ResolvedParticipant> {
    const rule = participantTypeRules[type];
    const label = participantTypeLabels[type].toLowerCase();
    if (ref.kind !== rule.kind) throw new AppError('emulation.invalid', `Đối tượng "${label}" không đăng ký theo dạng này.`);
    const date = roundDate(round);
    switch (ref.kind) {
      case 'unit': {
        const dir = await catalog.directory();
        const unit = dir.versionOn(ref.unitCode, date);
        if (!unit) throw new AppError('emulation.invalid', `Mã ${ref.unitCode} không phải đơn vị hành chính còn tồn tại năm ${round.year}.`);
        if (unit.level !== rule.unitLevel) throw new AppError('emulation.invalid', `${unit.name} không thuộc nhóm "${label}".`);
        return { kind: 'unit', key: unit.code, name: unit.name, unitCode: unit.code, organisationId: null, individualId: null, householdId: null };
      }
      case 'organisation': {
        const org = await participantsRepo.findOrganisation(tx, ref.organisationId);
        if (!org) throw new AppError('emulation.not_found', 'Không tìm thấy cơ quan, tổ chức.');
        if (!rule.organisationTypes?.includes(org.type)) {
          throw new AppError('emulation.invalid', `${org.name} (${organisationTypeLabels[org.type].toLowerCase()}) không thuộc nhóm "${label}".`);
        }
        if (!activeInYear(org, round.year)) throw new AppError('emulation.invalid', `${org.name} không hoạt động trong năm ${round.year}.`);
        return { kind: 'organisation', key: org.id, name: org.name, unitCode: org.unitCode, organisationId: org.id, individualId: null, householdId: null };
      }
      case 'individual': {
        const person = await findIndividual(tx, ref.individualId);
        if (!person) throw new AppError('emulation.not_found', 'Không tìm thấy cá nhân.');
        if (person.role === 'other') throw new AppError('emulation.invalid', `${person.fullName} không phải cán bộ, công chức, viên chức làm công tác giảm nghèo.`);
        const org = person.organisationId ? await participantsRepo.findOrganisation(tx, person.organisationId) : undefined;
        const unitCode = person.unitCode ?? org?.unitCode;
        if (!unitCode) throw new AppError('emulation.invalid', `${person.fullName} chưa thuộc đơn vị nào.`);
        return { kind: 'individual', key: person.id, name: person.fullName, unitCode, organisationId: person.organisationId, individualId: person.id, householdId: null };
      }
      case 'household': {
        const h = await findHousehold(tx, ref.householdId);
        if (!h) throw new AppError('emulation.not_found', 'Không tìm thấy hộ trong sổ hộ.');
        if (h.closedOn !== null) throw new AppError('emulation.invalid', `Hộ ${h.headName} đã đóng sổ từ ${h.closedOn}.`);
        const latest = await latestAssessment(tx, h.id, round.measureToYear);
        const problem = householdTypeMismatch(type as 'household_poor' | 'household_non_poor', { category: latest?.category ?? null, stableEscapeYears: latest?.stableEscapeYears ?? null });
        if (problem) throw new AppError('emulation.invalid', `Hộ ${h.headName}: ${problem}`);
        return { kind: 'household', key: h.id, name: `Hộ ${h.headName}`, unitCode: h.villageCode, organisationId: null, individualId: null, householdId: h.id };
      }
    }
  }

  async function expectedParticipants(type: ParticipantType, round: { year: number }): Promise<{ key: string; name: string; owner: Owner }[]> {
    const rule = participantTypeRules[type];
    if (rule.kind === 'unit') {
      const dir = await catalog.directory();
      return dir.unitsOn(roundDate(round), rule.unitLevel).map((u) => ({ key: u.code, name: u.name, owner: { unitCode: u.code, organisationId: null } }));
    }
    if (rule.kind === 'organisation') {
      const orgs = await participantsRepo.listOrganisations(db, null);
      return orgs
        .filter((o) => rule.organisationTypes?.includes(o.type) && activeInYear(o, round.year))
        .map((o) => ({ key: o.id, name: o.name, owner: { unitCode: o.unitCode, organisationId: o.id } }));
    }
    // Households and individuals are too many to expect each one: only those who registered are listed.
    return [];
  }

  return {
    resolveParticipant,

    async register(principal: Principal, actor: Actor, roundId: string, body: RegisterBody): Promise<RegistrationDto> {
      const round = await campaigns.loadRound(roundId);
      if (round.publishedAt) throw new AppError('emulation.conflict', 'Đợt thi đua đã công bố kết quả: không nhận đăng ký nữa.');
      const campaign = await campaigns.loadCampaign(round.campaignId);
      if (!(campaign.participantTypes as string[]).includes(body.participantType)) {
        throw new AppError('emulation.invalid', `Phong trào "${campaign.name}" không có đối tượng "${participantTypeLabels[body.participantType]}".`);
      }
      const p = await resolveParticipant(db, body.participantType, body.participant, round);
      await owners.requireAny(principal, ['emulation.participate', 'emulation.manage'], { unitCode: p.unitCode, organisationId: p.organisationId }, roundDate(round));
      const registeredOn = body.registeredOn ?? clock.today();
      if (registeredOn > round.selfAssessmentTo) throw new AppError('emulation.invalid', 'Ngày đăng ký thi đua phải trước khi kết thúc thời gian tự chấm điểm.');
      const existing = await repo.findRegistration(db, roundId, body.participantType, p.key);
      if (existing) throw new AppError('emulation.conflict', `${p.name} đã đăng ký thi đua đợt "${round.name}" ngày ${existing.registeredOn}.`);
      const id = ids.newId();
      await db.transaction(async (tx) => {
        await repo.insertRegistration(tx, {
          id,
          provinceCode: deps.provinceCode,
          roundId,
          participantType: body.participantType,
          participantKind: p.kind,
          participantKey: p.key,
          participantName: p.name,
          unitCode: p.unitCode,
          organisationId: p.organisationId,
          individualId: p.individualId,
          householdId: p.householdId,
          registeredOn,
          pledges: body.pledges,
          registeredBy: actor.name,
          createdAt: clock.now(),
        });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.registered',
          entityType: 'emulation_registration',
          entityId: id,
          unitCode: p.unitCode,
          after: { round: round.name, participantType: body.participantType, participant: p.name, registeredOn, pledges: body.pledges },
        });
      });
      return toRegistrationDto((await repo.getRegistration(db, id))!);
    },

    async loadRegistration(id: string): Promise<repo.RegistrationRow> {
      const r = await repo.getRegistration(db, id);
      if (!r) throw new AppError('emulation.not_found', 'Không tìm thấy đăng ký thi đua.');
      return r;
    },

    /** Who has and has not registered, within the caller's scope (the board sees the whole province). */
    async status(principal: Principal, roundId: string) {
      const round = await campaigns.loadRound(roundId);
      const campaign = await campaigns.loadCampaign(round.campaignId);
      const date = roundDate(round);
      const registrations = await repo.listRegistrations(db, roundId);
      const byType = [];
      for (const type of participantTypes.filter((t) => (campaign.participantTypes as string[]).includes(t))) {
        const own = registrations.filter((r) => r.participantType === type);
        const registered = [];
        for (const r of own) if (await owners.covers(principal, 'emulation.read', registrationOwner(r), date)) registered.push(toRegistrationDto(r));
        const keys = new Set(own.map((r) => r.participantKey));
        const notRegistered = [];
        for (const e of await expectedParticipants(type, round)) {
          if (keys.has(e.key)) continue;
          if (await owners.covers(principal, 'emulation.read', e.owner, date)) notRegistered.push({ key: e.key, name: e.name });
        }
        notRegistered.sort((a, b) => compareVi(a.name, b.name));
        byType.push({ participantType: type, label: participantTypeLabels[type], registered, notRegistered });
      }
      const groups = await participantsRepo.listGroups(db, round.year);
      const members = await participantsRepo.listMembers(db, groups.map((g) => g.id));
      const orgs = new Map((await participantsRepo.listOrganisations(db, null)).map((o) => [o.id, o]));
      const pledges = await repo.listJointPledges(db, roundId);
      const dir = await catalog.directory();
      const registeredKeys = new Set(registrations.map((r) => r.participantKey));
      const groupViews = [];
      for (const g of groups.sort((a, b) => compareVi(a.name, b.name))) {
        const own = members.filter((m) => m.groupId === g.id);
        let visible = false;
        const list = [];
        for (const m of own) {
          const key = m.organisationId ?? m.unitCode ?? '';
          const owner = m.organisationId ? { unitCode: orgs.get(m.organisationId)?.unitCode ?? deps.provinceCode, organisationId: m.organisationId } : { unitCode: m.unitCode!, organisationId: null };
          if (await owners.covers(principal, 'emulation.read', owner, date)) visible = true;
          const name = m.organisationId ? (orgs.get(m.organisationId)?.name ?? key) : (dir.versionOn(m.unitCode!, date)?.name ?? m.unitCode!);
          list.push({ name, registered: registeredKeys.has(key) });
        }
        if (!visible) continue;
        groupViews.push({ groupId: g.id, name: g.name, kind: g.kind, members: list.sort((a, b) => compareVi(a.name, b.name)), jointPledgeSignedOn: pledges.find((p) => p.groupId === g.id)?.signedOn ?? null });
      }
      return { roundId, byType, groups: groupViews };
    },

    /** Giao ước thi đua of a cluster or block: recorded by the board or by a member's focal point. */
    async recordJointPledge(principal: Principal, actor: Actor, roundId: string, body: { groupId: string; signedOn: string; place?: string; pledges: string[]; signatories: { name: string; position: string; memberName: string }[] }) {
      const round = await campaigns.loadRound(roundId);
      const group = await participantsRepo.findGroup(db, body.groupId);
      if (!group) throw new AppError('emulation.not_found', 'Không tìm thấy cụm, khối thi đua.');
      if (group.year !== round.year) throw new AppError('emulation.invalid', `${group.name} là cụm, khối của năm ${group.year}, không thuộc đợt "${round.name}" (năm ${round.year}).`);
      const date = roundDate(round);
      let allowed = await owners.isProvince(principal, 'emulation.manage', date);
      if (!allowed) {
        const members = await participantsRepo.listMembers(db, [group.id]);
        for (const m of members) {
          const org = m.organisationId ? await participantsRepo.findOrganisation(db, m.organisationId) : undefined;
          const owner = org ? { unitCode: org.unitCode, organisationId: org.id } : { unitCode: m.unitCode!, organisationId: null };
          if (await owners.covers(principal, 'emulation.participate', owner, date)) {
            allowed = true;
            break;
          }
        }
      }
      if (!allowed) throw new AppError('auth.out_of_scope', 'Chỉ Ban Thi đua - Khen thưởng hoặc thành viên của cụm, khối mới ghi được giao ước thi đua.');
      const id = ids.newId();
      await db.transaction(async (tx) => {
        await repo.upsertJointPledge(tx, { id, provinceCode: deps.provinceCode, roundId, groupId: group.id, signedOn: body.signedOn, place: body.place ?? null, pledges: body.pledges, signatories: body.signatories, recordedBy: actor.name, createdAt: clock.now() });
        await recordAudit(tx, deps, actor, { action: 'emulation.joint_pledge_recorded', entityType: 'emulation_group', entityId: group.id, after: { round: round.name, ...body } });
      });
      return (await this.jointPledges(roundId)).find((p) => p.groupId === group.id)!;
    },

    /** Joint pledges are public within the movement: every reader of the emulation sees them. */
    async jointPledges(roundId: string) {
      await campaigns.loadRound(roundId);
      const rows = await repo.listJointPledges(db, roundId);
      const groups = new Map((await participantsRepo.listGroups(db, null)).map((g) => [g.id, g]));
      return rows.map((p) => ({
        id: p.id,
        roundId: p.roundId,
        groupId: p.groupId,
        groupName: groups.get(p.groupId)?.name ?? '',
        signedOn: p.signedOn,
        place: p.place,
        pledges: p.pledges as string[],
        signatories: p.signatories as { name: string; position: string; memberName: string }[],
        recordedBy: p.recordedBy,
      }));
    },
  };
}
export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
