import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnitDirectory } from '../../domain/units/unit-directory.ts';
import type { UnitVersion } from '../../domain/units/unit-types.ts';
import {
  LANG_SON_FILES,
  LANG_SON_REFERENCE_DIR,
  buildLangSonReference,
  loadLangSonReference,
} from './lang-son-units.ts';
import { parseCsv } from './read-csv.ts';

const reference = loadLangSonReference();
const directory = createUnitDirectory(reference.versions, reference.events);
const csv = (file: string) => parseCsv(readFileSync(join(LANG_SON_REFERENCE_DIR, file), 'utf8'));
const list2019 = csv(LANG_SON_FILES.list2019);
const list2025March = csv(LANG_SON_FILES.list2025March);
const list2025July = csv(LANG_SON_FILES.list2025July);
const lineage = csv(LANG_SON_FILES.lineage);

const tally = (values: readonly string[]) =>
  Object.fromEntries([...new Set(values)].sort().map((k) => [k, values.filter((v) => v === k).length]));
const countBy = (units: readonly UnitVersion[], key: (u: UnitVersion) => string) => tally(units.map(key));

describe('Lạng Sơn on a date (DOMAIN.md §1: 226 → 200 → 194 → 65 communes)', () => {
  it.each([
    { date: '2015-12-31', provinces: 0, districts: 0, communes: 0, why: 'before the starting structure' },
    {
      date: '2016-01-01',
      provinces: 1,
      districts: 11,
      communes: 226,
      why: 'the 2019 list, in force from 2016',
    },
    { date: '2017-12-31', provinces: 1, districts: 11, communes: 226, why: 'plan 165/KH-UBND period' },
    { date: '2019-12-31', provinces: 1, districts: 11, communes: 226, why: 'last day before NQ 818' },
    { date: '2020-01-01', provinces: 1, districts: 11, communes: 200, why: 'NQ 818/NQ-UBTVQH14 in force' },
    { date: '2020-06-01', provinces: 1, districts: 11, communes: 200, why: 'between the two mergers' },
    { date: '2024-11-30', provinces: 1, districts: 11, communes: 200, why: 'last day before NQ 1246' },
    { date: '2024-12-01', provinces: 1, districts: 11, communes: 194, why: 'NQ 1246/NQ-UBTVQH15 in force' },
    { date: '2025-03-01', provinces: 1, districts: 11, communes: 194, why: 'the 03/2025 list' },
    { date: '2025-06-30', provinces: 1, districts: 11, communes: 194, why: 'last day of the district level' },
    { date: '2025-07-01', provinces: 1, districts: 0, communes: 65, why: 'NQ 1672/NQ-UBTVQH15, two tiers' },
    { date: '2030-01-01', provinces: 1, districts: 0, communes: 65, why: 'still in force' },
  ])('$date: $districts districts, $communes communes ($why)', ({ date, provinces, districts, communes }) => {
    expect(directory.unitsOn(date, 'province')).toHaveLength(provinces);
    expect(directory.unitsOn(date, 'district')).toHaveLength(districts);
    expect(directory.unitsOn(date, 'commune')).toHaveLength(communes);
  });

  it('has 207 xã, 14 thị trấn and 5 phường in 2017', () => {
    expect(countBy(directory.unitsOn('2017-12-31', 'commune'), (u) => u.kind)).toEqual({
      Phường: 5,
      'Thị trấn': 14,
      Xã: 207,
    });
  });

  it('has 61 xã and 4 phường from 01/07/2025, all directly under the province', () => {
    const communes = directory.unitsOn('2025-07-01', 'commune');
    expect(countBy(communes, (u) => u.kind)).toEqual({ Phường: 4, Xã: 61 });
    expect(new Set(communes.map((u) => u.parentCode))).toEqual(new Set(['20']));
  });

  it.each([
    { date: '2017-12-31', list: list2019, file: LANG_SON_FILES.list2019 },
    { date: '2019-12-31', list: list2019, file: LANG_SON_FILES.list2019 },
    { date: '2025-03-01', list: list2025March, file: LANG_SON_FILES.list2025March },
  ])('equals $file on $date: codes, names, types and districts', ({ date, list }) => {
    const built = directory
      .unitsOn(date, 'commune')
      .map((u) => [u.code, u.name, u.kind, u.parentCode])
      .sort();
    const listed = list.map((r) => [r.commune_code, r.commune_name, r.commune_type, r.district_code]).sort();
    expect(built).toEqual(listed);
  });

  it('equals the 01/07/2025 list: codes and names', () => {
    const built = directory.unitsOn('2025-07-01', 'commune').map((u) => [u.code, u.name]);
    expect(built).toEqual(list2025July.map((r) => [r.commune_code, r.commune_name]).sort());
  });

  it('keeps the 11 district-level units and their names until 01/07/2025', () => {
    const names = (date: string) => directory.unitsOn(date, 'district').map((u) => `${u.code} ${u.name}`);
    expect(names('2017-12-31')).toEqual([
      '178 Thành phố Lạng Sơn',
      '180 Huyện Tràng Định',
      '181 Huyện Bình Gia',
      '182 Huyện Văn Lãng',
      '183 Huyện Cao Lộc',
      '184 Huyện Văn Quan',
      '185 Huyện Bắc Sơn',
      '186 Huyện Hữu Lũng',
      '187 Huyện Chi Lăng',
      '188 Huyện Lộc Bình',
      '189 Huyện Đình Lập',
    ]);
    expect(names('2025-06-30')).toEqual(names('2017-12-31'));
  });
});

