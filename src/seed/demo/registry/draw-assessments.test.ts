import { describe, expect, it } from 'vitest';
import {
  classifyHousehold,
  ND07_2021,
  QD59_2015,
  type Area,
  type PovertyCategory,
  type PovertyStandard,
} from '../../../domain/poverty/index.ts';
import { createRandom } from './demo-random.ts';
import {
  canBeDeprived,
  drawAssessments,
  hasTooManyDependants,
  type MemberYears,
} from './draw-assessments.ts';

const born = (...years: number[]): MemberYears[] => years.map((birthYear) => ({ birthYear }));

describe('which indicators can apply to a household in a year', () => {
  it.each([
    // Nutrition (NĐ 07/2021): only with a child under 16; a child not yet born does not count.
    { code: 'nutrition', standard: ND07_2021, members: born(1980, 1982), year: 2023, applies: false },
    { code: 'nutrition', standard: ND07_2021, members: born(1980, 1982, 2015), year: 2023, applies: true },
    { code: 'nutrition', standard: ND07_2021, members: born(1990, 2024), year: 2022, applies: false },
    { code: 'nutrition', standard: ND07_2021, members: born(1990, 2024), year: 2024, applies: true },
    // Child schooling: QĐ 59/2015 aged 5 to under 15; NĐ 07/2021 aged 3 to under 16.
    { code: 'child_schooling', standard: QD59_2015, members: born(1980, 2013), year: 2017, applies: false },
    { code: 'child_schooling', standard: QD59_2015, members: born(1980, 2013), year: 2018, applies: true },
    { code: 'child_schooling', standard: QD59_2015, members: born(1980, 2003), year: 2017, applies: true },
    { code: 'child_schooling', standard: QD59_2015, members: born(1980, 2003), year: 2018, applies: false },
    { code: 'child_schooling', standard: ND07_2021, members: born(1980, 2019), year: 2022, applies: true },
    { code: 'child_schooling', standard: ND07_2021, members: born(1980, 2007), year: 2022, applies: true },
    { code: 'child_schooling', standard: ND07_2021, members: born(1980, 2006), year: 2022, applies: false },
    // Adult education: QĐ 59/2015 aged 15+ born 1986 or later; NĐ 07/2021 aged 16–30.
    { code: 'adult_education', standard: QD59_2015, members: born(1985), year: 2017, applies: false },
    { code: 'adult_education', standard: QD59_2015, members: born(1986), year: 2017, applies: true },
    { code: 'adult_education', standard: ND07_2021, members: born(1992), year: 2022, applies: true },
    { code: 'adult_education', standard: ND07_2021, members: born(1991), year: 2022, applies: false },
    { code: 'adult_education', standard: ND07_2021, members: born(1970, 2006), year: 2022, applies: true },
    { code: 'adult_education', standard: ND07_2021, members: born(1970, 2007), year: 2022, applies: false },
    // Employment (NĐ 07/2021): someone aged 15–60.
    { code: 'employment', standard: ND07_2021, members: born(1962), year: 2022, applies: true },
    { code: 'employment', standard: ND07_2021, members: born(1962), year: 2023, applies: false },
    // Dependants are never drawn: they follow from the ages.
    { code: 'dependants', standard: ND07_2021, members: born(1940, 2020), year: 2023, applies: false },
    { code: 'water', standard: QD59_2015, members: born(1950), year: 2016, applies: true },
  ])(
    '$code under $standard.id, members born $members.length, in $year → $applies',
    ({ code, standard, members, year, applies }) => {
      expect(canBeDeprived(code, standard, members, year)).toBe(applies);
    },
  );

  it.each([
    { members: born(1950, 1952, 2015), standard: ND07_2021, year: 2022, deprived: true },
    { members: born(1980, 1982, 2015, 2017), standard: ND07_2021, year: 2022, deprived: false },
    { members: born(1980, 1962, 2015), standard: ND07_2021, year: 2022, deprived: true },
    { members: born(1980, 1962, 2015), standard: ND07_2021, year: 2021, deprived: false },
    { members: born(1950, 1952, 2015), standard: QD59_2015, year: 2021, deprived: false },
  ])('dependants > 50 % under $standard.id in $year → $deprived', ({ members, standard, year, deprived }) => {
    expect(hasTooManyDependants(standard, members, year)).toBe(deprived);
  });
});

