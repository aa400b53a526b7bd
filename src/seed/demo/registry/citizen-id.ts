// Citizen ID numbers (số định danh cá nhân, CCCD) for demo members: 12 digits laid out as Thông tư 07/2016/TT-BCA,
// Điều 7 says — 3 digits of the province where the birth was registered (Lạng Sơn: 020), 1 digit for century and
// sex, the last 2 digits of the birth year, then 6 digits (random here).

import type { Random } from './demo-random.ts';
import type { Sex } from './vietnamese-names.ts';

export const LANG_SON_BIRTH_PROVINCE_CODE = '020';

/** TT 07/2016/TT-BCA, Điều 7, khoản 2: 20th century 0 (male) / 1 (female), 21st century 2 / 3, and so on. */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  const century = Math.floor((birthYear - 1900) / 100);
  if (century < 0) throw new Error(`Năm sinh ${birthYear} nằm ngoài phạm vi mã số định danh (từ năm 1900).`);
  return century * 2 + (sex === 'female' ? 1 : 0);
}

/**
 * A number that matches the person's birth year and sex and is not in `used` (the demo never gives two people the
 * same number: the registry warns about duplicate citizen IDs). The number is added to `used`.
 */
export function drawCitizenId(random: Random, birthYear: number, sex: Sex, used: Set<string>): string {
  const prefix = `${LANG_SON_BIRTH_PROVINCE_CODE}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
  for (;;) {
    const id = `${prefix}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}
