import { describe, expect, it } from 'vitest';
import { centurySexDigit, drawCitizenId, LANG_SON_BIRTH_PROVINCE_CODE } from './citizen-id.ts';
import { createRandom } from './demo-random.ts';

describe('citizen ID numbers of demo members (TT 07/2016/TT-BCA, Điều 7)', () => {
  it.each([
    { birthYear: 1900, sex: 'male', digit: 0 },
    { birthYear: 1985, sex: 'male', digit: 0 },
    { birthYear: 1985, sex: 'female', digit: 1 },
    { birthYear: 1999, sex: 'female', digit: 1 },
    { birthYear: 2000, sex: 'male', digit: 2 },
    { birthYear: 2000, sex: 'female', digit: 3 },
    { birthYear: 2007, sex: 'male', digit: 2 },
  ] as const)('born $birthYear, $sex → century/sex digit $digit', ({ birthYear, sex, digit }) => {
    expect(centurySexDigit(birthYear, sex)).toBe(digit);
  });

  it('refuses a birth year before 1900', () => {
    expect(() => centurySexDigit(1899, 'male')).toThrow(/1900/u);
  });

  it('lays out 020 + century/sex + year + 6 digits, never twice the same number', () => {
    const random = createRandom(7);
    const used = new Set<string>();
    // 3,000 women born in 1987 share one prefix: the 6 random digits must still differ.
    const ids = Array.from({ length: 3000 }, () => drawCitizenId(random, 1987, 'female', used));
    expect(new Set(ids).size).toBe(3000);
    for (const id of ids) expect(id).toMatch(/^020187\d{6}$/u);
    expect(LANG_SON_BIRTH_PROVINCE_CODE).toBe('020');
    expect(drawCitizenId(random, 2004, 'male', used)).toMatch(/^020204\d{6}$/u);
  });
});
