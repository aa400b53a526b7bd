/**
 * The first item that occurs twice in a short list (a household's unit path, its deprivations), or
 * undefined. Quadratic on purpose: the lists hold a dozen items at most, and this runs once per household
 * of a round, where allocating a Set each time costs more than the comparisons.
 */
export function findRepeat(items: readonly string[]): string | undefined {
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i];
    for (let j = 0; j < i; j += 1) if (items[j] === item) return item;
  }
  return undefined;
}
