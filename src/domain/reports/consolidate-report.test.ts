import { describe, expect, it } from 'vitest';
import type { ApprovalState } from '../approval/approval-workflow.ts';
import { consolidateReport, type ConsolidationEntry } from './consolidate-report.ts';
import { figureValuesFromCounts, type FigureValues } from './report-figures.ts';
import { judgeTimeliness } from './timeliness.ts';

const values = (total: number, poor: number, escaped = 0, newPoor = 0): FigureValues =>
  figureValuesFromCounts({ total, poor, nearPoor: Math.round(total / 10), transitions: { escaped, new_poor: newPoor } });

const entry = (
  key: string,
  name: string,
  state: ApprovalState,
  current: FigureValues | null,
  previous: FigureValues | null,
  submittedOn: string | null = '2018-06-10',
): ConsolidationEntry => ({
  key,
  name,
  state,
  submitted: submittedOn !== null,
  timeliness: judgeTimeliness({ deadline: '2018-06-15', firstSubmittedOn: submittedOn, today: '2018-06-25' }),
  hasFigures: true,
  approvedValues: state === 'approved' ? current : null,
  previousValues: previous,
});

// Lộc Bình 45% → 40% (−5, band ≥ 40% needs 4: met); Đình Lập 30% → 28% (−2, needs 3: missed);
// Cao Lộc 20% → 16% (−4: met); Bắc Sơn submitted but waiting; Văn Quan never sent.
const entries: ConsolidationEntry[] = [
  entry('188', 'Huyện Lộc Bình', 'approved', values(1000, 400, 60, 10), values(1000, 450)),
  entry('189', 'Huyện Đình Lập', 'approved', values(500, 140, 15, 5), values(500, 150)),
  entry('183', 'Huyện Cao Lộc', 'approved', values(2000, 320, 90, 10), values(2000, 400)),
  entry('185', 'Huyện Bắc Sơn', 'submitted', values(900, 100), values(900, 120)),
  entry('184', 'Huyện Văn Quan', 'draft', values(800, 200), values(800, 220), null),
];

const result = consolidateReport({ roundYear: 2017, previousRoundYear: 2016, asOf: '2018-06-25', entries });

describe('the consolidated report sums approved reports only', () => {
  it('adds up the three approved districts and recomputes the rate', () => {
    expect(result.approvedCount).toBe(3);
    expect(result.recipientCount).toBe(5);
    expect(result.totals).toMatchObject({ total: 3500, poor: 860, poorRate: 24.57, escaped: 165, newPoor: 25 });
    expect(result.previousTotals).toMatchObject({ total: 3500, poor: 1000, poorRate: 28.57 });
  });

  it('lists who never sent and who is not approved yet', () => {
    expect(result.missing).toEqual([{ key: '184', name: 'Huyện Văn Quan', label: 'Không gửi (quá hạn 10 ngày)' }]);
    expect(result.notApproved).toEqual([{ key: '185', name: 'Huyện Bắc Sơn', stateLabel: 'Chờ phê duyệt' }]);
  });

  it('does not count a submitted report whose figures are not approved', () => {
    const row = result.rows.find((r) => r.key === '185');
    expect(row?.values).toBeNull();
    expect(row?.attainment).toBeNull();
  });

  it('judges each approved unit against plan 165 (≥ 40% must fall 4 points, otherwise 3)', () => {
    const judged = Object.fromEntries(result.rows.filter((r) => r.attainment).map((r) => [r.name, [r.reduction, r.attainment?.required, r.attainment?.attained]]));
    expect(judged).toEqual({
      'Huyện Cao Lộc': [4, 3, true],
      'Huyện Đình Lập': [2, 3, false],
      'Huyện Lộc Bình': [5, 4, true],
    });
    expect(result.ruleSet).toBe('plan165-2017@1');
  });

  it('names the best and the worst unit by rate reduction', () => {
    expect(result.best?.name).toBe('Huyện Lộc Bình');
    expect(result.worst?.name).toBe('Huyện Đình Lập');
  });

  it('drafts the narrative in Vietnamese from the figures', () => {
    expect(result.narrative).toEqual([
      'Đến ngày 25/06/2018, 3/5 đơn vị đã được phê duyệt báo cáo. Còn 1 đơn vị chưa gửi báo cáo: Huyện Văn Quan. Có 1 đơn vị đã gửi nhưng chưa được phê duyệt: Huyện Bắc Sơn (chờ phê duyệt).',
      'Theo kết quả rà soát năm 2017 của 3 đơn vị đã được phê duyệt: tổng số 3.500 hộ; hộ nghèo 860 hộ, chiếm 24,57%; hộ cận nghèo 350 hộ, chiếm 10,00%. Trong kỳ có 165 hộ thoát nghèo, 25 hộ nghèo phát sinh và 0 hộ tái nghèo.',
      'So với kết quả rà soát năm 2016, tỷ lệ hộ nghèo giảm 4,00 điểm phần trăm (từ 28,57% xuống 24,57%); số hộ nghèo giảm 140 hộ.',
      'Đối chiếu mục tiêu giảm nghèo năm 2017 (Mục tiêu giảm nghèo theo Kế hoạch 165/KH-UBND năm 2017): 2/3 đơn vị đạt mục tiêu (Huyện Cao Lộc, Huyện Lộc Bình); chưa đạt: Huyện Đình Lập (giảm 2,00 điểm, yêu cầu giảm ít nhất 3,00 điểm). Chung các đơn vị đã phê duyệt: đạt mục tiêu (giảm 4,00 điểm, yêu cầu 3,00 điểm).',
      'Đơn vị giảm tỷ lệ hộ nghèo nhiều nhất: Huyện Lộc Bình (giảm 5,00 điểm, còn 40,00%); đơn vị giảm ít nhất: Huyện Đình Lập (giảm 2,00 điểm, còn 28,00%).',
    ]);
  });
});

describe('when the data does not allow more', () => {
  it('skips the trend and the targets without a previous round', () => {
    const r = consolidateReport({ roundYear: 2016, previousRoundYear: null, asOf: '2017-01-10', entries: entries.map((e) => ({ ...e, previousValues: null })) });
    expect(r.previousTotals).toBeNull();
    expect(r.rows.every((row) => row.attainment === null)).toBe(true);
    expect(r.best).toBeNull();
    expect(r.narrative).toHaveLength(2);
  });

  it('does not judge yearly targets across a gap of two rounds', () => {
    const r = consolidateReport({ roundYear: 2018, previousRoundYear: 2016, asOf: '2019-01-10', entries });
    expect(r.rows.every((row) => row.attainment === null)).toBe(true);
    expect(r.narrative.join(' ')).toMatch(/So với kết quả rà soát năm 2016/u);
  });

  it('reports a rise as a rise', () => {
    const r = consolidateReport({
      roundYear: 2017,
      previousRoundYear: 2016,
      asOf: '2018-06-25',
      entries: [entry('188', 'Huyện Lộc Bình', 'approved', values(1000, 460), values(1000, 450))],
    });
    expect(r.narrative[2]).toBe('So với kết quả rà soát năm 2016, tỷ lệ hộ nghèo tăng 1,00 điểm phần trăm (từ 45,00% lên 46,00%); số hộ nghèo tăng 10 hộ.');
  });

  it('has no totals while nothing is approved', () => {
    const r = consolidateReport({ roundYear: 2017, previousRoundYear: 2016, asOf: '2018-06-25', entries: entries.filter((e) => e.state !== 'approved') });
    expect(r.totals).toBeNull();
    expect(r.narrative).toHaveLength(1);
  });
});
