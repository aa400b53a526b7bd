// The documents of the reports module, in the forms officials sign and file (DOMAIN.md §10, Nghị định 30/2020):
// the board's consolidated báo cáo (DOCX, and PDF for publication), the tờ trình with the attached list, each unit's
// own báo cáo, the kế hoạch of the campaign (plan 165/KH-UBND), the biên bản of a village meeting of a review round,
// and every report table as XLSX.

import {
  baoCaoSpec,
  bienBanSpec,
  buildBaoCao,
  buildKeHoach,
  buildOfficialDocx,
  buildToTrinh,
  buildXlsx,
  renderReportPdf,
  tablesOf,
  type BaoCaoInput,
  type Block,
  type OfficialDocumentSpec,
  type ReportSection,
  type TableSpec,
  type ToTrinhInput,
  type XlsxSheet,
} from '../../../documents/index.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { figureLabels, isRateField, type FigureField, type FigureValues } from '../../../domain/reports/report-figures.ts';
import type { RoundSteps } from '../../../domain/review/round-workflow.ts';
import { toVietnamDate } from '../../../shared/clock.ts';
import type { ConsolidationDto, Particulars, RoundMeetingQuery, SubmissionDto } from '../../../shared/schemas/reports.schema.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import * as roundsRepo from '../rounds/rounds.repository.ts';
import { roundReferenceDate } from '../rounds/rounds.service.ts';
import { plan165KeHoach } from './plan-165.document.ts';
import { placeName } from './reports.consolidation.ts';
import type { RequestRow, SubmissionRow } from './reports.repository.ts';
import type { ReportsDeps } from './reports.rows.ts';
import type { ReportsService } from './reports.service.ts';

export interface DocumentFile {
  buffer: Buffer;
  /** The Vietnamese file name, e.g. "Báo cáo tổng hợp - Sơ kết 2018.docx". */
  name: string;
  /** Its ASCII fallback for old clients, e.g. "Bao-cao-tong-hop-So-ket-2018.docx". */
  asciiName: string;
  contentType: string;
}

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
type Extension = keyof typeof contentTypes;

