// The dossier and decision papers of a nomination batch, in the Nghị định 30/2020 layout (DOMAIN.md §9, §10): the tờ
// trình with the list, each nominee's báo cáo thành tích, the biên bản of the proposing level's council and of the
// provincial council with the votes, the quyết định with the list of awardees; and each awardee's certificate (PDF)
// with the name in full diacritics.

import {
  awardeeListTable,
  buildBaoCao,
  buildBienBan,
  buildQuyetDinh,
  buildToTrinh,
  renderCertificatePdf,
  type Awardee,
  type Block,
  type VoteResults,
} from '../../../documents/index.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { grantingAuthorityLabels, type AwardForm } from '../../../domain/awards/award-forms.ts';
import type { MeetingDto } from '../../../shared/schemas/awards.schema.ts';
import type { Clock } from '../../../shared/clock.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { AppError } from '../../errors.ts';
import { documentFile, type DocumentFile } from '../reports/reports.documents.ts';
import type { BatchRow, NomineeRow } from './awards.repository.ts';
import type { AwardsService } from './awards.service.ts';
import { meetingOf } from './awards.views.ts';

const PLACE = 'Lạng Sơn';

/** The authority line of a decision ("Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"). */
function authorityOf(form: AwardForm, batch: BatchRow): string {
  switch (form.authority) {
    case 'provincial_chairman':
      return 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn';
    case 'prime_minister':
      return 'Thủ tướng Chính phủ';
    case 'president':
      return 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam';
    case 'district_chairman':
    case 'commune_chairman':
      return `Chủ tịch Ủy ban nhân dân ${batch.reviewerName.charAt(0).toLocaleLowerCase('vi')}${batch.reviewerName.slice(1)}`;
    case 'department_head':
    case 'enterprise_director':
      return `${grantingAuthorityLabels[form.authority]} ${batch.reviewerName}`;
  }
}

/** Who issues the decision: the State's authorities, the provincial or local committee, or the organisation. */
function decisionIssuer(form: AwardForm, batch: BatchRow): string {
  switch (form.authority) {
    case 'president':
      return 'CHỦ TỊCH NƯỚC';
    case 'prime_minister':
      return 'THỦ TƯỚNG CHÍNH PHỦ';
    case 'provincial_chairman':
      return 'ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN';
    case 'district_chairman':
    case 'commune_chairman':
      return `ỦY BAN NHÂN DÂN\n${batch.reviewerName}`;
    case 'department_head':
    case 'enterprise_director':
      return batch.reviewerName;
  }
}

/** "ỦY BAN NHÂN DÂN\nHUYỆN LỘC BÌNH", or the organisation's name under the provincial committee. */
function issuerOf(batch: BatchRow): { parentBody?: string; issuingBody: string } {
  if (batch.proposerOrganisationId) return { parentBody: 'UBND TỈNH LẠNG SƠN', issuingBody: batch.proposerName };
  return { issuingBody: `ỦY BAN NHÂN DÂN\n${batch.proposerName}` };
}

const awardeesOf = (nominees: readonly NomineeRow[]): Awardee[] => nominees.map((n) => ({ name: n.name, description: n.description }));

function votesOf(meeting: MeetingDto, nominees: readonly NomineeRow[]): VoteResults {
  return {
    membersTotal: meeting.membersTotal,
    membersPresent: meeting.attendees.length,
    items: nominees.flatMap((n) => {
      const v = meeting.votes.find((x) => x.nomineeId === n.id);
      return v ? [{ subject: n.name, agree: v.agree, disagree: v.disagree, abstain: v.abstain }] : [];
    }),
  };
}

function minutes(meeting: MeetingDto, nominees: readonly NomineeRow[], o: { issuing: { parentBody?: string; issuingBody: string }; number: string; summary: string; proceedings: Block[]; conclusions: string[] }) {
  const others = meeting.attendees.filter((a) => a !== meeting.chair.name && a !== meeting.secretary.name);
  return buildBienBan({
    ...o.issuing,
    number: o.number,
    place: PLACE,
    date: meeting.heldOn,
    summary: o.summary,
    startedAt: `${meeting.heldOn}T${meeting.startTime}`,
    endedAt: `${meeting.heldOn}T${meeting.endTime}`,
    venue: meeting.venue,
    chair: meeting.chair,
    secretary: meeting.secretary,
    attendees: [meeting.chair, meeting.secretary, ...others.map((name) => ({ name, position: 'Thành viên Hội đồng' }))],
    proceedings: o.proceedings,
    votes: votesOf(meeting, nominees),
    conclusions: o.conclusions,
  });
}

