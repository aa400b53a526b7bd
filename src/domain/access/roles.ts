// Roles and what each may do. Pure data + functions; the server enforces them on every route.
// Scope (which units or organisation) is checked separately, per role assignment.

export const roles = [
  'admin',
  'emulation_board',
  'poverty_office',
  'council_member',
  'district_officer',
  'commune_officer',
  'village_head',
  'org_focal_point',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  emulation_board: 'Ban Thi đua - Khen thưởng tỉnh',
  poverty_office: 'Văn phòng giảm nghèo tỉnh',
  council_member: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  district_officer: 'Cán bộ cấp huyện',
  commune_officer: 'Cán bộ cấp xã',
  village_head: 'Trưởng thôn, bản, tổ dân phố',
  org_focal_point: 'Đầu mối của cơ quan, tổ chức',
  viewer: 'Người xem',
};

export const permissions = [
  'units.read',
  'units.write',
  'participants.read',
  'participants.write',
  'users.read',
  'users.write',
  'audit.read',
  'households.read',
  'households.write',
  'rounds.read',
  'rounds.commune',
  'rounds.district',
  'rounds.approve',
  'imports.run',
  'emulation.read',
  'emulation.participate',
  'emulation.manage',
  'emulation.council',
  'fund.read',
  'fund.write',
  'reports.read',
  'reports.submit',
  'reports.approve',
  'reports.manage',
  'awards.read',
  'awards.propose',
  'awards.appraise',
  'awards.council',
  'awards.decide',
] as const;
export type Permission = (typeof permissions)[number];

const readAll: Permission[] = ['units.read', 'participants.read'];

// Household records (names, citizen IDs) are personal data: only the poverty-reduction line (province office,
// district, commune, village) reads them; the board, council and viewers work from aggregated figures.
// Emulation, fund, reports and awards: every participant reads and takes part within its own scope; the board
// manages campaigns, verifies, consolidates and appraises; the council scores and votes; the province decides.
const participate: Permission[] = [
  'emulation.read',
  'emulation.participate',
  'fund.read',
  'reports.read',
  'reports.submit',
  'awards.read',
  'awards.propose',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...permissions],
  emulation_board: [
    ...readAll,
    'participants.write',
    'audit.read',
    'rounds.read',
    'emulation.read',
    'emulation.manage',
    'fund.read',
    'reports.read',
    'reports.approve',
    'reports.manage',
    'awards.read',
    'awards.propose',
    'awards.appraise',
    'awards.decide',
  ],
  poverty_office: [
    ...readAll,
    'audit.read',
    'households.read',
    'households.write',
    'rounds.read',
    'rounds.approve',
    'imports.run',
    'emulation.read',
    'fund.read',
    'reports.read',
    'reports.submit',
    'reports.approve',
  ],
  council_member: [
    ...readAll,
    'rounds.read',
    'emulation.read',
    'emulation.council',
    'fund.read',
    'reports.read',
    'awards.read',
    'awards.council',
  ],
  district_officer: [
    ...readAll,
    'units.write',
    'households.read',
    'rounds.read',
    'rounds.district',
    ...participate,
    'reports.approve',
    'fund.write',
  ],
  commune_officer: [
    ...readAll,
    'units.write',
    'households.read',
    'households.write',
    'rounds.read',
    'rounds.commune',
    'imports.run',
    ...participate,
    'fund.write',
  ],
  village_head: [
    ...readAll,
    'households.read',
    'rounds.read',
    'emulation.read',
    'emulation.participate',
    'reports.read',
    'reports.submit',
  ],
  org_focal_point: [...readAll, ...participate, 'fund.write'],
  viewer: [...readAll, 'rounds.read', 'emulation.read', 'fund.read', 'reports.read', 'awards.read'],
};

/** Roles whose natural scope is the whole province (assigned to the province unit). */
export const provinceRoles: readonly Role[] = [
  'admin',
  'emulation_board',
  'poverty_office',
  'council_member',
];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
