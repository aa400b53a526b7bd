import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { buildInsert, textArrayLiteral, type ColumnSpec } from './bulk-insert.ts';

describe('array literals for text[] columns', () => {
  it.each([
    { codes: [], literal: '{}' },
    { codes: ['water'], literal: '{water}' },
    { codes: ['health_insurance', 'latrine'], literal: '{health_insurance,latrine}' },
  ])('$codes → $literal', ({ codes, literal }) => {
    expect(textArrayLiteral(codes)).toBe(literal);
  });

  it.each(['nhà tiêu', 'a,b', '"x"', 'a}'])('refuses "%s", which would need quoting', (code) => {
    expect(() => textArrayLiteral([code])).toThrow(/dạng mảng/u);
  });
});

describe('one INSERT … SELECT FROM unnest(…) per batch', () => {
  interface Row {
    id: string;
    codes: string[];
    facts: object | null;
  }
  const columns: ColumnSpec<Row>[] = [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'codes', type: 'text[]', value: (r) => r.codes },
    { name: 'facts', type: 'jsonb', value: (r) => r.facts },
  ];

  it('passes one array per column and one value per constant', () => {
    const query = new PgDialect().sqlToQuery(
      buildInsert(
        't',
        columns,
        [{ name: 'is_demo', value: true, type: 'bool' }],
        [
          { id: 'a', codes: ['water', 'latrine'], facts: { floorArea: 30, note: 'Nà "Pàn"' } },
          { id: 'b', codes: [], facts: null },
        ],
      ),
    );
    expect(query.sql).toBe(
      'insert into t (id, codes, facts, is_demo) select u.id, u.codes::text[], u.facts::jsonb, $1::bool ' +
        'from unnest($2::uuid[], $3::text[], $4::text[]) as u(id, codes, facts)',
    );
    expect(query.params).toEqual([
      true,
      ['a', 'b'],
      ['{water,latrine}', '{}'],
      ['{"floorArea":30,"note":"Nà \\"Pàn\\""}', null],
    ]);
  });
});
