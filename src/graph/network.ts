/**
 * Graph views: an entity's neighbourhood and shortest paths, as nodes and edges. Edges are the
 * relations between entities and the claims, each claim one `CLAIM` edge from its speaker to each
 * of its subjects (written with the claim). Edges of an excluded basis are left out everywhere;
 * claims are stated by their article, so their basis is ARTICLE.
 */
import { z } from 'zod';
import { MAX_EDGES_PER_NODE } from '../domain/limits.ts';
import Cypher from '@neo4j/cypher-builder';
import { BASES, CERTAINTIES, CERTAINTY_RANK, CLAIM_KINDS, GRAPH_EDGE_TYPES, RELATION_TYPES, type Basis } from '../domain/vocabulary.ts';
import { ENTITIES, readRow, type RowReader } from './mapping.ts';
import { basisKept, entityProjection, typeAlternation, type Shape } from './projections.ts';
import { integer, type Row } from './reader.ts';
import type { GraphEdgeRecord, PathRecord, SubgraphRecord } from './types.ts';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_LENGTH = 10;

/** Relations and claim edges (speaker to subject, written with each claim). */
const EDGE_TYPES = [...RELATION_TYPES, 'CLAIM'];

/** An edge from `source` to `target` as a graph view returns it. */
const edgeProjection = (edge: Cypher.Relationship, source: Cypher.Node, target: Cypher.Node) =>
  new Cypher.Map({
    type: Cypher.type(edge),
    source: source.property('id'),
    target: target.property('id'),
    certainty: edge.property('certainty'),
    basis: edge.property('basis'),
    claimId: edge.property('claimId'),
    claimKind: edge.property('kind'),
  });

/**
 * Ring by ring, so the nearest entities come first when `limit` cuts: each ring is the entities
 * one edge from the last ring not reached before, kept while fewer than `limit` + 1 are reached.
 * Edges are fetched up to one past `maxEdges`, to tell whether there were more.
 */
