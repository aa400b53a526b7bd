import { describe, expect, it } from 'vitest';
import { deriveDeprivations } from './derive-deprivations.ts';
import type { DwellingFacts, HouseholdFacts, MemberFacts } from './household-facts.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import type { PovertyStandard } from './poverty-standard.ts';
import { ND07_2021, QD59_2015 } from './standards.ts';

const QD59_DATE = '2017-10-01';
const ND07_DATE = '2023-10-01';

/** The outcome for one indicator: its cause when deprived, "no" when not, "?" when the facts cannot decide. */
function outcome(standard: PovertyStandard, facts: HouseholdFacts, code: string, date: string): string {
  const result = deriveDeprivations(standard, facts, date);
  const found = result.deprivations.find((d) => d.code === code);
  if (found) return found.cause;
  return result.undetermined.includes(code) ? '?' : 'no';
}

function member(facts: Partial<MemberFacts>): MemberFacts {
  return { name: 'Hoàng Văn Sáu', ...facts };
}

function household(dwelling: DwellingFacts, persons = 1): HouseholdFacts {
  return {
    members: Array.from({ length: persons }, (_, i) => member({ name: `Người ${i + 1}`, birthYear: 1980 })),
    dwelling,
  };
}

describe('health insurance: a member aged 6 or more without insurance (QĐ 59, NĐ 07)', () => {
  it.each([
    {
      situation: 'sixth birthday on the reference date, uninsured',
      facts: { birthDate: '2011-10-01', hasHealthInsurance: false },
      expected: 'Hoàng Văn Sáu, 6 tuổi, không có thẻ BHYT',
    },
    {
      situation: 'sixth birthday the day after, uninsured',
      facts: { birthDate: '2011-10-02', hasHealthInsurance: false },
      expected: 'no',
    },
    {
      situation: 'born 2011 (birth year only), uninsured',
      facts: { birthYear: 2011, hasHealthInsurance: false },
      expected: 'Hoàng Văn Sáu, 6 tuổi, không có thẻ BHYT',
    },
    {
      situation: 'born 2012 (birth year only), uninsured',
      facts: { birthYear: 2012, hasHealthInsurance: false },
      expected: 'no',
    },
    { situation: 'aged 34, insured', facts: { birthYear: 1983, hasHealthInsurance: true }, expected: 'no' },
    { situation: 'aged 34, insurance not recorded', facts: { birthYear: 1983 }, expected: '?' },
    { situation: 'age not recorded, uninsured', facts: { hasHealthInsurance: false }, expected: '?' },
  ])('$situation → $expected', ({ facts, expected }) => {
    expect(outcome(QD59_2015, { members: [member(facts)] }, 'health_insurance', QD59_DATE)).toBe(expected);
  });

  it('names every uninsured member', () => {
    const facts: HouseholdFacts = {
      members: [
        { name: 'Nguyễn Văn A', birthYear: 1983, hasHealthInsurance: false },
        { name: 'Nguyễn Thị B', birthYear: 1985, hasHealthInsurance: true },
        { name: 'Nguyễn Văn C', birthYear: 2009, hasHealthInsurance: false },
      ],
    };
    expect(outcome(QD59_2015, facts, 'health_insurance', QD59_DATE)).toBe(
      'Nguyễn Văn A, 34 tuổi, không có thẻ BHYT; Nguyễn Văn C, 8 tuổi, không có thẻ BHYT',
    );
  });
});

describe('housing area: under 8 m² per person', () => {
  it.each([
    {
      floorArea: 7.99,
      persons: 1,
      expected: 'diện tích nhà ở 7,99 m² cho 1 người, bình quân 7,99 m²/người < 8 m²',
    },
    { floorArea: 8, persons: 1, expected: 'no' },
    {
      floorArea: 31.96,
      persons: 4,
      expected: 'diện tích nhà ở 31,96 m² cho 4 người, bình quân 7,99 m²/người < 8 m²',
    },
    { floorArea: 32, persons: 4, expected: 'no' },
    {
      floorArea: 30,
      persons: 4,
      expected: 'diện tích nhà ở 30 m² cho 4 người, bình quân 7,5 m²/người < 8 m²',
    },
  ])('$floorArea m² for $persons → $expected', ({ floorArea, persons, expected }) => {
    expect(outcome(QD59_2015, household({ floorArea }, persons), 'housing_area', QD59_DATE)).toBe(expected);
  });

  it('floor area not recorded → undetermined', () => {
    expect(outcome(QD59_2015, household({ hygienicWater: true }), 'housing_area', QD59_DATE)).toBe('?');
  });
});

