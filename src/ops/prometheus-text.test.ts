import { describe, expect, it } from 'vitest';
import { Counter, escapeLabelValue, formatValue, Histogram, renderGauge } from './prometheus-text.ts';

describe('Prometheus text exposition', () => {
  it.each([
    ['plain', 'GET', 'GET'],
    ['a double quote', 'a"b', 'a\\"b'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a line break', 'a\nb', 'a\\nb'],
    ['Vietnamese text stays as is', 'Lộc Bình', 'Lộc Bình'],
  ])('escapes a label value with %s', (_label, value, escaped) => {
    expect(escapeLabelValue(value)).toBe(escaped);
  });

  it.each([
    [0.25, '0.25'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
    [12, '12'],
  ])('writes %s as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('a counter keeps one series per label set, whatever the key order', () => {
    const c = new Counter('x_total', 'Số lần');
    c.inc({ a: '1', b: '2' });
    c.inc({ b: '2', a: '1' }, 2);
    c.inc({ a: '3', b: '2' });
    expect(c.render()).toBe('# HELP x_total Số lần\n# TYPE x_total counter\nx_total{a="1",b="2"} 3\nx_total{a="3",b="2"} 1\n');
  });

  it('a histogram writes cumulative buckets, +Inf equal to the count, and the sum; a value on a bound falls in that bucket', () => {
    const h = new Histogram('d_seconds', 'Thời gian', [0.1, 0.5, 1]);
    for (const v of [0.05, 0.1, 0.3, 0.5, 2]) h.observe({ route: '/r' }, v);
    expect(h.render()).toBe(
      [
        '# HELP d_seconds Thời gian',
        '# TYPE d_seconds histogram',
        'd_seconds_bucket{route="/r",le="0.1"} 2',
        'd_seconds_bucket{route="/r",le="0.5"} 4',
        'd_seconds_bucket{route="/r",le="1"} 4',
        'd_seconds_bucket{route="/r",le="+Inf"} 5',
        'd_seconds_sum{route="/r"} 2.95',
        'd_seconds_count{route="/r"} 5',
        '',
      ].join('\n'),
    );
  });

  it('a gauge renders the samples it is given', () => {
    expect(renderGauge('g', 'Mức', [{ value: 3 }, { labels: { state: 'parsed' }, value: 0 }])).toBe('# HELP g Mức\n# TYPE g gauge\ng 3\ng{state="parsed"} 0\n');
  });
});
