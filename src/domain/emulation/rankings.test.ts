import { describe, expect, it } from 'vitest';
import { rankEntries, TIE_BREAK_RULE } from './rankings.ts';

const e = (name: string, total: number, measured: number, registeredOn: string) => ({ key: name, name, total, measured, registeredOn });

describe('rankEntries — total, then measured points, then earlier registration, then Vietnamese name order', () => {
  const cases = [
    { situation: 'tổng điểm cao hơn xếp trên', entries: [e('Xã B', 80, 0, '2017-02-01'), e('Xã A', 90, 0, '2017-03-01')], order: ['Xã A', 'Xã B'], tie: null },
    { situation: 'bằng tổng, điểm đo lường cao hơn xếp trên', entries: [e('Xã A', 80, 20, '2017-01-01'), e('Xã B', 80, 25, '2017-03-01')], order: ['Xã B', 'Xã A'], tie: /điểm tính từ số liệu thấp hơn/u },
    { situation: 'bằng tổng và đo lường, đăng ký sớm hơn xếp trên', entries: [e('Xã A', 80, 25, '2017-03-01'), e('Xã B', 80, 25, '2017-02-01')], order: ['Xã B', 'Xã A'], tie: /đăng ký thi đua muộn hơn/u },
    { situation: 'bằng hết, theo tên tiếng Việt (Đ sau D)', entries: [e('Xã Đông', 80, 25, '2017-02-01'), e('Xã Dương', 80, 25, '2017-02-01')], order: ['Xã Dương', 'Xã Đông'], tie: /thứ tự tên/u },
  ];
  it.each(cases)('$situation', ({ entries, order, tie }) => {
    const ranked = rankEntries(entries);
    expect(ranked.map((r) => r.name)).toEqual(order);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
    if (tie) expect(ranked[1]!.tieBreak).toMatch(tie);
    else expect(ranked[1]!.tieBreak).toBeNull();
  });

  it('states the rule in Vietnamese', () => {
    expect(TIE_BREAK_RULE).toMatch(/tổng điểm.*tính từ số liệu.*đăng ký thi đua sớm hơn.*tên tiếng Việt/u);
  });
});
