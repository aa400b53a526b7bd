import { describe, expect, it } from 'vitest';
import { createUnitDirectory } from './unit-directory.ts';
import { UnitRuleError, type UnitErrorCode } from './unit-errors.ts';
import type { LineageEvent, UnitLevel, UnitVersion } from './unit-types.ts';

// A small province with each kind of change:
//   01/01/2020  Xã Mười (00010) merged in full into Xã Mười Một (00011), which becomes Thị trấn Mười Một;
//   01/07/2025  districts abolished; Xã Hai Mươi (00020) split 40 % / 60 % between 00011 and 00021.
function unit(
  code: string,
  name: string,
  level: UnitLevel,
  kind: string,
  parentCode: string | null,
  validFrom: string,
  validTo: string | null,
): UnitVersion {
  return { code, name, level, kind, parentCode, validFrom, validTo, legalBasis: null, isDemo: false };
}

function event(
  kind: LineageEvent['kind'],
  effectiveDate: string,
  fromCode: string,
  toCode: string,
  share: number | null = null,
): LineageEvent {
  return { kind, effectiveDate, legalBasis: 'Nghị quyết mẫu', fromCode, toCode, share, note: null };
}

const VERSIONS: UnitVersion[] = [
  unit('20', 'Tỉnh Mẫu', 'province', 'Tỉnh', null, '2016-01-01', null),
  unit('101', 'Huyện Một', 'district', 'Huyện', '20', '2016-01-01', '2025-07-01'),
  unit('102', 'Huyện Hai', 'district', 'Huyện', '20', '2016-01-01', '2025-07-01'),
  unit('00010', 'Xã Mười', 'commune', 'Xã', '101', '2016-01-01', '2020-01-01'),
  unit('00011', 'Xã Mười Một', 'commune', 'Xã', '101', '2016-01-01', '2020-01-01'),
  unit('00011', 'Thị trấn Mười Một', 'commune', 'Thị trấn', '101', '2020-01-01', '2025-07-01'),
  unit('00011', 'Xã Mười Một', 'commune', 'Xã', '20', '2025-07-01', null),
  unit('00020', 'Xã Hai Mươi', 'commune', 'Xã', '102', '2016-01-01', '2025-07-01'),
  unit('00021', 'Xã Hai Mốt', 'commune', 'Xã', '102', '2016-01-01', '2025-07-01'),
  unit('00021', 'Xã Hai Mốt', 'commune', 'Xã', '20', '2025-07-01', null),
];

const MERGE_2020 = event('merge_full', '2020-01-01', '00010', '00011');
const RENAME_2020 = event('rename', '2020-01-01', '00011', '00011');
const HOST_11 = event('merge_full', '2025-07-01', '00011', '00011');
const SPLIT_TO_11 = event('merge_partial', '2025-07-01', '00020', '00011', 0.4);
const SPLIT_TO_21 = event('merge_partial', '2025-07-01', '00020', '00021', 0.6);
const HOST_21 = event('merge_full', '2025-07-01', '00021', '00021');
const EVENTS = [MERGE_2020, RENAME_2020, HOST_11, SPLIT_TO_11, SPLIT_TO_21, HOST_21];

const directory = createUnitDirectory(VERSIONS, EVENTS);
const codes = (units: readonly UnitVersion[]) => units.map((u) => u.code);

describe('units in force on a date', () => {
  it.each([
    { date: '2015-12-31', districts: [], communes: [] },
    { date: '2016-01-01', districts: ['101', '102'], communes: ['00010', '00011', '00020', '00021'] },
    { date: '2019-12-31', districts: ['101', '102'], communes: ['00010', '00011', '00020', '00021'] },
    { date: '2020-01-01', districts: ['101', '102'], communes: ['00011', '00020', '00021'] },
    { date: '2025-06-30', districts: ['101', '102'], communes: ['00011', '00020', '00021'] },
    { date: '2025-07-01', districts: [], communes: ['00011', '00021'] },
  ])('$date: districts $districts, communes $communes', ({ date, districts, communes }) => {
    expect(codes(directory.unitsOn(date, 'district'))).toEqual(districts);
    expect(codes(directory.unitsOn(date, 'commune'))).toEqual(communes);
  });

  it.each([
    { date: '2019-12-31', name: 'Xã Mười Một', parent: '101' },
    { date: '2020-01-01', name: 'Thị trấn Mười Một', parent: '101' },
    { date: '2025-06-30', name: 'Thị trấn Mười Một', parent: '101' },
    { date: '2025-07-01', name: 'Xã Mười Một', parent: '20' },
  ])('00011 on $date is "$name" under $parent', ({ date, name, parent }) => {
    expect(directory.versionOn('00011', date)).toMatchObject({ name, parentCode: parent });
  });

  it('has no version of a merged commune after the merger', () => {
    expect(directory.versionOn('00010', '2020-01-01')).toBeNull();
  });

  it('lists every unit of the date, province first', () => {
    expect(codes(directory.unitsOn('2025-07-01'))).toEqual(['20', '00011', '00021']);
  });

  it('names the dates on which the structure changes', () => {
    expect(directory.changeDates()).toEqual(['2016-01-01', '2020-01-01', '2025-07-01']);
  });
});

