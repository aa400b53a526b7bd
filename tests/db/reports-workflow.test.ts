import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema/index.ts';
import type { CreateTemplateBody, SubmissionDto } from '../../src/shared/schemas/reports.schema.ts';
import type { TimelinessSource } from '../../src/server/modules/emulation/timeliness-source.ts';
import { amendAssessment, createReportsFixture, DISTRICTS, person, type Person, type ReportsFixture } from '../support/reports-fixture.ts';

// Issue 6, "Must show", at the service level: the board sends the 2018 mid-term report request to all 11 districts
// (fixed clock, moved day by day); two named districts submit on time, one late, one never; one is returned and
// resubmitted; the province approves; the timeliness list shows each case. A district cannot be approved before its
// communes. After approval an amended assessment changes the district's live figures and the approved report shows
// "changed since approval" with the difference.

let f: ReportsFixture;
let board: Person;
let province: Person;
const officers = new Map<string, Person>();
let templateId: string;
let requestId: string;
const subOf = new Map<string, string>();

const template: CreateTemplateBody = {
  name: 'Báo cáo sơ kết giữa kỳ phong trào thi đua',
  sections: [
    { kind: 'figures', key: 'so_lieu', title: 'Kết quả giảm nghèo', fields: ['total', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'escaped', 'newPoor', 'relapsed'] },
    {
      kind: 'table',
      key: 'ho_tro',
      title: 'Kết quả hỗ trợ hộ nghèo',
      columns: [
        { header: 'Nội dung hỗ trợ', kind: 'text' },
        { header: 'Số hộ', kind: 'integer' },
        { header: 'Kinh phí', kind: 'money' },
      ],
    },
    { kind: 'narrative', key: 'ket_qua', title: 'Kết quả thực hiện phong trào', required: true },
    { kind: 'narrative', key: 'kien_nghi', title: 'Kiến nghị, đề xuất', required: false },
  ],
};

async function write(district: string, text = 'Triển khai phong trào đến 100% thôn, bản.', version?: number): Promise<SubmissionDto> {
  const o = officers.get(district)!;
  const id = subOf.get(district)!;
  const v = version ?? (await f.service.submission(o.principal, id)).version;
  return f.service.saveContent(o.principal, o.actor, id, {
    narratives: { ket_qua: text },
    tables: { ho_tro: [['Hỗ trợ bò giống', 25, 250_000_000], ['Hỗ trợ làm nhà', 4, 160_000_000]] },
    version: v,
  });
}

async function submit(district: string) {
  const o = officers.get(district)!;
  return f.service.submit(o.principal, o.actor, subOf.get(district)!);
}

beforeAll(async () => {
  f = await createReportsFixture('2018-06-01T02:00:00Z');
  board = person('emulation_board', { unitCode: '20' }, 'Trưởng Ban Thi đua');
  province = person('poverty_office', { unitCode: '20' }, 'Văn phòng giảm nghèo tỉnh');
  for (const d of DISTRICTS) officers.set(d, person('district_officer', { unitCode: d }, `Cán bộ huyện ${d}`));
  templateId = (await f.service.createTemplate(board.principal, board.actor, template)).id;
}, 120_000);
afterAll(async () => f.close());

