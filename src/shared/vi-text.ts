// Vietnamese text helpers shared by the server, the web client and the importers.

/** Store text as NFC, trimmed, with inner runs of white space collapsed (officers paste from Word and Excel). */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Fold Vietnamese text for accent-insensitive search: "Lộc Bình" and "loc binh" both become "loc binh".
 * đ/Đ are letters of their own in Unicode (no combining mark), so they are mapped explicitly.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, ignoring accents and case. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .every((w) => haystack.includes(w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese sort order (a ă â b c d đ e ê …), numbers compared as numbers. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}