describe('housing quality: at least 2 of walls, frame, roof non-durable, or no house', () => {
  it.each([
    {
      situation: 'all durable',
      dwelling: { wallDurable: true, frameDurable: true, roofDurable: true },
      expected: 'no',
    },
    {
      situation: '1 non-durable part',
      dwelling: { wallDurable: false, frameDurable: true, roofDurable: true },
      expected: 'no',
    },
    {
      situation: '2 non-durable parts',
      dwelling: {
        wallDurable: false,
        frameDurable: true,
        roofDurable: false,
        wallMaterial: 'tranh tre',
        roofMaterial: 'lá',
      },
      expected: 'nhà ở có tường (tranh tre), mái (lá) làm bằng vật liệu không bền chắc',
    },
    {
      situation: '3 non-durable parts',
      dwelling: { wallDurable: false, frameDurable: false, roofDurable: false },
      expected: 'nhà ở có tường, khung, cột, mái làm bằng vật liệu không bền chắc',
    },
    {
      situation: '1 non-durable, 1 not recorded',
      dwelling: { wallDurable: false, frameDurable: true },
      expected: '?',
    },
    { situation: 'no house', dwelling: { hasHouse: false }, expected: 'hộ không có nhà ở' },
  ])('$situation → $expected', ({ dwelling, expected }) => {
    expect(outcome(QD59_2015, household(dwelling), 'housing_quality', QD59_DATE)).toBe(expected);
    expect(outcome(ND07_2021, household(dwelling), 'housing_quality', ND07_DATE)).toBe(expected);
  });
});

describe('adult education', () => {
  it.each([
    {
      situation: 'born 1986, primary only, not in school',
      facts: { birthYear: 1986, schooling: 'primary', inSchool: false },
      expected: 'Hoàng Văn Sáu, 31 tuổi, chưa tốt nghiệp THCS và không đi học',
    },
    {
      situation: 'born 1985, primary only, not in school',
      facts: { birthYear: 1985, schooling: 'primary', inSchool: false },
      expected: 'no',
    },
    {
      situation: 'born 1990, finished lower-secondary',
      facts: { birthYear: 1990, schooling: 'lower_secondary', inSchool: false },
      expected: 'no',
    },
    {
      situation: 'born 2001 (16), primary only, still in school',
      facts: { birthYear: 2001, schooling: 'primary', inSchool: true },
      expected: 'no',
    },
    {
      situation: 'born 2002 (15), primary only, not in school',
      facts: { birthYear: 2002, schooling: 'primary', inSchool: false },
      expected: 'Hoàng Văn Sáu, 15 tuổi, chưa tốt nghiệp THCS và không đi học',
    },
    {
      situation: 'born 2003 (14), primary only, not in school',
      facts: { birthYear: 2003, schooling: 'primary', inSchool: false },
      expected: 'no',
    },
    { situation: 'born 1995, schooling not recorded', facts: { birthYear: 1995 }, expected: '?' },
  ] as const)('QĐ 59 (aged 15+, born 1986 or later): $situation → $expected', ({ facts, expected }) => {
    expect(outcome(QD59_2015, { members: [member(facts)] }, 'adult_education', QD59_DATE)).toBe(expected);
  });

  it.each([
    { age: 15, expected: 'no' },
    { age: 16, expected: 'Hoàng Văn Sáu, 16 tuổi, chưa tốt nghiệp THCS và không đi học' },
    { age: 30, expected: 'Hoàng Văn Sáu, 30 tuổi, chưa tốt nghiệp THCS và không đi học' },
    { age: 31, expected: 'no' },
  ])('NĐ 07 (aged 16–30): aged $age, primary only, not in school → $expected', ({ age, expected }) => {
    const facts = { members: [member({ birthYear: 2023 - age, schooling: 'primary', inSchool: false })] };
    expect(outcome(ND07_2021, facts, 'adult_education', ND07_DATE)).toBe(expected);
  });
});

