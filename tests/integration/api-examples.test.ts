/**
 * The dashboard operations in `examples/` and the Sandbox showcase: each runs over HTTP with its
 * default variables, under the server's real limits, and gives the answers a dashboard would show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE_OPERATION } from '../../src/api/showcase.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotation, articleText, dataOf, ids, sorted, relations } from './api-fixture.ts';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const example = (name: string) => readFileSync(`${EXAMPLES_DIR}${name}.graphql`, 'utf8');

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

/** Runs an example as a dashboard would: its text, its default variables (or a few of its own). */
const run = async (name: string, variables?: Record<string, unknown>) => dataOf(await api.graphql(example(name), variables));

/** The nodes of one page of a connection. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

/**
 * Runs a paged example a few items at a time, following `endCursor` as a dashboard's "more"
 * button would; each page holds `first` items until the last, and the total never changes.
 */
async function walkExample(name: string, field: string, first: number, variables: Record<string, unknown> = {}) {
  const pages: any[] = [];
  let after: string | null = null;
  for (;;) {
    const current: any = (await run(name, { ...variables, first, after }))[field];
    pages.push(current);
    // These examples select no edge cursors: a page has an end cursor exactly when it has edges.
    expect(current.pageInfo.endCursor === null).toBe(current.edges.length === 0);
    expect(current.totalCount).toBe(pages[0].totalCount);
    if (!current.pageInfo.hasNextPage) break;
    expect(current.edges).toHaveLength(first);
    after = current.pageInfo.endCursor;
    expect(pages.length).toBeLessThan(50);
  }
  expect(pages.at(-1).edges.length).toBeLessThanOrEqual(first);
  return pages.flatMap(nodes);
}

/** Checks that a paged example's default run holds the whole list on one page, and that walking it gives the same list. */
async function expectOnePageAndWalk(name: string, field: string, expectedCount: number) {
  const whole = (await run(name))[field];
  expect(whole.totalCount).toBe(expectedCount);
  expect(whole.edges).toHaveLength(expectedCount);
  expect(whole.pageInfo.hasNextPage).toBe(false);
  const walked = await walkExample(name, field, 2);
  expect(ids(walked)).toEqual(ids(nodes(whole)));
  expect(new Set(ids(walked)).size).toBe(expectedCount);
  return nodes(whole);
}

const CHECKED = [
  'article-evidence',
  'article-list',
  'article-text',
  'casualty-figures',
  'claims-by-speaker',
  'claims-network',
  'deployment-totals',
  'events-by-country',
  'events-per-day',
  'figure-summary',
  'figures-by-source',
  'place-events',
  'entity-card',
  'event-list',
  'neighborhood-graph',
  'path',
  'search-box',
  'timeline',
  'troop-deployments',
];

