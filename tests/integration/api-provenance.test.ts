/**
 * Provenance against the seeded graph: every statement says whether the article gives it, its
 * context implies it (with evidence and a reason) or background knowledge supplies it (with a
 * reference); places and countries are on the map, unrest events are dated, and an analyst can
 * leave inferences and background out without the article's own statements changing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotation, ARTICLE_ID, articleText, background, dataOf, entitiesOfKind, ids, relations, sorted, spansIn } from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

const SPAN = 'start end text article { id }';
const PROVENANCE = `provenance { basis reason reference evidence { ${SPAN} } }`;
const COORDINATES = `coordinates { latitude longitude ${PROVENANCE} }`;

/** Events the article places in the unrest: the unrest itself, its parts, and what answered it. */
const unrestEvents = () =>
  entitiesOfKind('EVENT').filter(
    (event) =>
      event.id === 'kazakhstan-unrest-2022-01' ||
      relations.some((r) => r.type === 'PART_OF' && r.from === event.id && r.to === 'kazakhstan-unrest-2022-01') ||
      ['tokayev-request-to-csto', 'csto-deployment-kazakhstan'].includes(event.id),
  );

describe('places and countries on the map', () => {
  it('every place has coordinates and a country; every country has coordinates', async () => {
    const data = dataOf(
      await api.graphql(`{
        places(first: 100) { edges { node { id ... on Place { country { id } ${COORDINATES} } } } }
        countries(first: 100) { edges { node { id ... on Country { ${COORDINATES} } } } }
      }`),
    );
    const places = data.places.edges.map((edge: any) => edge.node);
    const countries = data.countries.edges.map((edge: any) => edge.node);
    expect(sorted(ids(places))).toEqual(sorted(ids(entitiesOfKind('PLACE'))));
    expect(sorted(ids(countries))).toEqual(sorted(ids(entitiesOfKind('COUNTRY'))));
    for (const place of places) {
      expect(place.country, place.id).not.toBeNull();
      expect(place.coordinates, place.id).not.toBeNull();
    }
    for (const country of countries) {
      expect(country.coordinates, country.id).not.toBeNull();
      expect(country.coordinates.provenance).toMatchObject({ basis: 'BACKGROUND', reference: expect.stringContaining('centroid') });
    }
    for (const { coordinates } of [...places, ...countries]) {
      const { basis, reason, reference, evidence } = coordinates.provenance;
      // Never from the article: a referenced background fact, or inherited with a reason.
      if (basis === 'BACKGROUND') expect(reference).toBeTruthy();
      else expect([basis, reason]).toEqual(['INFERRED', expect.stringContaining('which it is in')]);
      for (const span of evidence) expect(articleText.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('Ankara is in Turkey (background) and the unnamed city in Kazakhstan (inferred, with its reason)', async () => {
    const data = dataOf(
      await api.graphql(`{
        ankara: entity(id: "ankara") { ... on Place { country { id } relations(types: [LOCATED_IN]) { other { id } ${PROVENANCE} } } }
        city: entity(id: "unnamed-city-with-closed-airport") { ... on Place { country { id } ${COORDINATES} relations(types: [LOCATED_IN]) { other { id } ${PROVENANCE} } } }
      }`),
    );
    expect(data.ankara.country).toEqual({ id: 'turkey' });
    expect(data.ankara.relations).toEqual([
      { other: { id: 'turkey' }, provenance: { basis: 'BACKGROUND', reason: null, reference: expect.stringContaining('GeoNames'), evidence: [] } },
    ]);
    expect(data.city.country).toEqual({ id: 'kazakhstan' });
    const [located] = data.city.relations;
    expect(located.provenance).toMatchObject({ basis: 'INFERRED', reason: expect.stringContaining('does not name'), reference: null });
    expect(located.provenance.evidence.map((span: any) => span.text)).toEqual(['The airports in Almaty and one other city were shut down']);
    // Shown at Kazakhstan's centroid, as an inference resting on that relation.
    expect(data.city.coordinates).toMatchObject({ latitude: 48, longitude: 68, provenance: { basis: 'INFERRED' } });
  });

  it('leaves out inferred or background coordinates and countries on request', async () => {
    const data = dataOf(
      await api.graphql(`{
        building: entity(id: "almaty-presidential-residence") { ... on Place {
          all: coordinates { provenance { basis } } own: coordinates(excludeBasis: [INFERRED]) { latitude }
        } }
        almaty: entity(id: "almaty") { ... on Place {
          own: coordinates(excludeBasis: [INFERRED]) { latitude provenance { basis } } none: coordinates(excludeBasis: [BACKGROUND]) { latitude }
        } }
        city: entity(id: "unnamed-city-with-closed-airport") { ... on Place { stated: country(excludeBasis: [INFERRED]) { id } } }
        ankara: entity(id: "ankara") { ... on Place { stated: country(excludeBasis: [BACKGROUND]) { id } } }
      }`),
    );
    expect(data.building).toEqual({ all: { provenance: { basis: 'INFERRED' } }, own: null });
    expect(data.almaty).toEqual({ own: { latitude: 43.25667, provenance: { basis: 'BACKGROUND' } }, none: null });
    expect(data.city.stated).toBeNull();
    expect(data.ankara.stated).toBeNull();
  });

  it('gives every background entity its Wikidata id, as a background identifier', async () => {
    for (const { id, wikidata } of background.entities.filter((entity) => entity.wikidata)) {
      const data = dataOf(await api.graphql(`{ entity(id: "${id}") { identifiers { scheme id url provenance { basis reference } } } }`));
      expect(data.entity.identifiers, id).toEqual([
        { scheme: 'wikidata', id: wikidata, url: `https://www.wikidata.org/wiki/${wikidata}`, provenance: { basis: 'BACKGROUND', reference: `Wikidata ${wikidata}` } },
      ]);
    }
  });
});

describe('organizations', () => {
  it('the six CSTO member states are members as background knowledge', async () => {
    const data = dataOf(
      await api.graphql(`{ entity(id: "csto") { relations(types: [MEMBER_OF], direction: IN) { other { id } certainty ${PROVENANCE} } } }`),
    );
    expect(sorted(data.entity.relations.map((r: any) => r.other.id))).toEqual(['armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan']);
    for (const relation of data.entity.relations) expect(relation.provenance).toMatchObject({ basis: 'BACKGROUND', evidence: [] });
  });

  it('the Health Ministry and the government are Kazakhstan\'s, inferred from the article\'s context', async () => {
    for (const id of ['health-ministry-kazakhstan', 'government-of-kazakhstan']) {
      const data = dataOf(
        await api.graphql(`{ entity(id: "${id}") { ... on Organization { country { id } stated: country(excludeBasis: [INFERRED]) { id }
          relations(types: [PART_OF]) { ${PROVENANCE} } } } }`),
      );
      expect(data.entity.country, id).toEqual({ id: 'kazakhstan' });
      expect(data.entity.stated, id).toBeNull();
      expect(data.entity.relations[0].provenance).toMatchObject({ basis: 'INFERRED', reason: expect.stringMatching(/Kazakhstan/) });
      expect(data.entity.relations[0].provenance.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('dates', () => {
  it('every event the article places in the unrest has a date, with its interval and provenance', async () => {
    const expected = unrestEvents();
    expect(expected.length).toBeGreaterThanOrEqual(15);
    for (const { id } of expected) {
      const data = dataOf(await api.graphql(`{ entity(id: "${id}") { ... on Event { date { iso precision start end ${PROVENANCE} } } } }`));
      const { date } = data.entity;
      expect(date, id).not.toBeNull();
      expect(date.start).toBe(date.iso);
      expect(date.end >= date.start).toBe(true);
      expect(['ARTICLE', 'INFERRED']).toContain(date.provenance.basis);
      if (date.provenance.basis === 'INFERRED') expect(date.provenance.reason, id).toBeTruthy();
      expect(date.provenance.evidence.length, id).toBeGreaterThan(0);
    }
  });

  it('a WEEK date means Monday to Sunday; "over the past day" before January 6 is January 5', async () => {
    const data = dataOf(
      await api.graphql(`{
        unrest: entity(id: "kazakhstan-unrest-2022-01") { ... on Event { date { iso precision qualifier start end provenance { basis } } } }
        storming: entity(id: "storming-of-government-buildings") { ... on Event { date { precision start end provenance { basis reason evidence { text } } } } }
      }`),
    );
    expect(data.unrest.date).toEqual({
      iso: '2022-01-03',
      precision: 'WEEK',
      qualifier: 'earlier this week',
      start: '2022-01-03',
      end: '2022-01-09',
      provenance: { basis: 'INFERRED' },
    });
    expect(data.storming.date).toMatchObject({ precision: 'DAY', start: '2022-01-05', end: '2022-01-05', provenance: { basis: 'INFERRED' } });
    expect(data.storming.date.provenance.evidence.map((span: any) => span.text)).toEqual(['said early on January 6', 'over the past day']);
  });

  it('answers "what happened on January 6" from the timeline, and finds the week-dated unrest by any day of its week', async () => {
    for (const day of ['2022-01-03', '2022-01-06', '2022-01-09']) {
      const data = dataOf(await api.graphql(`{ timeline(from: "${day}", to: "${day}") { id } }`));
      expect(ids(data.timeline), day).toContain('kazakhstan-unrest-2022-01');
    }
    const after = dataOf(await api.graphql('{ timeline(from: "2022-01-10") { id } }'));
    expect(after.timeline).toEqual([]);
  });
});

describe('what the article states is untouched', () => {
  it('every annotated relation keeps its certainty and basis, with background and inference excluded or not', async () => {
    for (const excludeBasis of ['[]', '[INFERRED, BACKGROUND]']) {
      for (const entity of annotation.entities) {
        const data = dataOf(
          await api.graphql(`{ entity(id: "${entity.id}") { relations(first: 100, excludeBasis: ${excludeBasis}) {
            type direction other { id } certainty provenance { basis }
          } } }`),
        );
        const returned: string[] = data.entity.relations.map(
          (r: any) => `${r.type}|${r.direction === 'OUT' ? entity.id : r.other.id}|${r.direction === 'OUT' ? r.other.id : entity.id}|${r.certainty}|${r.provenance.basis}`,
        );
        const expected = relations
          .filter((r) => (r.from === entity.id || r.to === entity.id) && (excludeBasis === '[]' || r.basis === 'ARTICLE'))
          .map((r) => `${r.type}|${r.from}|${r.to}|${r.certainty}|${r.basis}`);
        expect(sorted(returned), `${entity.id} ${excludeBasis}`).toEqual(sorted(expected));
      }
    }
  });

  it('slices the article text exactly, for every provenance span', async () => {
    const data = dataOf(
      await api.graphql(`{
        timeline(first: 100) { date { ${PROVENANCE} } }
        claims(first: 20) { edges { node { date { ${PROVENANCE} } mediumProvenance { evidence { ${SPAN} } } } } }
        places(first: 20) { edges { node { ... on Place { ${COORDINATES} relations(first: 20) { ${PROVENANCE} } } } } }
      }`),
    );
    const spans = spansIn(data) as (ReturnType<typeof spansIn>[number] & { article: { id: string } })[];
    expect(spans.length).toBeGreaterThan(30);
    for (const span of spans) {
      expect(articleText.slice(span.start, span.end)).toBe(span.text);
      expect(span.article.id).toBe(ARTICLE_ID);
    }
  });
});
