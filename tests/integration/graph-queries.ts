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
