/**
 * `search`: names and aliases, case- and diacritic-insensitive, partial words, kinds, `first`,
 * and user text full of Lucene syntax that must be searched literally, never parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotatedEntity, annotation, dataOf, expectBadInput } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

interface Hit {
  score: number;
  entity: { id: string; kind: string; name: string; aliases: string[] };
}

const SEARCH = `query ($text: String!, $kinds: [EntityKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score entity { __typename id kind name aliases } }
}`;

async function search(text: string, options: { kinds?: string[]; first?: number } = {}): Promise<Hit[]> {
  return dataOf(await api.graphql(SEARCH, { text, ...options })).search as Hit[];
}

const hitIds = (hits: Hit[]) => hits.map((hit) => hit.entity.id);

describe('search', () => {
  it('finds "Fetullah Gülen" without diacritics ("gulen"), best first', async () => {
    const hits = await search('gulen');
    expect(hitIds(hits)[0]).toBe('fetullah-gulen');
    expect(hits[0]!.entity).toMatchObject({ __typename: 'Person', kind: 'PERSON', name: 'Fetullah Gülen' });
    expect(hitIds(hits)).toEqual(expect.arrayContaining(['fetullah-gulen', 'gulenists', 'gulen-educational-institutions']));
  });

  it('folds diacritics in the query too ("Gülen", "GÜLEN")', async () => {
    expect(hitIds(await search('Gülen'))[0]).toBe('fetullah-gulen');
    expect(hitIds(await search('GÜLEN'))[0]).toBe('fetullah-gulen');
    // "fethullah" is one edit from "Fetullah": the person first, then the institutions named after him.
    expect(hitIds(await search('fethullah gülen'))).toEqual(['fetullah-gulen', 'gulen-educational-institutions']);
  });

  it.each([
    ['ISIS', 'isis'],
    ['Daesh', 'isis'],
    ['daesh', 'isis'],
    ['CSTO', 'csto'],
    ['Collective Security', 'csto'],
    ['RFE/RL', 'rferl'],
    ['Radio Liberty', 'rferl'],
    ['Gulenists', 'gulenists'],
    ['Balbek', 'ruslan-balbek'],
    ['Interior Ministry', 'interior-ministry-kazakhstan'],
  ])('finds by name or alias: %s', async (text, id) => {
    const hits = await search(text);
    expect(hitIds(hits)).toContain(id);
    // The entity so named ranks first, above entities whose names merely contain the words
    // (the event "CSTO contingent deployed to Kazakhstan" is a shorter text than the CSTO's).
    expect(hitIds(hits)[0]).toBe(id);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('finds RFE/RL and its Kazakh Service by the acronym', async () => {
    const hits = await search('RFE/RL');
    expect(hitIds(hits).slice(0, 2).sort()).toEqual(['rferl', 'rferl-kazakh-service']);
  });

  it('finds partial words ("toka", "kassym-jom", "almat")', async () => {
    expect(hitIds(await search('toka'))).toContain('kassym-jomart-tokayev');
    expect(hitIds(await search('kassym-jom'))).toEqual(['kassym-jomart-tokayev']);
    const almaty = await search('almat', { kinds: ['PLACE'] });
    expect(hitIds(almaty)).toEqual(expect.arrayContaining(['almaty', 'almaty-airport']));
  });

  it('is case-insensitive', async () => {
    const lower = hitIds(await search('tokayev'));
    expect(lower).toContain('kassym-jomart-tokayev');
    expect(hitIds(await search('TOKAYEV'))).toEqual(lower);
    expect(hitIds(await search('ToKaYeV'))).toEqual(lower);
  });

  it('needs every word to match', async () => {
    expect(hitIds(await search('ruslan balbek'))).toEqual(['ruslan-balbek']);
    expect(await search('ruslan tokayev')).toEqual([]);
  });

  it('finds nothing for words nobody is called', async () => {
    expect(await search('zzyzx')).toEqual([]);
  });

  it('filters by kinds', async () => {
    const places = await search('almaty', { kinds: ['PLACE'] });
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((hit) => hit.entity.kind === 'PLACE')).toBe(true);
    const events = await search('almaty', { kinds: ['EVENT'] });
    expect(events.every((hit) => hit.entity.kind === 'EVENT')).toBe(true);
    const expectedEvents = annotation.entities.filter((e) => e.kind === 'EVENT' && /almaty/i.test([e.name, ...e.aliases].join(' ')));
    expect(hitIds(events).sort()).toEqual(expectedEvents.map((e) => e.id).sort());
    const both = await search('almaty', { kinds: ['PLACE', 'ORGANIZATION'] });
    expect(hitIds(both)).toEqual(expect.arrayContaining(['almaty', 'almaty-police']));
    expect(both.every((hit) => ['PLACE', 'ORGANIZATION'].includes(hit.entity.kind))).toBe(true);
    expect(await search('csto', { kinds: ['PERSON'] })).toEqual([]);
  });

  it('finds with a kind filter what ranks below other kinds', async () => {
    // Tokayev's request to the CSTO ranks with the CSTO itself; asking for events only must still find it at first: 1.
    const hits = await search('csto', { kinds: ['EVENT'], first: 1 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.entity.kind).toBe('EVENT');
  });

  it('respects first, with scores in descending order', async () => {
    const all = await search('kazakhstan', { first: 100 });
    expect(all.length).toBeGreaterThan(3);
    const scores = all.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const three = await search('kazakhstan', { first: 3 });
    expect(three).toHaveLength(3);
    expect(three.map((hit) => hit.score)).toEqual(scores.slice(0, 3));
    const defaults = await search('kazakhstan');
    expect(defaults.length).toBe(Math.min(10, all.length));
  });

  it('returns hits whose name or aliases contain the words', async () => {
    for (const hit of await search('kazakh', { first: 100 })) {
      const entity = annotatedEntity(hit.entity.id);
      const words = [entity.name, ...entity.aliases].join(' ').toLowerCase();
      expect(words, hit.entity.id).toContain('kazakh');
    }
  });

  it.each([
    '"',
    '"unbalanced',
    '*',
    '?',
    '~',
    'tokayev~2',
    'AND',
    'OR',
    'NOT',
    'a AND',
    ':',
    'name:almaty',
    '(',
    ')',
    '[',
    '{ }',
    '\\',
    '/',
    '^',
    '!',
    '&&',
    '||',
    '-',
    '+',
    '\u0000',
    'x\u0000y\u0007',
    'gul*en',
    '*gulen',
    'almaty AND (',
  ])('searches %j literally, without an error', async (text) => {
    const response = await api.graphql(SEARCH, { text });
    expect(response.status).toBe(200);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(Array.isArray(response.data!.search)).toBe(true);
  });

  it('searches the words around operators as plain words', async () => {
    expect(hitIds(await search('tokayev*'))).toContain('kassym-jomart-tokayev');
    expect(hitIds(await search('gulen~'))[0]).toBe('fetullah-gulen');
    expect(hitIds(await search('almaty:', { kinds: ['PLACE'] }))).toContain('almaty');
    expect(hitIds(await search('"ruslan balbek"'))).toEqual(['ruslan-balbek']);
    expect(hitIds(await search('(balbek)'))).toEqual(['ruslan-balbek']);
    // "name:almaty" is the two words "name" and "almaty", not a field query: nothing is called "name".
    expect(await search('name:almaty')).toEqual([]);
  });

  it('rejects empty text and out-of-range first with BAD_USER_INPUT', async () => {
    expectBadInput(await api.graphql(SEARCH, { text: '' }), 'text');
    expectBadInput(await api.graphql(SEARCH, { text: '   ' }), 'text');
    expectBadInput(await api.graphql(SEARCH, { text: 'gulen', first: 0 }), 'first');
    expectBadInput(await api.graphql(SEARCH, { text: 'gulen', first: 101 }), 'first');
    expectBadInput(await api.graphql(SEARCH, { text: 'gulen', first: -1 }), 'first');
  });
});