describe('hierarchy on a date', () => {
  it.each([
    { code: '00011', date: '2019-12-31', chain: ['00011', '101', '20'] },
    { code: '00011', date: '2025-07-01', chain: ['00011', '20'] },
    { code: '00010', date: '2020-01-01', chain: [] },
    { code: '20', date: '2017-12-31', chain: ['20'] },
  ])('ancestors of $code on $date: $chain', ({ code, date, chain }) => {
    expect(codes(directory.ancestorsOn(code, date))).toEqual(chain);
  });

  it.each([
    { code: '00011', ancestor: '101', date: '2019-12-31', within: true },
    { code: '00011', ancestor: '101', date: '2025-07-01', within: false },
    { code: '00011', ancestor: '20', date: '2025-07-01', within: true },
    { code: '00011', ancestor: '00011', date: '2025-07-01', within: true },
    { code: '00020', ancestor: '101', date: '2019-12-31', within: false },
    { code: '00010', ancestor: '20', date: '2020-01-01', within: false },
  ])('$code within $ancestor on $date: $within', ({ code, ancestor, date, within }) => {
    expect(directory.isWithinOn(code, ancestor, date)).toBe(within);
  });

  it('builds the three-level tree before 2025 and the two-level tree after', () => {
    const shape = (date: string) =>
      directory.treeOn(date).map((p) => ({
        [p.unit.code]: p.children.map((d) => ({ [d.unit.code]: codes(d.children.map((c) => c.unit)) })),
      }));
    expect(shape('2017-12-31')).toEqual([{ 20: [{ 101: ['00010', '00011'] }, { 102: ['00020', '00021'] }] }]);
    expect(shape('2025-07-01')).toEqual([{ 20: [{ '00011': [] }, { '00021': [] }] }]);
  });

  it('gives the caller a list it may sort without changing the directory', () => {
    directory.childrenOn('101', '2017-12-31').reverse();
    expect(codes(directory.childrenOn('101', '2017-12-31'))).toEqual(['00010', '00011']);
  });
});

describe('successors on a later date', () => {
  it.each([
    { code: '00010', date: '2019-12-31', expected: [{ code: '00010', share: 1, partial: false, path: [] }] },
    {
      code: '00010',
      date: '2020-01-01',
      expected: [{ code: '00011', share: 1, partial: false, path: [MERGE_2020] }],
    },
    {
      code: '00010',
      date: '2025-07-01',
      expected: [{ code: '00011', share: 1, partial: false, path: [MERGE_2020, HOST_11] }],
    },
    {
      code: '00011',
      date: '2021-06-01',
      expected: [{ code: '00011', share: 1, partial: false, path: [RENAME_2020] }],
    },
    {
      code: '00020',
      date: '2025-07-01',
      expected: [
        { code: '00011', share: 0.4, partial: true, path: [SPLIT_TO_11] },
        { code: '00021', share: 0.6, partial: true, path: [SPLIT_TO_21] },
      ],
    },
    { code: '00020', date: '2025-06-30', expected: [{ code: '00020', share: 1, partial: false, path: [] }] },
  ])('$code on $date', ({ code, date, expected }) => {
    expect(directory.successorsOn(code, date)).toEqual(expected);
  });

  it('gives a partial share as unknown when the resolution states none', () => {
    const dir = createUnitDirectory(VERSIONS, [
      MERGE_2020,
      HOST_11,
      HOST_21,
      { ...SPLIT_TO_11, share: null },
      { ...SPLIT_TO_21, share: null },
    ]);
    expect(dir.successorsOn('00020', '2025-07-01').map((s) => [s.code, s.share, s.partial])).toEqual([
      ['00011', null, true],
      ['00021', null, true],
    ]);
  });

  it('counts a unit whole again when the parts of a split meet in one successor', () => {
    // 00020 split between 00011 and 00021 in 2025; both merged into 00011 in 2026.
    const versions = VERSIONS.map((v) =>
      v.code === '00021' && v.validTo === null ? { ...v, validTo: '2026-01-01' } : v,
    );
    const dir = createUnitDirectory(versions, [
      ...EVENTS,
      event('merge_full', '2026-01-01', '00021', '00011'),
    ]);
    expect(dir.successorsOn('00020', '2026-06-01')).toEqual([
      {
        code: '00011',
        share: 1,
        partial: false,
        path: [SPLIT_TO_11, SPLIT_TO_21, event('merge_full', '2026-01-01', '00021', '00011')],
      },
    ]);
  });

  it('refuses a code it has never held, so that no figure is dropped silently', () => {
    expect(() => directory.successorsOn('99999', '2025-07-01')).toThrow(/Không có đơn vị mã 99999/u);
  });
});

