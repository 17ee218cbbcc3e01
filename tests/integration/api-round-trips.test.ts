/**
 * Round trips: an operation's queries to Neo4j are fixed by its text (one for the root field with
 * its entities' own fields, one per level below), never by the number of results. Operations run
 * through Apollo's `executeOperation` with a context whose `GraphReader` counts round trips.
 */
import type { ApolloServer } from '@apollo/server';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
    // Answers, not speed: the test servers' own timeout (a cold plan on a busy machine takes seconds).
    queryTimeoutMs: testConfig().neo4j.queryTimeoutMs,
  });
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return { data: data as Record<string, any>, roundTrips: contextValue.reader.roundTrips };
}

const NESTED = `
  id
  mentions { article { id } }
  relations { other { id ... on Person { positions { of { name } } } } }`;

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * Round trips of each dashboard operation: its root query computes every field of the first level;
 * the articles of reports (and of article-evidence's and figures-by-source's nested lists) are one more.
 */
const EXAMPLE_ROUND_TRIPS: Record<string, number> = {
  'article-evidence': 2,
  'article-list': 1,
  'article-text': 1,
  'casualty-figures': 2,
  'claims-by-speaker': 2,
  'claims-network': 1,
  'deployment-totals': 1,
  'events-by-country': 1,
  'events-per-day': 1,
  'figure-summary': 1,
  'figures-by-source': 2,
  'place-events': 1,
  'entity-card': 2,
  'event-list': 1,
  'neighborhood-graph': 1,
  path: 1,
  'search-box': 1,
  timeline: 2,
  'troop-deployments': 2,
};