describe('examples', () => {
  it('are all checked here', () => {
    const files = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.graphql')).map((name) => name.replace(/\.graphql$/, ''));
    expect(sorted(files)).toEqual(sorted(CHECKED));
  });

  it('article-evidence: the text, and every figure, claim and deployment with spans that index into it', async () => {
    const { article } = await run('article-evidence');
    expect(article).toMatchObject({ id: annotation.article.id, text: articleText });
    expect(sorted(ids(article.figures))).toEqual(sorted(ids(annotation.figures)));
    expect(sorted(ids(article.claims))).toEqual(sorted(ids(annotation.claims)));
    expect(sorted(ids(article.deployments))).toEqual(sorted(ids(annotation.deployments)));
    for (const fact of [...article.figures, ...article.claims, ...article.deployments]) {
      expect(fact.evidence.length, fact.id).toBeGreaterThan(0);
      for (const span of fact.evidence) expect(articleText.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('article-list: every article, for a picker, walked a page at a time', async () => {
    const articles = await expectOnePageAndWalk('article-list', 'articles', 1);
    expect(articles).toEqual([{ id: annotation.article.id, title: annotation.article.title, source: annotation.article.source ?? null, publishedAt: annotation.article.publishedAt ?? null }]);
  });

  it('article-text: the text every span of the article indexes into', async () => {
    const { article } = await run('article-text');
    expect(article).toEqual({ id: annotation.article.id, title: annotation.article.title, source: annotation.article.source ?? null, publishedAt: annotation.article.publishedAt ?? null, text: articleText });
    expect((await run('article-text', { id: 'no-such-article' })).article).toBeNull();
  });

  it('entity-card: Tokayev is President of Kazakhstan', async () => {
    const { entity } = await run('entity-card');
    expect(entity).toMatchObject({ id: 'kassym-jomart-tokayev', kind: 'PERSON', name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] });
    expect(entity.positions).toEqual([
      { title: 'President', former: false, certainty: 'STATED', of: { id: 'kazakhstan', name: 'Kazakhstan' } },
    ]);
    expect(entity.mentions).toEqual([
      { start: 1211, end: 1232, text: 'Kassym-Jomart Tokayev', article: { id: annotation.article.id, title: annotation.article.title, source: annotation.article.source ?? null } },
    ]);
    expect(entity.relations).toContainEqual(
      expect.objectContaining({ type: 'HOLDS_POSITION', direction: 'OUT', title: 'President', other: { id: 'kazakhstan', kind: 'COUNTRY', name: 'Kazakhstan' } }),
    );
    expect(entity.relations).toContainEqual(
      expect.objectContaining({ type: 'PARTICIPATED_IN', role: 'requester', other: expect.objectContaining({ id: 'tokayev-request-to-csto' }) }),
    );
    expect(entity.claims).toEqual([
      expect.objectContaining({ id: 'tokayev-blames-foreign-trained-terrorist-gangs', certainty: 'ALLEGED' }),
    ]);
    for (const span of [...entity.mentions, ...entity.relations.flatMap((relation: any) => relation.reports.flatMap((report: any) => report.evidence))]) {
      expect(articleText.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('entity-card: an organization and a place show their own fields', async () => {
    const csto = (await run('entity-card', { id: 'csto' })).entity;
    expect(csto).toMatchObject({ organizationCategory: 'MILITARY_ALLIANCE', ledBy: { id: 'russia', name: 'Russia' }, parent: null });
    const airport = (await run('entity-card', { id: 'almaty-airport' })).entity;
    expect(airport).toMatchObject({
      placeCategory: 'AIRPORT',
      country: { id: 'kazakhstan' },
      within: { id: 'almaty', name: 'Almaty' },
    });
    const kazakhstan = (await run('entity-card', { id: 'kazakhstan' })).entity;
    expect(kazakhstan.isoCode).toBe('KZ');
    expect(kazakhstan.relations.length).toBeLessThanOrEqual(20);
  });

  it('search-box: "gulen" finds Fetullah Gülen first', async () => {
    const { search } = await run('search-box');
    expect(search[0].entity).toMatchObject({ id: 'fetullah-gulen', kind: 'PERSON', name: 'Fetullah Gülen' });
    expect(search[0].entity.aliases).toContain('Gulen');
    expect(ids(search.map((hit: any) => hit.entity))).toEqual(expect.arrayContaining(['gulenists', 'gulen-educational-institutions']));
    expect(search.length).toBeLessThanOrEqual(10);
  });

  it('timeline: dated events in Kazakhstan, in non-decreasing date order', async () => {
    const { timeline } = await run('timeline');
    expect(timeline.length).toBeGreaterThan(0);
    const dates = timeline.map((event: any) => event.date.start);
    for (let index = 1; index < dates.length; index += 1) expect(dates[index] >= dates[index - 1]).toBe(true);
    expect(ids(timeline)).toContain('kazakhstan-unrest-2022-01');
    expect(ids(timeline)).toContain('storming-of-government-buildings');
    // Every dated event but the CSTO request (no place) and the Ankara coup attempt (in Turkey).
    const datedInKazakhstan = annotation.entities.filter(
      (e) => e.kind === 'EVENT' && e.date && !['ankara-coup-attempt', 'tokayev-request-to-csto'].includes(e.id),
    );
    expect(sorted(ids(timeline))).toEqual(sorted(ids(datedInKazakhstan)));
    const unrest = timeline.find((event: any) => event.id === 'kazakhstan-unrest-2022-01');
    expect(unrest.figures).toContainEqual(
      expect.objectContaining({ metric: 'INJURED', lowerBound: 1000, lowerBoundExclusive: true, value: null, certainty: 'REPORTED' }),
    );
    const storming = timeline.find((event: any) => event.id === 'storming-of-government-buildings');
    expect(storming.places).toContainEqual(
      expect.objectContaining({ id: 'almaty', name: 'Almaty', coordinates: expect.objectContaining({ latitude: 43.25667, longitude: 76.92861 }) }),
    );
  });

  it('casualty-figures: 18 security personnel killed, more than 2,000 arrested', async () => {
    const figures = await expectOnePageAndWalk('casualty-figures', 'figures', annotation.figures.length);
    const security = figures.find((figure: any) => figure.counts === 'security personnel');
    expect(security).toMatchObject({
      metric: 'KILLED',
      value: 18,
      text: '18',
      approximate: false,
      certainty: 'STATED',
      event: { id: 'clashes-security-personnel-protesters' },
      source: { id: 'interior-ministry-kazakhstan', name: 'Interior Ministry of Kazakhstan' },
    });
    expect(figures.find((figure: any) => figure.metric === 'ARRESTED')).toMatchObject({
      value: null,
      lowerBound: 2000,
      lowerBoundExclusive: true,
      text: 'more than 2,000',
    });
    const killed = (await run('casualty-figures', { metric: 'KILLED' })).figures;
    expect(killed.totalCount).toBe(annotation.figures.filter((figure) => figure.metric === 'KILLED').length);
    expect(nodes(killed).every((figure: any) => figure.metric === 'KILLED')).toBe(true);
    expect(nodes(killed).map((figure: any) => figure.value)).toContain(18);
    expect(ids(await walkExample('casualty-figures', 'figures', 2, { metric: 'KILLED' }))).toEqual(ids(nodes(killed)));
  });

  it('troop-deployments: five countries with their statuses', async () => {
    const deployments = await expectOnePageAndWalk('troop-deployments', 'deployments', 5);
    const statuses = Object.fromEntries(deployments.map((d: any) => [d.country.id, d.status]));
    expect(statuses).toEqual({ russia: 'ARRIVED', belarus: 'ARRIVED', armenia: 'SENT', tajikistan: 'SENDING', kyrgyzstan: 'EXPECTED' });
    expect(deployments.every((d: any) => d.destination.id === 'kazakhstan' && d.destination.isoCode === 'KZ')).toBe(true);
    const kyrgyzstan = deployments.find((d: any) => d.country.id === 'kyrgyzstan');
    expect(kyrgyzstan).toMatchObject({ certainty: 'EXPECTED', troops: { value: 150, certainty: 'EXPECTED' }, country: { isoCode: 'KG' } });
    expect(deployments.find((d: any) => d.country.id === 'belarus').date).toEqual({ iso: '2022-01-06', qualifier: 'evening' });
    for (const deployment of deployments) expect(deployment.mission).toMatchObject({ id: 'csto-deployment-kazakhstan' });
  });

  it("claims-by-speaker: Balbek's claims, all ALLEGED", async () => {
    const balbek = annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek');
    expect(balbek.length).toBeGreaterThan(0);
    const claims = await expectOnePageAndWalk('claims-by-speaker', 'claims', balbek.length);
    for (const claim of claims) {
      expect(claim.certainty).toBe('ALLEGED');
      expect(claim.speaker).toEqual({ id: 'ruslan-balbek', name: 'Ruslan Balbek' });
      expect(articleText).toContain(claim.quote);
    }
    expect(claims.filter((claim: any) => claim.kind === 'ACCUSATION').length).toBeGreaterThan(0);
    expect(claims.flatMap((claim: any) => ids(claim.about))).toEqual(expect.arrayContaining(['isis', 'gulenists', 'fetullah-gulen']));
  });

  it('neighborhood-graph: nodes around Kazakhstan include it, and every edge joins two nodes', async () => {
    const { neighborhood } = await run('neighborhood-graph');
    const nodeIds = new Set(ids(neighborhood.nodes));
    expect(nodeIds.has('kazakhstan')).toBe(true);
    expect(nodeIds.has('kassym-jomart-tokayev')).toBe(true);
    expect(nodeIds.has('russia')).toBe(true); // two hops: through the CSTO deployment
    expect(neighborhood.edges.length).toBeGreaterThan(0);
    for (const edge of neighborhood.edges) expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
    // Every annotated relation and claim between two of the nodes is an edge, unless the view says it cut some.
    const annotated = new Set([
      ...relations
        .filter((relation) => nodeIds.has(relation.from) && nodeIds.has(relation.to))
        .map((relation) => `${relation.from}|${relation.type}|${relation.to}|${relation.certainty}|`),
      ...annotation.claims.flatMap((claim) =>
        claim.aboutIds
          .filter((subject) => claim.speakerId && nodeIds.has(claim.speakerId) && nodeIds.has(subject))
          .map((subject) => `${claim.speakerId}|CLAIM|${subject}|${claim.certainty}|${claim.id}`),
      ),
    ]);
    const edges = neighborhood.edges.map((edge: any) => `${edge.source}|${edge.type}|${edge.target}|${edge.certainty}|${edge.claimId ?? ''}`);
    expect(new Set(edges).size).toBe(edges.length);
    for (const edge of edges) expect(annotated.has(edge), edge).toBe(true);
    const bases = new Map(relations.map((relation) => [`${relation.from}|${relation.type}|${relation.to}`, relation.basis]));
    for (const edge of neighborhood.edges) expect(edge.basis).toBe(bases.get(`${edge.source}|${edge.type}|${edge.target}`) ?? 'ARTICLE');
    if (!neighborhood.edgesTruncated) expect(sorted(edges)).toEqual(sorted([...annotated]));
  });

  it('path: Balbek reaches Tokayev', async () => {
    const { path } = await run('path');
    expect(path.length).toBeGreaterThanOrEqual(1);
    expect(path.nodes[0].id).toBe('ruslan-balbek');
    expect(path.nodes.at(-1).id).toBe('kassym-jomart-tokayev');
    expect(path.edges).toHaveLength(path.length);
    expect(path.nodes).toHaveLength(path.length + 1);
  });

  it('event-list: a first page of events in Kazakhstan, then the next', async () => {
    const first = (await run('event-list')).events;
    expect(first.edges).toHaveLength(10);
    expect(first.totalCount).toBe(14);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // The week of January 3 starts first; the events dated only to that week come by name.
    expect(first.edges[0].node).toMatchObject({ date: { iso: '2022-01-03' } });
    const second = (await run('event-list', { after: first.pageInfo.endCursor })).events;
    expect(second.edges).toHaveLength(4);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.edges, ...second.edges].map((edge: any) => edge.node.id);
    expect(new Set(all).size).toBe(14);
    expect(all).not.toContain('ankara-coup-attempt');
    const arson = (await run('event-list', { categories: ['ARSON'] })).events;
    expect(sorted(arson.edges.map((edge: any) => edge.node.id))).toEqual([
      'arson-presidential-residence-mayors-office',
      'burning-of-government-buildings',
    ]);
  });

  it('the Sandbox showcase runs as it opens: Tokayev, the timeline and the five contingents', async () => {
    const data = dataOf(await api.graphql(SHOWCASE_OPERATION));
    expect(data.stats).toEqual({
      articles: 1,
      entities: annotation.entities.length,
      figures: annotation.figures.length,
      claims: annotation.claims.length,
      deployments: annotation.deployments.length,
    });
    expect(ids(data.search.map((hit: any) => hit.entity))).toContain('kassym-jomart-tokayev');
    expect(data.timeline.length).toBeGreaterThan(0);
    expect(data.deployments.totalCount).toBe(5);
    expect(data.deployments.pageInfo.hasNextPage).toBe(false);
    expect(sorted(data.deployments.edges.map((edge: any) => edge.node.country.isoCode))).toEqual(['AM', 'BY', 'KG', 'RU', 'TJ']);
  });
});
