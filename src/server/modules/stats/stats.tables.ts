// Every statistics table as an XLSX workbook (issue 4, point 5: "every table exportable to XLSX"). Each builder takes
// the same response the dashboard shows, so the spreadsheet and the screen cannot disagree; text cells are escaped
// against formula injection by buildXlsx.

import { buildXlsx, type XlsxSheet } from '../../../documents/xlsx-export.ts';
import type { ColumnSpec } from '../../../documents/table-spec.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { formatDate, formatNumber } from '../../../shared/vi-format.ts';
import { TRANSITION_LABELS } from '../../../domain/poverty/transitions.ts';
import type {
  AfResponse,
  AttainmentResponse,
  CompareResponse,
  OnUnitsResponse,
  PublicCommunesResponse,
  TrendResponse,
  UnitFiguresResponse,
  UnitRowDto,
} from '../../../shared/schemas/stats.schema.ts';

export interface XlsxFile {
  buffer: Buffer;
  /** File name shown to the user, in Vietnamese. */
  name: string;
  /** The same name without diacritics, for clients that ignore filename*. */
  asciiName: string;
}

const DEMO_NOTE = 'DỮ LIỆU MẪU — không phải số liệu thật';

async function file(title: string, sheets: XlsxSheet[]): Promise<XlsxFile> {
  const buffer = await buildXlsx(sheets);
  const ascii = foldForSearch(title).replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return { buffer, name: `${title}.xlsx`, asciiName: `${ascii || 'bang'}.xlsx` };
}

const col = (header: string, kind: ColumnSpec['kind'], fractionDigits?: number): ColumnSpec =>
  fractionDigits === undefined ? { header, kind } : { header, kind, fractionDigits };

export function unitFiguresXlsx(dto: UnitFiguresResponse): Promise<XlsxFile> {
  const row = (r: UnitRowDto) => [
    r.code,
    r.name,
    r.figures.total,
    r.figures.poor,
    r.figures.poorRate,
    r.figures.nearPoor,
    r.figures.nearPoorRate,
    r.figures.transitions.escaped ?? 0,
    r.figures.transitions.new_poor ?? 0,
    r.figures.transitions.relapsed ?? 0,
    r.attainment?.baseline ?? null,
    r.attainment?.required ?? null,
    r.attainment?.reduction ?? null,
    r.attainment ? (r.attainment.attained ? 'Đạt' : 'Không đạt') : (r.attainmentNote ?? ''),
  ];
  const title = `Số liệu hộ nghèo năm ${dto.year} — ${dto.unit.name}`;
  return file(title, [
    {
      name: `Năm ${dto.year}`,
      table: {
        title,
        note: dto.isDemo ? DEMO_NOTE : 'Đơn vị tính: hộ; tỷ lệ: %',
        columns: [
          col('Mã', 'text'),
          col('Đơn vị', 'text'),
          col('Tổng số hộ', 'integer'),
          col('Hộ nghèo', 'integer'),
          col('Tỷ lệ hộ nghèo', 'percent'),
          col('Hộ cận nghèo', 'integer'),
          col('Tỷ lệ hộ cận nghèo', 'percent'),
          col(capitalise(TRANSITION_LABELS.escaped), 'integer'),
          col(capitalise(TRANSITION_LABELS.new_poor), 'integer'),
          col(capitalise(TRANSITION_LABELS.relapsed), 'integer'),
          col('Tỷ lệ năm trước', 'percent'),
          col('Phải giảm (điểm)', 'decimal'),
          col('Đã giảm (điểm)', 'decimal'),
          col('Đánh giá', 'text'),
        ],
        rows: dto.children.map(row),
        totalRow: row(dto.unit),
      },
    },
  ]);
}

export function trendXlsx(dto: TrendResponse): Promise<XlsxFile> {
  const path = new Map(dto.targetPath.map((p) => [p.year, p.rate]));
  const title = `Xu hướng tỷ lệ hộ nghèo — ${dto.unitName}`;
  return file(title, [
    {
      name: 'Xu hướng',
      table: {
        title,
        note: dto.onDate ? `Trên địa giới ngày ${formatDate(dto.onDate)}` : dto.ruleSetTitle,
        columns: [
          col('Năm', 'text'),
          col('Chuẩn nghèo', 'text'),
          col('Tổng số hộ', 'decimal', 0),
          col('Hộ nghèo', 'decimal', 0),
          col('Tỷ lệ hộ nghèo', 'percent'),
          col('Hộ cận nghèo', 'decimal', 0),
          col('Tỷ lệ hộ cận nghèo', 'percent'),
          col('Lộ trình mục tiêu', 'percent'),
          col('Ghi chú', 'text'),
        ],
        rows: dto.points.map((p) => [
          String(p.year),
          p.standardId,
          p.total,
          p.poor,
          p.poorRate,
          p.nearPoor,
          p.nearPoorRate,
          path.get(p.year) ?? null,
          p.note ?? '',
        ]),
      },
    },
    {
      name: 'Tiến độ mục tiêu',
      table: {
        title: `Tiến độ mục tiêu giai đoạn ${dto.goal.startYear}–${dto.goal.goalYear}`,
        columns: [col('Nội dung', 'text'), col('Đánh giá', 'text')],
        rows: [
          ['Mục tiêu', dto.goal.note],
          ['Quy tắc', dto.bands.join('; ')],
          ['Tiến độ', dto.goalProgress?.explanation ?? 'Chưa có số liệu trong giai đoạn.'],
          ['Dự báo', dto.forecast.explanation],
        ],
      },
    },
  ]);
}