describe('predecessors: the old units merged into a unit', () => {
  it.each([
    {
      code: '00011',
      date: '2021-06-01',
      expected: [
        { code: '00010', name: 'Xã Mười', kind: 'full' },
        { code: '00011', name: 'Xã Mười Một', kind: 'full' },
      ],
    },
    {
      code: '00011',
      date: '2025-07-01',
      expected: [
        { code: '00011', name: 'Thị trấn Mười Một', kind: 'full' },
        { code: '00020', name: 'Xã Hai Mươi', kind: 'partial' },
      ],
    },
    { code: '00021', date: '2019-12-31', expected: [] },
  ])('$code on $date', ({ code, date, expected }) => {
    expect(
      directory.predecessorsOf(code, date).map(({ code: c, name, kind }) => ({ code: c, name, kind })),
    ).toEqual(expected);
  });

  it('keeps the share and the legal basis of a partial merger', () => {
    const partial = directory.predecessorsOf('00011', '2025-07-01').find((p) => p.code === '00020');
    expect(partial).toMatchObject({
      share: 0.4,
      effectiveDate: '2025-07-01',
      legalBasis: 'Nghị quyết mẫu',
      event: SPLIT_TO_11,
    });
  });
});

describe('history of a unit', () => {
  it('lists its versions and the events that touch it in date order', () => {
    const history = directory.historyOf('00011');
    expect(history.versions.map((v) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Xã Mười Một', '2016-01-01', '2020-01-01'],
      ['Thị trấn Mười Một', '2020-01-01', '2025-07-01'],
      ['Xã Mười Một', '2025-07-01', null],
    ]);
    expect(history.events).toEqual([MERGE_2020, RENAME_2020, HOST_11, SPLIT_TO_11]);
  });

  it('is empty for a code the directory has never held', () => {
    expect(directory.historyOf('99999')).toEqual({ code: '99999', versions: [], events: [] });
  });
});

