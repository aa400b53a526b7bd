import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts-setup.ts';

export interface ChartClick {
  name: string;
  seriesName?: string;
  value?: unknown;
  data?: unknown;
}

/**
 * One ECharts chart in a div: created once, given a new option whenever `option` changes, resized with its box, and
 * disposed with the component. `onClick` receives the clicked item (a map area's code is its `name`).
 */
export function EChart({
  option,
  height = 360,
  onClick,
  className,
  label,
}: {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (item: ChartClick) => void;
  className?: string;
  /** Read out by screen readers in place of the canvas. */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.(params as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
