/**
 * The paginated lists (entities, people, organizations, countries, places, events) and
 * `timeline`: order, pagination edges and totals, and every filter, against the annotation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInterval } from '../../src/domain/dates.ts';
import type { AnnotatedEntity } from '../../src/seed/annotation.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotatedEntity, annotation, dataOf, entitiesOfKind, ids, sorted, walkPages, type Page, relations } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

/** Plain code-unit order, as Neo4j orders strings (for the names in the seed). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (entities: AnnotatedEntity[]) =>
  [...entities].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)).map((entity) => entity.id);
/** The interval an event's date can mean, computed here from the annotation. */
const eventInterval = (entity: AnnotatedEntity) =>
  entity.kind === 'EVENT' && entity.date ? dateInterval(entity.date.iso, entity.date.precision) : null;
const eventDate = (entity: AnnotatedEntity) => eventInterval(entity)?.start ?? null;
const PRECISION_RANK: Record<string, number> = { DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3 };
const precisionRank = (entity: AnnotatedEntity) => (entity.kind === 'EVENT' && entity.date ? PRECISION_RANK[entity.date.precision]! : 4);
/** Events by the start of their date (undated last), then precision (DAY first), then name, then id. */
const byDate = (entities: AnnotatedEntity[]) =>
  [...entities]
    .sort(
      (a, b) =>
        compare(eventDate(a) ?? '9999-99-99', eventDate(b) ?? '9999-99-99') ||
        precisionRank(a) - precisionRank(b) ||
        compare(a.name, b.name) ||
        compare(a.id, b.id),
    )
    .map((entity) => entity.id);
/** Whether an event's date interval overlaps the days from..to (either open). */
const overlaps = (entity: AnnotatedEntity, from: string | null, to: string | null) => {
  const interval = eventInterval(entity);
  return interval !== null && (from === null || interval.end >= from) && (to === null || interval.start <= to);
};

const events = () => entitiesOfKind('EVENT');
const outgoing = (id: string, type: string) => relations.filter((r) => r.from === id && r.type === type).map((r) => r.to);

/** Whether `id` is `target` or inside it through `types` (at most 4 hops). */
function inside(id: string, target: string, types: string[]): boolean {
  let frontier = [id];
  for (let hop = 0; hop <= 4; hop += 1) {
    if (frontier.includes(target)) return true;
    frontier = frontier.flatMap((from) => relations.filter((r) => r.from === from && types.includes(r.type)).map((r) => r.to));
  }
  return false;
}

/** Whether an event (or an event it is part of) occurred at a place inside `target`. */
function eventInside(eventId: string, target: string): boolean {
  const chain = [eventId];
  for (let index = 0; index < chain.length && chain.length <= 4; index += 1) chain.push(...outgoing(chain[index]!, 'PART_OF'));
  return chain.some((event) => outgoing(event, 'OCCURRED_IN').some((place) => inside(place, target, ['LOCATED_IN'])));
}

const LIST = (field: string, filters = '', declarations = '') => `
  query ($first: Int, $after: String${declarations}) {
    ${field}(first: $first, after: $after${filters}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id } }
    }
  }`;

