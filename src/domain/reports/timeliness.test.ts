import { describe, expect, it } from 'vitest';
import { countTimeliness, deadlineStatus, judgeTimeliness, type TimelinessStatus } from './timeliness.ts';

const deadline = '2018-06-15';

// first submission, today → status, days late, label
const cases: [string, string | null, string, TimelinessStatus, number | null, string][] = [
  ['sent well before the deadline', '2018-06-01', '2018-07-01', 'on_time', null, 'Đúng hạn'],
  ['sent on the deadline day itself', '2018-06-15', '2018-07-01', 'on_time', null, 'Đúng hạn'],
  ['sent one day after the deadline', '2018-06-16', '2018-07-01', 'late', 1, 'Chậm 1 ngày'],
  ['sent five days after, across a month end', '2018-06-20', '2018-07-01', 'late', 5, 'Chậm 5 ngày'],
  ['not sent, deadline day today', null, '2018-06-15', 'pending', null, 'Chưa đến hạn (còn 0 ngày)'],
  ['not sent, deadline in four days', null, '2018-06-11', 'pending', null, 'Chưa đến hạn (còn 4 ngày)'],
  ['not sent, the day after the deadline', null, '2018-06-16', 'missing', 1, 'Không gửi (quá hạn 1 ngày)'],
  ['not sent, long overdue', null, '2018-07-15', 'missing', 30, 'Không gửi (quá hạn 30 ngày)'],
];

describe('timeliness of a report (criteria 2.2, 3.2)', () => {
  it.each(cases)('%s', (_case, firstSubmittedOn, today, status, daysLate, label) => {
    expect(judgeTimeliness({ deadline, firstSubmittedOn, today })).toEqual({ status, daysLate, label });
  });

  it('counts each status', () => {
    const list = cases.map(([, sent, today]) => judgeTimeliness({ deadline, firstSubmittedOn: sent, today }));
    expect(countTimeliness(list)).toEqual({ on_time: 2, late: 2, missing: 2, pending: 2 });
  });
});

// today, first submission → days left, due soon, overdue, reminder
const inbox: [string, string, string | null, number, boolean, boolean, string | null][] = [
  ['four days before: no reminder yet', '2018-06-11', null, 4, false, false, null],
  ['three days before: reminder due', '2018-06-12', null, 3, true, false, 'Còn 3 ngày đến hạn gửi báo cáo.'],
  ['deadline day: last reminder', '2018-06-15', null, 0, true, false, 'Hôm nay là hạn cuối gửi báo cáo.'],
  ['one day after: overdue', '2018-06-16', null, -1, false, true, 'Đã quá hạn gửi báo cáo 1 ngày.'],
  ['already sent, three days before: nothing to remind', '2018-06-12', '2018-06-10', 3, false, false, null],
  ['sent late: no longer overdue in the inbox', '2018-06-20', '2018-06-18', -5, false, false, null],
];

describe('deadline flags of the inbox (reminders from 3 days before)', () => {
  it.each(inbox)('%s', (_case, today, sent, daysLeft, dueSoon, overdue, reminder) => {
    expect(deadlineStatus({ deadline, firstSubmittedOn: sent, today })).toEqual({ daysLeft, dueSoon, overdue, reminder });
  });

  it('takes another reminder window when configured', () => {
    expect(deadlineStatus({ deadline, firstSubmittedOn: null, today: '2018-06-08' }, 7).dueSoon).toBe(true);
    expect(deadlineStatus({ deadline, firstSubmittedOn: null, today: '2018-06-07' }, 7).dueSoon).toBe(false);
  });
});
