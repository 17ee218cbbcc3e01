/**
 * The one way the dashboard talks to the API: an operation of examples/, typed by the codegen
 * client preset, asked of /graphql on this origin by GET with its persisted-document id. It works
 * when the server takes persisted documents only, and the answers are cacheable (ETags).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

interface GraphQLBody<Result> {
  data?: Result | null;
  errors?: { message: string }[];
}

/** The manifest id codegen's persistedDocuments option stamps on every generated document. */
function documentId(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('An operation without a persisted-document id: run `npm run codegen`.');
  return hash;
}

export async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const url = new URL('/graphql', window.location.origin);
  url.searchParams.set('documentId', documentId(document as TypedDocumentNode<unknown, never>));
  url.searchParams.set('variables', JSON.stringify(variables));
  // Apollo's CSRF protection answers a GET only with a header no plain form or link can send.
  const response = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
  const body = (await response.json()) as GraphQLBody<Result>;
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`The API answered ${response.status} without data.`);
  return body.data;
}
