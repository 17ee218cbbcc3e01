/**
 * A standard client: Apollo Client with its persisted-queries link as it is usually set up
 * (`createPersistedQueryLink({ sha256 })`, an InMemoryCache that adds `__typename`), against the
 * real server with PERSISTED_DOCUMENTS_ONLY=true, for every `examples/` operation.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '../../examples/generated/graphql.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import MANIFEST from '../../examples/generated/persisted-documents.json' with { type: 'json' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const DOCUMENTS = Object.entries(operations).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

let api: TestServer;
/** Every request body the client sent. */
const sent: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } }[] = [];

function client() {
  const http = new HttpLink({
    uri: `${api.baseUrl}/graphql`,
    fetch: async (input, init) => {
      sent.push(JSON.parse(String(init?.body)) as (typeof sent)[number]);
      return fetch(input, init);
    },
  });
  return new ApolloClient({ link: createPersistedQueryLink({ sha256 }).concat(http), cache: new InMemoryCache() });
}

beforeAll(async () => {
  // The __typename forms are new Cypher to plan: on a loaded machine that alone takes seconds each.
  api = await startTestServer({ NODE_ENV: 'production', PERSISTED_DOCUMENTS_ONLY: 'true', NEO4J_QUERY_TIMEOUT_MS: '120000' });
});

afterAll(async () => {
  await api?.close();
});

describe('Apollo Client with its persisted-queries link, persisted documents only', () => {
  it('runs every example operation, then by its hash alone, with the __typename its cache expects', async () => {
    // Every example, whatever their number: the manifest holds exactly them.
    expect(DOCUMENTS).toHaveLength(Object.keys(MANIFEST).length);
    const first = client();
    for (const [name, document] of DOCUMENTS) {
      sent.length = 0;
      const result = await first.query({ query: document, fetchPolicy: 'network-only' }).catch((error: { bodyText?: string }) => {
        throw new Error(`${name}: ${error.bodyText}`);
      });
      expect(result.error, name).toBeUndefined();
      expect(result.data, name).toBeTruthy();
      expect(JSON.stringify(result.data), name).toMatch(/"__typename":"/);
      // The hash first; the server asks for the document once, and accepts it as the manifest's.
      expect(sent[0]!.query, name).toBeUndefined();
      expect(sent.at(-1)!.query, name).toMatch(/__typename/);
    }

    // Another client (a new page load) is answered by the hash alone.
    const second = client();
    for (const [name, document] of DOCUMENTS) {
      sent.length = 0;
      const result = await second.query({ query: document, fetchPolicy: 'network-only' });
      expect(result.error, name).toBeUndefined();
      expect(sent, name).toHaveLength(1);
      expect(sent[0]!.query, name).toBeUndefined();
    }
  }, 600_000);

  it('still refuses a document of its own', async () => {
    const own = gql`
      query EntityCard($id: ID! = "kassym-jomart-tokayev") {
        entity(id: $id) { id name }
      }
    `;
    const refusal = await client()
      .query({ query: own, fetchPolicy: 'network-only' })
      .then(() => null, (error: ServerError) => error);
    expect(refusal?.statusCode).toBe(400);
    expect(refusal?.bodyText).toMatch(/PERSISTED_DOCUMENT_REQUIRED/);
  });
});
