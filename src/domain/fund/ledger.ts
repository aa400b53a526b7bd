// The ledger of the Fund for the Poor (Quỹ "Vì người nghèo"), run by the Fatherland Front committee of each level —
// province, district, commune (Quyết định 1198/QĐ-MTTW-ĐCT ngày 29/12/2016; DOMAIN.md §7). For every level and campaign
// period: opening (the previous period's closing; the first period's declared opening), received, spent, closing.
// Gifts that donors hand directly to named poor households never pass through the fund's account, but the donors report
// them so that they are counted: they appear as received and as spent in the same period, so they count in the totals
// and leave the balance unchanged. Money is whole đồng (integers), so the identity
// opening + received − spent = closing holds exactly.

import { formatMoney } from '../../shared/vi-format.ts';

export const spendingPurposes = ['housing', 'production', 'schooling', 'health', 'relief'] as const;
export type SpendingPurpose = (typeof spendingPurposes)[number];
export const spendingPurposeLabels: Record<SpendingPurpose, string> = {
  housing: 'Xây dựng, sửa chữa nhà ở',
  production: 'Hỗ trợ sản xuất, sinh kế',
  schooling: 'Hỗ trợ học tập',
  health: 'Hỗ trợ khám, chữa bệnh',
  relief: 'Cứu trợ, hỗ trợ đột xuất',
};

export interface FundPeriod {
  id: string;
  /** The Fatherland Front level: the unit code of the province, district or commune. */
  fundUnitCode: string;
  name: string;
  from: string;
  to: string;
  /** Declared opening balance; used only for the level's first period (later ones carry the previous closing). */
  openingBalance: number | null;
}

export type LedgerEntry =
  | { kind: 'contribution'; fundUnitCode: string; date: string; value: number }
  | { kind: 'direct_gift'; fundUnitCode: string; date: string; value: number; purpose: SpendingPurpose }
  | { kind: 'disbursement'; fundUnitCode: string; date: string; value: number; purpose: SpendingPurpose };

export interface PeriodBalance {
  periodId: string;
  fundUnitCode: string;
  name: string;
  from: string;
  to: string;
  opening: number;
  /** Contributions into the fund. */
  receivedIntoFund: number;
  /** Gifts given directly to households and reported (counted as received and as spent). */
  directGifts: number;
  received: number;
  /** Disbursements from the fund. */
  spentFromFund: number;
  spent: number;
  closing: number;
  spentByPurpose: Record<SpendingPurpose, number>;
  /** Where the opening came from, in Vietnamese. */
  openingBasis: string;
}

export interface LedgerResult {
  balances: PeriodBalance[];
  /** Entries no period of their level covers (they are left out of every balance). */
  outside: LedgerEntry[];
  /** Problems with the periods themselves, in Vietnamese (overlaps, a declared opening that is not used). */
  warnings: string[];
}

function emptyPurposes(): Record<SpendingPurpose, number> {
  return { housing: 0, production: 0, schooling: 0, health: 0, relief: 0 };
}

/** Periods of one level must not overlap: the problems in Vietnamese. */
export function periodOverlaps(periods: readonly FundPeriod[]): string[] {
  const problems: string[] = [];
  const byLevel = groupBy(periods, (p) => p.fundUnitCode);
  for (const list of byLevel.values()) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i += 1) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.from <= prev.to) problems.push(`Kỳ "${cur.name}" trùng thời gian với kỳ "${prev.name}" của cùng cấp quỹ ${cur.fundUnitCode}.`);
    }
    for (const p of sorted) if (p.from > p.to) problems.push(`Kỳ "${p.name}": ngày bắt đầu sau ngày kết thúc.`);
  }
  return problems;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** The period of the level that covers the date, or null. */
export function periodOn(periods: readonly FundPeriod[], fundUnitCode: string, date: string): FundPeriod | null {
  return periods.find((p) => p.fundUnitCode === fundUnitCode && p.from <= date && date <= p.to) ?? null;
}

