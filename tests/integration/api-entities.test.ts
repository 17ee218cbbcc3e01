/**
 * `entity` and the fields of every entity type, checked against the seed annotation:
 * mentions, relations, claims, positions, each type's own fields, and the `first` of each list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import {
  annotatedEntity,
  annotation,
  ARTICLE_ID,
  articleText,
  dataOf,
  entitiesOfKind,
  ids,
  sorted,
  spanKeys,
  spansIn,
  relations,
} from './api-fixture.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

const kindOf = (id: string) => annotatedEntity(id).kind;
const TYPENAME = { PERSON: 'Person', ORGANIZATION: 'Organization', COUNTRY: 'Country', PLACE: 'Place', EVENT: 'Event' };

/** Annotated relations of a type leaving `id` (direction OUT). */
const outgoing = (id: string, type: string) => relations.filter((r) => r.from === id && r.type === type);
const incoming = (id: string, type: string) => relations.filter((r) => r.to === id && r.type === type);

/** The nearest country reached through LOCATED_IN / PART_OF (at most 4 hops), as the API defines it. */
function expectedCountry(id: string): string | null {
  let frontier = [id];
  for (let hop = 1; hop <= 4; hop += 1) {
    frontier = frontier.flatMap((from) =>
      relations.filter((r) => r.from === from && (r.type === 'LOCATED_IN' || r.type === 'PART_OF')).map((r) => r.to),
    );
    const country = frontier.find((candidate) => kindOf(candidate) === 'COUNTRY');
    if (country) return country;
  }
  return null;
}

/** Entities of a kind whose country (through LOCATED_IN / PART_OF chains) is `countryId`. */
function expectedInside(countryId: string, kind: 'PLACE' | 'ORGANIZATION'): string[] {
  const inside = new Set<string>();
  let frontier = [countryId];
  for (let hop = 1; hop <= 4; hop += 1) {
    frontier = frontier.flatMap((to) =>
      relations.filter((r) => r.to === to && (r.type === 'LOCATED_IN' || r.type === 'PART_OF')).map((r) => r.from),
    );
    for (const id of frontier) if (kindOf(id) === kind) inside.add(id);
  }
  return sorted([...inside]);
}

/** Countries an event happened in: through its own places or those of events it is part of. */
function expectedEventCountries(eventId: string): string[] {
  const events = [eventId];
  for (let index = 0; index < events.length && index < 4; index += 1) {
    for (const relation of outgoing(events[index]!, 'PART_OF')) if (kindOf(relation.to) === 'EVENT') events.push(relation.to);
  }
  const countries = new Set<string>();
  let frontier = events.flatMap((id) => outgoing(id, 'OCCURRED_IN').map((r) => r.to));
  for (let hop = 0; hop <= 4; hop += 1) {
    for (const id of frontier) if (kindOf(id) === 'COUNTRY') countries.add(id);
    frontier = frontier.flatMap((id) => outgoing(id, 'LOCATED_IN').map((r) => r.to));
  }
  return sorted([...countries]);
}

const SPAN = 'start end text article { id }';

describe('entity(id)', () => {
  it('returns every annotated entity with its kind, type, name, aliases and description', async () => {
    for (const expected of annotation.entities) {
      const data = dataOf(
        await api.graphql(
          `query ($id: ID!) { entity(id: $id) { __typename id kind name aliases description } }`,
          { id: expected.id },
        ),
      );
      expect(data.entity).toEqual({
        __typename: TYPENAME[expected.kind],
        id: expected.id,
        kind: expected.kind,
        name: expected.name,
        aliases: expected.aliases,
        description: expected.description ?? null,
      });
    }
  });

  it('gives null (not an error) for an unknown id', async () => {
    const data = dataOf(await api.graphql(`{ entity(id: "no-such-entity") { id name } }`));
    expect(data.entity).toBeNull();
  });

  it("gives each entity's mentions exactly as annotated, in the article's text", async () => {
    for (const expected of annotation.entities) {
      const data = dataOf(
        await api.graphql(`query ($id: ID!) { entity(id: $id) { mentions { ${SPAN} } } }`, { id: expected.id }),
      );
      const mentions = data.entity.mentions as { start: number; end: number; text: string; article: { id: string } }[];
      expect(spanKeys(mentions)).toEqual(spanKeys(expected.mentions));
      for (const mention of mentions) {
        expect(mention.article.id).toBe(ARTICLE_ID);
        expect(articleText.slice(mention.start, mention.end)).toBe(mention.text);
      }
    }
  });
});

