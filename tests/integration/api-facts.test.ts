/**
 * Figures, claims, deployments, articles and stats, against the annotation: every field,
 * every filter, the numbers exactly as precise as the article gives them, and the paging of
 * the fact connections (article, then text order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_TYPES } from '../../src/domain/vocabulary.ts';
import type { Annotation } from '../../src/seed/annotation.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotation, ARTICLE_ID, articleText, dataOf, entitiesOfKind, ids, sorted, spanKeys, spansIn, walkPages, type Page, relations } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

const DATE = 'date { iso precision qualifier start end provenance { basis reason } }';
const SPANS = 'evidence { start end text article { id } }';
const FIGURE = `id metric counts value lowerBound lowerBoundExclusive upperBound approximate text certainty
  event { __typename id } source { id } ${SPANS} article { id }`;
const CLAIM = `id kind summary quote certainty ${DATE} speaker { id } medium { id } mediumProvenance { basis reason ${SPANS} }
  about { id } ${SPANS} article { id }`;
const DEPLOYMENT = `id force status certainty ${DATE} country { __typename id isoCode } destination { id isoCode }
  troops { id value } mission { __typename id } ${SPANS} article { id }`;

type AnnotatedFact = { id: string; evidence: readonly { start: number }[] };

/** The nodes of one page of a connection. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

/** A root connection field with its paging fields and `selection` on each node. */
const connection = (field: string, args: string, selection: string) =>
  `${field}${args ? `(${args})` : ''} { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection} } } }`;

/** Text order, checked through positions: where each fact's first evidence span starts. */
const startOf = (annotated: readonly AnnotatedFact[]) => {
  const starts = new Map(annotated.map((fact) => [fact.id, fact.evidence[0]!.start]));
  return (id: string) => starts.get(id);
};
const textPositions = (annotated: readonly AnnotatedFact[]) => annotated.map((fact) => fact.evidence[0]!.start).sort((a, b) => a - b);

/**
 * The facts of a connection that must hold exactly `annotated` on one page: `totalCount` equal
 * to them, no next page, the end cursor the last edge's, and the facts in text order.
 */
function wholeList(answer: any, annotated: readonly AnnotatedFact[]): any[] {
  const list = nodes(answer);
  expect(sorted(ids(list))).toEqual(sorted(ids(annotated)));
  expect(answer.totalCount).toBe(annotated.length);
  expect(answer.pageInfo).toEqual({ hasNextPage: false, endCursor: answer.edges.at(-1)?.cursor ?? null });
  expect(ids(list).map(startOf(annotated))).toEqual(textPositions(annotated));
  return list;
}

/** Walks a root connection `first` at a time by endCursor. */
const walk = (field: string, first: number, filters = '') =>
  walkPages(api.graphql, `query ($first: Int, $after: String) { ${connection(field, `first: $first, after: $after${filters}`, 'id')} }`, field, first);

const expectedDate = (date: { iso: string; precision: string; qualifier?: string | undefined } | undefined) =>
  date ? { iso: date.iso, precision: date.precision, qualifier: date.qualifier ?? null } : null;

/** The claim whose statement this one is part of (itself, unless the article ties it to another). */
function statementOf(claim: Annotation['claims'][number]): Annotation['claims'][number] {
  let statement = claim;
  while (statement.sameStatementAs) statement = annotation.claims.find((candidate) => candidate.id === statement.sameStatementAs!.claimId)!;
  return statement;
}

function expectSpansInArticle(value: unknown) {
  const spans = spansIn(value) as (ReturnType<typeof spansIn>[number] & { article?: { id: string } })[];
  expect(spans.length).toBeGreaterThan(0);
  for (const span of spans) {
    expect(articleText.slice(span.start, span.end)).toBe(span.text);
    if (span.article) expect(span.article.id).toBe(ARTICLE_ID);
  }
}