export function attainmentXlsx(dto: AttainmentResponse): Promise<XlsxFile> {
  const levelName = dto.level === 'district' ? 'cấp huyện' : 'cấp xã';
  const title = `Kết quả giảm nghèo năm ${dto.year} các đơn vị ${levelName} — ${dto.unitName}`;
  return file(title, [
    {
      name: `Xếp hạng năm ${dto.year}`,
      table: {
        title,
        note: dto.ownTargetsNote,
        columns: [
          col('TT', 'integer'),
          col('Mã', 'text'),
          col('Đơn vị', 'text'),
          col('Trực thuộc', 'text'),
          col('Tổng số hộ', 'integer'),
          col('Hộ nghèo', 'integer'),
          col(`Tỷ lệ năm ${dto.previousYear ?? dto.year - 1}`, 'percent'),
          col(`Tỷ lệ năm ${dto.year}`, 'percent'),
          col('Phải giảm (điểm)', 'decimal'),
          col('Đã giảm (điểm)', 'decimal'),
          col('Kết quả', 'text'),
          col('Giải thích', 'text'),
        ],
        rows: dto.rows.map((r) => [
          r.rank,
          r.code,
          r.name,
          r.parentName ?? '',
          r.total,
          r.poor,
          r.baseline,
          r.rate,
          r.required,
          r.reduction,
          r.attained === null ? 'Chưa đánh giá' : r.attained ? 'Đạt' : 'Không đạt',
          r.explanation,
        ]),
      },
    },
  ]);
}

export function onUnitsXlsx(dto: OnUnitsResponse): Promise<XlsxFile> {
  const title = `Số liệu năm ${dto.year} trên địa giới ngày ${formatDate(dto.onDate)} — ${dto.unitName}`;
  return file(title, [
    {
      name: `Năm ${dto.year}`,
      table: {
        title,
        note: dto.unmapped.length > 0 ? `Có ${dto.unmapped.length} thôn chưa quy đổi được (xem ghi chú)` : 'Đơn vị tính: hộ; tỷ lệ: %',
        columns: [
          col('Mã', 'text'),
          col('Đơn vị', 'text'),
          col('Tổng số hộ', 'decimal', 0),
          col('Hộ nghèo', 'decimal', 0),
          col('Tỷ lệ hộ nghèo', 'percent'),
          col('Hộ cận nghèo', 'decimal', 0),
          col('Tỷ lệ hộ cận nghèo', 'percent'),
          col('Từ các đơn vị cũ', 'text'),
          col('Ghi chú', 'text'),
        ],
        rows: [
          ...dto.rows.map((r) => [
            r.code,
            r.name,
            r.total,
            r.poor,
            r.poorRate,
            r.nearPoor,
            r.nearPoorRate,
            r.predecessors.map((p) => p.name).join(', '),
            r.estimated ? `Ước tính. ${r.note ?? ''}` : (r.note ?? ''),
          ]),
          ...dto.unmapped.map((u) => [u.code, u.name, u.households, null, null, null, null, '', u.reason]),
        ],
        totalRow: ['', 'Tổng cộng', dto.totals.total, dto.totals.poor, dto.totals.poorRate, dto.totals.nearPoor, dto.totals.nearPoorRate, '', ''],
      },
    },
  ]);
}

