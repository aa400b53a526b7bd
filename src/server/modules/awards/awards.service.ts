import type { Db, Executor } from '../../../db/client.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import {
  applyApprovalAction,
  approvalActionLabels,
  canEdit,
  type ApprovalAction,
} from '../../../domain/approval/approval-workflow.ts';
import { draftAchievementReport } from '../../../domain/awards/achievement-report.ts';
import {
  catalogueKey,
  catalogueOn,
  decidingLevelOf,
  defaultRules,
  findForm,
  grantingAuthorityLabels,
  isStateLevel,
  validateRules,
  type BatchRules,
} from '../../../domain/awards/award-forms.ts';
import { checkEligibility, judgeNominee, MIN_EXCEPTION_LENGTH, type DuplicateHit } from '../../../domain/awards/eligibility.ts';
import { attendanceProblems, judgeVote, voteProblems } from '../../../domain/awards/council-vote.ts';
import {
  appraisalDueOn,
  batchStageLabels,
  dossierBlockers,
  holdCouncil,
  proposerLevelLabels,
  publishForComment,
  recordDecision,
  reviewerOf,
  revokeBlocker,
  stageAfterApproval,
  type BatchStage,
  type ProposerLevel,
} from '../../../domain/awards/nomination-workflow.ts';
import { commentPeriod, isOpenForComment } from '../../../domain/awards/public-comment.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { MIN_PUBLIC_COMMENT_WORKING_DAYS } from '../../../domain/awards/award-forms.ts';
import type {
  AddNomineeBody,
  BatchDto,
  BatchSummaryDto,
  CampaignRoundDto,
  CatalogueDto,
  CommentDto,
  CreateBatchBody,
  DecisionBody,
  MeetingInput,
  PublicCommentBody,
  PublicListDto,
  QueueDto,
  RegistryDto,
  RegistryQuery,
  SaveDossierBody,
  UpdateNomineeBody,
} from '../../../shared/schemas/awards.schema.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { compareVi, foldForSearch, normalizeText } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import { awardScope, outOfScopeMessage, type AwardScope } from './awards.access.ts';
import { createNomineeFacts, roundDateOf, type RankingSource } from './awards.facts.ts';
import * as repo from './awards.repository.ts';
import { catalogueAndForm, checksOf, meetingOf, nomineeDto, rulesOf, summaryDto } from './awards.views.ts';

export interface AwardsDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  /** Rankings of emulation rounds by cluster and block; without it the ranking condition reads "not yet ranked". */
  rankings?: RankingSource;
  /** Public holidays beyond the fixed national ones, for the public-comment period. */
  holidays?: readonly string[];
}

type CampaignRound = NonNullable<Awaited<ReturnType<typeof repo.getCampaignRound>>>;

const actionLabels: Record<string, string> = {
  ...approvalActionLabels,
  create: 'Lập hồ sơ',
  publish: 'Công khai lấy ý kiến nhân dân',
  council: 'Hội đồng họp, biểu quyết',
  decide: 'Quyết định khen thưởng',
};

/** "Hộ ông Hoàng Văn Bình" — the name as certificates print it. */
function householdName(headName: string, sex: 'male' | 'female' | null): string {
  return sex === 'female' ? `Hộ bà ${headName}` : sex === 'male' ? `Hộ ông ${headName}` : `Hộ ${headName}`;
}

/** "Thôn Nà Pàn, Xã Yên Khoái, Huyện Lộc Bình" — where a unit or household is, from the village up to the district. */
function placeLine(dir: UnitDirectory, code: string, date: string, includeSelf: boolean): string {
  const chain = dir.ancestorsOn(code, date).filter((v) => v.level !== 'province' && (includeSelf || v.code !== code));
  const ordered = [...chain].sort((a, b) => levelRank(a.level) - levelRank(b.level));
  return ordered.map((v) => v.name).join(', ');
}
function levelRank(level: string): number {
  return level === 'village' ? 0 : level === 'commune' ? 1 : level === 'district' ? 2 : 3;
}

