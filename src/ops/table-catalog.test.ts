import { describe, expect, it } from 'vitest';
import { orderByDependency, type CatalogTable } from './table-catalog.ts';

const t = (name: string, references: string[] = []): CatalogTable => ({ name, columns: ['id'], primaryKey: ['id'], references });

describe('tables in dependency order (parents first, so that every foreign key holds while restoring)', () => {
  it.each([
    ['independent tables, by name', [t('b'), t('a')], ['a', 'b']],
    ['a child named before its parent', [t('assessments', ['households', 'review_rounds']), t('households'), t('review_rounds')], ['households', 'review_rounds', 'assessments']],
    ['a chain', [t('c', ['b']), t('b', ['a']), t('a')], ['a', 'b', 'c']],
    ['a reference to a table outside the list', [t('x', ['elsewhere'])], ['x']],
  ])('%s', (_label, tables, order) => {
    expect(orderByDependency(tables).map((x) => x.name)).toEqual(order);
  });

  it('refuses a cycle, which an all-or-nothing restore could not load', () => {
    expect(() => orderByDependency([t('a', ['b']), t('b', ['a'])])).toThrow(/vòng: a → b → a/u);
  });
});
