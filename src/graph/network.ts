/** Graph views: an entity's neighbourhood and shortest paths, as nodes and edges. */
import { z } from 'zod';
import { MAX_EDGES_PER_NODE } from '../domain/limits.ts';
import { CERTAINTIES, CERTAINTY_RANK, ENTITY_RELATION_TYPES, RELATION_TYPES } from '../domain/vocabulary.ts';
import { entityProjection, parseRow, toEntities } from './mapping.ts';
import { integer, type GraphReader } from './reader.ts';
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
         [edge IN edges WHERE edge.type IS NOT NULL][0..$maxEdges] AS edges,
         size([edge IN edges WHERE edge.type IS NOT NULL]) AS edgeCount`;

const NEIGHBORHOOD_QUERIES = Array.from({ length: MAX_NEIGHBORHOOD_DEPTH + 1 }, (_, depth) => neighborhoodQuery(depth));

const pathQuery = (maxLength: number) => `
  MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
  MATCH path = shortestPath((from)-[:${ENTITY_RELATION_TYPES}*..${maxLength}]-(to))
  RETURN [node IN nodes(path) | ${entityProjection('node')}] AS nodes,
         [relation IN relationships(path) |
           {type: type(relation), source: startNode(relation).id, target: endNode(relation).id,
            certainty: relation.certainty}] AS edges`;

const PATH_QUERIES = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, length) => pathQuery(length));

const edgeSchema = z.object({
  type: z.enum(RELATION_TYPES),
  source: z.string(),
  target: z.string(),
  certainty: z.enum(CERTAINTIES),
});

const strength = (edge: GraphEdgeRecord) => CERTAINTY_RANK.indexOf(edge.certainty);

/** Distinct edges: the same relation stated by two articles is one edge, with its strongest certainty. */
function toEdges(value: unknown): GraphEdgeRecord[] {
  const edges = new Map<string, GraphEdgeRecord>();
  for (const edge of parseRow(z.array(edgeSchema), value ?? [], 'graph edge')) {
    const key = `${edge.source}|${edge.type}|${edge.target}`;
    const known = edges.get(key);
    if (!known || strength(edge) < strength(known)) edges.set(key, edge);
  }
  return [...edges.values()];
}

/** Null when the centre does not exist. Edges are cut at MAX_EDGES_PER_NODE per node returned. */
export async function neighborhood(reader: GraphReader, id: string, depth: number, limit: number): Promise<SubgraphRecord | null> {
  const maxEdges = MAX_EDGES_PER_NODE * (limit + 1);
  const [row] = await reader.rows(NEIGHBORHOOD_QUERIES[depth]!, { id, limit: integer(limit), maxEdges: integer(maxEdges) });
  if (!row) return null;
  const nodes = toEntities(row.nodes);
  const distinct = toEdges(row.edges);
  const edges = distinct.slice(0, MAX_EDGES_PER_NODE * nodes.length);
  return { nodes, edges, edgesTruncated: Number(row.edgeCount) > maxEdges || distinct.length > edges.length };
}

export async function shortestPath(reader: GraphReader, from: string, to: string, maxLength: number): Promise<PathRecord | null> {
  if (from === to) return null;
  const [row] = await reader.rows(PATH_QUERIES[maxLength]!, { from, to });
  if (!row) return null;
  const edges = parseRow(z.array(edgeSchema), row.edges, 'path edge');
  return { nodes: toEntities(row.nodes), edges, length: edges.length };
}
