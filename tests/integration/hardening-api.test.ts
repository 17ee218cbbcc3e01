/**
 * Hardening of the API as a hostile client sees it: every error has a code and a reason and
 * leaks nothing (in production and development), security headers, CORS, and the per-client
 * cost budget.
 */
import { request as httpRequest } from 'node:http';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { estimate } from '../support/cost.ts';
import { startTestServer, type TestServer } from './helpers.ts';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(api: TestServer, body: unknown): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Answer['json'] };
}

/** What must never reach a client: stack traces, file paths, driver messages, database addresses. */
const INTERNALS = /stacktrace|\/work\/|node_modules|\.ts:\d+|at \w+ \(|Neo4jError|bolt:\/\/|127\.0\.0\.1:\d+|Maximum call stack/i;

function expectClearError(answer: Answer, status: number, code: string, reason: RegExp) {
  expect(answer.status).toBe(status);
  const errors = answer.json.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) expect(typeof error.extensions?.code).toBe('string');
  expect(errors[0]!.extensions?.code).toBe(code);
  expect(errors[0]!.message).toMatch(reason);
  expect(answer.text).not.toMatch(INTERNALS);
}

/** A request body (as text: JSON.stringify itself would overflow) with one part nested `levels` deep. */
const deeplyNested = (part: string, levels: number) =>
  `{"query":"{ stats { articles } }","${part}":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

const modes = ['production', 'development'] as const;
const servers: Record<(typeof modes)[number], TestServer> = {} as never;

beforeAll(async () => {
  servers.production = await startTestServer({ NODE_ENV: 'production' });
  servers.development = await startTestServer({ NODE_ENV: 'development' });
});

afterAll(async () => {
  await servers.production?.close();
  await servers.development?.close();
});

describe.each(modes)('errors in %s mode have a code, a reason and no internals', (mode) => {
  const api = () => servers[mode];

  it('a mutation or a subscription is refused: the API is read-only', async () => {
    expectClearError(await post(api(), { query: 'mutation { deleteEverything }' }), 400, 'READ_ONLY', /read-only.*mutation/);
    expectClearError(await post(api(), { query: 'subscription { stats { articles } }' }), 400, 'READ_ONLY', /read-only.*subscription/);
  });

  it('a persisted-query hash that does not match the query', async () => {
    const answer = await post(api(), {
      query: '{ stats { articles } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expectClearError(answer, 400, 'BAD_REQUEST', /sha256Hash.*is not the SHA-256 of the query/);
  });

  it('variables nested thousands of levels deep', async () => {
    const answer = await post(api(), deeplyNested('variables', 5_000));
    expectClearError(answer, 400, 'BAD_REQUEST', /variables nest deeper than 64 levels/);
    const extensions = await post(api(), deeplyNested('extensions', 5_000));
    expectClearError(extensions, 400, 'BAD_REQUEST', /extensions nest deeper than 64 levels/);
  });

  it('an over-long query says which limit it broke', async () => {
    const tokens = await post(api(), { query: `{ ${Array.from({ length: 1_500 }, (_, index) => `a${index}: stats { articles }`).join(' ')} }` });
    expectClearError(tokens, 400, 'GRAPHQL_PARSE_FAILED', /more th\w+ 2000 tokens/);
    const errors = await post(api(), { query: `{ ${Array.from({ length: 150 }, (_, index) => `nope${index}`).join(' ')} }` });
    expectClearError(errors, 400, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope0"/);
    expect(errors.json.errors!.at(-1)!.message).toBe('The query has more than 100 validation errors; validation stopped after the first 100, listed above.');
  });

  it('the depth limit names itself, not a syntax error', async () => {
    const query = `{ entity(id: "kazakhstan") { relations { other { relations { other { relations { other { relations { other { relations { other { id } } } } } } } } } } } }`;
    const answer = await post(api(), { query });
    expectClearError(answer, 400, 'GRAPHQL_VALIDATION_FAILED', /^Query depth limit of 8 exceeded, found \d+\.$/);
  });

  it('a bad argument carries no stack trace', async () => {
    const answer = await post(api(), { query: '{ entities(first: 101) { totalCount } }' });
    expectClearError(answer, 200, 'BAD_USER_INPUT', /Argument "first"/);
    expect(answer.json.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});

describe('suggestions', () => {
  const enumLiteral = { query: '{ search(text: "gulen", kinds: [PERSN]) { score } }' };
  const enumVariable = { query: 'query ($kinds: [EntityKind!]) { search(text: "gulen", kinds: $kinds) { score } }', variables: { kinds: ['PERSN'] } };
  const fragmentHint = { query: '{ entity(id: "kazakhstan") { ledBy { id } } }' };

  it('production hides all of them: fields, enum values, inline fragments', async () => {
    for (const body of [enumLiteral, enumVariable, fragmentHint, { query: '{ entty(id: "x") { name } }' }]) {
      const answer = await post(servers.production, body);
      expect(answer.status).toBe(400);
      expect(answer.json.errors![0]!.message).toMatch(/does not exist|Cannot query field/);
      expect(answer.text).not.toMatch(/Did you mean|PERSON|inline fragment/);
    }
  });

  it('development, with introspection on, keeps them', async () => {
    expect((await post(servers.development, enumLiteral)).text).toMatch(/Did you mean the enum value \\"PERSON\\"/);
    expect((await post(servers.development, enumVariable)).text).toMatch(/Did you mean the enum value \\"PERSON\\"/);
  });

  it('GRAPHQL_DEBUG=true is the only way to get stack traces', async () => {
    const debug = await startTestServer({ NODE_ENV: 'production', GRAPHQL_DEBUG: 'true' });
    try {
      const answer = await post(debug, { query: '{ entities(first: 101) { totalCount } }' });
      expect(answer.json.errors![0]!.extensions?.stacktrace).toBeInstanceOf(Array);
    } finally {
      await debug.close();
    }
  });
});

describe('security headers (helmet)', () => {
  const expectHeaders = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('are on /graphql, /health and the Sandbox page, whose CSP still lets it load', async () => {
    const api = servers.development;
    expectHeaders((await post(api, { query: '{ stats { articles } }' })).headers);
    expectHeaders((await fetch(`${api.baseUrl}/health`)).headers);
    const sandbox = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expectHeaders(sandbox.headers);
    const page = await sandbox.text();
    const csp = Object.fromEntries(
      sandbox.headers.get('content-security-policy')!.split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    ) as Record<string, string[]>;
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => new URL(match[1]!).origin);
    expect(scripts.length).toBeGreaterThan(0);
    for (const origin of scripts) expect(csp['script-src']).toContain(origin);
    // Inline scripts carry a nonce the header cannot know: 'unsafe-inline' covers them.
    expect(csp['script-src']).toContain("'unsafe-inline'");
    // The embedded Sandbox is an iframe from Apollo's embed origin.
    expect(page).toMatch(/embeddable-sandbox/);
    expect(csp['frame-src']).toContain('https://sandbox.embed.apollographql.com');
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
  });
});

describe('CORS', () => {
  const preflight = (api: TestServer, origin: string) =>
    fetch(`${api.baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('the preflight allows only GET, POST and OPTIONS', async () => {
    const response = await preflight(servers.production, 'https://studio.apollographql.com');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
  });

  it("CORS_ORIGINS='*' allows any origin", async () => {
    const api = await startTestServer({ CORS_ORIGINS: '*' });
    try {
      const response = await preflight(api, 'https://dashboard.example');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await api.close();
    }
  });

  it('a local dashboard is allowed by adding its origin, as the README shows', async () => {
    const api = await startTestServer({ CORS_ORIGINS: 'https://studio.apollographql.com,http://localhost:5173' });
    try {
      const response = await preflight(api, 'http://localhost:5173');
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect((await preflight(api, 'http://localhost:5174')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.close();
    }
  });
});

/** A POST from a given loopback address: the budget is per client address. */
function postFrom(localAddress: string, port: number, query: string) {
  return new Promise<number>((resolve, reject) => {
    const call = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify({ query }));
  });
}

