import { describe, expect, it } from 'vitest';
import { applyRoundAction, assessmentEditMode, type CommuneRoundState, type RoundAction, type WorkflowContext } from './round-workflow.ts';
import { addWorkingDays, countWorkingDays } from '../calendar/working-days.ts';

const ctx: WorkflowContext = { today: '2017-11-20', hasDistricts: true, postingWorkingDays: 3 };
const noDistricts: WorkflowContext = { ...ctx, today: '2025-11-20', hasDistricts: false };
const meeting: RoundAction = { type: 'record_meeting', date: '2017-10-02', attendees: 45, chair: 'Trưởng thôn', minutes: 'Biên bản họp' };

// state, action, context → new state, or the start of the refusal message
const cases: [CommuneRoundState, RoundAction, WorkflowContext, CommuneRoundState | RegExp][] = [
  ['open', { type: 'draft_lists' }, ctx, 'lists_drafted'],
  ['lists_drafted', { type: 'draft_lists' }, ctx, /trạng thái/u],
  ['lists_drafted', meeting, ctx, 'meeting_held'],
  ['lists_drafted', { ...meeting, date: '2017-11-21' } as RoundAction, ctx, /sau ngày hôm nay/u],
  ['lists_drafted', { ...meeting, attendees: 0 } as RoundAction, ctx, /số người dự họp/u],
  ['lists_drafted', { ...meeting, minutes: '  ' } as RoundAction, ctx, /biên bản/u],
  ['open', meeting, ctx, /trạng thái/u],
  // posting: Mon 02/10/2017 → Wed 04/10/2017 is 3 working days; Mon → Tue is 2
  ['meeting_held', { type: 'post_list', from: '2017-10-02', to: '2017-10-04', place: 'Nhà văn hóa' }, ctx, 'list_posted'],
  ['meeting_held', { type: 'post_list', from: '2017-10-02', to: '2017-10-03', place: 'Nhà văn hóa' }, ctx, /ít nhất 3 ngày làm việc \(mới có 2\)/u],
  // Fri 06/10 → Mon 09/10 spans a weekend: 2 working days
  ['meeting_held', { type: 'post_list', from: '2017-10-06', to: '2017-10-09', place: 'Nhà văn hóa' }, ctx, /mới có 2/u],
  ['list_posted', { type: 'settle_complaints', complaints: [] }, ctx, 'complaints_settled'],
  ['list_posted', { type: 'settle_complaints', complaints: [{ receivedOn: '2017-10-03', from: 'Hộ A', content: 'Xin xét lại', outcome: null, settledOn: null }] }, ctx, /1 khiếu nại chưa có kết quả/u],
  ['complaints_settled', { type: 'submit' }, ctx, 'commune_submitted'],
  ['commune_submitted', { type: 'district_review', opinion: 'Đồng ý' }, ctx, 'district_reviewed'],
  ['commune_submitted', { type: 'district_review', opinion: 'Đồng ý' }, noDistricts, /không còn cấp huyện/u],
  ['commune_submitted', { type: 'province_approve' }, ctx, /trạng thái/u],
  ['district_reviewed', { type: 'province_approve' }, ctx, 'province_approved'],
  ['commune_submitted', { type: 'province_approve' }, noDistricts, 'province_approved'],
  ['commune_submitted', { type: 'return', by: 'district', comment: 'Bổ sung biên bản' }, ctx, 'complaints_settled'],
  ['district_reviewed', { type: 'return', by: 'district', comment: 'x' }, ctx, /trạng thái/u],
  ['district_reviewed', { type: 'return', by: 'province', comment: 'Sai số liệu' }, ctx, 'complaints_settled'],
  ['district_reviewed', { type: 'return', by: 'province', comment: ' ' }, ctx, /lý do trả lại/u],
  ['province_approved', { type: 'freeze' }, ctx, 'frozen'],
  ['frozen', { type: 'draft_lists' }, ctx, /trạng thái/u],
];

describe('the review procedure, step by step', () => {
  it.each(cases)('%s + %o', (state, action, context, expected) => {
    const steps = state === 'list_posted' ? { posting: { from: '2017-10-02', to: '2017-10-04', place: 'x' } } : {};
    const result = applyRoundAction(state, steps, action, context);
    if (typeof expected === 'string') {
      expect(result).toMatchObject({ ok: true, state: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(expected);
    }
  });

  it('cannot close complaints before the posting period ends', () => {
    const r = applyRoundAction('list_posted', { posting: { from: '2017-11-20', to: '2017-11-22', place: 'x' } }, { type: 'settle_complaints', complaints: [] }, ctx);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Chưa hết thời gian niêm yết/u) });
  });

  it('keeps the history of returns', () => {
    const r = applyRoundAction('commune_submitted', { submittedOn: '2017-11-01' }, { type: 'return', by: 'district', comment: 'Thiếu biên bản' }, ctx);
    expect(r.ok && r.steps.returned).toEqual([{ on: '2017-11-20', by: 'district', comment: 'Thiếu biên bản' }]);
  });
});

describe('how an assessment may be edited', () => {
  it.each([
    ['open', 'direct'],
    ['complaints_settled', 'direct'],
    ['commune_submitted', 'locked'],
    ['district_reviewed', 'locked'],
    ['province_approved', 'amendment'],
    ['frozen', 'amendment'],
  ] as const)('%s → %s', (state, mode) => expect(assessmentEditMode(state)).toBe(mode));
});

describe('working days', () => {
  it.each([
    ['2017-10-02', 7, '2017-10-11'], // Mon + 7 working days → Wed next week
    ['2017-10-06', 1, '2017-10-09'], // Fri + 1 → Mon
    ['2018-08-31', 1, '2018-09-03'], // Fri 31/8 + 1 → Mon 3/9 (2/9 falls on a Sunday)
    ['2017-08-31', 1, '2017-09-01'], // Thu 31/8 + 1 → Fri 1/9
    ['2016-09-01', 1, '2016-09-05'], // Thu 1/9 + 1 → Mon 5/9: Fri 2/9 is National Day
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });
  it('counts a posting period', () => expect(countWorkingDays('2017-10-02', '2017-10-06')).toBe(5));
});
