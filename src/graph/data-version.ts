/**
 * The graph's data version: one `:GraphMeta {id: 'graph'}` node whose `dataVersion` changes in the
 * transaction of every write that changes the graph, so readers (the response cache, dashboards
 * polling `stats.dataVersion`) know when what they hold is stale. The loader's writer
 * (`src/seed/writer.ts`) changes it; this module reads it.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphReader } from './reader.ts';

/** The version of a graph no versioned write has touched: empty, or emptied outside the loader. */
export const INITIAL_DATA_VERSION = 'initial';

/** The column `dataVersion` (null before the first write). */
export function dataVersionQuery(): Cypher.Clause {
  const meta = new Cypher.Node();
  return new Cypher.OptionalMatch(new Cypher.Pattern(meta, { labels: 'GraphMeta', properties: { id: new Cypher.Literal('graph') } })).return([
    meta.property('dataVersion'),
    new Cypher.NamedVariable('dataVersion'),
  ]);
}

/** The version a `dataVersion` column holds. */
export const dataVersionOf = (value: unknown): string => (typeof value === 'string' ? value : INITIAL_DATA_VERSION);

/** Reads the current version in its own short transaction. */
export async function readDataVersion(reader: GraphReader): Promise<string> {
  try {
    const [row] = await reader.query(dataVersionQuery());
    return dataVersionOf(row?.dataVersion);
  } finally {
    await reader.close();
  }
}