describe('child schooling', () => {
  it.each([
    { age: 4, expected: 'no' },
    { age: 5, expected: 'Hoàng Văn Sáu, 5 tuổi, không đi học' },
    { age: 14, expected: 'Hoàng Văn Sáu, 14 tuổi, không đi học' },
    { age: 15, expected: 'no' },
  ])('QĐ 59 (5 to under 15): aged $age, not in school → $expected', ({ age, expected }) => {
    expect(
      outcome(
        QD59_2015,
        { members: [member({ birthYear: 2017 - age, inSchool: false })] },
        'child_schooling',
        QD59_DATE,
      ),
    ).toBe(expected);
  });

  it.each([
    { age: 2, expected: 'no' },
    { age: 3, expected: 'Hoàng Văn Sáu, 3 tuổi, không đi học' },
    { age: 15, expected: 'Hoàng Văn Sáu, 15 tuổi, không đi học' },
    { age: 16, expected: 'no' },
  ])('NĐ 07 (3 to under 16): aged $age, not in school → $expected', ({ age, expected }) => {
    expect(
      outcome(
        ND07_2021,
        { members: [member({ birthYear: 2023 - age, inSchool: false })] },
        'child_schooling',
        ND07_DATE,
      ),
    ).toBe(expected);
  });

  it('attending below the level for the age counts under NĐ 07, not under QĐ 59', () => {
    const facts = (year: number): HouseholdFacts => ({
      members: [member({ birthYear: year, inSchool: true, attendsAgeAppropriateLevel: false })],
    });
    expect(outcome(ND07_2021, facts(2013), 'child_schooling', ND07_DATE)).toBe(
      'Hoàng Văn Sáu, 10 tuổi, đi học không đúng cấp học so với độ tuổi',
    );
    expect(outcome(QD59_2015, facts(2007), 'child_schooling', QD59_DATE)).toBe('no');
  });
});

describe('health access (QĐ 59): ill in the last 12 months without treatment', () => {
  it.each([
    {
      illnessUntreated12m: true,
      expected: 'Hoàng Văn Sáu, 47 tuổi, ốm đau trong 12 tháng qua nhưng không được khám chữa bệnh',
    },
    { illnessUntreated12m: false, expected: 'no' },
    { illnessUntreated12m: undefined, expected: '?' },
  ])('untreated illness $illnessUntreated12m → $expected', ({ illnessUntreated12m, expected }) => {
    const facts = {
      members: [
        member({ birthYear: 1970, ...(illnessUntreated12m === undefined ? {} : { illnessUntreated12m }) }),
      ],
    };
    expect(outcome(QD59_2015, facts, 'health_access', QD59_DATE)).toBe(expected);
  });
});

describe('employment (NĐ 07): a working-age member unemployed or without stable work', () => {
  it.each([
    { age: 40, employment: 'unemployed', expected: 'Hoàng Văn Sáu, 40 tuổi, thất nghiệp' },
    { age: 40, employment: 'unstable', expected: 'Hoàng Văn Sáu, 40 tuổi, không có việc làm ổn định' },
    { age: 40, employment: 'stable', expected: 'no' },
    { age: 40, employment: 'not_in_labour_force', expected: 'no' },
    { age: 14, employment: 'unemployed', expected: 'no' },
    { age: 15, employment: 'unemployed', expected: 'Hoàng Văn Sáu, 15 tuổi, thất nghiệp' },
    { age: 60, employment: 'unemployed', expected: 'Hoàng Văn Sáu, 60 tuổi, thất nghiệp' },
    { age: 61, employment: 'unemployed', expected: 'no' },
  ] as const)('aged $age, $employment → $expected', ({ age, employment, expected }) => {
    expect(
      outcome(
        ND07_2021,
        { members: [member({ birthYear: 2023 - age, employment })] },
        'employment',
        ND07_DATE,
      ),
    ).toBe(expected);
  });
});

