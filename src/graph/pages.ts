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

/** What a list needs: the pattern binding `n`, fixed filter fragments, and the sort keys. */
export interface ListSpec {
  pattern: string;
  conditions: string[];
  parameters: Row;
  /** Cypher expressions over `n` that order the list, in turn; `n.id` breaks ties. */
  sortKeys: string[];
  /** Whether the pattern can match one node more than once (a walk), so rows need DISTINCT. */
  walks: boolean;
}

/** How to project and parse one node of the list. */
export interface NodeShape<T> {
  /** A Cypher expression over `n`. */
  projection: string;
  parse: (value: unknown) => T;
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

/** `(k0, k1, …, n.id) > ($after0, $after1, …, $afterId)`, spelled out for Cypher. */
function afterCondition(sortKeys: string[]): string {
  return sortKeys.reduceRight(
    (rest, key, index) => `(${key} > $after${index} OR (${key} = $after${index} AND ${rest}))`,
    'n.id > $afterId',
  );
}

/** Builds a spec from fixed condition fragments; only the filters given become conditions. */
export function listSpec(
  { pattern, sortKeys, walks = false }: { pattern: string; sortKeys: string[]; walks?: boolean },
  filters: [string, unknown][],
  patternParameters: Row = {},
): ListSpec {
  const parameters: Row = { ...patternParameters };
  const conditions = filters
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([condition, value], index) => {
      parameters[`p${index}`] = value;
      return condition.replaceAll('$value', `$p${index}`);
    });
  return { pattern, conditions, parameters, sortKeys, walks };
}

const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

const rowSchema = z.object({ id: z.string(), sortKeys: z.array(z.union([z.string(), z.number()])), node: z.unknown() }).passthrough();

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
  const pageConditions = after ? [...spec.conditions, afterCondition(spec.sortKeys)] : spec.conditions;
  const nodes = spec.walks ? 'WITH DISTINCT n' : 'WITH n';
  const count = `MATCH ${spec.pattern} ${where(spec.conditions)} RETURN count(DISTINCT n) AS total`;
  const { expressions, parameters } = facetExpressions(request.facets);
  const afterParameters: Row = { afterId: after?.id ?? null };
  spec.sortKeys.forEach((_, index) => (afterParameters[`after${index}`] = after?.keys[index] ?? null));
  const [row] = await reader.rows(
    `${request.withTotal ? `CALL () { ${count} }` : 'WITH null AS total'}
     CALL () {
       MATCH ${spec.pattern} ${where(pageConditions)}
       ${nodes} ORDER BY ${[...spec.sortKeys, 'n.id'].join(', ')} LIMIT $limit
       RETURN collect({id: n.id, sortKeys: [${spec.sortKeys.join(', ')}], node: ${shape.projection}${asMapEntries(expressions)}}) AS rows
     }
     RETURN total, rows`,
    { ...spec.parameters, ...parameters, ...afterParameters, limit: integer(first + 1) },
  );
  const fetched = parseRow(z.array(rowSchema), row?.rows ?? [], 'page');
  const rows = fetched.slice(0, first);
  const total = row?.total;
  const edges = rows.map((item) => ({ cursor: encodeCursor({ keys: item.sortKeys, id: item.id }), node: shape.parse(item.node) }));
  return {
    page: {
      edges,
      pageInfo: { hasNextPage: fetched.length > first, endCursor: edges.at(-1)?.cursor ?? null },
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
