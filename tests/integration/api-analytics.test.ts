/**
 * Analytics against the seeded article (expectations computed from its annotation) and against a
 * generated graph of many articles (expectations computed independently from the generated
 * annotations): event counts by time bucket and group, figure summaries, deployment totals,
 * Place.events, Entity.figures, and claims in graph views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, loadCorpus } from '../../bench/database.ts';
import { generateCorpus } from '../../bench/corpus.ts';
import type { AnnotatedFigure, Annotation } from '../../src/seed/annotation.ts';

/** What these tests read of an annotated event. */
type AnnotatedEntity = { id: string; kind: string; category?: string; date?: { iso: string; precision: string } };
import { seedTestDatabase, startTestServer, type TestServer } from './helpers.ts';
import { annotation, dataOf, ids, relations, sorted } from './api-fixture.ts';

const CORPUS_ARTICLES = 150;

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
}, 300_000);

afterAll(async () => {
  await api?.close();
});

const ask = async (query: string, variables?: Record<string, unknown>) => dataOf(await api.graphql(query, variables));

type FigureNumbers = Pick<AnnotatedFigure, 'value' | 'lowerBound' | 'lowerBoundExclusive' | 'upperBound' | 'approximate'>;

/** The range of numbers figures give, computed directly from the annotation's figures. */
function expectedRange(figures: readonly (FigureNumbers | null)[]) {
  const floors = figures.flatMap((f) => (f && (f.value ?? f.lowerBound) !== undefined ? [{ n: (f.value ?? f.lowerBound)!, exclusive: f.value === undefined && f.lowerBoundExclusive }] : []));
  const tops = figures.flatMap((f) => {
    const n = f ? (f.value ?? f.upperBound ?? f.lowerBound) : undefined;
    return f && n !== undefined ? [{ n, isFloor: f.value === undefined && f.upperBound === undefined }] : [];
  });
  const lowest = floors.length ? Math.min(...floors.map((f) => f.n)) : null;
  const highest = tops.length ? Math.max(...tops.map((t) => t.n)) : null;
  return {
    lowest,
    lowestExclusive: lowest !== null && floors.filter((f) => f.n === lowest).every((f) => f.exclusive),
    highest,
    highestIsFloor: highest !== null && tops.some((t) => t.n === highest && t.isFloor),
    approximate: figures.some((f) => f?.approximate === true),
    unknown: figures.filter((f) => !f || (f.value === undefined && f.lowerBound === undefined && f.upperBound === undefined)).length,
  };
}

const RANGE = 'lowest lowestExclusive highest highestIsFloor approximate unknown';

/** First and last day a date can mean (DAY, WEEK from `iso`, MONTH, YEAR), as YYYY-MM-DD. */
function interval(date: { iso: string; precision: string }): [string, string] {
  const start = new Date(`${date.iso}T00:00:00Z`);
  const end = new Date(start);
  if (date.precision === 'WEEK') end.setUTCDate(end.getUTCDate() + 6);
  if (date.precision === 'MONTH') end.setUTCMonth(end.getUTCMonth() + 1, 0);
  if (date.precision === 'YEAR') end.setUTCFullYear(end.getUTCFullYear() + 1, 0, 0);
  return [date.iso, end.toISOString().slice(0, 10)];
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Per-day counts over [from, to] of dated events, computed directly: inside a day, or overlapping it. */
function expectedDays(events: readonly AnnotatedEntity[], from: string, to: string) {
  const rows = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    let count = 0;
    let overlapping = 0;
    for (const event of events) {
      if (!event.date) continue;
      const [start, end] = interval(event.date);
      if (start === day && end === day) count += 1;
      else if (start <= day && end >= day) overlapping += 1;
    }
    if (count + overlapping > 0) rows.push({ start: day, end: day, count, overlapping, undated: 0 });
  }
  return rows;
}

