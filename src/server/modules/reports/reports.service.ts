import type { Executor } from '../../../db/client.ts';
import { toVietnamDate } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { roleHasPermission } from '../../../domain/access/roles.ts';
import {
  applyApprovalAction,
  approvalActionLabels,
  approvalStateLabels,
  approvalStates,
  canEdit,
  type ActorLevel,
  type ApprovalAction,
  type ApprovalActionType,
  type ApprovalContext,
  type ApprovalState,
} from '../../../domain/approval/approval-workflow.ts';
import { planBulkApproval, type BulkApprovalItem } from '../../../domain/approval/bulk-approval.ts';
import { diffFigures, type FigureField, type FigureSnapshot } from '../../../domain/reports/report-figures.ts';
import {
  emptyContent,
  missingForSubmission,
  validateContent,
  validateTemplate,
  type ReportContent,
  type ReportTemplate,
} from '../../../domain/reports/report-template.ts';
import {
  countTimeliness,
  deadlineStatus,
  DEFAULT_REMINDER_DAYS,
  judgeTimeliness,
  type Timeliness,
  type TimelinessCounts,
} from '../../../domain/reports/timeliness.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import {
  reportKindLabels,
  type ApproveManyDto,
  type CreateRequestBody,
  type CreateTemplateBody,
  type InboxDto,
  type RequestDetailDto,
  type RequestDto,
  type RequestTimelinessDto,
  type SaveContentBody,
  type SubmissionDto,
  type SubmissionSummaryDto,
  type TemplateDto,
  type TimelinessRowDto,
} from '../../../shared/schemas/reports.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import * as roundsRepo from '../rounds/rounds.repository.ts';
import { outOfScopeMessage, reportScope, type ReportScope } from './reports.access.ts';
import { figuresSource, snapshotOf, unitFigures } from './reports.figures.ts';
import * as repo from './reports.repository.ts';
import { contentOf, hasFigures, requestYear, snapshotOfRow, templateOf, type ReportsDeps } from './reports.rows.ts';
import { createReportConsolidation } from './reports.consolidation.ts';
import { sortTemplates, templateDtoOf } from './reports.templates.ts';

type Recipient = { unitCode: string } | { organisationId: string };

const childNouns: Record<string, string> = { district: 'huyện', commune: 'xã', village: 'thôn', organisation: 'cơ quan, tổ chức' };

/** The figure fields the template shows; "changed since approval" lists only those. */
function shownFields(template: ReportTemplate): Set<FigureField> {
  return new Set(template.sections.flatMap((s) => (s.kind === 'figures' ? s.fields : [])));
}

