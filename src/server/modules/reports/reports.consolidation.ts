// The board's consolidated report of a request (issue 6, §4): the approved top-level reports summed, who is missing
// or not approved, and a narrative drafted from the figures that the officer edits and saves with the document's
// particulars (number, date, signer, recipients).

import type { Principal } from '../../../domain/access/authorize.ts';
import { consolidateReport, type ConsolidationEntry } from '../../../domain/reports/consolidate-report.ts';
import type { FigureValues } from '../../../domain/reports/report-figures.ts';
import { judgeTimeliness } from '../../../domain/reports/timeliness.ts';
import { toVietnamDate } from '../../../shared/clock.ts';
import type { ConsolidationDto, Particulars, SaveConsolidationBody } from '../../../shared/schemas/reports.schema.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as roundsRepo from '../rounds/rounds.repository.ts';
import { unitFigures } from './reports.figures.ts';
import * as repo from './reports.repository.ts';
import { snapshotOfRow, templateOf, type ReportsDeps } from './reports.rows.ts';

/** "Tỉnh Lạng Sơn" → "Lạng Sơn": the place name printed before the date. */
export function placeName(unitName: string): string {
  return unitName.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Xã|Phường|Thị trấn)\s+/u, '');
}

/**
 * The particulars printed while the officer has not set them: the Ban Thi đua - Khen thưởng (Sở Nội vụ) consolidates
 * and reports to the provincial People's Committee (plan 165/KH-UBND, §V.7). The number is left blank for the
 * registry clerk ("Số:     /BC-BTĐKT"), as drafts are.
 */
export function defaultParticulars(provinceName: string, today: string): Particulars {
  return {
    parentBody: `SỞ NỘI VỤ ${provinceName.toLocaleUpperCase('vi')}`,
    issuingBody: 'BAN THI ĐUA - KHEN THƯỞNG',
    number: '     /BC-BTĐKT',
    place: placeName(provinceName),
    date: today,
    signerAuthority: ['TRƯỞNG BAN'],
    signerName: '',
    recipients: [`UBND ${provinceName.replace(/^Tỉnh/u, 'tỉnh')} (báo cáo)`, 'Sở Lao động - Thương binh và Xã hội', 'Lưu: VT'],
  };
}

