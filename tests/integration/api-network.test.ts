/**
 * Graph views: `neighborhood` (depth, limit, a closed set of edges) and `path` (shortest,
 * bounded by maxLength, null when there is none), against the annotation's relations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotatedEntity, annotation, dataOf, expectBadInput, ids, sorted, relations } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

interface GraphEdge {
  type: string;
  source: string;
  target: string;
  certainty: string;
  claimId: string | null;
}

/**
 * The steps of the graph views, from the annotation: each relation, and each claim from its speaker
 * to each of its subjects (a claim is two hops, speaker to claim to subject, when finding paths).
 */
const STEPS = [
  ...relations.map((r) => ({ from: r.from, to: r.to, key: `${r.from}|${r.type}|${r.to}|${r.certainty}|`, hops: 1 })),
  ...annotation.claims.flatMap((c) =>
    c.speakerId ? c.aboutIds.map((subject) => ({ from: c.speakerId!, to: subject, key: `${c.speakerId}|CLAIM|${subject}|${c.certainty}|${c.id}`, hops: 2 })) : [],
  ),
];

/** Ids at each distance from `id`, following steps either way (distance 0 is `id`). */
function rings(id: string, depth: number): string[][] {
  const seen = new Set([id]);
  const result = [[id]];
  for (let distance = 1; distance <= depth; distance += 1) {
    const next = new Set<string>();
    for (const from of result[distance - 1]!) {
      for (const step of STEPS) {
        const other = step.from === from ? step.to : step.to === from ? step.from : null;
        if (other !== null && !seen.has(other)) next.add(other);
      }
    }
    for (const other of next) seen.add(other);
    result.push([...next]);
  }
  return result;
}

/** The fewest hops between two entities (a relation one, a claim two; Dijkstra), or null. */
const hopsBetween = (from: string, to: string) => {
  const best = new Map([[from, 0]]);
  const done = new Set<string>();
  for (;;) {
    const open = [...best].filter(([id]) => !done.has(id)).sort((a, b) => a[1] - b[1]);
    if (open.length === 0) return null;
    const [current, hops] = open[0]!;
    if (current === to) return hops;
    done.add(current);
    for (const step of STEPS) {
      const other = step.from === current ? step.to : step.to === current ? step.from : null;
      if (other !== null && hops + step.hops < (best.get(other) ?? Infinity)) best.set(other, hops + step.hops);
    }
  }
};

/** The hops of a returned path: a relation one, a claim two. */
const hopsOf = (edges: GraphEdge[]) => edges.reduce((sum, edge) => sum + (edge.type === 'CLAIM' ? 2 : 1), 0);

/** The annotated relations and claims between entities of a set, as distinct graph edges. */
const edgesAmong = (nodes: string[]) =>
  sorted([...new Set(STEPS.filter((step) => nodes.includes(step.from) && nodes.includes(step.to)).map((step) => step.key))]);
const edgeKeys = (edges: GraphEdge[]) =>
  sorted(edges.map((e) => `${e.source}|${e.type}|${e.target}|${e.certainty}|${e.claimId ?? ''}`));

