import { describe, expect, it } from 'vitest';
import { aggregateRound, settleRates } from '../../../domain/stats/aggregate-round.ts';
import { ROUND_2017 } from '../../../domain/stats/aggregate-round.fixtures.ts';
import { addFigures } from './add-figures.ts';

describe('adding partial figures of a unit (a round folded page by page)', () => {
  it.each([1, 2, 3, 5])('gives the figures of one pass when the round is cut after %i households', (cut) => {
    const whole = aggregateRound(ROUND_2017);
    const merged = aggregateRound(ROUND_2017.slice(0, cut));
    for (const [code, figures] of aggregateRound(ROUND_2017.slice(cut))) {
      const running = merged.get(code);
      if (running) addFigures(running, figures);
      else merged.set(code, figures);
    }
    for (const unit of merged.values()) settleRates(unit);
    for (const [code, figures] of whole) expect(merged.get(code)).toEqual(figures);
  });
});
