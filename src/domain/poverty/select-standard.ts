// Which rule set applies: by id (CLI, stored classifications) or by the year of the review round.

import { PovertyRuleError } from './poverty-errors.ts';
import type { PovertyStandard } from './poverty-standard.ts';
import { POVERTY_STANDARDS } from './standards.ts';

/**
 * The standard in force for a review round: 2016–2021 QĐ 59/2015, 2022–2026 NĐ 07/2021,
 * 2027–2030 NĐ 351/2025. Pass the catalogue in use when administrators have revised a standard;
 * when several versions cover the year, the last one in the catalogue wins.
 */
export function standardForReviewYear(
  year: number,
  standards: readonly PovertyStandard[] = POVERTY_STANDARDS,
): PovertyStandard {
  const inForce = standards.filter((s) => s.reviewYears.from <= year && year <= s.reviewYears.to);
  const chosen = inForce.at(-1);
  if (!chosen) {
    throw new PovertyRuleError(
      'no_standard_for_year',
      `Không có chuẩn nghèo áp dụng cho kỳ rà soát năm ${year}.`,
      {
        year,
      },
    );
  }
  return chosen;
}

/** The standard with this id (the latest version of it in the catalogue), or a typed error listing the known ids. */
export function standardById(
  id: string,
  standards: readonly PovertyStandard[] = POVERTY_STANDARDS,
): PovertyStandard {
  const chosen = standards.filter((s) => s.id === id).at(-1);
  if (!chosen) {
    const known = [...new Set(standards.map((s) => s.id))].join(', ');
    throw new PovertyRuleError(
      'unknown_standard',
      `Không có chuẩn nghèo "${id}". Các chuẩn hiện có: ${known}.`,
      { id },
    );
  }
  return chosen;
}
