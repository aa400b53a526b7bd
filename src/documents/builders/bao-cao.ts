// Báo cáo (BC): numbered sections "I. …", "II. …" with optional sub-sections "1. …", "2. …".
// Used for the consolidated report of the movement (Kế hoạch 165/KH-UBND, mục V: báo cáo định kỳ).

import {
  particularsOf,
  type Attachment,
  type Block,
  type DocumentParticulars,
  type OfficialDocumentSpec,
} from '../document-spec.ts';
import { buildOfficialDocx } from '../official-docx.ts';
import { romanNumeral } from './numbering.ts';

export interface ReportSubsection {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface ReportSection {
  /** E.g. "Kết quả thực hiện" — printed "I. KẾT QUẢ THỰC HIỆN". */
  readonly heading: string;
  readonly blocks: readonly Block[];
  readonly subsections?: readonly ReportSubsection[];
}

export interface BaoCaoInput extends DocumentParticulars {
  /** Trích yếu, e.g. "Sơ kết giữa kỳ phong trào thi đua … giai đoạn 2016 - 2018". */
  readonly summary: string;
  /** Opening paragraphs before the first section ("Thực hiện Kế hoạch số 165/KH-UBND …"). */
  readonly intro?: readonly string[];
  readonly sections: readonly ReportSection[];
  readonly attachments?: readonly Attachment[];
}

export function baoCaoSpec(input: BaoCaoInput): OfficialDocumentSpec {
  const body: Block[] = (input.intro ?? []).map((text) => ({ kind: 'paragraph', text }));
  input.sections.forEach((section, index) => {
    body.push({
      kind: 'heading',
      level: 1,
      text: `${romanNumeral(index + 1)}. ${section.heading.toLocaleUpperCase('vi')}`,
    });
    body.push(...section.blocks);
    (section.subsections ?? []).forEach((sub, subIndex) => {
      body.push({ kind: 'heading', level: 2, text: `${subIndex + 1}. ${sub.heading}` }, ...sub.blocks);
    });
  });
  return {
    ...particularsOf(input),
    docType: 'BÁO CÁO',
    summary: input.summary,
    body,
    attachments: input.attachments ?? [],
  };
}

export function buildBaoCao(input: BaoCaoInput): Promise<Buffer> {
  return buildOfficialDocx(baoCaoSpec(input));
}
