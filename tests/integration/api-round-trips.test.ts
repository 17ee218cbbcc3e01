/**
 * The round-trip bound: an operation's queries to Neo4j grow with its nesting depth, never with
 * the number of results. Operations run through Apollo's `executeOperation` with a context whose
 * `GraphReader` counts round trips; one entity and fifty must cost the same.
 */
import type { ApolloServer } from '@apollo/server';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApolloServer } from '../../src/api/apollo.ts';
import { createRequestContext, type RequestContext } from '../../src/api/context.ts';
import { startTestServer, testConfig, type TestServer } from './helpers.ts';
import { annotation } from './api-fixture.ts';

let api: TestServer;
let apollo: ApolloServer<RequestContext>;

beforeAll(async () => {
  // The HTTP server seeds the database; a second Apollo server (with room for wide test queries
  // under the cost limit) runs operations in-process so the context's reader can be inspected.
  api = await startTestServer();
  apollo = createApolloServer(testConfig({ MAX_COST: '100000000' }));
  await apollo.start();
});

afterAll(async () => {
  await apollo?.stop();
  await api?.close();
});

/** Runs an operation with a fresh context; returns its data and the round trips it took. */
async function run(query: string, variables?: Record<string, unknown>) {
  const contextValue = createRequestContext({
    driver: api.database.driver,
    database: api.database.name,
    queryTimeoutMs: 10_000,
  });
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return { data: data as Record<string, any>, roundTrips: contextValue.reader.roundTrips };
}

/**
 * Fields whose resolvers reach the database (through a loader or a query of their own). Every
 * other field reads what its parent already holds.
 */
const FETCHING_FIELDS = new Set([
  // Query
  'entity', 'search', 'entities', 'people', 'organizations', 'countries', 'places', 'events', 'timeline', 'figures',
  'claims', 'deployments', 'neighborhood', 'path', 'articles', 'article', 'stats', 'totalCount',
  // Entity types
  'mentions', 'relations', 'positions', 'country', 'parent', 'ledBy', 'within', 'participants',
  'partOf', 'subEvents', 'reportedBy', 'certainty', 'evidence',
  // Facts
  'event', 'source', 'speaker', 'medium', 'about', 'destination', 'troops', 'mission',
]);

/**
 * An upper bound on an operation's round trips that depends only on its text: each fetching
 * field, wherever it is nested, costs at most one batched query per distinct position in the
 * operation. (Plain fields of facts, such as `Figure.certainty`, are counted too: a loose bound.)
 */
function roundTripBound(query: string): number {
  const document = parse(query);
  const count = (selectionSet: SelectionSetNode | undefined): number =>
    (selectionSet?.selections ?? []).reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) {
        return sum + (FETCHING_FIELDS.has(selection.name.value) ? 1 : 0) + count(selection.selectionSet);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      return sum;
    }, 0);
  return document.definitions.reduce(
    (sum, definition) => sum + (definition.kind === Kind.OPERATION_DEFINITION ? count(definition.selectionSet) : 0),
    0,
  );
}

const NESTED = `
  id
  mentions { article { id } }
  relations { other { id ... on Person { positions { of { name } } } } }`;

