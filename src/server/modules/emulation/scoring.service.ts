import type { Executor } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { criterionKindLabels, formulaLabels, type FormulaId } from '../../../domain/emulation/criteria.ts';
import { participantTypeLabels, participantTypes, type ParticipantType } from '../../../domain/emulation/participant-types.ts';
import { rankEntries, TIE_BREAK_RULE, type RankedEntry } from '../../../domain/emulation/rankings.ts';
import { stepRefusal } from '../../../domain/emulation/round-calendar.ts';
import {
  invalidPoints,
  resolveScoreLine,
  scoreSourceLabels,
  scoreStatusLabels,
  type ScoreLineFacts,
} from '../../../domain/emulation/score-line.ts';
import { findTargetRuleSet } from '../../../domain/emulation/target-rules.ts';
import type { FormulaResult } from '../../../domain/emulation/formulas/formula-result.ts';
import type { EvidenceRef, RankingsDto, ScoreLineDto, ScoreSheetDto, SelfAssessBody, VerifyBody } from '../../../shared/schemas/emulation.schema.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import * as campaignsRepo from './campaigns.repository.ts';
import type { CampaignsService } from './campaigns.service.ts';
import type { EmulationDeps } from './emulation-deps.ts';
import { roundDate } from './emulation-deps.ts';
import type { OwnerScope } from './emulation-scope.ts';
import { openStoredFile, removeStoredFile, storeEvidenceFile, toFileDto, type IncomingFile } from './evidence-files.ts';
import { measureCriterion } from './measure-criterion.ts';
import { recordLabels } from './records.repository.ts';
import { registrationOwner, toRegistrationDto, type RegistrationsService } from './registrations.service.ts';
import * as repo from './scores.repository.ts';

type CriterionRow = campaignsRepo.CriterionRow;
type RoundRow = campaignsRepo.EmulationRoundRow;

function factsOf(c: CriterionRow, s: repo.ScoreRow | undefined): ScoreLineFacts {
  const evidence = (s?.evidence ?? []) as EvidenceRef[];
  return {
    kind: c.kind,
    maxPoints: c.maxPoints,
    measured: s?.measuredStatus ? { status: s.measuredStatus, points: s.measuredPoints ?? 0, explanation: s.measuredExplanation ?? '' } : null,
    self: s?.selfAt && s.selfPoints !== null ? { points: s.selfPoints, note: s.selfNote, evidenceCount: evidence.length } : null,
    verification: s?.verificationDecision ? { decision: s.verificationDecision, points: s.verifiedPoints ?? 0, reason: s.verificationReason, by: s.verifiedBy ?? '', on: s.verifiedOn ?? '' } : null,
    council: s?.councilOn && s.councilPoints !== null ? { points: s.councilPoints, note: s.councilNote, by: s.councilBy ?? '', on: s.councilOn } : null,
    adjustment: s?.adjustedOn && s.adjustedPoints !== null ? { points: s.adjustedPoints, reason: s.adjustmentReason ?? '', by: s.adjustedBy ?? '', on: s.adjustedOn, fromPoints: s.adjustedFromPoints ?? 0 } : null,
  };
}

function evidenceKey(e: EvidenceRef): string {
  return e.kind === 'file' ? `file:${e.fileId}` : `${e.kind}:${e.id}`;
}

