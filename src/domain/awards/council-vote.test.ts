import { describe, expect, it } from 'vitest';
import { attendanceProblems, judgeVote, quorumOf, voteProblems } from './council-vote.ts';

describe('council vote against the threshold (share of all members)', () => {
  // members, present, agree, threshold → passed, rate
  const rows: [number, number, number, number, boolean, number][] = [
    [15, 15, 12, 80, true, 80],
    [15, 15, 11, 80, false, 73.33],
    [15, 13, 12, 80, true, 80],
    [10, 10, 9, 90, true, 90],
    [10, 10, 8, 90, false, 80],
    [11, 11, 10, 90, true, 90.91],
    [11, 11, 9, 80, true, 81.82],
    [11, 11, 8, 80, false, 72.73],
    [9, 7, 7, 80, false, 77.78], // two absent members count against
  ];
  it.each(rows)('%d members, %d present, %d agree, threshold %d%% → passed %s (%d%%)', (total, present, agree, threshold, passed, rate) => {
    const v = judgeVote({ membersTotal: total, membersPresent: present }, { agree, disagree: present - agree, abstain: 0 }, threshold);
    expect(v.passed).toBe(passed);
    expect(v.ratePercent).toBe(rate);
    expect(v.reason).toMatch(passed ? /đạt ngưỡng/u : /chưa đạt ngưỡng/u);
  });

  it.each([
    [15, 10, true],
    [15, 9, false],
    [9, 6, true],
    [9, 5, false],
  ])('quorum: %d members, %d present → may vote %s', (total, present, ok) => {
    expect(attendanceProblems({ membersTotal: total, membersPresent: present }).length === 0).toBe(ok);
    expect(quorumOf(total)).toBe(Math.ceil((total * 2) / 3));
  });

  it('votes cannot exceed the members present', () => {
    expect(voteProblems({ membersTotal: 15, membersPresent: 12 }, { agree: 10, disagree: 2, abstain: 0 }, 'Hộ ông A')).toEqual([]);
    expect(voteProblems({ membersTotal: 15, membersPresent: 12 }, { agree: 10, disagree: 2, abstain: 1 }, 'Hộ ông A')[0]).toMatch(/nhiều hơn số thành viên có mặt/u);
    expect(voteProblems({ membersTotal: 15, membersPresent: 12 }, { agree: -1, disagree: 0, abstain: 0 }, 'Hộ ông A')[0]).toMatch(/không âm/u);
  });
});