describe('round trips', () => {
  it('counts one round trip for a flat root field, one more per nested level', async () => {
    expect((await run(`{ entity(id: "kazakhstan") { id name } }`)).roundTrips).toBe(1);
    expect((await run(`{ entity(id: "kazakhstan") { id relations { type } } }`)).roundTrips).toBe(2);
    expect((await run(`{ entity(id: "kazakhstan") { id relations { other { id ... on Person { positions { title } } } } } }`)).roundTrips).toBe(3);
    expect((await run(`{ stats { articles } }`)).roundTrips).toBe(1);
  });

  it('costs the same for one entity as for fifty: nested relations, positions and mentions', async () => {
    const bound = roundTripBound(`{ entities { edges { node { ${NESTED} } } } }`);
    // entities, mentions, mentions.article, relations, positions.
    expect(bound).toBe(5);
    const one = await run(`{ entity(id: "kazakhstan") { ${NESTED} } }`);
    const five = await run(`{ entities(first: 5) { edges { node { ${NESTED} } } } }`);
    const fifty = await run(`{ entities(first: 50) { edges { node { ${NESTED} } } } }`);
    expect(fifty.data.entities.edges).toHaveLength(annotation.entities.length);
    // The one entity (Kazakhstan) reaches every level: Tokayev holds a position in it.
    expect(one.data.entity.relations.some((r: any) => r.other.positions?.length > 0)).toBe(true);
    expect(one.roundTrips).toBe(bound);
    expect(fifty.roundTrips).toBe(one.roundTrips);
    expect(five.roundTrips).toBeLessThanOrEqual(bound);
  });

  it('costs the same for pages of 5, 20 and 100 entities of every kind, with their own fields', async () => {
    const query = (first: number) => `{ entities(first: ${first}) { totalCount edges { node {
      id
      mentions { start article { id } }
      relations(first: 3) { type other { id } evidence { article { id } } }
      claims { id speaker { id } about { id } }
      ... on Person { positions { title of { id } } }
      ... on Organization { country { id } parent { id } ledBy { id } }
      ... on Country { places { id } organizations { id } }
      ... on Place { country { id } within { id } }
      ... on Event { places { id } countries { id } participants { entity { id } } partOf { id } subEvents { id }
                     figures { id source { id } } certainty evidence { start } reportedBy { id } }
    } } } }`;
    const bound = roundTripBound(query(100));
    const results = [];
    for (const first of [5, 20, 100]) results.push(await run(query(first)));
    const hundred = results[2]!;
    expect(hundred.data.entities.edges).toHaveLength(annotation.entities.length);
    // Counts differ a little with the data (a page that holds every speaker needs no lookups of
    // speakers), never with the page size beyond the bound the operation's text sets.
    for (const result of results) expect(result.roundTrips).toBeLessThanOrEqual(bound);
    expect(bound).toBeLessThan(annotation.entities.length);
    const spread = Math.max(...results.map((r) => r.roundTrips)) - Math.min(...results.map((r) => r.roundTrips));
    expect(spread).toBeLessThanOrEqual(5);
  });

  it('costs the same for one claim as for all ten, with speakers, subjects and evidence', async () => {
    const fields = `id speaker { id mentions { start } } medium { id } about { id kind relations(first: 2) { type } }
      evidence { article { id title } } article { id }`;
    const one = await run(`{ claims(speakerId: "kassym-jomart-tokayev") { ${fields} } }`);
    const all = await run(`{ claims { ${fields} } }`);
    expect(one.data.claims).toHaveLength(1);
    expect(all.data.claims).toHaveLength(annotation.claims.length);
    expect(all.roundTrips).toBe(one.roundTrips);
    expect(all.roundTrips).toBeLessThanOrEqual(roundTripBound(`{ claims { ${fields} } }`));
  });

  it('costs the same for one figure or deployment as for all of them', async () => {
    const figure = `id event { id ... on Event { places { id } } } source { id } evidence { article { id } }`;
    const oneFigure = await run(`{ figures(metric: ARRESTED) { ${figure} } }`);
    const allFigures = await run(`{ figures { ${figure} } }`);
    expect(oneFigure.data.figures).toHaveLength(1);
    expect(allFigures.data.figures).toHaveLength(annotation.figures.length);
    expect(allFigures.roundTrips).toBeLessThanOrEqual(roundTripBound(`{ figures { ${figure} } }`));
    expect(allFigures.roundTrips).toBe(oneFigure.roundTrips);

    const deployment = `id country { id mentions { start } } destination { id } troops { id event { id } } mission { id }`;
    const some = await run(`{ deployments(destinationId: "kazakhstan") { ${deployment} } }`);
    expect(some.data.deployments).toHaveLength(annotation.deployments.length);
    expect(some.roundTrips).toBeLessThanOrEqual(roundTripBound(`{ deployments { ${deployment} } }`));
  });

  it('costs the same for a timeline of one event as of all of them', async () => {
    const fields = `id figures { source { id } } places { country { id } } participants { entity { id } }`;
    const one = await run(`{ timeline(first: 1) { ${fields} } }`);
    const all = await run(`{ timeline { ${fields} } }`);
    expect(all.data.timeline.length).toBeGreaterThan(1);
    expect(all.roundTrips).toBeLessThanOrEqual(roundTripBound(`{ timeline { ${fields} } }`));
    expect(one.roundTrips).toBeLessThanOrEqual(all.roundTrips);
  });

  it('serves a neighbourhood and its nodes in a bounded number of round trips', async () => {
    const fields = `nodes { id mentions { start } ... on Place { country { id } } } edges { type }`;
    const small = await run(`{ neighborhood(id: "kazakhstan", depth: 1) { ${fields} } }`);
    const large = await run(`{ neighborhood(id: "kazakhstan", depth: 3) { ${fields} } }`);
    expect(large.data.neighborhood.nodes.length).toBeGreaterThan(small.data.neighborhood.nodes.length * 3);
    expect(large.roundTrips).toBe(small.roundTrips);
    expect(large.roundTrips).toBeLessThanOrEqual(roundTripBound(`{ neighborhood(id: "x") { ${fields} } }`));
  });

  it('serves an article with everything in it in a bounded number of round trips', async () => {
    const query = `{ articles {
      id entities { id mentions { start } }
      figures { id event { id } } claims { id speaker { id } } deployments { id country { id } troops { value } }
    } }`;
    const result = await run(query);
    expect(result.data.articles[0].entities).toHaveLength(annotation.entities.length);
    expect(result.roundTrips).toBeLessThanOrEqual(roundTripBound(query));
  });
});
