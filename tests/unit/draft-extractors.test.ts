/** Each extractor of the draft on the sentences of news style it is there for. */
import { describe, expect, it } from 'vitest';
import { certaintyOf } from '../../src/seed/draft/attribution.ts';
import { findClaims } from '../../src/seed/draft/claims.ts';
import { datelineOf, findDates } from '../../src/seed/draft/dates.ts';
import { findEntities, type FoundEntity } from '../../src/seed/draft/entities.ts';
import { findFigures } from '../../src/seed/draft/figures.ts';
import { lookUpPlace } from '../../src/seed/draft/gazetteer.ts';
import type { KnownEntity } from '../../src/seed/draft/known.ts';
import { sentencesOf } from '../../src/seed/draft/text.ts';
import { titleOf } from '../../src/seed/draft/title.ts';

const known = (id: string, kind: KnownEntity['kind'], names: string[], extra: Partial<KnownEntity> = {}): KnownEntity => ({ id, kind, name: names[0]!, names, articles: [], ...extra });
const KNOWN: KnownEntity[] = [known('armenia', 'COUNTRY', ['Armenia'], { isoCode: 'AM' }), known('kazakhstan', 'COUNTRY', ['Kazakhstan'], { isoCode: 'KZ' })];

const entitiesOf = (text: string, knownEntities = KNOWN) => findEntities(text, knownEntities).entities;
const named = (entities: FoundEntity[]) => Object.fromEntries(entities.map((entity) => [entity.id, { kind: entity.kind, mentions: entity.mentions.map((span) => span.text) }]));

describe('named entities', () => {
  it('makes a person of a name after a title, and nothing of a title alone', () => {
    const entities = entitiesOf('President Vladimir Putin spoke. The President left. Deputy Mayor Yerlan Aukenov agreed.');
    expect(named(entities)).toMatchObject({
      'vladimir-putin': { kind: 'PERSON', mentions: ['Vladimir Putin'] },
      'yerlan-aukenov': { kind: 'PERSON', mentions: ['Yerlan Aukenov'] },
    });
    expect(entities.map((entity) => entity.name)).not.toContain('President');
    expect(entities.find((entity) => entity.id === 'vladimir-putin')!.positions.map((position) => position.title)).toEqual(['President']);
  });

  it("links a country's adjective before a title to the country, and records the position", () => {
    const entities = entitiesOf('Armenian Prime Minister Nikol Pashinyan wrote on Facebook.');
    const pashinyan = entities.find((entity) => entity.id === 'nikol-pashinyan')!;
    expect(pashinyan.positions).toEqual([{ title: 'Prime Minister', ofId: 'armenia', evidence: { start: 0, end: 39, text: 'Armenian Prime Minister Nikol Pashinyan' } }]);
    expect(named(entities)['armenia']).toEqual({ kind: 'COUNTRY', mentions: ['Armenian'] });
  });

  it('takes outlets for organizations, not for the country in their name', () => {
    const entities = entitiesOf("Sputnik Armenia reported the news. The minister told Interfax that RIA Novosti's report was wrong.");
    const byName = Object.fromEntries(entities.map((entity) => [entity.name, entity]));
    expect(byName['Sputnik Armenia']).toMatchObject({ kind: 'ORGANIZATION', category: 'NEWS_MEDIA' });
    expect(byName['Interfax']).toMatchObject({ kind: 'ORGANIZATION', category: 'NEWS_MEDIA' });
    expect(byName['RIA Novosti']).toMatchObject({ kind: 'ORGANIZATION', category: 'NEWS_MEDIA' });
    expect(entities.find((entity) => entity.id === 'armenia')).toBeUndefined();
  });

  it('splits a possessive: the owner is its own mention, the owned institution is of the owner', () => {
    const entities = entitiesOf("Kazakhstan's Interior Ministry said so.");
    expect(named(entities)).toEqual({
      kazakhstan: { kind: 'COUNTRY', mentions: ['Kazakhstan'] },
      'interior-ministry-kazakhstan': { kind: 'ORGANIZATION', mentions: ['Interior Ministry'] },
    });
  });

  it('links gazetteer countries and cities by their known ids, or proposes them with coordinates and a reference', () => {
    const entities = entitiesOf('Troops flew from Moscow to Kazakhstan and the Kyrgyz capital.');
    expect(entities.find((entity) => entity.id === 'kazakhstan')).toMatchObject({ known: true });
    const moscow = entities.find((entity) => entity.id === 'moscow')!;
    expect(moscow).toMatchObject({ kind: 'PLACE', known: false, category: 'CITY', place: { isoCode: 'RU', reference: expect.stringMatching(/^GeoNames \d+ \(Moscow\)$/) } });
    expect(moscow.place!.latitude).toBeCloseTo(55.75, 1);
    expect(entities.find((entity) => entity.id === 'kyrgyzstan')).toMatchObject({ kind: 'COUNTRY', isoCode: 'KG', mentions: [{ text: 'Kyrgyz' }] });
  });

  it('names a person again by the last name alone', () => {
    const entities = entitiesOf('Ruslan Balbek told reporters. Balbek said more later, and President Vladimir Putin agreed. Russia backed Putin.');
    expect(named(entities)['ruslan-balbek']).toEqual({ kind: 'PERSON', mentions: ['Ruslan Balbek', 'Balbek'] });
    expect(named(entities)['vladimir-putin']).toEqual({ kind: 'PERSON', mentions: ['Vladimir Putin', 'Putin'] });
    expect(entities.filter((entity) => entity.kind === 'PERSON')).toHaveLength(2);
  });
});

