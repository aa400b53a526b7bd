// The ranking's bar chart, in its own module so ECharts loads only when a ranking is shown (React.lazy).
import { useMemo } from 'react';
import { EChart } from '../stats/echart.tsx';
import { rankingChartOption } from './emulation-helpers.ts';

export default function RankingChart({ entries, title }: { entries: { rank: number; participantName: string; total: number }[]; title: string }) {
  const option = useMemo(() => rankingChartOption(entries), [entries]);
  return <EChart option={option} height={Math.max(160, Math.min(entries.length, 30) * 28 + 60)} label={`Biểu đồ xếp hạng ${title}`} className="ranking-chart" />;
}
