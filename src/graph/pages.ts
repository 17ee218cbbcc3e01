/**
 * Keyset pages over any list of nodes: the list's pattern binds `n`, its sort key orders it, and
 * a cursor is the last sort key and id. The total and the facets a selection needs come back in
 * the same query.
 */
import { asMapEntries, facetExpressions, facetValues, type AnyFacet } from './fetch-plan.ts';
import { parseRow } from './mapping.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { PageRecord } from './types.ts';
import { z } from 'zod';

/** What a list needs: the pattern binding `n`, fixed filter fragments, and the sort key. */
export interface ListSpec {
  pattern: string;
  conditions: string[];
  parameters: Row;
  /** A Cypher string expression over `n` that orders the list; `n.id` breaks ties. */
  sortKey: string;
}

/** How to project and parse one node of the list. */
export interface NodeShape<T> {
  /** A Cypher expression over `n`. */
  projection: string;
  parse: (value: unknown) => T;
}

export interface Keyset {
  key: string;
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.key, keyset.id])).toString('base64url');
}

/** Null when the cursor is not one this API produced. */
export function decodeCursor(cursor: string): Keyset | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { key: value[0] as string, id: value[1] as string };
    }
  } catch {
    // Falls through to null.
  }
  return null;
}

/** Builds a spec from fixed condition fragments; only the filters given become conditions. */
export function listSpec(pattern: string, sortKey: string, filters: [string, unknown][], patternParameters: Row = {}): ListSpec {
  const parameters: Row = { ...patternParameters };
  const conditions = filters
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([condition, value], index) => {
      parameters[`p${index}`] = value;
      return condition.replaceAll('$value', `$p${index}`);
    });
  return { pattern, conditions, parameters, sortKey };
}

const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

const rowSchema = z.object({ id: z.string(), sortKey: z.string(), node: z.unknown() }).passthrough();

export interface PageRequest {
  first: number;
  after: Keyset | null;
  /** Count the whole list in the same query (the selection asks for `totalCount`). */
  withTotal: boolean;
  /** Facets of each node that the selection will ask for. */
  facets: readonly AnyFacet[];
}

export interface LoadedPage<T> {
  page: PageRecord<T>;
  /** Facet values by node id, for priming the facet loader. */
  facetValues: Map<string, Map<string, unknown>>;
}

export async function pageOf<T>(reader: GraphReader, spec: ListSpec, shape: NodeShape<T>, request: PageRequest): Promise<LoadedPage<T>> {
  const { first, after } = request;
  const pageConditions = after
    ? [...spec.conditions, `(${spec.sortKey} > $afterKey OR (${spec.sortKey} = $afterKey AND n.id > $afterId))`]
    : spec.conditions;
  const count = `MATCH ${spec.pattern} ${where(spec.conditions)} RETURN count(DISTINCT n) AS total`;
  const { expressions, parameters } = facetExpressions(request.facets);
  const [row] = await reader.rows(
    `${request.withTotal ? `CALL () { ${count} }` : 'WITH null AS total'}
     CALL () {
       MATCH ${spec.pattern} ${where(pageConditions)}
       WITH DISTINCT n
       WITH n, ${spec.sortKey} AS sortKey ORDER BY sortKey, n.id LIMIT $limit
       RETURN collect({id: n.id, sortKey: sortKey, node: ${shape.projection}${asMapEntries(expressions)}}) AS rows
     }
     RETURN total, rows`,
    {
      ...spec.parameters,
      ...parameters,
      afterKey: after?.key ?? null,
      afterId: after?.id ?? null,
      limit: integer(first + 1),
    },
  );
  const rows = parseRow(z.array(rowSchema), row?.rows ?? [], 'page').slice(0, first);
  const total = row?.total;
  const edges = rows.map((item) => ({ cursor: encodeCursor({ key: item.sortKey, id: item.id }), node: shape.parse(item.node) }));
  return {
    page: {
      edges,
      pageInfo: { hasNextPage: (row?.rows as unknown[] | undefined ?? []).length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: typeof total === 'number'
        ? () => Promise.resolve(total)
        : async () => {
            const [counted] = await reader.rows(count, spec.parameters);
            return parseRow(z.number().int(), counted?.total ?? 0, 'count');
          },
    },
    facetValues: new Map(rows.map((item) => [item.id, facetValues(item, request.facets)])),
  };
}
