// Biên bản (BB) of a meeting — e.g. the council (Hội đồng Thi đua - Khen thưởng) of a proposing level,
// part of an award dossier (DOMAIN.md §9). Layout after Nghị định 30/2020, Phụ lục III, mẫu biên bản:
// time, place, attendance, chair and secretary, proceedings, vote results, conclusions, closing time;
// the secretary signs on the left and the chair on the right.

import { formatOfficialDateLine } from '../../shared/vi-format.ts';
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

export interface MeetingPerson {
  readonly name: string;
  /** Chức vụ, e.g. "Phó Chủ tịch UBND huyện, Phó Chủ tịch Hội đồng". */
  readonly position: string;
}

export interface VoteItem {
  /** What was voted on, e.g. the nominee "Hộ ông Hoàng Văn Bình, thôn Nà Pàn". */
  readonly subject: string;
  readonly agree: number;
  readonly disagree: number;
  readonly abstain?: number;
}

export interface VoteResults {
  /** The denominator of the approval rate — the council's membership, as the award rules count it. */
  readonly membersTotal: number;
  readonly membersPresent: number;
  readonly items: readonly VoteItem[];
}

export interface BienBanInput extends Omit<DocumentParticulars, 'signature' | 'recipients'> {
  /** E.g. "Họp Hội đồng Thi đua - Khen thưởng huyện Cao Lộc xét đề nghị khen thưởng". */
  readonly summary: string;
  /** Local wall-clock times of the meeting, "yyyy-MM-ddTHH:mm". */
  readonly startedAt: string;
  readonly endedAt: string;
  readonly venue: string;
  readonly chair: MeetingPerson;
  readonly secretary: MeetingPerson;
  readonly attendees: readonly MeetingPerson[];
  readonly absentees?: readonly MeetingPerson[];
  /** Diễn biến cuộc họp. */
  readonly proceedings: readonly Block[];
  readonly votes?: VoteResults;
  readonly conclusions: readonly string[];
  readonly recipients?: readonly string[];
}

function parseMoment(value: string): { date: string; hour: string; minute: string } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/u.exec(value);
  if (!match) throw new Error(`Thời gian "${value}" không đúng dạng yyyy-MM-ddTHH:mm.`);
  return { date: match[1] ?? '', hour: match[2] ?? '', minute: match[3] ?? '' };
}

/** "ngày 05 tháng 01 năm 2018" — the official date line without its place. */
function officialDate(isoDate: string): string {
  return formatOfficialDateLine('', isoDate).replace(/^, /u, '');
}

/** "08 giờ 00 phút, ngày 05 tháng 01 năm 2018". */
export function meetingTime(value: string): string {
  const m = parseMoment(value);
  return `${m.hour} giờ ${m.minute} phút, ${officialDate(m.date)}`;
}

export function voteTable(votes: VoteResults): TableSpec {
  const rate = (count: number): number => (votes.membersTotal > 0 ? (count * 100) / votes.membersTotal : 0);
  return {
    title: 'Kết quả biểu quyết',
    columns: [
      { header: 'TT', kind: 'integer', width: 0.6, align: 'center' },
      { header: 'Nội dung biểu quyết', kind: 'text', width: 4 },
      { header: 'Đồng ý', kind: 'integer', width: 1.1 },
      { header: 'Tỷ lệ đồng ý', kind: 'percent', width: 1.4 },
      { header: 'Không đồng ý', kind: 'integer', width: 1.3 },
      { header: 'Không biểu quyết', kind: 'integer', width: 1.4 },
    ],
    rows: votes.items.map((v, i) => [i + 1, v.subject, v.agree, rate(v.agree), v.disagree, v.abstain ?? 0]),
  };
}

const personLine = (p: MeetingPerson): string => `Ông (bà) ${p.name} - ${p.position}`;

export function bienBanSpec(input: BienBanInput): OfficialDocumentSpec {
  const start = parseMoment(input.startedAt);
  const end = parseMoment(input.endedAt);
  const sameDay = start.date === end.date;
  const sections: { heading: string; blocks: Block[] }[] = [
    {
      heading: 'THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN',
      blocks: [
        { kind: 'paragraph', text: `Thời gian bắt đầu: ${meetingTime(input.startedAt)}.` },
        { kind: 'paragraph', text: `Địa điểm: ${input.venue}.` },
        { kind: 'paragraph', text: `Chủ trì: ${personLine(input.chair)}.` },
        { kind: 'paragraph', text: `Thư ký: ${personLine(input.secretary)}.` },
        { kind: 'paragraph', text: `Thành phần tham dự: ${input.attendees.length} người, gồm:` },
        { kind: 'bullet', items: punctuateList(input.attendees.map(personLine), '.') },
        ...(input.absentees && input.absentees.length > 0
          ? ([
              { kind: 'paragraph', text: `Vắng mặt: ${input.absentees.length} người, gồm:` },
              { kind: 'bullet', items: punctuateList(input.absentees.map(personLine), '.') },
            ] as const)
          : []),
      ],
    },
    { heading: 'NỘI DUNG CUỘC HỌP', blocks: [...input.proceedings] },
  ];
  if (input.votes) {
    sections.push({
      heading: 'KẾT QUẢ BIỂU QUYẾT',
      blocks: [
        {
          kind: 'paragraph',
          text: `Tổng số thành viên: ${input.votes.membersTotal}; số thành viên có mặt biểu quyết: ${input.votes.membersPresent}.`,
        },
        { kind: 'table', table: voteTable(input.votes) },
      ],
    });
  }
  sections.push({
    heading: 'KẾT LUẬN',
    blocks: [{ kind: 'bullet', items: punctuateList(input.conclusions, '.') }],
  });
  const closing = `Cuộc họp kết thúc vào ${end.hour} giờ ${end.minute} phút${sameDay ? ' cùng ngày' : `, ${officialDate(end.date)}`}; biên bản đã được đọc lại cho các thành viên dự họp cùng nghe, thống nhất và ký tên./.`;
  return {
    ...particularsOf({
      ...input,
      signature: { authority: ['CHỦ TỌA'], name: input.chair.name },
      recipients: input.recipients ?? [],
    }),
    coSignature: { authority: ['THƯ KÝ'], name: input.secretary.name },
    docType: 'BIÊN BẢN',
    summary: input.summary,
    body: [
      ...sections.flatMap((s, i): Block[] => [
        { kind: 'heading', level: 1, text: `${romanNumeral(i + 1)}. ${s.heading}` },
        ...s.blocks,
      ]),
      { kind: 'paragraph', text: closing },
    ],
  };
}

export function buildBienBan(input: BienBanInput): Promise<Buffer> {
  return buildOfficialDocx(bienBanSpec(input));
}
