import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import {
  classifyHousehold,
  deriveDeprivations,
  deriveTransitions,
  standardById,
  type TransitionCode,
} from '../../../domain/poverty/index.ts';
import { createUnitDirectory } from '../../../domain/units/unit-directory.ts';
import { generateDemoVillages } from '../../reference/demo-villages.ts';
import { loadLangSonReference } from '../../reference/lang-son-units.ts';
import { centurySexDigit } from './citizen-id.ts';
import { toHouseholdFacts } from './describe-facts.ts';
import { generateDemoHousehold, planDemoRegistry, type DemoHousehold } from './generate-demo-registry.ts';

const reference = loadLangSonReference();
const directory = createUnitDirectory(
  [...reference.versions, ...generateDemoVillages(reference)],
  reference.events,
);
const options = { households: 4000, seed: 2017, today: '2026-10-01' };
const plan = planDemoRegistry(directory, options);
const used = new Set<string>();
const households: DemoHousehold[] = Array.from({ length: options.households }, (_, i) =>
  generateDemoHousehold(plan, i, used),
);
const assessments = households.flatMap((h) => h.assessments.map((a) => ({ household: h, ...a })));

function rates(year: number) {
  const ofYear = assessments.filter((a) => a.year === year);
  const share = (category: string) =>
    (ofYear.filter((a) => a.category === category).length / ofYear.length) * 100;
  return { poor: share('poor'), nearPoor: share('near_poor'), households: ofYear.length };
}

describe('calibration to the published province figures (DOMAIN.md §4), 4,000 households', () => {
  it.each([
    { year: 2016, poor: 22.37, nearPoor: 12.6 },
    { year: 2017, poor: 19.07, nearPoor: 11.9 },
    { year: 2020, poor: 10.4, nearPoor: 9.6 },
    { year: 2021, poor: 12.2, nearPoor: 9.1 },
    { year: 2024, poor: 3.36, nearPoor: 7.3 },
    { year: 2025, poor: 2.32, nearPoor: 6.8 },
  ])('$year: poor $poor % ± 0.3, near-poor $nearPoor % ± 0.3', ({ year, poor, nearPoor }) => {
    const r = rates(year);
    expect(Math.abs(r.poor - poor)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(r.nearPoor - nearPoor)).toBeLessThanOrEqual(0.3);
  });

  it('declines every year except 2021, the baseline of the new period', () => {
    const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const poor = years.map((y) => rates(y).poor);
    years.slice(1).forEach((year, i) => {
      if (year === 2021) expect(poor[i + 1]).toBeGreaterThan(poor[i] ?? 0);
      else expect(poor[i + 1]).toBeLessThan(poor[i] ?? 0);
    });
  });
});

describe('every stored result is the rules’ own answer', () => {
  it('category, reason and version equal classifyHousehold for the stored income and deprivations', () => {
    for (const a of assessments) {
      const standard = standardById(a.standardVersion.split('@')[0] ?? '');
      const again = classifyHousehold(standard, {
        area: a.household.area,
        incomePerCapita: a.incomePerCapita,
        deprivations: a.deprivations,
      });
      if (again.category !== a.category || again.reason !== a.reason || again.version !== a.standardVersion) {
        throw new Error(`${a.household.code} ${a.year}: ${a.category} ≠ ${again.category}`);
      }
    }
    expect(new Set(assessments.map((a) => a.standardVersion))).toEqual(
      new Set(['qd59-2015@1', 'nd07-2021@1']),
    );
    expect(assessments.filter((a) => a.year <= 2021).every((a) => a.standardVersion === 'qd59-2015@1')).toBe(
      true,
    );
  });

  it('transitions and stable-escape years equal deriveTransitions over the household’s rounds', () => {
    for (const h of households) {
      const expected = deriveTransitions(h.assessments.map((a) => ({ round: a.year, category: a.category })));
      expect(h.assessments.map((a) => [a.transition, a.stableEscapeYears])).toEqual(
        expected.map((t) => [t.transition, t.stableEscapeYears]),
      );
    }
  });

  it('the latest round’s deprivations follow from the household’s recorded facts', () => {
    for (const h of households.slice(0, 800)) {
      const latest = h.assessments.at(-1);
      if (!latest) throw new Error('no assessment');
      const standard = standardById(latest.standardVersion.split('@')[0] ?? '');
      const derived = deriveDeprivations(
        standard,
        toHouseholdFacts(h.dwelling, h.members),
        `${latest.year}-12-31`,
      );
      expect(derived.deprivations.map((d) => d.code)).toEqual(latest.deprivations);
      expect(derived.undetermined).toEqual([]);
    }
  });
});