export function createReportConsolidation(deps: ReportsDeps) {
  const { db, clock, catalog } = deps;

  async function build(requestId: string): Promise<{ dto: ConsolidationDto; request: repo.RequestRow; subs: repo.SubmissionRow[] }> {
    const request = await repo.getRequest(db, requestId);
    if (!request) throw new AppError('reports.not_found', 'Không tìm thấy yêu cầu báo cáo.');
    return { ...(await compute(request)), request };
  }

  async function compute(request: repo.RequestRow) {
    const template = repo.getTemplate(db, request.templateId).then((t) => (t ? templateOf(t) : null));
    const withFigures = (await template)?.sections.some((s) => s.kind === 'figures') ?? false;
    const subs = await repo.listSubmissions(db, [request.id]);
    const recipientUnits = new Set(subs.flatMap((s) => (s.unitCode ? [s.unitCode] : [])));
    // The board consolidates the reports at the top of the tree: those reviewed by a unit that is not itself a
    // recipient (districts under the province; communes when no district was asked). Lower reports are inside them.
    const top = subs.filter((s) => !recipientUnits.has(s.reviewerUnitCode));
    const dir = await catalog.directory();
    const today = clock.today();
    const previousRound = withFigures ? await roundsRepo.getRoundByYear(db, deps.provinceCode, request.roundYear - 1) : undefined;
    const topUnits = top.flatMap((s) => (s.unitCode ? [s.unitCode] : []));
    const previous: Map<string, FigureValues> = previousRound ? await unitFigures(db, dir, previousRound.id, topUnits, request.issuedOn) : new Map();
    const entries: ConsolidationEntry[] = top.map((s) => ({
      key: s.unitCode ?? (s.organisationId as string),
      name: s.recipientName,
      state: s.state,
      submitted: s.firstSubmittedAt !== null,
      timeliness: judgeTimeliness({ deadline: s.deadline, firstSubmittedOn: s.firstSubmittedAt ? toVietnamDate(s.firstSubmittedAt) : null, today }),
      hasFigures: withFigures && s.unitCode !== null,
      approvedValues: s.state === 'approved' ? (snapshotOfRow(s)?.values ?? null) : null,
      previousValues: s.unitCode ? (previous.get(s.unitCode) ?? null) : null,
    }));
    const result = consolidateReport({ roundYear: request.roundYear, previousRoundYear: previousRound ? previousRound.year : null, asOf: today, entries });
    const stored = await repo.getConsolidation(db, request.id);
    const provinceName = dir.versionOn(request.issuingUnitCode, request.issuedOn)?.name ?? request.issuingUnitCode;
    const particulars = { ...defaultParticulars(provinceName, today), ...((stored?.particulars as Partial<Particulars> | undefined) ?? {}) };
    const dto: ConsolidationDto = {
      requestId: request.id,
      title: request.title,
      roundYear: result.roundYear,
      previousRoundYear: result.previousRoundYear,
      asOf: today,
      recipientCount: result.recipientCount,
      approvedCount: result.approvedCount,
      totals: result.totals,
      previousTotals: result.previousTotals,
      missing: [...result.missing],
      notApproved: [...result.notApproved],
      rows: result.rows.map((r) => ({
        key: r.key,
        name: r.name,
        state: r.state,
        stateLabel: r.stateLabel,
        timelinessLabel: r.timeliness.label,
        values: r.values,
        previousPoorRate: r.previousPoorRate,
        reduction: r.reduction,
        attained: r.attainment ? r.attainment.attained : null,
        attainmentExplanation: r.attainment?.explanation ?? null,
      })),
      best: result.best?.name ?? null,
      worst: result.worst?.name ?? null,
      ruleSet: result.ruleSet,
      draftedNarrative: [...result.narrative],
      narrative: stored ? (stored.narrative as string[]) : [...result.narrative],
      narrativeEdited: Boolean(stored),
      particulars,
    };
    return { dto, subs };
  }

  return {
    async consolidation(principal: Principal, requestId: string): Promise<ConsolidationDto> {
      const request = await repo.getRequest(db, requestId);
      if (!request) throw new AppError('reports.not_found', 'Không tìm thấy yêu cầu báo cáo.');
      await deps.scope.requireUnit(principal, 'reports.read', request.issuingUnitCode, request.issuedOn);
      return (await build(requestId)).dto;
    },

    /** The officer's edited narrative and the document particulars; the figures themselves stay computed. */
    async saveConsolidation(principal: Principal, actor: Actor, requestId: string, body: SaveConsolidationBody): Promise<ConsolidationDto> {
      const request = await repo.getRequest(db, requestId);
      if (!request) throw new AppError('reports.not_found', 'Không tìm thấy yêu cầu báo cáo.');
      await deps.scope.requireUnit(principal, 'reports.manage', request.issuingUnitCode, request.issuedOn);
      const before = await repo.getConsolidation(db, requestId);
      const narrative = body.narrative.filter((p) => p.length > 0);
      if (narrative.length === 0) throw new AppError('reports.invalid', 'Báo cáo tổng hợp phải có ít nhất một đoạn nội dung.');
      const particulars = { ...((before?.particulars as Partial<Particulars> | undefined) ?? {}), ...body.particulars };
      await db.transaction(async (tx) => {
        await repo.upsertConsolidation(tx, {
          requestId,
          provinceCode: deps.provinceCode,
          narrative,
          particulars,
          updatedAt: clock.now(),
          updatedBy: actor.userId,
          updatedByName: actor.name,
        });
        await recordAudit(tx, deps, actor, {
          action: 'report_consolidation.saved',
          entityType: 'report_request',
          entityId: requestId,
          before: before ? { narrative: before.narrative, particulars: before.particulars } : null,
          after: { narrative, particulars },
        });
      });
      return (await build(requestId)).dto;
    },

    /** For the documents: the consolidation without a caller (the route has checked scope already). */
    build,
  };
}

export type ReportConsolidation = ReturnType<typeof createReportConsolidation>;
