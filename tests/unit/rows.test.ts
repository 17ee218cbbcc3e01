/** Rows into records: shaped by plain functions, and checked against their projection's schema only when asked. */
import { describe, expect, it } from 'vitest';
import { ENTITY, FIGURES, readRow, RELATIONS } from '../../src/graph/mapping.ts';

const place = {
  id: 'almaty',
  kind: 'PLACE',
  name: 'Almaty',
  aliases: null,
  location: { hops: 1, latitude: 43.2, longitude: 76.9, reference: null, holder: 'Kazakhstan', evidence: [{ articleId: 'a1', starts: [3], ends: [9], texts: ['Almaty'] }] },
};

describe('reading rows', () => {
  it('shapes an entity row into its record, with what was projected', () => {
    const entity = readRow(ENTITY, place, true);
    expect(entity).toMatchObject({ id: 'almaty', aliases: [], description: null, date: null, consolidation: null });
    expect(entity.coordinates).toEqual({
      latitude: 43.2,
      longitude: 76.9,
      provenance: {
        basis: 'INFERRED',
        reason: 'No coordinates of its own: shown at those of Kazakhstan, which it is in',
        reference: null,
        evidence: [{ articleId: 'a1', start: 3, end: 9, text: 'Almaty' }],
      },
    });
    expect(readRow(ENTITY, { ...place, location: undefined }, true).coordinates).toBeNull();
  });

  it('refuses a row of the wrong shape when checking, naming the row and the field', () => {
    expect(() => readRow(ENTITY, { ...place, kind: 'CITY' }, true)).toThrow(/Unexpected entity row from Neo4j at kind/);
    expect(() => readRow(FIGURES, [{ id: 'f1' }], true)).toThrow(/Unexpected figure list row from Neo4j at 0\.articleId/);
  });

  it('only shapes when not checking: the compiler knows what it asked for', () => {
    expect(readRow(ENTITY, { ...place, kind: 'CITY' }, false).kind).toBe('CITY');
  });

  it('groups the statements of a relation into one, the strongest first', () => {
    const statement = { basis: 'ARTICLE', reason: null, reference: null, starts: [0], ends: [4], texts: ['text'] };
    const [relation] = readRow(
      RELATIONS,
      [
        {
          type: 'MEMBER_OF',
          direction: 'OUT',
          other: { ...place, location: null },
          title: null,
          former: null,
          role: null,
          statements: [
            { ...statement, articleId: 'a2', certainty: 'ALLEGED', article: { source: 'outlet-b', publishedAt: '2022-01-06' } },
            { ...statement, articleId: 'a1', certainty: 'STATED', article: { source: 'outlet-a', publishedAt: '2022-01-05' } },
          ],
        },
      ],
      true,
    );
    expect(relation).toMatchObject({ certainty: 'STATED', weakestCertainty: 'ALLEGED', articleCount: 2, sourceCount: 2 });
    expect(relation!.reports.map((report) => report.articleId)).toEqual(['a1', 'a2']);
  });
});
