import { describe, expect, it } from 'vitest';
import { classifyHousehold } from './classify-household.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import type { Area, PovertyCategory, PovertyStandard } from './poverty-standard.ts';
import { ND07_2021, ND351_2025, QD59_2015 } from './standards.ts';

/** The first n indicator codes of a standard: only how many matters to the category. */
function firstIndicators(standard: PovertyStandard, n: number): string[] {
  return standard.indicators.slice(0, n).map((i) => i.code);
}

function expectRuleError(action: () => unknown, code: string): PovertyRuleError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PovertyRuleError);
    expect((error as PovertyRuleError).code).toBe(code);
    return error as PovertyRuleError;
  }
  throw new Error(`expected a PovertyRuleError ${code}`);
}

interface IncomeRow {
  situation: string;
  area: Area;
  income: number;
  deprived: number;
  category: PovertyCategory;
}

describe('QĐ 59/2015: classification by income (both sides of every line)', () => {
  const rows: IncomeRow[] = [
    { situation: 'no income at all', area: 'rural', income: 0, deprived: 0, category: 'poor' },
    {
      situation: 'just below the rural poverty line',
      area: 'rural',
      income: 699_999,
      deprived: 0,
      category: 'poor',
    },
    {
      situation: 'exactly the rural poverty line (≤ is poor)',
      area: 'rural',
      income: 700_000,
      deprived: 0,
      category: 'poor',
    },
    {
      situation: 'just above the rural poverty line, 2 deprivations',
      area: 'rural',
      income: 700_001,
      deprived: 2,
      category: 'near_poor',
    },
    {
      situation: 'just above the rural poverty line, 3 deprivations',
      area: 'rural',
      income: 700_001,
      deprived: 3,
      category: 'poor',
    },
    {
      situation: 'exactly the rural near-poverty line, 2 deprivations',
      area: 'rural',
      income: 1_000_000,
      deprived: 2,
      category: 'near_poor',
    },
    {
      situation: 'exactly the rural near-poverty line, 3 deprivations',
      area: 'rural',
      income: 1_000_000,
      deprived: 3,
      category: 'poor',
    },
    {
      situation: 'just above the rural near-poverty line, 3 deprivations',
      area: 'rural',
      income: 1_000_001,
      deprived: 3,
      category: 'middle',
    },
    {
      situation: 'exactly the rural middle upper bound',
      area: 'rural',
      income: 1_500_000,
      deprived: 5,
      category: 'middle',
    },
    {
      situation: 'just above the rural middle upper bound',
      area: 'rural',
      income: 1_500_001,
      deprived: 0,
      category: 'not_poor',
    },
    {
      situation: 'just below the urban poverty line',
      area: 'urban',
      income: 899_999,
      deprived: 0,
      category: 'poor',
    },
    {
      situation: 'exactly the urban poverty line',
      area: 'urban',
      income: 900_000,
      deprived: 0,
      category: 'poor',
    },
    {
      situation: 'rural-poor income in town, no deprivation',
      area: 'urban',
      income: 800_000,
      deprived: 0,
      category: 'poor',
    },
    {
      situation: 'same income in the countryside',
      area: 'rural',
      income: 800_000,
      deprived: 0,
      category: 'near_poor',
    },
    {
      situation: 'just above the urban poverty line, 2 deprivations',
      area: 'urban',
      income: 900_001,
      deprived: 2,
      category: 'near_poor',
    },
    {
      situation: 'just above the urban poverty line, 3 deprivations',
      area: 'urban',
      income: 900_001,
      deprived: 3,
      category: 'poor',
    },
    {
      situation: 'exactly the urban near-poverty line, 2 deprivations',
      area: 'urban',
      income: 1_300_000,
      deprived: 2,
      category: 'near_poor',
    },
    {
      situation: 'exactly the urban near-poverty line, 3 deprivations',
      area: 'urban',
      income: 1_300_000,
      deprived: 3,
      category: 'poor',
    },
    {
      situation: 'just above the urban near-poverty line',
      area: 'urban',
      income: 1_300_001,
      deprived: 3,
      category: 'middle',
    },
    {
      situation: 'exactly the urban middle upper bound',
      area: 'urban',
      income: 1_950_000,
      deprived: 0,
      category: 'middle',
    },
    {
      situation: 'just above the urban middle upper bound',
      area: 'urban',
      income: 1_950_001,
      deprived: 0,
      category: 'not_poor',
    },
    {
      situation: 'rural income 1.600.000 đ is middle in town',
      area: 'urban',
      income: 1_600_000,
      deprived: 0,
      category: 'middle',
    },
  ];
  it.each(rows)(
    '$situation: $area, $income đ, $deprived deprivations → $category',
    ({ area, income, deprived, category }) => {
      const result = classifyHousehold(QD59_2015, {
        area,
        incomePerCapita: income,
        deprivations: firstIndicators(QD59_2015, deprived),
      });
      expect(result.category).toBe(category);
      expect(result.deprivationCount).toBe(deprived);
    },
  );
});

