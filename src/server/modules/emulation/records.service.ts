import type { z } from 'zod';
import type { Principal } from '../../../domain/access/authorize.ts';
import { STABLE_ESCAPE_MIN_YEARS } from '../../../domain/poverty/transitions.ts';
import {
  exemplarKindLabels,
  recognisedLevelLabels,
  type exemplarBody,
  type ExemplarDto,
  type initiativeBody,
  type modelBody,
} from '../../../shared/schemas/emulation.schema.ts';
import { categoryLabels, type Category } from '../../../shared/schemas/households.schema.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import type { EmulationDeps } from './emulation-deps.ts';
import type { Owner, OwnerScope } from './emulation-scope.ts';
import { latestAssessment } from './measured-facts.repository.ts';
import { findHousehold, findIndividual } from './participant-lookup.repository.ts';
import * as repo from './records.repository.ts';
import { getFiles } from './scores.repository.ts';

type InitiativeBody = z.infer<typeof initiativeBody>;
type ModelBody = z.infer<typeof modelBody>;
type ExemplarBody = z.infer<typeof exemplarBody>;
type RecordsQuery = { q?: string; unitCode?: string; criterionCode?: string; kind?: 'collective' | 'individual' | 'household' };

/**
 * Initiatives (sáng kiến), poverty-reduction models (mô hình) and advanced examples (điển hình tiên tiến): records
 * that feed criteria 1.1, 1.3, 5b.2, 6.1, 7.2 as evidence and the award nominations. The library is readable by every
 * participant of the movement; a record is written by the participants of its unit or organisation, or by the board.
 */
