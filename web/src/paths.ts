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
  households: '/ho-gia-dinh',
  householdNew: '/ho-gia-dinh/them-moi',
  applications: '/don-phat-sinh',
  rounds: '/ky-ra-soat',
  imports: '/nhap-excel',
  stats: '/thong-ke',
  statsUnit: '/thong-ke/don-vi',
  statsCompare: '/thong-ke/so-sanh',
  statsAf: '/thong-ke/ngheo-da-chieu',
  public: '/cong-khai',
  reports: '/bao-cao',
  awards: '/khen-thuong',
  awardsQueue: '/khen-thuong/tham-dinh',
  awardsRegistry: '/khen-thuong/so-khen-thuong',
  publicAwards: '/cong-khai/khen-thuong',
  reportTemplates: '/bao-cao/mau-bao-cao',
} as const;

/** A nomination batch: /khen-thuong/ho-so/<id>; its council meeting: /khen-thuong/ho-so/<id>/hoi-dong */
export function awardBatchPath(id: string, council = false): string {
  return `${paths.awards}/ho-so/${encodeURIComponent(id)}${council ? '/hoi-dong' : ''}`;
}

/** The unit page on a date: /don-vi/06529?ngay=2025-07-01 */
export function unitPath(code: string, asOf?: string): string {
  return `${paths.units}/${encodeURIComponent(code)}${asOf ? `?ngay=${asOf}` : ''}`;
}

/** A household's record: /ho-gia-dinh/<id> */
export function householdPath(id: string): string {
  return `${paths.households}/${encodeURIComponent(id)}`;
}

/** A commune's progress in a review round: /ky-ra-soat/2026/xa/06529 */
export function communeRoundPath(year: number, communeCode: string): string {
  return `${paths.rounds}/${year}/xa/${encodeURIComponent(communeCode)}`;
}

/** A unit's figures in a round, with the units under it: /thong-ke/don-vi/181?nam=2017 */
export function statsUnitPath(code: string, year: number): string {
  return `${paths.statsUnit}/${encodeURIComponent(code)}?nam=${year}`;
}

/** The Alkire–Foster view of a unit: /thong-ke/ngheo-da-chieu?don-vi=20&nam=2017 */
export function statsAfPath(code: string, year: number): string {
  return `${paths.statsAf}?don-vi=${encodeURIComponent(code)}&nam=${year}`;
}

/** A report request with its approval tree, timeliness and consolidation: /bao-cao/yeu-cau/<id>?tab=thoi-han */
export function reportRequestPath(id: string, tab?: 'phe-duyet' | 'thoi-han' | 'tong-hop'): string {
  return `${paths.reports}/yeu-cau/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`;
}

/** One unit's report: /bao-cao/don-vi/<submission id> */
export function reportSubmissionPath(id: string): string {
  return `${paths.reports}/don-vi/${encodeURIComponent(id)}`;
}
