import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download-file.ts';

// The name under which an export is saved: officers file these by name, so the Vietnamese name must survive.
describe('fileNameOf', () => {
  const cases: { situation: string; header: string | null; expected: string }[] = [
    {
      situation: 'UTF-8 name next to an ASCII one: the Vietnamese name wins',
      header: `attachment; filename="ho-ngheo-06529.xlsx"; filename*=UTF-8''${encodeURIComponent('Hộ nghèo Xã Lộc Bình.xlsx')}`,
      expected: 'Hộ nghèo Xã Lộc Bình.xlsx',
    },
    { situation: 'only an ASCII name', header: 'attachment; filename="mau-nhap.xlsx"', expected: 'mau-nhap.xlsx' },
    { situation: 'no header at all', header: null, expected: 'du-lieu.xlsx' },
    {
      situation: 'a broken escape falls back to the ASCII name',
      header: `attachment; filename="ascii.xlsx"; filename*=UTF-8''%E0%A4%A`,
      expected: 'ascii.xlsx',
    },
  ];
  for (const c of cases) {
    it(c.situation, () => expect(fileNameOf(c.header, 'du-lieu.xlsx')).toBe(c.expected));
  }
});
