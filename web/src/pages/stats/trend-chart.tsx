import { useMemo } from 'react';
import { formatPercent } from '../../../../src/shared/vi-format.ts';
import type { TrendResponse } from '../../api/endpoints.ts';
import { EChart } from './echart.tsx';
import type { EChartsCoreOption } from './echarts-setup.ts';

const percentLabel = (v: unknown) => (typeof v === 'number' ? formatPercent(v) : '—');

/**
 * The poor-household rate year by year against the plan's target path (the required reduction each year from the
 * period's first round) and the end-of-period goal as a horizontal line.
 */
export function trendOption(trend: TrendResponse): EChartsCoreOption {
  const years = trend.points.map((p) => p.year);
  const path = new Map(trend.targetPath.map((t) => [t.year, t.rate]));
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: percentLabel,
    },
    legend: { top: 0 },
    grid: { left: 56, right: 32, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: years.map(String), name: 'Năm', nameLocation: 'middle', nameGap: 28 },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { formatter: (v: number) => `${v.toLocaleString('vi-VN')}%` },
    },
    series: [
      {
        name: 'Tỷ lệ hộ nghèo',
        type: 'line',
        data: trend.points.map((p) => p.poorRate),
        symbolSize: 8,
        lineStyle: { width: 3 },
        itemStyle: { color: '#cf1322' },
        label: { show: true, position: 'top', formatter: (p: { value: number }) => formatPercent(p.value) },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#237804' },
          label: { formatter: `Mục tiêu ${trend.goal.goalYear}: ${formatPercent(trend.goal.rate)}`, position: 'insideEndTop' },
          data: [{ yAxis: trend.goal.rate }],
        },
      },
      {
        name: 'Tỷ lệ hộ cận nghèo',
        type: 'line',
        data: trend.points.map((p) => p.nearPoorRate),
        symbolSize: 6,
        itemStyle: { color: '#d48806' },
      },
      {
        name: 'Lộ trình mục tiêu',
        type: 'line',
        data: years.map((y) => path.get(y) ?? null),
        connectNulls: false,
        symbol: 'diamond',
        symbolSize: 8,
        lineStyle: { type: 'dashed', width: 2 },
        itemStyle: { color: '#0b5cad' },
      },
    ],
  };
}

export function TrendChart({ trend, height = 380 }: { trend: TrendResponse; height?: number }) {
  const option = useMemo(() => trendOption(trend), [trend]);
  return (
    <EChart
      className="trend-chart"
      option={option}
      height={height}
      label={`Tỷ lệ hộ nghèo ${trend.unitName} qua các năm so với lộ trình mục tiêu ${formatPercent(trend.goal.rate)} năm ${trend.goal.goalYear}`}
    />
  );
}
