/**
 * Figures, claims, deployments, articles and stats, against the annotation: every field,
 * every filter, and the numbers exactly as precise as the article gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_TYPES } from '../../src/domain/vocabulary.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotation, ARTICLE_ID, articleText, dataOf, entitiesOfKind, ids, sorted, spanKeys, spansIn } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

const DATE = 'date { iso precision qualifier }';
const SPANS = 'evidence { start end text article { id } }';
const FIGURE = `id metric counts value lowerBound lowerBoundExclusive upperBound approximate text certainty
  event { __typename id } source { id } ${SPANS} article { id }`;
const CLAIM = `id kind summary quote certainty ${DATE} speaker { id } medium { id } about { id } ${SPANS} article { id }`;
const DEPLOYMENT = `id force status certainty ${DATE} country { __typename id isoCode } destination { id isoCode }
  troops { id value } mission { __typename id } ${SPANS} article { id }`;

const expectedDate = (date: { iso: string; precision: string; qualifier?: string | undefined } | undefined) =>
  date ? { iso: date.iso, precision: date.precision, qualifier: date.qualifier ?? null } : null;

function expectSpansInArticle(value: unknown) {
  const spans = spansIn(value) as (ReturnType<typeof spansIn>[number] & { article?: { id: string } })[];
  expect(spans.length).toBeGreaterThan(0);
  for (const span of spans) {
    expect(articleText.slice(span.start, span.end)).toBe(span.text);
    if (span.article) expect(span.article.id).toBe(ARTICLE_ID);
  }
}

describe('figures', () => {
  it('lists every annotated figure with every field', async () => {
    const data = dataOf(await api.graphql(`{ figures { ${FIGURE} } }`));
    expect(sorted(ids(data.figures))).toEqual(sorted(annotation.figures.map((figure) => figure.id)));
    for (const figure of data.figures) {
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
    expectSpansInArticle(data.figures);
  });

  it('"more than 2,000 arrested" is an exclusive lower bound, with no value', async () => {
    const data = dataOf(await api.graphql(`{ figures(metric: ARRESTED) { ${FIGURE} } }`));
    expect(data.figures).toHaveLength(1);
    expect(data.figures[0]).toMatchObject({
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
    const data = dataOf(await api.graphql(`{ figures { ${FIGURE} } }`));
    const byId = new Map(data.figures.map((figure: any) => [figure.id, figure]));
    expect(byId.get('security-personnel-killed-18')).toMatchObject({
      metric: 'KILLED', counts: 'security personnel', value: 18, approximate: false, lowerBound: null, certainty: 'STATED',
    });
    expect(byId.get('armenia-soldiers-70')).toMatchObject({ metric: 'TROOPS', value: 70, approximate: true, text: 'some 70', source: null });
    expect(byId.get('people-killed-smaller-towns-unknown')).toMatchObject({
      value: null, lowerBound: null, upperBound: null, approximate: true, text: 'an unknown number', certainty: 'REPORTED',
    });
  });

  it.each(['KILLED', 'INJURED', 'HOSPITALIZED', 'IN_INTENSIVE_CARE', 'ARRESTED', 'TROOPS'])('filters by metric %s', async (metric) => {
    const data = dataOf(await api.graphql(`query ($metric: FigureMetric) { figures(metric: $metric) { id metric } }`, { metric }));
    expect(sorted(ids(data.figures))).toEqual(sorted(annotation.figures.filter((f) => f.metric === metric).map((f) => f.id)));
    expect(data.figures.every((figure: any) => figure.metric === metric)).toBe(true);
  });

  it('filters by event, and by metric and event together', async () => {
    for (const event of entitiesOfKind('EVENT')) {
      const data = dataOf(await api.graphql(`query ($eventId: ID) { figures(eventId: $eventId) { id } }`, { eventId: event.id }));
      expect(sorted(ids(data.figures)), event.id).toEqual(
        sorted(annotation.figures.filter((f) => f.eventId === event.id).map((f) => f.id)),
      );
    }
    const both = dataOf(await api.graphql(`{ figures(metric: TROOPS, eventId: "csto-deployment-kazakhstan") { value } }`));
    expect(both.figures.map((figure: any) => figure.value).sort((a: number, b: number) => a - b)).toEqual([70, 150, 200]);
    const none = dataOf(await api.graphql(`{ figures(metric: ARRESTED, eventId: "csto-deployment-kazakhstan") { id } }`));
    expect(none.figures).toEqual([]);
  });
});

describe('claims', () => {
  it('lists every annotated claim with every field', async () => {
    const data = dataOf(await api.graphql(`{ claims { ${CLAIM} } }`));
    expect(sorted(ids(data.claims))).toEqual(sorted(annotation.claims.map((claim) => claim.id)));
    for (const claim of data.claims) {
      const expected = annotation.claims.find((candidate) => candidate.id === claim.id)!;
      expect(claim).toMatchObject({
        kind: expected.kind,
        summary: expected.summary,
        quote: expected.quote,
        certainty: expected.certainty,
        date: expectedDate(expected.date),
        article: { id: ARTICLE_ID },
      });
      expect(claim.speaker?.id ?? null).toBe(expected.speakerId ?? null);
      expect(claim.medium?.id ?? null).toBe(expected.mediumId ?? null);
      // `about` keeps the annotation's order.
      expect(ids(claim.about)).toEqual(expected.aboutIds);
      expect(spanKeys(claim.evidence)).toEqual(spanKeys(expected.evidence));
      expect(articleText).toContain(claim.quote);
    }
    expectSpansInArticle(data.claims);
  });

  it("Balbek's accusations are ALLEGED; his first went through RIA Novosti on January 6", async () => {
    const data = dataOf(await api.graphql(`{ claims(speakerId: "ruslan-balbek") { ${CLAIM} } }`));
    const expected = annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek');
    expect(sorted(ids(data.claims))).toEqual(sorted(ids(expected)));
    expect(data.claims.length).toBe(7);
    const accusations = data.claims.filter((claim: any) => claim.kind === 'ACCUSATION');
    expect(accusations.length).toBeGreaterThanOrEqual(5);
    expect(data.claims.every((claim: any) => claim.certainty === 'ALLEGED')).toBe(true);
    const viaRia = data.claims.find((claim: any) => claim.id === 'balbek-daesh-and-gulenists-behind-riots');
    expect(viaRia).toMatchObject({ medium: { id: 'ria-novosti' }, date: { iso: '2022-01-06', precision: 'DAY' } });
    expect(ids(viaRia.about)).toEqual(['isis', 'gulenists', 'kazakhstan-unrest-2022-01']);
  });

  it('every accusation in the article is ALLEGED', async () => {
    const data = dataOf(await api.graphql(`{ claims { kind certainty } }`));
    const accusations = data.claims.filter((claim: any) => claim.kind === 'ACCUSATION' || claim.kind === 'BLAME');
    expect(accusations.length).toBeGreaterThan(0);
    expect(accusations.every((claim: any) => claim.certainty === 'ALLEGED')).toBe(true);
  });

  it.each(['ruslan-balbek', 'kassym-jomart-tokayev', 'almaty-police', 'rferl-kazakh-service', 'isis'])(
    'filters by speaker %s',
    async (speakerId) => {
      const data = dataOf(await api.graphql(`query ($id: ID) { claims(speakerId: $id) { id speaker { id } } }`, { id: speakerId }));
      expect(sorted(ids(data.claims))).toEqual(sorted(annotation.claims.filter((c) => c.speakerId === speakerId).map((c) => c.id)));
      expect(data.claims.every((claim: any) => claim.speaker.id === speakerId)).toBe(true);
    },
  );

  it.each(['isis', 'gulenists', 'fetullah-gulen', 'kazakhstan', 'kazakhstan-unrest-2022-01', 'ankara', 'ruslan-balbek'])(
    'filters by subject %s',
    async (aboutId) => {
      const data = dataOf(await api.graphql(`query ($id: ID) { claims(aboutId: $id) { id about { id } } }`, { id: aboutId }));
      expect(sorted(ids(data.claims))).toEqual(
        sorted(annotation.claims.filter((c) => c.aboutIds.includes(aboutId)).map((c) => c.id)),
      );
      expect(data.claims.every((claim: any) => ids(claim.about).includes(aboutId))).toBe(true);
    },
  );

  it.each(['STATED', 'REPORTED', 'ALLEGED', 'EXPECTED'])('filters by certainty %s', async (certainty) => {
    const data = dataOf(await api.graphql(`query ($c: Certainty) { claims(certainty: $c) { id certainty } }`, { c: certainty }));
    expect(sorted(ids(data.claims))).toEqual(sorted(annotation.claims.filter((c) => c.certainty === certainty).map((c) => c.id)));
  });

  it('combines speaker, subject and certainty', async () => {
    const data = dataOf(
      await api.graphql(`{ claims(speakerId: "ruslan-balbek", aboutId: "fetullah-gulen", certainty: ALLEGED) { id } }`),
    );
    expect(sorted(ids(data.claims))).toEqual(
      sorted(
        annotation.claims
          .filter((c) => c.speakerId === 'ruslan-balbek' && c.aboutIds.includes('fetullah-gulen') && c.certainty === 'ALLEGED')
          .map((c) => c.id),
      ),
    );
    expect(data.claims).toHaveLength(3);
    const none = dataOf(await api.graphql(`{ claims(speakerId: "ruslan-balbek", certainty: STATED) { id } }`));
    expect(none.claims).toEqual([]);
  });
});

describe('deployments', () => {
  it('lists the five national contingents with every field', async () => {
    const data = dataOf(await api.graphql(`{ deployments { ${DEPLOYMENT} } }`));
    expect(sorted(ids(data.deployments))).toEqual(sorted(annotation.deployments.map((d) => d.id)));
    expect(sorted(data.deployments.map((d: any) => d.country.id))).toEqual(['armenia', 'belarus', 'kyrgyzstan', 'russia', 'tajikistan']);
    for (const deployment of data.deployments) {
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
    expectSpansInArticle(data.deployments);
  });

  it('Kyrgyzstan is EXPECTED to send 150 troops; Russia and Belarus ARRIVED; Armenia SENT some 70; Tajikistan SENDING 200', async () => {
    const data = dataOf(await api.graphql(`{ deployments { status certainty force country { id isoCode } troops { value approximate certainty } } }`));
    const byCountry = new Map(data.deployments.map((d: any) => [d.country.id, d]));
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
    const kazakhstan = dataOf(await api.graphql(`{ deployments(destinationId: "kazakhstan") { id destination { id } } }`));
    expect(kazakhstan.deployments).toHaveLength(annotation.deployments.filter((d) => d.destinationId === 'kazakhstan').length);
    expect(kazakhstan.deployments.every((d: any) => d.destination.id === 'kazakhstan')).toBe(true);
    const russia = dataOf(await api.graphql(`{ deployments(destinationId: "russia") { id } }`));
    expect(russia.deployments).toEqual([]);
  });
});

describe('articles and article', () => {
  const ARTICLE = `id title text publishedAt source
    entities { __typename id kind }
    countries: entities(kinds: [COUNTRY]) { id }
    peopleAndPlaces: entities(kinds: [PERSON, PLACE]) { id kind }
    figures { id } claims { id } deployments { id }`;

  it('lists the seeded article with its entities and facts', async () => {
    const data = dataOf(await api.graphql(`{ articles { ${ARTICLE} } }`));
    expect(data.articles).toHaveLength(1);
    const [article] = data.articles;
    expect(article).toMatchObject({ id: ARTICLE_ID, title: annotation.article.title, text: articleText });
    expect(article.publishedAt).toBe(annotation.article.publishedAt ?? null);
    expect(article.source).toBe(annotation.article.source ?? null);
    expect(sorted(ids(article.entities))).toEqual(sorted(ids(annotation.entities)));
    for (const entity of article.entities) expect(entity.__typename.toUpperCase()).toBe(entity.kind);
    expect(sorted(ids(article.countries))).toEqual(sorted(ids(entitiesOfKind('COUNTRY'))));
    expect(sorted(ids(article.peopleAndPlaces))).toEqual(sorted(ids([...entitiesOfKind('PERSON'), ...entitiesOfKind('PLACE')])));
    expect(sorted(ids(article.figures))).toEqual(sorted(ids(annotation.figures)));
    expect(sorted(ids(article.claims))).toEqual(sorted(ids(annotation.claims)));
    expect(sorted(ids(article.deployments))).toEqual(sorted(ids(annotation.deployments)));
  });

  it('finds the article by id, and gives null for an unknown one', async () => {
    const data = dataOf(
      await api.graphql(`query ($id: ID!) { article(id: $id) { ${ARTICLE} } missing: article(id: "no-such-article") { id } }`, {
        id: ARTICLE_ID,
      }),
    );
    const list = dataOf(await api.graphql(`{ articles { ${ARTICLE} } }`));
    expect(data.article).toEqual(list.articles[0]);
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
      expect(data.stats.relationsByType).toContainEqual({ type, count: annotation.relations.filter((r) => r.type === type).length });
    }
  });
});
