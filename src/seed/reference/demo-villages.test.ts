import { describe, expect, it } from 'vitest';
import { dayBefore } from '../../domain/units/iso-dates.ts';
import { createUnitDirectory } from '../../domain/units/unit-directory.ts';
import { generateDemoVillages, mulberry32 } from './demo-villages.ts';
import { loadLangSonReference } from './lang-son-units.ts';

const reference = loadLangSonReference();
const villages = generateDemoVillages(reference);
// Building the directory checks, for every version, that its parent is in force for the whole interval.
const directory = createUnitDirectory([...reference.versions, ...villages], reference.events);
const communes2019 = directory.unitsOn('2017-12-31', 'commune');
// Every day on which the structure changes, and the day before it, from the first day villages exist.
const checkDates = directory
  .changeDates()
  .flatMap((d) => [dayBefore(d), d])
  .filter((d) => d >= '2016-01-01');

describe('demo villages for Lạng Sơn', () => {
  it('creates about 10 villages per 2019 commune, each marked as demo', () => {
    const initial = directory.unitsOn('2016-01-01', 'village');
    expect(initial.length).toBeGreaterThanOrEqual(226 * 9);
    expect(initial.length).toBeLessThanOrEqual(226 * 11);
    expect(villages.every((v) => v.isDemo && v.level === 'village')).toBe(true);
    for (const commune of communes2019) {
      const count = directory.childrenOn(commune.code, '2016-01-01').length;
      expect(count, commune.code).toBeGreaterThanOrEqual(8);
      expect(count, commune.code).toBeLessThanOrEqual(12);
    }
  });

  it('numbers each village under the commune it was created in: <communeCode>-<nn>', () => {
    for (const v of directory.unitsOn('2016-01-01', 'village')) {
      expect(v.code).toMatch(/^\d{5}-\d{2}$/u);
      expect(v.code.slice(0, 5)).toBe(v.parentCode);
    }
  });

  it.each([
    { communeKind: 'Phường', villageKinds: ['Khối phố'], name: /^Khối \d+$/u },
    { communeKind: 'Thị trấn', villageKinds: ['Khối phố'], name: /^Khối \d+$/u },
    { communeKind: 'Xã', villageKinds: ['Bản', 'Thôn'], name: /^(Thôn|Bản) \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u },
  ])('names the villages of a $communeKind: $villageKinds', ({ communeKind, villageKinds, name }) => {
    const inKind = communes2019
      .filter((c) => c.kind === communeKind)
      .flatMap((c) => directory.childrenOn(c.code, '2016-01-01'));
    expect([...new Set(inKind.map((v) => v.kind))].sort()).toEqual(villageKinds);
    for (const v of inKind) expect(v.name).toMatch(name);
  });

  it.each(checkDates)(
    'on %s every village sits under a commune in force, with a name unique there',
    (date) => {
      const inForce = directory.unitsOn(date, 'village');
      expect(inForce).toHaveLength(directory.unitsOn('2016-01-01', 'village').length);
      for (const v of inForce) {
        const parent = directory.versionOn(v.parentCode ?? '', date);
        expect(parent?.level, `${v.code} on ${date}`).toBe('commune');
      }
      for (const commune of directory.unitsOn(date, 'commune')) {
        const names = directory.childrenOn(commune.code, date).map((v) => v.name);
        expect(new Set(names).size, `${commune.code} on ${date}`).toBe(names.length);
      }
    },
  );

  it.each([
    { date: '2019-12-31', parent: '06052' },
    { date: '2020-01-01', parent: '06031' },
    { date: '2025-06-30', parent: '06031' },
    { date: '2025-07-01', parent: '06019' },
  ])('the villages of Xã Bắc Ái (06052) are under $parent on $date', ({ date, parent }) => {
    const ofBacAi = villages.filter(
      (v) => v.code.startsWith('06052-') && v.validFrom <= date && (v.validTo === null || date < v.validTo),
    );
    expect(ofBacAi.length).toBeGreaterThan(0);
    expect(new Set(ofBacAi.map((v) => v.parentCode))).toEqual(new Set([parent]));
  });

  it('gives a moved village a new version from the effective date, with its legal basis', () => {
    expect(
      directory
        .historyOf('06052-01')
        .versions.map((v) => [v.parentCode, v.validFrom, v.validTo, v.legalBasis]),
    ).toEqual([
      ['06052', '2016-01-01', '2020-01-01', null],
      ['06031', '2020-01-01', '2025-07-01', 'Nghị quyết 818/NQ-UBTVQH14 (21/11/2019)'],
      ['06019', '2025-07-01', null, 'Nghị quyết 1672/NQ-UBTVQH15 (16/06/2025)'],
    ]);
  });

  it.each([
    { split: '06622 Xã Bính Xá', code: '06622', successors: ['06613', '06625'] },
    { split: '06625 Xã Kiên Mộc', code: '06625', successors: ['06625', '06637'] },
  ])('spreads the villages of $split over $successors, each village whole to one', ({ code, successors }) => {
    const parents = directory
      .unitsOn('2025-07-01', 'village')
      .filter((v) => v.code.startsWith(`${code}-`))
      .map((v) => v.parentCode);
    expect([...new Set(parents)].sort()).toEqual(successors);
  });

  it('re-aggregates exactly: each village of 30/06/2025 lies in one successor of its commune on 01/07/2025', () => {
    const successorsOf = new Map(
      directory
        .unitsOn('2025-06-30', 'commune')
        .map((c) => [c.code, directory.successorsOn(c.code, '2025-07-01').map((s) => s.code)]),
    );
    for (const v of directory.unitsOn('2025-06-30', 'village')) {
      const after = directory.versionOn(v.code, '2025-07-01');
      expect(successorsOf.get(v.parentCode ?? ''), v.code).toContain(after?.parentCode);
    }
  });

  it('keeps names apart when villages of two communes meet: "Khối 3 (Đông Kinh)" under Phường Đông Kinh', () => {
    const names = directory.childrenOn('05977', '2025-07-01').map((v) => v.name);
    expect(names).toContain('Khối 3');
    expect(names).toContain('Khối 3 (Đông Kinh)');
  });

  it('gives the same villages for the same seed and others for another seed', () => {
    expect(generateDemoVillages(reference, { seed: 7 })).toEqual(
      generateDemoVillages(reference, { seed: 7 }),
    );
    const names = (seed: number) => generateDemoVillages(reference, { seed }).map((v) => v.name);
    expect(names(7)).not.toEqual(names(8));
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays within [0, 1)', () => {
    const a = mulberry32(165);
    const b = mulberry32(165);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