describe('analytics on the seeded article', () => {
  const events = (annotation.entities as AnnotatedEntity[]).filter((entity) => entity.kind === 'EVENT');

  it('counts events per day: precise days in their day, the week-long unrest as overlapping, undated apart', async () => {
    const { eventCounts } = await ask(`{ eventCounts(bucket: DAY, from: "2022-01-01", to: "2022-01-31") {
      events undated truncated rows { start end entity { id } category count overlapping undated } } }`);
    const dated = events.filter((event) => event.date);
    expect(eventCounts.events).toBe(events.length);
    expect(eventCounts.undated).toBe(events.length - dated.length);
    expect(eventCounts.truncated).toBe(false);
    expect(eventCounts.rows).toEqual([
      ...expectedDays(events, '2022-01-01', '2022-01-31').map((row) => ({ ...row, entity: null, category: null })),
      { start: null, end: null, entity: null, category: null, count: 0, overlapping: 0, undated: events.length - dated.length },
    ]);
    // Week-dated events (the unrest among them) never count as if they happened on one day.
    const weekDated = dated.filter((event) => event.kind === 'EVENT' && event.date?.precision === 'WEEK').length;
    expect(weekDated).toBeGreaterThan(0);
    expect(eventCounts.rows.find((row: any) => row.start === '2022-01-03')).toMatchObject({ count: 0, overlapping: weekDated });
  });

  it('counts events per week and category, and per country', async () => {
    const { byCategory, byCountry } = await ask(`{
      byCategory: eventCounts(bucket: WEEK, groupBy: CATEGORY) { rows { start end category count overlapping undated } }
      byCountry: eventCounts(groupBy: COUNTRY) { events rows { entity { id } count overlapping undated } }
    }`);
    // Every dated seed event lies inside the week of Monday 2022-01-03.
    const dated = events.filter((event) => event.date);
    const weekRows = byCategory.rows.filter((row: any) => row.start !== null);
    expect(weekRows.every((row: any) => row.start === '2022-01-03' && row.end === '2022-01-09' && row.overlapping === 0)).toBe(true);
    const perCategory = (list: AnnotatedEntity[]) =>
      Object.fromEntries([...new Set(list.map((e) => e.category))].map((c) => [c, list.filter((e) => e.category === c).length]));
    expect(Object.fromEntries(weekRows.map((row: any) => [row.category, row.count]))).toEqual(perCategory(dated));
    const undatedRows = byCategory.rows.filter((row: any) => row.start === null);
    expect(Object.fromEntries(undatedRows.map((row: any) => [row.category, row.undated]))).toEqual(perCategory(events.filter((e) => !e.date)));
    // Per country, with the whole of time as the one bucket: Kazakhstan's events and Turkey's (Ankara).
    const kazakhstan = byCountry.rows.find((row: any) => row.entity?.id === 'kazakhstan');
    const listed = (await ask(`{ events(countryId: "kazakhstan", first: 100) { totalCount } }`)).events.totalCount;
    expect(kazakhstan.count + kazakhstan.overlapping + kazakhstan.undated).toBe(listed);
  });

  it('summarises the figures per event and metric: bounds, sources, articles, the figures', async () => {
    const { figureSummaries } = await ask(`{ figureSummaries(first: 100) {
      metric counts contingent { id } event { id } country { id } range { ${RANGE} } figureCount sourceCount articleCount figures { id } } }`);
    // One summary per metric, event, population and (troop figures) contingent.
    const contingentOf = (figure: AnnotatedFigure) => annotation.deployments.find((d) => d.troopsFigureId === figure.id)?.countryId ?? null;
    const keyOf = (metric: string, eventId: string | undefined, counts: string, contingent: string | null) => `${metric}|${eventId}|${counts.toLowerCase()}|${contingent}`;
    const groups = new Map<string, AnnotatedFigure[]>();
    for (const figure of annotation.figures) {
      const key = keyOf(figure.metric, figure.eventId, figure.counts, contingentOf(figure));
      groups.set(key, [...(groups.get(key) ?? []), figure]);
    }
    expect(figureSummaries).toHaveLength(groups.size);
    for (const summary of figureSummaries) {
      const figures = groups.get(keyOf(summary.metric, summary.event.id, summary.counts, summary.contingent?.id ?? null))!;
      expect(summary).toEqual({
        metric: summary.metric,
        counts: figures[0]!.counts,
        contingent: contingentOf(figures[0]!) === null ? null : { id: contingentOf(figures[0]!) },
        event: { id: figures[0]!.eventId },
        country: null,
        range: expectedRange(figures),
        figureCount: figures.length,
        sourceCount: new Set(figures.flatMap((f) => (f.sourceId ? [f.sourceId] : []))).size,
        articleCount: 1,
        figures: summary.figures,
      });
      // In article and text order; figures of one sentence by id.
      expect(ids(summary.figures)).toEqual(sorted(ids(figures)).sort((x, y) =>
        annotation.figures.find((f) => f.id === x)!.evidence[0]!.start - annotation.figures.find((f) => f.id === y)!.evidence[0]!.start));
    }
    const arrested = figureSummaries.find((s: any) => s.metric === 'ARRESTED');
    expect(arrested.range).toMatchObject({ lowest: 2000, lowestExclusive: true, highestIsFloor: true });
    const killed = figureSummaries.filter((s: any) => s.metric === 'KILLED');
    expect(killed.map((s: any) => s.range.lowest)).toEqual(expect.arrayContaining([18, null]));
    expect(killed.find((s: any) => s.range.lowest === null).range.unknown).toBe(1);
  });

  it('summarises the figures per country', async () => {
    const { figureSummaries } = await ask(`{ figureSummaries(metric: KILLED, groupBy: COUNTRY) { counts country { id } range { ${RANGE} } figureCount } }`);
    const killed = annotation.figures.filter((f) => f.metric === 'KILLED');
    // Security personnel, rioters and people are summed apart: never one range across populations.
    const populations = [...new Set(killed.map((f) => f.counts.toLowerCase()))].sort();
    expect(figureSummaries.map((summary: any) => summary.counts.toLowerCase())).toEqual(populations);
    for (const summary of figureSummaries) {
      const figures = killed.filter((f) => f.counts.toLowerCase() === summary.counts.toLowerCase());
      expect(summary).toEqual({ counts: summary.counts, country: { id: 'kazakhstan' }, range: expectedRange(figures), figureCount: figures.length });
    }
  });

  it('adds up deployments per sending and receiving country', async () => {
    const { deploymentTotals } = await ask(`{ deploymentTotals(destinationId: "kazakhstan") {
      country { id } destination { id } deployments troops { ${RANGE} } statuses { status count } } }`);
    const pairs = [...new Set(annotation.deployments.map((d) => d.countryId))];
    expect(sorted(deploymentTotals.map((t: any) => t.country.id))).toEqual(sorted(pairs));
    for (const total of deploymentTotals) {
      const deployments = annotation.deployments.filter((d) => d.countryId === total.country.id);
      const troops = deployments.map((d) => annotation.figures.find((f) => f.id === d.troopsFigureId) ?? null);
      expect(total).toEqual({
        country: { id: total.country.id },
        destination: { id: 'kazakhstan' },
        deployments: deployments.length,
        troops: expectedRange(troops),
        statuses: [...new Set(deployments.map((d) => d.status))].map((status) => ({ status, count: deployments.filter((d) => d.status === status).length })),
      });
    }
  });

  it('lists the events at a place and the figures an entity gave', async () => {
    const data = await ask(`{
      almaty: entity(id: "almaty") { ... on Place { events(first: 100) { id } } }
      ministry: entity(id: "interior-ministry-kazakhstan") { given: figures(role: SOURCE) { id } }
      figures(sourceId: "interior-ministry-kazakhstan") { totalCount edges { node { id } } }
    }`);
    const atAlmaty = relations.filter((r) => r.type === 'OCCURRED_IN' && r.to === 'almaty').map((r) => r.from);
    expect(sorted(ids(data.almaty.events))).toEqual(sorted(atAlmaty));
    const given = annotation.figures.filter((f) => f.sourceId === 'interior-ministry-kazakhstan').map((f) => f.id);
    expect(sorted(ids(data.ministry.given))).toEqual(sorted(given));
    expect(data.figures.totalCount).toBe(given.length);
    expect(data.figures.edges.map((edge: any) => edge.node.id)).toEqual(ids(data.ministry.given));
  });

  it("shows who accused whom around Balbek in one query, and a path from Balbek to Gülen", async () => {
    const data = await ask(`{
      neighborhood(id: "ruslan-balbek", depth: 1) { nodes { id } edges { type source target certainty basis claimId claimKind } edgesTruncated }
      path(from: "ruslan-balbek", to: "fetullah-gulen") { length nodes { id } edges { type source target claimId claimKind basis } }
    }`);
    const balbek = annotation.claims.filter((c) => c.speakerId === 'ruslan-balbek');
    const expected = balbek.flatMap((c) => c.aboutIds.map((subject) => ({ type: 'CLAIM', source: 'ruslan-balbek', target: subject, certainty: c.certainty, basis: 'ARTICLE', claimId: c.id, claimKind: c.kind })));
    expect(data.neighborhood.edgesTruncated).toBe(false);
    const claimEdges = data.neighborhood.edges.filter((edge: any) => edge.type === 'CLAIM');
    expect(sorted(claimEdges.map((e: any) => JSON.stringify(e)))).toEqual(sorted(expected.map((e) => JSON.stringify(e))));
    expect(data.path).toMatchObject({ length: 1, nodes: [{ id: 'ruslan-balbek' }, { id: 'fetullah-gulen' }] });
    expect(data.path.edges[0]).toMatchObject({ type: 'CLAIM', source: 'ruslan-balbek', target: 'fetullah-gulen', basis: 'ARTICLE' });
    expect(balbek.find((c) => c.id === data.path.edges[0].claimId)?.aboutIds).toContain('fetullah-gulen');
  });

  it('refuses out-of-range arguments', async () => {
    for (const [query, argument] of [
      ['{ eventCounts(first: 501) { events } }', 'first'],
      ['{ eventCounts(from: "2022-02-30") { events } }', 'from'],
      ['{ figureSummaries(first: 0) { metric } }', 'first'],
      ['{ deploymentTotals(first: 101) { deployments } }', 'first'],
    ] as const) {
      const response = await api.graphql(query);
      expect(response.errors?.[0]?.extensions?.argumentName, query).toBe(argument);
    }
  });
});