describe('the gazetteer', () => {
  it('maps demonyms and alternative spellings to countries, larger countries first', () => {
    expect(lookUpPlace('Kazakh')).toMatchObject({ kind: 'COUNTRY', isoCode: 'KZ', namedBy: 'DEMONYM' });
    expect(lookUpPlace('Russian')).toMatchObject({ isoCode: 'RU' });
    expect(lookUpPlace('Qazaqstan')).toMatchObject({ isoCode: 'KZ', namedBy: 'NAME' });
    expect(lookUpPlace('American')).toMatchObject({ isoCode: 'US' });
    expect(lookUpPlace('Almaty')).toMatchObject({ kind: 'PLACE', isoCode: 'KZ', reference: 'GeoNames 1526384 (Almaty)' });
    expect(lookUpPlace('Novosti')).toBeUndefined();
  });
});

describe('dates', () => {
  const PUBLISHED = '2022-01-07'; // a Friday
  it('resolves weekdays and "this week" against the publication date, as inferences', () => {
    const dates = findDates('Troops arrived on Thursday. Protesters stormed it on Wednesday. The unrest began earlier this week.', PUBLISHED);
    expect(dates.map(({ span, iso, precision, inferredReason }) => ({ text: span.text, iso, precision, inferred: inferredReason !== undefined }))).toEqual([
      { text: 'on Thursday', iso: '2022-01-06', precision: 'DAY', inferred: true },
      { text: 'on Wednesday', iso: '2022-01-05', precision: 'DAY', inferred: true },
      { text: 'earlier this week', iso: '2022-01-03', precision: 'WEEK', inferred: true },
    ]);
  });

  it('gives written dates the publication year, their qualifier, and a month its first day', () => {
    const dates = findDates('Police said early on January 6 that troops came on the evening of January 6. It started in early January.', PUBLISHED);
    expect(dates.map(({ span, iso, precision, qualifier }) => ({ text: span.text, iso, precision, qualifier }))).toEqual([
      { text: 'January 6', iso: '2022-01-06', precision: 'DAY', qualifier: 'early' },
      { text: 'January 6', iso: '2022-01-06', precision: 'DAY', qualifier: 'evening' },
      { text: 'January', iso: '2022-01-01', precision: 'MONTH', qualifier: 'early' },
    ]);
  });

  it('leaves relative dates alone without a publication date, and spans relative to a statement to the reviewer', () => {
    expect(findDates('Troops arrived on Thursday, this week.', undefined)).toEqual([]);
    expect(findDates('Dozens were killed over the past day.', PUBLISHED)).toEqual([]);
  });

  it('reads the dateline of a wire report', () => {
    expect(datelineOf('Headline\n\nALMATY, Kazakhstan, January 6, 2022 (Wire) — Text.')).toMatchObject({ iso: '2022-01-06', span: { text: 'January 6, 2022' } });
    expect(datelineOf('No date here.\nNone at all.')).toBeUndefined();
  });
});

