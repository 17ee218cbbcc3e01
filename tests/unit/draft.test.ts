/** The draft annotation as a whole: linked to what a folder already holds, and valid once reviewed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../src/seed/annotation.ts';
import { draftAnnotation, findKnownMentions } from '../../src/seed/draft.ts';
import { readKnownGraph, type KnownGraph } from '../../src/seed/draft/known.ts';
import { listAnnotationFiles, validateFiles } from '../../src/seed/load.ts';
import { collectDeclarations, readRegistry, REGISTRY_FILE, textSha256, validateAnnotation } from '../../src/seed/validate.ts';

const KNOWN_DIR = 'tests/fixtures/draft-known';

const TEXT = `Kazakh troops retake Almaty airport

ALMATY, January 7, 2022 — Kazakh President Kassym-Jomart Tokayev said on Thursday that "terrorists" had been driven out of the airport in Almaty, which protesters seized on Wednesday. The Interior Ministry said 26 rioters had been killed and more than 3,000 people detained.

Russian paratroopers arrived in Kazakhstan on Thursday, the RIA Novosti agency reported.
`;

let known: KnownGraph;

beforeAll(async () => {
  known = await readKnownGraph(KNOWN_DIR);
});

const draftOf = (text: string) => draftAnnotation({ text, textFile: 'new.txt', articleId: 'new-article', known });
const spansOf = (entity: { mentions: unknown[] }) => entity.mentions as Span[];

describe('findKnownMentions', () => {
  it("matches whole words regardless of case and diacritics, an entity's longer names first", () => {
    const mentions = findKnownMentions('GULEN met Fethullah Gülen; Gulenists and the Kazakh Service of Kazakhstan.', [
      { id: 'gulen', names: ['Gülen', 'Fethullah Gulen'] },
      { id: 'service', names: ['Kazakh Service'] },
      { id: 'kazakh', names: ['Kazakh'] },
    ]);
    expect(mentions.get('gulen')).toEqual([{ start: 0, end: 5, text: 'GULEN' }, { start: 10, end: 25, text: 'Fethullah Gülen' }]);
    expect(mentions.get('service')).toEqual([{ start: 45, end: 59, text: 'Kazakh Service' }]);
    expect(mentions.get('kazakh')).toEqual([{ start: 45, end: 51, text: 'Kazakh' }]);
  });
});

describe('the known graph of a folder', () => {
  it('holds the registry, the annotated entities and events with their places, participants and dates', () => {
    expect(known.entities.map((entity) => entity.id).sort()).toEqual(
      ['almaty', 'almaty-airport-seizure', 'csto', 'kassym-jomart-tokayev', 'kazakhstan', 'russia', 'tokayev-request-to-csto'].sort(),
    );
    const seizure = known.events.find((event) => event.id === 'almaty-airport-seizure')!;
    expect(seizure).toMatchObject({ category: 'SEIZURE', date: { iso: '2022-01-05', precision: 'DAY' }, interval: { start: '2022-01-05', end: '2022-01-05' } });
    expect(seizure.places).toEqual(['almaty', 'kazakhstan']);
    expect(known.events.find((event) => event.id === 'tokayev-request-to-csto')!.participants).toEqual(['kassym-jomart-tokayev', 'csto']);
  });

  it('leaves out the article being drafted again', async () => {
    const without = await readKnownGraph(KNOWN_DIR, 'known-airport');
    expect(without.events).toEqual([]);
    expect(without.entities.map((entity) => entity.id).sort()).toEqual(['almaty', 'csto', 'kazakhstan', 'russia']);
  });
});

describe('the draft annotation', () => {
  it("takes the headline as the title, the dateline's date as publication date, and hashes the text", () => {
    const { annotation } = draftOf(TEXT);
    expect(annotation.draft).toBe(true);
    expect(annotation.article).toEqual({
      id: 'new-article',
      title: 'Kazakh troops retake Almaty airport',
      textFile: 'new.txt',
      publishedAt: '2022-01-07',
      textSha256: textSha256(TEXT),
    });
  });

  it('references known entities by id and declares new ones, every mention an exact span', () => {
    const { annotation } = draftOf(TEXT);
    const byId = new Map(annotation.entities.map((entity) => [entity.id, entity]));
    expect(byId.get('kassym-jomart-tokayev')).toMatchObject({ id: 'kassym-jomart-tokayev' });
    expect(byId.get('kassym-jomart-tokayev')).not.toHaveProperty('kind');
    expect(spansOf(byId.get('kazakhstan')!).map((span) => span.text)).toEqual(['Kazakh', 'Kazakh', 'Kazakhstan']);
    expect(spansOf(byId.get('russia')!).map((span) => span.text)).toEqual(['Russian']);
    expect(byId.get('ria-novosti')).toMatchObject({ kind: 'ORGANIZATION', name: 'RIA Novosti', category: 'NEWS_MEDIA' });
    for (const entity of annotation.entities) for (const span of spansOf(entity)) expect(TEXT.slice(span.start, span.end)).toBe(span.text);
  });

  it('references the events the folder already holds that the article restates, with why', () => {
    const { annotation, notes } = draftOf(TEXT);
    const seizure = annotation.entities.find((entity) => entity.id === 'almaty-airport-seizure');
    expect(seizure).toMatchObject({ certainty: 'STATED' });
    expect(seizure).not.toHaveProperty('kind');
    expect((seizure!.mentions as Span[]).map((span) => span.text)).toEqual(['seized']);
    expect(notes.find((note) => note.includes('almaty-airport-seizure'))).toMatch(/restates the known event "Protesters seize Almaty airport".*known-airport/);
  });

  it('points the reviewer at a figure the graph already has', async () => {
    const text = 'Kazakhstan said 18 security personnel died.';
    const withFigure: KnownGraph = { ...known, figures: [{ id: 'security-personnel-killed-18', metric: 'KILLED', amount: 18, eventId: 'clashes', articleId: 'first-report' }] };
    const { notes } = draftAnnotation({ text, textFile: 'new.txt', articleId: 'new-article', known: withFigure });
    expect(notes.find((note) => note.startsWith('$.figures[0]'))).toMatch(/the graph already has this number: security-personnel-killed-18 \(first-report, event clashes\)/);
  });

  it('proposes figures, a claim with its speaker and a deployment from the same sentences', () => {
    const { annotation } = draftOf(TEXT);
    expect(annotation.figures.map(({ metric, text, value, lowerBound, lowerBoundExclusive }) => ({ metric, text, value, lowerBound, lowerBoundExclusive }))).toEqual([
      { metric: 'KILLED', text: '26', value: 26, lowerBound: undefined, lowerBoundExclusive: false },
      { metric: 'ARRESTED', text: 'more than 3,000', value: undefined, lowerBound: 3000, lowerBoundExclusive: true },
    ]);
    expect(annotation.figures.every((figure) => figure.sourceId === 'interior-ministry')).toBe(true);
    expect(annotation.claims).toHaveLength(2);
    expect(annotation.claims[0]).toMatchObject({ speakerId: 'kassym-jomart-tokayev', quote: '"terrorists" had been driven out of the airport in Almaty, which protesters seized on Wednesday' });
    expect(annotation.claims[0]!.date).toMatchObject({ iso: '2022-01-06', precision: 'DAY', basis: 'INFERRED' });
    expect(annotation.deployments).toEqual([
      expect.objectContaining({ countryId: 'russia', destinationId: 'kazakhstan', force: 'paratroopers', status: 'ARRIVED', certainty: 'REPORTED', date: expect.objectContaining({ iso: '2022-01-06' }) }),
    ]);
  });

  it('passes the loader\'s validation, against the folder it links to, once a reviewer deletes "draft"', async () => {
    const { annotation } = draftOf(TEXT);
    const { articles } = await validateFiles(await listAnnotationFiles(KNOWN_DIR));
    const knownEntities = await readRegistry(path.join(KNOWN_DIR, REGISTRY_FILE));
    collectDeclarations(articles.map(({ file, annotation: other }) => ({ file, entities: other.entities })), knownEntities);
    expect(() => validateAnnotation('new.json', annotation, TEXT, knownEntities)).toThrow(/\$\.draft: this is an unreviewed draft/);
    const { draft: _draft, ...reviewed } = annotation;
    const valid = validateAnnotation('new.json', reviewed, TEXT, knownEntities);
    expect(valid.entities.length).toBe(annotation.entities.length);
  });

  it('says in its notes what it could not do: no headline, no publication date', () => {
    const { annotation, notes } = draftOf('Protesters gathered in Almaty on Thursday.');
    expect(annotation.article.title).toBe('new-article');
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/no headline/), expect.stringMatching(/no publication date/)]));
    expect(annotation.article).not.toHaveProperty('publishedAt');
  });

  it('drafts a real article text without failing, every span exact', () => {
    const text = readFileSync('tests/fixtures/draft-eval/draft-eval-csto-summit.txt', 'utf8');
    const { annotation } = draftOf(text);
    const spans = JSON.stringify(annotation).match(/\{"start":\d+,"end":\d+,"text":"(?:[^"\\]|\\.)*"\}/g)!.map((json) => JSON.parse(json) as Span);
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});
