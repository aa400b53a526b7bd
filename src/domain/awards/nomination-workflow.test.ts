import { describe, expect, it } from 'vitest';
import { commentPeriod } from './public-comment.ts';
import {
  appraisalDueOn,
  appraisalStatus,
  dossierBlockers,
  holdCouncil,
  publishForComment,
  recordDecision,
  reviewerOf,
  revokeBlocker,
  stageAfterApproval,
  type BatchStage,
  type DossierInput,
} from './nomination-workflow.ts';

describe('who reviews a batch', () => {
  const commune = { level: 'commune' as const, unitCode: '06541', parentUnitCode: '188' };
  const district = { level: 'district' as const, unitCode: '188', parentUnitCode: '20' };
  const department = { level: 'organisation' as const, unitCode: 'org-1', parentUnitCode: null };
  it.each<[string, Parameters<typeof reviewerOf>[0], Parameters<typeof reviewerOf>[1], unknown]>([
    ['a commune, its own Giấy khen: the commune itself appraises', commune, 'commune', { unitCode: '06541', role: 'appraises' }],
    ['a commune, a district form: the district appraises', commune, 'district', { unitCode: '188', role: 'appraises' }],
    ['a commune, a provincial form: the district consolidates', commune, 'province', { unitCode: '188', role: 'consolidates' }],
    ['a district, a provincial form: the province appraises', district, 'province', { unitCode: '20', role: 'appraises' }],
    ['a district, its own Giấy khen: the district appraises', district, 'district', { unitCode: '188', role: 'appraises' }],
    ['a department, a provincial form: directly to the province', department, 'province', { unitCode: '20', role: 'appraises' }],
    ['a department, its own Giấy khen', department, 'organisation', { unitCode: 'org-1', role: 'appraises' }],
  ])('%s', (_name, proposer, deciding, expected) => {
    expect(reviewerOf(proposer, deciding, '20')).toEqual(expected);
  });
  it.each<[Parameters<typeof reviewerOf>[0], Parameters<typeof reviewerOf>[1]]>([
    [district, 'commune'],
    [commune, 'organisation'],
    [department, 'district'],
  ])('refuses %o for a form decided at %s', (proposer, deciding) => {
    expect(reviewerOf(proposer, deciding, '20')).toHaveProperty('refusal');
  });
  it('approval by a consolidating level forwards; by the deciding level appraises', () => {
    expect(stageAfterApproval('consolidates')).toBe('forwarded');
    expect(stageAfterApproval('appraises')).toBe('appraised');
  });
});

describe('the dossier is complete before it is sent', () => {
  const report = 'Hộ đã thoát nghèo ổn định 4 năm, phát triển chăn nuôi trâu, giúp 2 hộ khác thoát nghèo trong thôn.';
  const complete: DossierInput = {
    toTrinh: { number: '125/TTr-UBND', date: '2020-04-20', signerName: 'Nông Văn Thanh' },
    nominees: [
      { name: 'Hộ ông A', achievementReport: report },
      { name: 'Xã Yên Khoái', achievementReport: report },
    ],
    proposerMeeting: { heldOn: '2020-04-15', membersTotal: 11, membersPresent: 10, votedNominees: ['Hộ ông A', 'Xã Yên Khoái'] },
  };
  it.each<[string, DossierInput, RegExp | null]>([
    ['complete', complete, null],
    ['no nominee', { ...complete, nominees: [], proposerMeeting: { ...complete.proposerMeeting!, votedNominees: [] } }, /chưa có đối tượng nào/u],
    ['no tờ trình', { ...complete, toTrinh: null }, /tờ trình chưa có số, ngày và người ký/u],
    ['tờ trình without a signer', { ...complete, toTrinh: { ...complete.toTrinh!, signerName: ' ' } }, /tờ trình/u],
    ['a report of 49 letters', { ...complete, nominees: [{ name: 'Hộ ông A', achievementReport: 'x'.repeat(49) }, complete.nominees[1]!] }, /chưa có báo cáo thành tích của: Hộ ông A$/u],
    ['a report of 50 letters', { ...complete, nominees: [{ name: 'Hộ ông A', achievementReport: 'x'.repeat(50) }, complete.nominees[1]!] }, null],
    ['no minutes', { ...complete, proposerMeeting: null }, /chưa có biên bản họp/u],
    ['minutes without a vote on one nominee', { ...complete, proposerMeeting: { ...complete.proposerMeeting!, votedNominees: ['Hộ ông A'] } }, /chưa ghi kết quả biểu quyết đối với: Xã Yên Khoái/u],
  ])('%s', (_name, d, problem) => {
    const blockers = dossierBlockers(d);
    if (problem) expect(blockers.join('; ')).toMatch(problem);
    else expect(blockers).toEqual([]);
  });
});

