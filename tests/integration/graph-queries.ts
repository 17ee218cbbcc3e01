/** Direct reads of the test graph, for tests that check what the loader wrote. Not a test file itself. */
import type { Database } from '../../src/db/database.ts';

export async function readRows<T = Record<string, unknown>>(database: Database, cypher: string, parameters = {}): Promise<T[]> {
  const result = await database.driver.executeQuery(cypher, parameters, { database: database.name });
  return result.records.map((record) => record.toObject() as T);
}

/** How many nodes and relationships the whole graph has. */
export async function countGraph(database: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await readRows<{ nodes: number; relationships: number }>(
    database,
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row!;
}

/** A property map as a string that does not depend on key order. */
const canonical = (properties: Record<string, unknown>) => JSON.stringify(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Everything the graph holds but its data version (GraphMeta): nodes by labels and properties,
 * relationships by type, end ids and properties, each sorted, so two graphs built in different
 * ways compare equal exactly when they hold the same data.
 */
export async function graphContents(database: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await readRows<{ labels: string[]; properties: Record<string, unknown> }>(
    database,
    'MATCH (n) WHERE NOT n:GraphMeta RETURN labels(n) AS labels, properties(n) AS properties',
  );
  const relationships = await readRows<{ type: string; from: string; to: string; properties: Record<string, unknown> }>(
    database,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties',
  );
  return {
    nodes: nodes.map(({ labels, properties }) => `${[...labels].sort().join(':')} ${canonical(properties)}`).sort(),
    relationships: relationships.map(({ type, from, to, properties }) => `${from} -${type}-> ${to} ${canonical(properties)}`).sort(),
  };
}
