/**
 * The fetch plan: every field that needs data is a named facet (a Cypher expression over the node
 * `n`, bounded inside its subquery, plus the parser of its value). All facets asked of the same
 * kind of node in the same tick are merged into one query, one column each; a root query can add
 * the columns its selection will need, so their fields cost no round trip of their own.
 */
import DataLoader from 'dataloader';
import type { GraphReader, Row } from './reader.ts';

/** The node label a facet is computed on. */
export type Anchor = 'Entity' | 'Article';

export interface Facet<T> {
  /** The facet and its arguments: requests with equal keys share one column and one value. */
  key: string;
  anchor: Anchor;
  /** A Cypher expression over `n`; its parameters are written `$_name` and given in `parameters`. */
  expression: string;
  parameters: Row;
  /** Turns the column's value (null when the node does not exist) into the domain value. */
  parse: (value: unknown) => T;
}

export type AnyFacet = Facet<unknown>;

/** The facets' expressions, in order, with their parameters renamed apart (`$f0_…`, `$f1_…`). */
export function facetExpressions(facets: readonly AnyFacet[], guardedById = false): { expressions: string[]; parameters: Row } {
  const parameters: Row = {};
  const expressions = facets.map((facet, index) => {
    const prefix = `f${index}_`;
    for (const [name, value] of Object.entries(facet.parameters)) parameters[prefix + name] = value;
    const expression = facet.expression.replaceAll('$_', `$${prefix}`);
    // Guarded, a facet is computed only for the ids that asked for it.
    return guardedById ? `CASE WHEN id IN $${prefix}ids THEN ${expression} END` : expression;
  });
  return { expressions, parameters };
}

/** The facets as extra RETURN columns `f0`, `f1`…, each after a comma. */
export const asColumns = (expressions: string[]) => expressions.map((expression, index) => `, ${expression} AS f${index}`).join('');

/** The facets as extra map entries `f0: …`, each after a comma. */
export const asMapEntries = (expressions: string[]) => expressions.map((expression, index) => `, f${index}: ${expression}`).join('');

/** The parsed values of a row's facet columns, by facet key. */
export function facetValues(row: Row, facets: readonly AnyFacet[]): Map<string, unknown> {
  return new Map(facets.map((facet, index) => [facet.key, facet.parse(row[`f${index}`] ?? null)]));
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
    const plan = [...facets.values()];
    const { expressions, parameters } = facetExpressions(plan.map((entry) => entry.facet), true);
    plan.forEach((entry, index) => (parameters[`f${index}_ids`] = [...entry.ids]));
    const ids = [...new Set(requests.map((request) => request.id))];
    const rows = await this.reader.rows(
      `UNWIND $ids AS id MATCH (n:${this.anchor} {id: id}) RETURN id${asColumns(expressions)}`,
      { ...parameters, ids },
    );
    const rowsById = new Map(rows.map((row) => [String(row.id), row]));
    const columnOf = new Map(plan.map((entry, index) => [entry.facet.key, `f${index}`]));
    return requests.map(({ id, facet }) => facet.parse(rowsById.get(id)?.[columnOf.get(facet.key)!] ?? null));
  }
}