export function ledgerBalances(entries: readonly LedgerEntry[], periods: readonly FundPeriod[]): LedgerResult {
  const warnings = periodOverlaps(periods);
  const outside: LedgerEntry[] = [];
  const balances: PeriodBalance[] = [];
  const byLevel = groupBy(periods, (p) => p.fundUnitCode);
  const covered = new Set<LedgerEntry>();
  for (const [level, list] of [...byLevel.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
    let previousClosing: number | null = null;
    let previousName = '';
    for (const p of sorted) {
      const own = entries.filter((e) => e.fundUnitCode === level && e.date >= p.from && e.date <= p.to && !covered.has(e));
      for (const e of own) covered.add(e);
      const sum = (kind: LedgerEntry['kind']) => own.filter((e) => e.kind === kind).reduce((s, e) => s + e.value, 0);
      const receivedIntoFund = sum('contribution');
      const directGifts = sum('direct_gift');
      const spentFromFund = sum('disbursement');
      const spentByPurpose = emptyPurposes();
      for (const e of own) if (e.kind !== 'contribution') spentByPurpose[e.purpose] += e.value;
      let opening: number;
      let openingBasis: string;
      if (previousClosing === null) {
        opening = p.openingBalance ?? 0;
        openingBasis = p.openingBalance === null ? 'Kỳ đầu tiên, không khai báo số dư đầu kỳ: 0 đ.' : 'Số dư đầu kỳ khai báo cho kỳ đầu tiên.';
      } else {
        opening = previousClosing;
        openingBasis = `Bằng số dư cuối kỳ "${previousName}".`;
        if (p.openingBalance !== null && p.openingBalance !== previousClosing) {
          warnings.push(`Kỳ "${p.name}" có số dư đầu kỳ khai báo ${formatMoney(p.openingBalance)} khác số dư cuối kỳ trước (${formatMoney(previousClosing)}): dùng số dư cuối kỳ trước.`);
        }
      }
      const received = receivedIntoFund + directGifts;
      const spent = spentFromFund + directGifts;
      const closing = opening + received - spent;
      balances.push({ periodId: p.id, fundUnitCode: level, name: p.name, from: p.from, to: p.to, opening, receivedIntoFund, directGifts, received, spentFromFund, spent, closing, spentByPurpose, openingBasis });
      previousClosing = closing;
      previousName = p.name;
    }
  }
  for (const e of entries) if (!covered.has(e)) outside.push(e);
  return { balances, outside, warnings };
}

/**
 * A disbursement may not take the fund below zero in its period or any later period of the level (the money would
 * already be spent). Returns the Vietnamese refusal or null.
 */
export function overdrawRefusal(entries: readonly LedgerEntry[], periods: readonly FundPeriod[], next: LedgerEntry): string | null {
  if (next.kind !== 'disbursement') return null;
  const result = ledgerBalances([...entries, next], periods);
  const negative = result.balances.find((b) => b.fundUnitCode === next.fundUnitCode && b.to >= next.date && b.closing < 0);
  if (!negative) return null;
  return `Số dư quỹ không đủ: sau khoản chi này, số dư cuối kỳ "${negative.name}" sẽ âm (${formatMoney(negative.closing)}).`;
}

/**
 * The default campaign period of a year: 17/10 of the year to 16/10 of the next, with the peak month of mobilisation
 * 17/10–18/11 ("Tháng cao điểm vì người nghèo").
 */
export function defaultCampaignPeriod(year: number): { name: string; from: string; to: string; peakFrom: string; peakTo: string } {
  return {
    name: `Năm vận động ${year}–${year + 1}`,
    from: `${year}-10-17`,
    to: `${year + 1}-10-16`,
    peakFrom: `${year}-10-17`,
    peakTo: `${year}-11-18`,
  };
}