/** "Báo cáo tổng hợp: Sơ kết/2018" → "Bao-cao-tong-hop-So-ket-2018". */
export function asciiFileStem(text: string): string {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
  const stem = folded.replace(/[^A-Za-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 120);
  return stem || foldForSearch(text).replace(/[^a-z0-9]+/gu, '-') || 'tai-lieu';
}

export function documentFile(buffer: Buffer, title: string, extension: Extension): DocumentFile {
  const name = `${title.replace(/[\\/:*?"<>|\r\n]+/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 150)}.${extension}`;
  return { buffer, name, asciiName: `${asciiFileStem(title)}.${extension}`, contentType: contentTypes[extension] };
}

/** RFC 6266: an ASCII filename for old clients and the UTF-8 filename* that browsers show. */
export function contentDisposition(file: Pick<DocumentFile, 'name' | 'asciiName'>): string {
  const encoded = encodeURIComponent(file.name).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encoded}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** One row per approved unit with the figures locked at approval, and the sum in the closing row. */
export function figuresByUnitTable(title: string, rows: readonly { name: string; values: FigureValues }[], totals: FigureValues | null): TableSpec {
  const fields: FigureField[] = ['total', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'escaped', 'newPoor', 'relapsed'];
  const short: Partial<Record<FigureField, string>> = { total: 'Tổng số hộ', poor: 'Hộ nghèo', poorRate: 'Tỷ lệ hộ nghèo', nearPoor: 'Hộ cận nghèo', nearPoorRate: 'Tỷ lệ hộ cận nghèo', escaped: 'Thoát nghèo', newPoor: 'Nghèo phát sinh', relapsed: 'Tái nghèo' };
  return {
    title,
    note: 'Đơn vị tính: hộ; tỷ lệ: %',
    columns: [
      { header: 'TT', kind: 'integer', width: 0.5, align: 'center' },
      { header: 'Đơn vị', kind: 'text', width: 2.2 },
      ...fields.map((f) => ({ header: short[f] ?? figureLabels[f], kind: isRateField(f) ? ('percent' as const) : ('integer' as const), width: 1 })),
    ],
    rows: rows.map((r, i) => [i + 1, r.name, ...fields.map((f) => r.values[f])]),
    ...(totals ? { totalRow: [null, 'Tổng cộng', ...fields.map((f) => totals[f])] } : {}),
  };
}

/** Who sent what, when: the timeliness of every recipient (criteria 2.2, 3.2). */
export function submissionStatusTable(rows: readonly { name: string; deadline: string; sentOn: string | null; timeliness: string; state: string }[]): TableSpec {
  return {
    title: 'Tình hình gửi báo cáo của các đơn vị',
    columns: [
      { header: 'TT', kind: 'integer', width: 0.5, align: 'center' },
      { header: 'Đơn vị', kind: 'text', width: 2.6 },
      { header: 'Hạn gửi', kind: 'date', width: 1.3 },
      { header: 'Ngày gửi', kind: 'date', width: 1.3 },
      { header: 'Thời hạn', kind: 'text', width: 1.8 },
      { header: 'Trạng thái', kind: 'text', width: 1.8 },
    ],
    rows: rows.map((r, i) => [i + 1, r.name, r.deadline, r.sentOn, r.timeliness, r.state]),
  };
}

function particularsOf(p: Particulars) {
  return {
    ...(p.parentBody.trim() ? { parentBody: p.parentBody } : {}),
    issuingBody: p.issuingBody,
    number: p.number,
    place: p.place,
    date: p.date,
    signature: { authority: p.signerAuthority, name: p.signerName },
    recipients: p.recipients,
  };
}

function consolidationTables(dto: ConsolidationDto, subs: readonly SubmissionRow[]) {
  const approved = dto.rows.filter((r) => r.values).map((r) => ({ name: r.name, values: r.values as FigureValues }));
  const figures = figuresByUnitTable(`Kết quả rà soát năm ${dto.roundYear} của các đơn vị đã được phê duyệt`, approved, dto.totals);
  const byKey = new Map(subs.map((s) => [s.unitCode ?? s.organisationId ?? '', s]));
  const status = submissionStatusTable(
    dto.rows.map((r) => {
      const sub = byKey.get(r.key);
      return { name: r.name, deadline: sub?.deadline ?? '', sentOn: sub?.firstSubmittedAt ? toVietnamDate(sub.firstSubmittedAt) : null, timeliness: r.timelinessLabel, state: r.stateLabel };
    }),
  );
  return { figures, status, hasFigures: approved.length > 0 };
}

/** The board's consolidated báo cáo of a request, from approved figures and the officer's narrative. */
export function consolidatedBaoCao(dto: ConsolidationDto, request: RequestRow, subs: readonly SubmissionRow[]): BaoCaoInput {
  const { figures, status, hasFigures } = consolidationTables(dto, subs);
  const result: Block[] = dto.narrative.map((text) => ({ kind: 'paragraph', text }));
  if (hasFigures) result.push({ kind: 'table', table: figures });
  const sections: ReportSection[] = [
    { heading: 'Kết quả thực hiện', blocks: result },
    { heading: 'Tình hình gửi báo cáo', blocks: [{ kind: 'table', table: status }] },
  ];
  return {
    ...particularsOf(dto.particulars),
    summary: `Tổng hợp ${lowerFirst(request.title)}`,
    intro: [`Căn cứ báo cáo của các đơn vị theo yêu cầu "${request.title}" (hạn gửi ngày ${formatDate(request.deadline)}), trên cơ sở số liệu đã được phê duyệt, ${lowerFirst(dto.particulars.issuingBody.replace(/\n/gu, ' ').toLocaleLowerCase('vi'))} tổng hợp báo cáo như sau:`],
    sections,
  };
}

/** The tờ trình to the provincial People's Committee with the list of approved units and their figures attached. */
export function consolidatedToTrinh(dto: ConsolidationDto, request: RequestRow, subs: readonly SubmissionRow[]): ToTrinhInput {
  const { figures } = consolidationTables(dto, subs);
  const issuer = dto.particulars.issuingBody.replace(/\n/gu, ' ');
  return {
    ...particularsOf({ ...dto.particulars, number: dto.particulars.number.replace(/\/BC-/u, '/TTr-') }),
    summary: `Về việc đề nghị phê duyệt kết quả tổng hợp ${lowerFirst(request.title)}`,
    addressee: 'Ủy ban nhân dân tỉnh',
    basis: [`Căn cứ yêu cầu báo cáo "${request.title}" ban hành ngày ${formatDate(request.issuedOn)}`, `Căn cứ báo cáo đã được phê duyệt của ${dto.approvedCount}/${dto.recipientCount} đơn vị`],
    content: dto.narrative.map((text) => ({ kind: 'paragraph', text })),
    proposal: `${issuer.charAt(0)}${issuer.slice(1).toLocaleLowerCase('vi')} kính đề nghị Ủy ban nhân dân tỉnh xem xét, phê duyệt kết quả tổng hợp của ${dto.approvedCount} đơn vị (có danh sách kèm theo)`,
    list: { title: 'Danh sách đơn vị và số liệu đã được phê duyệt', table: { ...figures, title: undefined } },
  };
}

/** The template's figures as rows: each count with its rate beside it (hộ nghèo with the poor-household rate). */
export function figureRowsTable(fields: readonly FigureField[], values: FigureValues): TableSpec {
  const rateOf: Partial<Record<FigureField, FigureField>> = { poor: 'poorRate', nearPoor: 'nearPoorRate' };
  const countOf: Partial<Record<FigureField, FigureField>> = { poorRate: 'poor', nearPoorRate: 'nearPoor' };
  const shown = new Set(fields);
  const rows: (string | number | null)[][] = [];
  for (const f of fields) {
    if (isRateField(f)) {
      const count = countOf[f];
      if (count && shown.has(count)) continue;
      rows.push([rows.length + 1, figureLabels[f], null, values[f]]);
    } else {
      const rate = rateOf[f];
      rows.push([rows.length + 1, figureLabels[f], values[f], rate && shown.has(rate) ? values[rate] : null]);
    }
  }
  return {
    columns: [
      { header: 'TT', kind: 'integer', width: 0.5, align: 'center' },
      { header: 'Chỉ tiêu', kind: 'text', width: 3.6 },
      { header: 'Số hộ', kind: 'integer', width: 1.2 },
      { header: 'Tỷ lệ', kind: 'percent', width: 1.2 },
    ],
    rows,
  };
}

function sectionBlocks(detail: SubmissionDto): ReportSection[] {
  const figures = detail.figures;
  const snapshot = figures ? (figures.approved ?? figures.live) : null;
  return detail.sections.map((section): ReportSection => {
    switch (section.kind) {
      case 'figures': {
        if (!figures || !snapshot) return { heading: section.title, blocks: [{ kind: 'paragraph', text: 'Không có số liệu rà soát cho đơn vị này.' }] };
        const source = figures.approved
          ? `Số liệu đã khoá khi phê duyệt (kết quả rà soát năm ${figures.approved.roundYear}, lấy ngày ${formatDate(toVietnamDate(new Date(figures.approved.takenAt)))}).`
          : `Nguồn: ${figures.source}.`;
        const blocks: Block[] = [{ kind: 'paragraph', text: source, italic: true }, { kind: 'table', table: figureRowsTable(section.fields, snapshot.values) }];
        if (figures.changes.length > 0) {
          blocks.push({ kind: 'paragraph', text: `Số liệu đã thay đổi sau khi phê duyệt: ${figures.changes.map((c) => c.text).join('; ')}.`, italic: true });
        }
        return { heading: section.title, blocks };
      }
      case 'table': {
        const rows = detail.content.tables[section.key] ?? [];
        return {
          heading: section.title,
          blocks: [{ kind: 'table', table: { ...(section.note ? { note: section.note } : {}), columns: section.columns.map((c) => ({ header: c.header, kind: c.kind })), rows } }],
        };
      }
      case 'narrative': {
        const text = (detail.content.narratives[section.key] ?? '').trim();
        const paragraphs = text ? text.split(/\n\s*\n|\n/u).map((p) => p.trim()).filter(Boolean) : ['(Chưa có nội dung.)'];
        return { heading: section.title, blocks: paragraphs.map((p) => ({ kind: 'paragraph', text: p })) };
      }
    }
  });
}

/** A unit's own báo cáo, as it sends it up: its name at the top, the template's sections in order. */
export function submissionBaoCao(detail: SubmissionDto, provinceName: string, reviewerName: string, today: string): BaoCaoInput {
  const isOrg = detail.organisationId !== null;
  const date = detail.firstSubmittedAt ? toVietnamDate(new Date(detail.firstSubmittedAt)) : today;
  return {
    ...(isOrg ? { parentBody: `UBND ${provinceName.toLocaleUpperCase('vi')}` } : {}),
    issuingBody: isOrg ? detail.recipientName : `UBND ${detail.recipientName}`,
    number: isOrg ? '     /BC' : '     /BC-UBND',
    place: isOrg ? placeName(provinceName) : placeName(detail.recipientName),
    date,
    summary: detail.requestTitle,
    sections: sectionBlocks(detail),
    signature: { authority: isOrg ? ['THỦ TRƯỞNG CƠ QUAN'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' },
    recipients: [`${reviewerName} (báo cáo)`, 'Lưu: VT'],
  };
}

/** Every table of a unit's report, as sheets: the figures, then each table the unit filled. */
export function submissionSheets(detail: SubmissionDto): XlsxSheet[] {
  return sectionBlocks(detail).flatMap((section) => {
    const spec: OfficialDocumentSpec = { ...emptySpec, body: section.blocks };
    return tablesOf(spec).map((table) => ({ name: section.heading, table }));
  });
}

/** Only the body matters to tablesOf; the particulars of this placeholder are never printed. */
const emptySpec: OfficialDocumentSpec = { issuingBody: '-', number: '-', place: '-', date: '2000-01-01', docType: 'BÁO CÁO', summary: '-', body: [], signature: { authority: [], name: '' }, recipients: [] };

/** The attendance of a village meeting is recorded as a head count, not a list: the minutes say so in one line. */
function withAttendeeCount(spec: OfficialDocumentSpec, count: number): OfficialDocumentSpec {
  const body: Block[] = [];
  let skipList = false;
  for (const block of spec.body) {
    if (skipList && block.kind === 'bullet') {
      skipList = false;
      continue;
    }
    skipList = false;
    if (block.kind === 'paragraph' && typeof block.text === 'string' && block.text.startsWith('Thành phần tham dự:')) {
      body.push({ kind: 'paragraph', text: `Thành phần tham dự: ${count} người, gồm đại diện các hộ gia đình trong thôn, cán bộ thôn và cán bộ xã.` });
      skipList = true;
      continue;
    }
    body.push(block);
  }
  return { ...spec, body };
}

export function createReportDocuments(deps: ReportsDeps, service: ReportsService) {
  const { db, clock, catalog } = deps;

  async function provinceName(): Promise<string> {
    const dir = await catalog.directory();
    return dir.versionOn(deps.provinceCode, clock.today())?.name ?? dir.historyOf(deps.provinceCode).versions.at(-1)?.name ?? '';
  }

  async function consolidationFor(principal: Principal, requestId: string) {
    await service.consolidation(principal, requestId);
    return service.buildConsolidation(requestId);
  }

  async function submissionFor(principal: Principal, id: string) {
    const detail = await service.submission(principal, id);
    const dir = await catalog.directory();
    const reviewer = dir.versionOn(detail.reviewerUnitCode, clock.today()) ?? dir.historyOf(detail.reviewerUnitCode).versions.at(-1);
    return { detail, reviewerName: reviewer ? `UBND ${reviewer.name.replace(/^(Tỉnh|Huyện|Xã|Thành phố|Thị xã|Phường|Thị trấn)/u, (k) => k.toLocaleLowerCase('vi'))}` : '' };
  }

  return {
    async consolidationDocx(principal: Principal, requestId: string): Promise<DocumentFile> {
      const { dto, request, subs } = await consolidationFor(principal, requestId);
      return documentFile(await buildBaoCao(consolidatedBaoCao(dto, request, subs)), `Báo cáo tổng hợp - ${request.title}`, 'docx');
    },

    /** The consolidated report for publication: the same document as PDF with its fonts embedded. */
    async consolidationPdf(principal: Principal, requestId: string): Promise<DocumentFile> {
      const { dto, request, subs } = await consolidationFor(principal, requestId);
      return documentFile(await renderReportPdf(baoCaoSpec(consolidatedBaoCao(dto, request, subs))), `Báo cáo tổng hợp - ${request.title}`, 'pdf');
    },

    async consolidationXlsx(principal: Principal, requestId: string): Promise<DocumentFile> {
      const { dto, request, subs } = await consolidationFor(principal, requestId);
      const { figures, status } = consolidationTables(dto, subs);
      return documentFile(await buildXlsx([{ name: 'Số liệu tổng hợp', table: figures }, { name: 'Tình hình gửi báo cáo', table: status }]), `Số liệu tổng hợp - ${request.title}`, 'xlsx');
    },

    async toTrinhDocx(principal: Principal, requestId: string): Promise<DocumentFile> {
      const { dto, request, subs } = await consolidationFor(principal, requestId);
      if (dto.approvedCount === 0) throw new AppError('reports.invalid', 'Chưa có báo cáo nào được phê duyệt: chưa lập được tờ trình kèm danh sách.');
      return documentFile(await buildToTrinh(consolidatedToTrinh(dto, request, subs)), `Tờ trình - ${request.title}`, 'docx');
    },

    async submissionDocx(principal: Principal, id: string): Promise<DocumentFile> {
      const { detail, reviewerName } = await submissionFor(principal, id);
      return documentFile(await buildBaoCao(submissionBaoCao(detail, await provinceName(), reviewerName, clock.today())), `Báo cáo - ${detail.recipientName} - ${detail.requestTitle}`, 'docx');
    },

    async submissionXlsx(principal: Principal, id: string): Promise<DocumentFile> {
      const { detail } = await submissionFor(principal, id);
      const sheets = submissionSheets(detail);
      if (sheets.length === 0) throw new AppError('reports.invalid', 'Báo cáo này không có bảng số liệu nào.');
      return documentFile(await buildXlsx(sheets), `Bảng số liệu - ${detail.recipientName} - ${detail.requestTitle}`, 'xlsx');
    },

    /** The kế hoạch of the campaign: Kế hoạch 165/KH-UBND ngày 26/9/2017, a public document of the province. */
    async planDocx(): Promise<DocumentFile> {
      return documentFile(await buildKeHoach(plan165KeHoach), 'Kế hoạch 165-KH-UBND ngày 26-9-2017', 'docx');
    },

    /** The biên bản of the village meeting (họp dân bình xét) recorded in a commune's review round. */
    async roundMeetingDocx(principal: Principal, q: RoundMeetingQuery): Promise<DocumentFile> {
      const round = await roundsRepo.getRound(db, q.roundId);
      if (!round) throw new AppError('rounds.not_found', 'Không tìm thấy kỳ rà soát.');
      const date = roundReferenceDate(round.year);
      await deps.scope.requireUnit(principal, 'rounds.read', q.communeCode, date);
      const rc = await roundsRepo.getRoundCommune(db, q.roundId, q.communeCode);
      const meeting = (rc?.steps as RoundSteps | undefined)?.meeting;
      if (!rc || !meeting) throw new AppError('reports.not_found', `Xã mã ${q.communeCode} chưa ghi biên bản họp dân bình xét trong kỳ rà soát năm ${round.year}.`);
      if (q.endTime <= q.startTime) throw new AppError('reports.invalid', 'Giờ kết thúc cuộc họp phải sau giờ bắt đầu.');
      const dir = await catalog.directory();
      const commune = dir.versionOn(q.communeCode, date)?.name ?? q.communeCode;
      const spec = bienBanSpec({
        issuingBody: `UBND ${commune}`,
        number: '     /BB-UBND',
        place: placeName(commune),
        date: meeting.date,
        summary: `Họp dân bình xét hộ nghèo, hộ cận nghèo năm ${round.year}`,
        startedAt: `${meeting.date}T${q.startTime}`,
        endedAt: `${meeting.date}T${q.endTime}`,
        venue: q.venue,
        chair: { name: meeting.chair, position: q.chairPosition },
        secretary: { name: q.secretaryName, position: q.secretaryPosition },
        attendees: [],
        proceedings: meeting.minutes
          .split(/\n+/u)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((text) => ({ kind: 'paragraph', text })),
        conclusions: [`Thống nhất kết quả bình xét hộ nghèo, hộ cận nghèo năm ${round.year} theo nội dung trên`, 'Danh sách được niêm yết công khai theo quy định'],
        recipients: [`UBND ${commune.replace(/^(Xã|Phường|Thị trấn)/u, (k) => k.toLocaleLowerCase('vi'))}`, 'Lưu: thôn'],
      });
      return documentFile(await buildOfficialDocx(withAttendeeCount(spec, meeting.attendees)), `Biên bản họp dân bình xét năm ${round.year} - ${commune}`, 'docx');
    },

  };
}

export type ReportDocuments = ReturnType<typeof createReportDocuments>;
