// Formatting for Vietnamese readers: dates dd/MM/yyyy, numbers 1.234.567, money 1.234.567 đ.

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1234567 → "1.234.567". */
// Building an Intl.NumberFormat costs about a millisecond; dashboards format thousands of numbers, so keep one per
// number of decimals.
const decimalFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, fractionDigits = 0): string {
  if (fractionDigits === 0) return integerFormat.format(value);
  let format = decimalFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    decimalFormats.set(fractionDigits, format);
  }
  return format.format(value);
}

/** 850000 → "850.000 đ". */
export function formatMoney(value: number): string {
  return `${integerFormat.format(value)} đ`;
}

/** 19.07 → "19,07%". */
export function formatPercent(value: number, fractionDigits = 2): string {
  return `${formatNumber(value, fractionDigits)}%`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Accepts an ISO date string (yyyy-MM-dd or a full timestamp) or a Date; returns dd/MM/yyyy. */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** dd/MM/yyyy HH:mm in local time, for audit rows and timestamps. */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${formatDate(date)} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/**
 * The place-and-date line of an official document (Nghị định 30/2020, Phụ lục I):
 * leading zero for days below 10 and for months 1 and 2 — "Lạng Sơn, ngày 05 tháng 01 năm 2018".
 */
export function formatOfficialDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = pad2(d);
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** Parse dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy) into yyyy-MM-dd; null when it is not a real date. */
export function parseViDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/u.exec(text);
  if (!match) return null;
  const d = Number(match[1]);
  const m = Number(match[2]);
  const y = Number(match[3]);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
