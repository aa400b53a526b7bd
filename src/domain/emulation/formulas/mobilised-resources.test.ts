import { describe, expect, it } from 'vitest';
import { scoreMobilisedResources } from './mobilised-resources.ts';

// Tiêu chí 1.3, 2.3, 7.1: nguồn lực huy động so với các mức (mặc định theo năm): ≥ 500 triệu 100%, ≥ 200 triệu 75%,
// ≥ 50 triệu 50%, có đóng góp 25%.
const base = { participantName: 'Sở Y tế', years: 1, directGifts: 0, supportValue: 0, supportCount: 0, maxPoints: 40 };

describe('mobilised_resources', () => {
  const cases = [
    { situation: 'không huy động được gì → 0', fund: 0, points: 0 },
    { situation: '1 đồng → mức thấp nhất 25% → 10', fund: 1, points: 10 },
    { situation: '49.999.999 đ → 25%', fund: 49_999_999, points: 10 },
    { situation: '50.000.000 đ → 50% → 20', fund: 50_000_000, points: 20 },
    { situation: '199.999.999 đ → 50%', fund: 199_999_999, points: 20 },
    { situation: '200.000.000 đ → 75% → 30', fund: 200_000_000, points: 30 },
    { situation: '500.000.000 đ → 100% → 40', fund: 500_000_000, points: 40 },
  ];
  it.each(cases)('$situation', ({ fund, points }) => {
    const r = scoreMobilisedResources({ ...base, fundContributions: fund });
    expect(r.points).toBe(points);
  });

  it('adds fund contributions, direct gifts and support value, and explains each', () => {
    const r = scoreMobilisedResources({ ...base, fundContributions: 100_000_000, directGifts: 60_000_000, supportValue: 40_000_000, supportCount: 12 });
    expect(r.points).toBe(30);
    expect(r.explanation).toContain('100.000.000 đ');
    expect(r.explanation).toContain('tổng 200.000.000 đ');
    expect(r.explanation).toContain('12 việc làm');
  });

  it('scales the thresholds by the years of a multi-year round', () => {
    const r = scoreMobilisedResources({ ...base, years: 2, fundContributions: 500_000_000 });
    expect(r.points).toBe(30); // 500 triệu over 2 years reaches 400 triệu (75%), not 1 tỷ
  });

  it('reads the thresholds from the criterion data', () => {
    const r = scoreMobilisedResources({ ...base, fundContributions: 10_000_000, params: { thresholds: [{ minValuePerYear: 10_000_000, share: 1 }] } });
    expect(r.points).toBe(40);
  });
});
