/**
 * Graph views: an entity's neighbourhood and shortest paths, as nodes and edges. Edges are the
 * relations between entities and the claims, each claim one edge from its speaker to each of its
 * subjects (Claim -SAID_BY-> speaker, Claim -ABOUT-> subject). Relations of an excluded basis are
 * left out everywhere; claims are stated by their article, so their basis is ARTICLE.
 */
import { z } from 'zod';
import { MAX_EDGES_PER_NODE } from '../domain/limits.ts';
import { BASES, CERTAINTIES, CERTAINTY_RANK, CLAIM_KINDS, ENTITY_RELATION_TYPES, GRAPH_EDGE_TYPES, type Basis } from '../domain/vocabulary.ts';
import { entityProjection, parseRow, toEntities } from './mapping.ts';
import { integer, type GraphReader } from './reader.ts';
import type { GraphEdgeRecord, PathRecord, SubgraphRecord } from './types.ts';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_LENGTH = 10;

/** A relation kept by `$excludeBasis` (relations written before bases existed are ARTICLE). */
const KEPT = (relation: string) => `NOT coalesce(${relation}.basis, 'ARTICLE') IN $excludeBasis`;
/** Claims are ARTICLE statements: kept unless ARTICLE is excluded. */
const CLAIMS_KEPT = `NOT 'ARTICLE' IN $excludeBasis`;

/**
 * One ring further out: the entities one step from the last ring (through a relation, or between a
 * claim's speaker and its subjects) not reached before, at most as many as `$limit` still allows.
 */
const NEXT_RING = `
  WITH center, reached, COLLECT {
    UNWIND ring AS node
    CALL (node) {
      MATCH (node)-[relation:${ENTITY_RELATION_TYPES}]-(next:Entity) WHERE ${KEPT('relation')} RETURN next
      UNION
      MATCH (node)<-[:SAID_BY]-(:Claim)-[:ABOUT]->(next:Entity) WHERE ${CLAIMS_KEPT} RETURN next
      UNION
      MATCH (node)<-[:ABOUT]-(:Claim)-[:SAID_BY]->(next:Entity) WHERE ${CLAIMS_KEPT} RETURN next
    }
    WITH DISTINCT next WHERE NOT next IN reached
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
    MATCH (node)-[relation:${ENTITY_RELATION_TYPES}]->(target:Entity) WHERE target IN reached AND ${KEPT('relation')}
    RETURN {type: type(relation), source: node.id, target: target.id, certainty: relation.certainty,
            basis: coalesce(relation.basis, 'ARTICLE'), claimId: null, claimKind: null} AS edge
    UNION
    UNWIND reached AS node
    MATCH (node)<-[:SAID_BY]-(claim:Claim)-[:ABOUT]->(subject:Entity) WHERE subject IN reached AND ${CLAIMS_KEPT}
    RETURN {type: 'CLAIM', source: node.id, target: subject.id, certainty: claim.certainty,
            basis: 'ARTICLE', claimId: claim.id, claimKind: claim.kind} AS edge
  } AS edges
  RETURN [node IN nodes | ${entityProjection('node')}] AS nodes, edges[0..$maxEdges] AS edges, size(edges) AS edgeCount`;

const NEIGHBORHOOD_QUERIES = Array.from({ length: MAX_NEIGHBORHOOD_DEPTH + 1 }, (_, depth) => neighborhoodQuery(depth));

/**
 * The shortest chain through relations and claims: a claim is two hops (speaker <-SAID_BY- claim
 * -ABOUT-> subject), and two subjects of one claim are not linked by it (no ABOUT, ABOUT through a
 * claim). Each hop is a relationship, so `maxHops` is twice `maxLength`; the WHERE keeps chains of
 * at most `$maxLength` edges.
 */
const pathQuery = (maxHops: number) => `
  MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
  MATCH path = SHORTEST 1 ((from) (()-[hop:${ENTITY_RELATION_TYPES}|SAID_BY|ABOUT]-(stop) WHERE ${KEPT('hop')}){1,${maxHops}} (to)
    WHERE none(index IN range(0, size(stop) - 2)
               WHERE stop[index]:Claim AND type(hop[index]) = 'ABOUT' AND type(hop[index + 1]) = 'ABOUT')
      AND size(hop) - size([node IN stop WHERE node:Claim]) <= $maxLength)
  WITH nodes(path) AS stops, relationships(path) AS hops
  RETURN [node IN stops WHERE NOT node:Claim | ${entityProjection('node')}] AS nodes,
         [index IN range(0, size(hops) - 1) WHERE NOT stops[index + 1]:Claim |
           CASE WHEN stops[index]:Claim
             THEN {type: 'CLAIM',
                   source: endNode([link IN hops[(index - 1)..(index + 1)] WHERE type(link) = 'SAID_BY'][0]).id,
                   target: endNode([link IN hops[(index - 1)..(index + 1)] WHERE type(link) = 'ABOUT'][0]).id,
                   certainty: stops[index].certainty, basis: 'ARTICLE', claimId: stops[index].id, claimKind: stops[index].kind}
             ELSE {type: type(hops[index]), source: startNode(hops[index]).id, target: endNode(hops[index]).id,
                   certainty: hops[index].certainty, basis: coalesce(hops[index].basis, 'ARTICLE'), claimId: null, claimKind: null}
           END] AS edges`;

const PATH_QUERIES = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, length) => pathQuery(2 * length));

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
  const [row] = await reader.rows(PATH_QUERIES[maxLength]!, { from, to, maxLength: integer(maxLength), excludeBasis });
  if (!row) return null;
  const edges = parseRow(z.array(edgeSchema), row.edges, 'path edge');
  return { nodes: toEntities(row.nodes), edges, length: edges.length };
}