describe('QĐ 59/2015: a Phiếu B part B1 score stands in for income', () => {
  const rows: { area: Area; score: number; deprived: number; category: PovertyCategory }[] = [
    { area: 'rural', score: 119, deprived: 0, category: 'poor' },
    { area: 'rural', score: 120, deprived: 0, category: 'poor' },
    { area: 'rural', score: 121, deprived: 2, category: 'near_poor' },
    { area: 'rural', score: 121, deprived: 3, category: 'poor' },
    { area: 'rural', score: 150, deprived: 2, category: 'near_poor' },
    { area: 'rural', score: 150, deprived: 3, category: 'poor' },
    { area: 'rural', score: 151, deprived: 3, category: 'not_poor' },
    { area: 'urban', score: 140, deprived: 0, category: 'poor' },
    { area: 'urban', score: 141, deprived: 2, category: 'near_poor' },
    { area: 'urban', score: 141, deprived: 3, category: 'poor' },
    { area: 'urban', score: 175, deprived: 2, category: 'near_poor' },
    { area: 'urban', score: 175, deprived: 3, category: 'poor' },
    { area: 'urban', score: 176, deprived: 3, category: 'not_poor' },
    { area: 'urban', score: 130, deprived: 0, category: 'poor' },
  ];
  it.each(rows)(
    '$area, B1 = $score, $deprived deprivations → $category',
    ({ area, score, deprived, category }) => {
      const result = classifyHousehold(QD59_2015, {
        area,
        b1Score: score,
        deprivations: firstIndicators(QD59_2015, deprived),
      });
      expect(result.category).toBe(category);
      expect(result.incomeBand.measure).toBe('b1_score');
    },
  );

  it('uses the measured income when both income and score are given', () => {
    const result = classifyHousehold(QD59_2015, {
      area: 'rural',
      incomePerCapita: 1_200_000,
      b1Score: 100,
      deprivations: [],
    });
    expect(result.category).toBe('middle');
    expect(result.incomeBand.measure).toBe('income');
  });
});

describe.each([
  {
    standard: ND07_2021,
    rural: { line: 1_500_000, middle: 2_250_000 },
    urban: { line: 2_000_000, middle: 3_000_000 },
  },
  {
    standard: ND351_2025,
    rural: { line: 2_200_000, middle: 3_300_000 },
    urban: { line: 2_800_000, middle: 4_200_000 },
  },
])('$standard.id: poor needs income ≤ line and ≥ 3 deprivations', ({ standard, rural, urban }) => {
  const rows: IncomeRow[] = (['rural', 'urban'] as const).flatMap((area) => {
    const { line, middle } = area === 'rural' ? rural : urban;
    return [
      {
        situation: 'no income, no deprivation (no income-only route)',
        area,
        income: 0,
        deprived: 0,
        category: 'near_poor' as const,
      },
      {
        situation: 'exactly the line, 3 deprivations',
        area,
        income: line,
        deprived: 3,
        category: 'poor' as const,
      },
      {
        situation: 'exactly the line, 2 deprivations',
        area,
        income: line,
        deprived: 2,
        category: 'near_poor' as const,
      },
      {
        situation: 'just below the line, 3 deprivations',
        area,
        income: line - 1,
        deprived: 3,
        category: 'poor' as const,
      },
      {
        situation: 'just above the line, 3 deprivations',
        area,
        income: line + 1,
        deprived: 3,
        category: 'middle' as const,
      },
      { situation: 'exactly 1.5 × line', area, income: middle, deprived: 0, category: 'middle' as const },
      {
        situation: 'just above 1.5 × line',
        area,
        income: middle + 1,
        deprived: 6,
        category: 'not_poor' as const,
      },
    ];
  });
  it.each(rows)(
    '$situation: $area, $income đ, $deprived deprivations → $category',
    ({ area, income, deprived, category }) => {
      const result = classifyHousehold(standard, {
        area,
        incomePerCapita: income,
        deprivations: firstIndicators(standard, deprived),
      });
      expect(result.category).toBe(category);
    },
  );

  it('middle band is 1.5 × the line', () => {
    expect(standard.incomeLines.rural.middleUpper).toBe(1.5 * standard.incomeLines.rural.povertyLine);
    expect(standard.incomeLines.urban.middleUpper).toBe(1.5 * standard.incomeLines.urban.povertyLine);
  });
});

