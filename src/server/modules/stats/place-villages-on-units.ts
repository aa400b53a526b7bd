// Showing a round on the units of another date (DOMAIN.md §1, "figures on today's units"). Villages carry versions
// that follow their commune through every merger (a village of a split commune goes whole to one successor), so
// placing each village of the round on the unit that holds it on the target date is exact: full merges and partial
// ones alike. Only a village that is no longer in the directory on that date falls back on the lineage of its old
// commune (successorsOn): a whole move is still exact; a split counts the village's households by the recorded share
// and the figures say they are estimated; a split without a recorded share cannot be placed and is reported.

import type { UnitMapping } from '../../../domain/stats/reaggregate-on-units.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { IsoDate, UnitLevel } from '../../../domain/units/unit-types.ts';
import { formatDate } from '../../../shared/vi-format.ts';
import { unitLevelLabels } from '../../../shared/schemas/units.schema.ts';

export interface RoundVillage {
  code: string;
  /** The village's commune in the round (the parent of its stored aggregate). */
  communeCode: string | null;
  households: number;
}

export interface UnplacedVillage extends RoundVillage {
  reason: string;
}

export interface VillagePlacement {
  /** Village code → unit of `level` on the date; partial (with a share) only for the lineage fallback. */
  mappings: UnitMapping[];
  unplaced: UnplacedVillage[];
}

export function placeVillagesOnUnits(
  dir: UnitDirectory,
  villages: readonly RoundVillage[],
  onDate: IsoDate,
  level: Exclude<UnitLevel, 'village'>,
): VillagePlacement {
  const mappings: UnitMapping[] = [];
  const unplaced: UnplacedVillage[] = [];
  const levelName = unitLevelLabels[level].toLocaleLowerCase('vi');
  const holder = (code: string): string | null =>
    dir.ancestorsOn(code, onDate).find((unit) => unit.level === level)?.code ?? null;

  for (const village of villages) {
    if (dir.versionOn(village.code, onDate)) {
      const to = holder(village.code);
      if (to) mappings.push({ from: village.code, to, kind: 'full' });
      else unplaced.push({ ...village, reason: `Ngày ${formatDate(onDate)} không có đơn vị ${levelName} chứa thôn này.` });
      continue;
    }
    const fallback = placeByCommuneLineage(dir, village, onDate, holder);
    if (typeof fallback === 'string') unplaced.push({ ...village, reason: fallback });
    else mappings.push(...fallback);
  }
  return { mappings, unplaced };
}

/** The village's old commune followed through the lineage; a reason in Vietnamese when that cannot place it. */
function placeByCommuneLineage(
  dir: UnitDirectory,
  village: RoundVillage,
  onDate: IsoDate,
  holder: (code: string) => string | null,
): UnitMapping[] | string {
  const missing = `Thôn không còn trong danh mục ngày ${formatDate(onDate)}`;
  if (village.communeCode === null) return `${missing} và không rõ thuộc xã nào.`;
  let successors;
  try {
    successors = dir.successorsOn(village.communeCode, onDate);
  } catch {
    return `${missing}; xã ${village.communeCode} của thôn không có trong danh mục.`;
  }
  const shares = new Map<string, number | null>();
  for (const successor of successors) {
    const to = holder(successor.code);
    if (to === null) return `${missing}; xã kế thừa ${successor.code} không còn vào ngày đó.`;
    const before = shares.get(to);
    shares.set(to, successor.share === null || before === null ? null : (before ?? 0) + successor.share);
  }
  if (shares.size === 0) return `${missing}; xã ${village.communeCode} không có đơn vị kế thừa.`;
  // Every piece of the old commune's territory lies in one unit of the level (a whole merger, or a split whose
  // parts stay within one district or the province): the village's households are there, whatever the shares.
  if (shares.size === 1) return [{ from: village.code, to: [...shares.keys()][0] as string, kind: 'full' }];
  if ([...shares.values()].some((share) => share === null)) {
    return (
      `${missing}; xã ${village.communeCode} được chia cho nhiều xã mà chưa có tỷ lệ chia — ` +
      'cần gán thôn cho xã mới hoặc nhập tỷ lệ chia trong lịch sử đơn vị.'
    );
  }
  return [...shares.entries()].map(([to, share]) => ({
    from: village.code,
    to,
    kind: 'partial' as const,
    share: Math.min(1, share as number),
  }));
}
