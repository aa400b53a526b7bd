// The Vietnamese type of a unit is written in front of its name ("Thị trấn Bình Gia", "Xã Đoàn Kết"); when a
// resolution renames a unit the new name carries the new type (NQ 818/NQ-UBTVQH14: Xã Tô Hiệu became Thị trấn
// Bình Gia), so the kind of a new version is read from its name.

import { UNIT_KINDS_BY_LEVEL, type UnitKind, type UnitLevel } from './unit-types.ts';
import { UnitRuleError } from './unit-errors.ts';
import { normalizeText } from '../../shared/vi-text.ts';

/** Longest prefixes first, so that "Thị trấn" is not read as "Thị xã" and "Thành phố" wins over nothing. */
const PREFIXES: readonly UnitKind[] = [
  'Tổ dân phố',
  'Thành phố',
  'Khối phố',
  'Thị trấn',
  'Thị xã',
  'Phường',
  'Huyện',
  'Tỉnh',
  'Thôn',
  'Bản',
  'Khu',
  'Xóm',
  'Xã',
];

export function isUnitKindOf(level: UnitLevel, kind: string): kind is UnitKind {
  return (UNIT_KINDS_BY_LEVEL[level] as readonly string[]).includes(kind);
}

/** The kind written at the start of a unit's name, among the kinds of its level: "Thị trấn Bắc Sơn" → "Thị trấn". */
export function kindFromName(name: string, level: UnitLevel): UnitKind {
  const text = normalizeText(name);
  const lower = text.toLocaleLowerCase('vi');
  for (const prefix of PREFIXES) {
    if (!isUnitKindOf(level, prefix)) continue;
    const p = prefix.toLocaleLowerCase('vi');
    if (lower === p || lower.startsWith(`${p} `)) return prefix;
  }
  throw new UnitRuleError('invalid_version', `Không xác định được loại đơn vị từ tên "${text}".`, {
    name,
    level,
  });
}