describe('the answer explains itself', () => {
  it('reads like the regulation: "thu nhập 850.000 đ ≤ 1.000.000 đ và thiếu hụt 3 chỉ số (…) → hộ nghèo"', () => {
    const result = classifyHousehold(QD59_2015, {
      area: 'rural',
      incomePerCapita: 850_000,
      // Any order in, the regulation's order out.
      deprivations: ['telecom', 'latrine', 'health_insurance'],
    });
    expect(result.reason).toBe(
      'thu nhập 850.000 đ ≤ 1.000.000 đ và thiếu hụt 3 chỉ số (BHYT, nhà tiêu, viễn thông) → hộ nghèo',
    );
    expect(result.deprivations.map((d) => d.code)).toEqual(['health_insurance', 'latrine', 'telecom']);
    expect(result.deprivations[0]?.name).toBe('Bảo hiểm y tế');
    expect(result.incomeBand).toEqual({
      measure: 'income',
      value: 850_000,
      band: 'near_poverty_band',
      lowerExclusive: 700_000,
      upperInclusive: 1_000_000,
    });
  });

  const reasons: {
    standard: PovertyStandard;
    area: Area;
    income?: number;
    score?: number;
    deprivations: string[];
    reason: string;
  }[] = [
    {
      standard: QD59_2015,
      area: 'rural',
      income: 700_000,
      deprivations: [],
      reason: 'thu nhập 700.000 đ ≤ 700.000 đ → hộ nghèo',
    },
    {
      standard: QD59_2015,
      area: 'rural',
      income: 850_000,
      deprivations: ['health_insurance', 'water'],
      reason:
        'thu nhập 850.000 đ ≤ 1.000.000 đ và thiếu hụt 2 chỉ số (BHYT, nước sinh hoạt), dưới 3 → hộ cận nghèo',
    },
    {
      standard: QD59_2015,
      area: 'urban',
      income: 1_000_000,
      deprivations: [],
      reason: 'thu nhập 1.000.000 đ ≤ 1.300.000 đ và không thiếu hụt chỉ số nào → hộ cận nghèo',
    },
    {
      standard: QD59_2015,
      area: 'rural',
      income: 1_200_000,
      deprivations: [],
      reason: 'thu nhập 1.200.000 đ > 1.000.000 đ và ≤ 1.500.000 đ → hộ có mức sống trung bình',
    },
    {
      standard: QD59_2015,
      area: 'urban',
      income: 2_000_000,
      deprivations: [],
      reason: 'thu nhập 2.000.000 đ > 1.950.000 đ → hộ không nghèo',
    },
    {
      standard: QD59_2015,
      area: 'rural',
      score: 118,
      deprivations: [],
      reason: 'điểm B1 118 ≤ 120 → hộ nghèo',
    },
    {
      standard: QD59_2015,
      area: 'rural',
      score: 135,
      deprivations: ['housing_area', 'latrine', 'information_assets'],
      reason:
        'điểm B1 135 ≤ 150 và thiếu hụt 3 chỉ số (diện tích nhà, nhà tiêu, tài sản thông tin) → hộ nghèo',
    },
    {
      standard: QD59_2015,
      area: 'urban',
      score: 180,
      deprivations: [],
      reason: 'điểm B1 180 > 175 → hộ không nghèo',
    },
    {
      standard: ND07_2021,
      area: 'rural',
      income: 1_400_000,
      deprivations: ['employment', 'nutrition', 'information_access'],
      reason:
        'thu nhập 1.400.000 đ ≤ 1.500.000 đ và thiếu hụt 3 chỉ số (việc làm, dinh dưỡng, phương tiện thông tin) → hộ nghèo',
    },
    {
      standard: ND07_2021,
      area: 'urban',
      income: 2_500_000,
      deprivations: [],
      reason: 'thu nhập 2.500.000 đ > 2.000.000 đ và ≤ 3.000.000 đ → hộ có mức sống trung bình',
    },
    {
      standard: ND351_2025,
      area: 'rural',
      income: 3_300_001,
      deprivations: [],
      reason: 'thu nhập 3.300.001 đ > 3.300.000 đ → hộ không nghèo',
    },
  ];
  it.each(reasons)(
    '$standard.id $area → "$reason"',
    ({ standard, area, income, score, deprivations, reason }) => {
      expect(
        classifyHousehold(standard, { area, incomePerCapita: income, b1Score: score, deprivations }).reason,
      ).toBe(reason);
    },
  );

  it('carries the rule-set version and the cause of each deprivation', () => {
    const result = classifyHousehold(ND07_2021, {
      area: 'rural',
      incomePerCapita: 1_000_000,
      deprivations: ['health_insurance', 'water'],
      causes: { health_insurance: 'Nguyễn Văn A, 34 tuổi, không có thẻ BHYT' },
    });
    expect(result.standard).toBe('nd07-2021');
    expect(result.version).toBe('nd07-2021@1');
    expect(result.deprivations).toEqual([
      {
        code: 'health_insurance',
        name: 'Bảo hiểm y tế',
        shortName: 'BHYT',
        dimension: 'Y tế',
        cause: 'Nguyễn Văn A, 34 tuổi, không có thẻ BHYT',
      },
      {
        code: 'water',
        name: 'Nguồn nước sinh hoạt',
        shortName: 'nước sinh hoạt',
        dimension: 'Nước sinh hoạt và vệ sinh',
        cause: null,
      },
    ]);
  });

  it('counts a deprivation given twice once', () => {
    const result = classifyHousehold(QD59_2015, {
      area: 'rural',
      incomePerCapita: 900_000,
      deprivations: ['water', 'water', 'latrine'],
    });
    expect(result.deprivationCount).toBe(2);
    expect(result.category).toBe('near_poor');
  });
});