export function createRecordsService(deps: EmulationDeps & { owners: OwnerScope }) {
  const { db, clock, ids, owners, catalog } = deps;
  const writers = ['emulation.participate', 'emulation.manage'] as const;

  async function unitName(code: string): Promise<string> {
    const dir = await catalog.directory();
    return (dir.versionOn(code, clock.today()) ?? dir.historyOf(code).versions.at(-1))?.name ?? code;
  }

  async function requireUnitExists(code: string) {
    const dir = await catalog.directory();
    if (dir.historyOf(code).versions.length === 0) throw new AppError('emulation.invalid', `Không tìm thấy đơn vị có mã ${code}.`);
  }

  async function requireFiles(fileIds: readonly string[]) {
    const found = await getFiles(db, [...fileIds]);
    if (found.length !== new Set(fileIds).size) throw new AppError('emulation.invalid', 'Có tệp minh chứng không tồn tại.');
  }

  async function requireWriter(principal: Principal, owner: Owner) {
    await owners.requireAny(principal, writers, owner, clock.today());
  }

  async function initiativeDto(r: repo.InitiativeRow) {
    return {
      id: r.id,
      title: r.title,
      authorName: r.authorName,
      unitCode: r.unitCode,
      unitName: await unitName(r.unitCode),
      organisationId: r.organisationId,
      recognisedOn: r.recognisedOn,
      recognisedLevel: r.recognisedLevel,
      recognisedLevelLabel: recognisedLevelLabels[r.recognisedLevel],
      summary: r.summary,
      criterionCodes: r.criterionCodes,
      fileIds: r.fileIds as string[],
    };
  }

  async function modelDto(r: repo.ModelRow) {
    const reps = r.replications as { unitCode: string; from: string; households: number }[];
    const named = [];
    for (const x of reps) named.push({ ...x, unitName: await unitName(x.unitCode) });
    return {
      id: r.id,
      name: r.name,
      startedUnitCode: r.startedUnitCode,
      startedUnitName: await unitName(r.startedUnitCode),
      organisationId: r.organisationId,
      startedOn: r.startedOn,
      description: r.description,
      replications: named,
      householdsReached: r.householdsReached,
      results: r.results,
      criterionCodes: r.criterionCodes,
    };
  }

  /** A household exemplar shows its standing in the registry: stable-escape years at its latest round (criterion 5b.3). */
  async function registryFacts(householdId: string): Promise<ExemplarDto['registry']> {
    const latest = await latestAssessment(db, householdId, 9999);
    if (!latest) return { latestRoundYear: null, category: null, stableEscapeYears: null, meetsStableEscape: false, explanation: 'Hộ chưa có kết quả rà soát nào trong sổ hộ.' };
    const years = latest.stableEscapeYears;
    const meets = years !== null && years >= STABLE_ESCAPE_MIN_YEARS;
    const standing = categoryLabels[latest.category as Category];
    const explanation =
      years === null
        ? `Kết quả rà soát năm ${latest.year}: ${standing.toLowerCase()}; hộ chưa thoát nghèo (hoặc đã tái nghèo).`
        : `Kết quả rà soát năm ${latest.year}: ${standing.toLowerCase()}, đã thoát nghèo ${years} năm — ${meets ? `đạt` : `chưa đạt`} tiêu chí thoát nghèo ổn định từ 03 năm trở lên (5b.3).`;
    return { latestRoundYear: latest.year, category: latest.category, stableEscapeYears: years, meetsStableEscape: meets, explanation };
  }

  async function exemplarDto(r: repo.ExemplarRow): Promise<ExemplarDto> {
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: exemplarKindLabels[r.kind],
      name: r.name,
      unitCode: r.unitCode,
      unitName: await unitName(r.unitCode),
      organisationId: r.organisationId,
      individualId: r.individualId,
      householdId: r.householdId,
      campaignId: r.campaignId,
      year: r.year,
      story: r.story,
      criterionCodes: r.criterionCodes,
      fileIds: r.fileIds as string[],
      registry: r.householdId ? await registryFacts(r.householdId) : null,
    };
  }

  async function organisationOwner(unitCode: string, organisationId: string | null): Promise<Owner> {
    if (organisationId && !(await participantsRepo.findOrganisation(db, organisationId))) throw new AppError('emulation.not_found', 'Không tìm thấy cơ quan, tổ chức.');
    return { unitCode, organisationId };
  }

  /** Who the exemplar is: a household from the registry, an individual, or a collective (unit or organisation). */
  async function exemplarSubject(principal: Principal, body: ExemplarBody): Promise<{ name: string; unitCode: string; owner: Owner }> {
    if (body.kind === 'household') {
      const h = await findHousehold(db, body.householdId!);
      if (!h) throw new AppError('emulation.not_found', 'Không tìm thấy hộ trong sổ hộ.');
      const owner = { unitCode: h.villageCode, organisationId: null };
      // Proposing a household reads its registry record: the poverty-reduction line of its village, or the board.
      const mayRead = (await owners.covers(principal, 'households.read', owner, clock.today())) || (await owners.isProvince(principal, 'emulation.manage', clock.today()));
      if (!mayRead) throw new AppError('auth.out_of_scope', 'Chỉ cán bộ giảm nghèo của thôn, xã có hộ (hoặc Ban Thi đua - Khen thưởng) mới đề xuất được hộ điển hình.');
      return { name: `Hộ ${h.headName}`, unitCode: h.villageCode, owner };
    }
    if (body.kind === 'individual' && body.individualId) {
      const person = await findIndividual(db, body.individualId);
      if (!person) throw new AppError('emulation.not_found', 'Không tìm thấy cá nhân.');
      const unitCode = body.unitCode ?? person.unitCode ?? deps.provinceCode;
      return { name: body.name ?? person.fullName, unitCode, owner: { unitCode, organisationId: person.organisationId } };
    }
    await requireUnitExists(body.unitCode!);
    return { name: body.name!, unitCode: body.unitCode!, owner: await organisationOwner(body.unitCode!, body.organisationId) };
  }

  return {
    // ---------- initiatives ----------
    async listInitiatives(query: RecordsQuery) {
      const rows = await repo.listInitiatives(db, query);
      return Promise.all(rows.map(initiativeDto));
    },
    async createInitiative(principal: Principal, actor: Actor, body: InitiativeBody) {
      await requireUnitExists(body.unitCode);
      await requireWriter(principal, await organisationOwner(body.unitCode, body.organisationId));
      await requireFiles(body.fileIds);
      const now = clock.now();
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, ...body, searchText: foldForSearch(`${body.title} ${body.authorName} ${body.summary ?? ''} ${await unitName(body.unitCode)}`), createdBy: actor.name, createdAt: now, updatedAt: now };
      await db.transaction(async (tx) => {
        await repo.insertInitiative(tx, row);
        await recordAudit(tx, deps, actor, { action: 'emulation.initiative_created', entityType: 'emulation_initiative', entityId: row.id, unitCode: body.unitCode, after: body });
      });
      return initiativeDto(row as repo.InitiativeRow);
    },
    async updateInitiative(principal: Principal, actor: Actor, id: string, body: InitiativeBody) {
      const before = await repo.getInitiative(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy sáng kiến.');
      await requireWriter(principal, { unitCode: before.unitCode, organisationId: before.organisationId });
      await requireUnitExists(body.unitCode);
      await requireWriter(principal, await organisationOwner(body.unitCode, body.organisationId));
      await requireFiles(body.fileIds);
      const patch = { ...body, searchText: foldForSearch(`${body.title} ${body.authorName} ${body.summary ?? ''} ${await unitName(body.unitCode)}`), updatedAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.updateInitiative(tx, id, patch);
        await recordAudit(tx, deps, actor, { action: 'emulation.initiative_updated', entityType: 'emulation_initiative', entityId: id, unitCode: body.unitCode, before, after: body });
      });
      return initiativeDto((await repo.getInitiative(db, id))!);
    },
    async deleteInitiative(principal: Principal, actor: Actor, id: string) {
      const before = await repo.getInitiative(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy sáng kiến.');
      await requireWriter(principal, { unitCode: before.unitCode, organisationId: before.organisationId });
      await db.transaction(async (tx) => {
        await repo.deleteInitiative(tx, id);
        await recordAudit(tx, deps, actor, { action: 'emulation.initiative_deleted', entityType: 'emulation_initiative', entityId: id, unitCode: before.unitCode, before });
      });
    },

    // ---------- models ----------
    async listModels(query: RecordsQuery) {
      const rows = await repo.listModels(db, query);
      return Promise.all(rows.map(modelDto));
    },
    async createModel(principal: Principal, actor: Actor, body: ModelBody) {
      await requireUnitExists(body.startedUnitCode);
      for (const r of body.replications) await requireUnitExists(r.unitCode);
      await requireWriter(principal, await organisationOwner(body.startedUnitCode, body.organisationId));
      const names = await Promise.all(body.replications.map((r) => unitName(r.unitCode)));
      const now = clock.now();
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, ...body, searchText: foldForSearch(`${body.name} ${body.description ?? ''} ${body.results ?? ''} ${await unitName(body.startedUnitCode)} ${names.join(' ')}`), createdBy: actor.name, createdAt: now, updatedAt: now };
      await db.transaction(async (tx) => {
        await repo.insertModel(tx, row);
        await recordAudit(tx, deps, actor, { action: 'emulation.model_created', entityType: 'emulation_model', entityId: row.id, unitCode: body.startedUnitCode, after: body });
      });
      return modelDto(row as repo.ModelRow);
    },
    async updateModel(principal: Principal, actor: Actor, id: string, body: ModelBody) {
      const before = await repo.getModel(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy mô hình giảm nghèo.');
      await requireWriter(principal, { unitCode: before.startedUnitCode, organisationId: before.organisationId });
      await requireUnitExists(body.startedUnitCode);
      for (const r of body.replications) await requireUnitExists(r.unitCode);
      const names = await Promise.all(body.replications.map((r) => unitName(r.unitCode)));
      const patch = { ...body, searchText: foldForSearch(`${body.name} ${body.description ?? ''} ${body.results ?? ''} ${await unitName(body.startedUnitCode)} ${names.join(' ')}`), updatedAt: clock.now() };
      await db.transaction(async (tx) => {
        await repo.updateModel(tx, id, patch);
        await recordAudit(tx, deps, actor, { action: 'emulation.model_updated', entityType: 'emulation_model', entityId: id, unitCode: body.startedUnitCode, before, after: body });
      });
      return modelDto((await repo.getModel(db, id))!);
    },
    async deleteModel(principal: Principal, actor: Actor, id: string) {
      const before = await repo.getModel(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy mô hình giảm nghèo.');
      await requireWriter(principal, { unitCode: before.startedUnitCode, organisationId: before.organisationId });
      await db.transaction(async (tx) => {
        await repo.deleteModel(tx, id);
        await recordAudit(tx, deps, actor, { action: 'emulation.model_deleted', entityType: 'emulation_model', entityId: id, unitCode: before.startedUnitCode, before });
      });
    },

    // ---------- exemplars ----------
    async listExemplars(query: RecordsQuery) {
      const rows = await repo.listExemplars(db, query);
      return Promise.all(rows.map(exemplarDto));
    },
    async getExemplar(id: string) {
      const row = await repo.getExemplar(db, id);
      if (!row) throw new AppError('emulation.not_found', 'Không tìm thấy điển hình tiên tiến.');
      return exemplarDto(row);
    },
    async createExemplar(principal: Principal, actor: Actor, body: ExemplarBody) {
      const subject = await exemplarSubject(principal, body);
      await requireWriter(principal, subject.owner);
      await requireFiles(body.fileIds);
      const now = clock.now();
      const row = {
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        kind: body.kind,
        name: subject.name,
        unitCode: subject.unitCode,
        organisationId: subject.owner.organisationId,
        individualId: body.individualId,
        householdId: body.householdId,
        campaignId: body.campaignId,
        year: body.year,
        story: body.story,
        criterionCodes: body.criterionCodes,
        fileIds: body.fileIds,
        searchText: foldForSearch(`${subject.name} ${body.story} ${await unitName(subject.unitCode)}`),
        createdBy: actor.name,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insertExemplar(tx, row);
        await recordAudit(tx, deps, actor, { action: 'emulation.exemplar_created', entityType: 'emulation_exemplar', entityId: row.id, unitCode: row.unitCode, after: { ...body, name: row.name } });
      });
      return exemplarDto(row as repo.ExemplarRow);
    },
    async updateExemplar(principal: Principal, actor: Actor, id: string, body: ExemplarBody) {
      const before = await repo.getExemplar(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy điển hình tiên tiến.');
      await requireWriter(principal, { unitCode: before.unitCode, organisationId: before.organisationId });
      const subject = await exemplarSubject(principal, body);
      await requireWriter(principal, subject.owner);
      await requireFiles(body.fileIds);
      const patch = {
        kind: body.kind,
        name: subject.name,
        unitCode: subject.unitCode,
        organisationId: subject.owner.organisationId,
        individualId: body.individualId,
        householdId: body.householdId,
        campaignId: body.campaignId,
        year: body.year,
        story: body.story,
        criterionCodes: body.criterionCodes,
        fileIds: body.fileIds,
        searchText: foldForSearch(`${subject.name} ${body.story} ${await unitName(subject.unitCode)}`),
        updatedAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.updateExemplar(tx, id, patch);
        await recordAudit(tx, deps, actor, { action: 'emulation.exemplar_updated', entityType: 'emulation_exemplar', entityId: id, unitCode: subject.unitCode, before, after: body });
      });
      return this.getExemplar(id);
    },
    async deleteExemplar(principal: Principal, actor: Actor, id: string) {
      const before = await repo.getExemplar(db, id);
      if (!before) throw new AppError('emulation.not_found', 'Không tìm thấy điển hình tiên tiến.');
      await requireWriter(principal, { unitCode: before.unitCode, organisationId: before.organisationId });
      await db.transaction(async (tx) => {
        await repo.deleteExemplar(tx, id);
        await recordAudit(tx, deps, actor, { action: 'emulation.exemplar_deleted', entityType: 'emulation_exemplar', entityId: id, unitCode: before.unitCode, before });
      });
    },
  };
}
export type RecordsService = ReturnType<typeof createRecordsService>;