describe('dependants (NĐ 07): more than 50% of members', () => {
  const ofAges = (...ages: number[]): HouseholdFacts => ({
    members: ages.map((age, i) => member({ name: `Người ${i + 1}`, birthYear: 2023 - age })),
  });
  it.each([
    { situation: '2 children of 4 members (50%)', facts: ofAges(35, 33, 10, 8), expected: 'no' },
    {
      situation: '3 children of 5 members (60%)',
      facts: ofAges(35, 33, 10, 8, 2),
      expected:
        '3/5 nhân khẩu là người phụ thuộc (trẻ em dưới 16 tuổi, người từ 60 tuổi, người khuyết tật nặng), 60% > 50%',
    },
    {
      situation: 'aged 15 is a dependant',
      facts: ofAges(35, 15, 60),
      expected:
        '2/3 nhân khẩu là người phụ thuộc (trẻ em dưới 16 tuổi, người từ 60 tuổi, người khuyết tật nặng), 66,7% > 50%',
    },
    { situation: 'aged 16 and 59 are not', facts: ofAges(35, 16, 59), expected: 'no' },
    {
      situation: 'one age unknown could tip it',
      facts: { members: [member({ birthYear: 1988 }), member({ birthYear: 2015 }), member({})] },
      expected: '?',
    },
  ])('$situation → $expected', ({ facts, expected }) => {
    expect(outcome(ND07_2021, facts, 'dependants', ND07_DATE)).toBe(expected);
  });

  it('a severely disabled adult counts as a dependant', () => {
    const facts = {
      members: [
        member({ birthYear: 1988 }),
        member({ birthYear: 1990, severelyDisabled: true }),
        member({ birthYear: 2015 }),
      ],
    };
    expect(outcome(ND07_2021, facts, 'dependants', ND07_DATE)).toContain('2/3 nhân khẩu');
  });
});

describe('nutrition (NĐ 07): a child under 16 stunted or underweight', () => {
  it.each([
    {
      age: 4,
      facts: { stunted: true, underweight: false },
      expected: 'Hoàng Văn Sáu, 4 tuổi, suy dinh dưỡng thể thấp còi',
    },
    {
      age: 4,
      facts: { stunted: true, underweight: true },
      expected: 'Hoàng Văn Sáu, 4 tuổi, suy dinh dưỡng thể thấp còi và nhẹ cân',
    },
    { age: 15, facts: { underweight: true }, expected: 'Hoàng Văn Sáu, 15 tuổi, suy dinh dưỡng thể nhẹ cân' },
    { age: 16, facts: { stunted: true }, expected: 'no' },
    { age: 4, facts: { stunted: false, underweight: false }, expected: 'no' },
    { age: 4, facts: { stunted: false }, expected: '?' },
  ])('aged $age, $facts → $expected', ({ age, facts, expected }) => {
    expect(
      outcome(ND07_2021, { members: [member({ birthYear: 2023 - age, ...facts })] }, 'nutrition', ND07_DATE),
    ).toBe(expected);
  });
});

describe('water and latrine', () => {
  it.each([
    {
      code: 'water',
      dwelling: { hygienicWater: false, waterSource: 'sông, suối' },
      expected: 'hộ không sử dụng nguồn nước sinh hoạt hợp vệ sinh (sông, suối)',
    },
    { code: 'water', dwelling: { hygienicWater: true }, expected: 'no' },
    { code: 'water', dwelling: {}, expected: '?' },
    { code: 'latrine', dwelling: { hygienicLatrine: false }, expected: 'hộ không có nhà tiêu hợp vệ sinh' },
    { code: 'latrine', dwelling: { hygienicLatrine: true }, expected: 'no' },
  ])('$code, $dwelling → $expected', ({ code, dwelling, expected }) => {
    expect(outcome(QD59_2015, household(dwelling), code, QD59_DATE)).toBe(expected);
  });
});