describe.each([
  { field: 'entities', expected: () => byName(annotation.entities) },
  { field: 'people', expected: () => byName(entitiesOfKind('PERSON')) },
  { field: 'organizations', expected: () => byName(entitiesOfKind('ORGANIZATION')) },
  { field: 'countries', expected: () => byName(entitiesOfKind('COUNTRY')) },
  { field: 'places', expected: () => byName(entitiesOfKind('PLACE')) },
  { field: 'events', expected: () => byDate(events()) },
])('$field pagination', ({ field, expected }) => {
  it('returns everything in order on one big page', async () => {
    const data = dataOf(await api.graphql(LIST(field), { first: 100 }));
    const page = data[field] as Page;
    expect(page.edges.map((edge) => edge.node.id)).toEqual(expected());
    expect(page.totalCount).toBe(expected().length);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(new Set(page.edges.map((edge) => edge.cursor)).size).toBe(page.edges.length);
  });

  it.each([1, 2, 3, 7])('walks pages of %i via endCursor: same order, no duplicates, totals add up', async (first) => {
    const { pages, ids: nodes } = await walkPages(api.graphql, LIST(field), field, first);
    expect(nodes).toEqual(expected());
    expect(new Set(nodes).size).toBe(nodes.length);
    for (const page of pages) expect(page.totalCount).toBe(nodes.length);
    expect(pages.reduce((sum, page) => sum + page.edges.length, 0)).toBe(pages[0]!.totalCount);
    const last = pages.at(-1)!;
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges.length).toBe(expected().length - first * (pages.length - 1));
    expect(pages.length).toBe(Math.max(1, Math.ceil(expected().length / first)));
  });

  it('first: 0 gives no edges but the total', async () => {
    const data = dataOf(await api.graphql(LIST(field), { first: 0 }));
    const page = data[field] as Page;
    expect(page.edges).toEqual([]);
    expect(page.pageInfo.endCursor).toBeNull();
    expect(page.pageInfo.hasNextPage).toBe(expected().length > 0);
    expect(page.totalCount).toBe(expected().length);
  });

  it('continues after any edge cursor, and is empty after the last one', async () => {
    const all = (dataOf(await api.graphql(LIST(field), { first: 100 }))[field] as Page).edges;
    const middle = Math.floor(all.length / 2);
    const rest = dataOf(await api.graphql(LIST(field), { first: 100, after: all[middle]!.cursor }))[field] as Page;
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(all.slice(middle + 1).map((edge) => edge.node.id));
    expect(rest.totalCount).toBe(all.length);
    const afterLast = dataOf(await api.graphql(LIST(field), { first: 5, after: all.at(-1)!.cursor }))[field] as Page;
    expect(afterLast.edges).toEqual([]);
    expect(afterLast.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('uses the default page size of 20', async () => {
    const data = dataOf(await api.graphql(`{ ${field} { totalCount pageInfo { hasNextPage } edges { node { id } } } }`));
    expect(data[field].edges.map((edge: any) => edge.node.id)).toEqual(expected().slice(0, 20));
    expect(data[field].pageInfo.hasNextPage).toBe(expected().length > 20);
  });
});

describe('list nodes', () => {
  it('entities are typed by kind, and kinds filter them', async () => {
    const data = dataOf(
      await api.graphql(`{
        all: entities(first: 100) { edges { node { __typename id kind name } } }
        some: entities(first: 100, kinds: [PERSON, COUNTRY]) { totalCount edges { node { id kind } } }
        events: entities(first: 100, kinds: [EVENT]) { totalCount }
        empty: entities(first: 100, kinds: []) { totalCount }
      }`),
    );
    for (const { node } of data.all.edges) {
      const expected = annotatedEntity(node.id);
      expect(node.kind).toBe(expected.kind);
      expect(node.name).toBe(expected.name);
      expect(node.__typename.toUpperCase()).toBe(expected.kind);
    }
    expect(data.some.edges.map((edge: any) => edge.node.id)).toEqual(
      byName(annotation.entities.filter((entity) => entity.kind === 'PERSON' || entity.kind === 'COUNTRY')),
    );
    expect(data.some.totalCount).toBe(entitiesOfKind('PERSON').length + entitiesOfKind('COUNTRY').length);
    expect(data.events.totalCount).toBe(events().length);
    expect(data.empty.totalCount).toBe(annotation.entities.length);
  });

  it('walks a filtered list (events in Kazakhstan) page by page', async () => {
    const query = LIST('events', ', countryId: $countryId', ', $countryId: ID');
    const { pages, ids: nodes } = await walkPages(api.graphql, query, 'events', 4, { countryId: 'kazakhstan' });
    const expected = byDate(events().filter((event) => eventInside(event.id, 'kazakhstan')));
    expect(nodes).toEqual(expected);
    expect(pages[0]!.totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(10);
  });
});

describe('organizations filters', () => {
  const query = (args: string) => `{ organizations(first: 100${args}) { totalCount edges { node { id ... on Organization { category } } } } }`;
  const idsOf = (data: any) => data.organizations.edges.map((edge: any) => edge.node.id);
  const organizations = () => entitiesOfKind('ORGANIZATION');
  const category = (entity: AnnotatedEntity) => ('category' in entity ? entity.category : null);

  it('by categories', async () => {
    const data = dataOf(await api.graphql(query(', categories: [NEWS_MEDIA, MINISTRY]')));
    const expected = byName(organizations().filter((o) => ['NEWS_MEDIA', 'MINISTRY'].includes(category(o) ?? '')));
    expect(idsOf(data)).toEqual(expected);
    expect(data.organizations.totalCount).toBe(5);
    expect(data.organizations.edges.every((edge: any) => ['NEWS_MEDIA', 'MINISTRY'].includes(edge.node.category))).toBe(true);
  });

  it.each(['kazakhstan', 'russia', 'turkey', 'armenia'])('by country %s', async (countryId) => {
    const data = dataOf(await api.graphql(query(`, countryId: "${countryId}"`)));
    const expected = byName(organizations().filter((o) => inside(o.id, countryId, ['LOCATED_IN', 'PART_OF'])));
    expect(idsOf(data)).toEqual(expected);
    expect(data.organizations.totalCount).toBe(expected.length);
  });

  it('knows the Kazakh police and Interior Ministry, the Russian Duma', async () => {
    const kazakh = dataOf(await api.graphql(query(', countryId: "kazakhstan"')));
    expect(sorted(idsOf(kazakh))).toEqual(['almaty-police', 'government-of-kazakhstan', 'health-ministry-kazakhstan', 'interior-ministry-kazakhstan']);
    const stated = dataOf(await api.graphql(query(', countryId: "kazakhstan", excludeBasis: [INFERRED]')));
    expect(sorted(idsOf(stated))).toEqual(['almaty-police', 'interior-ministry-kazakhstan']);
    const russian = dataOf(await api.graphql(query(', countryId: "russia"')));
    expect(idsOf(russian)).toEqual(['state-duma']);
  });

  it('by category and country together', async () => {
    const data = dataOf(await api.graphql(query(', categories: [POLICE], countryId: "kazakhstan"')));
    expect(idsOf(data)).toEqual(['almaty-police']);
    const none = dataOf(await api.graphql(query(', categories: [NEWS_MEDIA], countryId: "kazakhstan"')));
    expect(none.organizations).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('places filters', () => {
  const query = (args: string) => `{ places(first: 100${args}) { totalCount edges { node { id ... on Place { category } } } } }`;
  const idsOf = (data: any) => data.places.edges.map((edge: any) => edge.node.id);
  const places = () => entitiesOfKind('PLACE');

  it('by categories', async () => {
    const data = dataOf(await api.graphql(query(', categories: [BUILDING, AIRPORT]')));
    const expected = byName(places().filter((p) => p.kind === 'PLACE' && ['BUILDING', 'AIRPORT'].includes(p.category ?? '')));
    expect(idsOf(data)).toEqual(expected);
    expect(data.places.totalCount).toBe(4);
  });

  it.each(['kazakhstan', 'turkey', 'almaty'])('by country (or containing place) %s', async (countryId) => {
    const data = dataOf(await api.graphql(query(`, countryId: "${countryId}"`)));
    const expected = byName(places().filter((p) => inside(p.id, countryId, ['LOCATED_IN'])));
    expect(idsOf(data)).toEqual(expected);
    expect(data.places.totalCount).toBe(expected.length);
  });

  it('by category and country together', async () => {
    const data = dataOf(await api.graphql(query(', categories: [AIRPORT], countryId: "kazakhstan"')));
    expect(idsOf(data)).toEqual(['almaty-airport']);
    expect(data.places.totalCount).toBe(1);
  });
});

describe('events filters', () => {
  const query = `query ($categories: [EventCategory!], $from: String, $to: String, $excludeBasis: [Basis!], $placeId: ID, $countryId: ID, $participantId: ID) {
    events(first: 100, categories: $categories, from: $from, to: $to, excludeBasis: $excludeBasis, placeId: $placeId, countryId: $countryId, participantId: $participantId) {
      totalCount edges { node { id ... on Event { category date { iso } } } }
    }
  }`;
  const run = async (variables: Record<string, unknown>) => {
    const data = dataOf(await api.graphql(query, variables));
    expect(data.events.totalCount).toBe(data.events.edges.length);
    return data.events.edges.map((edge: any) => edge.node) as { id: string; category: string; date: { iso: string } | null }[];
  };
  const category = (event: AnnotatedEntity) => (event.kind === 'EVENT' ? event.category : null);

  it('by categories', async () => {
    const nodes = await run({ categories: ['ARSON', 'SHUTDOWN'] });
    expect(ids(nodes)).toEqual(byDate(events().filter((e) => ['ARSON', 'SHUTDOWN'].includes(category(e) ?? ''))));
    expect(nodes).toHaveLength(4);
  });

  it.each([
    ['2022-01-05', null],
    [null, '2022-01-04'],
    ['2022-01-03', '2022-01-05'],
    ['2022-01-05', '2022-01-05'],
    ['2022-01-06', '2022-01-06'],
    ['2022-01-10', null],
  ])('by date range %s..%s: every event whose date interval overlaps it, undated ones left out', async (from, to) => {
    const nodes = await run({ from, to });
    expect(ids(nodes)).toEqual(byDate(events().filter((e) => overlaps(e, from, to))));
    expect(nodes.every((event) => event.date !== null)).toBe(true);
  });

  it('answers "what happened on January 6": the week-dated unrest and its undated-by-day events, not the day before', async () => {
    const nodes = ids(await run({ from: '2022-01-06', to: '2022-01-06' }));
    expect(nodes).toContain('kazakhstan-unrest-2022-01');
    expect(nodes).toContain('csto-deployment-kazakhstan');
    expect(nodes).not.toContain('storming-of-government-buildings');
    expect(nodes.length).toBeGreaterThan(5);
  });

  it('treats dates of an excluded basis as unknown', async () => {
    const inferred = events().filter((e) => e.kind === 'EVENT' && e.date?.basis === 'INFERRED');
    expect(inferred.length).toBeGreaterThan(0);
    const nodes = ids(await run({ from: '2022-01-01', excludeBasis: ['INFERRED'] }));
    expect(nodes).toEqual(byDate(events().filter((e) => overlaps(e, '2022-01-01', null) && !inferred.includes(e))));
    expect(nodes).not.toContain('kazakhstan-unrest-2022-01');
  });

  it.each(['almaty', 'almaty-airport', 'almaty-government-buildings', 'ankara', 'unnamed-smaller-towns'])(
    'by place %s (events there or inside it)',
    async (placeId) => {
      const nodes = await run({ placeId });
      const expected = byDate(events().filter((e) => eventInside(e.id, placeId)));
      expect(ids(nodes)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    },
  );

  it('by place: the Almaty airport saw the seizure and the shutdown', async () => {
    expect(sorted(ids(await run({ placeId: 'almaty-airport' })))).toEqual(['airport-shutdowns', 'almaty-airport-seizure']);
  });

  it.each(['kazakhstan', 'turkey', 'russia'])('by country %s', async (countryId) => {
    const nodes = await run({ countryId });
    expect(ids(nodes)).toEqual(byDate(events().filter((e) => eventInside(e.id, countryId))));
  });

  it('by country: the unrest and its sub-events are in Kazakhstan, the Ankara coup attempt is not', async () => {
    const nodes = ids(await run({ countryId: 'kazakhstan' }));
    expect(nodes).toContain('kazakhstan-unrest-2022-01');
    expect(nodes).toContain('mass-arrests');
    expect(nodes).toContain('killings-in-smaller-towns');
    expect(nodes).not.toContain('ankara-coup-attempt');
  });

  it.each(['csto', 'kassym-jomart-tokayev', 'kyrgyzstan', 'almaty-police', 'kazakhstan'])('by participant %s', async (participantId) => {
    const nodes = await run({ participantId });
    const expected = byDate(
      events().filter((e) => relations.some((r) => r.type === 'PARTICIPATED_IN' && r.from === participantId && r.to === e.id)),
    );
    expect(ids(nodes)).toEqual(expected);
  });

  it('by participant: the CSTO took part in the request and the deployment', async () => {
    expect(sorted(ids(await run({ participantId: 'csto' })))).toEqual(['csto-deployment-kazakhstan', 'tokayev-request-to-csto']);
  });

  it('combines filters', async () => {
    const nodes = await run({ countryId: 'kazakhstan', categories: ['KILLING'] });
    expect(sorted(ids(nodes))).toEqual(['killings-in-smaller-towns', 'rioters-liquidated-almaty']);
    const dated = await run({ placeId: 'almaty', from: '2022-01-05', to: '2022-01-05', categories: ['RIOT', 'LOOTING'] });
    expect(sorted(ids(dated))).toEqual(['looting-of-businesses', 'storming-of-government-buildings']);
  });

  it('unknown filter ids give an empty list', async () => {
    expect(await run({ placeId: 'nowhere' })).toEqual([]);
    expect(await run({ countryId: 'nowhere' })).toEqual([]);
    expect(await run({ participantId: 'nobody' })).toEqual([]);
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($from: String, $to: String, $countryId: ID, $first: Int, $excludeBasis: [Basis!]) {
    timeline(from: $from, to: $to, countryId: $countryId, first: $first, excludeBasis: $excludeBasis) { id date { iso precision start end } }
  }`;
  const dated = () => events().filter((e) => eventDate(e) !== null);

  it('lists every dated event by the start of its interval, then precision', async () => {
    const data = dataOf(await api.graphql(TIMELINE, {}));
    const starts = data.timeline.map((event: any) => event.date.start);
    expect(starts).toEqual([...starts].sort());
    expect(ids(data.timeline)).toEqual(byDate(dated()));
    expect(data.timeline.find((event: any) => event.id === 'kazakhstan-unrest-2022-01')).toEqual({
      id: 'kazakhstan-unrest-2022-01',
      date: { iso: '2022-01-03', precision: 'WEEK', start: '2022-01-03', end: '2022-01-09' },
    });
  });

  it('filters by from, to and country, and stops at first', async () => {
    const later = dataOf(await api.graphql(TIMELINE, { from: '2022-01-06' }));
    expect(ids(later.timeline)).toEqual(byDate(dated().filter((e) => overlaps(e, '2022-01-06', null))));
    expect(ids(later.timeline)).not.toContain('storming-of-government-buildings');
    const earlier = dataOf(await api.graphql(TIMELINE, { to: '2022-01-04' }));
    expect(ids(earlier.timeline)).toEqual(byDate(dated().filter((e) => overlaps(e, null, '2022-01-04'))));
    const articleDatesOnly = dataOf(await api.graphql(TIMELINE, { excludeBasis: ['INFERRED'] }));
    expect(ids(articleDatesOnly.timeline)).toEqual(byDate(dated().filter((e) => e.kind === 'EVENT' && e.date?.basis !== 'INFERRED')));
    const kazakh = dataOf(await api.graphql(TIMELINE, { countryId: 'kazakhstan' }));
    expect(ids(kazakh.timeline)).toEqual(byDate(dated().filter((e) => eventInside(e.id, 'kazakhstan'))));
    const turkish = dataOf(await api.graphql(TIMELINE, { countryId: 'turkey' }));
    expect(turkish.timeline).toEqual([]);
    const two = dataOf(await api.graphql(TIMELINE, { first: 2 }));
    expect(ids(two.timeline)).toEqual(byDate(dated()).slice(0, 2));
  });
});
