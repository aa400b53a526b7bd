// Award forms and emulation titles as versioned data (DOMAIN.md §9): who grants each, who may be proposed, what the
// dossier holds, the council's vote threshold, and whether the list must be published for public comment first.
// A nomination stores the catalogue version that judged it, so a later change of the rules never rewrites it.
//
// Law: Luật Thi đua, Khen thưởng 2003 (sửa đổi 2005, 2013) with Nghị định 91/2017/NĐ-CP for 2017–2023; Luật Thi đua,
// Khen thưởng 2022 with Nghị định 98/2023/NĐ-CP from 01/01/2024. Provincial rules: Quyết định 30/2014/QĐ-UBND.

export const nomineeKinds = ['collective', 'individual', 'household'] as const;
export type NomineeKind = (typeof nomineeKinds)[number];

export const nomineeKindLabels: Readonly<Record<NomineeKind, string>> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
  household: 'Hộ gia đình',
};

/** Who signs the decision. */
export const grantingAuthorities = [
  'commune_chairman',
  'district_chairman',
  'department_head',
  'enterprise_director',
  'provincial_chairman',
  'prime_minister',
  'president',
] as const;
export type GrantingAuthority = (typeof grantingAuthorities)[number];

export const grantingAuthorityLabels: Readonly<Record<GrantingAuthority, string>> = {
  commune_chairman: 'Chủ tịch UBND cấp xã',
  district_chairman: 'Chủ tịch UBND cấp huyện',
  department_head: 'Thủ trưởng sở, ban, ngành',
  enterprise_director: 'Giám đốc doanh nghiệp',
  provincial_chairman: 'Chủ tịch UBND tỉnh',
  prime_minister: 'Thủ tướng Chính phủ',
  president: 'Chủ tịch nước',
};

/** The level whose council votes and whose head decides (or, for State forms, proposes to the Central Board). */
export type DecidingLevel = 'commune' | 'district' | 'organisation' | 'province';

export function decidingLevelOf(authority: GrantingAuthority): DecidingLevel {
  switch (authority) {
    case 'commune_chairman':
      return 'commune';
    case 'district_chairman':
      return 'district';
    case 'department_head':
    case 'enterprise_director':
      return 'organisation';
    case 'provincial_chairman':
    case 'prime_minister':
    case 'president':
      return 'province';
  }
}

/** State-level forms (the Prime Minister's and the President's): public comment before the provincial council. */
export function isStateLevel(authority: GrantingAuthority): boolean {
  return authority === 'prime_minister' || authority === 'president';
}

export const dossierParts = ['to_trinh', 'achievement_reports', 'proposer_minutes'] as const;
export type DossierPart = (typeof dossierParts)[number];

export const dossierPartLabels: Readonly<Record<DossierPart, string>> = {
  to_trinh: 'Tờ trình kèm danh sách',
  achievement_reports: 'Báo cáo thành tích của từng đối tượng',
  proposer_minutes: 'Biên bản họp Hội đồng Thi đua - Khen thưởng cấp trình',
};

export interface AwardForm {
  readonly id: string;
  readonly name: string;
  /** A form of commendation (Bằng khen, Giấy khen, Huân chương, Cờ) or an emulation title (Chiến sĩ thi đua …). */
  readonly type: 'form' | 'title';
  readonly authority: GrantingAuthority;
  readonly nomineeKinds: readonly NomineeKind[];
  readonly dossier: readonly DossierPart[];
  /** Share of the council's members who must agree, in percent (configurable per catalogue version). */
  readonly voteThresholdPercent: number;
  /** Cờ thi đua goes to the unit leading its cluster or block. */
  readonly requiresGroupLead?: boolean;
}

export interface AwardCatalogue {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** First day decisions are taken under it. */
  readonly validFrom: string;
  readonly forms: readonly AwardForm[];
  /** Working days the list of State-level nominations stays published before the council meets. */
  readonly publicCommentWorkingDays: number;
  /** Days the provincial board has to appraise a batch (30 with inter-agency consultation). */
  readonly appraisalDays: number;
  /** Whole years a household must have held its escape from poverty (criterion 5b.3). */
  readonly stableEscapeYears: number;
}

