import { describe, expect, it } from 'vitest';
import { classifyHousehold } from './classify-household.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import { reviseStandard } from './revise-standard.ts';
import type { StandardRevision } from './revise-standard.ts';
import { standardById, standardForReviewYear } from './select-standard.ts';
import { ND07_2021, ND351_2025, POVERTY_STANDARDS, QD59_2015 } from './standards.ts';

describe('indicator lists have fixed codes', () => {
  it.each([
    {
      standard: QD59_2015,
      codes: [
        'health_access',
        'health_insurance',
        'adult_education',
        'child_schooling',
        'housing_quality',
        'housing_area',
        'water',
        'latrine',
        'telecom',
        'information_assets',
      ],
      dimensions: 5,
    },
    {
      standard: ND07_2021,
      codes: [
        'employment',
        'dependants',
        'nutrition',
        'health_insurance',
        'adult_education',
        'child_schooling',
        'housing_quality',
        'housing_area',
        'water',
        'latrine',
        'telecom',
        'information_access',
      ],
      dimensions: 6,
    },
    {
      standard: ND351_2025,
      codes: [
        'employment',
        'dependants',
        'nutrition',
        'health_insurance',
        'adult_education',
        'child_schooling',
        'housing_quality',
        'housing_area',
        'water',
        'latrine',
        'telecom',
        'information_access',
      ],
      dimensions: 6,
    },
  ])(
    '$standard.id: $codes.length indicators in $dimensions dimensions',
    ({ standard, codes, dimensions }) => {
      expect(standard.indicators.map((i) => i.code)).toEqual(codes);
      expect(new Set(standard.indicators.map((i) => i.dimension)).size).toBe(dimensions);
      expect(standard.version).toBe(`${standard.id}@1`);
    },
  );
});

describe('the standard in force for a review round', () => {
  it.each([
    { year: 2016, id: 'qd59-2015' },
    { year: 2021, id: 'qd59-2015' },
    { year: 2022, id: 'nd07-2021' },
    { year: 2026, id: 'nd07-2021' },
    { year: 2027, id: 'nd351-2025' },
    { year: 2030, id: 'nd351-2025' },
  ])('review of $year → $id', ({ year, id }) => {
    expect(standardForReviewYear(year).id).toBe(id);
  });

  it.each([2015, 2031])('no standard covers %i', (year) => {
    expect(() => standardForReviewYear(year)).toThrow(PovertyRuleError);
    expect(() => standardForReviewYear(year)).toThrow(`năm ${year}`);
  });

  it('prefers a revised version placed later in the catalogue', () => {
    const revised = reviseStandard(QD59_2015, { b1Thresholds: { rural: { poorMax: 125 } } }, 'qd59-2015@2');
    expect(standardForReviewYear(2018, [...POVERTY_STANDARDS, revised]).version).toBe('qd59-2015@2');
    expect(standardById('qd59-2015', [...POVERTY_STANDARDS, revised]).version).toBe('qd59-2015@2');
  });

  it('looks a standard up by id, with a Vietnamese error listing the known ids', () => {
    expect(standardById('nd351-2025')).toBe(ND351_2025);
    expect(() => standardById('qd-2030')).toThrow(
      'Không có chuẩn nghèo "qd-2030". Các chuẩn hiện có: qd59-2015, nd07-2021, nd351-2025.',
    );
  });
});

