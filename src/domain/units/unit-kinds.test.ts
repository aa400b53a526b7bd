import { describe, expect, it } from 'vitest';
import { kindFromName } from './unit-kinds.ts';
import type { UnitLevel } from './unit-types.ts';

describe('the kind of a unit is read from the start of its name', () => {
  it.each<{ name: string; level: UnitLevel; kind: string }>([
    // NQ 818/NQ-UBTVQH14: Xã Tô Hiệu took the name Thị trấn Bình Gia.
    { name: 'Thị trấn Bình Gia', level: 'commune', kind: 'Thị trấn' },
    { name: 'Xã Đoàn Kết', level: 'commune', kind: 'Xã' },
    { name: 'Phường Kỳ Lừa', level: 'commune', kind: 'Phường' },
    { name: 'thị trấn  Na Sầm', level: 'commune', kind: 'Thị trấn' },
    { name: 'Thành phố Lạng Sơn', level: 'district', kind: 'Thành phố' },
    { name: 'Huyện Lộc Bình', level: 'district', kind: 'Huyện' },
    { name: 'Thị xã Mẫu', level: 'district', kind: 'Thị xã' },
    { name: 'Tỉnh Lạng Sơn', level: 'province', kind: 'Tỉnh' },
    { name: 'Tổ dân phố 3', level: 'village', kind: 'Tổ dân phố' },
    { name: 'Bản Khuổi Mò', level: 'village', kind: 'Bản' },
  ])('"$name" ($level) → $kind', ({ name, level, kind }) => {
    expect(kindFromName(name, level)).toBe(kind);
  });

  it.each<{ name: string; level: UnitLevel }>([
    // A commune-level name cannot start with a district type, nor with a word that merely begins like a type.
    { name: 'Huyện Lộc Bình', level: 'commune' },
    { name: 'Xãbình', level: 'commune' },
    { name: 'Đoàn Kết', level: 'commune' },
  ])('refuses "$name" as a $level name', ({ name, level }) => {
    expect(() => kindFromName(name, level)).toThrow(/Không xác định được loại đơn vị/u);
  });
});
