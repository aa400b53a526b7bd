import { describe, expect, it } from 'vitest';
import { defaultCampaignPeriod, ledgerBalances, overdrawRefusal, type FundPeriod, type LedgerEntry } from './ledger.ts';

// Quỹ "Vì người nghèo" (QĐ 1198/QĐ-MTTW-ĐCT): each level and period: opening + received − spent = closing, and the
// opening of a period is the closing of the level's previous period.
const period = (id: string, fundUnitCode: string, year: number, openingBalance: number | null = null): FundPeriod => {
  const p = defaultCampaignPeriod(year);
  return { id, fundUnitCode, name: p.name, from: p.from, to: p.to, openingBalance };
};
const contribution = (fundUnitCode: string, date: string, value: number): LedgerEntry => ({ kind: 'contribution', fundUnitCode, date, value });
const gift = (fundUnitCode: string, date: string, value: number): LedgerEntry => ({ kind: 'direct_gift', fundUnitCode, date, value, purpose: 'housing' });
const spend = (fundUnitCode: string, date: string, value: number, purpose: 'housing' | 'schooling' | 'relief' = 'housing'): LedgerEntry => ({ kind: 'disbursement', fundUnitCode, date, value, purpose });

const periods = [period('p20-17', '20', 2017, 1_000_000_000), period('p20-18', '20', 2018), period('p188-17', '188', 2017), period('p188-18', '188', 2018), period('p6529-17', '06529', 2017, 5_000_000)];
const entries: LedgerEntry[] = [
  contribution('20', '2017-10-20', 300_000_000),
  contribution('20', '2017-11-18', 200_000_000),
  spend('20', '2018-03-01', 700_000_000),
  contribution('20', '2018-10-17', 100_000_000),
  spend('20', '2019-10-16', 50_000_000, 'schooling'),
  contribution('188', '2017-10-17', 40_000_000),
  gift('188', '2017-12-01', 15_000_000),
  spend('188', '2018-02-01', 30_000_000, 'relief'),
  spend('188', '2018-11-01', 10_000_000),
  contribution('06529', '2018-01-01', 2_000_000),
];

describe('ledgerBalances', () => {
  const { balances, outside, warnings } = ledgerBalances(entries, periods);
  const row = (id: string) => balances.find((b) => b.periodId === id)!;

  const cases = [
    { situation: 'tỉnh 2017–2018: đầu kỳ khai báo 1 tỷ, thu 500 triệu, chi 700 triệu', id: 'p20-17', opening: 1_000_000_000, received: 500_000_000, spent: 700_000_000, closing: 800_000_000 },
    { situation: 'tỉnh 2018–2019: đầu kỳ = cuối kỳ trước; khoản chi ngày 16/10/2019 vẫn thuộc kỳ', id: 'p20-18', opening: 800_000_000, received: 100_000_000, spent: 50_000_000, closing: 850_000_000 },
    { situation: 'huyện 2017–2018: hỗ trợ trực tiếp tính vào cả thu và chi', id: 'p188-17', opening: 0, received: 55_000_000, spent: 45_000_000, closing: 10_000_000 },
    { situation: 'huyện 2018–2019: chi hết số dư', id: 'p188-18', opening: 10_000_000, received: 0, spent: 10_000_000, closing: 0 },
    { situation: 'xã: đầu kỳ khai báo 5 triệu', id: 'p6529-17', opening: 5_000_000, received: 2_000_000, spent: 0, closing: 7_000_000 },
  ];
  it.each(cases)('$situation', ({ id, opening, received, spent, closing }) => {
    expect(row(id)).toMatchObject({ opening, received, spent, closing });
  });

  it('reconciles every level and period: opening + received − spent = closing, opening = previous closing', () => {
    for (const b of balances) expect(b.opening + b.received - b.spent).toBe(b.closing);
    for (const level of ['20', '188']) {
      const list = balances.filter((b) => b.fundUnitCode === level);
      for (let i = 1; i < list.length; i += 1) expect(list[i]!.opening).toBe(list[i - 1]!.closing);
    }
    expect(warnings).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('splits spending by purpose, direct gifts included', () => {
    expect(row('p188-17').spentByPurpose).toMatchObject({ housing: 15_000_000, relief: 30_000_000 });
    expect(row('p20-18').spentByPurpose.schooling).toBe(50_000_000);
  });

  it('reports an entry no period covers instead of losing it silently', () => {
    const r = ledgerBalances([contribution('20', '2016-01-01', 1)], periods);
    expect(r.outside).toHaveLength(1);
  });

  it('warns about overlapping periods and about a declared opening that is not the previous closing', () => {
    const r = ledgerBalances([], [period('a', '20', 2017), { ...period('b', '20', 2018, 7), from: '2018-10-01' }]);
    expect(r.warnings.join(' ')).toMatch(/trùng thời gian/u);
    expect(r.warnings.join(' ')).toMatch(/khác số dư cuối kỳ trước/u);
  });
});

describe('overdrawRefusal', () => {
  const cases = [
    { situation: 'chi trong số dư → cho phép', value: 7_000_000, refused: false },
    { situation: 'chi vượt số dư 1 đồng → từ chối', value: 7_000_001, refused: true },
  ];
  it.each(cases)('$situation', ({ value, refused }) => {
    const r = overdrawRefusal(entries, periods, spend('06529', '2018-02-01', value));
    expect(r !== null).toBe(refused);
    if (refused) expect(r).toMatch(/Số dư quỹ không đủ/u);
  });

  it('refuses a disbursement that an earlier date would make the later period go negative', () => {
    // The province's 2018–2019 period ends at 850 triệu; spending 900 triệu in 2017–2018 makes 2017–2018 close at −100 triệu.
    expect(overdrawRefusal(entries, periods, spend('20', '2018-05-01', 900_000_000))).toMatch(/Năm vận động 2017–2018/u);
  });
});

describe('defaultCampaignPeriod', () => {
  it('has the peak month 17/10–18/11', () => {
    expect(defaultCampaignPeriod(2017)).toEqual({ name: 'Năm vận động 2017–2018', from: '2017-10-17', to: '2018-10-16', peakFrom: '2017-10-17', peakTo: '2017-11-18' });
  });
});