describe('household paths are those of a real registry', () => {
  const count = (transition: TransitionCode, year?: number) =>
    assessments.filter((a) => a.transition === transition && (year === undefined || a.year === year)).length;

  it.each([
    'escaped',
    'new_poor',
    'relapsed',
    'stayed_poor',
    'new_near_poor',
    'relapsed_near_poor',
    'escaped_near_poor',
    'stayed_near_poor',
    'first_round',
  ] as const)('some households are "%s"', (transition) => {
    expect(count(transition)).toBeGreaterThan(5);
  });

  it('most poor households of 2016 were still poor in 2017; about a fifth to a third escaped', () => {
    const poor2016 = assessments.filter((a) => a.year === 2016 && a.category === 'poor').length;
    expect(count('stayed_poor', 2017) / poor2016).toBeGreaterThan(0.6);
    expect(count('escaped', 2017) / poor2016).toBeGreaterThan(0.15);
    expect(count('escaped', 2017) / poor2016).toBeLessThan(0.4);
  });

  it('many escapes hold three years or more (criterion 5b.3)', () => {
    expect(
      assessments.filter((a) => a.year === 2025 && (a.stableEscapeYears ?? 0) >= 3).length,
    ).toBeGreaterThan(100);
  });
});

describe('households and members', () => {
  it('have unique codes HN-<village>-<nnn> in demo villages of the 2019 structure', () => {
    const codes = households.map((h) => h.code);
    expect(new Set(codes).size).toBe(codes.length);
    const wrong = households.filter(
      (h) =>
        !/^HN-\d{5}-\d{2}-\d{3,}$/u.test(h.code) ||
        !h.code.startsWith(`HN-${h.villageCode}-`) ||
        directory.versionOn(h.villageCode, '2019-12-31')?.isDemo !== true,
    );
    expect(wrong.map((h) => h.code)).toEqual([]);
  });

  it('are urban in wards and towns, rural elsewhere, and mostly of an ethnic minority in rural areas', () => {
    const wrongArea = households.filter(
      (h) =>
        h.area !== (directory.ancestorsOn(h.villageCode, '2019-12-31')[1]?.kind === 'Xã' ? 'rural' : 'urban'),
    );
    expect(wrongArea.map((h) => h.code)).toEqual([]);
    const rural = households.filter((h) => h.area === 'rural');
    const minority = rural.filter((h) => h.ethnicMinority).length / rural.length;
    expect(minority).toBeGreaterThan(0.8);
    expect(minority).toBeLessThan(0.9);
  });

  it('have 2–7 members, one head whose sex matches "female head", and the allowed relations and peoples', () => {
    const relations = new Set(['Chủ hộ', 'Vợ', 'Chồng', 'Con', 'Cháu', 'Bố', 'Mẹ']);
    const peoples = new Set(['Tày', 'Nùng', 'Kinh', 'Dao', 'Sán Chay', 'Mông', 'Hoa']);
    const problems: string[] = [];
    for (const h of households) {
      if (h.members.length < 2 || h.members.length > 7)
        problems.push(`${h.code}: ${h.members.length} nhân khẩu`);
      const heads = h.members.filter((m) => m.relation === 'Chủ hộ');
      if (
        heads.length !== 1 ||
        heads[0]?.fullName !== h.headName ||
        (heads[0]?.sex === 'female') !== h.femaleHead
      ) {
        problems.push(`${h.code}: chủ hộ`);
      }
      for (const m of h.members) {
        if (!relations.has(m.relation) || !peoples.has(m.ethnicity) || m.fullName.split(' ').length < 3) {
          problems.push(`${h.code}: ${m.fullName} ${m.relation} ${m.ethnicity}`);
        }
      }
    }
    expect(problems).toEqual([]);
    const femaleShare = households.filter((h) => h.femaleHead).length / households.length;
    expect(femaleShare).toBeGreaterThan(0.1);
    expect(femaleShare).toBeLessThan(0.3);
  });

  it('give valid, unique citizen IDs to a share of adults only', () => {
    const members = households.flatMap((h) => h.members);
    const withId = members.filter((m) => m.citizenId !== null);
    expect(new Set(withId.map((m) => m.citizenId)).size).toBe(withId.length);
    const invalid = withId.filter((m) => {
      const id = m.citizenId ?? '';
      return (
        !/^020\d{9}$/u.test(id) ||
        Number(id[3]) !== centurySexDigit(m.birthYear, m.sex) ||
        id.slice(4, 6) !== String(m.birthYear % 100).padStart(2, '0') ||
        2025 - m.birthYear < 18
      );
    });
    expect(invalid).toEqual([]);
    const adults = members.filter((m) => 2025 - m.birthYear >= 18);
    expect(withId.length / adults.length).toBeGreaterThan(0.5);
    expect(withId.length / adults.length).toBeLessThan(0.9);
  });
});

