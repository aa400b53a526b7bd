import type { Executor } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import {
  compareCriterionCodes,
  criterionKindLabels,
  decideCriteriaChange,
  formulaLabels,
  formulaParticipantKinds,
  validateCriteriaSet,
  type CriterionDefinition,
  type EvidenceRecordKind,
  type FormulaId,
} from '../../../domain/emulation/criteria.ts';
import { participantTypeLabels, participantTypeRules, participantTypeSections, type ParticipantType } from '../../../domain/emulation/participant-types.ts';
import { roundKindLabels, roundStageOn, validateWindows, type RoundKind } from '../../../domain/emulation/round-calendar.ts';
import { findTargetRuleSet, ruleSetKey } from '../../../domain/emulation/target-rules.ts';
import { NO_REPORT_DATA_REASON } from '../../../domain/emulation/formulas/report-timeliness.ts';
import { describeTargetBands } from '../../../domain/stats/targets.ts';
import type {
  CampaignDto,
  CopyCampaignBody,
  CreateCampaignBody,
  CreateRoundBody,
  CriteriaSetDto,
  CriterionDto,
  CriterionInput,
  EmulationRoundDto,
} from '../../../shared/schemas/emulation.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import type { EmulationDeps } from './emulation-deps.ts';
import type { OwnerScope } from './emulation-scope.ts';
import * as repo from './campaigns.repository.ts';

export function toCriterionDefinition(row: repo.CriterionRow, participantType: ParticipantType): CriterionDefinition {
  return {
    code: row.code,
    participantType,
    text: row.text,
    maxPoints: row.maxPoints,
    kind: row.kind,
    formulaId: (row.formulaId as FormulaId | null) ?? null,
    params: (row.params ?? {}) as Record<string, unknown>,
    feeds: row.feeds as EvidenceRecordKind[],
  };
}

const kindOrder: Record<RoundKind, number> = { annual: 0, mid_term: 1, final: 2 };

/** Rounds in calendar order; an annual round before the review that opens on the same day. */
function sortRounds(rounds: repo.EmulationRoundRow[]): repo.EmulationRoundRow[] {
  return [...rounds].sort((a, b) => a.selfAssessmentFrom.localeCompare(b.selfAssessmentFrom) || kindOrder[a.kind] - kindOrder[b.kind] || compareVi(a.name, b.name));
}

