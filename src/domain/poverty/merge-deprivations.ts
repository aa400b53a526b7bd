// The deprivations that count for a classification: derived from recorded facts, plus those
// ticked directly on Phiếu B part B2, then an officer's overrides. An override must state its
// reason; the result lists every override so the caller can write it to the audit log.

import type { DerivedDeprivation } from './derive-deprivations.ts';
import { PovertyRuleError } from './poverty-errors.ts';

export type DeprivationSource = 'derived' | 'ticked' | 'override';

export interface DeprivationOverride {
  readonly code: string;
  /** true: count the household as deprived in this indicator; false: do not. */
  readonly deprived: boolean;
  readonly reason: string;
}

export interface MergedDeprivation {
  readonly code: string;
  readonly cause: string;
  readonly source: DeprivationSource;
}

export interface AppliedOverride {
  readonly code: string;
  readonly deprived: boolean;
  /** Trimmed. */
  readonly reason: string;
  /** What the facts and Phiếu B said before the officer's decision (null: not deprived). */
  readonly before: MergedDeprivation | null;
}

export interface DeprivationMerge {
  readonly deprivations: readonly MergedDeprivation[];
  readonly overrides: readonly AppliedOverride[];
}

export const TICKED_CAUSE = 'đánh dấu trên Phiếu B, phần B2';

export function mergeDeprivations(
  derived: readonly DerivedDeprivation[],
  ticked: readonly string[],
  overrides: readonly DeprivationOverride[] = [],
): DeprivationMerge {
  const merged = new Map<string, MergedDeprivation>();
  for (const d of derived) merged.set(d.code, { code: d.code, cause: d.cause, source: 'derived' });
  // A derived cause names the fact; keep it over the bare tick when both say the same.
  for (const code of ticked) {
    if (!merged.has(code)) merged.set(code, { code, cause: TICKED_CAUSE, source: 'ticked' });
  }

  const applied: AppliedOverride[] = [];
  const seen = new Set<string>();
  for (const override of overrides) {
    const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
    if (reason === '') {
      throw new PovertyRuleError(
        'override_without_reason',
        `Điều chỉnh chỉ số thiếu hụt "${override.code}" phải ghi rõ lý do.`,
        { code: override.code },
      );
    }
    if (seen.has(override.code)) {
      throw new PovertyRuleError(
        'duplicate_override',
        `Chỉ số thiếu hụt "${override.code}" được điều chỉnh hai lần trong cùng một lần ghi.`,
        { code: override.code },
      );
    }
    seen.add(override.code);
    applied.push({
      code: override.code,
      deprived: override.deprived,
      reason,
      before: merged.get(override.code) ?? null,
    });
    if (override.deprived) {
      merged.set(override.code, {
        code: override.code,
        cause: `cán bộ điều chỉnh: ${reason}`,
        source: 'override',
      });
    } else {
      merged.delete(override.code);
    }
  }
  return { deprivations: [...merged.values()], overrides: applied };
}

/** The codes and causes in the shape classifyHousehold takes. */
export function toClassificationDeprivations(merge: DeprivationMerge): {
  deprivations: string[];
  causes: Record<string, string>;
} {
  return {
    deprivations: merge.deprivations.map((d) => d.code),
    causes: Object.fromEntries(merge.deprivations.map((d) => [d.code, d.cause])),
  };
}
