import { describe, expect, it } from 'vitest';
import { scoreLoanRepayment, type LoanFacts } from './loan-repayment.ts';

// Tiêu chí 5b.4: sử dụng vốn vay NHCSXH đúng mục đích, trả lãi, trả gốc đúng hạn.
const good: LoanFacts = { amount: 50_000_000, purpose: 'Chăn nuôi trâu', disbursedOn: '2016-03-01', dueOn: '2019-03-01', usedAsIntended: true, interestOnTime: true, principalOnTime: true };

describe('loan_repayment', () => {
  const cases = [
    { situation: 'một khoản vay đạt cả ba yêu cầu → 25', loans: [good], points: 25 },
    { situation: 'hai khoản đều đạt → 25', loans: [good, { ...good, amount: 30_000_000 }], points: 25 },
    { situation: 'dùng sai mục đích → 0', loans: [{ ...good, usedAsIntended: false }], points: 0 },
    { situation: 'trả lãi muộn → 0', loans: [{ ...good, interestOnTime: false }], points: 0 },
    { situation: 'trả gốc muộn → 0', loans: [{ ...good, principalOnTime: false }], points: 0 },
    { situation: 'một khoản đạt, một khoản trả gốc muộn → 0', loans: [good, { ...good, principalOnTime: false }], points: 0 },
  ];
  it.each(cases)('$situation', ({ loans, points }) => {
    const r = scoreLoanRepayment({ householdName: 'Hộ A', loans, maxPoints: 25 });
    expect(r.status).toBe('scored');
    expect(r.points).toBe(points);
    expect(r.explanation).toContain('50.000.000 đ');
  });

  it('names the failure', () => {
    const r = scoreLoanRepayment({ householdName: 'Hộ A', loans: [{ ...good, principalOnTime: false }], maxPoints: 25 });
    expect(r.explanation).toMatch(/trả gốc không đúng hạn/u);
  });

  it('is not scored for a household without loans', () => {
    const r = scoreLoanRepayment({ householdName: 'Hộ A', loans: [], maxPoints: 25 });
    expect(r.status).toBe('not_scored');
  });
});