function shiftIsoYear(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  // 29/02 of a leap year becomes 28/02 when the target year has none.
  if (rest === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}${rest}`;
}

export function createCampaignsService(deps: EmulationDeps & { owners: OwnerScope }) {
  const { db, clock, ids, owners } = deps;

  function scoreSourceOf(c: repo.CriterionRow): string {
    if (c.kind !== 'measured') return criterionKindLabels[c.kind];
    const formula = formulaLabels[c.formulaId as FormulaId] ?? c.formulaId ?? '';
    if (c.formulaId === 'report_timeliness' && !deps.timeliness) return `${criterionKindLabels.measured}: ${formula} — chưa chấm, ${NO_REPORT_DATA_REASON}`;
    return `${criterionKindLabels.measured}: ${formula}`;
  }

  function criterionDto(c: repo.CriterionRow): CriterionDto {
    return {
      id: c.id,
      code: c.code,
      text: c.text,
      maxPoints: c.maxPoints,
      kind: c.kind,
      kindLabel: criterionKindLabels[c.kind],
      formulaId: (c.formulaId as FormulaId | null) ?? null,
      formulaLabel: c.formulaId ? (formulaLabels[c.formulaId as FormulaId] ?? null) : null,
      params: (c.params ?? {}) as Record<string, unknown>,
      feeds: c.feeds,
      scoreSource: scoreSourceOf(c),
    };
  }

  function setDto(set: repo.CriteriaSetRow, criteria: repo.CriterionRow[]): CriteriaSetDto {
    const own = criteria.filter((c) => c.criteriaSetId === set.id).sort((a, b) => a.sortOrder - b.sortOrder || compareCriterionCodes(a.code, b.code));
    const type = set.participantType as ParticipantType;
    return {
      id: set.id,
      participantType: type,
      participantTypeLabel: participantTypeLabels[type],
      section: participantTypeSections[type],
      version: set.version,
      isCurrent: set.isCurrent,
      note: set.note,
      totalPoints: Math.round(own.reduce((s, c) => s + c.maxPoints, 0) * 100) / 100,
      criteria: own.map(criterionDto),
    };
  }

  function roundDto(r: repo.EmulationRoundRow): EmulationRoundDto {
    const stage = roundStageOn(r, clock.today(), r.publishedAt !== null);
    return {
      id: r.id,
      campaignId: r.campaignId,
      kind: r.kind,
      kindLabel: roundKindLabels[r.kind],
      name: r.name,
      year: r.year,
      measureFromYear: r.measureFromYear,
      measureToYear: r.measureToYear,
      selfAssessmentFrom: r.selfAssessmentFrom,
      selfAssessmentTo: r.selfAssessmentTo,
      verificationUntil: r.verificationUntil,
      councilScoringOn: r.councilScoringOn,
      publicationOn: r.publicationOn,
      ceremonyOn: r.ceremonyOn,
      published: r.publishedAt !== null,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      lastRecomputedAt: r.lastRecomputedAt?.toISOString() ?? null,
      stage: stage.stage,
      stageLabel: stage.label,
    };
  }

  function ruleSetDto(c: repo.CampaignRow) {
    const rs = findTargetRuleSet(c.targetRuleSetId, c.targetRuleSetVersion);
    if (!rs) return { key: `${c.targetRuleSetId}@${c.targetRuleSetVersion}`, id: c.targetRuleSetId, version: c.targetRuleSetVersion, title: 'Bộ quy tắc mục tiêu không còn trong hệ thống', source: '', bands: [] };
    return { key: ruleSetKey(rs), id: rs.id, version: rs.version, title: rs.title, source: rs.source, bands: describeTargetBands(rs) };
  }

  async function loadCampaign(id: string): Promise<repo.CampaignRow> {
    const c = await repo.getCampaign(db, id);
    if (!c) throw new AppError('emulation.not_found', 'Không tìm thấy phong trào thi đua.');
    return c;
  }

  function validateCampaign(input: { periodFrom: number; periodTo: number; participantTypes: readonly string[]; targetRuleSetId: string }) {
    if (input.periodFrom > input.periodTo) throw new AppError('emulation.invalid', 'Năm bắt đầu giai đoạn phải trước năm kết thúc.');
    if (new Set(input.participantTypes).size !== input.participantTypes.length) throw new AppError('emulation.invalid', 'Một đối tượng thi đua bị chọn hai lần.');
    const rs = findTargetRuleSet(input.targetRuleSetId);
    if (!rs) throw new AppError('emulation.invalid', `Không có bộ quy tắc mục tiêu "${input.targetRuleSetId}".`);
    return rs;
  }

  function checkCriteria(type: ParticipantType, criteria: readonly CriterionInput[]): CriterionDefinition[] {
    const defs: CriterionDefinition[] = criteria.map((c) => ({ ...c, participantType: type, formulaId: c.formulaId ?? null, params: c.params ?? {}, feeds: c.feeds ?? [] }));
    const problems = validateCriteriaSet(defs);
    for (const d of defs) {
      if (d.formulaId && !formulaParticipantKinds[d.formulaId].includes(participantTypeRules[type].kind)) {
        problems.push(`Tiêu chí ${d.code}: công thức "${formulaLabels[d.formulaId]}" không áp dụng cho ${participantTypeLabels[type].toLowerCase()}.`);
      }
    }
    if (problems.length) throw new AppError('emulation.invalid', problems.join(' '), { problems });
    return defs;
  }

  function criterionRows(setId: string, defs: readonly CriterionDefinition[]) {
    return defs.map((d, i) => ({
      id: ids.newId(),
      criteriaSetId: setId,
      code: d.code,
      text: d.text,
      maxPoints: d.maxPoints,
      kind: d.kind,
      formulaId: d.formulaId,
      params: d.params,
      feeds: [...d.feeds],
      sortOrder: i + 1,
    }));
  }

  /** Inserts version 1 of a criteria set (new campaigns, copies, seeds). */
  async function insertFirstSet(tx: Executor, campaignId: string, type: ParticipantType, defs: readonly CriterionDefinition[], note: string | null): Promise<string> {
    const setId = ids.newId();
    await repo.insertCriteriaSet(tx, { id: setId, provinceCode: deps.provinceCode, campaignId, participantType: type, version: 1, isCurrent: true, note, createdAt: clock.now() });
    await repo.insertCriteria(tx, criterionRows(setId, defs));
    return setId;
  }

  function roundRow(campaignId: string, r: CreateRoundBody) {
    const problems = validateWindows(r);
    if (r.measureFromYear > r.measureToYear) problems.push('Năm đầu của số liệu đánh giá phải không sau năm cuối.');
    if (problems.length) throw new AppError('emulation.invalid', `Đợt "${r.name}": ${problems.join(' ')}`, { problems });
    return { id: ids.newId(), provinceCode: deps.provinceCode, campaignId, ...r, publishedAt: null, publishedBy: null, lastRecomputedAt: null, createdAt: clock.now() };
  }

  const service = {
    async list() {
      const rows = await repo.listCampaigns(db);
      const out = [];
      for (const c of rows) {
        out.push({ id: c.id, name: c.name, shortName: c.shortName, legalBasis: c.legalBasis, periodFrom: c.periodFrom, periodTo: c.periodTo, participantTypes: c.participantTypes as ParticipantType[], isDemo: c.isDemo, rounds: (await repo.listRounds(db, c.id)).length });
      }
      return out;
    },

    async get(id: string, options: { allVersions?: boolean } = {}): Promise<CampaignDto> {
      const c = await loadCampaign(id);
      const sets = await repo.listCriteriaSets(db, id);
      const shown = options.allVersions ? sets : sets.filter((s) => s.isCurrent);
      const criteria = await repo.listCriteria(db, shown.map((s) => s.id));
      const order = c.participantTypes as ParticipantType[];
      return {
        id: c.id,
        name: c.name,
        shortName: c.shortName,
        legalBasis: c.legalBasis,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        participantTypes: order,
        targetRuleSet: ruleSetDto(c),
        copiedFromId: c.copiedFromId,
        isDemo: c.isDemo,
        criteriaSets: shown
          .sort((a, b) => order.indexOf(a.participantType as ParticipantType) - order.indexOf(b.participantType as ParticipantType) || a.version - b.version)
          .map((s) => setDto(s, criteria)),
        rounds: sortRounds(await repo.listRounds(db, id)).map(roundDto),
      };
    },

    roundDto,

    async create(principal: Principal, actor: Actor, body: CreateCampaignBody, extra: { seedKey?: string; criteria?: Partial<Record<ParticipantType, CriterionInput[]>>; rounds?: CreateRoundBody[] } = {}): Promise<CampaignDto> {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      return this.createUnchecked(actor, body, extra);
    },

    /** Seeds and copies (the caller has checked the permission). */
    async createUnchecked(actor: Actor, body: CreateCampaignBody, extra: { seedKey?: string; copiedFromId?: string; isDemo?: boolean; criteria?: Partial<Record<ParticipantType, CriterionInput[]>>; rounds?: CreateRoundBody[] } = {}): Promise<CampaignDto> {
      const rs = validateCampaign(body);
      const id = ids.newId();
      const criteria = Object.entries(extra.criteria ?? {}) as [ParticipantType, CriterionInput[]][];
      for (const [type] of criteria) {
        if (!body.participantTypes.includes(type)) throw new AppError('emulation.invalid', `Bộ tiêu chí cho ${participantTypeLabels[type]} nhưng phong trào không có đối tượng này.`);
      }
      const checked = criteria.map(([type, list]) => [type, checkCriteria(type, list)] as const);
      const rounds = (extra.rounds ?? []).map((r) => roundRow(id, r));
      await db.transaction(async (tx) => {
        const now = clock.now();
        await repo.insertCampaign(tx, {
          id,
          provinceCode: deps.provinceCode,
          seedKey: extra.seedKey ?? null,
          name: body.name,
          shortName: body.shortName,
          legalBasis: body.legalBasis,
          periodFrom: body.periodFrom,
          periodTo: body.periodTo,
          participantTypes: [...body.participantTypes],
          targetRuleSetId: rs.id,
          targetRuleSetVersion: rs.version,
          copiedFromId: extra.copiedFromId ?? null,
          isDemo: extra.isDemo ?? false,
          createdAt: now,
          updatedAt: now,
        });
        for (const [type, defs] of checked) await insertFirstSet(tx, id, type, defs, null);
        await repo.insertRounds(tx, rounds);
        await recordAudit(tx, deps, actor, {
          action: extra.copiedFromId ? 'emulation.campaign_copied' : 'emulation.campaign_created',
          entityType: 'emulation_campaign',
          entityId: id,
          after: { ...body, targetRuleSet: ruleSetKey(rs), criteriaSets: checked.map(([t, d]) => `${t}: ${d.length}`), rounds: rounds.map((r) => r.name), copiedFromId: extra.copiedFromId ?? null },
        });
      });
      return this.get(id);
    },

    async update(principal: Principal, actor: Actor, id: string, patch: Partial<CreateCampaignBody>): Promise<CampaignDto> {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      const c = await loadCampaign(id);
      const next = {
        name: patch.name ?? c.name,
        shortName: patch.shortName === undefined ? c.shortName : patch.shortName,
        legalBasis: patch.legalBasis ?? c.legalBasis,
        periodFrom: patch.periodFrom ?? c.periodFrom,
        periodTo: patch.periodTo ?? c.periodTo,
        participantTypes: patch.participantTypes ?? (c.participantTypes as ParticipantType[]),
        targetRuleSetId: patch.targetRuleSetId ?? c.targetRuleSetId,
      };
      const rs = validateCampaign(next);
      await db.transaction(async (tx) => {
        await repo.updateCampaign(tx, id, { ...next, participantTypes: [...next.participantTypes], targetRuleSetId: rs.id, targetRuleSetVersion: rs.version, updatedAt: clock.now() });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.campaign_updated',
          entityType: 'emulation_campaign',
          entityId: id,
          before: { name: c.name, legalBasis: c.legalBasis, periodFrom: c.periodFrom, periodTo: c.periodTo, participantTypes: c.participantTypes, targetRuleSet: `${c.targetRuleSetId}@${c.targetRuleSetVersion}` },
          after: { ...next, targetRuleSet: ruleSetKey(rs) },
        });
      });
      return this.get(id);
    },

    /** A new campaign (e.g. 2021–2025) from an existing one: its current criteria sets and, moved by the years between, its rounds. */
    async copy(principal: Principal, actor: Actor, id: string, body: CopyCampaignBody): Promise<CampaignDto> {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      const source = await this.get(id);
      const offset = body.periodFrom - source.periodFrom;
      const criteria: Partial<Record<ParticipantType, CriterionInput[]>> = {};
      for (const s of source.criteriaSets) {
        criteria[s.participantType] = s.criteria.map((c) => ({ code: c.code, text: c.text, maxPoints: c.maxPoints, kind: c.kind, formulaId: c.formulaId, params: c.params, feeds: c.feeds as EvidenceRecordKind[] }));
      }
      const renameYears = (name: string) => name.replace(/\b(19|20)\d{2}\b/gu, (y) => String(Number(y) + offset));
      const rounds: CreateRoundBody[] = body.shiftRounds
        ? source.rounds.map((r) => ({
            kind: r.kind,
            name: renameYears(r.name),
            year: r.year + offset,
            measureFromYear: r.measureFromYear + offset,
            measureToYear: r.measureToYear + offset,
            selfAssessmentFrom: shiftIsoYear(r.selfAssessmentFrom, offset),
            selfAssessmentTo: shiftIsoYear(r.selfAssessmentTo, offset),
            verificationUntil: shiftIsoYear(r.verificationUntil, offset),
            councilScoringOn: shiftIsoYear(r.councilScoringOn, offset),
            publicationOn: shiftIsoYear(r.publicationOn, offset),
            ceremonyOn: r.ceremonyOn ? shiftIsoYear(r.ceremonyOn, offset) : null,
          }))
        : [];
      return this.createUnchecked(
        actor,
        {
          name: body.name,
          shortName: null,
          legalBasis: body.legalBasis ?? source.legalBasis,
          periodFrom: body.periodFrom,
          periodTo: body.periodTo,
          participantTypes: source.participantTypes,
          targetRuleSetId: source.targetRuleSet.id,
        },
        { copiedFromId: id, criteria, rounds },
      );
    },

    /**
     * Saves the criteria of a participant type. A version some round has scored under is never rewritten: the change
     * becomes version n+1 and rounds not yet scored use it.
     */
    async saveCriteriaSet(principal: Principal, actor: Actor, campaignId: string, type: ParticipantType, criteria: CriterionInput[], note: string | null) {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      const c = await loadCampaign(campaignId);
      if (!(c.participantTypes as string[]).includes(type)) throw new AppError('emulation.invalid', `Phong trào không có đối tượng "${participantTypeLabels[type]}".`);
      const defs = checkCriteria(type, criteria);
      const current = await repo.currentCriteriaSet(db, campaignId, type);
      let setId: string;
      let change: 'edit_in_place' | 'new_version' | 'unchanged';
      await db.transaction(async (tx) => {
        if (!current) {
          setId = await insertFirstSet(tx, campaignId, type, defs, note);
          change = 'edit_in_place';
        } else {
          const currentDefs = (await repo.listCriteria(tx, [current.id])).map((r) => toCriterionDefinition(r, type));
          change = decideCriteriaChange(currentDefs, defs, await repo.roundsPinnedTo(tx, current.id));
          setId = current.id;
          if (change === 'edit_in_place') {
            await repo.deleteCriteriaOfSet(tx, current.id);
            await repo.insertCriteria(tx, criterionRows(current.id, defs));
            await repo.setNote(tx, current.id, note);
          } else if (change === 'new_version') {
            setId = ids.newId();
            await repo.markSetNotCurrent(tx, current.id);
            await repo.insertCriteriaSet(tx, { id: setId, provinceCode: deps.provinceCode, campaignId, participantType: type, version: current.version + 1, isCurrent: true, note, createdAt: clock.now() });
            await repo.insertCriteria(tx, criterionRows(setId, defs));
          }
          if (change !== 'unchanged') {
            await recordAudit(tx, deps, actor, {
              action: change === 'new_version' ? 'emulation.criteria_versioned' : 'emulation.criteria_edited',
              entityType: 'emulation_criteria_set',
              entityId: setId,
              before: { version: current.version, criteria: currentDefs },
              after: { version: change === 'new_version' ? current.version + 1 : current.version, criteria: defs },
              reason: note,
            });
          }
        }
      });
      const sets = await repo.listCriteriaSets(db, campaignId);
      const set = sets.find((s) => s.id === setId!)!;
      return { change: change!, criteriaSet: setDto(set, await repo.listCriteria(db, [set.id])) };
    },

    async createRound(principal: Principal, actor: Actor, campaignId: string, body: CreateRoundBody): Promise<EmulationRoundDto> {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      await loadCampaign(campaignId);
      const existing = await repo.listRounds(db, campaignId);
      if (existing.some((r) => compareVi(r.name, body.name) === 0)) throw new AppError('emulation.conflict', `Phong trào đã có đợt "${body.name}".`);
      const row = roundRow(campaignId, body);
      await db.transaction(async (tx) => {
        await repo.insertRounds(tx, [row]);
        await recordAudit(tx, deps, actor, { action: 'emulation.round_created', entityType: 'emulation_round', entityId: row.id, after: body });
      });
      return roundDto((await repo.getRound(db, row.id))!);
    },

    async updateRound(principal: Principal, actor: Actor, roundId: string, patch: Partial<CreateRoundBody>): Promise<EmulationRoundDto> {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      const r = await repo.getRound(db, roundId);
      if (!r) throw new AppError('emulation.not_found', 'Không tìm thấy đợt thi đua.');
      if (r.publishedAt) throw new AppError('emulation.conflict', 'Đợt thi đua đã công bố kết quả: không sửa lịch được nữa.');
      const next: CreateRoundBody = {
        kind: patch.kind ?? (r.kind as RoundKind),
        name: patch.name ?? r.name,
        year: patch.year ?? r.year,
        measureFromYear: patch.measureFromYear ?? r.measureFromYear,
        measureToYear: patch.measureToYear ?? r.measureToYear,
        selfAssessmentFrom: patch.selfAssessmentFrom ?? r.selfAssessmentFrom,
        selfAssessmentTo: patch.selfAssessmentTo ?? r.selfAssessmentTo,
        verificationUntil: patch.verificationUntil ?? r.verificationUntil,
        councilScoringOn: patch.councilScoringOn ?? r.councilScoringOn,
        publicationOn: patch.publicationOn ?? r.publicationOn,
        ceremonyOn: patch.ceremonyOn === undefined ? r.ceremonyOn : patch.ceremonyOn,
      };
      const checked = roundRow(r.campaignId, next);
      if ((next.year !== r.year || next.measureFromYear !== r.measureFromYear || next.measureToYear !== r.measureToYear) && (await repo.roundHasScores(db, roundId))) {
        throw new AppError('emulation.conflict', 'Đợt đã có điểm: không đổi được năm đánh giá (hãy tạo đợt mới).');
      }
      await db.transaction(async (tx) => {
        const { id: _id, createdAt: _c, publishedAt: _p, publishedBy: _pb, lastRecomputedAt: _l, provinceCode: _pc, campaignId: _cid, ...fields } = checked;
        await repo.updateRound(tx, roundId, fields);
        await recordAudit(tx, deps, actor, { action: 'emulation.round_updated', entityType: 'emulation_round', entityId: roundId, before: r, after: next });
      });
      return roundDto((await repo.getRound(db, roundId))!);
    },

    /** A unit's own required reduction for a year (overrides the rule set's band); the change is audited. */
    async setUnitTarget(principal: Principal, actor: Actor, campaignId: string, input: { unitCode: string; year: number; requiredReduction: number; reason: string }) {
      await owners.requireProvince(principal, 'emulation.manage', clock.today());
      await loadCampaign(campaignId);
      const dir = await deps.catalog.directory();
      const unit = dir.versionOn(input.unitCode, `${input.year}-12-31`);
      if (!unit || unit.level === 'province') throw new AppError('emulation.invalid', `Mã ${input.unitCode} không phải huyện, xã hay thôn vào năm ${input.year}.`);
      const before = await repo.getUnitTarget(db, campaignId, input.unitCode, input.year);
      await db.transaction(async (tx) => {
        await repo.upsertUnitTarget(tx, { id: ids.newId(), provinceCode: deps.provinceCode, campaignId, ...input, setBy: actor.name, updatedAt: clock.now() });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.unit_target_set',
          entityType: 'emulation_campaign',
          entityId: campaignId,
          unitCode: input.unitCode,
          before: before ? { year: before.year, requiredReduction: before.requiredReduction } : null,
          after: { year: input.year, requiredReduction: input.requiredReduction },
          reason: input.reason,
        });
      });
      return this.unitTargets(principal, campaignId);
    },

    /** The own targets whose unit lies in the caller's scope. */
    async unitTargets(principal: Principal, campaignId: string) {
      await loadCampaign(campaignId);
      const dir = await deps.catalog.directory();
      const out = [];
      for (const t of await repo.listUnitTargets(db, campaignId)) {
        const date = `${t.year}-12-31`;
        if (!(await owners.covers(principal, 'emulation.read', { unitCode: t.unitCode, organisationId: null }, date))) continue;
        out.push({ unitCode: t.unitCode, unitName: dir.versionOn(t.unitCode, date)?.name ?? t.unitCode, year: t.year, requiredReduction: t.requiredReduction, reason: t.reason, setBy: t.setBy, updatedAt: t.updatedAt.toISOString() });
      }
      return out;
    },

    /** The criteria a round scores a participant type under: the version fixed at its first score, else the current one. */
    async criteriaFor(tx: Executor, round: repo.EmulationRoundRow, type: ParticipantType, pin: boolean): Promise<{ set: repo.CriteriaSetRow; criteria: repo.CriterionRow[] }> {
      const pinned = await repo.pinnedSet(tx, round.id, type);
      const set = pinned ? await repo.getCriteriaSet(tx, pinned) : await repo.currentCriteriaSet(tx, round.campaignId, type);
      if (!set) throw new AppError('emulation.invalid', `Phong trào chưa có bộ tiêu chí cho ${participantTypeLabels[type].toLowerCase()}.`);
      if (pin && !pinned) await repo.pinSet(tx, round.id, type, set.id);
      const criteria = (await repo.listCriteria(tx, [set.id])).sort((a, b) => a.sortOrder - b.sortOrder);
      return { set, criteria };
    },

    async loadRound(roundId: string): Promise<repo.EmulationRoundRow> {
      const r = await repo.getRound(db, roundId);
      if (!r) throw new AppError('emulation.not_found', 'Không tìm thấy đợt thi đua.');
      return r;
    },

    loadCampaign,
  };
  return service;
}
export type CampaignsService = ReturnType<typeof createCampaignsService>;