export function createScoringService(deps: EmulationDeps & { owners: OwnerScope; campaigns: CampaignsService; registrations: RegistrationsService }) {
  const { db, clock, ids, owners, campaigns, registrations } = deps;

  async function evidenceLabels(refs: EvidenceRef[]): Promise<Map<string, string>> {
    const files = await repo.getFiles(db, refs.flatMap((r) => (r.kind === 'file' ? [r.fileId] : [])));
    const labels = await recordLabels(db, refs.flatMap((r) => (r.kind === 'file' ? [] : [{ kind: r.kind, id: r.id }])));
    for (const f of files) labels.set(`file:${f.id}`, `Tệp "${f.originalName}"`);
    return labels;
  }

  async function lineDto(c: CriterionRow, s: repo.ScoreRow | undefined, labels: Map<string, string>): Promise<ScoreLineDto> {
    const facts = factsOf(c, s);
    const resolved = resolveScoreLine(facts);
    const evidence = ((s?.evidence ?? []) as EvidenceRef[]).map((e) => ({ kind: e.kind, id: e.kind === 'file' ? e.fileId : e.id, label: labels.get(evidenceKey(e)) ?? 'Minh chứng không còn tồn tại' }));
    return {
      criterionId: c.id,
      code: c.code,
      text: c.text,
      kind: c.kind,
      kindLabel: criterionKindLabels[c.kind],
      maxPoints: c.maxPoints,
      points: resolved.points,
      status: resolved.status,
      statusLabel: scoreStatusLabels[resolved.status],
      source: resolved.source,
      sourceLabel: scoreSourceLabels[resolved.source],
      explanation: resolved.explanation,
      formula: c.formulaId ? { id: c.formulaId, label: formulaLabels[c.formulaId as FormulaId] ?? c.formulaId, version: s?.measuredVersion ?? null, inputs: s?.measuredInputs ?? null } : null,
      selfPoints: s?.selfAt ? s.selfPoints : null,
      evidence,
      verification: facts.verification ? { decision: facts.verification.decision, points: s?.verifiedPoints ?? null, reason: facts.verification.reason, by: facts.verification.by, on: facts.verification.on } : null,
      council: facts.council ? { points: facts.council.points, note: facts.council.note, by: facts.council.by, on: facts.council.on } : null,
      adjustment: facts.adjustment ? { points: facts.adjustment.points, fromPoints: facts.adjustment.fromPoints, reason: facts.adjustment.reason, by: facts.adjustment.by, on: facts.adjustment.on } : null,
    };
  }

  type CriteriaOfType = { set: campaignsRepo.CriteriaSetRow; criteria: CriterionRow[] };

  /**
   * A participant's score sheet. Criteria (per type) and evidence labels may be passed in when many sheets are built
   * at once (rankings, exports), so that a round of thousands of participants reads each only once.
   */
  async function sheetOf(round: RoundRow, reg: repo.RegistrationRow, scores: repo.ScoreRow[], preloaded?: { criteria: CriteriaOfType; labels: Map<string, string> }): Promise<ScoreSheetDto> {
    const { set, criteria } = preloaded?.criteria ?? (await campaigns.criteriaFor(db, round, reg.participantType as ParticipantType, false));
    const own = scores.filter((s) => s.registrationId === reg.id);
    const labels = preloaded?.labels ?? (await evidenceLabels(own.flatMap((s) => s.evidence as EvidenceRef[])));
    const lines = [];
    for (const c of criteria) lines.push(await lineDto(c, own.find((s) => s.criterionId === c.id), labels));
    const sum = (list: ScoreLineDto[]) => Math.round(list.reduce((t, l) => t + l.points, 0) * 100) / 100;
    return {
      registration: toRegistrationDto(reg),
      roundName: round.name,
      published: round.publishedAt !== null,
      criteriaSetVersion: set.version,
      total: sum(lines),
      maxTotal: Math.round(criteria.reduce((t, c) => t + c.maxPoints, 0) * 100) / 100,
      measuredTotal: sum(lines.filter((l) => l.kind === 'measured')),
      lines,
    };
  }

  /**
   * The criterion by code and its current line, inside the write's transaction (fixes the round's criteria version).
   * Only `tx` is used here: the embedded engine serves one connection, so a query outside the open transaction waits.
   */
  async function lineContext(tx: Executor, reg: repo.RegistrationRow, round: RoundRow, code: string) {
    const { criteria } = await campaigns.criteriaFor(tx, round, reg.participantType as ParticipantType, true);
    const criterion = criteria.find((c) => c.code === code);
    if (!criterion) throw new AppError('emulation.not_found', `Bộ tiêu chí của ${participantTypeLabels[reg.participantType as ParticipantType].toLowerCase()} không có tiêu chí ${code}.`);
    const score = await repo.getScore(tx, reg.id, criterion.id);
    return { criterion, score };
  }

  function scoreKey(reg: repo.RegistrationRow, criterionId: string) {
    return { id: ids.newId(), provinceCode: deps.provinceCode, roundId: reg.roundId, registrationId: reg.id, criterionId };
  }

  async function requireRankingsReader(principal: Principal, round: RoundRow) {
    if (round.publishedAt) return;
    const date = roundDate(round);
    if ((await owners.isProvince(principal, 'emulation.manage', date)) || (await owners.isProvince(principal, 'emulation.council', date))) return;
    throw new AppError('auth.forbidden', 'Kết quả đợt thi đua chưa công bố: chỉ Ban Thi đua - Khen thưởng và Hội đồng xem được bảng xếp hạng.');
  }

  const service = {
    async uploadEvidence(principal: Principal, actor: Actor, registrationId: string, file: IncomingFile) {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      await owners.requireAny(principal, ['emulation.participate', 'emulation.manage'], registrationOwner(reg), roundDate(round));
      if (round.publishedAt) throw new AppError('emulation.conflict', 'Đợt thi đua đã công bố kết quả: không nộp thêm minh chứng.');
      const id = ids.newId();
      const stored = await storeEvidenceFile(deps.filesDir, id, clock.today().slice(0, 4), file, deps.maxFileBytes);
      const row = {
        id,
        provinceCode: deps.provinceCode,
        registrationId: reg.id,
        unitCode: reg.unitCode,
        organisationId: reg.organisationId,
        originalName: file.filename.normalize('NFC'),
        storedPath: stored.storedPath,
        mimeType: stored.mimeType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedBy: actor.name,
        uploadedAt: clock.now(),
      };
      try {
        await db.transaction(async (tx) => {
          await repo.insertFile(tx, row);
          await recordAudit(tx, deps, actor, { action: 'emulation.evidence_uploaded', entityType: 'emulation_file', entityId: id, unitCode: reg.unitCode, after: { registrationId, name: row.originalName, sizeBytes: row.sizeBytes, sha256: row.sha256 } });
        });
      } catch (error) {
        removeStoredFile(deps.filesDir, stored.storedPath);
        throw error;
      }
      return toFileDto(row);
    },

    async openEvidence(principal: Principal, fileId: string) {
      const f = await repo.getFile(db, fileId);
      if (!f) throw new AppError('emulation.not_found', 'Không tìm thấy tệp minh chứng.');
      const today = clock.today();
      if (!(await owners.covers(principal, 'emulation.read', { unitCode: f.unitCode, organisationId: f.organisationId }, today)) && !(await owners.isProvince(principal, 'emulation.read', today))) {
        throw new AppError('auth.out_of_scope', 'Tệp minh chứng này nằm ngoài phạm vi được phân quyền của bạn.');
      }
      return { file: toFileDto(f), stream: openStoredFile(deps.filesDir, f.storedPath) };
    },

    /** A participant enters its own score for an evidence criterion, with its evidence; the board then verifies it. */
    async selfAssess(principal: Principal, actor: Actor, registrationId: string, code: string, body: SelfAssessBody): Promise<ScoreSheetDto> {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      await owners.requireAny(principal, ['emulation.participate'], registrationOwner(reg), roundDate(round));
      const refusal = stepRefusal('self_assessment', round, clock.today(), round.publishedAt !== null);
      if (refusal) throw new AppError('emulation.invalid', refusal);
      const labels = await evidenceLabels(body.evidence);
      const files = await repo.getFiles(db, body.evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : [])));
      for (const e of body.evidence) {
        if (!labels.has(evidenceKey(e))) throw new AppError('emulation.invalid', 'Có minh chứng không tồn tại.');
        if (e.kind === 'file' && files.find((f) => f.id === e.fileId)?.registrationId !== reg.id) throw new AppError('emulation.invalid', 'Tệp minh chứng phải được tải lên cho chính đăng ký thi đua này.');
      }
      await db.transaction(async (tx) => {
        const { criterion, score } = await lineContext(tx, reg, round, code);
        if (criterion.kind !== 'evidence') throw new AppError('emulation.invalid', `Tiêu chí ${code} không tự chấm: ${criterionKindLabels[criterion.kind].toLowerCase()}.`);
        const bad = invalidPoints(body.points, criterion.maxPoints, code);
        if (bad) throw new AppError('emulation.invalid', bad);
        await repo.upsertScore(tx, scoreKey(reg, criterion.id), {
          selfPoints: body.points,
          selfNote: body.note ?? null,
          evidence: body.evidence,
          selfBy: actor.name,
          selfAt: clock.now(),
          // A new self-assessment goes back to the board's queue.
          verificationDecision: null,
          verifiedPoints: null,
          verificationReason: null,
          verifiedBy: null,
          verifiedOn: null,
          updatedAt: clock.now(),
        });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.self_assessed',
          entityType: 'emulation_registration',
          entityId: reg.id,
          unitCode: reg.unitCode,
          before: score ? { code, selfPoints: score.selfPoints, evidence: score.evidence } : null,
          after: { code, selfPoints: body.points, note: body.note ?? null, evidence: body.evidence },
        });
      });
      return sheetOf(round, reg, await repo.scoresOfRegistration(db, reg.id));
    },

    async verificationQueue(principal: Principal, roundId: string) {
      const round = await campaigns.loadRound(roundId);
      await owners.requireProvince(principal, 'emulation.manage', roundDate(round));
      const pending = await repo.pendingVerifications(db, roundId);
      const regs = new Map((await repo.listRegistrations(db, roundId)).map((r) => [r.id, r]));
      const criteria = new Map((await campaignsRepo.criteriaByIds(db, [...new Set(pending.map((p) => p.criterionId))])).map((c) => [c.id, c]));
      const labels = await evidenceLabels(pending.flatMap((p) => p.evidence as EvidenceRef[]));
      return pending.map((p) => {
        const reg = regs.get(p.registrationId)!;
        const c = criteria.get(p.criterionId)!;
        return {
          registrationId: reg.id,
          participantName: reg.participantName,
          participantType: reg.participantType as ParticipantType,
          code: c.code,
          text: c.text,
          selfPoints: p.selfPoints ?? 0,
          maxPoints: c.maxPoints,
          note: p.selfNote,
          evidence: (p.evidence as EvidenceRef[]).map((e) => ({ kind: e.kind, id: e.kind === 'file' ? e.fileId : e.id, label: labels.get(evidenceKey(e)) ?? '' })),
          submittedAt: p.selfAt!.toISOString(),
        };
      });
    },

    /** The board accepts, adjusts (with a reason) or rejects (with a reason) a self-assessed score. */
    async verify(principal: Principal, actor: Actor, registrationId: string, code: string, body: VerifyBody): Promise<ScoreSheetDto> {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      await owners.requireProvince(principal, 'emulation.manage', roundDate(round));
      const refusal = stepRefusal('verification', round, clock.today(), round.publishedAt !== null);
      if (refusal) throw new AppError('emulation.invalid', refusal);
      await db.transaction(async (tx) => {
        const { criterion, score } = await lineContext(tx, reg, round, code);
        if (!score?.selfAt || score.selfPoints === null) throw new AppError('emulation.invalid', `${reg.participantName} chưa tự chấm tiêu chí ${code}.`);
        let points = score.selfPoints;
        if (body.decision !== 'accept' && !body.reason) throw new AppError('emulation.invalid', 'Điều chỉnh hoặc không chấp nhận điểm tự chấm phải ghi rõ lý do.');
        if (body.decision === 'adjust') {
          if (body.points === undefined) throw new AppError('emulation.invalid', 'Cần ghi số điểm sau điều chỉnh.');
          const bad = invalidPoints(body.points, criterion.maxPoints, code);
          if (bad) throw new AppError('emulation.invalid', bad);
          points = body.points;
        }
        if (body.decision === 'reject') points = 0;
        await repo.upsertScore(tx, scoreKey(reg, criterion.id), {
          verificationDecision: body.decision,
          verifiedPoints: points,
          verificationReason: body.reason ?? null,
          verifiedBy: actor.name,
          verifiedOn: clock.today(),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.verified',
          entityType: 'emulation_registration',
          entityId: reg.id,
          unitCode: reg.unitCode,
          before: { code, selfPoints: score.selfPoints, decision: score.verificationDecision, verifiedPoints: score.verifiedPoints },
          after: { code, decision: body.decision, points },
          reason: body.reason ?? null,
        });
      });
      return sheetOf(round, reg, await repo.scoresOfRegistration(db, reg.id));
    },

    async councilScore(principal: Principal, actor: Actor, registrationId: string, code: string, body: { points: number; note?: string }): Promise<ScoreSheetDto> {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      await owners.requireProvince(principal, 'emulation.council', roundDate(round));
      const refusal = stepRefusal('council', round, clock.today(), round.publishedAt !== null);
      if (refusal) throw new AppError('emulation.invalid', refusal);
      await db.transaction(async (tx) => {
        const { criterion, score } = await lineContext(tx, reg, round, code);
        if (criterion.kind !== 'council') throw new AppError('emulation.invalid', `Tiêu chí ${code} không do Hội đồng chấm: ${criterionKindLabels[criterion.kind].toLowerCase()}.`);
        const bad = invalidPoints(body.points, criterion.maxPoints, code);
        if (bad) throw new AppError('emulation.invalid', bad);
        await repo.upsertScore(tx, scoreKey(reg, criterion.id), { councilPoints: body.points, councilNote: body.note ?? null, councilBy: actor.name, councilOn: clock.today(), updatedAt: clock.now() });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.council_scored',
          entityType: 'emulation_registration',
          entityId: reg.id,
          unitCode: reg.unitCode,
          before: score?.councilOn ? { code, points: score.councilPoints, by: score.councilBy } : null,
          after: { code, points: body.points, note: body.note ?? null },
        });
      });
      return sheetOf(round, reg, await repo.scoresOfRegistration(db, reg.id));
    },

    /** The board overrides any line with a written reason; the line shows it and the audit log keeps before and after. */
    async adjust(principal: Principal, actor: Actor, registrationId: string, code: string, body: { points: number; reason: string }): Promise<ScoreSheetDto> {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      await owners.requireProvince(principal, 'emulation.manage', roundDate(round));
      if (body.reason.trim().length < 10) throw new AppError('emulation.invalid', 'Lý do điều chỉnh điểm phải ghi rõ (ít nhất 10 ký tự).');
      await db.transaction(async (tx) => {
        const { criterion, score } = await lineContext(tx, reg, round, code);
        const bad = invalidPoints(body.points, criterion.maxPoints, code);
        if (bad) throw new AppError('emulation.invalid', bad);
        const current = resolveScoreLine(factsOf(criterion, score));
        await repo.upsertScore(tx, scoreKey(reg, criterion.id), {
          adjustedPoints: body.points,
          adjustedFromPoints: current.points,
          adjustmentReason: body.reason,
          adjustedBy: actor.name,
          adjustedOn: clock.today(),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.score_adjusted',
          entityType: 'emulation_registration',
          entityId: reg.id,
          unitCode: reg.unitCode,
          before: { code, points: current.points, source: current.source },
          after: { code, points: body.points, afterPublication: round.publishedAt !== null },
          reason: body.reason,
        });
      });
      return sheetOf(round, reg, await repo.scoresOfRegistration(db, reg.id));
    },

    /**
     * Computes every measured line of the round from the current data (registry rates and the campaign's target rule
     * with the units' own targets, report timeliness, fund and support, loans, registrations). One audit row lists
     * every line whose points changed, with before and after.
     */
    async recompute(principal: Principal, actor: Actor, roundId: string) {
      const round = await campaigns.loadRound(roundId);
      await owners.requireProvince(principal, 'emulation.manage', roundDate(round));
      if (round.publishedAt) throw new AppError('emulation.conflict', 'Đợt thi đua đã công bố kết quả: không tính lại được (Ban Thi đua - Khen thưởng điều chỉnh từng dòng có ghi lý do).');
      const campaign = await campaigns.loadCampaign(round.campaignId);
      const ruleSet = findTargetRuleSet(campaign.targetRuleSetId, campaign.targetRuleSetVersion);
      if (!ruleSet) throw new AppError('emulation.invalid', `Không có bộ quy tắc mục tiêu ${campaign.targetRuleSetId}@${campaign.targetRuleSetVersion}.`);
      const dir = await deps.catalog.directory();
      const regs = await repo.listRegistrations(db, roundId);
      // Read every fact first, outside the write: the timeliness source and the registry are read through their own
      // connections (the embedded engine serves one connection, which an open transaction would hold).
      const ctx = { db, dir, ruleSet, round, timeliness: deps.timeliness, today: clock.today() };
      const sets = new Map<string, { set: campaignsRepo.CriteriaSetRow; criteria: CriterionRow[] }>();
      const existing = new Map((await repo.scoresOfRound(db, roundId)).map((x) => [`${x.registrationId}:${x.criterionId}`, x]));
      const results: { reg: repo.RegistrationRow; c: CriterionRow; result: FormulaResult }[] = [];
      for (const reg of regs) {
        let of = sets.get(reg.participantType);
        if (!of) {
          of = await campaigns.criteriaFor(db, round, reg.participantType as ParticipantType, false);
          sets.set(reg.participantType, of);
        }
        for (const c of of.criteria.filter((x) => x.kind === 'measured')) results.push({ reg, c, result: await measureCriterion(ctx, reg, c) });
      }
      const changed: { participantName: string; code: string; before: number | null; after: number; status: string }[] = [];
      for (const { reg, c, result } of results) {
        const before = existing.get(`${reg.id}:${c.id}`);
        const beforePoints = before?.measuredStatus ? (before.measuredPoints ?? 0) : null;
        if (beforePoints !== result.points || before?.measuredStatus !== result.status) {
          changed.push({ participantName: reg.participantName, code: c.code, before: beforePoints, after: result.points, status: result.status });
        }
      }
      const lines = results.length;
      await db.transaction(async (tx) => {
        // The round now holds scores under these criteria versions.
        for (const [type, of] of sets) await campaignsRepo.pinSet(tx, roundId, type, of.set.id);
        for (const { reg, c, result } of results) {
          await repo.upsertScore(tx, scoreKey(reg, c.id), {
            measuredStatus: result.status,
            measuredPoints: result.points,
            measuredExplanation: result.explanation,
            measuredInputs: result.inputs,
            measuredVersion: result.version,
            measuredAt: clock.now(),
            updatedAt: clock.now(),
          });
        }
        await campaignsRepo.updateRound(tx, roundId, { lastRecomputedAt: clock.now() });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.round_recomputed',
          entityType: 'emulation_round',
          entityId: roundId,
          before: changed.map((c) => ({ participant: c.participantName, code: c.code, points: c.before })),
          after: { ruleSet: `${ruleSet.id}@${ruleSet.version}`, lines, changed },
        });
      });
      return { roundId, lines, changed };
    },

    async publish(principal: Principal, actor: Actor, roundId: string) {
      const round = await campaigns.loadRound(roundId);
      await owners.requireProvince(principal, 'emulation.manage', roundDate(round));
      const refusal = stepRefusal('publication', round, clock.today(), round.publishedAt !== null);
      if (refusal) throw new AppError('emulation.invalid', refusal);
      if (!round.lastRecomputedAt) throw new AppError('emulation.invalid', 'Chưa tính điểm các tiêu chí đo lường từ số liệu: hãy chạy "Tính điểm" trước khi công bố.');
      const pending = await repo.pendingVerifications(db, roundId);
      if (pending.length > 0) throw new AppError('emulation.invalid', `Còn ${pending.length} nội dung tự chấm chưa được thẩm định: chưa thể công bố kết quả.`);
      const rankings = await service.rankingsOf(round);
      await db.transaction(async (tx) => {
        await campaignsRepo.updateRound(tx, roundId, { publishedAt: clock.now(), publishedBy: actor.name });
        await recordAudit(tx, deps, actor, {
          action: 'emulation.round_published',
          entityType: 'emulation_round',
          entityId: roundId,
          after: { round: round.name, byType: rankings.byType.map((t) => ({ type: t.participantType, top: t.entries.slice(0, 3).map((e) => `${e.rank}. ${e.participantName} (${e.total})`) })) },
        });
      });
      return campaigns.roundDto((await campaigns.loadRound(roundId)));
    },

    async scoreSheet(principal: Principal, registrationId: string): Promise<ScoreSheetDto> {
      const reg = await registrations.loadRegistration(registrationId);
      const round = await campaigns.loadRound(reg.roundId);
      const date = roundDate(round);
      if (!(await owners.covers(principal, 'emulation.read', registrationOwner(reg), date)) && !(await owners.isProvince(principal, 'emulation.read', date))) {
        throw new AppError('auth.out_of_scope', 'Bảng điểm này nằm ngoài phạm vi được phân quyền của bạn.');
      }
      return sheetOf(round, reg, await repo.scoresOfRegistration(db, reg.id));
    },

    /** Every registration's sheet (no scope check: callers check it). */
    async sheetsOf(round: RoundRow): Promise<ScoreSheetDto[]> {
      const [regs, scores] = await Promise.all([repo.listRegistrations(db, round.id), repo.scoresOfRound(db, round.id)]);
      const labels = await evidenceLabels(scores.flatMap((s) => s.evidence as EvidenceRef[]));
      const byType = new Map<string, CriteriaOfType>();
      const sheets = [];
      for (const r of regs) {
        let criteria = byType.get(r.participantType);
        if (!criteria) {
          criteria = await campaigns.criteriaFor(db, round, r.participantType as ParticipantType, false);
          byType.set(r.participantType, criteria);
        }
        sheets.push(await sheetOf(round, r, scores, { criteria, labels }));
      }
      return sheets;
    },

    async rankingsOf(round: RoundRow, visible: (reg: repo.RegistrationRow) => Promise<boolean> = async () => true): Promise<RankingsDto> {
      const sheets = await service.sheetsOf(round);
      const regs = new Map((await repo.listRegistrations(db, round.id)).map((r) => [r.id, r]));
      const entryOf = (s: ScoreSheetDto) => ({ key: s.registration.id, name: s.registration.participantName, total: s.total, measured: s.measuredTotal, registeredOn: s.registration.registeredOn });
      const toDto = (e: RankedEntry) => ({
        rank: e.rank,
        registrationId: e.key,
        participantName: e.name,
        participantType: regs.get(e.key)!.participantType as ParticipantType,
        total: e.total,
        measured: e.measured,
        registeredOn: e.registeredOn,
        tieBreak: e.tieBreak,
      });
      const shown = async (entries: RankedEntry[]) => {
        const out = [];
        for (const e of entries) if (await visible(regs.get(e.key)!)) out.push(toDto(e));
        return out;
      };
      const byType = [];
      for (const type of participantTypes) {
        const own = sheets.filter((s) => s.registration.participantType === type);
        if (own.length === 0) continue;
        byType.push({ participantType: type, label: participantTypeLabels[type], entries: await shown(rankEntries(own.map(entryOf))) });
      }
      const groups = await participantsRepo.listGroups(db, round.year);
      const members = await participantsRepo.listMembers(db, groups.map((g) => g.id));
      const byGroup = [];
      for (const g of groups) {
        const keys = new Set(members.filter((m) => m.groupId === g.id).map((m) => m.organisationId ?? m.unitCode ?? ''));
        const own = sheets.filter((s) => (s.registration.participantKind === 'unit' || s.registration.participantKind === 'organisation') && keys.has(s.registration.participantKey));
        if (own.length === 0) continue;
        byGroup.push({ groupId: g.id, name: g.name, kind: g.kind, entries: await shown(rankEntries(own.map(entryOf))) });
      }
      return { roundId: round.id, roundName: round.name, published: round.publishedAt !== null, tieBreakRule: TIE_BREAK_RULE, byType, byGroup };
    },

    /**
     * Rankings per participant type and per cluster or block. Before publication only the board and the council see
     * them; afterwards every reader does, except that a household appears only to readers whose scope covers it.
     */
    async rankings(principal: Principal, roundId: string): Promise<RankingsDto> {
      const round = await campaigns.loadRound(roundId);
      await requireRankingsReader(principal, round);
      const date = roundDate(round);
      const province = await owners.isProvince(principal, 'emulation.read', date);
      return service.rankingsOf(round, async (reg) => province || reg.participantKind !== 'household' || owners.covers(principal, 'emulation.read', registrationOwner(reg), date));
    },

    requireRankingsReader,
  };
  return service;
}
export type ScoringService = ReturnType<typeof createScoringService>;
