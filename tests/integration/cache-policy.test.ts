/**
 * The cache policy computed once per document (src/api/cache-policy.ts) gives every response the
 * Cache-Control header Apollo's own cache-control plugin gives it, field hook by field hook: every
 * example operation and the cases where they could differ (hints, fragments, @skip, introspection,
 * unresolved fields, errors), with the default max age on and off, against the seeded graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApolloServer, type ApiContext } from '../../src/api/apollo.ts';
import { createRequestContext } from '../../src/api/context.ts';
import { loadTypeDefs, resolvers } from '../../src/api/schema.ts';
import { startTestServer, testConfig, type TestServer } from './helpers.ts';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .map((name) => ({ name, query: readFileSync(path.join(EXAMPLES_DIR, name), 'utf8'), variables: {} }));

const CASES = [
  ...examples,
  { name: 'stats alone', query: '{ stats { articles dataVersion } }', variables: {} },
  { name: 'stats with its lists', query: '{ stats { entitiesByKind { kind count } relationsByType { type } } }', variables: {} },
  { name: 'stats beside data', query: '{ stats { articles } entity(id: "kazakhstan") { id name } }', variables: {} },
  { name: 'a scalar below a hint', query: '{ stats { articles } }', variables: {} },
  { name: 'introspection only', query: '{ __typename }', variables: {} },
  { name: 'a type query', query: '{ __type(name: "Entity") { name fields { name } } }', variables: {} },
  { name: 'an unknown entity, nested lists unresolved', query: '{ entity(id: "no-such-entity") { id relations { other { id } } } }', variables: {} },
  { name: 'fragments on other types', query: 'fragment P on Person { positions { title } } { entity(id: "kazakhstan") { ...P ... on Country { isoCode } } }', variables: {} },
  ...[true, false].flatMap((skip) => [
    { name: `@skip(${skip}) on data`, query: 'query($skip: Boolean!) { stats { articles } entity(id: "kazakhstan") @skip(if: $skip) { id } }', variables: { skip } },
    { name: `@include(${skip}) on stats`, query: 'query($on: Boolean!) { stats @include(if: $on) { articles } }', variables: { on: skip } },
  ]),
  { name: 'an error', query: '{ entity(id: "kazakhstan") { relations(first: 0) { type } } }', variables: {} },
];

let api: TestServer;
const servers: ApolloServer<ApiContext>[] = [];

/** The first run of a large operation plans it; on a busy machine that outlasts a test's timeout. */
const WARM_UP_WAIT_MS = 600_000;

beforeAll(async () => {
  api = await startTestServer();
  await api.server.warmUp;
}, WARM_UP_WAIT_MS);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await api?.close();
});

/** The Cache-Control header an in-process server gives an operation. */
async function cacheControl(server: ApolloServer<ApiContext>, query: string, variables: Record<string, unknown>) {
  const contextValue = createRequestContext({ driver: api.database.driver, database: api.database.name, queryTimeoutMs: 30_000 });
  try {
    const response = await server.executeOperation({ query, variables }, { contextValue });
    return response.http.headers.get('cache-control');
  } finally {
    await contextValue.reader.close();
  }
}

describe.each(['60', '0'])('with CACHE_MAX_AGE_S=%s', (maxAge) => {
  let ours: ApolloServer<ApiContext>;
  let apollos: ApolloServer<ApiContext>;

  beforeAll(async () => {
    ours = createApolloServer(testConfig({ CACHE_MAX_AGE_S: maxAge }));
    apollos = new ApolloServer<ApiContext>({ typeDefs: loadTypeDefs(), resolvers, plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: Number(maxAge) })] });
    servers.push(ours, apollos);
    await Promise.all([ours.start(), apollos.start()]);
  });

  it.each(CASES)('$name gets the header Apollo would give it, the first time and again', async ({ query, variables }) => {
    const expected = await cacheControl(apollos, query, variables);
    expect(expected).toMatch(/^(no-store|max-age=\d+, public)$/);
    expect(await cacheControl(ours, query, variables)).toBe(expected);
    expect(await cacheControl(ours, query, variables)).toBe(expected);
  });
});