export function createAwardDocuments(deps: { clock: Clock }, service: AwardsService) {
  return {
    async toTrinhDocx(principal: Principal, id: string): Promise<DocumentFile> {
      const ctx = await service.documentContext(principal, id);
      const { batch, form, nominees } = ctx;
      const t = batch.toTrinh as { number: string; date: string; signerName: string; signerAuthority: string[]; addressee: string; content: string } | null;
      if (!t) throw new AppError('awards.invalid', 'Chưa nhập số, ngày và người ký của tờ trình.');
      const meeting = meetingOf(batch.proposerMeeting);
      const content: Block[] = t.content
        .split(/\n+/u)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((text) => ({ kind: 'paragraph', text }));
      if (meeting) {
        content.push({ kind: 'paragraph', text: `Ngày ${formatDate(meeting.heldOn)}, Hội đồng Thi đua - Khen thưởng ${batch.proposerName} đã họp xét, biểu quyết đề nghị khen thưởng (${meeting.attendees.length}/${meeting.membersTotal} thành viên có mặt).` });
      }
      const counts = ['collective', 'individual', 'household'].map((k) => [k, nominees.filter((n) => n.kind === k).length] as const).filter(([, c]) => c > 0);
      const nouns: Record<string, string> = { collective: 'tập thể', individual: 'cá nhân', household: 'hộ gia đình' };
      const buffer = await buildToTrinh({
        ...issuerOf(batch),
        number: t.number,
        place: PLACE,
        date: t.date,
        signature: { authority: t.signerAuthority, name: t.signerName },
        recipients: ['Như trên', 'Lưu: VT'],
        summary: `Về việc đề nghị tặng ${form.name}`,
        addressee: t.addressee,
        basis: ['Căn cứ Luật Thi đua, Khen thưởng', `Căn cứ ${ctx.round.campaign.legalBasis}`, `Căn cứ kết quả ${ctx.round.round.name} ${ctx.round.campaign.name}`],
        content,
        proposal: `${batch.proposerName} đề nghị ${grantingAuthorityLabels[form.authority]} xem xét tặng ${form.name} cho ${counts.map(([k, c]) => `${String(c).padStart(2, '0')} ${nouns[k]}`).join(', ')} (có danh sách kèm theo)`,
        list: { title: `DANH SÁCH ĐỀ NGHỊ TẶNG ${form.name.toLocaleUpperCase('vi')}`, table: awardeeListTable(awardeesOf(nominees)) },
      });
      return documentFile(buffer, `Tờ trình - ${batch.title}`, 'docx');
    },

    async achievementReportDocx(principal: Principal, nomineeId: string): Promise<DocumentFile> {
      const { batch, form, nominee, round } = await service.nomineeContext(principal, nomineeId);
      const t = batch.toTrinh as { number: string; date: string; signerName: string; signerAuthority: string[] } | null;
      const paragraphs = nominee.achievementReport
        .split(/\n+/u)
        .map((s) => s.trim())
        .filter(Boolean);
      const buffer = await buildBaoCao({
        ...issuerOf(batch),
        number: t ? t.number.replace(/TTr/u, 'BC') : '…/BC',
        place: PLACE,
        date: t?.date ?? deps.clock.today(),
        summary: `Thành tích của ${nominee.name} đề nghị tặng ${form.name}`,
        intro: [`${nominee.name} - ${nominee.description}.`],
        sections: [
          { heading: 'Thành tích đạt được', blocks: paragraphs.map((text): Block => ({ kind: 'paragraph', text })) },
          { heading: 'Hình thức đề nghị', blocks: [{ kind: 'paragraph', text: `Đề nghị tặng ${form.name} (${round.round.name}).` }] },
        ],
        signature: { authority: t?.signerAuthority ?? ['CHỦ TỊCH'], name: t?.signerName ?? '' },
        recipients: ['Hội đồng Thi đua - Khen thưởng', 'Lưu: VT'],
      });
      return documentFile(buffer, `Báo cáo thành tích - ${nominee.name}`, 'docx');
    },

    async proposerMinutesDocx(principal: Principal, id: string): Promise<DocumentFile> {
      const { batch, form, nominees } = await service.documentContext(principal, id);
      const meeting = meetingOf(batch.proposerMeeting);
      if (!meeting) throw new AppError('awards.invalid', 'Chưa nhập biên bản họp Hội đồng Thi đua - Khen thưởng của cấp trình.');
      const buffer = await minutes(meeting, nominees, {
        issuing: issuerOf(batch),
        number: `${(batch.toTrinh as { number?: string } | null)?.number?.replace(/TTr/u, 'BB') ?? '…/BB'}`,
        summary: `Họp Hội đồng Thi đua - Khen thưởng ${batch.proposerName} xét đề nghị tặng ${form.name}`,
        proceedings: [{ kind: 'paragraph', text: `Hội đồng xem xét thành tích của ${nominees.length} đối tượng đề nghị tặng ${form.name} trong ${batch.title.toLocaleLowerCase('vi')}.` }],
        conclusions: [`Đề nghị tặng ${form.name} cho các đối tượng có tên trong danh sách kèm theo tờ trình`],
      });
      return documentFile(buffer, `Biên bản họp Hội đồng - ${batch.proposerName}`, 'docx');
    },

    async councilMinutesDocx(principal: Principal, id: string): Promise<DocumentFile> {
      const { batch, form, nominees } = await service.documentContext(principal, id);
      const meeting = meetingOf(batch.council);
      if (!meeting) throw new AppError('awards.invalid', 'Hội đồng chưa họp xét hồ sơ này.');
      const threshold = (batch.rules as { voteThresholdPercent: number }).voteThresholdPercent;
      const passed = nominees.filter((n) => n.councilPassed);
      const buffer = await minutes(meeting, nominees, {
        issuing: { parentBody: 'UBND TỈNH LẠNG SƠN', issuingBody: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' },
        number: '…/BB-HĐTĐKT',
        summary: `Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị tặng ${form.name} của ${batch.proposerName}`,
        proceedings: [{ kind: 'paragraph', text: `Ban Thi đua - Khen thưởng báo cáo kết quả thẩm định hồ sơ của ${batch.proposerName}; Hội đồng thảo luận và biểu quyết từng trường hợp; ngưỡng đề nghị: từ ${threshold}% tổng số thành viên Hội đồng đồng ý.` }],
        conclusions: [
          passed.length > 0 ? `Đề nghị tặng ${form.name} cho ${passed.length} đối tượng đạt từ ${threshold}% số thành viên đồng ý: ${passed.map((n) => n.name).join(', ')}` : 'Không có đối tượng nào đạt ngưỡng biểu quyết',
          ...nominees.filter((n) => n.councilPassed === false).map((n) => `${n.name}: chưa đạt ngưỡng ${threshold}%, không đề nghị khen thưởng`),
        ],
      });
      return documentFile(buffer, `Biên bản họp Hội đồng tỉnh - ${batch.title}`, 'docx');
    },

    async decisionDocx(principal: Principal, id: string): Promise<DocumentFile> {
      const { batch, form, nominees, round } = await service.documentContext(principal, id);
      if (!batch.decisionNumber || !batch.decisionDate) throw new AppError('awards.invalid', 'Hồ sơ chưa có quyết định khen thưởng.');
      const signer = batch.decisionSigner as { name: string; authority: string[] };
      const authority = authorityOf(form, batch);
      const awardees = nominees.filter((n) => n.councilPassed);
      const buffer = await buildQuyetDinh({
        parentBody: undefined,
        issuingBody: decisionIssuer(form, batch),
        number: batch.decisionNumber,
        place: PLACE,
        date: batch.decisionDate,
        signature: signer,
        recipients: ['Như Điều 3', 'Ban Thi đua - Khen thưởng', 'Lưu: VT'],
        summary: `Về việc tặng ${form.name}`,
        authority,
        basis: ['Căn cứ Luật Thi đua, Khen thưởng', `Căn cứ ${round.campaign.legalBasis}`, `Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ngày ${formatDate(meetingOf(batch.council)?.heldOn ?? batch.decisionDate)}`],
        proposal: `Xét đề nghị của ${batch.proposerName} và Trưởng Ban Thi đua - Khen thưởng`,
        articles: [
          `Tặng ${form.name} cho ${awardees.length} tập thể, cá nhân, hộ gia đình (có danh sách kèm theo) đã có thành tích xuất sắc trong ${round.campaign.name}, ${round.round.name}.`,
          'Tiền thưởng thực hiện theo quy định hiện hành.',
          `Chánh Văn phòng UBND tỉnh, Trưởng Ban Thi đua - Khen thưởng, ${batch.proposerName} và các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
        ],
        awardees: { title: `DANH SÁCH ĐƯỢC TẶNG ${form.name.toLocaleUpperCase('vi')}`, list: awardeesOf(awardees) },
      });
      return documentFile(buffer, `Quyết định ${batch.decisionNumber} - ${form.name}`, 'docx');
    },

    async certificatePdf(principal: Principal, registryId: string): Promise<DocumentFile> {
      const r = await service.registryRow(principal, registryId);
      const ctx = await service.documentContext(principal, r.batchId).catch(() => null);
      const signer = (ctx?.batch.decisionSigner as { name: string; authority: string[] } | undefined) ?? { name: r.signerName, authority: ['CHỦ TỊCH'] };
      const authority = ctx ? authorityOf(ctx.form, ctx.batch) : 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn';
      const title = r.formName.replace(/ của .*$/u, '').replace(/^Danh hiệu /u, '');
      const buffer = await renderCertificatePdf({
        grantingAuthority: authority,
        title,
        awardeeName: r.recipientName,
        awardeeDetail: r.description,
        reason: `Đã có thành tích xuất sắc trong ${r.campaignName}, ${r.roundName}`,
        decision: { number: r.decisionNumber, date: r.decisionDate },
        place: PLACE,
        signer,
        registryNumber: r.registryNumber,
      });
      return documentFile(buffer, `${title} - ${r.recipientName}`, 'pdf');
    },
  };
}
export type AwardDocuments = ReturnType<typeof createAwardDocuments>;