export function createAwardsService(deps: AwardsDeps) {
  const { db, clock, ids, catalog, provinceCode } = deps;
  const facts = createNomineeFacts({ db, rankings: deps.rankings });
  const scopeOf = (p: Principal): AwardScope => awardScope(deps, p);

  async function loadBatch(id: string, ex: Executor = db): Promise<repo.BatchRow> {
    const row = await repo.getBatch(ex, id);
    if (!row) throw new AppError('awards.not_found', 'Không tìm thấy hồ sơ đề nghị khen thưởng.');
    return row;
  }
  async function loadRound(roundId: string, ex: Executor = db): Promise<CampaignRound> {
    const row = await repo.getCampaignRound(ex, roundId);
    if (!row) throw new AppError('awards.not_found', 'Không tìm thấy đợt thi đua.');
    return row;
  }
  async function loadNominee(id: string, ex: Executor = db): Promise<repo.NomineeRow> {
    const row = await repo.getNominee(ex, id);
    if (!row) throw new AppError('awards.not_found', 'Không tìm thấy đối tượng đề nghị khen thưởng.');
    return row;
  }

  /** Own nominees, then those of the children the batch consolidates (approved), with the child's name. */
  async function treeOf(ex: Executor, b: repo.BatchRow) {
    const children = await repo.childBatches(ex, b);
    const forwarded = children.filter((c) => c.state === 'approved');
    const rows = await repo.listNominees(ex, [b.id, ...forwarded.map((c) => c.id)]);
    const childName = new Map(forwarded.map((c) => [c.id, c.proposerName]));
    const own = rows.filter((n) => n.batchId === b.id);
    const fromChildren = forwarded.flatMap((c) => rows.filter((n) => n.batchId === c.id));
    return { children, nominees: [...own, ...fromChildren], fromName: (n: repo.NomineeRow) => childName.get(n.batchId) ?? null };
  }

  /** Re-reads every condition of the batch's own nominees and stores the checks (inside the caller's transaction). */
  async function refreshChecks(ex: Executor, b: repo.BatchRow): Promise<void> {
    const nominees = await repo.listNominees(ex, [b.id]);
    if (nominees.length === 0) return;
    const { form } = catalogueAndForm(b);
    const rules = rulesOf(b);
    const cr = await loadRound(b.roundId, ex);
    const dir = await catalog.directory();
    const today = clock.today();
    const keys = nominees.map((n) => n.nomineeKey);
    const elsewhere = await repo.sameNomineeElsewhere(ex, keys, b.roundId, b.formId, [b.id]);
    const granted = await repo.grantedFor(ex, keys, b.roundId, b.formId);
    for (const n of nominees) {
      const duplicates: DuplicateHit[] = [
        ...elsewhere.filter((e) => e.nomineeKey === n.nomineeKey).map((e) => ({ where: `hồ sơ của ${e.proposerName} (${e.stage === 'proposing' ? 'đang đề nghị' : batchStageLabels[e.stage as BatchStage].toLocaleLowerCase('vi')})`, granted: false })),
        ...granted.filter((g) => g.nomineeKey === n.nomineeKey && g.batchId !== b.id).map((g) => ({ where: `Quyết định số ${g.decisionNumber} ngày ${formatDate(g.decisionDate)}`, granted: true })),
      ];
      const f = await facts.eligibilityFacts(dir, cr, n, today);
      const checks = checkEligibility(form, rules, { ...f, duplicates }, today);
      await repo.updateNominee(ex, n.id, { eligibility: checks });
    }
  }

  async function summaries(batches: repo.BatchRow[]): Promise<BatchSummaryDto[]> {
    const today = clock.today();
    const out: BatchSummaryDto[] = [];
    const rounds = new Map<string, CampaignRound>();
    for (const b of batches) {
      let cr = rounds.get(b.roundId);
      if (!cr) {
        cr = await loadRound(b.roundId);
        rounds.set(b.roundId, cr);
      }
      const tree = await treeOf(db, b);
      out.push(summaryDto(b, tree.nominees, { campaignName: cr.campaign.name, roundName: cr.round.name }, today));
    }
    return out;
  }

  async function writeEvent(tx: Executor, actor: Actor, b: repo.BatchRow, action: string, to: { state: repo.BatchRow['state']; stage: BatchStage }, note: string | null) {
    await repo.insertEvent(tx, { provinceCode, batchId: b.id, action, fromState: b.state, toState: to.state, fromStage: b.stage, toStage: to.stage, note, actorUserId: actor.userId, actorName: actor.name, at: clock.now() });
  }

  async function save(tx: Executor, b: repo.BatchRow, patch: Partial<repo.BatchInsert>): Promise<void> {
    if (!(await repo.updateBatch(tx, b.id, b.version, { ...patch, updatedAt: clock.now() }))) {
      throw new AppError('awards.conflict', 'Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang.');
    }
  }

  function requireEditable(b: repo.BatchRow): void {
    if (!canEdit(b.state)) throw new AppError('awards.conflict', 'Hồ sơ đã gửi lên cấp trên: không sửa được. Cấp trên cần trả lại để chỉnh sửa.');
  }

  /** Why the batch cannot be sent: the dossier, then each nominee blocked by a condition without an exception. */
  async function submitBlockers(ex: Executor, b: repo.BatchRow): Promise<string[]> {
    const tree = await treeOf(ex, b);
    const meeting = meetingOf(b.proposerMeeting);
    const voted = new Set(meeting?.votes.map((v) => v.nomineeId) ?? []);
    const toTrinh = b.toTrinh as { number: string; date: string; signerName: string } | null;
    const blockers = dossierBlockers({
      toTrinh,
      nominees: tree.nominees.map((n) => ({ name: n.name, achievementReport: n.achievementReport })),
      proposerMeeting: meeting ? { heldOn: meeting.heldOn, membersTotal: meeting.membersTotal, membersPresent: meeting.attendees.length, votedNominees: tree.nominees.filter((n) => voted.has(n.id)).map((n) => n.name) } : null,
    });
    for (const n of tree.nominees) {
      const verdict = judgeNominee(checksOf(n), n.exceptionReason);
      if (verdict.blocked) blockers.push(`${n.name} không đủ điều kiện: ${verdict.reasons.join(' ')}`);
    }
    return blockers;
  }

  async function act(principal: Principal, actor: Actor, id: string, action: ApprovalAction): Promise<void> {
    const b0 = await loadBatch(id);
    const s = scopeOf(principal);
    const own = action.type === 'submit';
    await s.require(own ? s.canEdit(b0) : s.canReview(b0));
    await db.transaction(async (tx) => {
      if (own) await refreshChecks(tx, b0);
      const b = await loadBatch(id, tx);
      const children = await repo.childBatches(tx, b);
      const pending = children.filter((c) => c.state !== 'approved').sort((x, y) => compareVi(x.proposerName, y.proposerName));
      const result = applyApprovalAction(b.state, action, {
        actorLevel: own ? 'own' : 'above',
        subjectLabel: `hồ sơ đề nghị khen thưởng của ${b.proposerName}`,
        pendingChildren: pending.map((c) => ({ id: c.id, label: c.proposerName })),
        childNoun: 'hồ sơ cấp dưới',
        submitBlockers: own ? await submitBlockers(tx, b) : [],
        approvedParentLabel: null,
      });
      if (!result.ok) throw new AppError('awards.invalid', result.message);
      if (action.type === 'revoke') {
        const blocked = revokeBlocker(b.stage);
        if (blocked) throw new AppError('awards.conflict', blocked);
      }
      const today = clock.today();
      const stage: BatchStage = action.type === 'approve' ? stageAfterApproval(b.reviewerRole) : 'proposing';
      const patch: Partial<repo.BatchInsert> = { state: result.state, stage };
      if (action.type === 'submit') {
        patch.firstSubmittedAt = b.firstSubmittedAt ?? clock.now();
        patch.lastSubmittedOn = today;
        patch.appraisalDueOn = appraisalDueOn(today, rulesOf(b).appraisalDays);
      }
      if (action.type === 'approve') Object.assign(patch, { approvedAt: clock.now(), approvedByName: actor.name });
      if (action.type === 'revoke') Object.assign(patch, { approvedAt: null, approvedByName: null });
      await save(tx, b, patch);
      await writeEvent(tx, actor, b, action.type, { state: result.state, stage }, result.event.note);
      await recordAudit(tx, deps, actor, {
        action: `award_batch.${action.type}`,
        entityType: 'award_batch',
        entityId: id,
        unitCode: b.proposerUnitCode ?? b.scopeUnitCode,
        before: { state: b.state, stage: b.stage },
        after: { state: result.state, stage },
        reason: result.event.note,
      });
    });
  }

  /** Resolves what is proposed: its key, the name and description the list prints, where it belongs. */
  async function resolveNominee(dir: UnitDirectory, date: string, body: AddNomineeBody) {
    if (body.householdId) {
      if (body.kind !== 'household') throw new AppError('awards.invalid', 'Hộ gia đình được đề nghị với loại đối tượng "Hộ gia đình".');
      const found = await repo.householdWithHead(db, body.householdId);
      if (!found) throw new AppError('awards.not_found', 'Không tìm thấy hộ gia đình.');
      const h = found.household;
      return { kind: 'household' as const, nomineeKey: `household:${h.id}`, name: householdName(h.headName, found.headSex), description: placeLine(dir, h.villageCode, date, true), unitCode: h.villageCode, organisationId: null, individualId: null, householdId: h.id };
    }
    if (body.individualId) {
      if (body.kind !== 'individual') throw new AppError('awards.invalid', 'Cá nhân được đề nghị với loại đối tượng "Cá nhân".');
      const p = await repo.getIndividual(db, body.individualId);
      if (!p) throw new AppError('awards.not_found', 'Không tìm thấy cá nhân.');
      const org = p.organisationId ? await participantsRepo.findOrganisation(db, p.organisationId) : undefined;
      const unitCode = p.unitCode ?? org?.unitCode ?? provinceCode;
      const where = org?.name ?? placeLine(dir, unitCode, date, true);
      return { kind: 'individual' as const, nomineeKey: `individual:${p.id}`, name: p.fullName, description: [p.position, where].filter(Boolean).join(', '), unitCode, organisationId: p.organisationId, individualId: p.id, householdId: null };
    }
    if (body.organisationId) {
      if (body.kind !== 'collective') throw new AppError('awards.invalid', 'Cơ quan, tổ chức được đề nghị với loại đối tượng "Tập thể".');
      const org = await participantsRepo.findOrganisation(db, body.organisationId);
      if (!org) throw new AppError('awards.not_found', 'Không tìm thấy cơ quan, tổ chức.');
      return { kind: 'collective' as const, nomineeKey: `org:${org.id}`, name: org.name, description: 'tỉnh Lạng Sơn', unitCode: org.unitCode, organisationId: org.id, individualId: null, householdId: null };
    }
    const code = body.unitCode as string;
    if (body.kind !== 'collective') throw new AppError('awards.invalid', 'Đơn vị hành chính được đề nghị với loại đối tượng "Tập thể".');
    const v = dir.versionOn(code, date);
    if (!v || v.level === 'province') throw new AppError('awards.invalid', `Mã ${code} không phải là huyện, xã hoặc thôn vào ngày ${formatDate(date)}.`);
    return { kind: 'collective' as const, nomineeKey: `unit:${v.code}`, name: v.name, description: placeLine(dir, v.code, date, false), unitCode: v.code, organisationId: null, individualId: null, householdId: null };
  }

  function normaliseMeeting(m: MeetingInput) {
    return { ...m, venue: normalizeText(m.venue), attendees: m.attendees.map(normalizeText), votes: m.votes.map((v) => ({ nomineeId: v.nomineeId, agree: v.agree, disagree: v.disagree, abstain: v.abstain ?? 0 })) };
  }

  const service = {
    catalogue(): CatalogueDto {
      const c = catalogueOn(clock.today());
      return {
        key: catalogueKey(c),
        name: c.name,
        validFrom: c.validFrom,
        publicCommentWorkingDays: c.publicCommentWorkingDays,
        appraisalDays: c.appraisalDays,
        stableEscapeYears: c.stableEscapeYears,
        forms: c.forms.map((f) => ({ id: f.id, name: f.name, type: f.type, authority: f.authority, authorityLabel: grantingAuthorityLabels[f.authority], decidingLevel: decidingLevelOf(f.authority), stateLevel: isStateLevel(f.authority), nomineeKinds: [...f.nomineeKinds], dossier: [...f.dossier], voteThresholdPercent: f.voteThresholdPercent })),
      };
    },

    async rounds(): Promise<CampaignRoundDto[]> {
      return repo.listCampaignRounds(db, provinceCode);
    },

    /** A proposing level opens a batch for one form in one campaign round. */
    async createBatch(principal: Principal, actor: Actor, body: CreateBatchBody): Promise<BatchDto> {
      const cr = await loadRound(body.roundId);
      const unitsDate = roundDateOf(cr);
      const catalogue = catalogueOn(clock.today());
      const form = findForm(catalogue, body.formId);
      if (!form) throw new AppError('awards.invalid', `Không có hình thức khen thưởng "${body.formId}".`);
      const dir = await catalog.directory();
      let proposer: { level: ProposerLevel; unitCode: string; parentUnitCode: string | null; name: string; organisationId: string | null; scopeUnitCode: string };
      if (body.organisationId) {
        const org = await participantsRepo.findOrganisation(db, body.organisationId);
        if (!org) throw new AppError('awards.not_found', 'Không tìm thấy cơ quan, tổ chức.');
        proposer = { level: 'organisation', unitCode: org.id, parentUnitCode: null, name: org.name, organisationId: org.id, scopeUnitCode: org.unitCode };
      } else {
        const v = dir.versionOn(body.unitCode as string, unitsDate);
        if (!v || (v.level !== 'district' && v.level !== 'commune')) throw new AppError('awards.invalid', `Đơn vị đề nghị phải là huyện hoặc xã vào ngày ${formatDate(unitsDate)}.`);
        proposer = { level: v.level, unitCode: v.code, parentUnitCode: v.parentCode, name: v.name, organisationId: null, scopeUnitCode: v.code };
      }
      const s = scopeOf(principal);
      await s.require(s.covers('awards.propose', { unitCode: proposer.organisationId ? proposer.scopeUnitCode : proposer.unitCode, organisationId: proposer.organisationId }, unitsDate));
      const reviewer = reviewerOf(proposer, decidingLevelOf(form.authority), provinceCode);
      if ('refusal' in reviewer) throw new AppError('awards.invalid', reviewer.refusal);
      const reviewerIsOrg = proposer.organisationId !== null && reviewer.unitCode === proposer.organisationId;
      const reviewerName = reviewerIsOrg ? proposer.name : (dir.versionOn(reviewer.unitCode, unitsDate)?.name ?? reviewer.unitCode);
      const rules: BatchRules = { ...defaultRules(catalogue, form), ...(body.rules ?? {}) };
      const problems = validateRules(rules);
      if (problems.length > 0) throw new AppError('awards.invalid', problems.join(' '));
      const now = clock.now();
      const row: repo.BatchInsert = {
        id: ids.newId(),
        provinceCode,
        campaignId: cr.campaign.id,
        roundId: cr.round.id,
        formId: form.id,
        catalogue: catalogueKey(catalogue),
        rules,
        title: body.title?.trim() || `Đề nghị tặng ${form.name} - ${cr.round.name}`,
        unitsDate,
        proposerLevel: proposer.level,
        proposerUnitCode: proposer.organisationId ? null : proposer.unitCode,
        proposerOrganisationId: proposer.organisationId,
        proposerName: proposer.name,
        scopeUnitCode: proposer.scopeUnitCode,
        reviewerUnitCode: reviewerIsOrg ? null : reviewer.unitCode,
        reviewerOrganisationId: reviewerIsOrg ? proposer.organisationId : null,
        reviewerName,
        reviewerRole: reviewer.role,
        state: 'draft',
        stage: 'proposing',
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await repo.insertBatch(tx, row);
        const created = await loadBatch(row.id, tx);
        await writeEvent(tx, actor, created, 'create', { state: 'draft', stage: 'proposing' }, null);
        await recordAudit(tx, deps, actor, { action: 'award_batch.created', entityType: 'award_batch', entityId: row.id, unitCode: proposer.scopeUnitCode, after: { title: row.title, formId: form.id, roundId: cr.round.id, proposer: proposer.name, reviewer: reviewerName, rules } });
      });
      return service.detail(principal, row.id);
    },

    async list(principal: Principal, roundId?: string): Promise<BatchSummaryDto[]> {
      const s = scopeOf(principal);
      const out: repo.BatchRow[] = [];
      for (const b of await repo.listBatches(db, provinceCode, roundId)) if (await s.canRead(b)) out.push(b);
      return summaries(out);
    },

    async detail(principal: Principal, id: string): Promise<BatchDto> {
      const b = await loadBatch(id);
      const s = scopeOf(principal);
      await s.require(s.canRead(b));
      const cr = await loadRound(b.roundId);
      const tree = await treeOf(db, b);
      const [events, childSummaries] = await Promise.all([repo.listEvents(db, b.id), summaries(tree.children)]);
      const { form } = catalogueAndForm(b);
      const stateLevel = isStateLevel(form.authority);
      const [edit, review, council, decide, publish] = await Promise.all([s.canEdit(b), s.canReview(b), s.canCouncil(b), s.canDecide(b), s.canPublish(b)]);
      const signer = b.decisionSigner as { name: string; authority: string[] } | null;
      return {
        ...summaryDto(b, tree.nominees, { campaignName: cr.campaign.name, roundName: cr.round.name }, clock.today()),
        rules: rulesOf(b),
        catalogue: b.catalogue,
        toTrinh: (b.toTrinh ?? null) as BatchDto['toTrinh'],
        proposerMeeting: meetingOf(b.proposerMeeting),
        council: meetingOf(b.council),
        decisionSigner: signer,
        nominees: tree.nominees.map((n) => nomineeDto(n, tree.fromName(n))),
        children: childSummaries,
        dossierBlockers: canEdit(b.state) ? await submitBlockers(db, b) : [],
        events: events.map((e) => ({ action: e.action, actionLabel: actionLabels[e.action] ?? e.action, fromState: e.fromState, toState: e.toState, toStage: e.toStage, note: e.note, actorName: e.actorName, at: e.at.toISOString() })),
        allowed: {
          edit: edit && canEdit(b.state),
          submit: edit && canEdit(b.state),
          review: review && b.state === 'submitted',
          publish: publish && stateLevel && b.stage === 'appraised',
          council: council && (stateLevel ? b.stage === 'public_comment' : b.stage === 'appraised'),
          decide: decide && b.stage === 'council_voted',
          answer: publish && stateLevel,
        },
        version: b.version,
      };
    },

    /** Adds a collective, an individual or a household, drafts its achievement report from the data and checks it. */
    async addNominee(principal: Principal, actor: Actor, batchId: string, body: AddNomineeBody): Promise<BatchDto> {
      const b = await loadBatch(batchId);
      const s = scopeOf(principal);
      await s.require(s.canEdit(b));
      requireEditable(b);
      const dir = await catalog.directory();
      const core = await resolveNominee(dir, b.unitsDate, body);
      // The proposer proposes within its own territory (or its own organisation).
      await s.require(s.covers('awards.propose', { unitCode: core.unitCode, organisationId: core.organisationId }, b.unitsDate));
      const existing = await repo.listNominees(db, [b.id]);
      if (existing.some((n) => n.nomineeKey === core.nomineeKey)) throw new AppError('awards.conflict', `${core.name} đã có trong danh sách đề nghị của hồ sơ này.`);
      const cr = await loadRound(b.roundId);
      const description = body.description?.trim() || core.description;
      const report = draftAchievementReport(await facts.achievementFacts(dir, cr, { ...core, description }));
      const id = ids.newId();
      await db.transaction(async (tx) => {
        await repo.insertNominee(tx, { id, provinceCode, batchId: b.id, ...core, description, nameFolded: foldForSearch(core.name), achievementReport: report, eligibility: [], sortOrder: existing.length + 1, createdAt: clock.now() });
        await refreshChecks(tx, b);
        await recordAudit(tx, deps, actor, { action: 'award_nominee.added', entityType: 'award_nominee', entityId: id, unitCode: core.unitCode, after: { batchId: b.id, nomineeKey: core.nomineeKey, name: core.name } });
      });
      return service.detail(principal, b.id);
    },

    /** The officer edits the achievement report, the description, or records (or removes) an exception with its reason. */
    async updateNominee(principal: Principal, actor: Actor, nomineeId: string, body: UpdateNomineeBody): Promise<BatchDto> {
      const n = await loadNominee(nomineeId);
      const b = await loadBatch(n.batchId);
      const s = scopeOf(principal);
      await s.require(s.canEdit(b));
      requireEditable(b);
      if (body.exceptionReason !== undefined && body.exceptionReason !== null && body.exceptionReason.trim().length < MIN_EXCEPTION_LENGTH) {
        throw new AppError('awards.invalid', `Lý do đề nghị đặc cách phải nêu rõ (ít nhất ${MIN_EXCEPTION_LENGTH} ký tự).`);
      }
      const patch: Partial<repo.NomineeInsert> = {};
      if (body.achievementReport !== undefined) patch.achievementReport = body.achievementReport.normalize('NFC');
      if (body.description !== undefined) patch.description = normalizeText(body.description);
      if (body.exceptionReason !== undefined) patch.exceptionReason = body.exceptionReason === null || body.exceptionReason.trim() === '' ? null : normalizeText(body.exceptionReason);
      await db.transaction(async (tx) => {
        await repo.updateNominee(tx, n.id, patch);
        await recordAudit(tx, deps, actor, {
          action: 'award_nominee.updated',
          entityType: 'award_nominee',
          entityId: n.id,
          unitCode: n.unitCode,
          before: { achievementReport: patch.achievementReport === undefined ? undefined : n.achievementReport, description: n.description, exceptionReason: n.exceptionReason },
          after: patch,
          reason: patch.exceptionReason ?? null,
        });
      });
      return service.detail(principal, b.id);
    },

    async removeNominee(principal: Principal, actor: Actor, nomineeId: string): Promise<BatchDto> {
      const n = await loadNominee(nomineeId);
      const b = await loadBatch(n.batchId);
      const s = scopeOf(principal);
      await s.require(s.canEdit(b));
      requireEditable(b);
      await db.transaction(async (tx) => {
        await repo.deleteNominee(tx, n.id);
        await recordAudit(tx, deps, actor, { action: 'award_nominee.removed', entityType: 'award_nominee', entityId: n.id, unitCode: n.unitCode, before: { batchId: b.id, nomineeKey: n.nomineeKey, name: n.name } });
      });
      return service.detail(principal, b.id);
    },

    /** Re-reads every condition from the data (after the registry changed, or before sending). */
    async recheck(principal: Principal, actor: Actor, batchId: string): Promise<BatchDto> {
      const b = await loadBatch(batchId);
      const s = scopeOf(principal);
      await s.require(s.canEdit(b));
      requireEditable(b);
      await db.transaction(async (tx) => {
        await refreshChecks(tx, b);
        await recordAudit(tx, deps, actor, { action: 'award_batch.rechecked', entityType: 'award_batch', entityId: b.id, unitCode: b.scopeUnitCode });
      });
      return service.detail(principal, b.id);
    },

    /** The tờ trình particulars and the proposing level's council meeting with its votes. */
    async saveDossier(principal: Principal, actor: Actor, batchId: string, body: SaveDossierBody): Promise<BatchDto> {
      const b = await loadBatch(batchId);
      const s = scopeOf(principal);
      await s.require(s.canEdit(b));
      requireEditable(b);
      const meeting = body.proposerMeeting ? normaliseMeeting(body.proposerMeeting) : null;
      if (meeting) {
        const tree = await treeOf(db, b);
        const known = new Set(tree.nominees.map((n) => n.id));
        const problems = [...attendanceProblems({ membersTotal: meeting.membersTotal, membersPresent: meeting.attendees.length })];
        for (const v of meeting.votes) {
          if (!known.has(v.nomineeId)) problems.push('Có phiếu biểu quyết cho đối tượng không thuộc hồ sơ.');
          problems.push(...voteProblems({ membersTotal: meeting.membersTotal, membersPresent: meeting.attendees.length }, v, tree.nominees.find((n) => n.id === v.nomineeId)?.name ?? 'Đối tượng'));
        }
        if (problems.length > 0) throw new AppError('awards.invalid', problems.join(' '));
      }
      await db.transaction(async (tx) => {
        await save(tx, b, { toTrinh: body.toTrinh, proposerMeeting: meeting });
        await recordAudit(tx, deps, actor, { action: 'award_batch.dossier_saved', entityType: 'award_batch', entityId: b.id, unitCode: b.scopeUnitCode, before: { toTrinh: b.toTrinh, proposerMeeting: b.proposerMeeting }, after: { toTrinh: body.toTrinh, proposerMeeting: meeting } });
      });
      return service.detail(principal, b.id);
    },

    async submit(principal: Principal, actor: Actor, id: string): Promise<BatchDto> {
      await act(principal, actor, id, { type: 'submit' });
      return service.detail(principal, id);
    },
    async returnBatch(principal: Principal, actor: Actor, id: string, comment: string): Promise<BatchDto> {
      await act(principal, actor, id, { type: 'return', comment });
      return service.detail(principal, id);
    },
    async approve(principal: Principal, actor: Actor, id: string): Promise<BatchDto> {
      await act(principal, actor, id, { type: 'approve' });
      return service.detail(principal, id);
    },
    async revoke(principal: Principal, actor: Actor, id: string, reason: string): Promise<BatchDto> {
      await act(principal, actor, id, { type: 'revoke', reason, reopenTo: 'submitted' });
      return service.detail(principal, id);
    },

    /** The board publishes an appraised State-level list for public comment (≥ 10 working days). */
    async publish(principal: Principal, actor: Actor, id: string, body: { publishedOn?: string; workingDays?: number }): Promise<BatchDto> {
      const b = await loadBatch(id);
      const s = scopeOf(principal);
      await s.require(s.canPublish(b));
      const { form } = catalogueAndForm(b);
      const step = publishForComment({ state: b.state, stage: b.stage, stateLevel: isStateLevel(form.authority), commentPeriod: null });
      if (!step.ok) throw new AppError('awards.conflict', step.message);
      const days = body.workingDays ?? rulesOf(b).publicCommentWorkingDays;
      if (days < MIN_PUBLIC_COMMENT_WORKING_DAYS) throw new AppError('awards.invalid', `Thời gian lấy ý kiến nhân dân không được ít hơn ${MIN_PUBLIC_COMMENT_WORKING_DAYS} ngày làm việc.`);
      const from = body.publishedOn ?? clock.today();
      if (from < clock.today()) throw new AppError('awards.invalid', 'Ngày công khai không được trước ngày hôm nay.');
      const period = commentPeriod(from, days, deps.holidays ?? []);
      await db.transaction(async (tx) => {
        await save(tx, b, { stage: step.stage, commentFrom: period.from, commentTo: period.to, commentWorkingDays: days });
        const note = `Công khai từ ${formatDate(period.from)} đến hết ${formatDate(period.to)} (${days} ngày làm việc).`;
        await writeEvent(tx, actor, b, 'publish', { state: b.state, stage: step.stage }, note);
        await recordAudit(tx, deps, actor, { action: 'award_batch.published', entityType: 'award_batch', entityId: b.id, unitCode: b.scopeUnitCode, before: { stage: b.stage }, after: { stage: step.stage, period } });
      });
      return service.detail(principal, id);
    },

    /** The council's meeting: attendance, a vote per nominee, each judged against the batch's threshold. */
    async council(principal: Principal, actor: Actor, id: string, body: MeetingInput): Promise<BatchDto> {
      const b = await loadBatch(id);
      const s = scopeOf(principal);
      await s.require(s.canCouncil(b));
      const { form } = catalogueAndForm(b);
      const period = b.commentFrom && b.commentTo && b.commentWorkingDays ? { from: b.commentFrom, to: b.commentTo, workingDays: b.commentWorkingDays } : null;
      if (body.heldOn > clock.today()) throw new AppError('awards.invalid', 'Chưa thể ghi kết quả một cuộc họp chưa diễn ra.');
      const step = holdCouncil({ state: b.state, stage: b.stage, stateLevel: isStateLevel(form.authority), commentPeriod: period }, body.heldOn);
      if (!step.ok) throw new AppError('awards.conflict', step.message);
      const meeting = normaliseMeeting(body);
      const attendance = { membersTotal: meeting.membersTotal, membersPresent: meeting.attendees.length };
      const tree = await treeOf(db, b);
      const problems = [...attendanceProblems(attendance)];
      const threshold = rulesOf(b).voteThresholdPercent;
      const results = tree.nominees.map((n) => {
        const v = meeting.votes.find((x) => x.nomineeId === n.id);
        if (!v) {
          problems.push(`Chưa nhập kết quả biểu quyết đối với ${n.name}.`);
          return null;
        }
        problems.push(...voteProblems(attendance, v, n.name));
        return { n, v, verdict: judgeVote(attendance, v, threshold) };
      });
      if (meeting.votes.some((v) => !tree.nominees.some((n) => n.id === v.nomineeId))) problems.push('Có phiếu biểu quyết cho đối tượng không thuộc hồ sơ.');
      if (problems.length > 0) throw new AppError('awards.invalid', problems.join(' '));
      await db.transaction(async (tx) => {
        for (const r of results) {
          if (!r) continue;
          await repo.updateNominee(tx, r.n.id, { councilAgree: r.v.agree, councilDisagree: r.v.disagree, councilAbstain: r.v.abstain, councilRate: r.verdict.ratePercent, councilPassed: r.verdict.passed });
        }
        await save(tx, b, { stage: step.stage, council: meeting });
        const passed = results.filter((r) => r?.verdict.passed).length;
        await writeEvent(tx, actor, b, 'council', { state: b.state, stage: step.stage }, `${passed}/${tree.nominees.length} đối tượng đạt ngưỡng ${threshold}%.`);
        await recordAudit(tx, deps, actor, {
          action: 'award_batch.council_voted',
          entityType: 'award_batch',
          entityId: b.id,
          unitCode: b.scopeUnitCode,
          before: { stage: b.stage },
          after: { stage: step.stage, heldOn: meeting.heldOn, attendance, results: results.map((r) => r && { name: r.n.name, ...r.v, ratePercent: r.verdict.ratePercent, passed: r.verdict.passed }) },
        });
      });
      return service.detail(principal, id);
    },

    /** The decision: number, date, signer; every nominee who reached the threshold lands in the award registry. */
    async decide(principal: Principal, actor: Actor, id: string, body: DecisionBody): Promise<BatchDto> {
      const b = await loadBatch(id);
      const s = scopeOf(principal);
      await s.require(s.canDecide(b));
      const { form } = catalogueAndForm(b);
      const tree = await treeOf(db, b);
      const passed = tree.nominees.filter((n) => n.councilPassed === true);
      const council = meetingOf(b.council);
      const step = recordDecision({ state: b.state, stage: b.stage, stateLevel: isStateLevel(form.authority), commentPeriod: null }, passed.length, body.date, council?.heldOn ?? null);
      if (!step.ok) throw new AppError('awards.conflict', step.message);
      const cr = await loadRound(b.roundId);
      const year = Number(body.date.slice(0, 4));
      const signer = { name: normalizeText(body.signerName), authority: body.signerAuthority.map(normalizeText) };
      await db.transaction(async (tx) => {
        let seq = await repo.nextRegistrySeq(tx, provinceCode, year);
        const granted = await repo.grantedFor(tx, passed.map((n) => n.nomineeKey), b.roundId, b.formId);
        if (granted.length > 0) throw new AppError('awards.conflict', `Đã được tặng ${form.name} trong đợt này: ${granted.map((g) => `${g.recipientName} (Quyết định số ${g.decisionNumber})`).join('; ')}.`);
        await repo.insertRegistryRows(
          tx,
          passed.map((n) => ({
            id: ids.newId(),
            provinceCode,
            batchId: b.id,
            nomineeId: n.id,
            formId: form.id,
            formName: form.name,
            kind: n.kind,
            nomineeKey: n.nomineeKey,
            recipientName: n.name,
            searchFolded: foldForSearch(`${n.name} ${n.description} ${form.name} ${body.number}`),
            description: n.description,
            unitCode: n.unitCode,
            organisationId: n.organisationId,
            individualId: n.individualId,
            householdId: n.householdId,
            campaignId: cr.campaign.id,
            campaignName: cr.campaign.name,
            roundId: cr.round.id,
            roundName: cr.round.name,
            decisionNumber: normalizeText(body.number),
            decisionDate: body.date,
            signerName: signer.name,
            registryNumber: `${seq++}/${year}`,
            isDemo: b.isDemo,
            createdAt: clock.now(),
          })),
        );
        await save(tx, b, { stage: step.stage, decisionNumber: normalizeText(body.number), decisionDate: body.date, decisionSigner: signer });
        await writeEvent(tx, actor, b, 'decide', { state: b.state, stage: step.stage }, `Quyết định số ${body.number} ngày ${formatDate(body.date)}: ${passed.length} đối tượng.`);
        await recordAudit(tx, deps, actor, { action: 'award_batch.decided', entityType: 'award_batch', entityId: b.id, unitCode: b.scopeUnitCode, before: { stage: b.stage }, after: { stage: step.stage, decision: { number: body.number, date: body.date, signer }, awardees: passed.map((n) => n.name) } });
      });
      return service.detail(principal, id);
    },

    /** The board's queue: batches to appraise (with the time limit), lists in public comment, meetings and decisions due. */
    async queue(principal: Principal): Promise<QueueDto> {
      const s = scopeOf(principal);
      const today = clock.today();
      const toReview: repo.BatchRow[] = [];
      const inComment: repo.BatchRow[] = [];
      const toCouncil: repo.BatchRow[] = [];
      const toDecide: repo.BatchRow[] = [];
      for (const b of await repo.listBatches(db, provinceCode)) {
        if (!(await s.canRead(b))) continue;
        const stateLevel = isStateLevel(catalogueAndForm(b).form.authority);
        if (b.state === 'submitted' && (await s.canReview(b))) toReview.push(b);
        if (b.stage === 'public_comment') inComment.push(b);
        if (((!stateLevel && b.stage === 'appraised') || (stateLevel && b.stage === 'public_comment' && b.commentTo !== null && b.commentTo < today)) && (await s.canCouncil(b))) toCouncil.push(b);
        if (b.stage === 'council_voted' && (await s.canDecide(b))) toDecide.push(b);
      }
      const byDue = (a: BatchSummaryDto, c: BatchSummaryDto) => (a.appraisal?.dueOn ?? '').localeCompare(c.appraisal?.dueOn ?? '');
      return { today, toReview: (await summaries(toReview)).sort(byDue), inComment: await summaries(inComment), toCouncil: await summaries(toCouncil), toDecide: await summaries(toDecide) };
    },

    // ---------- public comment ----------

    /** State-level lists open for comment today: names and places only (no citizen IDs, no household details). */
    async publicList(): Promise<PublicListDto> {
      const today = clock.today();
      const open = (await repo.listBatches(db, provinceCode)).filter((b) => b.stage === 'public_comment' && b.commentFrom && b.commentTo && isOpenForComment({ from: b.commentFrom, to: b.commentTo, workingDays: b.commentWorkingDays ?? 0 }, today));
      const comments = await repo.listComments(db, open.map((b) => b.id));
      const out: PublicListDto = [];
      for (const b of open) {
        const tree = await treeOf(db, b);
        const names = new Map(tree.nominees.map((n) => [n.id, n.name]));
        out.push({
          batchId: b.id,
          title: b.title,
          formName: catalogueAndForm(b).form.name,
          proposerName: b.proposerName,
          commentFrom: b.commentFrom as string,
          commentTo: b.commentTo as string,
          nominees: tree.nominees.map((n) => ({ id: n.id, kindLabel: n.kind === 'household' ? 'Hộ gia đình' : n.kind === 'individual' ? 'Cá nhân' : 'Tập thể', name: n.name, description: n.description })),
          answered: comments
            .filter((c) => c.batchId === b.id && c.answer && c.answeredAt)
            .map((c) => ({ nomineeName: c.nomineeId ? (names.get(c.nomineeId) ?? null) : null, content: c.content, answer: c.answer as string, answeredAt: (c.answeredAt as Date).toISOString() })),
        });
      }
      return out;
    },

    /** Anyone may comment while the list is open; the comment is recorded for the board to answer. */
    async publicComment(batchId: string, body: PublicCommentBody): Promise<{ ok: true; receivedAt: string }> {
      const b = await repo.getBatch(db, batchId);
      const today = clock.today();
      if (!b || b.stage !== 'public_comment' || !b.commentFrom || !b.commentTo) throw new AppError('awards.not_found', 'Không có danh sách đang lấy ý kiến nhân dân này.');
      if (!isOpenForComment({ from: b.commentFrom, to: b.commentTo, workingDays: b.commentWorkingDays ?? 0 }, today)) {
        throw new AppError('awards.conflict', `Thời gian lấy ý kiến là từ ${formatDate(b.commentFrom)} đến hết ${formatDate(b.commentTo)}.`);
      }
      if (body.nomineeId) {
        const tree = await treeOf(db, b);
        if (!tree.nominees.some((n) => n.id === body.nomineeId)) throw new AppError('awards.invalid', 'Đối tượng được góp ý không có trong danh sách.');
      }
      const now = clock.now();
      const id = ids.newId();
      await db.transaction(async (tx) => {
        await repo.insertComment(tx, { id, provinceCode, batchId: b.id, nomineeId: body.nomineeId ?? null, authorName: normalizeText(body.authorName), contact: body.contact ? normalizeText(body.contact) : null, content: body.content.normalize('NFC').trim(), receivedAt: now });
        await recordAudit(tx, deps, { userId: null, name: 'Người dân góp ý' }, { action: 'award_comment.received', entityType: 'award_public_comment', entityId: id, unitCode: b.scopeUnitCode, after: { batchId: b.id, nomineeId: body.nomineeId ?? null } });
      });
      return { ok: true, receivedAt: now.toISOString() };
    },

    async comments(principal: Principal, batchId: string): Promise<CommentDto[]> {
      const b = await loadBatch(batchId);
      const s = scopeOf(principal);
      await s.require(s.canRead(b));
      const tree = await treeOf(db, b);
      const names = new Map(tree.nominees.map((n) => [n.id, n.name]));
      return (await repo.listComments(db, [b.id])).map((c) => ({
        id: c.id,
        batchId: c.batchId,
        nomineeName: c.nomineeId ? (names.get(c.nomineeId) ?? null) : null,
        authorName: c.authorName,
        contact: c.contact,
        content: c.content,
        receivedAt: c.receivedAt.toISOString(),
        answer: c.answer,
        answeredAt: c.answeredAt?.toISOString() ?? null,
        answeredByName: c.answeredByName,
      }));
    },

    async answer(principal: Principal, actor: Actor, commentId: string, answer: string): Promise<CommentDto[]> {
      const c = await repo.getComment(db, commentId);
      if (!c) throw new AppError('awards.not_found', 'Không tìm thấy ý kiến.');
      const b = await loadBatch(c.batchId);
      const s = scopeOf(principal);
      await s.require(s.canPublish(b));
      await db.transaction(async (tx) => {
        await repo.answerComment(tx, c.id, { answer: answer.normalize('NFC').trim(), answeredAt: clock.now(), answeredByName: actor.name });
        await recordAudit(tx, deps, actor, { action: 'award_comment.answered', entityType: 'award_public_comment', entityId: c.id, unitCode: b.scopeUnitCode, before: { answer: c.answer }, after: { answer } });
      });
      return service.comments(principal, b.id);
    },

    // ---------- registry ----------

    /** Every award granted, searchable without accents; a reader below the province sees those of its own scope. */
    async registry(principal: Principal, q: RegistryQuery): Promise<RegistryDto> {
      const s = scopeOf(principal);
      const folded = q.q ? foldForSearch(q.q).split(' ').filter((w) => w.length > 0) : [];
      const base = { provinceCode, folded, formId: q.formId, roundId: q.roundId, kind: q.kind, organisationIds: [] as string[] };
      const toDto = (r: repo.RegistryRow) => ({
        id: r.id,
        formId: r.formId,
        formName: r.formName,
        kind: r.kind,
        kindLabel: r.kind === 'household' ? 'Hộ gia đình' : r.kind === 'individual' ? 'Cá nhân' : 'Tập thể',
        recipientName: r.recipientName,
        description: r.description,
        unitCode: r.unitCode,
        campaignName: r.campaignName,
        roundName: r.roundName,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        signerName: r.signerName,
        registryNumber: r.registryNumber,
        batchId: r.batchId,
        isDemo: r.isDemo,
      });
      if (await s.province('awards.read', clock.today())) {
        const found = await repo.searchRegistry(db, { ...base, unitCodes: null, limit: q.limit, offset: q.offset });
        return { total: found.total, rows: found.rows.map(toDto) };
      }
      // Below the province the registry is small enough to check row by row.
      const all = await repo.searchRegistry(db, { ...base, unitCodes: null, limit: 100_000, offset: 0 });
      const mine: repo.RegistryRow[] = [];
      for (const r of all.rows) if (await s.covers('awards.read', { unitCode: r.unitCode, organisationId: r.organisationId }, r.decisionDate)) mine.push(r);
      return { total: mine.length, rows: mine.slice(q.offset, q.offset + q.limit).map(toDto) };
    },

    async registryRow(principal: Principal, id: string): Promise<repo.RegistryRow> {
      const r = await repo.getRegistryRow(db, id);
      if (!r) throw new AppError('awards.not_found', 'Không tìm thấy khen thưởng trong sổ.');
      const s = scopeOf(principal);
      if (!(await s.province('awards.read', clock.today())) && !(await s.covers('awards.read', { unitCode: r.unitCode, organisationId: r.organisationId }, r.decisionDate))) {
        throw new AppError('auth.out_of_scope', outOfScopeMessage);
      }
      return r;
    },

    /** For the documents: a readable batch with its tree, round and form. */
    async documentContext(principal: Principal, id: string) {
      const b = await loadBatch(id);
      const s = scopeOf(principal);
      await s.require(s.canRead(b));
      const cr = await loadRound(b.roundId);
      const tree = await treeOf(db, b);
      return { batch: b, round: cr, nominees: tree.nominees, ...catalogueAndForm(b) };
    },

    async nomineeContext(principal: Principal, nomineeId: string) {
      const n = await loadNominee(nomineeId);
      const ctx = await service.documentContext(principal, n.batchId);
      return { ...ctx, nominee: n };
    },

    proposerLevelLabels,
  };
  return service;
}
export type AwardsService = ReturnType<typeof createAwardsService>;