const CATEGORIES: readonly PovertyCategory[] = ['poor', 'near_poor', 'middle', 'not_poor'];
const cases = [QD59_2015, ND07_2021].flatMap((standard) =>
  (['rural', 'urban'] as const).flatMap((area) =>
    CATEGORIES.map((category) => ({ standard, area, category })),
  ),
);

function household(seed: number): MemberYears[] {
  const random = createRandom(seed);
  const head = random.int(1945, 1995);
  return born(
    head,
    head + random.int(-3, 5),
    ...Array.from({ length: random.int(0, 4) }, () => random.int(head + 19, 2021)),
  );
}

describe('drawn incomes and deprivations give the intended category under the rule itself', () => {
  it.each(cases)('$standard.id, $area, $category', ({ standard, area, category }) => {
    const year = standard === QD59_2015 ? 2018 : 2023;
    for (let seed = 0; seed < 150; seed += 1) {
      const [drawn] = drawAssessments(createRandom(seed), { area, members: household(seed) }, [
        { year, standard, category },
      ]);
      if (!drawn) throw new Error('no assessment');
      const again = classifyHousehold(standard, {
        area,
        incomePerCapita: drawn.incomePerCapita,
        deprivations: drawn.deprivations,
      });
      expect(again.category).toBe(category);
      expect(drawn.classification.reason).toBe(again.reason);
      expect(drawn.classification.version).toBe(standard.version);
      const lines = standard.incomeLines[area];
      if (category === 'near_poor') expect(drawn.deprivations.length).toBeLessThan(3);
      if (category === 'poor' && standard === ND07_2021) {
        expect(drawn.deprivations.length).toBeGreaterThanOrEqual(3);
        expect(drawn.incomePerCapita).toBeLessThanOrEqual(lines.povertyLine);
      }
      // QĐ 59/2015: a poor household with fewer than 3 deprivations is poor by income alone.
      if (category === 'poor' && standard === QD59_2015 && drawn.deprivations.length < 3) {
        expect(drawn.incomePerCapita).toBeLessThanOrEqual(lines.povertyLine);
      }
      if (category === 'not_poor') expect(drawn.incomePerCapita).toBeGreaterThan(lines.middleUpper);
      expect(drawn.incomePerCapita % 10_000).toBe(0);
    }
  });
});

describe('deprivations are sticky from one round to the next', () => {
  const rounds = (standard: PovertyStandard, from: number, to: number, category: PovertyCategory) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, standard, category }));

  it('a household that stays poor keeps most of its deprivations, changing at most one a year', () => {
    let pairs = 0;
    let small = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const drawn = drawAssessments(createRandom(seed), { area: 'rural' as Area, members: household(seed) }, [
        ...rounds(QD59_2015, 2016, 2021, 'poor'),
        ...rounds(ND07_2021, 2022, 2025, 'poor'),
      ]);
      drawn.forEach((d, i) => {
        const previous = drawn[i - 1];
        if (!previous || previous.standard !== d.standard) return;
        const before = new Set(previous.deprivations);
        const after = new Set(d.deprivations);
        const changed =
          [...before].filter((c) => !after.has(c)).length + [...after].filter((c) => !before.has(c)).length;
        pairs += 1;
        if (changed <= 1) small += 1;
      });
    }
    expect(small / pairs).toBeGreaterThan(0.9);
  });

  it('an old couple raising a grandchild is deprived in "người phụ thuộc" whatever its category', () => {
    for (const category of CATEGORIES) {
      const [drawn] = drawAssessments(createRandom(3), { area: 'rural', members: born(1950, 1952, 2015) }, [
        { year: 2023, standard: ND07_2021, category },
      ]);
      expect(drawn?.deprivations).toContain('dependants');
    }
  });
});