describe('figures', () => {
  it('lists every annotated figure with every field, in text order', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('figures', 'first: 100', FIGURE)} }`));
    const figures = wholeList(data.figures, annotation.figures);
    for (const figure of figures) {
      const expected = annotation.figures.find((candidate) => candidate.id === figure.id)!;
      expect(figure).toMatchObject({
        metric: expected.metric,
        counts: expected.counts,
        value: expected.value ?? null,
        lowerBound: expected.lowerBound ?? null,
        lowerBoundExclusive: expected.lowerBoundExclusive,
        upperBound: expected.upperBound ?? null,
        approximate: expected.approximate,
        text: expected.text,
        certainty: expected.certainty,
        article: { id: ARTICLE_ID },
      });
      expect(figure.event?.id ?? null).toBe(expected.eventId ?? null);
      if (figure.event) expect(figure.event.__typename).toBe('Event');
      expect(figure.source?.id ?? null).toBe(expected.sourceId ?? null);
      expect(spanKeys(figure.evidence)).toEqual(spanKeys(expected.evidence));
    }
    expectSpansInArticle(figures);
  });

  it('"more than 2,000 arrested" is an exclusive lower bound, with no value', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('figures', 'metric: ARRESTED', FIGURE)} }`));
    expect(data.figures.totalCount).toBe(1);
    expect(data.figures.edges).toHaveLength(1);
    expect(nodes(data.figures)[0]).toMatchObject({
      id: 'people-arrested-over-2000',
      text: 'more than 2,000',
      counts: 'people',
      value: null,
      lowerBound: 2000,
      lowerBoundExclusive: true,
      upperBound: null,
      approximate: false,
      certainty: 'STATED',
      event: { id: 'mass-arrests' },
      source: { id: 'interior-ministry-kazakhstan' },
    });
  });

  it('"18 security personnel" killed is exact; "some 70" soldiers approximate; "an unknown number" has nothing', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('figures', 'first: 100', FIGURE)} }`));
    const byId = new Map(nodes(data.figures).map((figure: any) => [figure.id, figure]));
    expect(byId.get('security-personnel-killed-18')).toMatchObject({
      metric: 'KILLED', counts: 'security personnel', value: 18, approximate: false, lowerBound: null, certainty: 'STATED',
    });
    expect(byId.get('armenia-soldiers-70')).toMatchObject({ metric: 'TROOPS', value: 70, approximate: true, text: 'some 70', source: null });
    expect(byId.get('people-killed-smaller-towns-unknown')).toMatchObject({
      value: null, lowerBound: null, upperBound: null, approximate: true, text: 'an unknown number', certainty: 'REPORTED',
    });
  });

  it.each(['KILLED', 'INJURED', 'HOSPITALIZED', 'IN_INTENSIVE_CARE', 'ARRESTED', 'TROOPS'])('filters by metric %s', async (metric) => {
    const data = dataOf(
      await api.graphql(`query ($metric: FigureMetric) { ${connection('figures', 'metric: $metric, first: 100', 'id metric')} }`, { metric }),
    );
    const figures = wholeList(data.figures, annotation.figures.filter((f) => f.metric === metric));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((figure: any) => figure.metric === metric)).toBe(true);
  });

  it('filters by event, and by metric and event together', async () => {
    for (const event of entitiesOfKind('EVENT')) {
      const data = dataOf(
        await api.graphql(`query ($eventId: ID) { ${connection('figures', 'eventId: $eventId, first: 100', 'id')} }`, { eventId: event.id }),
      );
      wholeList(data.figures, annotation.figures.filter((f) => f.eventId === event.id));
    }
    const both = dataOf(await api.graphql(`{ ${connection('figures', 'metric: TROOPS, eventId: "csto-deployment-kazakhstan"', 'id value')} }`));
    expect(nodes(both.figures).map((figure: any) => figure.value).sort((a: number, b: number) => a - b)).toEqual([70, 150, 200]);
    expect(both.figures.totalCount).toBe(3);
    const none = dataOf(await api.graphql(`{ ${connection('figures', 'metric: ARRESTED, eventId: "csto-deployment-kazakhstan"', 'id')} }`));
    expect(none.figures).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('claims', () => {
  it('lists every annotated claim with every field, in text order', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('claims', 'first: 100', CLAIM)} }`));
    const claims = wholeList(data.claims, annotation.claims);
    for (const claim of claims) {
      const expected = annotation.claims.find((candidate) => candidate.id === claim.id)!;
      // A claim from the same statement as another takes that statement's medium and date.
      const statement = statementOf(expected);
      expect(claim).toMatchObject({
        kind: expected.kind,
        summary: expected.summary,
        quote: expected.quote,
        certainty: expected.certainty,
        date: expectedDate(statement.date),
        article: { id: ARTICLE_ID },
      });
      expect(claim.speaker?.id ?? null).toBe(expected.speakerId ?? null);
      expect(claim.medium?.id ?? null).toBe(statement.mediumId ?? null);
      if (claim.medium) expect(claim.mediumProvenance.basis).toBe(statement === expected ? 'ARTICLE' : 'INFERRED');
      // `about` keeps the annotation's order.
      expect(ids(claim.about)).toEqual(expected.aboutIds);
      expect(spanKeys(claim.evidence)).toEqual(spanKeys(expected.evidence));
      expect(articleText).toContain(claim.quote);
    }
    expectSpansInArticle(claims);
  });

  it('Balbek\'s seven claims share the RIA Novosti interview of January 6, six of them as INFERRED from the linking words', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('claims', 'speakerId: "ruslan-balbek", first: 100', CLAIM)} }`));
    const claims = nodes(data.claims);
    expect(claims).toHaveLength(7);
    for (const claim of claims) {
      expect(claim, claim.id).toMatchObject({ medium: { id: 'ria-novosti' }, date: { iso: '2022-01-06', precision: 'DAY' } });
    }
    const inferred = claims.filter((claim: any) => claim.mediumProvenance.basis === 'INFERRED');
    expect(inferred).toHaveLength(6);
    for (const claim of inferred) {
      expect(claim.date.provenance.basis).toBe('INFERRED');
      expect(claim.mediumProvenance.reason).toContain('same statement');
      const linking = annotation.claims.find((candidate) => candidate.id === claim.id)!.sameStatementAs!.evidence[0]!.text;
      expect(claim.mediumProvenance.evidence.map((span: any) => span.text)).toContain(linking);
    }
    expect(inferred.flatMap((claim: any) => claim.mediumProvenance.evidence.map((span: any) => span.text))).toEqual(
      expect.arrayContaining(['According to him', 'Balbek said', 'said he']),
    );
    expectSpansInArticle(claims);
  });

  it("Balbek's accusations are ALLEGED; his first went through RIA Novosti on January 6", async () => {
    const data = dataOf(await api.graphql(`{ ${connection('claims', 'speakerId: "ruslan-balbek"', CLAIM)} }`));
    const claims = wholeList(data.claims, annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek'));
    expect(claims.length).toBe(7);
    const accusations = claims.filter((claim: any) => claim.kind === 'ACCUSATION');
    expect(accusations.length).toBeGreaterThanOrEqual(5);
    expect(claims.every((claim: any) => claim.certainty === 'ALLEGED')).toBe(true);
    const viaRia = claims.find((claim: any) => claim.id === 'balbek-daesh-and-gulenists-behind-riots');
    expect(viaRia).toMatchObject({ medium: { id: 'ria-novosti' }, date: { iso: '2022-01-06', precision: 'DAY' } });
    expect(ids(viaRia.about)).toEqual(['isis', 'gulenists', 'kazakhstan-unrest-2022-01']);
  });

  it('every accusation in the article is ALLEGED', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('claims', 'first: 100', 'kind certainty')} }`));
    expect(data.claims.totalCount).toBe(annotation.claims.length);
    const claims = nodes(data.claims);
    expect(claims).toHaveLength(annotation.claims.length);
    const accusations = claims.filter((claim: any) => claim.kind === 'ACCUSATION' || claim.kind === 'BLAME');
    expect(accusations.length).toBeGreaterThan(0);
    expect(accusations.every((claim: any) => claim.certainty === 'ALLEGED')).toBe(true);
  });

  it.each(['ruslan-balbek', 'kassym-jomart-tokayev', 'almaty-police', 'rferl-kazakh-service', 'isis'])(
    'filters by speaker %s',
    async (speakerId) => {
      const data = dataOf(
        await api.graphql(`query ($id: ID) { ${connection('claims', 'speakerId: $id, first: 100', 'id speaker { id }')} }`, { id: speakerId }),
      );
      const claims = wholeList(data.claims, annotation.claims.filter((c) => c.speakerId === speakerId));
      expect(claims.every((claim: any) => claim.speaker.id === speakerId)).toBe(true);
    },
  );

  it.each(['isis', 'gulenists', 'fetullah-gulen', 'kazakhstan', 'kazakhstan-unrest-2022-01', 'ankara', 'ruslan-balbek'])(
    'filters by subject %s',
    async (aboutId) => {
      const data = dataOf(
        await api.graphql(`query ($id: ID) { ${connection('claims', 'aboutId: $id, first: 100', 'id about { id }')} }`, { id: aboutId }),
      );
      const claims = wholeList(data.claims, annotation.claims.filter((c) => c.aboutIds.includes(aboutId)));
      expect(claims.every((claim: any) => ids(claim.about).includes(aboutId))).toBe(true);
    },
  );

  it.each(['STATED', 'REPORTED', 'ALLEGED', 'EXPECTED'])('filters by certainty %s', async (certainty) => {
    const data = dataOf(
      await api.graphql(`query ($c: Certainty) { ${connection('claims', 'certainty: $c, first: 100', 'id certainty')} }`, { c: certainty }),
    );
    const claims = wholeList(data.claims, annotation.claims.filter((c) => c.certainty === certainty));
    expect(claims.every((claim: any) => claim.certainty === certainty)).toBe(true);
  });

  it('combines speaker, subject and certainty', async () => {
    const data = dataOf(
      await api.graphql(`{ ${connection('claims', 'speakerId: "ruslan-balbek", aboutId: "fetullah-gulen", certainty: ALLEGED', 'id')} }`),
    );
    const claims = wholeList(
      data.claims,
      annotation.claims.filter((c) => c.speakerId === 'ruslan-balbek' && c.aboutIds.includes('fetullah-gulen') && c.certainty === 'ALLEGED'),
    );
    expect(claims).toHaveLength(3);
    const none = dataOf(await api.graphql(`{ ${connection('claims', 'speakerId: "ruslan-balbek", certainty: STATED', 'id')} }`));
    expect(none.claims).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('deployments', () => {
  it('lists the five national contingents with every field, in text order', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('deployments', 'first: 100', DEPLOYMENT)} }`));
    const deployments = wholeList(data.deployments, annotation.deployments);
    expect(sorted(deployments.map((d: any) => d.country.id))).toEqual(['armenia', 'belarus', 'kyrgyzstan', 'russia', 'tajikistan']);
    for (const deployment of deployments) {
      const expected = annotation.deployments.find((candidate) => candidate.id === deployment.id)!;
      expect(deployment).toMatchObject({
        force: expected.force,
        status: expected.status,
        certainty: expected.certainty,
        date: expectedDate(expected.date),
        country: { __typename: 'Country', id: expected.countryId },
        destination: { id: expected.destinationId, isoCode: 'KZ' },
        article: { id: ARTICLE_ID },
      });
      expect(deployment.troops?.id ?? null).toBe(expected.troopsFigureId ?? null);
      expect(deployment.mission?.id ?? null).toBe(expected.missionId ?? null);
      expect(spanKeys(deployment.evidence)).toEqual(spanKeys(expected.evidence));
    }
    expectSpansInArticle(deployments);
  });

  it('Kyrgyzstan is EXPECTED to send 150 troops; Russia and Belarus ARRIVED; Armenia SENT some 70; Tajikistan SENDING 200', async () => {
    const data = dataOf(
      await api.graphql(`{ deployments { edges { node {
        status certainty force country { id isoCode } troops { value approximate certainty }
      } } } }`),
    );
    const deployments = nodes(data.deployments);
    expect(deployments).toHaveLength(annotation.deployments.length);
    const byCountry = new Map(deployments.map((d: any) => [d.country.id, d]));
    expect(byCountry.get('kyrgyzstan')).toEqual({
      status: 'EXPECTED', certainty: 'EXPECTED', force: 'troops', country: { id: 'kyrgyzstan', isoCode: 'KG' },
      troops: { value: 150, approximate: false, certainty: 'EXPECTED' },
    });
    expect(byCountry.get('russia')).toMatchObject({ status: 'ARRIVED', force: 'paratroopers', troops: null });
    expect(byCountry.get('belarus')).toMatchObject({ status: 'ARRIVED', troops: null });
    expect(byCountry.get('armenia')).toMatchObject({ status: 'SENT', troops: { value: 70, approximate: true } });
    expect(byCountry.get('tajikistan')).toMatchObject({ status: 'SENDING', force: 'peacekeepers', troops: { value: 200, approximate: true } });
  });

  it('filters by destination', async () => {
    const kazakhstan = dataOf(await api.graphql(`{ ${connection('deployments', 'destinationId: "kazakhstan"', 'id destination { id }')} }`));
    const toKazakhstan = wholeList(kazakhstan.deployments, annotation.deployments.filter((d) => d.destinationId === 'kazakhstan'));
    expect(toKazakhstan.length).toBeGreaterThan(0);
    expect(toKazakhstan.every((d: any) => d.destination.id === 'kazakhstan')).toBe(true);
    const russia = dataOf(await api.graphql(`{ ${connection('deployments', 'destinationId: "russia"', 'id')} }`));
    expect(russia.deployments).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('paging figures, claims and deployments', () => {
  const LISTS = [
    ['figures', annotation.figures],
    ['claims', annotation.claims],
    ['deployments', annotation.deployments],
  ] as const;

  it.each(LISTS)('walking %s three at a time by endCursor gives every fact once, in text order', async (field, annotated) => {
    const whole = nodes(dataOf(await api.graphql(`{ ${connection(field, 'first: 100', 'id')} }`))[field]);
    const { pages, ids: walked } = await walk(field, 3);
    expect(walked).toEqual(ids(whole));
    expect(new Set(walked).size).toBe(walked.length);
    expect(sorted(walked)).toEqual(sorted(ids(annotated)));
    expect(walked.map(startOf(annotated))).toEqual(textPositions(annotated));
    expect(pages).toHaveLength(Math.ceil(annotated.length / 3));
    for (const current of pages) expect(current.totalCount).toBe(annotated.length);
  });

  it('walks a filtered list within its filter, with the filtered total', async () => {
    const killed = await walk('figures', 2, ', metric: KILLED');
    const expectedKilled = annotation.figures.filter((figure) => figure.metric === 'KILLED');
    expect(expectedKilled.length).toBeGreaterThan(2);
    expect(sorted(killed.ids)).toEqual(sorted(ids(expectedKilled)));
    expect(killed.ids.map(startOf(expectedKilled))).toEqual(textPositions(expectedKilled));
    for (const current of killed.pages) expect(current.totalCount).toBe(expectedKilled.length);

    const balbek = await walk('claims', 2, ', speakerId: "ruslan-balbek"');
    const expectedBalbek = annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek');
    expect(balbek.ids).toHaveLength(7);
    expect(sorted(balbek.ids)).toEqual(sorted(ids(expectedBalbek)));
    expect(balbek.ids.map(startOf(expectedBalbek))).toEqual(textPositions(expectedBalbek));
    for (const current of balbek.pages) expect(current.totalCount).toBe(7);
  });

  it('continues after any edge cursor; after the last one comes an empty last page', async () => {
    const whole = dataOf(await api.graphql(`{ ${connection('figures', 'first: 100', 'id')} }`)).figures;
    const query = `query ($first: Int, $after: String) { ${connection('figures', 'first: $first, after: $after', 'id')} }`;
    const rest = dataOf(await api.graphql(query, { first: 100, after: whole.edges[4].cursor })).figures;
    expect(ids(nodes(rest))).toEqual(ids(nodes(whole)).slice(5));
    expect(rest.totalCount).toBe(annotation.figures.length);
    const end = dataOf(await api.graphql(query, { first: 5, after: whole.pageInfo.endCursor })).figures;
    expect(end).toEqual({ totalCount: annotation.figures.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('a page that ends exactly at the last fact has no next page; first: 0 gives only the total', async () => {
    const exact = dataOf(await api.graphql(`{ ${connection('deployments', `first: ${annotation.deployments.length}`, 'id')} }`));
    expect(exact.deployments.edges).toHaveLength(annotation.deployments.length);
    expect(exact.deployments.pageInfo.hasNextPage).toBe(false);
    const totals = dataOf(
      await api.graphql(`{ figures(first: 0) { totalCount edges { cursor } } claims(first: 0) { totalCount edges { cursor } } }`),
    );
    expect(totals).toEqual({
      figures: { totalCount: annotation.figures.length, edges: [] },
      claims: { totalCount: annotation.claims.length, edges: [] },
    });
  });
});

describe('articles and article', () => {
  const ARTICLE = `id title text publishedAt source
    entities { __typename id kind }
    countries: entities(kinds: [COUNTRY]) { id }
    peopleAndPlaces: entities(kinds: [PERSON, PLACE]) { id kind }
    figures { id } claims { id } deployments { id }`;

  it('lists the seeded article with its entities and facts', async () => {
    const data = dataOf(await api.graphql(`{ ${connection('articles', '', ARTICLE)} }`));
    expect(data.articles.totalCount).toBe(1);
    expect(data.articles.pageInfo).toEqual({ hasNextPage: false, endCursor: data.articles.edges[0].cursor });
    const [article] = nodes(data.articles);
    expect(nodes(data.articles)).toHaveLength(1);
    expect(article).toMatchObject({ id: ARTICLE_ID, title: annotation.article.title, text: articleText });
    expect(article.publishedAt).toBe(annotation.article.publishedAt ?? null);
    expect(article.source).toBe(annotation.article.source ?? null);
    // Article.entities defaults to 100, so all of them come without a `first`.
    expect(annotation.entities.length).toBeGreaterThan(20);
    expect(sorted(ids(article.entities))).toEqual(sorted(ids(annotation.entities)));
    for (const entity of article.entities) expect(entity.__typename.toUpperCase()).toBe(entity.kind);
    expect(sorted(ids(article.countries))).toEqual(sorted(ids(entitiesOfKind('COUNTRY'))));
    expect(sorted(ids(article.peopleAndPlaces))).toEqual(sorted(ids([...entitiesOfKind('PERSON'), ...entitiesOfKind('PLACE')])));
    expect(sorted(ids(article.figures))).toEqual(sorted(ids(annotation.figures)));
    expect(sorted(ids(article.claims))).toEqual(sorted(ids(annotation.claims)));
    expect(sorted(ids(article.deployments))).toEqual(sorted(ids(annotation.deployments)));
    // Figures, claims and deployments come in text order.
    expect(ids(article.figures).map(startOf(annotation.figures))).toEqual(textPositions(annotation.figures));
    expect(ids(article.claims).map(startOf(annotation.claims))).toEqual(textPositions(annotation.claims));
    expect(ids(article.deployments).map(startOf(annotation.deployments))).toEqual(textPositions(annotation.deployments));
  });

  it("an article's lists with first: n give the first n of the whole list", async () => {
    const data = dataOf(
      await api.graphql(`query ($id: ID!) { article(id: $id) {
        entities(first: 5) { id } allEntities: entities(first: 100) { id }
        figures(first: 3) { id } allFigures: figures(first: 100) { id }
        claims(first: 3) { id } allClaims: claims(first: 100) { id }
        deployments(first: 3) { id } allDeployments: deployments(first: 100) { id }
      } }`, { id: ARTICLE_ID }),
    );
    const { article } = data;
    expect(article.allEntities).toHaveLength(annotation.entities.length);
    expect(article.entities).toEqual(article.allEntities.slice(0, 5));
    for (const [few, all, annotated] of [
      ['figures', 'allFigures', annotation.figures],
      ['claims', 'allClaims', annotation.claims],
      ['deployments', 'allDeployments', annotation.deployments],
    ] as const) {
      expect(article[all], all).toHaveLength(annotated.length);
      expect(article[few], few).toEqual(article[all].slice(0, 3));
    }
  });

  it('finds the article by id, and gives null for an unknown one', async () => {
    const data = dataOf(
      await api.graphql(`query ($id: ID!) { article(id: $id) { ${ARTICLE} } missing: article(id: "no-such-article") { id } }`, {
        id: ARTICLE_ID,
      }),
    );
    const list = dataOf(await api.graphql(`{ ${connection('articles', '', ARTICLE)} }`));
    expect(data.article).toEqual(nodes(list.articles)[0]);
    expect(data.missing).toBeNull();
  });
});

describe('stats', () => {
  it('counts what the annotation holds', async () => {
    const data = dataOf(
      await api.graphql(`{ stats { articles entities figures claims deployments
        entitiesByKind { kind count } relationsByType { type count } } }`),
    );
    expect(data.stats).toMatchObject({
      articles: 1,
      entities: annotation.entities.length,
      figures: annotation.figures.length,
      claims: annotation.claims.length,
      deployments: annotation.deployments.length,
    });
    expect(data.stats.entities).toBe(47);
    for (const kind of ['PERSON', 'ORGANIZATION', 'COUNTRY', 'PLACE', 'EVENT'] as const) {
      expect(data.stats.entitiesByKind).toContainEqual({ kind, count: entitiesOfKind(kind).length });
    }
    expect(data.stats.entitiesByKind.reduce((sum: number, item: any) => sum + item.count, 0)).toBe(annotation.entities.length);
    expect(data.stats.relationsByType.map((item: any) => item.type)).toEqual([...RELATION_TYPES]);
    for (const type of RELATION_TYPES) {
      expect(data.stats.relationsByType).toContainEqual({ type, count: relations.filter((r) => r.type === type).length });
    }
  });
});
