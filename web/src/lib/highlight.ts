import { foldForSearch } from '../../../src/shared/vi-text.ts';

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits a name into parts so the words of an accent-insensitive query can be marked: "loc binh" marks "Lộc Bình".
 * Each character is folded on its own (one NFC letter folds to one letter), so positions in the folded text are
 * positions in the original; neighbouring marks separated only by spaces are joined into one.
 */
export function splitForHighlight(text: string, query: string): TextPart[] {
  const chars = [...text.normalize('NFC')];
  const folded = chars.map((c) => (/\s/u.test(c) ? ' ' : foldForSearch(c).slice(0, 1) || c.toLowerCase()));
  const haystack = folded.join('');
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const word of foldForSearch(query)
    .split(' ')
    .filter((w) => w.length > 0)) {
    let from = haystack.indexOf(word);
    while (from >= 0) {
      for (let i = from; i < from + word.length; i += 1) marked[i] = true;
      from = haystack.indexOf(word, from + word.length);
    }
  }
  for (let i = 1; i < chars.length - 1; i += 1) {
    if (folded[i] === ' ' && marked[i - 1] && marked[i + 1]) marked[i] = true;
  }
  const parts: TextPart[] = [];
  chars.forEach((c, i) => {
    const match = marked[i] ?? false;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += c;
    else parts.push({ text: c, match });
  });
  return parts;
}
