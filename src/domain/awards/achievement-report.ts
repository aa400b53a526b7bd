// The first draft of a nominee's achievement report (báo cáo thành tích), written from the data the platform holds:
// the emulation score and ranking, the yearly rate reductions, the escape from poverty, the exemplar story and the
// resources mobilised. The officer edits it; the platform never overwrites the edited text.

import { formatMoney, formatNumber } from '../../shared/vi-format.ts';
import type { NomineeKind } from './award-forms.ts';

export interface AchievementFacts {
  readonly kind: NomineeKind;
  readonly name: string;
  /** E.g. "Xã Yên Khoái, huyện Lộc Bình". */
  readonly place: string;
  readonly campaignName: string;
  readonly roundName: string;
  readonly score?: { readonly total: number; readonly rank: number | null; readonly groupName: string | null } | null;
  readonly rates?: readonly { readonly year: number; readonly rate: number }[];
  readonly stableEscapeYears?: number | null;
  readonly exemplarStory?: string | null;
  readonly resourcesMobilised?: number | null;
}

const pct = (v: number) => `${formatNumber(v, 2)}%`;

export function draftAchievementReport(f: AchievementFacts): string {
  const lines: string[] = [];
  const who = f.kind === 'household' ? `Hộ gia đình ${f.name}` : f.name;
  lines.push(`${who} (${f.place}) đã tích cực hưởng ứng ${f.campaignName}, ${f.roundName}.`);
  if (f.rates && f.rates.length >= 2) {
    const first = f.rates[0];
    const last = f.rates[f.rates.length - 1];
    if (first && last) {
      const drop = Math.round((first.rate - last.rate) * 100) / 100;
      lines.push(
        `Tỷ lệ hộ nghèo trên địa bàn giảm từ ${pct(first.rate)} (năm ${first.year}) xuống ${pct(last.rate)} (năm ${last.year}), giảm ${formatNumber(drop, 2)} điểm phần trăm; từng năm: ${f.rates.map((r) => `${r.year}: ${pct(r.rate)}`).join('; ')}.`,
      );
    }
  }
  if (f.stableEscapeYears !== undefined && f.stableEscapeYears !== null) {
    lines.push(`Hộ đã thoát nghèo ổn định ${f.stableEscapeYears} năm, tự lực phát triển kinh tế, không để tái nghèo.`);
  }
  if (f.score) {
    const rank = f.score.rank !== null && f.score.groupName ? `, xếp thứ ${f.score.rank} trong ${f.score.groupName}` : '';
    lines.push(`Kết quả chấm điểm thi đua đạt ${formatNumber(f.score.total, 2)} điểm${rank}.`);
  }
  if (f.resourcesMobilised && f.resourcesMobilised > 0) {
    lines.push(`Đã vận động, đóng góp ${formatMoney(f.resourcesMobilised)} cho Quỹ "Vì người nghèo" và hỗ trợ trực tiếp hộ nghèo.`);
  }
  if (f.exemplarStory && f.exemplarStory.trim()) lines.push(f.exemplarStory.trim());
  return lines.join('\n');
}
