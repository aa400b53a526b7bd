import { describe, expect, it } from 'vitest';
import { buildPublicDisclosure } from './disclosure.ts';
import { ledgerBalances } from './ledger.ts';

describe('buildPublicDisclosure', () => {
  const [balance] = ledgerBalances(
    [
      { kind: 'contribution', fundUnitCode: '188', date: '2017-10-20', value: 10_000_000 },
      { kind: 'contribution', fundUnitCode: '188', date: '2017-10-21', value: 5_000_000 },
      { kind: 'disbursement', fundUnitCode: '188', date: '2017-12-01', value: 8_000_000, purpose: 'housing' },
    ],
    [{ id: 'p', fundUnitCode: '188', name: 'Năm vận động 2017–2018', from: '2017-10-17', to: '2018-10-16', openingBalance: null }],
  ).balances;

  const donors = [
    { name: 'Công ty CP Xi măng Đồng Bành', agreesToBeNamed: true, value: 6_000_000, form: 'cash' as const, direct: false },
    { name: 'Công ty CP Xi măng Đồng Bành', agreesToBeNamed: true, value: 1_000_000, form: 'kind' as const, direct: false },
    { name: 'Ông Nông Văn Ẩn Danh', agreesToBeNamed: false, value: 8_000_000, form: 'cash' as const, direct: false },
  ];
  const page = buildPublicDisclosure(balance!, donors);

  it('names only the donors who agreed, one line per donor', () => {
    expect(page.namedDonors).toEqual([{ name: 'Công ty CP Xi măng Đồng Bành', total: 7_000_000, contributions: 2 }]);
    expect(JSON.stringify(page)).not.toContain('Nông Văn');
    expect(page.anonymous).toEqual({ contributions: 1, total: 8_000_000 });
  });

  it('shows totals and spending by purpose, every purpose listed', () => {
    expect(page).toMatchObject({ opening: 0, received: 15_000_000, spent: 8_000_000, closing: 7_000_000 });
    expect(page.spendingByPurpose.map((p) => [p.label, p.total])).toEqual([
      ['Xây dựng, sửa chữa nhà ở', 8_000_000],
      ['Hỗ trợ sản xuất, sinh kế', 0],
      ['Hỗ trợ học tập', 0],
      ['Hỗ trợ khám, chữa bệnh', 0],
      ['Cứu trợ, hỗ trợ đột xuất', 0],
    ]);
  });
});
