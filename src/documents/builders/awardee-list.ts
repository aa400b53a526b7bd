// The list attached to a tờ trình or a quyết định khen thưởng (danh sách kèm theo).

import type { TableSpec } from '../table-spec.ts';

export interface Awardee {
  /** Full name with diacritics as on the certificate: "Bà Nguyễn Thị Hồng Nhung", "Hộ ông …", "UBND xã …". */
  readonly name: string;
  /** Chức vụ, đơn vị or địa chỉ, e.g. "Thôn Nà Pàn, xã Hợp Thành, huyện Cao Lộc". */
  readonly description?: string;
  /** Short statement of the achievement, when the list shows it. */
  readonly achievement?: string;
}

export function awardeeListTable(awardees: readonly Awardee[]): TableSpec {
  const withAchievement = awardees.some((a) => a.achievement !== undefined && a.achievement.length > 0);
  return {
    columns: [
      { header: 'TT', kind: 'integer', width: 0.6, align: 'center' },
      { header: 'Tên tập thể, họ và tên cá nhân, hộ gia đình', kind: 'text', width: 3.2 },
      { header: 'Chức vụ, đơn vị, địa chỉ', kind: 'text', width: 3.2 },
      ...(withAchievement ? [{ header: 'Thành tích', kind: 'text', width: 3 } as const] : []),
    ],
    rows: awardees.map((a, i) => [
      i + 1,
      a.name,
      a.description ?? '',
      ...(withAchievement ? [a.achievement ?? ''] : []),
    ]),
  };
}
