import { describe, expect, it } from 'vitest';
import { normaliseCriterionCodes } from './records-form-helpers.ts';

describe('normaliseCriterionCodes', () => {
  const cases = [
    { typed: ['1.1', '7.2'], codes: ['1.1', '7.2'], invalid: [] },
    { typed: [' 5B.3 ', '5b,4'], codes: ['5b.3', '5b.4'], invalid: [] },
    { typed: ['6.1', '6.1', '6,1'], codes: ['6.1'], invalid: [] },
    { typed: ['', '  '], codes: [], invalid: [] },
    { typed: ['III.1', '1', '0.1', '5c.1', '1.123'], codes: [], invalid: ['III.1', '1', '0.1', '5c.1', '1.123'] },
    { typed: ['10.2', 'x', '2.4'], codes: ['10.2', '2.4'], invalid: ['x'] },
  ];
  it.each(cases)('$typed → $codes', ({ typed, codes, invalid }) => {
    expect(normaliseCriterionCodes(typed)).toEqual({ codes, invalid });
  });
});
