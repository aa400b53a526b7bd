// The three multidimensional poverty standards, as data (DOMAIN.md §2, §3). Values marked
// "(configurable)" in DOMAIN.md are the defaults here; an administrator changes them through
// reviseStandard, which produces a new version rather than editing these.

import type { DeprivationRuleParameters, IndicatorDefinition, PovertyStandard } from './poverty-standard.ts';
import { freezeStandard } from './poverty-standard.ts';

// QĐ 59/2015/QĐ-TTg, Điều 2: 10 indicators in 5 dimensions.
const QD59_INDICATORS: readonly IndicatorDefinition[] = [
  { code: 'health_access', name: 'Tiếp cận các dịch vụ y tế', shortName: 'tiếp cận y tế', dimension: 'Y tế' },
  { code: 'health_insurance', name: 'Bảo hiểm y tế', shortName: 'BHYT', dimension: 'Y tế' },
  {
    code: 'adult_education',
    name: 'Trình độ giáo dục của người lớn',
    shortName: 'giáo dục người lớn',
    dimension: 'Giáo dục',
  },
  {
    code: 'child_schooling',
    name: 'Tình trạng đi học của trẻ em',
    shortName: 'trẻ em đi học',
    dimension: 'Giáo dục',
  },
  { code: 'housing_quality', name: 'Chất lượng nhà ở', shortName: 'chất lượng nhà', dimension: 'Nhà ở' },
  {
    code: 'housing_area',
    name: 'Diện tích nhà ở bình quân đầu người',
    shortName: 'diện tích nhà',
    dimension: 'Nhà ở',
  },
  {
    code: 'water',
    name: 'Nguồn nước sinh hoạt',
    shortName: 'nước sinh hoạt',
    dimension: 'Nước sạch và vệ sinh',
  },
  {
    code: 'latrine',
    name: 'Hố xí/nhà tiêu hợp vệ sinh',
    shortName: 'nhà tiêu',
    dimension: 'Nước sạch và vệ sinh',
  },
  { code: 'telecom', name: 'Sử dụng dịch vụ viễn thông', shortName: 'viễn thông', dimension: 'Thông tin' },
  {
    code: 'information_assets',
    name: 'Tài sản phục vụ tiếp cận thông tin',
    shortName: 'tài sản thông tin',
    dimension: 'Thông tin',
  },
];

// NĐ 07/2021/NĐ-CP, Điều 3: 12 indicators in 6 dimensions; NĐ 351/2025 keeps the list (final list configurable).
const ND07_INDICATORS: readonly IndicatorDefinition[] = [
  { code: 'employment', name: 'Việc làm', shortName: 'việc làm', dimension: 'Việc làm' },
  {
    code: 'dependants',
    name: 'Người phụ thuộc trong hộ gia đình',
    shortName: 'người phụ thuộc',
    dimension: 'Việc làm',
  },
  { code: 'nutrition', name: 'Dinh dưỡng', shortName: 'dinh dưỡng', dimension: 'Y tế' },
  { code: 'health_insurance', name: 'Bảo hiểm y tế', shortName: 'BHYT', dimension: 'Y tế' },
  {
    code: 'adult_education',
    name: 'Trình độ giáo dục của người lớn',
    shortName: 'giáo dục người lớn',
    dimension: 'Giáo dục',
  },
  {
    code: 'child_schooling',
    name: 'Tình trạng đi học của trẻ em',
    shortName: 'trẻ em đi học',
    dimension: 'Giáo dục',
  },
  { code: 'housing_quality', name: 'Chất lượng nhà ở', shortName: 'chất lượng nhà', dimension: 'Nhà ở' },
  {
    code: 'housing_area',
    name: 'Diện tích nhà ở bình quân đầu người',
    shortName: 'diện tích nhà',
    dimension: 'Nhà ở',
  },
  {
    code: 'water',
    name: 'Nguồn nước sinh hoạt',
    shortName: 'nước sinh hoạt',
    dimension: 'Nước sinh hoạt và vệ sinh',
  },
  {
    code: 'latrine',
    name: 'Nhà tiêu hợp vệ sinh',
    shortName: 'nhà tiêu',
    dimension: 'Nước sinh hoạt và vệ sinh',
  },
  { code: 'telecom', name: 'Sử dụng dịch vụ viễn thông', shortName: 'viễn thông', dimension: 'Thông tin' },
  {
    code: 'information_access',
    name: 'Phương tiện phục vụ tiếp cận thông tin',
    shortName: 'phương tiện thông tin',
    dimension: 'Thông tin',
  },
];

