import { describe, expect, it } from 'vitest';
import { demoCouncilPoints, demoSelfPoints, demoVerification } from './demo-score-plan.ts';

const keys = Array.from({ length: 400 }, (_, i) => `p${i}`);

describe('the demo round’s scores', () => {
  it('are the same on every run (a stream per participant and criterion)', () => {
    expect(keys.map((k) => demoSelfPoints(k, '1.1', 35))).toEqual(keys.map((k) => demoSelfPoints(k, '1.1', 35)));
    expect(demoSelfPoints('a', '1.1', 35)).not.toBe(demoSelfPoints('a', '2.1', 35) + 1000);
  });

  it('self-assess between 60% and 100% of the maximum, in half points', () => {
    for (const k of keys) {
      const p = demoSelfPoints(k, '3.1', 25);
      expect(p).toBeGreaterThanOrEqual(15);
      expect(p).toBeLessThanOrEqual(25);
      expect(Number.isInteger(p * 2)).toBe(true);
    }
  });

  it('are mostly accepted; adjustments lower the points and give a reason; rejections give a reason', () => {
    const decisions = keys.map((k) => demoVerification(k, '1.1', 30));
    const accepted = decisions.filter((d) => d.decision === 'accept').length;
    expect(accepted).toBeGreaterThan(280);
    expect(accepted).toBeLessThan(400);
    for (const d of decisions) {
      if (d.decision === 'adjust') {
        expect(d.points).toBeLessThan(30);
        expect(d.reason.length).toBeGreaterThan(10);
      }
      if (d.decision === 'reject') expect(d.reason.length).toBeGreaterThan(10);
    }
    expect(decisions.some((d) => d.decision === 'reject')).toBe(true);
  });

  it('council points stay within 55–95% of the maximum', () => {
    for (const k of keys) {
      const p = demoCouncilPoints(k, '1.2', 30);
      expect(p).toBeGreaterThanOrEqual(16.5);
      expect(p).toBeLessThanOrEqual(28.5);
    }
  });
});
