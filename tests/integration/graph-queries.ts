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

/**
 * Every node and relationship with its labels or type and properties (the graph's version
 * marker aside), sorted: two graphs that say the same thing give equal dumps.
 */
export async function dumpGraph(database: Database): Promise<string[]> {
  const nodes = await readRows<{ labels: string[]; properties: Record<string, unknown> }>(
    database,
    'MATCH (n) WHERE NOT n:GraphMeta RETURN labels(n) AS labels, properties(n) AS properties',
  );
  const relationships = await readRows<{ type: string; from: string; to: string; properties: Record<string, unknown> }>(
    database,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties',
  );
  return [
    ...nodes.map(({ labels, properties }) => `node ${[...labels].sort().join(':')} ${stableJson(properties)}`),
    ...relationships.map(({ type, from, to, properties }) => `edge ${from} ${type} ${to} ${stableJson(properties)}`),
  ].sort();
}

const stableJson = (value: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