// Default deprivation rules of QĐ 59/2015 (DOMAIN.md §2, configurable).
const QD59_RULES: DeprivationRuleParameters = {
  healthInsuranceMinAge: 6,
  // A member aged 15+ born in 1986 or later who has not finished lower-secondary school and is not in school.
  adultEducation: { minAge: 15, maxAge: null, bornFromYear: 1986, requiredLevel: 'lower_secondary' },
  // A child aged 5 to under 15 not in school.
  childSchooling: { minAge: 5, maxAgeExclusive: 15, requireAgeAppropriateLevel: false },
  // Not an indicator of QĐ 59; kept so every rule set has the same shape.
  workingAge: { minAge: 15, maxAge: 60 },
  dependants: { childUnderAge: 16, elderFromAge: 60, shareAbove: 0.5 },
  nutritionChildUnderAge: 16,
  nonDurablePartsForDeprivation: 2,
  minFloorAreaPerPerson: 8,
  // No member uses a phone subscription or the internet.
  telecom: 'phone_or_internet',
  // No TV, radio, computer, and cannot hear the village loudspeaker.
  informationDevices: ['tv', 'radio', 'computer'],
  villageLoudspeakerCounts: true,
};

// Default deprivation rules of NĐ 07/2021 (DOMAIN.md §2, configurable).
const ND07_RULES: DeprivationRuleParameters = {
  healthInsuranceMinAge: 6,
  // A member aged 16–30 without the schooling expected for the age.
  adultEducation: { minAge: 16, maxAge: 30, bornFromYear: null, requiredLevel: 'lower_secondary' },
  // A child aged 3 to under 16 not attending the level right for the age.
  childSchooling: { minAge: 3, maxAgeExclusive: 16, requireAgeAppropriateLevel: true },
  workingAge: { minAge: 15, maxAge: 60 },
  // Dependants (children under 16, people aged 60+, severely disabled) more than 50% of members.
  dependants: { childUnderAge: 16, elderFromAge: 60, shareAbove: 0.5 },
  nutritionChildUnderAge: 16,
  nonDurablePartsForDeprivation: 2,
  minFloorAreaPerPerson: 8,
  // No member uses the internet.
  telecom: 'internet',
  // No device for information access.
  informationDevices: ['tv', 'radio', 'computer', 'smartphone', 'tablet'],
  villageLoudspeakerCounts: false,
};

/** QĐ 59/2015/QĐ-TTg: reviews of 2016–2021. */
export const QD59_2015: PovertyStandard = freezeStandard({
  id: 'qd59-2015',
  version: 'qd59-2015@1',
  revisedFrom: null,
  legalBasis: 'Quyết định 59/2015/QĐ-TTg',
  reviewYears: { from: 2016, to: 2021 },
  method: 'income_or_deprivations',
  incomeLines: {
    // Rural: poor ≤ 700.000 đ; near-poor band ≤ 1.000.000 đ; middle ≤ 1.500.000 đ.
    rural: { povertyLine: 700_000, nearPovertyLine: 1_000_000, middleUpper: 1_500_000 },
    // Urban: poor ≤ 900.000 đ; near-poor band ≤ 1.300.000 đ; middle ≤ 1.950.000 đ.
    urban: { povertyLine: 900_000, nearPovertyLine: 1_300_000, middleUpper: 1_950_000 },
  },
  // Phiếu B part B1 (Thông tư 17/2016/TT-BLĐTBXH), default thresholds (configurable).
  b1Thresholds: {
    rural: { poorMax: 120, nearPoorMax: 150 },
    urban: { poorMax: 140, nearPoorMax: 175 },
  },
  deprivationCutoff: 3,
  indicators: QD59_INDICATORS,
  deprivationRules: QD59_RULES,
});

/** NĐ 07/2021/NĐ-CP: reviews of 2022–2026 (2026 by NĐ 351/2025). */
export const ND07_2021: PovertyStandard = freezeStandard({
  id: 'nd07-2021',
  version: 'nd07-2021@1',
  revisedFrom: null,
  legalBasis: 'Nghị định 07/2021/NĐ-CP',
  reviewYears: { from: 2022, to: 2026 },
  method: 'income_and_deprivations',
  incomeLines: {
    // Single line; middle living standard up to 1.5 × line.
    rural: { povertyLine: 1_500_000, nearPovertyLine: null, middleUpper: 2_250_000 },
    urban: { povertyLine: 2_000_000, nearPovertyLine: null, middleUpper: 3_000_000 },
  },
  b1Thresholds: null,
  deprivationCutoff: 3,
  indicators: ND07_INDICATORS,
  deprivationRules: ND07_RULES,
});

/** NĐ 351/2025/NĐ-CP: reviews of 2027–2030; middle band (1.5 × line) and final indicator list configurable. */
export const ND351_2025: PovertyStandard = freezeStandard({
  id: 'nd351-2025',
  version: 'nd351-2025@1',
  revisedFrom: null,
  legalBasis: 'Nghị định 351/2025/NĐ-CP',
  reviewYears: { from: 2027, to: 2030 },
  method: 'income_and_deprivations',
  incomeLines: {
    rural: { povertyLine: 2_200_000, nearPovertyLine: null, middleUpper: 3_300_000 },
    urban: { povertyLine: 2_800_000, nearPovertyLine: null, middleUpper: 4_200_000 },
  },
  b1Thresholds: null,
  deprivationCutoff: 3,
  indicators: ND07_INDICATORS,
  deprivationRules: ND07_RULES,
});

/** The standards as published, oldest first. */
export const POVERTY_STANDARDS: readonly PovertyStandard[] = [QD59_2015, ND07_2021, ND351_2025];
