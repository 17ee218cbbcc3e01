/**
 * The fetch plan: every field that needs data is a named facet (a Cypher expression over the node
 * `n`, bounded inside its subquery, plus the parser of its value). All facets asked of the same
 * kind of node in the same tick are merged into one query, one column each; a root query can add
 * the columns its selection will need, so their fields cost no round trip of their own.
 */
import Cypher from '@neo4j/cypher-builder';
import DataLoader from 'dataloader';
import { readRow, type RowReader } from './mapping.ts';
import type { GraphReader, Row } from './reader.ts';

/** The node label a facet is computed on. */
export type Anchor = 'Entity' | 'Article';

export interface Facet<T> {
  /** The facet and its arguments: requests with equal keys share one column and one value. */
  key: string;
  anchor: Anchor;
  /** The facet's Cypher expression over the node `n`; every value in it is a parameter it makes. */
  expression: (n: Cypher.Node) => Cypher.Expr;
  /** Reads the column's value (null when the node does not exist) as the domain value. */
  reader: RowReader<unknown, T>;
}

export type AnyFacet = Facet<unknown>;

/** The column (or map key) of the facet at `index`. */
export const facetColumn = (index: number) => `f${index}`;

/** The facets of `n` as RETURN columns `f0`, `f1`…. */
export const facetColumns = (n: Cypher.Node, facets: readonly AnyFacet[]): [Cypher.Expr, string][] =>
  facets.map((facet, index) => [facet.expression(n), facetColumn(index)]);

/** The facets of `n` as map entries `f0`, `f1`…. */
export const facetEntries = (n: Cypher.Node, facets: readonly AnyFacet[]): Record<string, Cypher.Expr> =>
  Object.fromEntries(facetColumns(n, facets).map(([expression, column]) => [column, expression]));

/** The values of a row's facet columns, by facet key; checked first when `check` is on. */
export function facetValues(row: Row, facets: readonly AnyFacet[], check: boolean): Map<string, unknown> {
  return new Map(facets.map((facet, index) => [facet.key, readRow(facet.reader, row[facetColumn(index)] ?? null, check)]));
}

/**
 * One query computing each facet for the ids that asked for it (a facet is guarded by its ids,
 * so it is computed only where needed).
 */
export function facetQuery(anchor: Anchor, requests: readonly { facet: AnyFacet; ids: string[] }[]): Cypher.Clause {
  const id = new Cypher.Variable();
  const n = new Cypher.Node();
  const ids = [...new Set(requests.flatMap((request) => request.ids))];
  return new Cypher.Unwind([new Cypher.Param(ids), id])
    .match(new Cypher.Pattern(n, { labels: anchor, properties: { id } }))
    .return(
      [id, 'id'],
      ...requests.map(({ facet, ids: askedBy }, index): [Cypher.Expr, string] => [
        new Cypher.Case().when(Cypher.in(id, new Cypher.Param(askedBy))).then(facet.expression(n)),
        facetColumn(index),
      ]),
    );
}

interface FacetRequest {
  id: string;
  facet: AnyFacet;
}

/** Loads facets of nodes of one anchor: one query per tick, whatever the mix of facets and ids. */
export class FacetLoader {
  private readonly loader: DataLoader<FacetRequest, unknown, string>;

  constructor(
    private readonly reader: GraphReader,
    private readonly anchor: Anchor,
  ) {
    this.loader = new DataLoader((requests) => this.fetch(requests), {
      cacheKeyFn: ({ id, facet }) => `${facet.key}\u0000${id}`,
    });
  }

  load<T>(id: string, facet: Facet<T>): Promise<T> {
    return this.loader.load({ id, facet: facet as AnyFacet }) as Promise<T>;
  }

  /** Values a root query already computed: their fields cost no query. */
  prime(id: string, values: Map<string, unknown>, facets: readonly AnyFacet[]): void {
    for (const facet of facets) this.loader.prime({ id, facet }, values.get(facet.key));
  }

  private async fetch(requests: readonly FacetRequest[]): Promise<unknown[]> {
    const facets = new Map<string, { facet: AnyFacet; ids: Set<string> }>();
    for (const { id, facet } of requests) {
      const entry = facets.get(facet.key) ?? { facet, ids: new Set<string>() };
      entry.ids.add(id);
      facets.set(facet.key, entry);
    }
    const plan = [...facets.values()].map(({ facet, ids }) => ({ facet, ids: [...ids] }));
    const rows = await this.reader.query(facetQuery(this.anchor, plan));
    const rowsById = new Map(rows.map((row) => [String(row.id), row]));
    const columnOf = new Map(plan.map((entry, index) => [entry.facet.key, facetColumn(index)]));
    return requests.map(({ id, facet }) => readRow(facet.reader, rowsById.get(id)?.[columnOf.get(facet.key)!] ?? null, this.reader.checkRows));
  }
}
