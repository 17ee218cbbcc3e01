import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api.close();
});

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  let json: { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // Some rejections are not JSON; the status says enough.
  }
  return { status: response.status, json, text };
}

const firstError = (json: { errors?: { message: string; extensions?: { code?: string } }[] }) => json.errors?.[0];

/** After every bad request the server must still answer a good one. */
async function expectHealthy() {
  const health = await fetch(`${api.baseUrl}/health`);
  expect(health.status).toBe(200);
  const { data } = await api.graphql('{ entity(id: "kazakhstan") { name } }');
  expect(data).toEqual({ entity: { name: 'Kazakhstan' } });
}

describe('malformed HTTP requests get a clear 4xx', () => {
  it('malformed JSON body', async () => {
    const { status, json } = await post('{"query": "{ stats { articles } }"');
    expect(status).toBe(400);
    expect(firstError(json)?.message).toBe('Request body is not valid JSON.');
    await expectHealthy();
  });

  it('wrong content type', async () => {
    const { status, text } = await post('{ stats { articles } }', 'text/plain');
    expect(status).toBe(400);
    expect(text).toMatch(/content-type|preflight/i);
    await expectHealthy();
  });

  it('missing query', async () => {
    const { status, text } = await post(JSON.stringify({ variables: {} }));
    expect(status).toBe(400);
    expect(text).toMatch(/query/i);
    await expectHealthy();
  });

  it('query that is not a string', async () => {
    const { status, text } = await post(JSON.stringify({ query: 42 }));
    expect(status).toBe(400);
    expect(text).toMatch(/quer.*must be strings?/i);
    await expectHealthy();
  });

  it('a batch of operations (batching is off)', async () => {
    const { status, text } = await post(JSON.stringify([{ query: '{ stats { articles } }' }, { query: '{ stats { claims } }' }]));
    expect(status).toBe(400);
    expect(text).toMatch(/batch/i);
    await expectHealthy();
  });

  it('a 5 MB query string gets 413', async () => {
    const { status, json } = await post(JSON.stringify({ query: `{ stats { articles } } # ${'x'.repeat(5 * 1024 * 1024)}` }));
    expect(status).toBe(413);
    expect(firstError(json)?.message).toBe('Request body is too large.');
    await expectHealthy();
  });
});

describe('bad operations get a GraphQL error with a code', () => {
  it('variables of the wrong type', async () => {
    const { status, json } = await post(
      JSON.stringify({ query: 'query ($id: ID!) { entity(id: $id) { name } }', variables: { id: { nested: true } } }),
    );
    expect(status).toBe(400);
    expect(firstError(json)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(json)?.message).toMatch(/\$id/);
    await expectHealthy();
  });

  it('unknown operation name', async () => {
    const { status, json } = await post(JSON.stringify({ query: 'query A { stats { articles } }', operationName: 'B' }));
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/Unknown operation named "B"/);
    expect(firstError(json)?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    await expectHealthy();
  });

  it('a 10,000-level nested query', async () => {
    const query = `{ entity(id: "kazakhstan") { ... on Place { ${'within{'.repeat(10_000)}id${'}'.repeat(10_000)} } } }`;
    const { status, json } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/more th\w+ 2000 tokens/);
    await expectHealthy();
  });

  it('a query deeper than the depth limit', async () => {
    const query = `{ entity(id: "kazakhstan") { relations { other { relations { other { relations { other { relations { other { relations { other { id } } } } } } } } } } } }`;
    const { status, json } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/Query depth limit of 8 exceeded/);
    await expectHealthy();
  });

  it('1,000 aliases of one field', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: stats { articles }`).join(' ')} }`;
    const { status, json } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/alias|token/i);
    await expectHealthy();
  });

  it('more directives than allowed', async () => {
    const query = `{ stats { articles ${'@include(if: true) '.repeat(50)} } }`;
    const { status, json } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/Directives limit of 20 exceeded, found 50/);
    await expectHealthy();
  });

  it('first: 1000000', async () => {
    const { json } = await post(JSON.stringify({ query: '{ entities(first: 1000000) { totalCount } }' }));
    expect(firstError(json)?.extensions?.code).toMatch(/BAD_USER_INPUT|QUERY_TOO_COSTLY/);
    await expectHealthy();
  });

  it('a query whose list sizes multiply past the cost limit', async () => {
    const query = `{ entities(first: 100) { edges { node { relations(first: 100) { other { relations(first: 100) { type } } } } } } }`;
    const { status, json } = await post(JSON.stringify({ query }));
    expect(firstError(json)?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(status).toBe(400);
    expect(firstError(json)?.message).toMatch(/exceeds the limit of 50000/);
    await expectHealthy();
  });

  it('a field that does not exist gets no suggestion in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const response = await production.graphql('{ entty(id: "x") { name } }');
      expect(response.errors?.[0]?.message).toMatch(/Cannot query field "entty"/);
      expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const development = await api.graphql('{ entty(id: "x") { name } }');
      expect(development.errors?.[0]?.message).toMatch(/Did you mean "entity"/);
    } finally {
      await production.close();
    }
  });
});

describe('hostile argument values are data, never syntax', () => {
  it('search text with Lucene operators and control characters', async () => {
    for (const text of ['"unbalanced', 'a* AND b~2', 'name:(x OR', '\\ / [ ] { } ^ ! && ||', 'Tokayev\u0000\u0007\u001b', 'ISIS)']) {
      const response = await api.graphql<{ search: unknown[] }>('query ($text: String!) { search(text: $text) { entity { id } } }', { text });
      expect(response.errors, text).toBeUndefined();
      expect(Array.isArray(response.data?.search)).toBe(true);
    }
    const isis = await api.graphql<{ search: { entity: { id: string } }[] }>('{ search(text: "ISIS)") { entity { id } } }');
    expect(isis.data?.search.map((hit) => hit.entity.id)).toContain('isis');
    await expectHealthy();
  });

  it('ids with quotes, backslashes and Cypher fragments', async () => {
    for (const id of [`kazakhstan'`, `"kazakhstan"`, 'kazakhstan\\', `x'}) MATCH (n) DETACH DELETE n //`, '` RETURN 1 //']) {
      const response = await api.graphql('query ($id: ID!) { entity(id: $id) { id } neighborhood(id: $id) { nodes { id } } }', { id });
      expect(response.errors, id).toBeUndefined();
      expect(response.data).toEqual({ entity: null, neighborhood: { nodes: [] } });
    }
    await expectHealthy();
  });

  it('a cursor that is random base64', async () => {
    const after = Buffer.from(Array.from({ length: 24 }, (_, index) => (index * 37) % 256)).toString('base64');
    const response = await api.graphql('query ($after: String) { people(after: $after) { totalCount } }', { after });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    await expectHealthy();
  });
});
