// Section numbering of administrative documents: "I.", "II.", … for parts, "1.", "2.", … within them.

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV", 14 → "XIV". */
export function romanNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999)
    throw new RangeError(`Không đánh số La Mã được cho ${value}.`);
  let rest = value;
  let text = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}
