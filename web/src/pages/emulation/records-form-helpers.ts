// Pure helpers of the library's forms (initiatives, models, exemplars): criterion codes typed as tags.

/** A criterion code of plan 165 §III as the server takes it: 1.1, 5b.3, 7.2 … */
const criterionCode = /^[1-9][0-9]?[ab]?\.[0-9]{1,2}$/u;

/**
 * Tags typed by an officer → the codes the server takes: trimmed, "5B.3" and "5b,3" read as 5b.3, duplicates dropped
 * (first kept); whatever is still not a code is returned apart so the form can name it.
 */
export function normaliseCriterionCodes(tags: readonly string[]): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const tag of tags) {
    const t = tag.trim().toLowerCase().replace(',', '.');
    if (t === '') continue;
    if (!criterionCode.test(t)) invalid.push(tag.trim());
    else if (!codes.includes(t)) codes.push(t);
  }
  return { codes, invalid };
}
