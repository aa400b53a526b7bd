// Who competes in the movement, by the sections of Kế hoạch 165/KH-UBND (2017), mục III "Tiêu chuẩn thi đua".
// Each participant type has its own criteria set; a participant is a territorial unit, an organisation, an
// individual or a household.

export const participantTypes = [
  'department_front_union',
  'district',
  'commune',
  'village',
  'household_non_poor',
  'household_poor',
  'poverty_cadre',
  'enterprise_cooperative',
] as const;
export type ParticipantType = (typeof participantTypes)[number];

export const participantTypeLabels: Record<ParticipantType, string> = {
  department_front_union: 'Sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể cấp tỉnh',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
  village: 'Thôn, bản, tổ dân phố, khu dân cư',
  household_non_poor: 'Hộ gia đình không phải hộ nghèo',
  household_poor: 'Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
  poverty_cadre: 'Cán bộ, công chức, viên chức làm công tác giảm nghèo',
  enterprise_cooperative: 'Doanh nghiệp, hợp tác xã',
};

/** The section of plan §III each type comes from ("III.5b"). */
export const participantTypeSections: Record<ParticipantType, string> = {
  department_front_union: 'III.1',
  district: 'III.2',
  commune: 'III.3',
  village: 'III.4',
  household_non_poor: 'III.5a',
  household_poor: 'III.5b',
  poverty_cadre: 'III.6',
  enterprise_cooperative: 'III.7',
};

export type ParticipantKind = 'unit' | 'organisation' | 'individual' | 'household';

export const participantKindLabels: Record<ParticipantKind, string> = {
  unit: 'Đơn vị hành chính',
  organisation: 'Cơ quan, tổ chức, doanh nghiệp',
  individual: 'Cá nhân',
  household: 'Hộ gia đình',
};

/** What kind of participant each type admits, and for units the level, for organisations the organisation types. */
export const participantTypeRules: Record<
  ParticipantType,
  { kind: ParticipantKind; unitLevel?: 'district' | 'commune' | 'village'; organisationTypes?: readonly string[] }
> = {
  // "Sở, ban, ngành, Mặt trận Tổ quốc, đoàn thể tỉnh" — the armed forces and the social-policy bank are provincial
  // sectors (ngành) too and compete in the same section.
  department_front_union: { kind: 'organisation', organisationTypes: ['department', 'fatherland_front', 'union', 'armed_forces', 'bank', 'other'] },
  district: { kind: 'unit', unitLevel: 'district' },
  commune: { kind: 'unit', unitLevel: 'commune' },
  village: { kind: 'unit', unitLevel: 'village' },
  household_non_poor: { kind: 'household' },
  household_poor: { kind: 'household' },
  poverty_cadre: { kind: 'individual' },
  enterprise_cooperative: { kind: 'organisation', organisationTypes: ['enterprise', 'cooperative'] },
};

export interface HouseholdStanding {
  /** Category at the household's latest review round up to the emulation round; null when never assessed. */
  category: 'poor' | 'near_poor' | 'middle' | 'not_poor' | null;
  /** Years the latest escape has held (assessments.stable_escape_years); null when poor now or never escaped. */
  stableEscapeYears: number | null;
}

/**
 * Section III.5 splits households: a) not poor; b) poor, near-poor and newly escaped ("hộ mới thoát nghèo"). A household
 * that escaped and has not fallen back (stableEscapeYears not null) belongs to b) — it is the 5b.3 exemplar.
 * Returns null when the household fits the type, else the reason in Vietnamese.
 */
export function householdTypeMismatch(type: 'household_non_poor' | 'household_poor', standing: HouseholdStanding): string | null {
  if (standing.category === null) return 'Hộ chưa có kết quả rà soát nào: chưa xác định được hộ thuộc nhóm nào.';
  const inGroupB = standing.category === 'poor' || standing.category === 'near_poor' || standing.stableEscapeYears !== null;
  if (type === 'household_poor' && !inGroupB) {
    return 'Hộ không phải hộ nghèo, cận nghèo hay hộ đã thoát nghèo: đăng ký theo nhóm hộ không phải hộ nghèo (5a).';
  }
  if (type === 'household_non_poor' && (standing.category === 'poor' || standing.category === 'near_poor')) {
    return 'Hộ đang là hộ nghèo hoặc cận nghèo: đăng ký theo nhóm hộ nghèo, cận nghèo, mới thoát nghèo (5b).';
  }
  return null;
}
