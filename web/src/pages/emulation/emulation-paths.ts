// Addresses of the emulation and fund screens, in Vietnamese like the others (web/src/paths.ts).
export const emulationPaths = {
  campaigns: '/thi-dua',
  register: '/thi-dua/dang-ky',
  verification: '/thi-dua/tham-dinh',
  /** The same desk for council members (their own menu entry). */
  council: '/thi-dua/hoi-dong',
  rankings: '/thi-dua/xep-hang',
  status: '/thi-dua/tinh-hinh-dang-ky',
  library: '/thi-dua/dien-hinh',
  fund: '/quy-vi-nguoi-ngheo',
  supportActivities: '/quy-vi-nguoi-ngheo/hoat-dong-ho-tro',
  publicFund: '/cong-khai/quy',
} as const;

/** A campaign: /thi-dua/phong-trao/<id> */
export function campaignPath(id: string): string {
  return `${emulationPaths.campaigns}/phong-trao/${encodeURIComponent(id)}`;
}

/** A registration's score sheet: /thi-dua/bang-diem/<id> */
export function scoreSheetPath(registrationId: string): string {
  return `${emulationPaths.campaigns}/bang-diem/${encodeURIComponent(registrationId)}`;
}

/** A screen of the round: ?dot=<roundId> */
export function withRound(path: string, roundId: string): string {
  return `${path}?dot=${encodeURIComponent(roundId)}`;
}
