/**
 * Persisted documents: the `examples/` operations by id (codegen's manifest), as `documentId` or as
 * an APQ hash, by POST and GET; and PERSISTED_DOCUMENTS_ONLY, which refuses every other document.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

const MANIFEST = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../examples/generated/persisted-documents.json', import.meta.url)), 'utf8'),
) as Record<string, string>;
const [CARD_ID, CARD] = Object.entries(MANIFEST).find(([, document]) => document.startsWith('query EntityCard'))!;
const CARD_HASH = CARD_ID.replace('sha256:', '');
const AD_HOC = '{ entity(id: "kazakhstan") { name } }';

interface Answer {
  status: number;
  headers: Headers;
  json: { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(api: TestServer, body: unknown): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
}

async function get(api: TestServer, params: Record<string, string>): Promise<Answer> {
  const url = new URL(`${api.baseUrl}/graphql`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

function expectRefused(answer: Answer, code: string, reason: RegExp) {
  expect(answer.status).toBe(400);
  expect(answer.json.errors?.[0]?.extensions?.code).toBe(code);
  expect(answer.json.errors?.[0]?.message).toMatch(reason);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  expect(JSON.stringify(answer.json)).not.toMatch(/\/work\/|node_modules|persisted-documents\.json/);
}

let open: TestServer;
const persistedOnly: Record<'production' | 'development', TestServer> = {} as never;

beforeAll(async () => {
  open = await startTestServer();
  persistedOnly.production = await startTestServer({ NODE_ENV: 'production', PERSISTED_DOCUMENTS_ONLY: 'true' });
  persistedOnly.development = await startTestServer({ NODE_ENV: 'development', PERSISTED_DOCUMENTS_ONLY: 'true' });
});

afterAll(async () => {
  await open?.close();
  await persistedOnly.production?.close();
  await persistedOnly.development?.close();
});

describe('persisted documents', () => {
  it('every example is in the manifest, under the SHA-256 of its document', async () => {
    expect(Object.keys(MANIFEST)).toHaveLength(readdirSync('examples').filter((name) => name.endsWith('.graphql')).length);
    const expected = (await post(open, { query: CARD })).json;
    expect(expected.data?.entity).toBeTruthy();
    expect((await post(open, { documentId: CARD_ID })).json).toEqual(expected);
    expect((await post(open, { extensions: apq(CARD_HASH) })).json).toEqual(expected);
    expect((await get(open, { documentId: CARD_ID })).json).toEqual(expected);
    expect((await get(open, { extensions: JSON.stringify(apq(CARD_HASH)) })).json).toEqual(expected);
  });

  it('takes variables with an id, and answers GETs with Cache-Control and an ETag', async () => {
    const answer = await get(open, { documentId: CARD_ID, variables: JSON.stringify({ id: 'csto' }) });
    expect(answer.json.data?.entity?.name).toBe('Collective Security Treaty Organization');
    expect(answer.headers.get('cache-control')).toBe('max-age=60, public');
    expect(answer.headers.get('etag')).toBeTruthy();
  });

  it('an unknown id, or an id with a query, is refused with a reason', async () => {
    expectRefused(await post(open, { documentId: `sha256:${'0'.repeat(64)}` }), 'PERSISTED_DOCUMENT_NOT_FOUND', /No persisted document "sha256:0+"/);
    expectRefused(await get(open, { documentId: 'nope' }), 'PERSISTED_DOCUMENT_NOT_FOUND', /No persisted document "nope"/);
    expectRefused(await post(open, { documentId: CARD_ID, query: AD_HOC }), 'BAD_REQUEST', /documentId or a query, not both/);
    expectRefused(await post(open, { documentId: 42 }), 'BAD_REQUEST', /documentId must be a string/);
  });

  it('ad-hoc queries and Apollo APQ still work without PERSISTED_DOCUMENTS_ONLY', async () => {
    expect((await post(open, { query: AD_HOC })).json.data).toEqual({ entity: { name: 'Kazakhstan' } });
    const unknown = await post(open, { extensions: apq('1'.repeat(64)) });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe.each(['production', 'development'] as const)('PERSISTED_DOCUMENTS_ONLY=true in %s mode', (mode) => {
  const api = () => persistedOnly[mode];

  it('refuses an ad-hoc query, by POST or GET', async () => {
    for (const answer of [
      await post(api(), { query: AD_HOC }),
      await get(api(), { query: AD_HOC }),
      await post(api(), { query: 'not graphql at all' }),
      await post(api(), { query: AD_HOC, extensions: apq('2'.repeat(64)) }),
    ]) {
      expectRefused(answer, 'PERSISTED_DOCUMENT_REQUIRED', /persisted documents only \(PERSISTED_DOCUMENTS_ONLY\)/);
    }
  });

  it('asks for the document of an unknown hash, and registers only a manifest document through it', async () => {
    const unknown = await post(api(), { extensions: apq('3'.repeat(64)) });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const own = '{ stats { articles } }';
    const ownHash = createHash('sha256').update(own).digest('hex');
    expectRefused(await post(api(), { query: own, extensions: apq(ownHash) }), 'PERSISTED_DOCUMENT_REQUIRED', /persisted documents only/);
    expect((await post(api(), { extensions: apq(ownHash) })).json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('accepts a manifest document in another order and with __typename added, as Apollo Client sends it', async () => {
    const reordered = CARD.replace('{ aliases', '{ __typename aliases').replace(/\{ (id) (kind) (name) \}/, '{ $3 $2 $1 __typename }');
    expect(reordered).not.toBe(CARD);
    const hash = createHash('sha256').update(reordered).digest('hex');
    const answer = await post(api(), { query: reordered, extensions: apq(hash) });
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data?.entity?.__typename).toBe('Person');
    // Registered: its hash alone is enough now.
    expect((await post(api(), { extensions: apq(hash) })).json.data?.entity?.id).toBe('kassym-jomart-tokayev');
  });

  it("accepts an example's id, its APQ hash, and its exact document", async () => {
    for (const answer of [
      await post(api(), { documentId: CARD_ID }),
      await post(api(), { extensions: apq(CARD_HASH) }),
      await get(api(), { documentId: CARD_ID }),
      await post(api(), { query: CARD }),
    ]) {
      expect(answer.status).toBe(200);
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data?.entity?.id).toBe('kassym-jomart-tokayev');
    }
  });
});