describe('inputs that cannot be classified give a typed error', () => {
  const rows: {
    situation: string;
    standard: PovertyStandard;
    input: Parameters<typeof classifyHousehold>[1];
    code: string;
  }[] = [
    {
      situation: 'neither income nor score (QĐ 59)',
      standard: QD59_2015,
      input: { area: 'rural', deprivations: [] },
      code: 'missing_income_and_score',
    },
    {
      situation: 'neither income nor score (NĐ 07)',
      standard: ND07_2021,
      input: { area: 'urban', deprivations: [] },
      code: 'missing_income_and_score',
    },
    {
      situation: 'income and score both null',
      standard: QD59_2015,
      input: { area: 'rural', incomePerCapita: null, b1Score: null, deprivations: [] },
      code: 'missing_income_and_score',
    },
    {
      situation: 'B1 score under NĐ 07',
      standard: ND07_2021,
      input: { area: 'rural', b1Score: 100, deprivations: [] },
      code: 'b1_score_not_accepted',
    },
    {
      situation: 'NĐ 07 indicator under QĐ 59',
      standard: QD59_2015,
      input: { area: 'rural', incomePerCapita: 800_000, deprivations: ['employment'] },
      code: 'unknown_indicator',
    },
    {
      situation: 'QĐ 59 indicator under NĐ 07',
      standard: ND07_2021,
      input: { area: 'rural', incomePerCapita: 800_000, deprivations: ['information_assets'] },
      code: 'unknown_indicator',
    },
    {
      situation: 'negative income',
      standard: QD59_2015,
      input: { area: 'rural', incomePerCapita: -1, deprivations: [] },
      code: 'invalid_income',
    },
    {
      situation: 'negative score',
      standard: QD59_2015,
      input: { area: 'rural', b1Score: -5, deprivations: [] },
      code: 'invalid_b1_score',
    },
    {
      situation: 'an area that is neither rural nor urban',
      standard: QD59_2015,
      input: { area: 'mountain' as Area, incomePerCapita: 500_000, deprivations: [] },
      code: 'invalid_area',
    },
  ];
  it.each(rows)('$situation → $code', ({ standard, input, code }) => {
    expectRuleError(() => classifyHousehold(standard, input), code);
  });

  it('names the unknown codes and the standard in Vietnamese', () => {
    const error = expectRuleError(
      () =>
        classifyHousehold(QD59_2015, {
          area: 'rural',
          incomePerCapita: 1,
          deprivations: ['water', 'employment', 'bogus'],
        }),
      'unknown_indicator',
    );
    expect(error.message).toBe('Mã chỉ số thiếu hụt không có trong chuẩn qd59-2015: "employment", "bogus".');
  });
});