describe('validation of the data', () => {
  const replace = (code: string, validFrom: string, change: Partial<UnitVersion>) =>
    VERSIONS.map((v) => (v.code === code && v.validFrom === validFrom ? { ...v, ...change } : v));

  it.each<{
    situation: string;
    versions: UnitVersion[];
    events?: LineageEvent[];
    code: UnitErrorCode;
    message: RegExp;
  }>([
    {
      situation: 'two versions of one code on the same day',
      versions: [...VERSIONS, unit('00010', 'Xã Mười Mới', 'commune', 'Xã', '101', '2019-01-01', null)],
      code: 'overlapping_versions',
      message: /Mã 00010 có hai phiên bản cùng hiệu lực ngày 01\/01\/2019/u,
    },
    {
      situation: 'a parent code that does not exist',
      versions: replace('00020', '2016-01-01', { parentCode: '999' }),
      code: 'missing_parent',
      message:
        /Xã Hai Mươi \(mã 00020.*trực thuộc mã 999, nhưng đơn vị này không có hiệu lực vào ngày 01\/01\/2016/u,
    },
    {
      situation: 'a commune that outlives its district',
      versions: replace('00020', '2016-01-01', { validTo: null }),
      code: 'missing_parent',
      message: /trực thuộc mã 102, nhưng đơn vị này không có hiệu lực vào ngày 01\/07\/2025/u,
    },
    {
      situation: 'a commune under a commune',
      versions: replace('00020', '2016-01-01', { parentCode: '00021' }),
      code: 'invalid_parent_level',
      message: /đơn vị cấp trên phải ở cấp cao hơn/u,
    },
    {
      situation: 'a kind that does not belong to the level',
      versions: replace('00020', '2016-01-01', { kind: 'Huyện' }),
      code: 'invalid_version',
      message: /loại "Huyện" không thuộc cấp xã/u,
    },
    {
      situation: 'a date that does not exist',
      versions: replace('00020', '2016-01-01', { validFrom: '2016-02-30' }),
      code: 'invalid_date',
      message: /không phải là một ngày hợp lệ dạng yyyy-MM-dd: "2016-02-30"/u,
    },
    {
      situation: 'an end date before the start',
      versions: replace('00010', '2016-01-01', { validTo: '2015-01-01' }),
      code: 'invalid_version',
      message: /hết hiệu lực ngày 01\/01\/2015, không sau ngày bắt đầu 01\/01\/2016/u,
    },
    {
      situation: 'a province placed under another unit',
      versions: replace('20', '2016-01-01', { parentCode: '101' }),
      code: 'invalid_version',
      message: /Tỉnh Tỉnh Mẫu \(mã 20\) không có đơn vị cấp trên/u,
    },
    {
      situation: 'an event to a code that does not exist',
      versions: VERSIONS,
      events: [...EVENTS, event('merge_full', '2025-07-01', '00021', '77777')],
      code: 'unknown_unit',
      message: /Không có đơn vị mã 77777/u,
    },
    {
      situation: 'an event from a unit already gone the day before',
      versions: VERSIONS,
      events: [...EVENTS, event('merge_full', '2025-07-01', '00010', '00011')],
      code: 'invalid_event',
      message: /Đơn vị mã 00010 không có hiệu lực ngày 30\/06\/2025/u,
    },
    {
      situation: 'an event to a unit not yet in force',
      versions: VERSIONS,
      events: [...EVENTS, event('merge_partial', '2020-06-01', '00020', '00010')],
      code: 'invalid_event',
      message: /Đơn vị mã 00010 không có hiệu lực ngày 01\/06\/2020/u,
    },
    {
      situation: 'a unit merged in full into two units',
      versions: VERSIONS,
      events: [MERGE_2020, event('merge_full', '2020-01-01', '00010', '00020')],
      code: 'conflicting_events',
      message: /Đơn vị mã 00010 ngày 01\/01\/2020 vừa được nhập toàn bộ/u,
    },
    {
      situation: 'partial shares adding up to more than the unit',
      versions: VERSIONS,
      events: [HOST_11, HOST_21, { ...SPLIT_TO_11, share: 0.5 }, SPLIT_TO_21],
      code: 'conflicting_events',
      message: /Tổng tỷ lệ chuyển đi của đơn vị mã 00020 ngày 01\/07\/2025 vượt quá toàn bộ đơn vị/u,
    },
    {
      situation: 'a share of zero',
      versions: VERSIONS,
      events: [{ ...SPLIT_TO_11, share: 0 }],
      code: 'invalid_event',
      message: /phải lớn hơn 0 và không quá 1/u,
    },
    {
      situation: 'a full merger with a share below one',
      versions: VERSIONS,
      events: [{ ...MERGE_2020, share: 0.5 }],
      code: 'invalid_event',
      message: /Nhập toàn bộ thì tỷ lệ phải là 1 hoặc để trống/u,
    },
  ])('refuses $situation ($code)', ({ versions, events, code, message }) => {
    let caught: unknown;
    try {
      createUnitDirectory(versions, events ?? EVENTS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnitRuleError);
    expect((caught as UnitRuleError).code).toBe(code);
    expect((caught as UnitRuleError).message).toMatch(message);
  });

  it('accepts a full merger whose share is written as 1', () => {
    expect(() => createUnitDirectory(VERSIONS, [{ ...MERGE_2020, share: 1 }])).not.toThrow();
  });

  it.each(['31/12/2017', '2017-13-01', ''])('refuses to look up the date "%s"', (date) => {
    expect(() => directory.unitsOn(date)).toThrow(UnitRuleError);
  });
});
