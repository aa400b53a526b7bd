// Tờ trình (TTr) with an attached list — e.g. the submission of an award nomination batch to the
// level above, the first paper of the dossier (DOMAIN.md §9: "Tờ trình (submission letter with the list)").

import {
  particularsOf,
  punctuateList,
  type Block,
  type DocumentParticulars,
  type OfficialDocumentSpec,
} from '../document-spec.ts';
import { buildOfficialDocx } from '../official-docx.ts';
import type { TableSpec } from '../table-spec.ts';

export interface AttachedList {
  /** E.g. "Danh sách đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh". */
  readonly title: string;
  readonly table: TableSpec;
  /** Replaces the default "(Kèm theo Tờ trình số … ngày …)". */
  readonly caption?: string;
}

export interface ToTrinhInput extends DocumentParticulars {
  /** E.g. "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh". */
  readonly summary: string;
  /** Kính gửi, e.g. "Ủy ban nhân dân tỉnh Lạng Sơn". */
  readonly addressee: string;
  /** Căn cứ, one line each. */
  readonly basis: readonly string[];
  /** The case for the proposal: achievements, figures, the council's vote. */
  readonly content: readonly Block[];
  /** The request itself, e.g. "… đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 02 tập thể, 03 hộ gia đình (có danh sách kèm theo)". */
  readonly proposal: string;
  readonly list: AttachedList;
}

export function toTrinhSpec(input: ToTrinhInput): OfficialDocumentSpec {
  const proposal = input.proposal.trim().replace(/[.;]+$/u, '');
  const body: Block[] = [
    ...punctuateList(input.basis, '.').map((text): Block => ({ kind: 'paragraph', text })),
    ...input.content,
    { kind: 'paragraph', text: `${proposal}.` },
    { kind: 'paragraph', text: `Kính trình ${input.addressee} xem xét, quyết định./.` },
  ];
  return {
    ...particularsOf(input),
    docType: 'TỜ TRÌNH',
    summary: input.summary,
    addressees: [input.addressee],
    body,
    attachments: [
      {
        title: input.list.title,
        ...(input.list.caption ? { caption: input.list.caption } : {}),
        blocks: [{ kind: 'table', table: input.list.table }],
      },
    ],
  };
}

export function buildToTrinh(input: ToTrinhInput): Promise<Buffer> {
  return buildOfficialDocx(toTrinhSpec(input));
}
