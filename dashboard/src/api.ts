/** The one way the dashboard talks to the API: a typed operation from examples/, POSTed to /graphql on this origin. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

interface GraphQLBody<Result> {
  data?: Result | null;
  errors?: { message: string }[];
}

export async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as GraphQLBody<Result>;
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`The API answered ${response.status} without data.`);
  return body.data;
}