describe('the tree', () => {
  it('on 31/12/2017: the province, 11 district-level units, 226 communes as listed per district', () => {
    const [root, ...others] = directory.treeOn('2017-12-31');
    expect(others).toEqual([]);
    expect(root?.unit.name).toBe('Tỉnh Lạng Sơn');
    const perDistrict = Object.fromEntries(root?.children.map((d) => [d.unit.code, d.children.length]) ?? []);
    const listed = Object.fromEntries(
      [...new Set(list2019.map((r) => r.district_code))].map((d) => [
        d,
        list2019.filter((r) => r.district_code === d).length,
      ]),
    );
    expect(perDistrict).toEqual(listed);
    expect(root?.children.flatMap((d) => d.children).every((c) => c.unit.level === 'commune')).toBe(true);
  });

  it('on 01/07/2025: 65 communes directly under the province', () => {
    const [root] = directory.treeOn('2025-07-01');
    expect(root?.children).toHaveLength(65);
    expect(root?.children.every((c) => c.unit.level === 'commune' && c.children.length === 0)).toBe(true);
  });

  it.each([
    { code: '06001', date: '2017-12-31', chain: ['Xã Đoàn Kết', 'Huyện Tràng Định', 'Tỉnh Lạng Sơn'] },
    { code: '06001', date: '2025-06-30', chain: ['Xã Đoàn Kết', 'Huyện Tràng Định', 'Tỉnh Lạng Sơn'] },
    { code: '06001', date: '2025-07-01', chain: ['Xã Đoàn Kết', 'Tỉnh Lạng Sơn'] },
    { code: '06112', date: '2019-12-31', chain: ['Xã Tô Hiệu', 'Huyện Bình Gia', 'Tỉnh Lạng Sơn'] },
    { code: '06112', date: '2020-01-01', chain: ['Thị trấn Bình Gia', 'Huyện Bình Gia', 'Tỉnh Lạng Sơn'] },
    { code: '06112', date: '2025-07-01', chain: ['Xã Bình Gia', 'Tỉnh Lạng Sơn'] },
    { code: '06052', date: '2020-01-01', chain: [] },
  ])('ancestors of $code on $date', ({ code, date, chain }) => {
    expect(directory.ancestorsOn(code, date).map((u) => u.name)).toEqual(chain);
  });
});

describe('versions of one code', () => {
  it.each([
    {
      code: '06112',
      versions: [
        ['Xã Tô Hiệu', 'Xã', '181', '2016-01-01', '2020-01-01', null],
        [
          'Thị trấn Bình Gia',
          'Thị trấn',
          '181',
          '2020-01-01',
          '2025-07-01',
          'Nghị quyết 818/NQ-UBTVQH14 (21/11/2019)',
        ],
        ['Xã Bình Gia', 'Xã', '20', '2025-07-01', null, 'Nghị quyết 1672/NQ-UBTVQH15 (16/06/2025)'],
      ],
    },
    {
      code: '06040',
      versions: [
        ['Xã Đại Đồng', 'Xã', '180', '2016-01-01', '2024-12-01', null],
        ['Thị trấn Thất Khê', 'Thị trấn', '180', '2024-12-01', '2025-07-01', 'Nghị quyết 1246/NQ-UBTVQH15'],
        ['Xã Thất Khê', 'Xã', '20', '2025-07-01', null, 'Nghị quyết 1672/NQ-UBTVQH15 (16/06/2025)'],
      ],
    },
    { code: '06052', versions: [['Xã Bắc Ái', 'Xã', '180', '2016-01-01', '2020-01-01', null]] },
    { code: '180', versions: [['Huyện Tràng Định', 'Huyện', '20', '2016-01-01', '2025-07-01', null]] },
  ])('$code', ({ code, versions }) => {
    expect(
      directory
        .historyOf(code)
        .versions.map((v) => [v.name, v.kind, v.parentCode, v.validFrom, v.validTo, v.legalBasis]),
    ).toEqual(versions);
  });
});

