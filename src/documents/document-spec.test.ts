import { describe, expect, it } from 'vitest';
import {
  assertIsoDate,
  docTypeInSentence,
  headerLines,
  punctuateList,
  recipientLines,
  tablesOf,
  type OfficialDocumentSpec,
} from './document-spec.ts';
import { districtTable } from './document-examples.test-support.ts';

describe('recipientLines: "Nơi nhận" as Nghị định 30/2020 prints it', () => {
  it.each([
    ['dashes added, ";" between, "." at the end', ['Như trên', 'Lưu: VT'], ['- Như trên;', '- Lưu: VT.']],
    [
      'dashes and punctuation already typed are not doubled',
      ['- Như trên;', '- Lưu: VT.'],
      ['- Như trên;', '- Lưu: VT.'],
    ],
    ['a single recipient ends with "."', ['UBND tỉnh'], ['- UBND tỉnh.']],
    ['no recipients', [], []],
  ] as const)('%s', (_case, input, expected) => {
    expect(recipientLines(input)).toEqual(expected);
  });
});

describe('punctuateList: căn cứ lines', () => {
  it.each([
    ['last line closes with "."', ['Căn cứ A', 'Căn cứ B'], '.', ['Căn cứ A;', 'Căn cứ B.']],
    ['last line continues with ";"', ['Căn cứ A.'], ';', ['Căn cứ A;']],
  ] as const)('%s', (_case, input, mark, expected) => {
    expect(punctuateList(input, mark)).toEqual(expected);
  });
});

describe('headerLines', () => {
  it('splits on line breaks and prints in capitals', () => {
    expect(headerLines('Ủy ban nhân dân\n tỉnh Lạng Sơn ')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
  });
});

describe('docTypeInSentence', () => {
  it.each([
    ['TỜ TRÌNH', 'Tờ trình'],
    ['QUYẾT ĐỊNH', 'Quyết định'],
    ['BÁO CÁO', 'Báo cáo'],
  ] as const)('%s → %s', (input, expected) => {
    expect(docTypeInSentence(input)).toBe(expected);
  });
});

describe('assertIsoDate: a signed paper must not carry an impossible date', () => {
  it.each([
    ['a real date', '2018-01-05', true],
    ['29 February of a leap year', '2020-02-29', true],
    ['29 February of a common year', '2019-02-29', false],
    ['month 13', '2018-13-01', false],
    ['Vietnamese order', '05/01/2018', false],
  ] as const)('%s (%s)', (_case, value, valid) => {
    const check = (): void => assertIsoDate(value, 'Ngày ban hành');
    if (valid) expect(check).not.toThrow();
    else expect(check).toThrow(`Ngày ban hành "${value}" không phải ngày hợp lệ`);
  });
});

describe('tablesOf', () => {
  it('lists the tables of the body, then those of the attachments', () => {
    const list = { ...districtTable, title: 'Danh sách' };
    const spec: OfficialDocumentSpec = {
      issuingBody: 'UBND',
      number: '1/BC-UBND',
      place: 'Lạng Sơn',
      date: '2018-01-05',
      docType: 'BÁO CÁO',
      summary: 'S',
      body: [
        { kind: 'paragraph', text: 'x' },
        { kind: 'table', table: districtTable },
      ],
      signature: { authority: ['CHỦ TỊCH'], name: 'A' },
      recipients: [],
      attachments: [{ title: 'Phụ lục', blocks: [{ kind: 'table', table: list }] }],
    };
    expect(tablesOf(spec).map((t) => t.title)).toEqual([districtTable.title, 'Danh sách']);
  });
});
