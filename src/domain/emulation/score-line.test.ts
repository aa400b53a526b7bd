import { describe, expect, it } from 'vitest';
import { invalidPoints, resolveScoreLine, type ScoreLineFacts } from './score-line.ts';

const none: Omit<ScoreLineFacts, 'kind'> = { maxPoints: 25, measured: null, self: null, verification: null, council: null, adjustment: null };
const self = { points: 20, note: 'Ban hành 3 văn bản hướng dẫn', evidenceCount: 2 };
const on = '2018-01-10';

describe('resolveScoreLine — how each line gets its points', () => {
  const cases: { situation: string; facts: ScoreLineFacts; points: number; status: string; source: string; says: RegExp }[] = [
    { situation: 'đo lường, chưa chạy tính điểm', facts: { ...none, kind: 'measured' }, points: 0, status: 'not_scored', source: 'formula', says: /chưa chạy tính điểm/u },
    { situation: 'đo lường, công thức cho 20,83', facts: { ...none, kind: 'measured', measured: { status: 'scored', points: 20.83, explanation: 'Năm 2017: …' } }, points: 20.83, status: 'scored', source: 'formula', says: /Năm 2017/u },
    { situation: 'đo lường, chưa có dữ liệu báo cáo', facts: { ...none, kind: 'measured', measured: { status: 'not_scored', points: 0, explanation: 'Chưa chấm: chưa có dữ liệu báo cáo' } }, points: 0, status: 'not_scored', source: 'formula', says: /chưa có dữ liệu báo cáo/u },
    { situation: 'minh chứng, chưa tự chấm', facts: { ...none, kind: 'evidence' }, points: 0, status: 'not_submitted', source: 'evidence', says: /chưa tự chấm/u },
    { situation: 'minh chứng, tự chấm 20 chờ thẩm định → chưa tính', facts: { ...none, kind: 'evidence', self }, points: 0, status: 'pending_verification', source: 'evidence', says: /chờ Ban Thi đua/u },
    { situation: 'minh chứng, Ban chấp nhận → 20', facts: { ...none, kind: 'evidence', self, verification: { decision: 'accept', points: 20, reason: null, by: 'Nguyễn Văn Thẩm', on } }, points: 20, status: 'scored', source: 'evidence', says: /Nguyễn Văn Thẩm thẩm định ngày 10\/01\/2018: chấp nhận/u },
    { situation: 'minh chứng, Ban điều chỉnh còn 15 có lý do', facts: { ...none, kind: 'evidence', self, verification: { decision: 'adjust', points: 15, reason: 'Một văn bản ban hành muộn', by: 'B', on } }, points: 15, status: 'scored', source: 'evidence', says: /điều chỉnh → 15 điểm — lý do: Một văn bản ban hành muộn/u },
    { situation: 'minh chứng, Ban không chấp nhận → 0', facts: { ...none, kind: 'evidence', self, verification: { decision: 'reject', points: 0, reason: 'Minh chứng không liên quan', by: 'B', on } }, points: 0, status: 'scored', source: 'evidence', says: /không chấp nhận/u },
    { situation: 'hội đồng, chưa chấm', facts: { ...none, kind: 'council' }, points: 0, status: 'not_scored', source: 'council', says: /Chưa được Hội đồng/u },
    { situation: 'hội đồng chấm 18', facts: { ...none, kind: 'council', council: { points: 18, note: null, by: 'Lương Thị Hội', on } }, points: 18, status: 'scored', source: 'council', says: /Lương Thị Hội \(Hội đồng\) chấm 18 điểm/u },
    {
      situation: 'Ban điều chỉnh điểm đo lường từ 20,83 lên 25 có lý do',
      facts: { ...none, kind: 'measured', measured: { status: 'scored', points: 20.83, explanation: 'Năm 2017: …' }, adjustment: { points: 25, reason: 'Số liệu rà soát đã đính chính', by: 'Trần Văn Ban', on, fromPoints: 20.83 } },
      points: 25,
      status: 'scored',
      source: 'board_adjustment',
      says: /từ 20,83 thành 25 điểm — lý do: Số liệu rà soát đã đính chính/u,
    },
  ];
  it.each(cases)('$situation', ({ facts, points, status, source, says }) => {
    const r = resolveScoreLine(facts);
    expect(r.points).toBe(points);
    expect(r.status).toBe(status);
    expect(r.source).toBe(source);
    expect(r.explanation).toMatch(says);
  });
});

describe('invalidPoints', () => {
  const cases = [
    { points: 0, ok: true },
    { points: 25, ok: true },
    { points: 25.01, ok: false },
    { points: -1, ok: false },
    { points: 12.5, ok: true },
    { points: 12.345, ok: false },
  ];
  it.each(cases)('$points of 25 → $ok', ({ points, ok }) => {
    expect(invalidPoints(points, 25, '1.1') === null).toBe(ok);
  });
});