describe('telecom and information', () => {
  const base: HouseholdFacts = { members: [member({ birthYear: 1980 })] };
  it.each([
    {
      standard: QD59_2015,
      telecom: { anyMemberUsesPhone: false, anyMemberUsesInternet: false },
      expected: 'không thành viên nào trong hộ sử dụng thuê bao điện thoại hoặc internet',
    },
    {
      standard: QD59_2015,
      telecom: { anyMemberUsesPhone: true, anyMemberUsesInternet: false },
      expected: 'no',
    },
    { standard: QD59_2015, telecom: { anyMemberUsesPhone: false }, expected: '?' },
    {
      standard: ND07_2021,
      telecom: { anyMemberUsesPhone: true, anyMemberUsesInternet: false },
      expected: 'không thành viên nào trong hộ sử dụng internet',
    },
    {
      standard: ND07_2021,
      telecom: { anyMemberUsesPhone: false, anyMemberUsesInternet: true },
      expected: 'no',
    },
  ])('$standard.id telecom $telecom → $expected', ({ standard, telecom, expected }) => {
    const date = standard === QD59_2015 ? QD59_DATE : ND07_DATE;
    expect(outcome(standard, { ...base, telecom }, 'telecom', date)).toBe(expected);
  });

  it.each([
    {
      devices: [],
      hears: false,
      expected: 'hộ không có ti vi, radio, máy tính và không nghe được loa truyền thanh của thôn',
    },
    { devices: [], hears: true, expected: 'no' },
    {
      devices: ['smartphone'],
      hears: false,
      expected: 'hộ không có ti vi, radio, máy tính và không nghe được loa truyền thanh của thôn',
    },
    { devices: ['radio'], hears: false, expected: 'no' },
    { devices: [], hears: undefined, expected: '?' },
  ] as const)(
    'QĐ 59 information assets: devices $devices, hears loudspeaker $hears → $expected',
    ({ devices, hears, expected }) => {
      const facts = {
        ...base,
        informationDevices: devices,
        ...(hears === undefined ? {} : { hearsVillageLoudspeaker: hears }),
      };
      expect(outcome(QD59_2015, facts, 'information_assets', QD59_DATE)).toBe(expected);
    },
  );

  it.each([
    { devices: [], expected: 'hộ không có ti vi, radio, máy tính, điện thoại thông minh, máy tính bảng' },
    { devices: ['smartphone'], expected: 'no' },
  ] as const)(
    'NĐ 07 information access: devices $devices → $expected (loudspeaker does not count)',
    ({ devices, expected }) => {
      const facts = { ...base, informationDevices: devices, hearsVillageLoudspeaker: true };
      expect(outcome(ND07_2021, facts, 'information_access', ND07_DATE)).toBe(expected);
    },
  );
});

describe('a whole household', () => {
  it('derives in the standard order and lists what the facts cannot decide', () => {
    const facts: HouseholdFacts = {
      members: [
        {
          name: 'Lương Văn Tám',
          birthYear: 1980,
          hasHealthInsurance: false,
          schooling: 'primary',
          inSchool: false,
          employment: 'stable',
        },
        {
          name: 'Lương Thị Chín',
          birthYear: 1984,
          hasHealthInsurance: true,
          schooling: 'lower_secondary',
          employment: 'unstable',
        },
      ],
      dwelling: {
        wallDurable: true,
        frameDurable: true,
        roofDurable: true,
        floorArea: 40,
        hygienicWater: true,
        hygienicLatrine: false,
      },
      telecom: { anyMemberUsesPhone: true, anyMemberUsesInternet: false },
    };
    const result = deriveDeprivations(ND07_2021, facts, ND07_DATE);
    expect(result.deprivations).toEqual([
      { code: 'employment', name: 'Việc làm', cause: 'Lương Thị Chín, 39 tuổi, không có việc làm ổn định' },
      { code: 'health_insurance', name: 'Bảo hiểm y tế', cause: 'Lương Văn Tám, 43 tuổi, không có thẻ BHYT' },
      { code: 'latrine', name: 'Nhà tiêu hợp vệ sinh', cause: 'hộ không có nhà tiêu hợp vệ sinh' },
      {
        code: 'telecom',
        name: 'Sử dụng dịch vụ viễn thông',
        cause: 'không thành viên nào trong hộ sử dụng internet',
      },
    ]);
    // No child: nutrition and child schooling are decided (not deprived); devices were not recorded.
    expect(result.undetermined).toEqual(['information_access']);
  });

  it('with nothing recorded, every indicator is undetermined and none is deprived', () => {
    const result = deriveDeprivations(QD59_2015, { members: [] }, QD59_DATE);
    expect(result.deprivations).toEqual([]);
    expect(result.undetermined).toEqual(QD59_2015.indicators.map((i) => i.code));
  });

  it('rejects a reference date that is not yyyy-MM-dd', () => {
    expect(() => deriveDeprivations(QD59_2015, { members: [] }, '01/10/2017')).toThrow(PovertyRuleError);
    expect(() => deriveDeprivations(QD59_2015, { members: [] }, '2017-02-30')).toThrow(
      'Ngày tham chiếu "2017-02-30" không hợp lệ',
    );
  });
});
