// Document generation for reports and awards: official DOCX (Nghị định 30/2020), XLSX tables and PDFs.

export type {
  Attachment,
  Block,
  DocType,
  DocumentParticulars,
  Inline,
  OfficialDocumentSpec,
  Signer,
  StyledText,
  TextContent,
} from './document-spec.ts';
export { tablesOf } from './document-spec.ts';
export type { CellValue, ColumnKind, ColumnSpec, TableSpec } from './table-spec.ts';
export { formatCell } from './table-spec.ts';
export { buildOfficialDocx } from './official-docx.ts';
export {
  baoCaoSpec,
  buildBaoCao,
  type BaoCaoInput,
  type ReportSection,
  type ReportSubsection,
} from './builders/bao-cao.ts';
export {
  buildKeHoach,
  keHoachSpec,
  taskTable,
  type KeHoachInput,
  type PlanTask,
  type UnitDuties,
} from './builders/ke-hoach.ts';
export {
  bienBanSpec,
  buildBienBan,
  voteTable,
  type BienBanInput,
  type MeetingPerson,
  type VoteItem,
  type VoteResults,
} from './builders/bien-ban.ts';
export { buildToTrinh, toTrinhSpec, type AttachedList, type ToTrinhInput } from './builders/to-trinh.ts';
export { buildQuyetDinh, quyetDinhSpec, type QuyetDinhInput } from './builders/quyet-dinh.ts';
export { awardeeListTable, type Awardee } from './builders/awardee-list.ts';
export { buildXlsx, escapeFormulaText, writeXlsx, type XlsxSheet } from './xlsx-export.ts';
export { renderCertificatePdf, renderReportPdf, type CertificateSpec } from './pdf.ts';