export function createReportsService(deps: ReportsDeps) {
  const { db, clock, ids, catalog } = deps;
  const reminderDays = deps.reminderDays ?? DEFAULT_REMINDER_DAYS;

  const consolidation = createReportConsolidation(deps);
  const scopeOf = (principal: Principal): ReportScope => reportScope({ db, catalog, scope: deps.scope }, principal);

  async function loadRequest(id: string, executor: Executor = db): Promise<repo.RequestRow> {
    const row = await repo.getRequest(executor, id);
    if (!row) throw new AppError('reports.not_found', 'Không tìm thấy yêu cầu báo cáo.');
    return row;
  }

  async function loadTemplate(id: string, executor: Executor = db): Promise<repo.TemplateRow> {
    const row = await repo.getTemplate(executor, id);
    if (!row) throw new AppError('reports.not_found', 'Không tìm thấy mẫu báo cáo.');
    return row;
  }

  async function loadSubmission(id: string, executor: Executor = db): Promise<repo.SubmissionRow> {
    const row = await repo.getSubmission(executor, id);
    if (!row) throw new AppError('reports.not_found', 'Không tìm thấy báo cáo.');
    return row;
  }

  function timelinessOf(sub: repo.SubmissionRow, today: string): Timeliness {
    return judgeTimeliness({ deadline: sub.deadline, firstSubmittedOn: sub.firstSubmittedAt ? toVietnamDate(sub.firstSubmittedAt) : null, today });
  }

  function summaryOf(sub: repo.SubmissionRow, request: repo.RequestRow, today: string, returnComment: string | null): SubmissionSummaryDto {
    const firstSubmittedOn = sub.firstSubmittedAt ? toVietnamDate(sub.firstSubmittedAt) : null;
    return {
      id: sub.id,
      requestId: request.id,
      requestTitle: request.title,
      kind: request.kind,
      roundYear: request.roundYear,
      unitCode: sub.unitCode,
      organisationId: sub.organisationId,
      recipientName: sub.recipientName,
      recipientLevel: sub.recipientLevel,
      reviewerUnitCode: sub.reviewerUnitCode,
      deadline: sub.deadline,
      state: sub.state,
      stateLabel: approvalStateLabels[sub.state],
      firstSubmittedAt: sub.firstSubmittedAt?.toISOString() ?? null,
      approvedAt: sub.approvedAt?.toISOString() ?? null,
      timeliness: timelinessOf(sub, today),
      deadlineStatus: deadlineStatus({ deadline: sub.deadline, firstSubmittedOn, today }, reminderDays),
      returnComment: sub.state === 'returned' ? returnComment : null,
    };
  }

  /** The last return comment of each submission (shown while it is returned). */
  async function lastReturnComments(executor: Executor, subs: repo.SubmissionRow[]): Promise<Map<string, string>> {
    const returned = subs.filter((s) => s.state === 'returned').map((s) => s.id);
    const events = await repo.listEvents(executor, returned);
    const out = new Map<string, string>();
    for (const e of events) if (e.action === 'return' && e.note) out.set(e.submissionId, e.note);
    return out;
  }

  /** The submissions a caller may read (its own recipients and those below), for one or more requests. */
  async function visible(principal: Principal, requests: repo.RequestRow[]): Promise<repo.SubmissionRow[]> {
    const s = scopeOf(principal);
    const byId = new Map(requests.map((r) => [r.id, r]));
    const subs = await repo.listSubmissions(db, requests.map((r) => r.id));
    const out: repo.SubmissionRow[] = [];
    for (const sub of subs) {
      const request = byId.get(sub.requestId);
      if (request && (await s.recipient('reports.read', sub, request.issuedOn))) out.push(sub);
    }
    return out;
  }

  function countsOf(subs: repo.SubmissionRow[], today: string): RequestDto['counts'] {
    const states = Object.fromEntries(approvalStates.map((st) => [st, 0])) as Record<ApprovalState, number>;
    for (const sub of subs) states[sub.state] += 1;
    const timeliness = countTimeliness(subs.map((sub) => timelinessOf(sub, today)));
    return { states, timeliness };
  }

  async function requestDtos(requests: repo.RequestRow[], subs: repo.SubmissionRow[], includeEmpty: boolean): Promise<RequestDto[]> {
    const today = clock.today();
    const templates = new Map((await repo.listTemplates(db)).map((t) => [t.id, t]));
    const out: RequestDto[] = [];
    for (const r of requests) {
      const own = subs.filter((s) => s.requestId === r.id);
      if (own.length === 0 && !includeEmpty) continue;
      out.push({
        id: r.id,
        kind: r.kind,
        kindLabel: reportKindLabels[r.kind],
        title: r.title,
        templateId: r.templateId,
        templateName: templates.get(r.templateId)?.name ?? '',
        roundYear: r.roundYear,
        issuingUnitCode: r.issuingUnitCode,
        issuedOn: r.issuedOn,
        deadline: r.deadline,
        recipientCount: own.length,
        counts: countsOf(own, today),
      });
    }
    return out;
  }

  async function requestsOfYear(year: number | undefined): Promise<repo.RequestRow[]> {
    const all = await repo.listRequests(db, deps.provinceCode);
    return year === undefined ? all : all.filter((r) => requestYear(r) === year);
  }

  /** The approval context of a submission, read inside the transaction that will store the result. */
  async function approvalContext(executor: Executor, sub: repo.SubmissionRow, actorLevel: ActorLevel): Promise<ApprovalContext & { template: ReportTemplate }> {
    const request = await loadRequest(sub.requestId, executor);
    const template = templateOf(await loadTemplate(request.templateId, executor));
    const siblings = await repo.listSubmissions(executor, [request.id]);
    const children = sub.unitCode ? siblings.filter((c) => c.reviewerUnitCode === sub.unitCode && c.id !== sub.id) : [];
    const pending = children.filter((c) => c.state !== 'approved').sort((a, b) => compareVi(a.recipientName, b.recipientName));
    const levels = new Set(pending.map((c) => c.recipientLevel));
    const parent = siblings.find((p) => p.unitCode !== null && p.unitCode === sub.reviewerUnitCode);
    return {
      template,
      actorLevel,
      subjectLabel: `báo cáo của ${sub.recipientName}`,
      pendingChildren: pending.map((c) => ({ id: c.id, label: c.recipientName })),
      childNoun: levels.size === 1 ? (childNouns[[...levels][0] ?? ''] ?? 'đơn vị cấp dưới') : 'đơn vị cấp dưới',
      submitBlockers: missingForSubmission(template, contentOf(sub)),
      approvedParentLabel: parent?.state === 'approved' ? `báo cáo của ${parent.recipientName}` : null,
    };
  }

  /** Live figures of a unit submission for its request's round; null for an organisation or a template without figures. */
  async function liveSnapshot(executor: Executor, sub: repo.SubmissionRow, request: repo.RequestRow, template: ReportTemplate) {
    if (!sub.unitCode || !hasFigures(template)) return null;
    const round = await roundsRepo.getRoundByYear(executor, deps.provinceCode, request.roundYear);
    if (!round) return null;
    const dir = await catalog.directory();
    const takenAt = clock.now();
    const values = (await unitFigures(executor, dir, round.id, [sub.unitCode], request.issuedOn)).get(sub.unitCode);
    if (!values) return null;
    return { round, takenAt, snapshot: snapshotOf(round, takenAt, values) };
  }

  /** Runs one workflow action: scope, the pure engine, then state, history and audit in one transaction. */
  async function act(principal: Principal, actor: Actor, id: string, action: ApprovalAction): Promise<repo.SubmissionRow> {
    const sub = await loadSubmission(id);
    const request = await loadRequest(sub.requestId);
    const s = scopeOf(principal);
    const level: ActorLevel = action.type === 'submit' ? 'own' : 'above';
    if (level === 'own') await s.requireRecipient('reports.submit', sub, request.issuedOn);
    else await s.requireReviewer(sub, request.issuedOn);

    return db.transaction(async (tx) => {
      const current = await loadSubmission(id, tx);
      const { template, ...context } = await approvalContext(tx, current, level);
      const result = applyApprovalAction(current.state, action, context);
      if (!result.ok) throw new AppError('reports.invalid', result.message);
      const now = clock.now();
      const patch: Partial<repo.SubmissionInsert> = { state: result.state, updatedAt: now };
      if (action.type === 'submit') {
        patch.firstSubmittedAt = current.firstSubmittedAt ?? now;
        patch.lastSubmittedAt = now;
      }
      let locked: FigureSnapshot | null = null;
      if (action.type === 'approve') {
        // Approval locks the figures: the snapshot is what the report was approved with (DOMAIN.md §8).
        locked = (await liveSnapshot(tx, current, request, template))?.snapshot ?? null;
        Object.assign(patch, { approvedAt: now, approvedBy: actor.userId, approvedByName: actor.name, approvedFigures: locked });
      }
      if (action.type === 'revoke') Object.assign(patch, { approvedAt: null, approvedBy: null, approvedByName: null, approvedFigures: null });
      if (!(await repo.updateSubmission(tx, id, { state: current.state, version: current.version }, patch))) {
        throw new AppError('reports.conflict', 'Báo cáo vừa được người khác cập nhật. Hãy tải lại trang.');
      }
      await repo.insertEvent(tx, {
        provinceCode: deps.provinceCode,
        submissionId: id,
        action: action.type,
        fromState: result.event.from,
        toState: result.event.to,
        note: result.event.note,
        actorUserId: actor.userId,
        actorName: actor.name,
        at: now,
      });
      await recordAudit(tx, deps, actor, {
        action: `report.${action.type}`,
        entityType: 'report_submission',
        entityId: id,
        unitCode: current.unitCode,
        before: { state: current.state, approvedFigures: action.type === 'revoke' ? current.approvedFigures : undefined },
        after: { state: result.state, ...(locked ? { approvedFigures: locked } : {}) },
        reason: result.event.note,
      });
      return loadSubmission(id, tx);
    });
  }

  return {
    consolidation: consolidation.consolidation,
    saveConsolidation: consolidation.saveConsolidation,
    buildConsolidation: consolidation.build,

    async listTemplates(): Promise<TemplateDto[]> {
      const [rows, counts] = await Promise.all([repo.listTemplates(db), repo.requestCountsByTemplate(db)]);
      return sortTemplates(rows.map((t) => templateDtoOf(t, counts.get(t.id) ?? 0)));
    },

    async createTemplate(principal: Principal, actor: Actor, input: CreateTemplateBody): Promise<TemplateDto> {
      await deps.scope.requireUnit(principal, 'reports.manage', deps.provinceCode, clock.today());
      const problems = validateTemplate({ name: input.name, sections: input.sections });
      if (problems.length > 0) throw new AppError('reports.invalid', problems.join(' '));
      const row = { id: ids.newId(), provinceCode: deps.provinceCode, name: input.name, description: input.description ?? null, sections: input.sections, isDemo: false, createdAt: clock.now(), createdBy: actor.userId };
      await db.transaction(async (tx) => {
        await repo.insertTemplate(tx, row);
        await recordAudit(tx, deps, actor, { action: 'report_template.created', entityType: 'report_template', entityId: row.id, after: { name: row.name, sections: row.sections } });
      });
      return templateDtoOf(row, 0);
    },

    /** The board issues a request to a set of units or organisations; each recipient gets a draft submission. */
    async createRequest(principal: Principal, actor: Actor, input: CreateRequestBody): Promise<RequestDto> {
      const issuedOn = input.issuedOn ?? clock.today();
      await deps.scope.requireUnit(principal, 'reports.manage', deps.provinceCode, issuedOn);
      const templateRow = await loadTemplate(input.templateId);
      const template = templateOf(templateRow);
      if (input.deadline < issuedOn) throw new AppError('reports.invalid', `Hạn gửi báo cáo (${formatDate(input.deadline)}) không được trước ngày ban hành yêu cầu (${formatDate(issuedOn)}).`);
      if (hasFigures(template) && !(await roundsRepo.getRoundByYear(db, deps.provinceCode, input.roundYear))) {
        throw new AppError('reports.invalid', `Chưa có kỳ rà soát năm ${input.roundYear}: mẫu "${template.name}" cần số liệu của kỳ rà soát để điền sẵn.`);
      }
      const dir = await catalog.directory();
      const rows = await resolveRecipients(dir, input, issuedOn);
      if (rows.length === 0) throw new AppError('reports.invalid', 'Không có đơn vị nào nhận yêu cầu báo cáo vào ngày ban hành.');
      const requestId = ids.newId();
      const now = clock.now();
      const request: repo.RequestRow = {
        id: requestId,
        provinceCode: deps.provinceCode,
        kind: input.kind,
        title: input.title,
        templateId: input.templateId,
        roundYear: input.roundYear,
        issuingUnitCode: deps.provinceCode,
        issuedOn,
        deadline: input.deadline,
        recipientsSpec: { ...input.recipients, levelDeadlines: input.levelDeadlines },
        isDemo: false,
        createdAt: now,
        createdBy: actor.userId,
      };
      const submissions: repo.SubmissionInsert[] = rows.map((r) => ({
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        requestId,
        ...r,
        state: 'draft',
        content: emptyContent,
        updatedAt: now,
      }));
      await db.transaction(async (tx) => {
        await repo.insertRequest(tx, request);
        await repo.insertSubmissions(tx, submissions);
        await recordAudit(tx, deps, actor, {
          action: 'report_request.created',
          entityType: 'report_request',
          entityId: requestId,
          after: { kind: input.kind, title: input.title, roundYear: input.roundYear, deadline: input.deadline, recipients: submissions.length },
        });
      });
      const [dto] = await requestDtos([request], await repo.listSubmissions(db, [requestId]), true);
      return dto as RequestDto;
    },

    /** Requests with the caller's recipients in them, counted per approval state and timeliness. */
    async listRequests(principal: Principal, year?: number): Promise<RequestDto[]> {
      const requests = await requestsOfYear(year);
      return requestDtos(requests, await visible(principal, requests), false);
    },

    /** The board's overview: every request of the year with the counts of each status. */
    async overview(principal: Principal, year?: number): Promise<RequestDto[]> {
      await deps.scope.requireUnit(principal, 'reports.read', deps.provinceCode, clock.today());
      const requests = await requestsOfYear(year);
      return requestDtos(requests, await repo.listSubmissions(db, requests.map((r) => r.id)), true);
    },

    /** A request with its approval tree (who submitted, returned, approved, late), as far as the caller may see. */
    async requestDetail(principal: Principal, id: string): Promise<RequestDetailDto> {
      const request = await loadRequest(id);
      const subs = await visible(principal, [request]);
      if (subs.length === 0) await deps.scope.requireUnit(principal, 'reports.read', request.issuingUnitCode, request.issuedOn);
      const template = templateOf(await loadTemplate(request.templateId));
      const today = clock.today();
      const all = await repo.listSubmissions(db, [id]);
      const byUnit = new Map(all.filter((s) => s.unitCode).map((s) => [s.unitCode as string, s.id]));
      const changed = await changedSinceApproval(subs, request, template);
      const comments = await lastReturnComments(db, subs);
      const [dto] = await requestDtos([request], subs, true);
      return {
        ...(dto as RequestDto),
        today,
        submissions: subs
          .sort((a, b) => compareVi(a.recipientName, b.recipientName))
          .map((s) => ({ ...summaryOf(s, request, today, comments.get(s.id) ?? null), parentSubmissionId: byUnit.get(s.reviewerUnitCode) ?? null, changedSinceApproval: changed.has(s.id) })),
      };
    },

    /** On time, late (days) or missing, for every recipient of a request the caller may see. */
    async requestTimeliness(principal: Principal, id: string): Promise<RequestTimelinessDto> {
      const request = await loadRequest(id);
      const subs = await visible(principal, [request]);
      if (subs.length === 0) await deps.scope.requireUnit(principal, 'reports.read', request.issuingUnitCode, request.issuedOn);
      const today = clock.today();
      const rows = subs.map((s) => timelinessRow(s, request, today)).sort((a, b) => compareVi(a.recipientName, b.recipientName));
      return { requestId: id, title: request.title, deadline: request.deadline, today, counts: countTimeliness(rows), rows };
    },

    /**
     * Timeliness of one recipient in every request of a year (the year of the deadline) — what the emulation scoring
     * reads for criteria 2.2 and 3.2. No caller scope here: the scoring service checks its own.
     */
    async timelinessFor(recipient: Recipient, year: number): Promise<{ recipient: Recipient; year: number; counts: TimelinessCounts; rows: TimelinessRowDto[] }> {
      const subs = await repo.submissionsOfRecipient(db, recipient);
      const requests = new Map((await repo.listRequests(db, deps.provinceCode)).map((r) => [r.id, r]));
      const today = clock.today();
      const rows = subs
        .flatMap((s) => {
          const r = requests.get(s.requestId);
          return r && requestYear(r) === year ? [timelinessRow(s, r, today)] : [];
        })
        .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : compareVi(a.requestTitle, b.requestTitle)));
      return { recipient, year, counts: countTimeliness(rows), rows };
    },

    /**
     * The reports a unit owed whose deadline falls in the years (inclusive), with the day each was first submitted —
     * the TimelinessSource the emulation scoring reads for criteria 2.2 and 3.2. Null when the unit was never asked.
     */
    async reportsDue(unitCode: string, fromYear: number, toYear: number): Promise<{ title: string; dueOn: string; submittedOn: string | null }[] | null> {
      const subs = await repo.submissionsOfRecipient(db, { unitCode });
      if (subs.length === 0) return null;
      const requests = new Map((await repo.listRequests(db, deps.provinceCode)).map((r) => [r.id, r]));
      return subs
        .flatMap((s) => {
          const r = requests.get(s.requestId);
          const year = r ? requestYear(r) : 0;
          return r && year >= fromYear && year <= toYear ? [{ title: r.title, dueOn: s.deadline, submittedOn: s.firstSubmittedAt ? toVietnamDate(s.firstSubmittedAt) : null }] : [];
        })
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : compareVi(a.title, b.title)));
    },

    /** The same, for a caller: the recipient must be within the caller's scope. */
    async recipientTimeliness(principal: Principal, recipient: Recipient, year: number) {
      const s = scopeOf(principal);
      const r = { unitCode: 'unitCode' in recipient ? recipient.unitCode : null, organisationId: 'organisationId' in recipient ? recipient.organisationId : null, reviewerUnitCode: deps.provinceCode };
      await s.requireRecipient('reports.read', r, clock.today());
      return this.timelinessFor(recipient, year);
    },

    /**
     * The caller's inbox: the reports its own units (or its organisation) must write and send, with deadlines and
     * reminders; and the reports sent up to it for return or approval. Reports of the units below are not the
     * caller's to send: they reach the inbox of the unit that reviews them once submitted.
     */
    async inbox(principal: Principal, year?: number): Promise<InboxDto> {
      const today = clock.today();
      const requests = await requestsOfYear(year);
      const byId = new Map(requests.map((r) => [r.id, r]));
      const subs = await repo.listSubmissions(db, requests.map((r) => r.id));
      const own = principal.assignments.filter((a) => roleHasPermission(a.role, 'reports.submit'));
      const reviewing = new Set(principal.assignments.flatMap((a) => (a.unitCode && roleHasPermission(a.role, 'reports.approve') ? [a.unitCode] : [])));
      const ownUnits = new Set(own.flatMap((a) => (a.unitCode ? [a.unitCode] : [])));
      const ownOrgs = new Set(own.flatMap((a) => (a.organisationId ? [a.organisationId] : [])));
      const toSubmit: repo.SubmissionRow[] = [];
      const toReview: repo.SubmissionRow[] = [];
      for (const sub of subs) {
        if ((sub.unitCode && ownUnits.has(sub.unitCode)) || (sub.organisationId && ownOrgs.has(sub.organisationId))) toSubmit.push(sub);
        if (sub.state === 'submitted' && reviewing.has(sub.reviewerUnitCode)) toReview.push(sub);
      }
      const comments = await lastReturnComments(db, toSubmit);
      const byDeadline = (a: SubmissionSummaryDto, b: SubmissionSummaryDto) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : compareVi(a.recipientName, b.recipientName));
      return {
        today,
        toSubmit: toSubmit.map((sub) => summaryOf(sub, byId.get(sub.requestId) as repo.RequestRow, today, comments.get(sub.id) ?? null)).sort(byDeadline),
        toReview: toReview.map((sub) => summaryOf(sub, byId.get(sub.requestId) as repo.RequestRow, today, null)).sort(byDeadline),
      };
    },

    /** One report: template, pre-filled figures with their source, what the unit wrote, history, and the children. */
    async submission(principal: Principal, id: string): Promise<SubmissionDto> {
      const sub = await loadSubmission(id);
      const request = await loadRequest(sub.requestId);
      await scopeOf(principal).requireRecipient('reports.read', sub, request.issuedOn);
      const templateRow = await loadTemplate(request.templateId);
      const template = templateOf(templateRow);
      const today = clock.today();
      const [events, siblings] = await Promise.all([repo.listEvents(db, [id]), repo.listSubmissions(db, [request.id])]);
      const lastReturn = [...events].reverse().find((e) => e.action === 'return')?.note ?? null;
      const live = await liveSnapshot(db, sub, request, template);
      const approved = sub.state === 'approved' ? snapshotOfRow(sub) : null;
      const fields = shownFields(template);
      const children = sub.unitCode ? siblings.filter((c) => c.reviewerUnitCode === sub.unitCode && c.id !== sub.id) : [];
      return {
        ...summaryOf(sub, request, today, lastReturn),
        templateName: template.name,
        sections: template.sections as SubmissionDto['sections'],
        content: contentOf(sub) as SubmissionDto['content'],
        figures: live
          ? {
              source: figuresSource(live.round, live.takenAt),
              live: live.snapshot,
              approved,
              changes: approved ? diffFigures(approved.values, live.snapshot.values).filter((d) => fields.has(d.field)) : [],
            }
          : null,
        canEdit: canEdit(sub.state),
        version: sub.version,
        events: events.map((e) => ({
          action: e.action,
          actionLabel: approvalActionLabels[e.action as ApprovalActionType] ?? e.action,
          fromState: e.fromState,
          toState: e.toState,
          note: e.note,
          actorName: e.actorName,
          at: e.at.toISOString(),
        })),
        children: children.sort((a, b) => compareVi(a.recipientName, b.recipientName)).map((c) => summaryOf(c, request, today, null)),
      };
    },

    /** The unit writes its narratives and fills its tables while the report is with it (draft or returned). */
    async saveContent(principal: Principal, actor: Actor, id: string, body: SaveContentBody): Promise<SubmissionDto> {
      const sub = await loadSubmission(id);
      const request = await loadRequest(sub.requestId);
      await scopeOf(principal).requireRecipient('reports.submit', sub, request.issuedOn);
      if (!canEdit(sub.state)) {
        throw new AppError('reports.conflict', `Báo cáo đang ở trạng thái "${approvalStateLabels[sub.state]}": không sửa được. Cấp trên cần trả lại hoặc thu hồi phê duyệt để đơn vị chỉnh sửa.`);
      }
      const template = templateOf(await loadTemplate(request.templateId));
      const content: ReportContent = { narratives: body.narratives, tables: body.tables };
      const problems = validateContent(template, content);
      if (problems.length > 0) throw new AppError('reports.invalid', problems.join(' '));
      await db.transaction(async (tx) => {
        if (!(await repo.updateSubmission(tx, id, { state: sub.state, version: body.version }, { content, updatedAt: clock.now() }))) {
          throw new AppError('reports.conflict', 'Báo cáo vừa được người khác lưu hoặc chuyển bước. Hãy tải lại trang để không ghi đè nội dung.');
        }
        await recordAudit(tx, deps, actor, { action: 'report.content_saved', entityType: 'report_submission', entityId: id, unitCode: sub.unitCode, before: sub.content, after: content });
      });
      return this.submission(principal, id);
    },

    async submit(principal: Principal, actor: Actor, id: string): Promise<SubmissionDto> {
      await act(principal, actor, id, { type: 'submit' });
      return this.submission(principal, id);
    },

    async returnSubmission(principal: Principal, actor: Actor, id: string, comment: string): Promise<SubmissionDto> {
      await act(principal, actor, id, { type: 'return', comment });
      return this.submission(principal, id);
    },

    async approve(principal: Principal, actor: Actor, id: string): Promise<SubmissionDto> {
      await act(principal, actor, id, { type: 'approve' });
      return this.submission(principal, id);
    },

    async revoke(principal: Principal, actor: Actor, id: string, reason: string, reopenTo: 'submitted' | 'draft'): Promise<SubmissionDto> {
      await act(principal, actor, id, { type: 'revoke', reason, reopenTo });
      return this.submission(principal, id);
    },

    /** Bulk approval by the level above: each report checked as if approved alone; children first; results listed. */
    async approveMany(principal: Principal, actor: Actor, requestId: string, submissionIds: string[]): Promise<ApproveManyDto> {
      const request = await loadRequest(requestId);
      const subs = await repo.getSubmissions(db, submissionIds);
      const foreign = submissionIds.filter((sid) => !subs.some((s) => s.id === sid && s.requestId === requestId));
      const s = scopeOf(principal);
      const refused: ApproveManyDto['refused'] = foreign.map((sid) => ({ id: sid, recipientName: '', message: 'Báo cáo không thuộc yêu cầu này.' }));
      const items: BulkApprovalItem[] = [];
      for (const sub of subs.filter((x) => x.requestId === requestId)) {
        if (!(await s.reviewer(sub, request.issuedOn))) {
          refused.push({ id: sub.id, recipientName: sub.recipientName, message: outOfScopeMessage });
          continue;
        }
        const { template: _template, ...context } = await approvalContext(db, sub, 'above');
        items.push({ id: sub.id, state: sub.state, context });
      }
      if (items.length === 0 && refused.some((r) => r.message === outOfScopeMessage)) {
        throw new AppError('auth.out_of_scope', outOfScopeMessage);
      }
      const plan = planBulkApproval(items);
      const name = new Map(subs.map((x) => [x.id, x.recipientName]));
      const approved: ApproveManyDto['approved'] = [];
      for (const sid of plan.order) {
        try {
          await act(principal, actor, sid, { type: 'approve' });
          approved.push({ id: sid, recipientName: name.get(sid) ?? '' });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ id: sid, recipientName: name.get(sid) ?? '', message: error.message });
        }
      }
      for (const o of plan.outcomes) if (!o.ok) refused.push({ id: o.id, recipientName: name.get(o.id) ?? '', message: o.message });
      return { approved, refused };
    },

    /** Reminders due today: unsent reports within the reminder window or overdue (for a scheduled notifier). */
    async remindersDue(): Promise<SubmissionSummaryDto[]> {
      const today = clock.today();
      const requests = await repo.listRequests(db, deps.provinceCode);
      const byId = new Map(requests.map((r) => [r.id, r]));
      const subs = await repo.listSubmissions(db, requests.map((r) => r.id));
      return subs
        .map((sub) => summaryOf(sub, byId.get(sub.requestId) as repo.RequestRow, today, null))
        .filter((x) => x.deadlineStatus.reminder !== null)
        .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : compareVi(a.recipientName, b.recipientName)));
    },
  };

  function timelinessRow(s: repo.SubmissionRow, request: repo.RequestRow, today: string): TimelinessRowDto {
    const t = timelinessOf(s, today);
    return {
      submissionId: s.id,
      requestId: request.id,
      requestTitle: request.title,
      recipientName: s.recipientName,
      unitCode: s.unitCode,
      organisationId: s.organisationId,
      deadline: s.deadline,
      firstSubmittedAt: s.firstSubmittedAt?.toISOString() ?? null,
      status: t.status,
      daysLate: t.daysLate,
      label: t.label,
    };
  }

  /** The approved unit submissions whose live figures no longer match the snapshot taken at approval. */
  async function changedSinceApproval(subs: repo.SubmissionRow[], request: repo.RequestRow, template: ReportTemplate): Promise<Set<string>> {
    const approved = subs.filter((s) => s.state === 'approved' && s.unitCode && snapshotOfRow(s));
    if (approved.length === 0 || !hasFigures(template)) return new Set();
    const round = await roundsRepo.getRoundByYear(db, deps.provinceCode, request.roundYear);
    if (!round) return new Set();
    const dir = await catalog.directory();
    const live = await unitFigures(db, dir, round.id, approved.map((s) => s.unitCode as string), request.issuedOn);
    const fields = shownFields(template);
    return new Set(
      approved
        .filter((s) => {
          const now = live.get(s.unitCode as string);
          const then = snapshotOfRow(s);
          return now && then && diffFigures(then.values, now).some((d) => fields.has(d.field));
        })
        .map((s) => s.id),
    );
  }

  /** Units of the asked levels and codes, and organisations, in force on the date of issue; each with its reviewer. */
  async function resolveRecipients(dir: UnitDirectory, input: CreateRequestBody, issuedOn: string) {
    const deadlineFor = (level: string) => {
      const own = (input.levelDeadlines as Record<string, string | undefined>)[level];
      if (own && own < issuedOn) throw new AppError('reports.invalid', `Hạn gửi của cấp ${childNouns[level] ?? level} không được trước ngày ban hành.`);
      return own ?? input.deadline;
    };
    const codes = new Set<string>();
    for (const level of input.recipients.levels) for (const v of dir.unitsOn(issuedOn, level)) codes.add(v.code);
    for (const code of input.recipients.unitCodes) {
      const v = dir.versionOn(code, issuedOn);
      if (!v || v.level === 'province') throw new AppError('reports.invalid', `Mã ${code} không phải là đơn vị cấp huyện, xã hoặc thôn vào ngày ${formatDate(issuedOn)}.`);
      codes.add(code);
    }
    const rows: Omit<repo.SubmissionInsert, 'id' | 'provinceCode' | 'requestId' | 'state' | 'content' | 'updatedAt'>[] = [];
    for (const code of codes) {
      const v = dir.versionOn(code, issuedOn);
      if (!v) continue;
      rows.push({ unitCode: code, organisationId: null, recipientName: v.name, recipientLevel: v.level, reviewerUnitCode: v.parentCode ?? deps.provinceCode, deadline: deadlineFor(v.level) });
    }
    const inForce = await participantsRepo.listOrganisations(db, issuedOn);
    const orgIds = new Set(input.recipients.allOrganisations ? inForce.map((o) => o.id) : []);
    for (const oid of input.recipients.organisationIds) {
      if (!inForce.some((o) => o.id === oid)) throw new AppError('reports.invalid', `Cơ quan, tổ chức ${oid} không hoạt động vào ngày ${formatDate(issuedOn)}.`);
      orgIds.add(oid);
    }
    for (const o of inForce.filter((x) => orgIds.has(x.id))) {
      rows.push({ unitCode: null, organisationId: o.id, recipientName: o.name, recipientLevel: 'organisation', reviewerUnitCode: deps.provinceCode, deadline: deadlineFor('organisation') });
    }
    return rows;
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
export type { ReportsDeps } from './reports.rows.ts';
