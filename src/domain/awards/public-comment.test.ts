import { describe, expect, it } from 'vitest';
import { commentPeriod, councilBlockedByComment, earliestCouncilDay, isOpenForComment } from './public-comment.ts';

describe('public comment before the council (≥ 10 working days)', () => {
  // published on, working days → last day of the period
  it.each([
    ['2024-03-04', 10, '2024-03-15'], // Monday: two full weeks
    ['2024-03-02', 10, '2024-03-15'], // Saturday: the period starts on Monday
    ['2024-04-22', 10, '2024-05-07'], // 30/4 and 1/5 are not working days
    ['2020-05-25', 3, '2020-05-27'],
  ])('published %s for %d working days → ends %s', (from, days, to) => {
    const p = commentPeriod(from, days);
    expect(p.to).toBe(to);
    expect(earliestCouncilDay(p) > p.to).toBe(true);
  });

  const period = commentPeriod('2024-03-04', 10);
  it.each([
    ['2024-03-04', false],
    ['2024-03-15', false],
    ['2024-03-16', true],
    ['2024-03-18', true],
  ])('the council meeting on %s is allowed: %s', (day, allowed) => {
    const blocked = councilBlockedByComment(period, day);
    expect(blocked === null).toBe(allowed);
    if (!allowed) expect(blocked).toMatch(/Chưa hết thời gian lấy ý kiến nhân dân \(10 ngày làm việc, từ 04\/03\/2024 đến hết 15\/03\/2024\)/u);
  });

  it('without publication the council cannot meet on a State-level batch', () => {
    expect(councilBlockedByComment(null, '2024-05-01')).toMatch(/phải được công khai lấy ý kiến nhân dân/u);
  });

  it.each([
    ['2024-03-03', false],
    ['2024-03-04', true],
    ['2024-03-15', true],
    ['2024-03-16', false],
  ])('open for comment on %s: %s', (day, open) => {
    expect(isOpenForComment(period, day)).toBe(open);
  });
});
