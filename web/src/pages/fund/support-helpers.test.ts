import { describe, expect, it } from 'vitest';
import { supportTotalsByKind } from './support-helpers.ts';

describe('supportTotalsByKind', () => {
  it('adds up each kind in the order of the kinds, leaving out kinds with nothing recorded', () => {
    const totals = supportTotalsByKind([
      { kind: 'training', quantity: 30, value: 15_000_000 },
      { kind: 'jobs', quantity: 5, value: 0 },
      { kind: 'training', quantity: 12, value: 6_000_000 },
      { kind: 'capital', quantity: 0, value: 20_000_000 },
    ]);
    expect(totals.rows.map((r) => [r.kind, r.count, r.quantity, r.value])).toEqual([
      ['jobs', 1, 5, 0],
      ['capital', 1, null, 20_000_000],
      ['training', 2, 42, 21_000_000],
    ]);
    expect(totals.rows[2]).toMatchObject({ label: 'Đào tạo nghề, tập huấn', quantityUnit: 'người' });
    expect(totals).toMatchObject({ count: 4, value: 41_000_000 });
  });

  it('gives no rows and zero totals for no activities', () => {
    expect(supportTotalsByKind([])).toEqual({ rows: [], count: 0, value: 0 });
  });
});