describe('the per-client cost budget', () => {
  it('answers 429 with Retry-After and RATE_LIMITED once spent, spares other clients, and recovers', async () => {
    const query = '{ entities(first: 100) { edges { node { id name } } } }';
    // A budget of exactly one estimate: the first query is let in, and whatever it really cost
    // (never nothing) leaves too little for the second's estimate, however fast the machine is.
    const budget = estimate(buildSchema(loadTypeDefs()), query);
    const api = await startTestServer({ RATE_LIMIT_COST: String(budget), RATE_LIMIT_WINDOW_S: '3' });
    try {
      // Another address plans the query first, so the two below fit in one window on a slow machine.
      expect(await postFrom('127.0.0.2', api.server.port, query)).toBe(200);
      const first = await post(api, { query });
      expect(first.status).toBe(200);
      expect(first.json.errors).toBeUndefined();
      const answer = await post(api, { query });
      expectClearError(answer, 429, 'RATE_LIMITED', new RegExp(`Query budget spent: each client may run queries of total cost ${budget} per 3 s; retry in \\d s\\.`));
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3);

      // Still spent: refused before the body is read, the same way.
      expectClearError(await post(api, { query }), 429, 'RATE_LIMITED', /Query budget spent/);
      // Another client address has its own budget.
      expect(await postFrom('127.0.0.3', api.server.port, query)).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      const recovered = await post(api, { query });
      expect(recovered.status).toBe(200);
      expect(recovered.json.errors).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});
