import { describe, expect, it } from 'vitest';
import { roundStageOn, stepRefusal, validateWindows, type RoundWindows } from './round-calendar.ts';

const w: RoundWindows = {
  selfAssessmentFrom: '2017-12-15',
  selfAssessmentTo: '2018-01-05',
  verificationUntil: '2018-01-15',
  councilScoringOn: '2018-01-20',
  publicationOn: '2018-01-25',
  ceremonyOn: null,
};

describe('stepRefusal — the windows of a round', () => {
  const cases = [
    { step: 'self_assessment', today: '2017-12-14', allowed: false },
    { step: 'self_assessment', today: '2017-12-15', allowed: true },
    { step: 'self_assessment', today: '2018-01-05', allowed: true },
    { step: 'self_assessment', today: '2018-01-06', allowed: false },
    { step: 'verification', today: '2018-01-15', allowed: true },
    { step: 'verification', today: '2018-01-16', allowed: false },
    { step: 'council', today: '2017-12-14', allowed: false },
    { step: 'council', today: '2018-03-01', allowed: true },
    { step: 'publication', today: '2018-01-04', allowed: false },
    { step: 'publication', today: '2018-01-05', allowed: true },
  ] as const;
  it.each(cases)('$step on $today → $allowed', ({ step, today, allowed }) => {
    expect(stepRefusal(step, w, today, false) === null).toBe(allowed);
  });

  it('closes every step once published', () => {
    expect(stepRefusal('council', w, '2018-01-20', true)).toMatch(/đã công bố/u);
  });

  it('tells the participant the dates in dd/MM/yyyy', () => {
    expect(stepRefusal('self_assessment', w, '2018-01-06', false)).toBe('Đã hết thời gian tự chấm điểm (hạn 05/01/2018).');
  });
});

describe('validateWindows', () => {
  it('accepts windows in order', () => expect(validateWindows(w)).toEqual([]));
  it('refuses a verification deadline before the end of self-assessment', () => {
    expect(validateWindows({ ...w, verificationUntil: '2018-01-01' })).toContain('Hạn thẩm định không được trước ngày kết thúc tự chấm.');
  });
  it('refuses a ceremony before publication (tổng kết 2020: lễ ngày 11/06/2020)', () => {
    expect(validateWindows({ ...w, ceremonyOn: '2018-01-24' }).join(' ')).toMatch(/lễ tổng kết/u);
  });
});

describe('roundStageOn', () => {
  const cases = [
    { today: '2017-12-01', stage: 'upcoming' },
    { today: '2017-12-20', stage: 'self_assessment' },
    { today: '2018-01-10', stage: 'verification' },
    { today: '2018-01-18', stage: 'council' },
    { today: '2018-01-22', stage: 'awaiting_publication' },
  ];
  it.each(cases)('$today → $stage', ({ today, stage }) => expect(roundStageOn(w, today, false).stage).toBe(stage));
});