describe('administrators revise thresholds into a new version', () => {
  it('a revised B1 threshold changes the outcome and the recorded version; the old version is untouched', () => {
    const revised = reviseStandard(QD59_2015, { b1Thresholds: { rural: { poorMax: 125 } } }, 'qd59-2015@2');
    const input = { area: 'rural' as const, b1Score: 123, deprivations: [] };
    expect(classifyHousehold(QD59_2015, input)).toMatchObject({
      category: 'near_poor',
      version: 'qd59-2015@1',
    });
    expect(classifyHousehold(revised, input)).toMatchObject({ category: 'poor', version: 'qd59-2015@2' });
    expect(revised.revisedFrom).toBe('qd59-2015@1');
    expect(revised.b1Thresholds?.rural).toEqual({ poorMax: 125, nearPoorMax: 150 });
    expect(revised.b1Thresholds?.urban).toEqual({ poorMax: 140, nearPoorMax: 175 });
    expect(QD59_2015.b1Thresholds?.rural.poorMax).toBe(120);
  });

  it('NĐ 351/2025 middle band is configurable (1.6 × line instead of 1.5 ×)', () => {
    const revised = reviseStandard(
      ND351_2025,
      { incomeLines: { rural: { middleUpper: 3_520_000 } } },
      'nd351-2025@2',
    );
    const input = { area: 'rural' as const, incomePerCapita: 3_400_000, deprivations: [] };
    expect(classifyHousehold(ND351_2025, input).category).toBe('not_poor');
    expect(classifyHousehold(revised, input).category).toBe('middle');
  });

  it('a new indicator list can be given, and its cut-off', () => {
    const revised = reviseStandard(
      ND351_2025,
      {
        indicators: [
          ...ND351_2025.indicators,
          { code: 'digital_skills', name: 'Kỹ năng số', shortName: 'kỹ năng số', dimension: 'Thông tin' },
        ],
        deprivationCutoff: 4,
      },
      'nd351-2025@2',
    );
    const input = {
      area: 'urban' as const,
      incomePerCapita: 2_000_000,
      deprivations: ['digital_skills', 'water', 'latrine'],
    };
    expect(classifyHousehold(revised, input).category).toBe('near_poor');
    expect(
      classifyHousehold(revised, { ...input, deprivations: [...input.deprivations, 'telecom'] }).category,
    ).toBe('poor');
  });

  it('a revised version is frozen like the published ones', () => {
    const revised = reviseStandard(
      ND07_2021,
      { deprivationRules: { minFloorAreaPerPerson: 10 } },
      'nd07-2021@2',
    );
    expect(Object.isFrozen(revised.incomeLines.rural)).toBe(true);
    expect(Object.isFrozen(QD59_2015.indicators)).toBe(true);
    expect(revised.deprivationRules.minFloorAreaPerPerson).toBe(10);
    expect(revised.deprivationRules.healthInsuranceMinAge).toBe(6);
  });

  const invalid: {
    situation: string;
    base: typeof QD59_2015;
    changes: StandardRevision;
    version: string;
    message: string;
  }[] = [
    {
      situation: 'same version id',
      base: QD59_2015,
      changes: {},
      version: 'qd59-2015@1',
      message: 'phải khác phiên bản gốc',
    },
    {
      situation: 'version of another standard',
      base: QD59_2015,
      changes: {},
      version: 'nd07-2021@9',
      message: 'qd59-2015@',
    },
    {
      situation: 'near-poverty line below the poverty line',
      base: QD59_2015,
      changes: { incomeLines: { urban: { nearPovertyLine: 800_000 } } },
      version: 'qd59-2015@2',
      message: 'chuẩn cận nghèo thành thị phải lớn hơn chuẩn nghèo 900.000 đ',
    },
    {
      situation: 'middle band not above the line',
      base: ND07_2021,
      changes: { incomeLines: { rural: { middleUpper: 1_500_000 } } },
      version: 'nd07-2021@2',
      message: 'mức trên của mức sống trung bình nông thôn phải lớn hơn 1.500.000 đ',
    },
    {
      situation: 'B1 thresholds on a single-line standard',
      base: ND07_2021,
      changes: {
        b1Thresholds: { rural: { poorMax: 1, nearPoorMax: 2 }, urban: { poorMax: 1, nearPoorMax: 2 } },
      },
      version: 'nd07-2021@2',
      message: 'điểm B1',
    },
    {
      situation: 'B1 poor threshold above near-poor',
      base: QD59_2015,
      changes: { b1Thresholds: { rural: { poorMax: 160 } } },
      version: 'qd59-2015@2',
      message: 'ngưỡng điểm B1',
    },
    {
      situation: 'cut-off 0',
      base: QD59_2015,
      changes: { deprivationCutoff: 0 },
      version: 'qd59-2015@2',
      message: 'từ 1 đến 10',
    },
    {
      situation: 'duplicate indicator code',
      base: QD59_2015,
      changes: {
        indicators: [
          ...QD59_2015.indicators,
          { code: 'water', name: 'Nước', shortName: 'nước', dimension: 'Nước' },
        ],
      },
      version: 'qd59-2015@2',
      message: 'mã chỉ số "water" bị trùng',
    },
  ];
  it.each(invalid)('rejects $situation', ({ base, changes, version, message }) => {
    try {
      reviseStandard(base, changes, version);
      expect.unreachable('the revision should be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(PovertyRuleError);
      expect((error as PovertyRuleError).code).toBe('invalid_standard');
      expect((error as PovertyRuleError).message).toContain(message);
    }
  });
});
