/**
 * Graph views: an entity's neighbourhood and shortest paths, as nodes and edges. Edges are the
 * relations between entities and the claims, each claim one `CLAIM` edge from its speaker to each
 * of its subjects (written with the claim). Edges of an excluded basis are left out everywhere;
 * claims are stated by their article, so their basis is ARTICLE.
 */
import { z } from 'zod';
import { MAX_EDGES_PER_NODE } from '../domain/limits.ts';
import { BASES, CERTAINTIES, CERTAINTY_RANK, CLAIM_KINDS, ENTITY_RELATION_TYPES, GRAPH_EDGE_TYPES, type Basis } from '../domain/vocabulary.ts';
import { basisKept, entityProjection, parseRow, toEntities } from './mapping.ts';
import { integer, type GraphReader } from './reader.ts';
import type { GraphEdgeRecord, PathRecord, SubgraphRecord } from './types.ts';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_LENGTH = 10;

/** Relations and claim edges (speaker to subject, written with each claim), one alternation. */
const EDGE_TYPES = `${ENTITY_RELATION_TYPES}|CLAIM`;

/** An edge kept by `$excludeBasis`. */
const KEPT = (edge: string) => basisKept(edge, '$excludeBasis');

/** An edge as a graph view returns it. */
const edgeProjection = (edge: string) =>
  `{type: type(${edge}), source: startNode(${edge}).id, target: endNode(${edge}).id, certainty: ${edge}.certainty,
    basis: ${edge}.basis, claimId: ${edge}.claimId, claimKind: ${edge}.kind}`;

/**
 * One ring further out: the entities one edge from the last ring not reached before, at most as
 * many as `$limit` still allows.
 */
const NEXT_RING = `
  WITH center, reached, COLLECT {
    UNWIND ring AS node
    MATCH (node)-[edge:${EDGE_TYPES}]-(next:Entity) WHERE ${KEPT('edge')} AND NOT next IN reached
    WITH DISTINCT next
    RETURN next LIMIT $limit
  } AS ring
  WITH center, reached + ring[0..($limit + 1 - size(reached))] AS reached, ring[0..($limit + 1 - size(reached))] AS ring`;

/** Ring by ring, so the nearest entities come first when `$limit` cuts. */
const neighborhoodQuery = (depth: number) => `
  MATCH (center:Entity {id: $id})
  WITH center, [center] AS reached, [center] AS ring
  ${Array.from({ length: depth }, () => NEXT_RING).join('')}
  WITH reached AS nodes, COLLECT {
    UNWIND reached AS node
    MATCH (node)-[edge:${EDGE_TYPES}]->(target:Entity) WHERE target IN reached AND ${KEPT('edge')}
    RETURN ${edgeProjection('edge')} AS edge
  } AS edges
  RETURN [node IN nodes | ${entityProjection('node')}] AS nodes, edges[0..$maxEdges] AS edges, size(edges) AS edgeCount`;

const NEIGHBORHOOD_QUERIES = Array.from({ length: MAX_NEIGHBORHOOD_DEPTH + 1 }, (_, depth) => neighborhoodQuery(depth));

/** The shortest chain of relations and claims, each one edge, none of an excluded basis. */
const pathQuery = (maxLength: number) => `
  MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
  MATCH path = shortestPath((from)-[:${EDGE_TYPES}*..${maxLength}]-(to))
  WHERE all(edge IN relationships(path) WHERE ${KEPT('edge')})
  RETURN [node IN nodes(path) | ${entityProjection('node')}] AS nodes,
         [edge IN relationships(path) | ${edgeProjection('edge')}] AS edges`;

const PATH_QUERIES = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, length) => pathQuery(length));

const edgeSchema = z.object({
  type: z.enum(GRAPH_EDGE_TYPES),
  source: z.string(),
  target: z.string(),
  certainty: z.enum(CERTAINTIES),
  basis: z.enum(BASES),
  claimId: z.string().nullable(),
  claimKind: z.enum(CLAIM_KINDS).nullable(),
});

const strength = (edge: GraphEdgeRecord) => CERTAINTY_RANK.indexOf(edge.certainty);

/**
 * Distinct edges: the same relation stated by two articles is one edge, with its strongest
 * certainty (and the basis that goes with it); each claim is its own edge.
 */
function toEdges(value: unknown): GraphEdgeRecord[] {
  const edges = new Map<string, GraphEdgeRecord>();
  for (const edge of parseRow(z.array(edgeSchema), value ?? [], 'graph edge')) {
    const key = `${edge.source}|${edge.type}|${edge.target}|${edge.claimId ?? ''}`;
    const known = edges.get(key);
    if (!known || strength(edge) < strength(known)) edges.set(key, edge);
  }
  return [...edges.values()];
}

/** Null when the centre does not exist. Edges are cut at MAX_EDGES_PER_NODE per node returned. */
export async function neighborhood(
  reader: GraphReader,
  id: string,
  depth: number,
  limit: number,
  excludeBasis: readonly Basis[],
): Promise<SubgraphRecord | null> {
  const maxEdges = MAX_EDGES_PER_NODE * (limit + 1);
  const [row] = await reader.rows(NEIGHBORHOOD_QUERIES[depth]!, {
    id,
    limit: integer(limit),
    maxEdges: integer(maxEdges),
    excludeBasis,
  });
  if (!row) return null;
  const nodes = toEntities(row.nodes);
  const distinct = toEdges(row.edges);
  const edges = distinct.slice(0, MAX_EDGES_PER_NODE * nodes.length);
  return { nodes, edges, edgesTruncated: Number(row.edgeCount) > maxEdges || distinct.length > edges.length };
}

export async function shortestPath(
  reader: GraphReader,
  from: string,
  to: string,
  maxLength: number,
  excludeBasis: readonly Basis[],
): Promise<PathRecord | null> {
  if (from === to) return null;
  const [row] = await reader.rows(PATH_QUERIES[maxLength]!, { from, to, excludeBasis });
  if (!row) return null;
  const edges = parseRow(z.array(edgeSchema), row.edges, 'path edge');
  return { nodes: toEntities(row.nodes), edges, length: edges.length };
}
