import { describe, expect, it } from 'vitest';
import { scoreReportTimeliness } from './report-timeliness.ts';

// Tiêu chí 2.2, 3.2: đúng hạn đủ điểm; muộn trừ 1 điểm mỗi ngày; không nộp 0 điểm.
const due = (title: string, dueOn: string, submittedOn: string | null) => ({ title, dueOn, submittedOn });

describe('report_timeliness', () => {
  const cases = [
    { situation: 'nộp đúng ngày hạn → 25', reports: [due('Báo cáo năm', '2017-12-15', '2017-12-15')], points: 25 },
    { situation: 'nộp trước hạn → 25', reports: [due('Báo cáo năm', '2017-12-15', '2017-12-10')], points: 25 },
    { situation: 'muộn 1 ngày → 24', reports: [due('Báo cáo năm', '2017-12-15', '2017-12-16')], points: 24 },
    { situation: 'muộn 30 ngày → 0, không âm', reports: [due('Báo cáo năm', '2017-11-15', '2017-12-20')], points: 0 },
    { situation: 'không nộp → 0', reports: [due('Báo cáo năm', '2017-12-15', null)], points: 0 },
    { situation: 'một đúng hạn, một không nộp → bình quân 12,5', reports: [due('Quý III', '2017-10-10', '2017-10-09'), due('Năm', '2017-12-15', null)], points: 12.5 },
  ];
  it.each(cases)('$situation', ({ reports, points }) => {
    const r = scoreReportTimeliness({ unitName: 'Huyện Lộc Bình', reports, asOf: '2017-12-31', maxPoints: 25 });
    expect(r.status).toBe('scored');
    expect(r.points).toBe(points);
  });

  it('is "not scored" with the reason "chưa có dữ liệu báo cáo" when no source is connected', () => {
    const r = scoreReportTimeliness({ unitName: 'Huyện Lộc Bình', reports: null, asOf: '2017-12-31', maxPoints: 25 });
    expect(r.status).toBe('not_scored');
    expect(r.points).toBe(0);
    expect(r.explanation).toContain('chưa có dữ liệu báo cáo');
  });

  it('does not count a deadline still to come as missing', () => {
    const r = scoreReportTimeliness({ unitName: 'Xã A', reports: [due('Năm', '2018-01-15', null)], asOf: '2017-12-31', maxPoints: 25 });
    expect(r.status).toBe('not_scored');
  });

  it('takes the points per day late from the criterion data', () => {
    const r = scoreReportTimeliness({ unitName: 'Xã A', reports: [due('Năm', '2017-12-15', '2017-12-18')], asOf: '2017-12-31', maxPoints: 25, params: { pointsPerDayLate: 2 } });
    expect(r.points).toBe(19);
    expect(r.explanation).toMatch(/muộn 3 ngày → 25 − 3 × 2 = 19/u);
  });
});