describe('figures', () => {
  const figuresOf = (text: string) =>
    findFigures(text, sentencesOf(text), findDates(text, '2022-01-07')).map(({ span, metric, counts, value, lowerBound, lowerBoundExclusive, upperBound, approximate }) => ({
      text: span.text, metric, counts, value, lowerBound, lowerBoundExclusive, upperBound, approximate,
    }));

  it('maps bound words to bounds', () => {
    expect(
      figuresOf('More than 2,000 people were arrested. At least 164 people were killed. Some 70 soldiers were sent. Up to 400 were injured. Dozens of rioters were killed. About 4,400 were detained.'),
    ).toEqual([
      { text: 'More than 2,000', metric: 'ARRESTED', counts: 'people', value: undefined, lowerBound: 2000, lowerBoundExclusive: true, upperBound: undefined, approximate: false },
      { text: 'At least 164', metric: 'KILLED', counts: 'people', value: undefined, lowerBound: 164, lowerBoundExclusive: false, upperBound: undefined, approximate: false },
      { text: 'Some 70', metric: 'TROOPS', counts: 'soldiers', value: 70, lowerBound: undefined, lowerBoundExclusive: false, upperBound: undefined, approximate: true },
      { text: 'Up to 400', metric: 'INJURED', counts: 'people', value: undefined, lowerBound: undefined, lowerBoundExclusive: false, upperBound: 400, approximate: false },
      { text: 'Dozens', metric: 'KILLED', counts: 'rioters', value: undefined, lowerBound: 24, lowerBoundExclusive: false, upperBound: undefined, approximate: true },
      { text: 'About 4,400', metric: 'ARRESTED', counts: 'people', value: 4400, lowerBound: undefined, lowerBoundExclusive: false, upperBound: undefined, approximate: true },
    ]);
  });

  it('takes the metric of the first counting word after the number, and leaves dates, years, ordinals and towns alone', () => {
    expect(figuresOf('More than 1,000 people were injured and 400 hospitalized on January 6, 2022.').map((figure) => [figure.text, figure.metric])).toEqual([
      ['More than 1,000', 'INJURED'],
      ['400', 'HOSPITALIZED'],
    ]);
    expect(figuresOf('The first troops arrived. People were killed in at least two smaller towns.')).toEqual([]);
  });
});

describe('claims', () => {
  const claimsOf = (text: string) => {
    const { entities } = findEntities(text, KNOWN);
    return findClaims(text, sentencesOf(text), entities).map((claim) => ({
      speaker: claim.speaker.id, medium: claim.medium?.id, quote: claim.quote.text, kind: claim.kind, certainty: claim.certainty, continues: claim.continues?.quote.text,
    }));
  };

  it('finds reported speech with its speaker and medium, and quotations whose speaker is a pronoun', () => {
    expect(
      claimsOf('Ruslan Balbek told RIA Novosti on January 6 that foreign agents are behind the riots in Kazakhstan. "The hands of foreign agents are visible in the riots," said he.'),
    ).toEqual([
      { speaker: 'ruslan-balbek', medium: 'ria-novosti', quote: 'foreign agents are behind the riots in Kazakhstan', kind: 'ACCUSATION', certainty: 'ALLEGED', continues: undefined },
      { speaker: 'ruslan-balbek', medium: undefined, quote: 'The hands of foreign agents are visible in the riots', kind: 'STATEMENT', certainty: 'STATED', continues: 'foreign agents are behind the riots in Kazakhstan' },
    ]);
  });

  it('reads blame as an allegation, and ends it where the next verb begins', () => {
    expect(claimsOf('President Kassym-Jomart Tokayev has blamed foreign-trained gangs for the violence and asked for help.')).toEqual([
      { speaker: 'kassym-jomart-tokayev', medium: undefined, quote: 'blamed foreign-trained gangs for the violence', kind: 'BLAME', certainty: 'ALLEGED', continues: undefined },
    ]);
  });

  it('reads the certainty cues of a sentence', () => {
    expect(certaintyOf('Armenia reportedly sent 70 soldiers.')).toEqual({ certainty: 'REPORTED', cue: 'reportedly' });
    expect(certaintyOf('Kyrgyzstan is expected to send 150 troops.')).toEqual({ certainty: 'EXPECTED', cue: 'is expected to' });
    expect(certaintyOf('He blamed the gangs.')).toEqual({ certainty: 'ALLEGED', cue: 'blamed' });
    expect(certaintyOf('The alleged organizer fled.')).toMatchObject({ certainty: 'ALLEGED' });
    expect(certaintyOf('Sixty-two people are in intensive care, according to the ministry.')).toMatchObject({ certainty: 'REPORTED' });
    expect(certaintyOf('Troops arrived, the RIA Novosti agency reported.')).toMatchObject({ certainty: 'REPORTED' });
    expect(certaintyOf('The ministry said 18 died.')).toEqual({ certainty: 'STATED' });
  });
});

describe('the title', () => {
  it('is the headline line, never a cut sentence', () => {
    expect(titleOf('Protesters seize Almaty airport\n\nALMATY — Text.')).toMatchObject({ text: 'Protesters seize Almaty airport' });
    expect(titleOf('Media reports note that police in Almaty said early on January 6 that dozens had died.\n\nMore.')).toBeUndefined();
    expect(titleOf('One paragraph only, no headline')).toBeUndefined();
  });
});