describe('the board sends the 2018 mid-term report request to all 11 districts', () => {
  it('creates one draft report per district in force on the date of issue', async () => {
    const request = await f.service.createRequest(board.principal, board.actor, {
      kind: 'ad_hoc',
      title: 'Báo cáo sơ kết giữa kỳ phong trào thi đua "Lạng Sơn chung tay vì người nghèo" giai đoạn 2016 - 2018',
      templateId,
      roundYear: 2017,
      issuedOn: '2018-06-01',
      deadline: '2018-06-15',
      recipients: { levels: ['district'], unitCodes: [], organisationIds: [], allOrganisations: false },
      levelDeadlines: {},
    });
    requestId = request.id;
    expect(request.recipientCount).toBe(11);
    expect(request.counts.states).toEqual({ draft: 11, submitted: 0, returned: 0, approved: 0 });
    const detail = await f.service.requestDetail(board.principal, requestId);
    for (const s of detail.submissions) subOf.set(s.unitCode!, s.id);
    expect([...subOf.keys()].sort()).toEqual([...DISTRICTS]);
    expect(detail.submissions.every((s) => s.reviewerUnitCode === '20')).toBe(true);
  });

  it('refuses a request from a district officer (reports.manage at the province only)', async () => {
    const o = officers.get('188')!;
    await expect(
      f.service.createRequest(o.principal, o.actor, { kind: 'quarterly', title: 'X', templateId, roundYear: 2017, deadline: '2018-07-01', recipients: { levels: ['commune'], unitCodes: [], organisationIds: [], allOrganisations: false }, levelDeadlines: {} }),
    ).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('refuses a request for a round that does not exist', async () => {
    await expect(
      f.service.createRequest(board.principal, board.actor, { kind: 'annual', title: 'Báo cáo năm 2019', templateId, roundYear: 2019, deadline: '2019-12-20', recipients: { levels: ['district'], unitCodes: [], organisationIds: [], allOrganisations: false }, levelDeadlines: {} }),
    ).rejects.toThrow(/Chưa có kỳ rà soát năm 2019/u);
  });

  it('pre-fills each report with the district figures, the round year and when they were taken', async () => {
    const o = officers.get('188')!;
    const report = await f.service.submission(o.principal, subOf.get('188')!);
    expect(report.figures?.live).toMatchObject({ roundYear: 2017, takenAt: '2018-06-01T02:00:00.000Z' });
    expect(report.figures?.live.values).toMatchObject({ total: 20, poor: 8, poorRate: 40, nearPoor: 2, nearPoorRate: 10, escaped: 2 });
    expect(report.figures?.source).toBe('Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2017 (kỳ rà soát đã khoá sổ theo Quyết định số 2426/QĐ-UBND ngày 16/12/2017); số liệu lấy lúc 09:00 01/06/2018');
    expect(report.canEdit).toBe(true);
  });

  it('does not let a unit submit before the required narrative is written', async () => {
    await expect(submit('183')).rejects.toThrow('Chưa thể gửi báo cáo của Huyện Cao Lộc: chưa viết phần "Kết quả thực hiện phong trào".');
  });

  it('Cao Lộc submits on 10/06, Lộc Bình on 12/06', async () => {
    f.setToday('2018-06-10');
    await write('183');
    expect((await submit('183')).state).toBe('submitted');
    f.setToday('2018-06-12');
    await write('188', 'Năm 2017 giảm 2 hộ nghèo.');
    expect((await submit('188')).state).toBe('submitted');
  });

  it('locks the text while the report is with the province', async () => {
    await expect(write('188', 'Sửa sau khi gửi')).rejects.toMatchObject({ code: 'reports.conflict' });
  });

  it('reminds Văn Quan two days before the deadline', async () => {
    f.setToday('2018-06-13');
    const inbox = await f.service.inbox(officers.get('184')!.principal);
    expect(inbox.toSubmit).toHaveLength(1);
    expect(inbox.toSubmit[0]).toMatchObject({ recipientName: 'Huyện Văn Quan', deadline: '2018-06-15', deadlineStatus: { daysLeft: 2, dueSoon: true, overdue: false, reminder: 'Còn 2 ngày đến hạn gửi báo cáo.' } });
    expect((await f.service.remindersDue()).map((r) => r.recipientName)).toContain('Huyện Văn Quan');
    expect((await f.service.remindersDue()).map((r) => r.recipientName)).not.toContain('Huyện Cao Lộc');
  });

  it('the other seven districts submit on the deadline day', async () => {
    f.setToday('2018-06-15');
    for (const d of ['178', '180', '181', '182', '185', '186', '187']) {
      await write(d);
      await submit(d);
    }
    const inbox = await f.service.inbox(province.principal);
    expect(inbox.toReview).toHaveLength(9);
  });

  it('the province returns Lộc Bình with a comment; the district sees it in its inbox', async () => {
    f.setToday('2018-06-16');
    const returned = await f.service.returnSubmission(province.principal, province.actor, subOf.get('188')!, 'Bổ sung số hộ tái nghèo và nguyên nhân.');
    expect(returned.state).toBe('returned');
    const inbox = await f.service.inbox(officers.get('188')!.principal);
    expect(inbox.toSubmit[0]).toMatchObject({ state: 'returned', returnComment: 'Bổ sung số hộ tái nghèo và nguyên nhân.' });
  });

  it('flags Văn Quan as overdue once the deadline has passed', async () => {
    const inbox = await f.service.inbox(officers.get('184')!.principal);
    expect(inbox.toSubmit[0]?.deadlineStatus).toEqual({ daysLeft: -1, dueSoon: false, overdue: true, reminder: 'Đã quá hạn gửi báo cáo 1 ngày.' });
  });

  it('Đình Lập submits three days late; Lộc Bình corrects and resubmits on 18/06', async () => {
    f.setToday('2018-06-18');
    await write('189');
    await submit('189');
    await write('188', 'Năm 2017 giảm 2 hộ nghèo; không có hộ tái nghèo.');
    expect((await submit('188')).state).toBe('submitted');
  });

  it('a district cannot approve its own report: the reviewer is the province', async () => {
    const o = officers.get('183')!;
    await expect(f.service.approve(o.principal, o.actor, subOf.get('183')!)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('the province approves, one by one and in bulk; a draft in the batch is refused and listed', async () => {
    f.setToday('2018-06-20');
    for (const d of ['183', '188', '189']) expect((await f.service.approve(province.principal, province.actor, subOf.get(d)!)).state).toBe('approved');
    const bulk = await f.service.approveMany(province.principal, province.actor, requestId, ['178', '180', '181', '182', '185', '186', '187', '184'].map((d) => subOf.get(d)!));
    expect(bulk.approved).toHaveLength(7);
    expect(bulk.refused).toEqual([{ id: subOf.get('184'), recipientName: 'Huyện Văn Quan', message: expect.stringMatching(/Không thể phê duyệt báo cáo của Huyện Văn Quan khi đang ở trạng thái "Đang soạn"/u) }]);
  });

  it('shows each case in the timeliness list: on time, late 3 days, missing', async () => {
    const t = await f.service.requestTimeliness(board.principal, requestId);
    const by = Object.fromEntries(t.rows.map((r) => [r.unitCode, [r.status, r.daysLate, r.label]]));
    expect(by['183']).toEqual(['on_time', null, 'Đúng hạn']);
    // returned and resubmitted after the deadline: still on time, the first submission counts
    expect(by['188']).toEqual(['on_time', null, 'Đúng hạn']);
    expect(by['189']).toEqual(['late', 3, 'Chậm 3 ngày']);
    expect(by['184']).toEqual(['missing', 5, 'Không gửi (quá hạn 5 ngày)']);
    expect(t.counts).toEqual({ on_time: 9, late: 1, missing: 1, pending: 0 });
  });

  it('gives the emulation scoring each unit’s timeliness for the year (criteria 2.2, 3.2)', async () => {
    const dinhLap = await f.service.timelinessFor({ unitCode: '189' }, 2018);
    expect(dinhLap.counts).toEqual({ on_time: 0, late: 1, missing: 0, pending: 0 });
    expect(dinhLap.rows[0]).toMatchObject({ requestId, status: 'late', daysLate: 3 });
    expect((await f.service.timelinessFor({ unitCode: '189' }, 2017)).rows).toEqual([]);
  });

  it('is the TimelinessSource the emulation scoring reads', async () => {
    const source: TimelinessSource = f.service;
    expect(await source.reportsDue('189', 2018, 2018)).toEqual([{ title: expect.stringMatching(/^Báo cáo sơ kết giữa kỳ/u), dueOn: '2018-06-15', submittedOn: '2018-06-18' }]);
    expect(await source.reportsDue('184', 2018, 2018)).toEqual([{ title: expect.any(String), dueOn: '2018-06-15', submittedOn: null }]);
    expect(await source.reportsDue('189', 2019, 2020)).toEqual([]);
    // a unit never asked for a report: the source holds nothing for it
    expect(await source.reportsDue('06001', 2016, 2020)).toBeNull();
  });

  it('counts each status per request on the board overview', async () => {
    const [overview] = await f.service.overview(board.principal, 2018);
    expect(overview).toMatchObject({ id: requestId, recipientCount: 11, counts: { states: { draft: 1, submitted: 0, returned: 0, approved: 10 }, timeliness: { on_time: 9, late: 1, missing: 1, pending: 0 } } });
    await expect(f.service.overview(officers.get('188')!.principal, 2018)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('keeps the history: who submitted, returned (with the comment) and approved', async () => {
    const report = await f.service.submission(board.principal, subOf.get('188')!);
    expect(report.events.map((e) => [e.action, e.toState, e.actorName, e.note])).toEqual([
      ['submit', 'submitted', 'Cán bộ huyện 188', null],
      ['return', 'returned', 'Văn phòng giảm nghèo tỉnh', 'Bổ sung số hộ tái nghèo và nguyên nhân.'],
      ['submit', 'submitted', 'Cán bộ huyện 188', null],
      ['approve', 'approved', 'Văn phòng giảm nghèo tỉnh', null],
    ]);
  });

  it('audits every step in the same transaction as the step', async () => {
    const rows = await f.db
      .select({ action: auditLog.action, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, subOf.get('188')!), like(auditLog.action, 'report.%')))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(['report.content_saved', 'report.submit', 'report.return', 'report.content_saved', 'report.submit', 'report.approve']);
    expect(rows.find((r) => r.action === 'report.return')?.reason).toBe('Bổ sung số hộ tái nghèo và nguyên nhân.');
  });

  it('does not show one district’s report to another district', async () => {
    await expect(f.service.submission(officers.get('183')!.principal, subOf.get('188')!)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    const visible = await f.service.requestDetail(officers.get('183')!.principal, requestId);
    expect(visible.submissions.map((s) => s.unitCode)).toEqual(['183']);
  });
});

describe('after approval, an amended assessment shows as "changed since approval"', () => {
  it('locks the figures at approval', async () => {
    const report = await f.service.submission(board.principal, subOf.get('188')!);
    expect(report.figures?.approved).toMatchObject({ roundYear: 2017, takenAt: '2018-06-20T02:00:00.000Z', values: { poor: 8, poorRate: 40 } });
    expect(report.figures?.changes).toEqual([]);
  });

  it('a household of Lộc Bình re-assessed as poor changes the live figures and lists the difference', async () => {
    f.setToday('2018-07-02');
    // household 15 was not poor in 2017 (the first 8 are poor, the last 2 near-poor)
    await amendAssessment(f.db, f.round2017, f.householdsOf.get('188')![14]!, 'poor', 'new_poor');
    const report = await f.service.submission(board.principal, subOf.get('188')!);
    expect(report.state).toBe('approved');
    expect(report.figures?.approved?.values.poor).toBe(8);
    expect(report.figures?.live.values.poor).toBe(9);
    expect(report.figures?.changes).toEqual([
      { field: 'poor', label: 'Số hộ nghèo', approved: 8, current: 9, text: 'Số hộ nghèo: khi phê duyệt 8, hiện nay 9' },
      { field: 'poorRate', label: 'Tỷ lệ hộ nghèo', approved: 40, current: 45, text: 'Tỷ lệ hộ nghèo: khi phê duyệt 40,00%, hiện nay 45,00%' },
      { field: 'newPoor', label: 'Số hộ nghèo phát sinh', approved: 0, current: 1, text: 'Số hộ nghèo phát sinh: khi phê duyệt 0, hiện nay 1' },
    ]);
    const tree = await f.service.requestDetail(board.principal, requestId);
    expect(tree.submissions.filter((s) => s.changedSinceApproval).map((s) => s.unitCode)).toEqual(['188']);
  });

  it('keeps consolidating the approved figures, not the live ones', async () => {
    const c = await f.service.consolidation(board.principal, requestId);
    expect(c.rows.find((r) => r.key === '188')?.values?.poor).toBe(8);
    expect(c.totals?.poor).toBe([...DISTRICTS].filter((d) => d !== '184').reduce((s, d) => s + { '178': 9, '180': 8, '181': 9, '182': 6, '183': 4, '184': 5, '185': 5, '186': 3, '187': 4, '188': 8, '189': 7 }[d], 0));
  });

  it('a revocation needs a reason, clears the lock and reopens the report for the district', async () => {
    await expect(f.service.revoke(province.principal, province.actor, subOf.get('188')!, ' ', 'draft')).rejects.toThrow();
    const revoked = await f.service.revoke(province.principal, province.actor, subOf.get('188')!, 'Số liệu thay đổi sau phúc tra hộ nghèo', 'draft');
    expect(revoked).toMatchObject({ state: 'draft', canEdit: true, approvedAt: null });
    expect(revoked.figures?.approved).toBeNull();
    expect(revoked.events.at(-1)).toMatchObject({ action: 'revoke', note: 'Số liệu thay đổi sau phúc tra hộ nghèo' });
    // resubmitting after the deadline does not make it late: the first submission was on time
    await submit('188');
    await f.service.approve(province.principal, province.actor, subOf.get('188')!);
    const again = await f.service.submission(board.principal, subOf.get('188')!);
    expect(again.figures?.approved?.values.poor).toBe(9);
    expect(again.figures?.changes).toEqual([]);
    expect(again.timeliness.status).toBe('on_time');
  });
});

describe('a district cannot be approved before its communes', () => {
  let requestB: string;
  const ids = new Map<string, string>();
  let locBinh: Person;

  it('the board asks Lộc Bình and its communes for the six-monthly report, communes first', async () => {
    f.setToday('2018-07-01');
    locBinh = officers.get('188')!;
    const dir = await f.deps.catalog.directory();
    const communes = dir.childrenOn('188', '2018-07-01').map((c) => c.code);
    expect(communes).toHaveLength(29);
    const request = await f.service.createRequest(board.principal, board.actor, {
      kind: 'six_monthly',
      title: 'Báo cáo kết quả giảm nghèo 6 tháng đầu năm 2018',
      templateId,
      roundYear: 2017,
      deadline: '2018-07-15',
      recipients: { levels: [], unitCodes: ['188', ...communes], organisationIds: [], allOrganisations: false },
      levelDeadlines: { commune: '2018-07-10' },
    });
    requestB = request.id;
    const detail = await f.service.requestDetail(board.principal, requestB);
    for (const s of detail.submissions) ids.set(s.recipientName, s.id);
    const commune = detail.submissions.find((s) => s.recipientName === 'Xã Tú Đoạn');
    expect(commune).toMatchObject({ reviewerUnitCode: '188', deadline: '2018-07-10', parentSubmissionId: ids.get('Huyện Lộc Bình') });
  });

  it('the communes submit and the district approves all but three in one go', async () => {
    f.setToday('2018-07-08');
    for (const [name, id] of ids) {
      if (name === 'Huyện Lộc Bình') continue;
      const v = (await f.service.submission(locBinh.principal, id)).version;
      await f.service.saveContent(locBinh.principal, locBinh.actor, id, { narratives: { ket_qua: `${name}: đã rà soát xong.` }, tables: {}, version: v });
      await f.service.submit(locBinh.principal, locBinh.actor, id);
    }
    // the communes' reports reach the district's inbox, not the province's
    expect((await f.service.inbox(locBinh.principal, 2018)).toReview.filter((r) => r.requestId === requestB)).toHaveLength(29);
    expect((await f.service.inbox(province.principal, 2018)).toReview.filter((r) => r.requestId === requestB)).toEqual([]);
    const held = ['Xã Tú Đoạn', 'Xã Khuất Xá', 'Thị trấn Na Dương'];
    const batch = [...ids].filter(([name]) => name !== 'Huyện Lộc Bình' && !held.includes(name)).map(([, id]) => id);
    const result = await f.service.approveMany(locBinh.principal, locBinh.actor, requestB, batch);
    expect(result.approved).toHaveLength(26);
    expect(result.refused).toEqual([]);
  });

  it('a commune officer cannot approve its own commune', async () => {
    const tuDoan = person('commune_officer', { unitCode: '06562' });
    await expect(f.service.approve(tuDoan.principal, tuDoan.actor, ids.get('Xã Tú Đoạn')!)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
  });

  it('refuses the province’s approval of the district with a clear message naming the three communes', async () => {
    f.setToday('2018-07-12');
    await f.service.saveContent(locBinh.principal, locBinh.actor, ids.get('Huyện Lộc Bình')!, { narratives: { ket_qua: 'Tổng hợp 29 xã, thị trấn.' }, tables: {}, version: 1 });
    await f.service.submit(locBinh.principal, locBinh.actor, ids.get('Huyện Lộc Bình')!);
    await expect(f.service.approve(province.principal, province.actor, ids.get('Huyện Lộc Bình')!)).rejects.toMatchObject({
      code: 'reports.invalid',
      message: 'Chưa thể phê duyệt báo cáo của Huyện Lộc Bình: còn 3 xã chưa được phê duyệt: Thị trấn Na Dương, Xã Khuất Xá, Xã Tú Đoạn.',
    });
    const district = await f.service.submission(province.principal, ids.get('Huyện Lộc Bình')!);
    expect(district.children).toHaveLength(29);
    expect(district.children.filter((c) => c.state !== 'approved').map((c) => c.recipientName)).toEqual(['Thị trấn Na Dương', 'Xã Khuất Xá', 'Xã Tú Đoạn']);
  });

  it('the district approves the last three; its own report in the batch is refused as outside its scope', async () => {
    const batch = ['Xã Tú Đoạn', 'Xã Khuất Xá', 'Thị trấn Na Dương', 'Huyện Lộc Bình'].map((n) => ids.get(n)!);
    const result = await f.service.approveMany(locBinh.principal, locBinh.actor, requestB, batch);
    expect(result.approved.map((a) => a.recipientName).sort()).toEqual(['Thị trấn Na Dương', 'Xã Khuất Xá', 'Xã Tú Đoạn']);
    expect(result.refused).toEqual([{ id: ids.get('Huyện Lộc Bình'), recipientName: 'Huyện Lộc Bình', message: 'Báo cáo này nằm ngoài phạm vi được phân quyền của bạn.' }]);
    expect((await f.service.approve(province.principal, province.actor, ids.get('Huyện Lộc Bình')!)).state).toBe('approved');
  });

  it('cannot revoke a commune’s approval while the district’s report stands approved', async () => {
    await expect(f.service.revoke(locBinh.principal, locBinh.actor, ids.get('Xã Tú Đoạn')!, 'Phát hiện sai sót số liệu', 'draft')).rejects.toThrow(
      'Chưa thể thu hồi phê duyệt báo cáo của Xã Tú Đoạn: báo cáo của Huyện Lộc Bình đã được phê duyệt; cần thu hồi phê duyệt ở cấp trên trước.',
    );
  });

  it('consolidates the district only: the communes are inside it', async () => {
    const c = await f.service.consolidation(board.principal, requestB);
    expect(c.recipientCount).toBe(1);
    expect(c.rows.map((r) => r.name)).toEqual(['Huyện Lộc Bình']);
    expect(c.totals?.total).toBe(20);
  });
});

describe('organisations report to the province', () => {
  it('a department’s focal point submits, the province approves; another department cannot see it', async () => {
    f.setToday('2018-08-01');
    const orgs = await f.testDb.database.query<{ id: string; name: string }>('select id, name from organisations');
    const ldtbxh = orgs.find((o) => o.name === 'Sở Lao động - Thương binh và Xã hội')!.id;
    const yTe = orgs.find((o) => o.name === 'Sở Y tế')!.id;
    const request = await f.service.createRequest(board.principal, board.actor, {
      kind: 'quarterly',
      title: 'Báo cáo quý III năm 2018 của các sở, ngành',
      templateId,
      roundYear: 2017,
      deadline: '2018-09-20',
      recipients: { levels: [], unitCodes: [], organisationIds: [ldtbxh, yTe], allOrganisations: false },
      levelDeadlines: {},
    });
    const focal = person('org_focal_point', { organisationId: ldtbxh });
    const other = person('org_focal_point', { organisationId: yTe });
    const inbox = await f.service.inbox(focal.principal);
    expect(inbox.toSubmit.map((s) => s.recipientName)).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    const id = inbox.toSubmit[0]!.id;
    const report = await f.service.submission(focal.principal, id);
    expect(report.figures).toBeNull();
    await f.service.saveContent(focal.principal, focal.actor, id, { narratives: { ket_qua: 'Tham mưu triển khai chính sách giảm nghèo.' }, tables: {}, version: report.version });
    await f.service.submit(focal.principal, focal.actor, id);
    await expect(f.service.submission(other.principal, id)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(f.service.approve(focal.principal, focal.actor, id)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    expect((await f.service.approve(board.principal, board.actor, id)).state).toBe('approved');
    const t = await f.service.timelinessFor({ organisationId: ldtbxh }, 2018);
    expect(t.rows).toEqual([expect.objectContaining({ requestId: request.id, status: 'on_time' })]);
  });
});