describe('Entity.relations', () => {
  const RELATION = `type direction certainty title former role other { id kind } evidence { ${SPAN} }`;

  it('lists, for every entity, exactly the annotated relations touching it, seen from it', async () => {
    for (const entity of annotation.entities) {
      const data = dataOf(
        await api.graphql(`query ($id: ID!) { entity(id: $id) { relations { ${RELATION} } } }`, { id: entity.id }),
      );
      const actual = (data.entity.relations as any[]).map(
        (r) => `${r.type}|${r.direction}|${r.other.id}|${r.certainty}|${r.title}|${r.former}|${r.role}|${spanKeys(r.evidence).join(';')}`,
      );
      const expected = relations
        .filter((r) => r.from === entity.id || r.to === entity.id)
        .map(
          (r) =>
            `${r.type}|${r.from === entity.id ? 'OUT' : 'IN'}|${r.from === entity.id ? r.to : r.from}|${r.certainty}|` +
            `${r.title ?? null}|${r.former ?? null}|${r.role ?? null}|${spanKeys(r.evidence).join(';')}`,
        );
      expect(sorted(actual), entity.id).toEqual(sorted(expected));
      for (const relation of data.entity.relations as any[]) {
        expect(relation.other.kind).toBe(kindOf(relation.other.id));
        for (const span of relation.evidence) expect(articleText.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it('filters by types and direction', async () => {
    const data = dataOf(
      await api.graphql(`{
        entity(id: "kazakhstan") {
          locatedIn: relations(types: [LOCATED_IN], direction: IN) { type direction other { id } }
          occurredIn: relations(types: [OCCURRED_IN]) { type direction other { id } }
          both: relations(types: [HOLDS_POSITION, PART_OF]) { type direction other { id } }
          out: relations(direction: OUT) { type other { id } provenance { basis reference } }
          none: relations(types: [LED_BY]) { type }
          articleOnly: relations(excludeBasis: [INFERRED, BACKGROUND], first: 100) { type other { id } provenance { basis } }
        }
      }`),
    );
    expect(sorted(data.entity.locatedIn.map((r: any) => r.other.id))).toEqual(sorted(incoming('kazakhstan', 'LOCATED_IN').map((r) => r.from)));
    expect(data.entity.locatedIn.every((r: any) => r.type === 'LOCATED_IN' && r.direction === 'IN')).toBe(true);
    expect(sorted(data.entity.occurredIn.map((r: any) => r.other.id))).toEqual(
      sorted(incoming('kazakhstan', 'OCCURRED_IN').map((r) => r.from)),
    );
    expect(data.entity.occurredIn.every((r: any) => r.type === 'OCCURRED_IN' && r.direction === 'IN')).toBe(true);
    expect(sorted(data.entity.both.map((r: any) => `${r.type}:${r.other.id}`))).toEqual(
      sorted([...incoming('kazakhstan', 'HOLDS_POSITION'), ...incoming('kazakhstan', 'PART_OF')].map((r) => `${r.type}:${r.from}`)),
    );
    // Kazakhstan is the subject of one relation only: its CSTO membership, a background fact.
    expect(data.entity.out).toEqual([
      { type: 'MEMBER_OF', other: { id: 'csto' }, provenance: { basis: 'BACKGROUND', reference: expect.stringContaining('Collective Security Treaty') } },
    ]);
    expect(data.entity.none).toEqual([]);
    const articleOnly = relations.filter((r) => (r.from === 'kazakhstan' || r.to === 'kazakhstan') && r.basis === 'ARTICLE');
    expect(data.entity.articleOnly).toHaveLength(articleOnly.length);
    expect(data.entity.articleOnly.every((r: any) => r.provenance.basis === 'ARTICLE')).toBe(true);
  });

  it('with first: n gives the first n of the full list', async () => {
    const data = dataOf(
      await api.graphql(`{
        entity(id: "csto-deployment-kazakhstan") {
          all: relations { type other { id } }
          two: relations(first: 2) { type other { id } }
          hundred: relations(first: 100) { type other { id } }
        }
      }`),
    );
    const total = relations.filter(
      (r) => r.from === 'csto-deployment-kazakhstan' || r.to === 'csto-deployment-kazakhstan',
    ).length;
    expect(total).toBeGreaterThan(2);
    expect(data.entity.all).toHaveLength(total);
    expect(data.entity.two).toEqual(data.entity.all.slice(0, 2));
    expect(data.entity.hundred).toEqual(data.entity.all);
  });
});

describe('Entity.claims', () => {
  it('gives the claims an entity made, is the subject of, or either', async () => {
    for (const id of ['ruslan-balbek', 'isis', 'kazakhstan', 'fetullah-gulen', 'kassym-jomart-tokayev', 'almaty']) {
      const data = dataOf(
        await api.graphql(
          `query ($id: ID!) { entity(id: $id) {
             any: claims { id } speaker: claims(role: SPEAKER) { id } subject: claims(role: SUBJECT) { id }
           } }`,
          { id },
        ),
      );
      const spoken = annotation.claims.filter((c) => c.speakerId === id).map((c) => c.id);
      const about = annotation.claims.filter((c) => c.aboutIds.includes(id)).map((c) => c.id);
      expect(sorted(ids(data.entity.speaker)), id).toEqual(sorted(spoken));
      expect(sorted(ids(data.entity.subject)), id).toEqual(sorted(about));
      expect(sorted(ids(data.entity.any)), id).toEqual(sorted([...new Set([...spoken, ...about])]));
    }
  });

  it('has Balbek speak seven claims, all ALLEGED, and be the subject of none', async () => {
    const data = dataOf(
      await api.graphql(`{ entity(id: "ruslan-balbek") {
        speaker: claims(role: SPEAKER) { certainty speaker { id } }
        subject: claims(role: SUBJECT) { id }
      } }`),
    );
    expect(data.entity.speaker).toHaveLength(7);
    expect(data.entity.speaker.every((c: any) => c.certainty === 'ALLEGED' && c.speaker.id === 'ruslan-balbek')).toBe(true);
    expect(data.entity.subject).toEqual([]);
  });
});

describe('Person', () => {
  const POSITIONS = `positions { title former certainty of { __typename id name } evidence { ${SPAN} } }`;

  it('Tokayev is the current President of Kazakhstan', async () => {
    const data = dataOf(await api.graphql(`{ entity(id: "kassym-jomart-tokayev") { ... on Person { ${POSITIONS} } } }`));
    expect(data.entity.positions).toHaveLength(1);
    const [position] = data.entity.positions;
    expect(position).toMatchObject({
      title: 'President',
      former: false,
      certainty: 'STATED',
      of: { __typename: 'Country', id: 'kazakhstan', name: 'Kazakhstan' },
    });
    expect(position.evidence.map((span: any) => span.text)).toEqual(['Kazakh President Kassym-Jomart Tokayev']);
  });

  it("Balbek's HOLDS_POSITION in the State Duma is former", async () => {
    const data = dataOf(
      await api.graphql(`{ entity(id: "ruslan-balbek") {
        ... on Person { ${POSITIONS} }
        relations(types: [HOLDS_POSITION]) { type direction title former certainty other { id } }
      } }`),
    );
    expect(data.entity.positions).toHaveLength(1);
    expect(data.entity.positions[0]).toMatchObject({
      title: 'Member',
      former: true,
      certainty: 'STATED',
      of: { __typename: 'Organization', id: 'state-duma' },
    });
    expect(data.entity.relations).toEqual([
      { type: 'HOLDS_POSITION', direction: 'OUT', title: 'Member', former: true, certainty: 'STATED', other: { id: 'state-duma' } },
    ]);
  });

  it("every person's positions are their annotated HOLDS_POSITION relations", async () => {
    const list = dataOf(await api.graphql(`{ people(first: 100) { edges { node { id } } } }`));
    expect(sorted(list.people.edges.map((edge: any) => edge.node.id))).toEqual(sorted(ids(entitiesOfKind('PERSON'))));
    const people = [];
    for (const { node } of list.people.edges) {
      const data = dataOf(await api.graphql(`query ($id: ID!) { entity(id: $id) { id ... on Person { ${POSITIONS} } } }`, { id: node.id }));
      people.push(data.entity);
    }
    for (const person of people) {
      const expected = outgoing(person.id, 'HOLDS_POSITION').map(
        (r) => `${r.title}|${r.former ?? false}|${r.certainty}|${r.to}|${spanKeys(r.evidence).join(';')}`,
      );
      const actual = person.positions.map(
        (p: any) => `${p.title}|${p.former}|${p.certainty}|${p.of.id}|${spanKeys(p.evidence).join(';')}`,
      );
      expect(sorted(actual), person.id).toEqual(sorted(expected));
    }
    expect(people.find((person: any) => person.id === 'fetullah-gulen').positions).toEqual([]);
  });
});

describe('Organization', () => {
  it('has category, country, parent and ledBy as annotated, for every organization', async () => {
    const data = dataOf(
      await api.graphql(`{ organizations(first: 100) { totalCount edges { node {
        id kind category country { __typename id } parent { id } ledBy { __typename id }
      } } } }`),
    );
    const organizations = data.organizations.edges.map((edge: any) => edge.node);
    expect(data.organizations.totalCount).toBe(entitiesOfKind('ORGANIZATION').length);
    for (const organization of organizations) {
      const expected = annotatedEntity(organization.id);
      expect(organization.kind).toBe('ORGANIZATION');
      expect(organization.category).toBe('category' in expected ? expected.category : null);
      expect(organization.country?.id ?? null, organization.id).toBe(expectedCountry(organization.id));
      if (organization.country) expect(organization.country.__typename).toBe('Country');
      const parent = outgoing(organization.id, 'PART_OF').find((r) => kindOf(r.to) === 'ORGANIZATION')?.to ?? null;
      expect(organization.parent?.id ?? null, organization.id).toBe(parent);
      expect(organization.ledBy?.id ?? null, organization.id).toBe(outgoing(organization.id, 'LED_BY')[0]?.to ?? null);
    }
    const byId = new Map(organizations.map((organization: any) => [organization.id, organization]));
    expect(byId.get('csto')).toMatchObject({ category: 'MILITARY_ALLIANCE', ledBy: { __typename: 'Country', id: 'russia' } });
    expect(byId.get('gulenists')).toMatchObject({ category: 'MOVEMENT', ledBy: { __typename: 'Person', id: 'fetullah-gulen' } });
    expect(byId.get('rferl-kazakh-service')).toMatchObject({ parent: { id: 'rferl' } });
    expect(byId.get('state-duma')).toMatchObject({ category: 'LEGISLATURE', country: { id: 'russia' } });
    expect(byId.get('almaty-police')).toMatchObject({ category: 'POLICE', country: { id: 'kazakhstan' } });
    expect(byId.get('gulen-educational-institutions')).toMatchObject({ category: 'EDUCATIONAL', country: { id: 'turkey' } });
  });
});

describe('Country', () => {
  it('has isoCode, places and organizations, for every country', async () => {
    const data = dataOf(
      await api.graphql(`{ countries(first: 100) { totalCount edges { node {
        id kind isoCode places { __typename id } organizations { __typename id }
      } } } }`),
    );
    const countries = data.countries.edges.map((edge: any) => edge.node);
    expect(sorted(ids(countries))).toEqual(sorted(ids(entitiesOfKind('COUNTRY'))));
    for (const country of countries) {
      const expected = annotatedEntity(country.id);
      expect(country.kind).toBe('COUNTRY');
      expect(country.isoCode).toBe(expected.kind === 'COUNTRY' ? expected.isoCode : undefined);
      expect(sorted(ids(country.places)), country.id).toEqual(expectedInside(country.id, 'PLACE'));
      expect(sorted(ids(country.organizations)), country.id).toEqual(expectedInside(country.id, 'ORGANIZATION'));
      expect(country.places.every((place: any) => place.__typename === 'Place')).toBe(true);
      expect(country.organizations.every((organization: any) => organization.__typename === 'Organization')).toBe(true);
    }
    const kazakhstan = countries.find((country: any) => country.id === 'kazakhstan');
    expect(kazakhstan.isoCode).toBe('KZ');
    expect(ids(kazakhstan.places)).toEqual(
      expect.arrayContaining(['almaty', 'almaty-airport', 'almaty-presidential-residence', 'almaty-mayors-office']),
    );
    expect(sorted(ids(kazakhstan.organizations))).toEqual([
      'almaty-police',
      'government-of-kazakhstan',
      'health-ministry-kazakhstan',
      'interior-ministry-kazakhstan',
    ]);
  });
});

describe('Place', () => {
  it('has category, country, within and coordinates, for every place', async () => {
    const data = dataOf(
      await api.graphql(`{ places(first: 100) { totalCount edges { node {
        id kind category country { id } within { __typename id } coordinates { latitude longitude }
      } } } }`),
    );
    const places = data.places.edges.map((edge: any) => edge.node);
    expect(sorted(ids(places))).toEqual(sorted(ids(entitiesOfKind('PLACE'))));
    for (const place of places) {
      const expected = annotatedEntity(place.id);
      if (expected.kind !== 'PLACE') throw new Error(`${place.id} is not a place`);
      expect(place.kind).toBe('PLACE');
      expect(place.category).toBe(expected.category);
      expect(place.coordinates, place.id).not.toBeNull();
      expect(place.country?.id ?? null, place.id).toBe(expectedCountry(place.id));
      const within = outgoing(place.id, 'LOCATED_IN').find((r) => kindOf(r.to) === 'PLACE')?.to ?? null;
      expect(place.within?.id ?? null, place.id).toBe(within);
    }
    const airport = places.find((place: any) => place.id === 'almaty-airport');
    expect(airport).toMatchObject({ category: 'AIRPORT', country: { id: 'kazakhstan' }, within: { __typename: 'Place', id: 'almaty' } });
    const almaty = places.find((place: any) => place.id === 'almaty');
    expect(almaty).toMatchObject({ category: 'CITY', within: null, coordinates: { latitude: 43.25667, longitude: 76.92861 } });
  });
});

describe('Event', () => {
  const EVENT_FIELDS = `
    id kind category certainty
    date { iso precision qualifier }
    places { __typename id }
    countries { id }
    participants { entity { id } role certainty evidence { start end text } }
    partOf { id }
    subEvents { id }
    figures { id }
    reportedBy { id }
    evidence { ${SPAN} }`;

  it('has every event field as annotated, for every event', async () => {
    const events: any[] = [];
    for (const event of entitiesOfKind('EVENT')) {
      const data = dataOf(
        await api.graphql(`query ($id: ID!) { entity(id: $id) { ... on Event { ${EVENT_FIELDS} } } }`, { id: event.id }),
      );
      events.push(data.entity);
    }
    for (const event of events) {
      const expected = annotatedEntity(event.id);
      if (expected.kind !== 'EVENT') throw new Error(`${event.id} is not an event`);
      expect(event.kind).toBe('EVENT');
      expect(event.category).toBe(expected.category);
      expect(event.certainty).toBe(expected.certainty);
      expect(event.date).toEqual(
        expected.date ? { iso: expected.date.iso, precision: expected.date.precision, qualifier: expected.date.qualifier ?? null } : null,
      );
      expect(spanKeys(event.evidence)).toEqual(spanKeys(expected.evidence));
      expect(sorted(ids(event.places)), event.id).toEqual(
        sorted(outgoing(event.id, 'OCCURRED_IN').filter((r) => kindOf(r.to) === 'PLACE').map((r) => r.to)),
      );
      expect(event.places.every((place: any) => place.__typename === 'Place')).toBe(true);
      expect(sorted(ids(event.countries)), event.id).toEqual(expectedEventCountries(event.id));
      expect(
        sorted(event.participants.map((p: any) => `${p.entity.id}|${p.role}|${p.certainty}|${spanKeys(p.evidence).join(';')}`)),
        event.id,
      ).toEqual(
        sorted(incoming(event.id, 'PARTICIPATED_IN').map((r) => `${r.from}|${r.role}|${r.certainty}|${spanKeys(r.evidence).join(';')}`)),
      );
      expect(event.partOf?.id ?? null).toBe(outgoing(event.id, 'PART_OF')[0]?.to ?? null);
      expect(sorted(ids(event.subEvents)), event.id).toEqual(sorted(incoming(event.id, 'PART_OF').map((r) => r.from)));
      expect(sorted(ids(event.figures)), event.id).toEqual(
        sorted(annotation.figures.filter((figure) => figure.eventId === event.id).map((figure) => figure.id)),
      );
      expect(sorted(ids(event.reportedBy)), event.id).toEqual(sorted(outgoing(event.id, 'REPORTED_BY').map((r) => r.to)));
    }
  });

  it('the CSTO deployment has five country contingents, Kyrgyzstan only EXPECTED', async () => {
    const data = dataOf(
      await api.graphql(`{ entity(id: "csto-deployment-kazakhstan") { ... on Event {
        category certainty countries { id } participants { entity { __typename id } role certainty }
        figures { metric value }
      } } }`),
    );
    const contingents = data.entity.participants.filter((p: any) => p.role.startsWith('contingent'));
    expect(sorted(contingents.map((p: any) => p.entity.id))).toEqual(['armenia', 'belarus', 'kyrgyzstan', 'russia', 'tajikistan']);
    expect(contingents.every((p: any) => p.entity.__typename === 'Country')).toBe(true);
    expect(contingents.find((p: any) => p.entity.id === 'kyrgyzstan').certainty).toBe('EXPECTED');
    expect(data.entity).toMatchObject({ category: 'DEPLOYMENT', certainty: 'REPORTED', countries: [{ id: 'kazakhstan' }] });
    expect(sorted(data.entity.figures.map((figure: any) => `${figure.metric}:${figure.value}`))).toEqual([
      'TROOPS:150',
      'TROOPS:200',
      'TROOPS:70',
    ]);
  });

  it('the unrest is a week-precise event with twelve sub-events, in Kazakhstan', async () => {
    const data = dataOf(
      await api.graphql(`{ entity(id: "kazakhstan-unrest-2022-01") { ... on Event {
        date { iso precision qualifier } partOf { id } subEvents { id partOf { id } } countries { id }
      } } }`),
    );
    expect(data.entity.date).toEqual({ iso: '2022-01-03', precision: 'WEEK', qualifier: 'earlier this week' });
    expect(data.entity.partOf).toBeNull();
    expect(data.entity.subEvents).toHaveLength(12);
    expect(data.entity.subEvents.every((sub: any) => sub.partOf.id === 'kazakhstan-unrest-2022-01')).toBe(true);
    expect(data.entity.countries).toEqual([{ id: 'kazakhstan' }]);
  });
});

describe('nested lists', () => {
  const touching = (id: string) => relations.filter((r) => r.from === id || r.to === id);
  const eventEvidence = (id: string) => {
    const event = annotatedEntity(id);
    if (event.kind !== 'EVENT') throw new Error(`${id} is not an event`);
    return event.evidence;
  };
  /** [type, entity, list field, selection, how many items the annotation gives it]: lists with more than two items. */
  const LISTS: [string, string, string, string, number][] = [
    ['Entity', 'kazakhstan', 'mentions', 'start end text', annotatedEntity('kazakhstan').mentions.length],
    ['Entity', 'csto-deployment-kazakhstan', 'relations', 'type direction other { id }', touching('csto-deployment-kazakhstan').length],
    ['Entity', 'kazakhstan-unrest-2022-01', 'claims', 'id', annotation.claims.filter((c) => c.aboutIds.includes('kazakhstan-unrest-2022-01')).length],
    ['Country', 'kazakhstan', 'places', 'id', expectedInside('kazakhstan', 'PLACE').length],
    ['Event', 'arson-presidential-residence-mayors-office', 'places', 'id', outgoing('arson-presidential-residence-mayors-office', 'OCCURRED_IN').length],
    ['Event', 'csto-deployment-kazakhstan', 'participants', 'role entity { id }', incoming('csto-deployment-kazakhstan', 'PARTICIPATED_IN').length],
    ['Event', 'kazakhstan-unrest-2022-01', 'subEvents', 'id', incoming('kazakhstan-unrest-2022-01', 'PART_OF').length],
    ['Event', 'csto-deployment-kazakhstan', 'figures', 'id', annotation.figures.filter((f) => f.eventId === 'csto-deployment-kazakhstan').length],
    ['Event', 'csto-deployment-kazakhstan', 'evidence', 'start end', eventEvidence('csto-deployment-kazakhstan').length],
  ];

  it.each(LISTS)('%s.%s of %s: first: 2 is the start of the whole list; the default is the first 20', async (type, id, field, selection, count) => {
    const data = dataOf(
      await api.graphql(`query ($id: ID!) { entity(id: $id) { ... on ${type} {
        two: ${field}(first: 2) { ${selection} }
        whole: ${field}(first: 100) { ${selection} }
        byDefault: ${field} { ${selection} }
      } } }`, { id }),
    );
    expect(count).toBeGreaterThan(2);
    expect(data.entity.whole).toHaveLength(count);
    expect(data.entity.two).toEqual(data.entity.whole.slice(0, 2));
    expect(data.entity.byDefault).toEqual(data.entity.whole.slice(0, 20));
  });

  it('Person.positions and Country.organizations take first too', async () => {
    const data = dataOf(
      await api.graphql(`{
        tokayev: entity(id: "kassym-jomart-tokayev") { ... on Person { one: positions(first: 1) { title } whole: positions(first: 100) { title } } }
        kazakhstan: entity(id: "kazakhstan") { ... on Country { one: organizations(first: 1) { id } whole: organizations(first: 100) { id } } }
      }`),
    );
    expect(data.tokayev.whole).toEqual([{ title: 'President' }]);
    expect(data.tokayev.one).toEqual(data.tokayev.whole);
    expect(data.kazakhstan.whole).toHaveLength(expectedInside('kazakhstan', 'ORGANIZATION').length);
    expect(data.kazakhstan.one).toEqual(data.kazakhstan.whole.slice(0, 1));
  });
});

describe('TextSpan', () => {
  it('slices the article text exactly, for every span the entity fields return', async () => {
    const { article } = dataOf(await api.graphql(`{ article(id: "${ARTICLE_ID}") { text } }`));
    expect(article.text).toBe(articleText);
    const spans: (ReturnType<typeof spansIn>[number] & { article: { id: string } })[] = [];
    for (const entity of annotation.entities) {
      const data = dataOf(
        await api.graphql(
          `query ($id: ID!) { entity(id: $id) {
            mentions { ${SPAN} }
            relations { evidence { ${SPAN} } }
            ... on Person { positions { evidence { ${SPAN} } } }
            ... on Event { evidence { ${SPAN} } participants { evidence { ${SPAN} } } }
          } }`,
          { id: entity.id },
        ),
      );
      spans.push(...(spansIn(data.entity) as typeof spans));
    }
    const annotatedMentions = annotation.entities.reduce((count, entity) => count + entity.mentions.length, 0);
    expect(spans.length).toBeGreaterThan(annotatedMentions);
    for (const span of spans) {
      expect(span.article.id).toBe(ARTICLE_ID);
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeGreaterThan(span.start);
      expect(article.text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});