describe('round trips', () => {
  it('are fixed for every example operation, whatever the data', async () => {
    const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.graphql')).map((name) => name.replace('.graphql', ''));
    expect(examples.sort()).toEqual(Object.keys(EXAMPLE_ROUND_TRIPS).sort());
    for (const example of examples) {
      const result = await run(readFileSync(path.join(EXAMPLES_DIR, `${example}.graphql`), 'utf8'));
      expect(result.roundTrips, example).toBe(EXAMPLE_ROUND_TRIPS[example]);
    }
    // The entity card of every kind, not only the default person's.
    const card = readFileSync(path.join(EXAMPLES_DIR, 'entity-card.graphql'), 'utf8');
    for (const id of ['csto', 'almaty', 'kazakhstan', 'kazakhstan-unrest-2022-01']) {
      expect((await run(card, { id })).roundTrips, id).toBe(EXAMPLE_ROUND_TRIPS['entity-card']);
    }
  });

  it('counts one round trip for a root field and its entities\' own fields, one more per level below', async () => {
    expect((await run(`{ entity(id: "kazakhstan") { id name } }`)).roundTrips).toBe(1);
    expect((await run(`{ entity(id: "kazakhstan") { id relations { type } mentions { start } claims { id } } }`)).roundTrips).toBe(1);
    expect((await run(`{ entity(id: "kazakhstan") { id relations { other { id ... on Person { positions { title } } } } } }`)).roundTrips).toBe(2);
    expect((await run(`{ stats { articles } }`)).roundTrips).toBe(1);
  });

  it('merges every field asked of one level into one query, whatever its arguments', async () => {
    const result = await run(`{ entity(id: "kazakhstan") { relations(first: 50) { other {
      id
      a: relations(first: 1) { type }
      b: relations(first: 2, direction: OUT) { type }
      c: relations(types: [LOCATED_IN]) { type }
      mentions(first: 3) { start }
      ... on Person { positions { title } }
      ... on Organization { parent { id } ledBy { id } country { id } }
      ... on Place { within { id } country { id } }
      ... on Event { places { id } certainty }
    } } } }`);
    expect(result.data.entity.relations.length).toBeGreaterThan(3);
    expect(result.roundTrips).toBe(2);
  });

  it('costs the same for one entity as for fifty: nested relations, positions and mentions', async () => {
    const one = await run(`{ entity(id: "kazakhstan") { ${NESTED} } }`);
    const five = await run(`{ entities(first: 5) { edges { node { ${NESTED} } } } }`);
    const fifty = await run(`{ entities(first: 50) { edges { node { ${NESTED} } } } }`);
    expect(fifty.data.entities.edges).toHaveLength(annotation.entities.length);
    // The one entity (Kazakhstan) reaches every level: Tokayev holds a position in it.
    expect(one.data.entity.relations.some((r: any) => r.other.positions?.length > 0)).toBe(true);
    // The root with mentions and relations; then the spans' articles and the others' positions.
    expect(one.roundTrips).toBe(3);
    expect(fifty.roundTrips).toBe(one.roundTrips);
    // The first five relate to no person, so no level asks for positions.
    expect(five.roundTrips).toBe(2);
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
    const results = [];
    for (const first of [5, 20, 100]) results.push(await run(query(first)));
    expect(results[2]!.data.entities.edges).toHaveLength(annotation.entities.length);
    // The page with every first-level field; then the spans' articles.
    for (const result of results) expect(result.roundTrips).toBe(2);
  });

  it('costs one round trip for a page of claims, figures or deployments with the entities they hold', async () => {
    const claim = `id speaker { id } medium { id } about { id kind } evidence { start }`;
    const one = await run(`{ claims(speakerId: "kassym-jomart-tokayev") { edges { node { ${claim} } } } }`);
    const all = await run(`{ claims(first: 100) { totalCount edges { node { ${claim} } } } }`);
    expect(one.data.claims.edges).toHaveLength(1);
    expect(all.data.claims.edges).toHaveLength(annotation.claims.length);
    expect(all.roundTrips).toBe(1);
    expect(one.roundTrips).toBe(1);

    const figure = `id event { id } source { id } evidence { start }`;
    expect((await run(`{ figures(first: 100) { totalCount edges { node { ${figure} } } } }`)).roundTrips).toBe(1);
    const deployment = `id country { id } destination { id } troops { id event { id } } mission { id }`;
    expect((await run(`{ deployments(first: 100) { edges { node { ${deployment} } } } }`)).roundTrips).toBe(1);
    // One level below the entities they hold: one more.
    expect((await run(`{ figures { edges { node { event { id ... on Event { places { id } } } } } } }`)).roundTrips).toBe(2);
  });

  it('costs the same for a timeline of one event as of all of them', async () => {
    const fields = `id figures { source { id } } places { id } participants { entity { id } } certainty`;
    const one = await run(`{ timeline(first: 1) { ${fields} } }`);
    const all = await run(`{ timeline { ${fields} } }`);
    expect(all.data.timeline.length).toBeGreaterThan(1);
    expect(all.roundTrips).toBe(1);
    expect(one.roundTrips).toBe(1);
  });

  it('serves a neighbourhood and its nodes in a fixed number of round trips', async () => {
    const fields = `nodes { id mentions { start } ... on Place { country { id } } } edges { type }`;
    const small = await run(`{ neighborhood(id: "kazakhstan", depth: 1) { ${fields} } }`);
    const large = await run(`{ neighborhood(id: "kazakhstan", depth: 3) { ${fields} } }`);
    expect(large.data.neighborhood.nodes.length).toBeGreaterThan(small.data.neighborhood.nodes.length * 3);
    expect(small.roundTrips).toBe(2);
    expect(large.roundTrips).toBe(2);
  });

  it('serves an article with everything in it in two round trips', async () => {
    const query = `{ articles { edges { node {
      id entities { id }
      figures { id event { id } } claims { id speaker { id } } deployments { id country { id } troops { value } }
    } } } }`;
    const result = await run(query);
    expect(result.data.articles.edges[0].node.entities).toHaveLength(annotation.entities.length);
    expect(result.roundTrips).toBe(2);
  });
});
