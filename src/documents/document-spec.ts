// The typed description of an official document (văn bản hành chính, Nghị định 30/2020/NĐ-CP).
// It is plain data, so a report service can build it, store it, preview it and render it as
// DOCX (official-docx.ts) or as a published PDF (pdf-report.ts) from the same value.

import { formatDate } from '../shared/vi-format.ts';
import type { TableSpec } from './table-spec.ts';

/** Tên loại văn bản, printed in capitals (Phụ lục III of the decree gives the abbreviations). */
export type DocType =
  | 'BÁO CÁO'
  | 'KẾ HOẠCH'
  | 'TỜ TRÌNH'
  | 'BIÊN BẢN'
  | 'QUYẾT ĐỊNH'
  | 'THÔNG BÁO'
  | 'HƯỚNG DẪN'
  | 'CHƯƠNG TRÌNH'
  | 'PHƯƠNG ÁN'
  | 'ĐỀ ÁN';

/** A piece of text with its own emphasis, e.g. the bold "Điều 1." at the head of an article. */
export interface StyledText {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export type Inline = string | StyledText;

/** Plain text, or a sequence of styled pieces forming one paragraph. */
export type TextContent = string | readonly Inline[];

export type Block =
  /** Level 1 "I. KẾT QUẢ …" and level 2 "1. Công tác …" are bold, level 3 "a) …" bold italic. */
  | { readonly kind: 'heading'; readonly text: string; readonly level?: 1 | 2 | 3 }
  /** A body paragraph: justified with a first-line indent unless told otherwise. */
  | {
      readonly kind: 'paragraph';
      readonly text: TextContent;
      readonly align?: 'justify' | 'center' | 'left' | 'right';
      readonly bold?: boolean;
      readonly italic?: boolean;
      /** First-line indent of 1,27 cm; true when not given. */
      readonly indent?: boolean;
    }
  /** Items led by a dash, as officials write lists ("- Nội dung …"). */
  | { readonly kind: 'bullet'; readonly items: readonly TextContent[] }
  | { readonly kind: 'table'; readonly table: TableSpec }
  | { readonly kind: 'pageBreak' };

/** Quyền hạn và chức vụ của người ký, e.g. ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], then the name. */
export interface Signer {
  readonly authority: readonly string[];
  readonly name: string;
}

/** A list or table sent with the document (phụ lục, danh sách kèm theo), starting on a new page. */
export interface Attachment {
  /** E.g. "DANH SÁCH HỘ GIA ĐÌNH ĐỀ NGHỊ TẶNG BẰNG KHEN". */
  readonly title: string;
  /** The italic line under the title; "(Kèm theo Tờ trình số … ngày …)" when not given. */
  readonly caption?: string;
  readonly blocks: readonly Block[];
}

export interface OfficialDocumentSpec {
  /** Tên cơ quan chủ quản, e.g. "UBND TỈNH LẠNG SƠN"; a "\n" breaks the line. */
  readonly parentBody?: string;
  /** Tên cơ quan ban hành, e.g. "BAN CHỈ ĐẠO\nGIẢM NGHÈO TỈNH"; a "\n" breaks the line. */
  readonly issuingBody: string;
  /** Số và ký hiệu, e.g. "123/BC-UBND" (printed as "Số: 123/BC-UBND"). */
  readonly number: string;
  /** Địa danh, e.g. "Lạng Sơn". */
  readonly place: string;
  /** Ngày ban hành, yyyy-MM-dd. */
  readonly date: string;
  readonly docType: DocType;
  /** Trích yếu nội dung, e.g. "Kết quả thực hiện phong trào thi đua … năm 2018". */
  readonly summary: string;
  /** "Kính gửi: …" under the summary, as tờ trình and công văn have. */
  readonly addressees?: readonly string[];
  readonly body: readonly Block[];
  readonly signature: Signer;
  /** A second signer on the left, as in a biên bản (thư ký on the left, chủ trì on the right). */
  readonly coSignature?: Signer;
  /** Nơi nhận, e.g. ["Như trên", "Lưu: VT"]; dashes and the closing punctuation are added. */
  readonly recipients: readonly string[];
  readonly attachments?: readonly Attachment[];
}

/** "TỜ TRÌNH" → "Tờ trình", for captions such as "(Kèm theo Tờ trình số …)". */
export function docTypeInSentence(docType: DocType): string {
  const lower = docType.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Recipients as the decree prints them: "- Như trên;" … "- Lưu: VT." */
export function recipientLines(recipients: readonly string[]): string[] {
  return punctuateList(
    recipients.map((raw) => raw.trim().replace(/^-\s*/u, '')),
    '.',
  ).map((text) => `- ${text}`);
}

/** Lines of a multi-line header field ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"), in capitals as the decree requires. */
export function headerLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().toLocaleUpperCase('vi'))
    .filter((line) => line.length > 0);
}

export function plainText(content: TextContent): string {
  if (typeof content === 'string') return content;
  return content.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/** The ISO date of a document must be a real calendar date; a typo here would print a wrong date on a signed paper. */
export function assertIsoDate(value: string, field: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const valid =
    match !== null &&
    (() => {
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    })();
  if (!valid) throw new Error(`${field} "${value}" không phải ngày hợp lệ dạng yyyy-MM-dd.`);
}

/** The default caption of an attachment: "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/01/2018)". */
export function attachmentCaption(spec: OfficialDocumentSpec): string {
  return `(Kèm theo ${docTypeInSentence(spec.docType)} số ${spec.number} ngày ${formatDate(spec.date)})`;
}

/** What every ready-made builder takes besides its own content: who issues, the number, place, date, signer and recipients. */
export type DocumentParticulars = Pick<
  OfficialDocumentSpec,
  'parentBody' | 'issuingBody' | 'number' | 'place' | 'date' | 'signature' | 'recipients'
>;

/** Every table of a document, body first then attachments — what "XLSX of every report table" exports. */
export function tablesOf(spec: OfficialDocumentSpec): TableSpec[] {
  const blocks = [...spec.body, ...(spec.attachments ?? []).flatMap((a) => a.blocks)];
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/**
 * Lines of a list written as one sentence, as the decree punctuates căn cứ and nơi nhận: every line
 * ends with ";" and the last with the given mark.
 */
export function punctuateList(lines: readonly string[], lastMark: '.' | ';' | ':'): string[] {
  return lines.map((raw, index) => {
    const text = raw.trim().replace(/[;.,:]+$/u, '');
    return `${text}${index === lines.length - 1 ? lastMark : ';'}`;
  });
}

/** Only the particulars of a builder's input, so a stored spec carries no builder-specific fields. */
export function particularsOf(input: DocumentParticulars): DocumentParticulars {
  return {
    parentBody: input.parentBody,
    issuingBody: input.issuingBody,
    number: input.number,
    place: input.place,
    date: input.date,
    signature: input.signature,
    recipients: input.recipients,
  };
}
