import { describe, expect, it } from 'vitest';
import { parseCsv } from './read-csv.ts';

describe('parseCsv', () => {
  it.each([
    {
      situation: 'plain rows, codes kept as text',
      text: 'code,name\n05977,Phường Đông Kinh\n',
      rows: [{ code: '05977', name: 'Phường Đông Kinh' }],
    },
    {
      situation: 'Windows line ends and a byte-order mark',
      text: '\uFEFFcode,name\r\n06001,Xã Đoàn Kết\r\n',
      rows: [{ code: '06001', name: 'Xã Đoàn Kết' }],
    },
    {
      situation: 'a quoted comma and a doubled quote',
      text: 'code,name\n1,"Thôn ""Mới"", Nà Pàn"\n',
      rows: [{ code: '1', name: 'Thôn "Mới", Nà Pàn' }],
    },
    {
      situation: 'no final line end',
      text: 'code,name\n2,Bản Khuổi Mò',
      rows: [{ code: '2', name: 'Bản Khuổi Mò' }],
    },
    {
      situation: 'doubled inner spaces of the source',
      text: 'code,name\n06178,Xã  Hoàng Văn Thụ\n',
      rows: [{ code: '06178', name: 'Xã Hoàng Văn Thụ' }],
    },
    {
      situation: 'decomposed diacritics stored as NFC',
      text: `code,name\n3,${'Lộc Bình'.normalize('NFD')}\n`,
      rows: [{ code: '3', name: 'Lộc Bình' }],
    },
  ])('$situation', ({ text, rows }) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('refuses a row with a missing column', () => {
    expect(() => parseCsv('code,name\n1\n')).toThrow('Dòng 2 có 1 cột, tiêu đề có 2 cột.');
  });
});