describe('successors: re-aggregating old figures on later units', () => {
  const summary = (code: string, date: string) =>
    directory.successorsOn(code, date).map((s) => ({
      code: s.code,
      share: s.share,
      partial: s.partial,
      path: s.path.map((e) => `${e.kind} ${e.fromCode}→${e.toCode} ${e.effectiveDate}`),
    }));

  it.each([
    {
      situation: 'a commune that simply continues',
      code: '06019',
      date: '2024-01-01',
      expected: [{ code: '06019', share: 1, partial: false, path: [] }],
    },
    {
      situation: 'a full merger (NQ 818)',
      code: '06052',
      date: '2020-01-01',
      expected: [{ code: '06031', share: 1, partial: false, path: ['merge_full 06052→06031 2020-01-01'] }],
    },
    {
      situation: 'a 2020 merger then a 2025 merger: Bắc Ái → Kim Đồng → Tân Tiến',
      code: '06052',
      date: '2025-07-01',
      expected: [
        {
          code: '06019',
          share: 1,
          partial: false,
          path: ['merge_full 06052→06031 2020-01-01', 'merge_full 06031→06019 2025-07-01'],
        },
      ],
    },
    {
      situation: 'a 2024 merger then the 2025 host: Vĩnh Tiến → Khánh Long → Đoàn Kết',
      code: '06007',
      date: '2026-01-01',
      expected: [
        {
          code: '06001',
          share: 1,
          partial: false,
          path: ['merge_full 06007→05998 2024-12-01', 'merge_full 05998→06001 2025-07-01'],
        },
      ],
    },
    {
      situation: 'a renamed host keeps its code: Tô Hiệu → Thị trấn Bình Gia → Xã Bình Gia',
      code: '06112',
      date: '2025-07-01',
      expected: [
        {
          code: '06112',
          share: 1,
          partial: false,
          path: ['rename 06112→06112 2020-01-01', 'merge_full 06112→06112 2025-07-01'],
        },
      ],
    },
    {
      situation: 'a split with no stated share: Bính Xá → Đình Lập + Kiên Mộc (NQ 1672, khoản 40, 43)',
      code: '06622',
      date: '2025-07-01',
      expected: [
        { code: '06613', share: null, partial: true, path: ['merge_partial 06622→06613 2025-07-01'] },
        { code: '06625', share: null, partial: true, path: ['merge_partial 06622→06625 2025-07-01'] },
      ],
    },
    {
      situation: 'a split whose code survives: Kiên Mộc → Kiên Mộc + Châu Sơn (khoản 42, 43)',
      code: '06625',
      date: '2025-07-01',
      expected: [
        { code: '06625', share: null, partial: true, path: ['merge_partial 06625→06625 2025-07-01'] },
        { code: '06637', share: null, partial: true, path: ['merge_partial 06625→06637 2025-07-01'] },
      ],
    },
  ])('$situation', ({ code, date, expected }) => {
    expect(summary(code, date)).toEqual(expected);
  });

  it('maps every 2019 commune onto the 65 communes of 01/07/2025, wholly except the two split ones', () => {
    const today = new Set(directory.unitsOn('2025-07-01', 'commune').map((u) => u.code));
    const partial: string[] = [];
    for (const commune of directory.unitsOn('2017-12-31', 'commune')) {
      const successors = directory.successorsOn(commune.code, '2025-07-01');
      expect(successors.length, commune.code).toBeGreaterThan(0);
      expect(
        successors.every((s) => today.has(s.code)),
        commune.code,
      ).toBe(true);
      if (successors.some((s) => s.partial)) partial.push(commune.code);
    }
    expect(partial).toEqual(['06622', '06625']);
  });
});

describe('predecessors: the old communes merged into each 2025 commune', () => {
  it('06001 Xã Đoàn Kết ← Khánh Long, Đoàn Kết, Cao Minh', () => {
    expect(directory.predecessorsOf('06001', '2025-07-01').map((p) => [p.code, p.name, p.kind])).toEqual([
      ['05998', 'Xã Khánh Long', 'full'],
      ['06001', 'Xã Đoàn Kết', 'full'],
      ['06010', 'Xã Cao Minh', 'full'],
    ]);
  });

  it('06625 Xã Kiên Mộc ← Bắc Xa, part of Bính Xá, part of Kiên Mộc', () => {
    expect(directory.predecessorsOf('06625', '2025-07-01').map((p) => [p.code, p.name, p.kind])).toEqual([
      ['06619', 'Xã Bắc Xa', 'full'],
      ['06622', 'Xã Bính Xá', 'partial'],
      ['06625', 'Xã Kiên Mộc', 'partial'],
    ]);
  });

  it('equals merged_from_codes and merged_from_types of the 01/07/2025 list for all 65', () => {
    for (const row of list2025July) {
      const expected = (row.merged_from_codes ?? '')
        .split(';')
        .map((code, i) => [code, (row.merged_from_types ?? '').split(';')[i]]);
      const found = directory
        .predecessorsOf(row.commune_code ?? '', '2025-07-01')
        .map((p) => [p.code, p.kind]);
      expect(found, row.commune_code).toEqual(expected.sort());
    }
  });

  it('shows the 2020 step for a host that took in another commune without changing its name', () => {
    expect(directory.predecessorsOf('06031', '2021-01-01').map((p) => [p.code, p.name, p.kind])).toEqual([
      ['06031', 'Xã Kim Đồng', 'full'],
      ['06052', 'Xã Bắc Ái', 'full'],
    ]);
  });
});

