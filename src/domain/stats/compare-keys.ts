import { compareVi } from '../../shared/vi-text.ts';

/**
 * Vietnamese order for unit codes, unit names and group keys ("Bắc Sơn" before "Bình Gia", "9" before "10"),
 * falling back to code points where the collator sees no difference ("a" and "A"), so the order is total
 * and the same on every run.
 */
export function compareKeys(a: string, b: string): number {
  return compareVi(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