describe('loans, escape registrations and in-year applications', () => {
  it('about 30 % of poor and near-poor households hold a loan from the Bank for Social Policies', () => {
    for (const year of [2018, 2021, 2024]) {
      const listed = assessments.filter(
        (a) => a.year === year && (a.category === 'poor' || a.category === 'near_poor'),
      );
      const next = `${year + 1}`;
      const holding = listed.filter((a) =>
        a.household.loans.some(
          (l) =>
            l.disbursedOn <= `${next}-12-31` &&
            l.dueOn >= `${next}-01-01` &&
            (l.repaidOn ?? '9999') >= `${next}-01-01`,
        ),
      );
      expect(holding.length / listed.length).toBeGreaterThan(0.2);
      expect(holding.length / listed.length).toBeLessThan(0.42);
    }
  });

  it('lend 20–100 million đ for production, housing or schooling, mostly used as intended, some overdue', () => {
    const loans = households.flatMap((h) => h.loans);
    for (const l of loans) {
      expect(l.amount).toBeGreaterThanOrEqual(20_000_000);
      expect(l.amount).toBeLessThanOrEqual(100_000_000);
      expect(l.dueOn > l.disbursedOn).toBe(true);
      expect(l.disbursedOn <= options.today).toBe(true);
    }
    expect(loans.filter((l) => l.usedAsIntended).length / loans.length).toBeGreaterThan(0.85);
    const due = loans.filter((l) => l.dueOn <= options.today);
    const overdue = due.filter((l) => !l.principalOnTime);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length / due.length).toBeLessThan(0.25);
    expect(new Set(loans.map((l) => l.purpose)).size).toBeGreaterThanOrEqual(6);
  });

  it('register about 5 % of the poor for a voluntary escape each year, most of whom escape', () => {
    for (const year of [2018, 2020, 2023]) {
      const poorBefore = assessments.filter((a) => a.year === year - 1 && a.category === 'poor');
      const registered = poorBefore.filter((a) =>
        a.household.escapeRegistrations.some((r) => r.year === year),
      );
      expect(registered.length / poorBefore.length).toBeGreaterThan(0.03);
      expect(registered.length / poorBefore.length).toBeLessThan(0.1);
      const escaped = registered.filter(
        (a) => a.household.assessments.find((x) => x.year === year)?.category !== 'poor',
      );
      expect(escaped.length / registered.length).toBeGreaterThan(0.5);
    }
  });

  it('have a few in-year applications in 2025–2026, decided within 7 working days or still pending', () => {
    const applications = households.flatMap((h) => h.applications);
    expect(applications.length).toBeGreaterThan(5);
    expect(applications.length).toBeLessThan(households.length * 0.02);
    for (const a of applications) {
      expect(['2025', '2026']).toContain(a.appliedOn.slice(0, 4));
      expect(a.deadlineOn).toBe(addWorkingDays(a.appliedOn, 7));
      if (a.decidedOn !== null) {
        expect(a.decidedOn <= a.deadlineOn).toBe(true);
        expect(a.outcome === 'refused').toBe(a.reason !== null);
      } else expect(a.outcome).toBeNull();
    }
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same registry', () => {
    const again = planDemoRegistry(directory, options);
    const first = generateDemoHousehold(again, 123, new Set());
    const original = generateDemoHousehold(plan, 123, new Set());
    expect(first).toEqual(original);
  });
});