export function alkireFosterXlsx(dto: AfResponse): Promise<XlsxFile> {
  const title = `Nghèo đa chiều năm ${dto.year} — ${dto.unitName}`;
  const groupColumns = [
    col('Nhóm', 'text'),
    col('Số hộ', 'integer'),
    col('Tỷ trọng dân số (%)', 'percent'),
    col('H', 'decimal', 4),
    col('A', 'decimal', 4),
    col('M0', 'decimal', 4),
    col('Đóng góp vào M0 (%)', 'percent'),
  ];
  const groupRows = (groups: AfResponse['decomposition']['units']) =>
    groups.map((g) => [g.label, g.households, g.populationShare * 100, g.H, g.A, g.M0, g.contributionToM0]);
  return file(title, [
    {
      name: 'Chỉ số thiếu hụt',
      table: {
        title,
        note: `H = ${formatRatio(dto.H)}; A = ${formatRatio(dto.A)}; M0 = ${formatRatio(dto.M0)}; k = ${dto.k}`,
        columns: [
          col('Chỉ số', 'text'),
          col('Chiều', 'text'),
          col('Trọng số', 'decimal'),
          col('Tỷ lệ thiếu hụt kiểm duyệt (%)', 'percent'),
          col('Đóng góp vào M0 (%)', 'percent'),
        ],
        rows: dto.indicators.map((i) => [
          i.name,
          i.dimension,
          dto.weights[i.code] ?? 1,
          (dto.censoredHeadcount[i.code] ?? 0) * 100,
          dto.contribution[i.code] ?? 0,
        ]),
      },
    },
    { name: 'Theo đơn vị', table: { title: 'Phân tách theo đơn vị', columns: groupColumns, rows: groupRows(dto.decomposition.units) } },
    {
      name: 'Theo dân tộc, khu vực',
      table: {
        title: 'Phân tách theo dân tộc và khu vực',
        columns: groupColumns,
        rows: [...groupRows(dto.decomposition.ethnicMinority), ...groupRows(dto.decomposition.area)],
      },
    },
  ]);
}

export function compareXlsx(dto: CompareResponse): Promise<XlsxFile> {
  const title = `So sánh năm ${dto.yearA} và năm ${dto.yearB} — ${dto.unitName}`;
  return file(title, [
    {
      name: 'So sánh',
      table: {
        title,
        note: dto.note ?? `Trên địa giới ngày ${formatDate(dto.basisDate)}`,
        columns: [
          col('Mã', 'text'),
          col('Đơn vị', 'text'),
          col(`Số hộ ${dto.yearA}`, 'decimal', 0),
          col(`Số hộ ${dto.yearB}`, 'decimal', 0),
          col(`Hộ nghèo ${dto.yearA}`, 'decimal', 0),
          col(`Hộ nghèo ${dto.yearB}`, 'decimal', 0),
          col(`Tỷ lệ ${dto.yearA}`, 'percent'),
          col(`Tỷ lệ ${dto.yearB}`, 'percent'),
          col('Chênh lệch (điểm)', 'decimal'),
          col(`Cận nghèo ${dto.yearA}`, 'percent'),
          col(`Cận nghèo ${dto.yearB}`, 'percent'),
          col('Ghi chú', 'text'),
        ],
        rows: dto.rows.map((r) => [
          r.code,
          r.name,
          r.a.total,
          r.b.total,
          r.a.poor,
          r.b.poor,
          r.a.poorRate,
          r.b.poorRate,
          r.change.poorRate,
          r.a.nearPoorRate,
          r.b.nearPoorRate,
          r.note ?? '',
        ]),
      },
    },
  ]);
}

export function publicCommunesXlsx(dto: PublicCommunesResponse): Promise<XlsxFile> {
  const title = `Tỷ lệ hộ nghèo, cận nghèo các xã năm ${dto.year}`;
  return file(title, [
    {
      name: `Năm ${dto.year}`,
      table: {
        title,
        note: dto.isDemo ? DEMO_NOTE : `Ô có dưới ${dto.minHouseholds} hộ không được công bố`,
        columns: [
          col('Mã', 'text'),
          col('Xã, phường, thị trấn', 'text'),
          col('Huyện', 'text'),
          col('Tổng số hộ', 'integer'),
          col('Hộ nghèo', 'integer'),
          col('Tỷ lệ hộ nghèo', 'percent'),
          col('Hộ cận nghèo', 'integer'),
          col('Tỷ lệ hộ cận nghèo', 'percent'),
          ...dto.years.map((year) => col(`Tỷ lệ ${year}`, 'percent')),
        ],
        rows: dto.communes.map((c) => [
          c.code,
          c.name,
          c.districtName ?? '',
          c.households,
          c.poor,
          c.poorRate,
          c.nearPoor,
          c.nearPoorRate,
          ...dto.years.map((year) => c.trend.find((t) => t.year === year)?.poorRate ?? null),
        ]),
        totalRow: ['', dto.province.name, '', dto.province.households, dto.province.poor, dto.province.poorRate, dto.province.nearPoor, dto.province.nearPoorRate, ...dto.years.map(() => null)],
      },
    },
  ]);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function formatRatio(value: number): string {
  return formatNumber(value, 4);
}