const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    nodes { __typename id kind name }
    edges { type source target certainty claimId }
  }
}`;

async function neighborhood(id: string, depth?: number, limit?: number) {
  const data = dataOf(await api.graphql(NEIGHBORHOOD, { id, depth, limit }));
  return data.neighborhood as { nodes: { __typename: string; id: string; kind: string; name: string }[]; edges: GraphEdge[] };
}

/** Every node is the centre or reachable from it through the subgraph's own edges. */
function expectConnected(center: string, nodes: string[], edges: GraphEdge[]) {
  const reached = new Set([center]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const edge of edges) {
      if (reached.has(edge.source) !== reached.has(edge.target)) {
        reached.add(edge.source);
        reached.add(edge.target);
        grew = true;
      }
    }
  }
  expect(sorted([...reached])).toEqual(sorted(nodes));
}

describe('neighborhood', () => {
  it.each([
    ['kazakhstan', 1],
    ['kazakhstan', 2],
    ['kazakhstan', 3],
    ['ruslan-balbek', 1],
    ['ruslan-balbek', 3],
    ['csto', 2],
    ['almaty', 1],
  ] as const)('of %s at depth %i has exactly the entities that close and the relations between them', async (id, depth) => {
    const graph = await neighborhood(id, depth);
    const expectedNodes = rings(id, depth).flat();
    expect(graph.nodes[0]!.id).toBe(id);
    expect(sorted(ids(graph.nodes))).toEqual(sorted(expectedNodes));
    expect(new Set(ids(graph.nodes)).size).toBe(graph.nodes.length);
    expect(edgeKeys(graph.edges)).toEqual(edgesAmong(expectedNodes));
    const nodeIds = new Set(ids(graph.nodes));
    for (const edge of graph.edges) {
      expect(nodeIds.has(edge.source), `${edge.source} of ${edge.type}`).toBe(true);
      expect(nodeIds.has(edge.target), `${edge.target} of ${edge.type}`).toBe(true);
    }
    for (const node of graph.nodes) {
      expect(node.kind).toBe(annotatedEntity(node.id).kind);
      expect(node.__typename.toUpperCase()).toBe(node.kind);
    }
    expectConnected(id, ids(graph.nodes), graph.edges);
  });

  it('of Kazakhstan at depth 1: Tokayev, Almaty, its ministries, the CSTO, the events in the country and Balbek', async () => {
    const graph = await neighborhood('kazakhstan');
    expect(sorted(ids(graph.nodes))).toEqual(sorted(rings('kazakhstan', 1).flat()));
    expect(ids(graph.nodes)).toEqual(
      // Balbek through his claims about Kazakhstan; the CSTO through a background membership.
      expect.arrayContaining(['kassym-jomart-tokayev', 'almaty', 'interior-ministry-kazakhstan', 'csto', 'csto-deployment-kazakhstan', 'ruslan-balbek']),
    );
    expect(graph.edges).toContainEqual({ type: 'HOLDS_POSITION', source: 'kassym-jomart-tokayev', target: 'kazakhstan', certainty: 'STATED', claimId: null });
    expect(graph.edges).toContainEqual({ type: 'OCCURRED_IN', source: 'csto-deployment-kazakhstan', target: 'kazakhstan', certainty: 'REPORTED', claimId: null });
    expect(graph.edges).toContainEqual({ type: 'CLAIM', source: 'ruslan-balbek', target: 'kazakhstan', certainty: 'ALLEGED', claimId: 'balbek-isis-organizing-riots' });
  });

  it('grows with depth', async () => {
    const sizes = [];
    for (const depth of [1, 2, 3]) sizes.push((await neighborhood('ruslan-balbek', depth)).nodes.length);
    expect(sizes).toEqual([1, 2, 3].map((depth) => rings('ruslan-balbek', depth).flat().length));
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    expect(sizes[1]).toBeLessThan(sizes[2]!);
  });

  it.each([1, 3, 5, 10])('respects limit %i (entities besides the centre), nearest first, still connected', async (limit) => {
    const graph = await neighborhood('kazakhstan', 2, limit);
    const [, first = [], second = []] = rings('kazakhstan', 2);
    expect(graph.nodes.length).toBe(Math.min(limit, first.length + second.length) + 1);
    expect(graph.nodes[0]!.id).toBe('kazakhstan');
    const others = ids(graph.nodes).slice(1);
    // The nearest entities come first: no second-ring entity while a first-ring one is left out.
    if (limit <= first.length) expect(others.every((other) => first.includes(other))).toBe(true);
    else expect(first.every((other) => others.includes(other))).toBe(true);
    const nodeIds = new Set(ids(graph.nodes));
    for (const edge of graph.edges) expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
    expect(edgeKeys(graph.edges)).toEqual(edgesAmong(ids(graph.nodes)));
    expectConnected('kazakhstan', ids(graph.nodes), graph.edges);
  });

  it('of an entity without relations is the entity alone', async () => {
    const graph = await neighborhood('ria-novosti', 3);
    expect(ids(graph.nodes)).toEqual(['ria-novosti']);
    expect(graph.edges).toEqual([]);
  });

  it('of an unknown id is empty, not an error', async () => {
    expect(await neighborhood('no-such-entity', 2)).toEqual({ nodes: [], edges: [] });
  });

  it('rejects depth and limit out of range', async () => {
    expectBadInput(await api.graphql(NEIGHBORHOOD, { id: 'kazakhstan', depth: 0 }), 'depth');
    expectBadInput(await api.graphql(NEIGHBORHOOD, { id: 'kazakhstan', depth: 4 }), 'depth');
    expectBadInput(await api.graphql(NEIGHBORHOOD, { id: 'kazakhstan', limit: 0 }), 'limit');
    expectBadInput(await api.graphql(NEIGHBORHOOD, { id: 'kazakhstan', limit: 501 }), 'limit');
  });
});

const PATH = `query ($from: ID!, $to: ID!, $maxLength: Int) {
  path(from: $from, to: $to, maxLength: $maxLength) {
    length
    nodes { __typename id kind }
    edges { type source target certainty claimId }
  }
}`;

async function path(from: string, to: string, maxLength?: number) {
  const data = dataOf(await api.graphql(PATH, { from, to, maxLength }));
  return data.path as { length: number; nodes: { id: string; kind: string }[]; edges: GraphEdge[] } | null;
}

/** A path is a chain: each edge is an annotated relation joining consecutive nodes, either way. */
function expectChain(result: NonNullable<Awaited<ReturnType<typeof path>>>, from: string, to: string) {
  expect(result.nodes[0]!.id).toBe(from);
  expect(result.nodes.at(-1)!.id).toBe(to);
  expect(result.edges).toHaveLength(result.length);
  expect(result.nodes).toHaveLength(result.length + 1);
  expect(new Set(ids(result.nodes)).size).toBe(result.nodes.length);
  const annotated = new Set(STEPS.map((step) => step.key));
  result.edges.forEach((edge, index) => {
    const ends = sorted([edge.source, edge.target]);
    expect(ends).toEqual(sorted([result.nodes[index]!.id, result.nodes[index + 1]!.id]));
    const key = `${edge.source}|${edge.type}|${edge.target}|${edge.certainty}|${edge.claimId ?? ''}`;
    expect(annotated.has(key), key).toBe(true);
  });
  for (const node of result.nodes) expect(node.kind).toBe(annotatedEntity(node.id).kind);
}

describe('path', () => {
  it('connects Balbek to Tokayev through his claim about Kazakhstan', async () => {
    const result = await path('ruslan-balbek', 'kassym-jomart-tokayev');
    expect(result).not.toBeNull();
    expectChain(result!, 'ruslan-balbek', 'kassym-jomart-tokayev');
    expect(hopsOf(result!.edges)).toBe(hopsBetween('ruslan-balbek', 'kassym-jomart-tokayev'));
    expect(result!.edges).toEqual([
      { type: 'CLAIM', source: 'ruslan-balbek', target: 'kazakhstan', certainty: 'ALLEGED', claimId: expect.any(String) },
      { type: 'HOLDS_POSITION', source: 'kassym-jomart-tokayev', target: 'kazakhstan', certainty: 'STATED', claimId: null },
    ]);
  });

  it('connects Balbek to Gülen through a claim alone', async () => {
    const result = await path('ruslan-balbek', 'fetullah-gulen');
    expectChain(result!, 'ruslan-balbek', 'fetullah-gulen');
    expect(result!.length).toBe(1);
    const claims = annotation.claims.filter((c) => c.speakerId === 'ruslan-balbek' && c.aboutIds.includes('fetullah-gulen'));
    expect(ids(claims)).toContain(result!.edges[0]!.claimId);
  });

  it.each([
    ['kassym-jomart-tokayev', 'kazakhstan'],
    ['almaty-airport', 'kazakhstan'],
    ['kyrgyzstan', 'belarus'],
    ['fetullah-gulen', 'ankara'],
    ['mass-arrests', 'almaty-police'],
    ['rferl-kazakh-service', 'rferl'],
    ['kazakhstan', 'ruslan-balbek'],
  ])('finds a shortest path from %s to %s', async (from, to) => {
    const result = await path(from, to);
    const expected = hopsBetween(from, to);
    expect(expected).not.toBeNull();
    expect(result).not.toBeNull();
    expectChain(result!, from, to);
    expect(hopsOf(result!.edges)).toBe(expected);
  });

  it('is bounded by maxLength', async () => {
    const shortest = (await path('ruslan-balbek', 'kassym-jomart-tokayev'))!.length;
    expect(shortest).toBe(2);
    expect(await path('ruslan-balbek', 'kassym-jomart-tokayev', shortest - 1)).toBeNull();
    const exact = await path('ruslan-balbek', 'kassym-jomart-tokayev', shortest);
    expect(exact?.length).toBe(shortest);
    const direct = await path('kassym-jomart-tokayev', 'kazakhstan', 1);
    expect(direct).toMatchObject({ length: 1, edges: [{ type: 'HOLDS_POSITION', source: 'kassym-jomart-tokayev', target: 'kazakhstan' }] });
  });

  it('does not link two subjects of one claim to each other', async () => {
    // ISIS and the Gülenists are subjects of the same claims, but no claim goes from one to the other.
    const result = await path('isis', 'gulenists');
    if (result) {
      expectChain(result, 'isis', 'gulenists');
      expect(hopsOf(result.edges)).toBe(hopsBetween('isis', 'gulenists'));
    }
  });

  it('leaves out relations and claims of an excluded basis', async () => {
    // Every seed statement is ARTICLE: excluding it leaves no edge.
    const data = dataOf(await api.graphql(`{
      path(from: "kassym-jomart-tokayev", to: "kazakhstan", excludeBasis: [ARTICLE]) { length }
      neighborhood(id: "ruslan-balbek", excludeBasis: [ARTICLE]) { nodes { id } edges { type } }
      kept: neighborhood(id: "ruslan-balbek", depth: 1, excludeBasis: [INFERRED, BACKGROUND]) { edges { basis } }
    }`));
    expect(data.path).toBeNull();
    expect(data.neighborhood).toEqual({ nodes: [{ id: 'ruslan-balbek' }], edges: [] });
    expect(data.kept.edges.length).toBeGreaterThan(0);
    expect(data.kept.edges.every((edge: { basis: string }) => edge.basis === 'ARTICLE')).toBe(true);
  });

  it('is null between entities that are not connected', async () => {
    expect(hopsBetween('ria-novosti', 'kazakhstan')).toBeNull();
    expect(await path('ria-novosti', 'kazakhstan', 10)).toBeNull();
  });

  it('is null (not an error) for unknown ids', async () => {
    expect(await path('no-such-entity', 'kazakhstan')).toBeNull();
    expect(await path('kazakhstan', 'no-such-entity')).toBeNull();
    expect(await path('no-such-entity', 'nor-this-one')).toBeNull();
  });

  it('rejects maxLength out of range', async () => {
    expectBadInput(await api.graphql(PATH, { from: 'ruslan-balbek', to: 'kazakhstan', maxLength: 0 }), 'maxLength');
    expectBadInput(await api.graphql(PATH, { from: 'ruslan-balbek', to: 'kazakhstan', maxLength: 11 }), 'maxLength');
  });
});
