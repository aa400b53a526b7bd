// The public disclosure of a fund level and period (DOMAIN.md §7: "published for transparency, beneficiaries'
// identities protected in public views"). Built only from totals, the names of donors who agreed to be named, and
// spending by purpose: the input carries no beneficiary at all, so none can leak into the page.

import { spendingPurposeLabels, spendingPurposes, type PeriodBalance, type SpendingPurpose } from './ledger.ts';

export interface DonorFact {
  name: string;
  agreesToBeNamed: boolean;
  value: number;
  form: 'cash' | 'kind';
  direct: boolean;
}

export interface PublicDisclosure {
  periodName: string;
  from: string;
  to: string;
  opening: number;
  received: number;
  receivedIntoFund: number;
  directGifts: number;
  spent: number;
  closing: number;
  /** Donors who agreed to be named, largest total first; one line per donor name. */
  namedDonors: { name: string; total: number; contributions: number }[];
  /** How many contributions came from donors who asked not to be named, and their total. */
  anonymous: { contributions: number; total: number };
  spendingByPurpose: { purpose: SpendingPurpose; label: string; total: number }[];
}

export function buildPublicDisclosure(balance: PeriodBalance, donors: readonly DonorFact[]): PublicDisclosure {
  const named = new Map<string, { name: string; total: number; contributions: number }>();
  let anonymousCount = 0;
  let anonymousTotal = 0;
  for (const d of donors) {
    if (!d.agreesToBeNamed) {
      anonymousCount += 1;
      anonymousTotal += d.value;
      continue;
    }
    const key = d.name.normalize('NFC').trim();
    const line = named.get(key) ?? { name: key, total: 0, contributions: 0 };
    line.total += d.value;
    line.contributions += 1;
    named.set(key, line);
  }
  return {
    periodName: balance.name,
    from: balance.from,
    to: balance.to,
    opening: balance.opening,
    received: balance.received,
    receivedIntoFund: balance.receivedIntoFund,
    directGifts: balance.directGifts,
    spent: balance.spent,
    closing: balance.closing,
    namedDonors: [...named.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi')),
    anonymous: { contributions: anonymousCount, total: anonymousTotal },
    spendingByPurpose: spendingPurposes.map((purpose) => ({ purpose, label: spendingPurposeLabels[purpose], total: balance.spentByPurpose[purpose] })),
  };
}
