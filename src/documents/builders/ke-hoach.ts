// Kế hoạch (KH) of a campaign: purposes and requirements, the tasks with who leads them and when,
// funding, and the duties of each unit — the shape of Kế hoạch 165/KH-UBND itself.

import {
  particularsOf,
  punctuateList,
  type Block,
  type DocumentParticulars,
  type OfficialDocumentSpec,
} from '../document-spec.ts';
import { buildOfficialDocx } from '../official-docx.ts';
import type { TableSpec } from '../table-spec.ts';
import { romanNumeral } from './numbering.ts';

export interface PlanTask {
  readonly content: string;
  /** Đơn vị chủ trì. */
  readonly lead: string;
  /** Đơn vị phối hợp. */
  readonly partners?: string;
  /** Thời gian thực hiện, e.g. "Quý II/2018" or "Hằng năm". */
  readonly timeframe: string;
}

export interface UnitDuties {
  readonly unit: string;
  readonly duties: readonly string[];
}

export interface KeHoachInput extends DocumentParticulars {
  readonly summary: string;
  /** Căn cứ ban hành; the builder adds the closing "… ban hành Kế hoạch … như sau:" sentence if given. */
  readonly basis: readonly string[];
  readonly enactingClause?: string;
  readonly purposes: readonly string[];
  readonly requirements: readonly string[];
  readonly tasks: readonly PlanTask[];
  readonly funding?: readonly string[];
  readonly duties: readonly UnitDuties[];
}

export function taskTable(tasks: readonly PlanTask[]): TableSpec {
  return {
    title: 'Nhiệm vụ cụ thể',
    columns: [
      { header: 'TT', kind: 'integer', width: 0.6, align: 'center' },
      { header: 'Nội dung nhiệm vụ', kind: 'text', width: 4 },
      { header: 'Đơn vị chủ trì', kind: 'text', width: 2 },
      { header: 'Đơn vị phối hợp', kind: 'text', width: 2 },
      { header: 'Thời gian thực hiện', kind: 'text', width: 1.6, align: 'center' },
    ],
    rows: tasks.map((t, i) => [i + 1, t.content, t.lead, t.partners ?? '', t.timeframe]),
  };
}

export function keHoachSpec(input: KeHoachInput): OfficialDocumentSpec {
  const dashes = (items: readonly string[]): Block => ({ kind: 'bullet', items: punctuateList(items, '.') });
  const parts: { heading: string; blocks: Block[] }[] = [
    {
      heading: 'MỤC ĐÍCH, YÊU CẦU',
      blocks: [
        { kind: 'heading', level: 2, text: '1. Mục đích' },
        dashes(input.purposes),
        { kind: 'heading', level: 2, text: '2. Yêu cầu' },
        dashes(input.requirements),
      ],
    },
    { heading: 'NỘI DUNG, NHIỆM VỤ', blocks: [{ kind: 'table', table: taskTable(input.tasks) }] },
  ];
  if (input.funding && input.funding.length > 0) {
    parts.push({
      heading: 'KINH PHÍ THỰC HIỆN',
      blocks: input.funding.map((text) => ({ kind: 'paragraph', text })),
    });
  }
  parts.push({
    heading: 'TỔ CHỨC THỰC HIỆN',
    blocks: input.duties.flatMap((d, i): Block[] => [
      { kind: 'heading', level: 2, text: `${i + 1}. ${d.unit}` },
      dashes(d.duties),
    ]),
  });
  const basis = punctuateList(input.basis, input.enactingClause ? ';' : '.');
  const body: Block[] = [
    ...basis.map((text): Block => ({ kind: 'paragraph', text, italic: true })),
    ...(input.enactingClause ? [{ kind: 'paragraph', text: input.enactingClause } as const] : []),
    ...parts.flatMap((p, i): Block[] => [
      { kind: 'heading', level: 1, text: `${romanNumeral(i + 1)}. ${p.heading}` },
      ...p.blocks,
    ]),
  ];
  return { ...particularsOf(input), docType: 'KẾ HOẠCH', summary: input.summary, body };
}

export function buildKeHoach(input: KeHoachInput): Promise<Buffer> {
  return buildOfficialDocx(keHoachSpec(input));
}
