import type { Role } from '../../domain/access/roles.ts';

// One demo account per role, listed in the README. Demo accounts exist only in demo mode and are marked isDemo.
export const demoPassword = 'ChungTay@2026';

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  /** Unit code of the scope, or 'org:<key>' for an organisation of lang-son-organisations.ts, or 'village:first-of:<commune>' */
  scope: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống (mẫu)', role: 'admin', scope: '20' },
  { username: 'bantdkt', fullName: 'Cán bộ Ban Thi đua - Khen thưởng (mẫu)', role: 'emulation_board', scope: '20' },
  { username: 'giamngheo', fullName: 'Cán bộ Văn phòng giảm nghèo tỉnh (mẫu)', role: 'poverty_office', scope: '20' },
  { username: 'hoidong', fullName: 'Thành viên Hội đồng TĐKT (mẫu)', role: 'council_member', scope: '20' },
  { username: 'huyen.locbinh', fullName: 'Cán bộ huyện Lộc Bình (mẫu)', role: 'district_officer', scope: '188' },
  { username: 'xa.locbinh', fullName: 'Cán bộ xã Lộc Bình (mẫu)', role: 'commune_officer', scope: '06529' },
  { username: 'thon.locbinh', fullName: 'Trưởng thôn (mẫu)', role: 'village_head', scope: 'village:first-of:06529' },
  { username: 'so.ldtbxh', fullName: 'Đầu mối Sở LĐTBXH (mẫu)', role: 'org_focal_point', scope: 'org:so-ldtbxh' },
  { username: 'xem', fullName: 'Người xem (mẫu)', role: 'viewer', scope: '20' },
];