describe(`analytics on a generated graph of ${CORPUS_ARTICLES} articles`, () => {
  const annotations: Annotation[] = [...generateCorpus({ articles: CORPUS_ARTICLES })].map((article) => article.annotation);

  beforeAll(async () => {
    await api.database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: api.database.name });
    await loadCorpus(api.database, await ensureCorpus(CORPUS_ARTICLES));
  }, 600_000);

  afterAll(async () => {
    await api.database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: api.database.name });
    await seedTestDatabase(api.database);
  }, 300_000);

  it('counts events per day exactly as the annotations date them', async () => {
    const events = new Map<string, AnnotatedEntity>();
    for (const a of annotations) for (const entity of a.entities as AnnotatedEntity[]) if (entity.kind === 'EVENT' && !events.has(entity.id)) events.set(entity.id, entity);
    const dated = [...events.values()].filter((event) => event.date).sort((x, y) => x.date!.iso.localeCompare(y.date!.iso));
    const from = dated[Math.floor(dated.length / 2)]!.date!.iso.slice(0, 8) + '01';
    const to = addDays(from, 27);
    const { eventCounts } = await ask(`query ($from: String, $to: String) { eventCounts(bucket: DAY, from: $from, to: $to, first: 500) {
      events undated truncated rows { start end count overlapping undated } } }`, { from, to });
    const inRange = [...events.values()].filter((e) => !e.date || (interval(e.date)[1] >= from && interval(e.date)[0] <= to));
    expect(eventCounts.events).toBe(inRange.length);
    expect(eventCounts.undated).toBe(inRange.filter((e) => !e.date).length);
    expect(eventCounts.rows.filter((row: any) => row.start !== null)).toEqual(expectedDays([...events.values()], from, to));
    expect(eventCounts.rows.some((row: any) => row.overlapping > 0)).toBe(true);
  });

  it('summarises KILLED figures per event and population exactly as the annotations give them', async () => {
    const figures = annotations.flatMap((a) => a.figures.filter((f) => f.metric === 'KILLED').map((f) => ({ ...f, articleId: a.article.id })));
    const { figureSummaries } = await ask(`{ figureSummaries(metric: KILLED, first: 100) {
      event { id } counts range { ${RANGE} } figureCount sourceCount articleCount } }`);
    const groupOf = (eventId: string | null, counts: string) => `${eventId}|${counts.toLowerCase()}`;
    expect(figureSummaries.length).toBe(Math.min(100, new Set(figures.map((f) => groupOf(f.eventId ?? null, f.counts))).size));
    for (const summary of figureSummaries) {
      const reports = figures.filter((f) => groupOf(f.eventId ?? null, f.counts) === groupOf(summary.event?.id ?? null, summary.counts));
      // One figure however many articles report it.
      const own = [...new Map(reports.map((f) => [f.id, f])).values()];
      expect(summary, summary.event?.id).toEqual({
        event: summary.event,
        counts: summary.counts,
        range: expectedRange(own),
        figureCount: own.length,
        sourceCount: new Set(own.flatMap((f) => (f.sourceId ? [f.sourceId] : []))).size,
        articleCount: new Set(reports.map((f) => f.articleId)).size,
      });
    }
  });

  it('adds up deployments per pair of countries exactly as the annotations give them', async () => {
    const deployments = annotations.flatMap((a) =>
      a.deployments.map((d) => ({ ...d, troops: a.figures.find((f) => f.id === d.troopsFigureId) ?? null })),
    );
    const { deploymentTotals } = await ask(`{ deploymentTotals(first: 100) {
      country { id } destination { id } deployments troops { ${RANGE} } statuses { status count } } }`);
    expect(deploymentTotals.length).toBe(Math.min(100, new Set(deployments.map((d) => `${d.countryId}|${d.destinationId}`)).size));
    for (const total of deploymentTotals) {
      const own = deployments.filter((d) => d.countryId === total.country.id && d.destinationId === total.destination.id);
      expect(total.deployments).toBe(own.length);
      expect(total.troops).toEqual(expectedRange(own.map((d) => d.troops)));
      const statuses = ['ARRIVED', 'SENT', 'SENDING', 'EXPECTED'].flatMap((status) => {
        const count = own.filter((d) => d.status === status).length;
        return count > 0 ? [{ status, count }] : [];
      });
      expect(total.statuses).toEqual(statuses);
    }
  });
});
