import { describe, expect, it } from 'vitest';
import {
  deriveDeprivations,
  ND07_2021,
  QD59_2015,
  type PovertyStandard,
} from '../../../domain/poverty/index.ts';
import { dwellingFacts, memberFacts } from '../../../shared/schemas/households.schema.ts';
import { createRandom } from './demo-random.ts';
import { describeFacts, toHouseholdFacts, type PersonYears } from './describe-facts.ts';

// A three-generation household: head, spouse, a grown child, a schoolchild and a grandfather.
const family: PersonYears[] = [
  { fullName: 'Hoàng Văn Minh', birthYear: 1975 },
  { fullName: 'Lăng Thị Hoa', birthYear: 1978 },
  { fullName: 'Hoàng Văn Tùng', birthYear: 2000 },
  { fullName: 'Hoàng Thị Linh', birthYear: 2012 },
  { fullName: 'Hoàng Văn Sáng', birthYear: 1945 },
];

function sets(standard: PovertyStandard): string[][] {
  const codes = standard.indicators.map((i) => i.code).filter((c) => c !== 'dependants');
  return [[], ...codes.map((c) => [c]), codes.slice(0, 3), codes.slice(-4), codes];
}

const cases = [
  ...sets(QD59_2015).map((deprivations) => ({ standard: QD59_2015, year: 2019, deprivations })),
  ...sets(ND07_2021).map((deprivations) => ({ standard: ND07_2021, year: 2025, deprivations })),
];

describe('recorded facts of a demo household agree with its latest deprivations', () => {
  it.each(cases)('$standard.id $year: [$deprivations]', ({ standard, year, deprivations }) => {
    for (const area of ['rural', 'urban'] as const) {
      for (let seed = 0; seed < 20; seed += 1) {
        const described = describeFacts(createRandom(seed), standard, year, area, family, deprivations);
        const members = family.map((m, i) => ({ ...m, facts: described.memberFacts[i]! }));
        const derived = deriveDeprivations(
          standard,
          toHouseholdFacts(described.dwelling, members),
          `${year}-12-31`,
        );
        expect(derived.undetermined).toEqual([]);
        expect(derived.deprivations.map((d) => d.code).sort()).toEqual([...deprivations].sort());
        // The registry's own schemas accept what the demo stores.
        expect(dwellingFacts.safeParse(described.dwelling).success).toBe(true);
        for (const facts of described.memberFacts) expect(memberFacts.safeParse(facts).success).toBe(true);
      }
    }
  });

  it('gives each deprivation the fact behind it, in Vietnamese', () => {
    const described = describeFacts(createRandom(1), ND07_2021, 2025, 'rural', family, [
      'latrine',
      'housing_area',
    ]);
    const causes = Object.fromEntries(described.derivation.deprivations.map((d) => [d.code, d.cause]));
    expect(causes.latrine).toMatch(/không có nhà tiêu hợp vệ sinh/u);
    expect(causes.housing_area).toMatch(/m²\/người < 8 m²/u);
  });

  it('counts an old couple raising a grandchild as dependants, and refuses facts that would hide it', () => {
    const elders: PersonYears[] = [
      { fullName: 'Nông Văn Lực', birthYear: 1950 },
      { fullName: 'Vi Thị Mến', birthYear: 1952 },
      { fullName: 'Nông Thị Vy', birthYear: 2015 },
    ];
    const described = describeFacts(createRandom(2), ND07_2021, 2025, 'rural', elders, ['dependants']);
    expect(described.derivation.deprivations.map((d) => d.code)).toEqual(['dependants']);
    expect(() => describeFacts(createRandom(2), ND07_2021, 2025, 'rural', elders, [])).toThrow(
      /Lỗi sinh dữ liệu mẫu/u,
    );
  });

  it('refuses a deprivation no member can have (nutrition without a child)', () => {
    const adults = family.filter((m) => m.birthYear < 2005);
    expect(() => describeFacts(createRandom(3), ND07_2021, 2025, 'rural', adults, ['nutrition'])).toThrow(
      /không có nhân khẩu phù hợp/u,
    );
  });
});
