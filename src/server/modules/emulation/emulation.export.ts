import { buildXlsx, type XlsxSheet } from '../../../documents/xlsx-export.ts';
import type { ColumnSpec } from '../../../documents/table-spec.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import type { RankingsDto, ScoreSheetDto } from '../../../shared/schemas/emulation.schema.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import type { CampaignsService } from './campaigns.service.ts';
import type { ScoringService } from './scoring.service.ts';

const rankingColumns: ColumnSpec[] = [
  { header: 'Hạng', kind: 'integer', align: 'center' },
  { header: 'Đơn vị, tổ chức, cá nhân, hộ', kind: 'text', width: 4 },
  { header: 'Tổng điểm', kind: 'decimal' },
  { header: 'Điểm tính từ số liệu', kind: 'decimal' },
  { header: 'Ngày đăng ký', kind: 'date' },
  { header: 'Ghi chú xếp hạng khi bằng điểm', kind: 'text', width: 4 },
];

const lineColumns: ColumnSpec[] = [
  { header: 'Đối tượng', kind: 'text', width: 3 },
  { header: 'Tiêu chí', kind: 'text', align: 'center' },
  { header: 'Nội dung tiêu chí', kind: 'text', width: 5 },
  { header: 'Cách chấm', kind: 'text', width: 2 },
  { header: 'Điểm tối đa', kind: 'decimal' },
  { header: 'Điểm', kind: 'decimal' },
  { header: 'Tình trạng', kind: 'text' },
  { header: 'Nguồn điểm', kind: 'text', width: 2 },
  { header: 'Căn cứ, cách tính', kind: 'text', width: 8 },
  { header: 'Minh chứng', kind: 'text', width: 4 },
];

function lineRows(sheet: ScoreSheetDto) {
  return sheet.lines.map((l) => [
    sheet.registration.participantName,
    l.code,
    l.text,
    l.kindLabel,
    l.maxPoints,
    l.points,
    l.statusLabel,
    l.sourceLabel,
    l.explanation,
    l.evidence.map((e) => e.label).join('; '),
  ]);
}

function asciiName(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}

/** Results (rankings per type and per cluster or block, every score line) and single score sheets as XLSX. */
export function createEmulationExporter(deps: { campaigns: CampaignsService; scoring: ScoringService }) {
  return {
    async results(principal: Principal, roundId: string) {
      const rankings: RankingsDto = await deps.scoring.rankings(principal, roundId);
      const round = await deps.campaigns.loadRound(roundId);
      const shownIds = new Set([...rankings.byType, ...rankings.byGroup].flatMap((g) => g.entries.map((e) => e.registrationId)));
      const sheets = (await deps.scoring.sheetsOf(round)).filter((s) => shownIds.has(s.registration.id));
      const note = rankings.published ? `Kết quả đã công bố. ${rankings.tieBreakRule}` : `KẾT QUẢ CHƯA CÔNG BỐ. ${rankings.tieBreakRule}`;
      const rankingSheet = (name: string, title: string, entries: RankingsDto['byType'][number]['entries']): XlsxSheet => ({
        name,
        table: { title, note, columns: rankingColumns, rows: entries.map((e) => [e.rank, e.participantName, e.total, e.measured, e.registeredOn, e.tieBreak ?? '']) },
      });
      const workbook: XlsxSheet[] = [
        ...rankings.byType.map((t) => rankingSheet(t.label, `Xếp hạng ${t.label.toLowerCase()} — ${round.name}`, t.entries)),
        ...rankings.byGroup.map((g) => rankingSheet(g.name, `Xếp hạng ${g.name} — ${round.name}`, g.entries)),
        { name: 'Bảng điểm chi tiết', table: { title: `Bảng điểm chi tiết — ${round.name}`, note: 'Mỗi dòng ghi rõ cách có điểm: công thức và số liệu, minh chứng và người thẩm định, Hội đồng chấm, hoặc điều chỉnh có lý do.', columns: lineColumns, rows: sheets.flatMap(lineRows) } },
      ];
      const name = `Kết quả thi đua — ${round.name}.xlsx`;
      return { buffer: await buildXlsx(workbook), name, asciiName: `ket-qua-thi-dua-${asciiName(round.name)}.xlsx` };
    },

    async scoreSheet(principal: Principal, registrationId: string) {
      const sheet = await deps.scoring.scoreSheet(principal, registrationId);
      const title = `Bảng điểm thi đua — ${sheet.registration.participantName} — ${sheet.roundName}`;
      const buffer = await buildXlsx([
        {
          name: 'Bảng điểm',
          table: {
            title,
            note: `Bộ tiêu chí phiên bản ${sheet.criteriaSetVersion}; tổng ${sheet.total}/${sheet.maxTotal} điểm`,
            columns: lineColumns,
            rows: lineRows(sheet),
            totalRow: ['Tổng cộng', '', '', '', sheet.maxTotal, sheet.total, '', '', '', ''],
          },
        },
      ]);
      return { buffer, name: `${title}.xlsx`, asciiName: `bang-diem-${asciiName(sheet.registration.participantName)}.xlsx` };
    },
  };
}
export type EmulationExporter = ReturnType<typeof createEmulationExporter>;
