/**
 * The fixture article's annotation (`FIXTURE_DIR`), as the API tests' source of expected answers,
 * and small helpers for checking GraphQL responses. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Basis } from '../../src/domain/vocabulary.ts';
import {
  annotationSchema,
  backgroundSchema,
  type AnnotatedEntity,
  type AnnotatedRelation,
  type Annotation,
  type Background,
} from '../../src/seed/annotation.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';
import type { GraphQLResponse } from './helpers.ts';

export const ARTICLE_ID = 'kazakhstan-unrest-2022-01';

/** The annotation exactly as the loader validates it (defaults applied). */
export const annotation: Annotation = annotationSchema.parse(
  JSON.parse(readFileSync(`${FIXTURE_DIR}${ARTICLE_ID}.json`, 'utf8')),
);

/** The reviewed background facts the fixture folder loads beside the article. */
export const background: Background = backgroundSchema.parse(JSON.parse(readFileSync(`${FIXTURE_DIR}registry/background.json`, 'utf8')));

/** A relation the graph holds: the article's (ARTICLE or INFERRED), or a background one (no evidence). */
export type GraphRelation = Omit<AnnotatedRelation, 'basis'> & { basis: Basis; reference?: string };

/** Every relation the test graph holds: the annotation's, then the background file's. */
export const relations: GraphRelation[] = [
  ...annotation.relations,
  ...background.relations.map((relation) => ({ ...relation, basis: 'BACKGROUND' as const, certainty: 'STATED' as const, evidence: [] })),
];

/** The article text the annotation's offsets index into. */
export const articleText = readFileSync(`${FIXTURE_DIR}${annotation.article.textFile}`, 'utf8');

export function annotatedEntity(id: string): AnnotatedEntity {
  const entity = annotation.entities.find((candidate) => candidate.id === id);
  if (!entity) throw new Error(`No annotated entity ${id}`);
  return entity;
}

export const entitiesOfKind = (kind: AnnotatedEntity['kind']) => annotation.entities.filter((entity) => entity.kind === kind);

/** The data of a response that must have succeeded. */
export function dataOf<T = Record<string, any>>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  expect(response.data).toBeDefined();
  return response.data as T;
}

/** The one error of a response that must have failed with BAD_USER_INPUT on `argumentName`. */
export function expectBadInput(response: GraphQLResponse, argumentName: string): void {
  expect(response.errors, `expected an error for ${argumentName}, got ${JSON.stringify(response.data)}`).toBeDefined();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error!.extensions?.argumentName).toBe(argumentName);
  expect(error!.message).toContain(argumentName);
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Every object in a response that looks like a TextSpan (has start, end and text). */
export function spansIn(value: unknown): Span[] {
  if (Array.isArray(value)) return value.flatMap(spansIn);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own =
      typeof record.start === 'number' && typeof record.end === 'number' && typeof record.text === 'string'
        ? [record as unknown as Span]
        : [];
    return [...own, ...Object.values(record).flatMap(spansIn)];
  }
  return [];
}

/** Spans as comparable strings, for set comparisons. */
export const spanKeys = (spans: readonly Span[]) => spans.map((span) => `${span.start}-${span.end}:${span.text}`);

export const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
export const sorted = (values: readonly string[]) => [...values].sort();

/** One page of a connection, as the list tests select it. */
export interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

/**
 * Walks every page of a connection query (with `$first` and `$after`) by endCursor, checking each
 * page as it goes; returns the pages and the node ids in order.
 */
export async function walkPages(ask: Ask, query: string, field: string, first: number, variables: Record<string, unknown> = {}) {
  const pages: Page[] = [];
  let after: string | null = null;
  for (;;) {
    const page = dataOf(await ask(query, { ...variables, first, after }))[field] as Page;
    pages.push(page);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
    expect(pages.length).toBeLessThan(200);
  }
  return { pages, ids: pages.flatMap((page) => page.edges.map((edge) => edge.node.id)) };
}
