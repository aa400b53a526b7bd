// Rankings of a round, per participant type and per cluster or block (DOMAIN.md §6). Ties are broken by a stated,
// fixed rule, so that two runs over the same scores give the same order and a participant can see why it is below
// another with the same total.

import { compareVi } from '../../shared/vi-text.ts';
import { formatPointsValue } from './formulas/formula-result.ts';

export const TIE_BREAK_RULE =
  'Xếp theo tổng điểm từ cao xuống thấp; bằng tổng điểm thì xếp trên đơn vị có điểm các tiêu chí tính từ số liệu cao hơn, ' +
  'rồi đơn vị đăng ký thi đua sớm hơn, rồi theo thứ tự tên tiếng Việt.';

export interface RankingEntryInput {
  key: string;
  name: string;
  total: number;
  measured: number;
  registeredOn: string;
}

export interface RankedEntry extends RankingEntryInput {
  rank: number;
  /** Why it is placed after the entry above it with the same total; null when totals differ. */
  tieBreak: string | null;
}

function compareEntries(a: RankingEntryInput, b: RankingEntryInput): number {
  return b.total - a.total || b.measured - a.measured || a.registeredOn.localeCompare(b.registeredOn) || compareVi(a.name, b.name) || a.key.localeCompare(b.key);
}

export function rankEntries(entries: readonly RankingEntryInput[]): RankedEntry[] {
  const sorted = [...entries].sort(compareEntries);
  return sorted.map((e, i) => {
    const above = i > 0 ? sorted[i - 1] : undefined;
    let tieBreak: string | null = null;
    if (above && above.total === e.total) {
      if (above.measured !== e.measured) {
        tieBreak = `Bằng ${formatPointsValue(e.total)} điểm với ${above.name}; điểm tính từ số liệu thấp hơn (${formatPointsValue(e.measured)} < ${formatPointsValue(above.measured)}).`;
      } else if (above.registeredOn !== e.registeredOn) {
        tieBreak = `Bằng điểm với ${above.name}; đăng ký thi đua muộn hơn (${e.registeredOn} so với ${above.registeredOn}).`;
      } else {
        tieBreak = `Bằng điểm và cùng ngày đăng ký với ${above.name}; xếp theo thứ tự tên.`;
      }
    }
    return { ...e, rank: i + 1, tieBreak };
  });
}