describe('lineage events', () => {
  const from2019 = (code: string) =>
    reference.events.filter((e) => e.fromCode === code && e.effectiveDate < '2025-07-01');

  it('has one event per lineage row, 32 mergers and 13 renames, and one per merged_from entry of 2025', () => {
    const early = reference.events.filter((e) => e.effectiveDate < '2025-07-01');
    expect(early).toHaveLength(lineage.length);
    expect(tally(early.map((e) => e.kind))).toEqual({
      merge_full: 32,
      rename: 13,
    });
    const entries = list2025July.flatMap((r) => (r.merged_from_codes ?? '').split(';'));
    expect(reference.events.filter((e) => e.effectiveDate === '2025-07-01')).toHaveLength(entries.length);
  });

  it.each([
    { code: '06052', grade: 'A', also: /11,00 km² và 397 người về Xã Đề Thám \(06046\)/u },
    {
      code: '06064',
      grade: 'B',
      also: /Nguồn: https:\/\/github\.com\/daohoangson\/dvhcvn\/commit\/7e12bcb/u,
    },
    { code: '06229', grade: 'C', also: /suy luận từ bản đồ/u },
    { code: '06583', grade: 'C', also: /Chưa xác định: đơn vị nhận có thể là Xã Minh Hiệp \(06595\)/u },
    { code: '06586', grade: 'C', also: /Chưa xác định: đơn vị nhận có thể là Xã Tú Đoạn \(06562\)/u },
    { code: '06574', grade: 'A', also: /Nguồn: https:\/\/m\.baophapluat\.vn/u },
  ])('the event of $code says evidence grade $grade', ({ code, grade, also }) => {
    const [e] = from2019(code);
    expect(e?.note).toMatch(new RegExp(`^Mức bằng chứng ${grade}:`, 'u'));
    expect(e?.note).toMatch(also);
  });

  it('grades every row: 18 A, 16 B, 11 C', () => {
    const grades = lineage.map(
      (r) => /^Mức bằng chứng ([ABC])/u.exec(from2019(r.old_commune_code ?? '')[0]?.note ?? '')?.[1],
    );
    expect(tally(grades.map((g) => g ?? '?'))).toEqual({ A: 18, B: 16, C: 11 });
  });
});

describe('the builder refuses reference data that does not add up', () => {
  const texts = {
    list2019: readFileSync(join(LANG_SON_REFERENCE_DIR, LANG_SON_FILES.list2019), 'utf8'),
    lineage: readFileSync(join(LANG_SON_REFERENCE_DIR, LANG_SON_FILES.lineage), 'utf8'),
    list2025July: readFileSync(join(LANG_SON_REFERENCE_DIR, LANG_SON_FILES.list2025July), 'utf8'),
  };

  it.each([
    {
      situation: 'a lineage row whose old name differs from the 2019 list',
      change: { lineage: texts.lineage.replace('06052,Xã Bắc Ái', '06052,Xã Bắc Ải') },
      message: /mã 06052 không phải "Xã Bắc Ải"/u,
    },
    {
      situation: 'a 2025 unit formed from a commune already gone',
      change: {
        list2025July: texts.list2025July.replace('05977;05980;05992;06247', '05977;05980;05992;06052'),
      },
      message: /mã 06052 không phải/u,
    },
    {
      situation: 'a commune of the 03/2025 list that goes nowhere on 01/07/2025',
      change: {
        list2025July: texts.list2025July.replace(
          '05983;05989,Phường Chi Lăng;Xã Quảng Lạc,full;full',
          '05983,Phường Chi Lăng,full',
        ),
      },
      message: /mã 05989 được sáp nhập không đúng: không có/u,
    },
  ])('$situation', ({ change, message }) => {
    expect(() => buildLangSonReference({ ...texts, ...change })).toThrow(message);
  });

  it('builds the same data from the texts as from the folder', () => {
    expect(buildLangSonReference(texts)).toEqual(reference);
  });
});