export function neighborhoodQuery(id: string, depth: number, limit: number, maxEdges: number, excludeBasis: readonly Basis[], shape: Shape): Cypher.Clause {
  const excluded = new Cypher.Param(excludeBasis);
  const limitParam = new Cypher.Param(integer(limit));
  const center = new Cypher.Node();
  let reached = new Cypher.Variable();
  let ring = new Cypher.Variable();
  let walk = new Cypher.Match(new Cypher.Pattern(center, { labels: 'Entity', properties: { id: new Cypher.Param(id) } })).with(
    center,
    [new Cypher.List([center]), reached],
    [new Cypher.List([center]), ring],
  );
  for (let step = 0; step < depth; step += 1) {
    const [node, next, found, grown, accumulated, item, kept] = [
      new Cypher.Variable(), new Cypher.Node(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(),
    ];
    const edge = new Cypher.Relationship();
    const nextRing = new Cypher.Collect(
      new Cypher.Unwind([ring, node])
        .match(new Cypher.Pattern(node).related(edge, { type: typeAlternation(EDGE_TYPES), direction: 'undirected' }).to(next, { labels: 'Entity' }))
        .where(Cypher.and(basisKept(edge, excluded), Cypher.not(Cypher.in(next, reached))))
        .with(next)
        .distinct()
        .return(next)
        .limit(limitParam),
    );
    const capped = Cypher.reduce(
      accumulated,
      reached,
      item,
      found,
      new Cypher.Case().when(Cypher.lte(Cypher.size(accumulated), limitParam)).then(Cypher.plus(accumulated, item)).else(accumulated),
    );
    walk = walk
      .with(center, reached, [nextRing, found])
      .with(center, found, [capped, grown])
      .with(center, [grown, kept], [new Cypher.ListComprehension(item).in(found).where(Cypher.in(item, grown)), ring]);
    reached = kept;
  }
  const node = new Cypher.Node();
  const edge = new Cypher.Relationship();
  const source = new Cypher.Node();
  const target = new Cypher.Node();
  const edges = new Cypher.Collect(
    new Cypher.Unwind([reached, source])
      .match(new Cypher.Pattern(source).related(edge, { type: typeAlternation(EDGE_TYPES) }).to(target, { labels: 'Entity' }))
      .where(Cypher.and(Cypher.in(target, reached), basisKept(edge, excluded)))
      .return(edgeProjection(edge, source, target))
      .limit(new Cypher.Param(integer(maxEdges + 1))),
  );
  return walk.return(
    [new Cypher.ListComprehension(node).in(reached).map(entityProjection(node, shape)), 'nodes'],
    [edges, 'edges'],
  );
}

/**
 * The shortest chain of relations and claims, each one edge, none of an excluded basis (a
 * condition on each hop, so the search itself skips them).
 */
export function pathQuery(from: string, to: string, maxLength: number, excludeBasis: readonly Basis[], shape: Shape): Cypher.Clause {
  const start = new Cypher.Node();
  const end = new Cypher.Node();
  const [hopStart, hopEnd, node, source, target] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  const hops = new Cypher.Relationship();
  const edge = new Cypher.Relationship();
  const related = new Cypher.Pattern(hopStart).related(hops, { type: typeAlternation(EDGE_TYPES), direction: 'undirected' });
  // With nothing excluded, no condition on the hops: the search is the plain shortest path.
  const hop = (excludeBasis.length === 0 ? related : related.where(basisKept(hops, new Cypher.Param(excludeBasis)))).to(hopEnd).quantifier({ min: 1, max: maxLength });
  return new Cypher.Match(
    new Cypher.Pattern(start, { labels: 'Entity', properties: { id: new Cypher.Param(from) } }),
    new Cypher.Pattern(end, { labels: 'Entity', properties: { id: new Cypher.Param(to) } }),
  )
    .match(new Cypher.QuantifiedPath(new Cypher.Pattern(start), hop, new Cypher.Pattern(end)))
    .shortest(1)
    .return(
      // `hops` and `hopEnd` are the path's relationships and the nodes after its start, in order.
      [new Cypher.ListComprehension(node).in(Cypher.plus(new Cypher.List([start]), hopEnd)).map(entityProjection(node, shape)), 'nodes'],
      [
        new Cypher.Collect(
          new Cypher.Unwind([hops, edge]).match(new Cypher.Pattern(source).related(edge).to(target)).return(edgeProjection(edge, source, target)),
        ),
        'edges',
      ],
    );
}

const edgeRow = z.object({
  type: z.enum(GRAPH_EDGE_TYPES),
  source: z.string(),
  target: z.string(),
  certainty: z.enum(CERTAINTIES),
  basis: z.enum(BASES),
  claimId: z.string().nullable(),
  claimKind: z.enum(CLAIM_KINDS).nullable(),
});

/** Edges as the queries project them, already in their record's shape. */
const EDGES: RowReader<GraphEdgeRecord[] | null | undefined, GraphEdgeRecord[]> = { schema: z.array(edgeRow).nullish(), shape: (edges) => edges ?? [], what: 'graph edge' };

const strength = (edge: GraphEdgeRecord) => CERTAINTY_RANK.indexOf(edge.certainty);

/**
 * Distinct edges: the same relation stated by two articles is one edge, with its strongest
 * certainty (and the basis that goes with it); each claim is its own edge.
 */
function distinctEdges(all: GraphEdgeRecord[]): GraphEdgeRecord[] {
  const edges = new Map<string, GraphEdgeRecord>();
  for (const edge of all) {
    const key = `${edge.source}|${edge.type}|${edge.target}|${edge.claimId ?? ''}`;
    const known = edges.get(key);
    if (!known || strength(edge) < strength(known)) edges.set(key, edge);
  }
  return [...edges.values()];
}

/** The most edges a neighbourhood of at most `limit` + 1 nodes returns. */
export const maxEdgesOf = (limit: number) => MAX_EDGES_PER_NODE * (limit + 1);

/** The neighbourhood a `neighborhoodQuery` returned; null when the centre does not exist. Edges are cut at MAX_EDGES_PER_NODE per node. */
export function readNeighborhood(rows: Row[], maxEdges: number, check: boolean): SubgraphRecord | null {
  const [row] = rows;
  if (!row) return null;
  const nodes = readRow(ENTITIES, row.nodes, check);
  const fetched = readRow(EDGES, row.edges, check);
  const distinct = distinctEdges(fetched.slice(0, maxEdges));
  const edges = distinct.slice(0, MAX_EDGES_PER_NODE * nodes.length);
  return { nodes, edges, edgesTruncated: fetched.length > maxEdges || distinct.length > edges.length };
}

/** The path a `pathQuery` returned, or null when there is none. */
export function readPath(rows: Row[], check: boolean): PathRecord | null {
  const [row] = rows;
  if (!row) return null;
  const edges = readRow(EDGES, row.edges, check);
  return { nodes: readRow(ENTITIES, row.nodes, check), edges, length: edges.length };
}
