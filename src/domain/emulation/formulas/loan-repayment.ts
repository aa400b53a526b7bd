// Criterion 5b.4 of Kế hoạch 165/KH-UBND: "Sử dụng vốn vay Ngân hàng Chính sách xã hội đúng mục đích, trả lãi, trả gốc
// đúng hạn". Every loan the household held in the round's years must be used as intended with interest and principal
// paid on time: then full points; any loan that fails → 0, naming it. A household without such loans is not scored.

import { formatDate, formatMoney } from '../../../shared/vi-format.ts';
import { formatPointsValue, notScored, scored, type FormulaResult } from './formula-result.ts';

const VERSION = 1;

export interface LoanFacts {
  amount: number;
  purpose: string;
  disbursedOn: string;
  dueOn: string;
  usedAsIntended: boolean;
  interestOnTime: boolean;
  principalOnTime: boolean;
}

export interface LoanRepaymentInput {
  householdName: string;
  /** Loans disbursed on or before the end of the round's last year. */
  loans: readonly LoanFacts[];
  maxPoints: number;
}

function failures(l: LoanFacts): string[] {
  const out: string[] = [];
  if (!l.usedAsIntended) out.push('không đúng mục đích');
  if (!l.interestOnTime) out.push('trả lãi không đúng hạn');
  if (!l.principalOnTime) out.push('trả gốc không đúng hạn');
  return out;
}

export function scoreLoanRepayment(input: LoanRepaymentInput): FormulaResult {
  const inputs = {
    loans: input.loans.map((l) => ({ ...l, failures: failures(l) })),
  };
  if (input.loans.length === 0) {
    return notScored('loan_repayment', VERSION, input.maxPoints, `${input.householdName}: không có khoản vay Ngân hàng Chính sách xã hội trong kỳ nên không chấm tiêu chí này.`, inputs);
  }
  const described = input.loans.map((l) => {
    const f = failures(l);
    return `vay ${formatMoney(l.amount)} (${l.purpose}, giải ngân ${formatDate(l.disbursedOn)}, hạn ${formatDate(l.dueOn)}): ${f.length === 0 ? 'đúng mục đích, trả lãi và gốc đúng hạn' : f.join(', ')}`;
  });
  const bad = input.loans.filter((l) => failures(l).length > 0).length;
  const points = bad === 0 ? input.maxPoints : 0;
  return scored(
    'loan_repayment',
    VERSION,
    input.maxPoints,
    points,
    `${input.householdName}: ${described.join('; ')} → ${bad === 0 ? `mọi khoản vay đạt yêu cầu → ${formatPointsValue(points)} điểm` : `${bad} khoản vay không đạt → 0 điểm`}.`,
    inputs,
  );
}
