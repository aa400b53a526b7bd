// Pure helpers of the support activities page (DOMAIN.md §7): totals by kind of support, in the order of the list of
// kinds, so the page and its tests read the same figures.
import { supportKindLabels, supportKinds, supportQuantityUnits, type SupportKind } from '../../../../src/domain/fund/support-activities.ts';

export interface SupportTotal {
  kind: SupportKind;
  label: string;
  /** Activities recorded. */
  count: number;
  /** Jobs created, people trained … (null when the kind counts only its value). */
  quantity: number | null;
  quantityUnit: string | null;
  value: number;
}

/** One row per kind that has at least one activity, then nothing else: kinds without activities are left out. */
export function supportTotalsByKind(activities: readonly { kind: SupportKind; quantity: number; value: number }[]): { rows: SupportTotal[]; count: number; value: number } {
  const rows: SupportTotal[] = [];
  for (const kind of supportKinds) {
    const of = activities.filter((a) => a.kind === kind);
    if (of.length === 0) continue;
    const unit = supportQuantityUnits[kind];
    rows.push({
      kind,
      label: supportKindLabels[kind],
      count: of.length,
      quantity: unit === null ? null : of.reduce((s, a) => s + a.quantity, 0),
      quantityUnit: unit,
      value: of.reduce((s, a) => s + a.value, 0),
    });
  }
  return { rows, count: activities.length, value: rows.reduce((s, r) => s + r.value, 0) };
}
