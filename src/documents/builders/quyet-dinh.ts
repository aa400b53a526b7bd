// Quyết định (QĐ) khen thưởng: the authority that decides, the legal bases in italics, "QUYẾT ĐỊNH:",
// then Điều 1, 2, 3, … and the attached list of awardees (DOMAIN.md §9: "quyết định khen thưởng:
// number, date, signer, list"). Layout after Nghị định 30/2020, Phụ lục III, mẫu quyết định.

import { formatDate } from '../../shared/vi-format.ts';
import {
  particularsOf,
  punctuateList,
  type Block,
  type DocumentParticulars,
  type OfficialDocumentSpec,
} from '../document-spec.ts';
import { buildOfficialDocx } from '../official-docx.ts';
import { awardeeListTable, type Awardee } from './awardee-list.ts';

export interface QuyetDinhInput extends DocumentParticulars {
  /** E.g. "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh". */
  readonly summary: string;
  /** Thẩm quyền ban hành, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn" (printed in capitals). */
  readonly authority: string;
  /** Căn cứ ban hành, one per line ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003"). */
  readonly basis: readonly string[];
  /** "Xét đề nghị của …" / "Theo đề nghị của …". */
  readonly proposal?: string;
  /** Điều 1, Điều 2, … in order; at least the award itself, usually also the bonus and the execution. */
  readonly articles: readonly [string, ...string[]];
  readonly awardees: { readonly title: string; readonly list: readonly Awardee[] };
}

export function quyetDinhSpec(input: QuyetDinhInput): OfficialDocumentSpec {
  const grounds = punctuateList([...input.basis, ...(input.proposal ? [input.proposal] : [])], '.');
  const body: Block[] = [
    { kind: 'paragraph', text: input.authority.toLocaleUpperCase('vi'), bold: true, align: 'center' },
    ...grounds.map((text): Block => ({ kind: 'paragraph', text, italic: true })),
    { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center' },
    ...input.articles.map((raw, i): Block => {
      // The body of a document closes with "./." (Nghị định 30/2020, Phụ lục I).
      const text =
        i === input.articles.length - 1 ? `${raw.trim().replace(/[.;]*(\/\.)?$/u, '')}./.` : raw.trim();
      return { kind: 'paragraph', text: [{ text: `Điều ${i + 1}. `, bold: true }, text] };
    }),
  ];
  return {
    ...particularsOf(input),
    docType: 'QUYẾT ĐỊNH',
    summary: input.summary,
    body,
    attachments: [
      {
        title: input.awardees.title,
        // Phụ lục of a decision names its signer's authority: "(Kèm theo Quyết định số … ngày … của Chủ tịch …)".
        caption: `(Kèm theo Quyết định số ${input.number} ngày ${formatDate(input.date)} của ${input.authority})`,
        blocks: [{ kind: 'table', table: awardeeListTable(input.awardees.list) }],
      },
    ],
  };
}

export function buildQuyetDinh(input: QuyetDinhInput): Promise<Buffer> {
  return buildOfficialDocx(quyetDinhSpec(input));
}