describe('appraisal time limit (15 days by default)', () => {
  it.each([
    ['2020-05-01', 15, '2020-05-16', '2020-05-16', 0, false, /Hết hạn thẩm định hôm nay/u],
    ['2020-05-01', 15, '2020-05-10', '2020-05-16', 6, false, /Còn 6 ngày/u],
    ['2020-05-01', 15, '2020-05-17', '2020-05-16', -1, true, /Quá hạn thẩm định 1 ngày/u],
    ['2020-05-01', 30, '2020-05-17', '2020-05-31', 14, false, /Còn 14 ngày/u],
  ])('reached the board %s, %d days, on %s (due %s) → %d days left', (submitted, days, today, due, left, overdue, label) => {
    const dueOn = appraisalDueOn(submitted, days);
    expect(dueOn).toBe(due);
    const s = appraisalStatus(dueOn, today);
    expect(s.daysLeft).toBe(left);
    expect(s.overdue).toBe(overdue);
    expect(s.label).toMatch(label);
  });
});

describe('after appraisal: public comment, council, decision', () => {
  const period = commentPeriod('2020-06-01', 10); // ends 12/06/2020
  const at = (stage: BatchStage, stateLevel: boolean, commentPeriod = stage === 'public_comment' ? period : null) => ({ state: 'approved' as const, stage, stateLevel, commentPeriod });
  it.each<[string, ReturnType<typeof at>, string, BatchStage | RegExp]>([
    ['Bằng khen tỉnh: the council meets once appraised', at('appraised', false), '2020-06-05', 'council_voted'],
    ['Bằng khen tỉnh: not before appraisal', at('proposing', false), '2020-06-05', /chỉ họp xét hồ sơ đã thẩm định/u],
    ['Huân chương: not without public comment', at('appraised', true), '2020-06-20', /phải được công khai lấy ý kiến nhân dân/u],
    ['Huân chương: not on the last day of the period', at('public_comment', true), '2020-06-12', /Chưa hết thời gian lấy ý kiến nhân dân .* từ ngày 13\/06\/2020/u],
    ['Huân chương: the day after the period', at('public_comment', true), '2020-06-13', 'council_voted'],
    ['a batch already voted does not meet again', at('council_voted', false), '2020-06-20', /Đã|đã thẩm định/u],
  ])('%s', (_name, batch, day, expected) => {
    const r = holdCouncil(batch, day);
    if (typeof expected === 'string') expect(r).toEqual({ ok: true, stage: expected });
    else expect(r.ok ? '' : r.message).toMatch(expected);
  });

  it.each<[string, ReturnType<typeof at>, BatchStage | RegExp]>([
    ['a State-level batch once appraised', at('appraised', true), 'public_comment'],
    ['a provincial form is not published', at('appraised', false), /Chỉ hồ sơ đề nghị khen thưởng cấp Nhà nước/u],
    ['not before appraisal', at('proposing', true), /Chỉ công khai lấy ý kiến hồ sơ đã thẩm định/u],
  ])('publish for comment: %s', (_name, batch, expected) => {
    const r = publishForComment(batch);
    if (typeof expected === 'string') expect(r).toEqual({ ok: true, stage: expected });
    else expect(r.ok ? '' : r.message).toMatch(expected);
  });

  it.each<[string, BatchStage, number, string, BatchStage | RegExp]>([
    ['after the vote, with awardees', 'council_voted', 4, '2020-06-20', 'decided'],
    ['nobody reached the threshold', 'council_voted', 0, '2020-06-20', /Không có đối tượng nào đạt ngưỡng/u],
    ['before the vote', 'appraised', 4, '2020-06-20', /sau khi Hội đồng đã biểu quyết/u],
    ['dated before the council met', 'council_voted', 4, '2020-06-04', /không được trước ngày họp Hội đồng \(05\/06\/2020\)/u],
  ])('decision: %s', (_name, stage, passed, date, expected) => {
    const r = recordDecision(at(stage, false), passed, date, '2020-06-05');
    if (typeof expected === 'string') expect(r).toEqual({ ok: true, stage: expected });
    else expect(r.ok ? '' : r.message).toMatch(expected);
  });

  it.each<[BatchStage, boolean]>([
    ['appraised', true],
    ['forwarded', true],
    ['public_comment', false],
    ['council_voted', false],
    ['decided', false],
  ])('revoking the approval at stage %s allowed: %s', (stage, ok) => {
    expect(revokeBlocker(stage) === null).toBe(ok);
  });
});
