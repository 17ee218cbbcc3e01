/** Graph views: an entity's neighbourhood and shortest paths, as nodes and edges. */
import { ENTITY_RELATION_TYPES } from '../domain/vocabulary.ts';
import { entityProjection, toEntity } from './mapping.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { GraphEdgeRecord, PathRecord, SubgraphRecord } from './types.ts';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_LENGTH = 10;

/** Variable-length bounds cannot be parameters, so each allowed depth has its own fixed query. */
const neighborhoodQuery = (depth: number) => `
  MATCH (center:Entity {id: $id})
  OPTIONAL MATCH (center)-[:${ENTITY_RELATION_TYPES}*1..${depth}]-(other:Entity)
  WITH center, other WHERE other IS NULL OR other <> center
  WITH DISTINCT center, other LIMIT $limit
  WITH center, [center] + collect(other) AS nodes
  UNWIND nodes AS node
  OPTIONAL MATCH (node)-[relation:${ENTITY_RELATION_TYPES}]->(target:Entity) WHERE target IN nodes
  WITH nodes, collect(DISTINCT {type: type(relation), source: node.id, target: target.id, certainty: relation.certainty}) AS edges
  RETURN [node IN nodes | ${entityProjection('node')}] AS nodes,
         [edge IN edges WHERE edge.type IS NOT NULL] AS edges`;

const NEIGHBORHOOD_QUERIES = Array.from({ length: MAX_NEIGHBORHOOD_DEPTH + 1 }, (_, depth) => neighborhoodQuery(depth));

const pathQuery = (maxLength: number) => `
  MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
  MATCH path = shortestPath((from)-[:${ENTITY_RELATION_TYPES}*..${maxLength}]-(to))
  RETURN [node IN nodes(path) | ${entityProjection('node')}] AS nodes,
         [relation IN relationships(path) |
           {type: type(relation), source: startNode(relation).id, target: endNode(relation).id,
            certainty: relation.certainty}] AS edges`;

const PATH_QUERIES = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, length) => pathQuery(length));

/** Distinct edges: the same relation stated by two articles is one edge in a graph view. */
function toEdges(rows: Row[]): GraphEdgeRecord[] {
  const edges = new Map<string, GraphEdgeRecord>();
  for (const row of rows) {
    const edge = row as unknown as GraphEdgeRecord;
    edges.set(`${edge.source}|${edge.type}|${edge.target}`, edge);
  }
  return [...edges.values()];
}

/** Null when the centre does not exist. */
export async function neighborhood(
  reader: GraphReader,
  id: string,
  depth: number,
  limit: number,
): Promise<SubgraphRecord | null> {
  const [row] = await reader.rows(NEIGHBORHOOD_QUERIES[depth]!, { id, limit: integer(limit) });
  if (!row) return null;
  return { nodes: (row.nodes as Row[]).map(toEntity), edges: toEdges(row.edges as Row[]) };
}

export async function shortestPath(reader: GraphReader, from: string, to: string, maxLength: number): Promise<PathRecord | null> {
  if (from === to) return null;
  const [row] = await reader.rows(PATH_QUERIES[maxLength]!, { from, to });
  if (!row) return null;
  const edges = row.edges as GraphEdgeRecord[];
  return { nodes: (row.nodes as Row[]).map(toEntity), edges, length: edges.length };
}
