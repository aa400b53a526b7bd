import { formatPercent } from '../../../../src/shared/vi-format.ts';

interface Point {
  year: number;
  poorRate: number | null;
}

/**
 * A commune's rate over the years as a small line (plain SVG: 65 rows need no chart library). Withheld years are
 * gaps, never zeros.
 */
export function TrendSparkline({ points, width = 140, height = 32 }: { points: Point[]; width?: number; height?: number }) {
  const known = points.filter((p): p is { year: number; poorRate: number } => p.poorRate !== null);
  if (known.length < 2) return <span>—</span>;
  const max = Math.max(...known.map((p) => p.poorRate), 1);
  const step = points.length > 1 ? (width - 8) / (points.length - 1) : 0;
  const x = (i: number) => 4 + i * step;
  const y = (v: number) => height - 4 - (v / max) * (height - 8);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.poorRate === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(p.poorRate).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const first = known[0]!;
  const last = known[known.length - 1]!;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`Tỷ lệ hộ nghèo từ ${formatPercent(first.poorRate)} năm ${first.year} đến ${formatPercent(last.poorRate)} năm ${last.year}`}
    >
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#cf1322" strokeWidth={1.8} />
      ))}
      <circle cx={x(points.indexOf(points.find((p) => p.year === last.year)!))} cy={y(last.poorRate)} r={2.5} fill="#cf1322" />
    </svg>
  );
}
