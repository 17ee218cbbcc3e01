/**
 * The cost model against a generated graph of 1,000 articles: for every example operation and a
 * set of generated queries, the estimate is at least the objects that come back and at most
 * three times the worst case the arguments allow; what once ran the API out of memory is refused,
 * a response over MAX_RESPONSE_BYTES is refused, and the server stays up throughout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, loadCorpus } from '../../bench/database.ts';
import { pickParameters, type BenchParameters } from '../../bench/operations.ts';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { countObjects, estimate, worstCase } from '../support/cost.ts';
import type { Database } from '../../src/db/database.ts';
import { startHttpServer, type RunningServer } from '../../src/server/http.ts';
import { openTestDatabase, seedTestDatabase, testConfig, testLogger } from './helpers.ts';

const ARTICLES = 1_000;
const schema: GraphQLSchema = buildSchema(loadTypeDefs());
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

let database: Database;
let server: RunningServer;
let ids: BenchParameters;

const emptyDatabase = () => database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: database.name });

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

beforeAll(async () => {
  const config = testConfig({ MAX_RESPONSE_BYTES: '2000000' });
  database = await openTestDatabase(config);
  await emptyDatabase();
  await loadCorpus(database, await ensureCorpus(ARTICLES));
  ids = await pickParameters(database.driver, database.name);
  server = await startHttpServer(config, database, testLogger());
}, 600_000);

afterAll(async () => {
  // Leave the shared database as the other files expect it: the seed article alone.
  await server?.stop();
  await emptyDatabase();
  await seedTestDatabase(database);
  await database.close();
}, 300_000);

/** A small deterministic PRNG (mulberry32), so generated queries are the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random valid operation over the schema: random fields, random page sizes, at most four levels. */
function generatedQuery(next: () => number): string {
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const argumentsOf = (field: GraphQLField<unknown, unknown>): string | null => {
    const given: string[] = [];
    for (const arg of field.args) {
      if (arg.name === 'first') given.push(`first: ${int(1, 25)}`);
      else if (arg.name === 'limit') given.push(`limit: ${int(1, 60)}`);
      else if (arg.name === 'depth') given.push(`depth: ${int(1, 3)}`);
      else if (arg.name === 'maxLength') given.push(`maxLength: ${int(1, 6)}`);
      else if (arg.name === 'id') given.push(`id: "${field.name === 'article' ? 'synthetic-000001' : next() < 0.5 ? ids.countryId : ids.organizationId}"`);
      else if (arg.name === 'from' && field.name === 'path') given.push(`from: "${ids.pathFrom}"`);
      else if (arg.name === 'to' && field.name === 'path') given.push(`to: "${ids.pathTo}"`);
      else if (arg.name === 'text') given.push(`text: "${ids.searchText}"`);
      else if (isNonNullType(arg.type)) return null;
    }
    return given.length > 0 ? `(${given.join(', ')})` : '';
  };
  const selection = (typeName: string, depth: number): string => {
    const type = schema.getType(typeName);
    if (!(isObjectType(type) || isInterfaceType(type))) return '';
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (next() < 0.55) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) parts.push(field.name);
      else if (depth < 4) {
        const args = argumentsOf(field);
        const inner = selection(named.name, depth + 1);
        if (args !== null && inner) parts.push(`${field.name}${args} { ${inner} }`);
      }
    }
    if (isAbstractType(type) && depth < 4) {
      for (const possible of schema.getPossibleTypes(type)) {
        if (next() < 0.3) parts.push(`... on ${possible.name} { ${selection(possible.name, depth + 1) || 'id'} }`);
      }
    }
    return parts.length > 0 ? parts.join(' ') : '__typename';
  };
  const roots = ['entity', 'entities', 'events', 'timeline', 'figures', 'claims', 'deployments', 'articles', 'countries', 'neighborhood', 'search', 'article', 'path'];
  const root = schema.getQueryType()!.getFields()[roots[int(0, roots.length - 1)]!]!;
  return `{ ${root.name}${argumentsOf(root)} { ${selection(getNamedType(root.type).name, 1)} } }`;
}

describe(`the cost model on a generated graph of ${ARTICLES} articles`, () => {
  it('estimates at least what comes back, and at most three times the worst case, for every example and generated query', async () => {
    const operations: { name: string; query: string; variables: Record<string, unknown> }[] = [];
    for (const name of readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.graphql'))) {
      const query = readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8');
      operations.push({ name, query, variables: {} });
    }
    const examples = (name: string) => readFileSync(`${EXAMPLES_DIR}${name}.graphql`, 'utf8');
    operations.push(
      { name: 'entity-card of a hub', query: examples('entity-card'), variables: { id: ids.organizationId } },
      { name: 'event-list of a hub', query: examples('event-list'), variables: { countryId: ids.countryId, first: 100 } },
      { name: 'timeline of a hub', query: examples('timeline'), variables: { countryId: ids.countryId } },
      { name: 'neighborhood of a hub', query: examples('neighborhood-graph'), variables: { id: ids.countryId, depth: 3, limit: 500 } },
      { name: 'figures', query: examples('casualty-figures'), variables: { metric: 'KILLED' } },
    );
    const next = random(2026);
    while (operations.length < 60) {
      const query = generatedQuery(next);
      // Fields of one name but different types on two fragments conflict: such a draw is skipped.
      if (validate(schema, parse(query)).length === 0) operations.push({ name: `generated ${operations.length}`, query, variables: {} });
    }

    let answered = 0;
    for (const { name, query, variables } of operations) {
      const cost = estimate(schema, query, variables);
      const worst = worstCase(schema, query, variables);
      expect(cost, `${name}: ${query}`).toBeGreaterThanOrEqual(worst);
      expect(cost, `${name}: ${query}`).toBeLessThanOrEqual(3 * Math.max(worst, 1));
      const response = await graphql(query, variables);
      if (response.errors?.some((error) => error.extensions?.code === 'QUERY_TOO_COSTLY' || error.extensions?.code === 'RESPONSE_TOO_LARGE')) continue;
      expect(response.errors, `${name}: ${query}`).toBeUndefined();
      expect(countObjects(response.data), `${name}: ${query}`).toBeLessThanOrEqual(cost);
      answered += 1;
    }
    expect(answered).toBeGreaterThan(operations.length / 2);
    // Sixty queries, most of them cold, on a graph of a thousand articles: minutes on a loaded machine.
  }, 600_000);

  it('refuses the query that once ran the API out of memory, and stays up', async () => {
    const response = await graphql('{ articles { edges { node { entities { relations { other { mentions { text } } } } } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(response.errors?.[0]?.message).toMatch(/exceeds the limit of 50000/);
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
  });

  it('refuses a response larger than MAX_RESPONSE_BYTES with a clear error, and stays up', async () => {
    // Allowed by cost, but every span repeats its article's whole text.
    const response = await graphql('{ countries(first: 100) { edges { node { mentions(first: 100) { article { text } } } } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(response.errors?.[0]?.message).toMatch(/larger than 2000000 bytes \(MAX_RESPONSE_BYTES\)/);
    expect(response.data).toBeUndefined();
    const after = await graphql('{ stats { articles } }');
    expect(after.data?.stats.articles).toBe(ARTICLES);
  });
});
