/**
 * Keyset pages over any list of nodes: the list's pattern binds `n`, its sort key orders it, and
 * a cursor is the last sort key and id. The total and the facets a selection needs come back in
 * the same query, built with `@neo4j/cypher-builder`.
 */
import Cypher from '@neo4j/cypher-builder';
import { z } from 'zod';
import { facetEntries, facetValues, type AnyFacet } from './fetch-plan.ts';
import { parseRow, readRow, type RowReader } from './mapping.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { PageRecord } from './types.ts';

/** A filter of the list: a condition on `n` given its value as a parameter. */
export type Condition = (n: Cypher.Node, value: Cypher.Param) => Cypher.Predicate;

/** What a list needs: the pattern binding `n`, its filters, and its sort keys. */
export interface ListSpec {
  pattern: (n: Cypher.Node) => Cypher.Pattern;
  /** The filters given a value (the others are left out), each with its value. */
  filters: [Condition, unknown][];
  /** Expressions over `n` that order the list, in turn; `n.id` breaks ties. */
  sortKeys: (n: Cypher.Node) => Cypher.Expr[];
  /** How many sort keys a cursor holds. */
  sortKeyCount: number;
  /** Whether the pattern can match one node more than once (a walk), so rows need DISTINCT. */
  walks: boolean;
}

/** How to project and read one node of the list. */
export interface NodeProjection<T> {
  projection: (n: Cypher.Node) => Cypher.Expr;
  reader: RowReader<unknown, T>;
}

/** Where a page ends: the sort keys of its last node, and that node's id. */
export interface Keyset {
  keys: (string | number)[];
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([...keyset.keys, keyset.id])).toString('base64url');
}

const cursorSchema = z.array(z.union([z.string(), z.number()])).min(2);

/** Null when the cursor is not one this API produced. */
export function decodeCursor(cursor: string): Keyset | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    const id = parsed.data?.at(-1);
    if (parsed.success && typeof id === 'string') return { keys: parsed.data.slice(0, -1), id };
  } catch {
    // Falls through to null.
  }
  return null;
}

/** Builds a spec; only the filters given a value (not null) become conditions. */
export function listSpec(
  { pattern, sortKeys, sortKeyCount, walks = false }: Omit<ListSpec, 'filters' | 'walks'> & { walks?: boolean },
  filters: [Condition, unknown][],
): ListSpec {
  return { pattern, sortKeys, sortKeyCount, walks, filters: filters.filter(([, value]) => value !== null && value !== undefined) };
}

/** `(k0, k1, …, n.id) > (after0, after1, …, afterId)`, spelled out for Cypher. */
function afterCondition(n: Cypher.Node, sortKeys: Cypher.Expr[], after: Keyset): Cypher.Predicate {
  return sortKeys.reduceRight<Cypher.Predicate>((rest, key, index) => {
    const value = new Cypher.Param(after.keys[index] ?? null);
    return Cypher.or(Cypher.gt(key, value), Cypher.and(Cypher.eq(key, value), rest));
  }, Cypher.gt(n.property('id'), new Cypher.Param(after.id)));
}

/** The list's match of `n`, with its filters and any further conditions. */
function listMatch(spec: ListSpec, n: Cypher.Node, more: Cypher.Predicate[] = []): Cypher.Match {
  const conditions = [...spec.filters.map(([condition, value]) => condition(n, new Cypher.Param(value))), ...more];
  const match = new Cypher.Match(spec.pattern(n));
  return conditions.length > 0 ? match.where(Cypher.and(...conditions)) : match;
}

/** The number of nodes of the list. */
export function countQuery(spec: ListSpec): Cypher.Clause {
  const n = new Cypher.Node();
  return listMatch(spec, n).return([Cypher.count(n).distinct(), new Cypher.NamedVariable('total')]);
}

export interface PageRequest {
  first: number;
  after: Keyset | null;
  /** Count the whole list in the same query (the selection asks for `totalCount`). */
  withTotal: boolean;
  /** Facets of each node that the selection will ask for. */
  facets: readonly AnyFacet[];
}

/** One page of the list, each node with its sort keys and facets, and the total when asked. */
export function pageQuery<T>(spec: ListSpec, node: NodeProjection<T>, request: PageRequest): Cypher.Clause {
  const n = new Cypher.Node();
  const total = new Cypher.NamedVariable('total');
  const rows = new Cypher.NamedVariable('rows');
  const sortKeys = spec.sortKeys(n);
  const matched = listMatch(spec, n, request.after ? [afterCondition(n, sortKeys, request.after)] : []).with(n);
  const page = (spec.walks ? matched.distinct() : matched)
    .orderBy(...sortKeys, n.property('id'))
    .limit(new Cypher.Param(integer(request.first + 1)))
    .return([
      Cypher.collect(
        new Cypher.Map({ id: n.property('id'), sortKeys: new Cypher.List(sortKeys), node: node.projection(n), ...facetEntries(n, request.facets) }),
      ),
      rows,
    ]);
  return Cypher.utils.concat(
    request.withTotal ? new Cypher.Call(countQuery(spec), []) : new Cypher.With([Cypher.Null, total]),
    new Cypher.Call(page, []),
    new Cypher.Return(total, rows),
  );
}

const pageRow = z.object({ id: z.string(), sortKeys: z.array(z.union([z.string(), z.number()])), node: z.unknown() }).passthrough();
type PageRow = z.infer<typeof pageRow>;

/** A page's rows: each node's id, sort keys and projection, and its facet columns. */
const PAGE_ROWS: RowReader<PageRow[] | null | undefined, PageRow[]> = { schema: z.array(pageRow).nullish(), shape: (rows) => rows ?? [], what: 'page' };

export interface LoadedPage<T> {
  page: PageRecord<T>;
  /** Facet values by node id, for priming the facet loader. */
  facetValues: Map<string, Map<string, unknown>>;
}

/** The page a `pageQuery` returned; its total, when not counted there, is counted when asked for. */
export function readPage<T>(reader: GraphReader, rows: Row[], spec: ListSpec, node: NodeProjection<T>, request: PageRequest): LoadedPage<T> {
  const { first } = request;
  const [row] = rows;
  const fetched = readRow(PAGE_ROWS, row?.rows, reader.checkRows);
  const items = fetched.slice(0, first);
  const total = row?.total;
  const edges = items.map((item) => ({ cursor: encodeCursor({ keys: item.sortKeys, id: item.id }), node: readRow(node.reader, item.node, reader.checkRows) }));
  return {
    page: {
      edges,
      pageInfo: { hasNextPage: fetched.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: typeof total === 'number'
        ? () => Promise.resolve(total)
        : async () => {
            const [counted] = await reader.query(countQuery(spec));
            return parseRow(z.number().int(), counted?.total ?? 0, 'count');
          },
    },
    facetValues: new Map(items.map((item) => [item.id, facetValues(item, request.facets, reader.checkRows)])),
  };
}