/** The legal floor of the public-comment period (Nghị định 98/2023/NĐ-CP): the board may set longer, never shorter. */
export const MIN_PUBLIC_COMMENT_WORKING_DAYS = 10;
export const DEFAULT_APPRAISAL_DAYS = 15;

const fullDossier: readonly DossierPart[] = ['to_trinh', 'achievement_reports', 'proposer_minutes'];
const all: readonly NomineeKind[] = ['collective', 'individual', 'household'];

const forms: readonly AwardForm[] = [
  { id: 'giay_khen_xa', name: 'Giấy khen của Chủ tịch UBND xã', type: 'form', authority: 'commune_chairman', nomineeKinds: all, dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'giay_khen_huyen', name: 'Giấy khen của Chủ tịch UBND huyện', type: 'form', authority: 'district_chairman', nomineeKinds: all, dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'giay_khen_so', name: 'Giấy khen của Thủ trưởng sở, ban, ngành', type: 'form', authority: 'department_head', nomineeKinds: ['collective', 'individual'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'giay_khen_doanh_nghiep', name: 'Giấy khen của Giám đốc doanh nghiệp', type: 'form', authority: 'enterprise_director', nomineeKinds: ['collective', 'individual'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'bang_khen_tinh', name: 'Bằng khen của Chủ tịch UBND tỉnh', type: 'form', authority: 'provincial_chairman', nomineeKinds: all, dossier: fullDossier, voteThresholdPercent: 80 },
  { id: 'co_thi_dua_tinh', name: 'Cờ thi đua của UBND tỉnh', type: 'form', authority: 'provincial_chairman', nomineeKinds: ['collective'], dossier: fullDossier, voteThresholdPercent: 80, requiresGroupLead: true },
  { id: 'bang_khen_ttg', name: 'Bằng khen của Thủ tướng Chính phủ', type: 'form', authority: 'prime_minister', nomineeKinds: all, dossier: fullDossier, voteThresholdPercent: 80 },
  { id: 'huan_chuong_ld_3', name: 'Huân chương Lao động hạng Ba', type: 'form', authority: 'president', nomineeKinds: ['collective', 'individual'], dossier: fullDossier, voteThresholdPercent: 90 },
  { id: 'huan_chuong_ld_2', name: 'Huân chương Lao động hạng Nhì', type: 'form', authority: 'president', nomineeKinds: ['collective', 'individual'], dossier: fullDossier, voteThresholdPercent: 90 },
  { id: 'huan_chuong_ld_1', name: 'Huân chương Lao động hạng Nhất', type: 'form', authority: 'president', nomineeKinds: ['collective', 'individual'], dossier: fullDossier, voteThresholdPercent: 90 },
  { id: 'lao_dong_tien_tien', name: 'Danh hiệu Lao động tiên tiến', type: 'title', authority: 'commune_chairman', nomineeKinds: ['individual'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'gia_dinh_van_hoa', name: 'Danh hiệu Gia đình văn hóa', type: 'title', authority: 'commune_chairman', nomineeKinds: ['household'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'tap_the_ldtt', name: 'Danh hiệu Tập thể lao động tiên tiến', type: 'title', authority: 'district_chairman', nomineeKinds: ['collective'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'cstd_co_so', name: 'Danh hiệu Chiến sĩ thi đua cơ sở', type: 'title', authority: 'district_chairman', nomineeKinds: ['individual'], dossier: fullDossier, voteThresholdPercent: 50 },
  { id: 'tap_the_ldxs', name: 'Danh hiệu Tập thể lao động xuất sắc', type: 'title', authority: 'provincial_chairman', nomineeKinds: ['collective'], dossier: fullDossier, voteThresholdPercent: 80 },
  { id: 'cstd_tinh', name: 'Danh hiệu Chiến sĩ thi đua cấp tỉnh', type: 'title', authority: 'provincial_chairman', nomineeKinds: ['individual'], dossier: fullDossier, voteThresholdPercent: 80 },
  { id: 'cstd_toan_quoc', name: 'Danh hiệu Chiến sĩ thi đua toàn quốc', type: 'title', authority: 'prime_minister', nomineeKinds: ['individual'], dossier: fullDossier, voteThresholdPercent: 90 },
];

/** Nghị định 91/2017/NĐ-CP (2017–2023). */
export const AWARDS_ND91_2017: AwardCatalogue = {
  id: 'nd91-2017',
  version: 1,
  name: 'Luật Thi đua, Khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP',
  validFrom: '2017-10-01',
  forms,
  publicCommentWorkingDays: MIN_PUBLIC_COMMENT_WORKING_DAYS,
  appraisalDays: DEFAULT_APPRAISAL_DAYS,
  stableEscapeYears: 3,
};

/** Luật Thi đua, Khen thưởng 2022 and Nghị định 98/2023/NĐ-CP (from 01/01/2024). */
export const AWARDS_ND98_2023: AwardCatalogue = {
  ...AWARDS_ND91_2017,
  id: 'nd98-2023',
  name: 'Luật Thi đua, Khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  validFrom: '2024-01-01',
};

export const awardCatalogues: readonly AwardCatalogue[] = [AWARDS_ND91_2017, AWARDS_ND98_2023];

export function catalogueKey(c: Pick<AwardCatalogue, 'id' | 'version'>): string {
  return `${c.id}@${c.version}`;
}

/** The catalogue in force on a date (the earliest one for dates before every catalogue). */
export function catalogueOn(date: string, catalogues: readonly AwardCatalogue[] = awardCatalogues): AwardCatalogue {
  const sorted = [...catalogues].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  let found = sorted[0];
  for (const c of sorted) if (c.validFrom <= date) found = c;
  if (!found) throw new Error('Chưa có danh mục hình thức khen thưởng nào.');
  return found;
}

export function findCatalogue(key: string, catalogues: readonly AwardCatalogue[] = awardCatalogues): AwardCatalogue | null {
  return catalogues.find((c) => catalogueKey(c) === key) ?? null;
}

export function findForm(catalogue: AwardCatalogue, formId: string): AwardForm | null {
  return catalogue.forms.find((f) => f.id === formId) ?? null;
}

/** Configurable rules of one batch (stored with it): threshold and periods, never below the legal floors. */
export interface BatchRules {
  readonly voteThresholdPercent: number;
  readonly publicCommentWorkingDays: number;
  readonly appraisalDays: number;
  readonly stableEscapeYears: number;
}

export function defaultRules(catalogue: AwardCatalogue, form: AwardForm): BatchRules {
  return {
    voteThresholdPercent: form.voteThresholdPercent,
    publicCommentWorkingDays: catalogue.publicCommentWorkingDays,
    appraisalDays: catalogue.appraisalDays,
    stableEscapeYears: catalogue.stableEscapeYears,
  };
}

/** Problems with configured rules, in Vietnamese; empty when they are acceptable. */
export function validateRules(rules: BatchRules): string[] {
  const out: string[] = [];
  if (!(rules.voteThresholdPercent >= 50 && rules.voteThresholdPercent <= 100)) out.push('Ngưỡng biểu quyết phải từ 50% đến 100%.');
  if (!Number.isInteger(rules.publicCommentWorkingDays) || rules.publicCommentWorkingDays < MIN_PUBLIC_COMMENT_WORKING_DAYS) {
    out.push(`Thời gian lấy ý kiến nhân dân không được ít hơn ${MIN_PUBLIC_COMMENT_WORKING_DAYS} ngày làm việc.`);
  }
  if (!Number.isInteger(rules.appraisalDays) || rules.appraisalDays < 1 || rules.appraisalDays > 60) out.push('Thời hạn thẩm định phải từ 1 đến 60 ngày.');
  if (!Number.isInteger(rules.stableEscapeYears) || rules.stableEscapeYears < 1) out.push('Số năm thoát nghèo ổn định phải là số nguyên dương.');
  return out;
}
