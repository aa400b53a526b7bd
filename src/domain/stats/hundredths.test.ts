import { describe, expect, it } from 'vitest';
import { shareInHundredths, toHundredths } from './hundredths.ts';

describe('toHundredths — a rate rounded to two decimals, as an officer rounds it', () => {
  const cases: { written: number; hundredths: number; why: string }[] = [
    { written: 22.374, hundredths: 2237, why: 'third decimal below 5 rounds down' },
    { written: 22.375, hundredths: 2238, why: 'a half rounds up' },
    { written: 19.075, hundredths: 1908, why: '19.075 × 100 is 1907.4999… in binary, still 19,08' },
    { written: 1.005, hundredths: 101, why: '1.005 × 100 is 100.4999… in binary, still 1,01' },
    { written: 39.995, hundredths: 4000, why: 'rounds up onto the 40 % threshold' },
    { written: 39.994, hundredths: 3999, why: 'stays below the 40 % threshold' },
    { written: 40, hundredths: 4000, why: 'a whole number' },
    { written: 0, hundredths: 0, why: 'zero' },
    { written: 100, hundredths: 10000, why: 'a hundred percent' },
    { written: 0.0000001, hundredths: 0, why: 'exponent notation' },
    { written: -0.125, hundredths: -13, why: 'a negative half rounds away from zero' },
  ];
  it.each(cases)('$written → $hundredths ($why)', ({ written, hundredths }) => {
    expect(toHundredths(written)).toBe(hundredths);
  });

  it('refuses a value that is not a number', () => {
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
  });
});

describe('shareInHundredths — percent with two decimals of a count', () => {
  const cases = [
    { part: 1, whole: 8, hundredths: 1250 },
    { part: 1, whole: 3, hundredths: 3333 },
    { part: 2, whole: 3, hundredths: 6667 },
    { part: 36537, whole: 191598, hundredths: 1907 },
    { part: 0, whole: 0, hundredths: 0 },
  ];
  it.each(cases)('$part of $whole → $hundredths', ({ part, whole, hundredths }) => {
    expect(shareInHundredths(part, whole)).toBe(hundredths);
  });
});
