// Addresses of the pages, in Vietnamese so a shared link reads naturally.
export const paths = {
  home: '/',
  login: '/dang-nhap',
  units: '/don-vi',
  organisations: '/co-quan-to-chuc',
  individuals: '/ca-nhan',
  groups: '/cum-khoi-thi-dua',
  users: '/quan-tri/nguoi-dung',
  audit: '/quan-tri/nhat-ky',
} as const;

/** The unit page on a date: /don-vi/06529?ngay=2025-07-01 */
export function unitPath(code: string, asOf?: string): string {
  return `${paths.units}/${encodeURIComponent(code)}${asOf ? `?ngay=${asOf}` : ''}`;
}
