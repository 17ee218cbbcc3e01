import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, listAnnotationFiles, validateFiles } from '../../src/seed/load.ts';
import { AnnotationError, readAnnotationFile, readBackground, validateAnnotation, type KnownEntities } from '../../src/seed/validate.ts';
import type { Span } from '../../src/seed/annotation.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

const FIXTURE = path.join(FIXTURE_DIR, 'kazakhstan-unrest-2022-01.json');
const FIXTURE_TEXT = path.join(FIXTURE_DIR, 'kazakhstan-unrest-2022-01.txt');
const SOURCE_ARTICLE = '../shared/article/kazakhstan-unrest-2022-01.txt';
const text = readFileSync(FIXTURE_TEXT, 'utf8');
const fixtureJson = () => JSON.parse(readFileSync(FIXTURE, 'utf8'));

/** Every span anywhere in an annotation, with where it is. */
function allSpans(value: unknown, at = '$'): [string, Span][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => allSpans(item, `${at}[${index}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number' && typeof record.text === 'string') {
      return [[at, record as unknown as Span]];
    }
    return Object.entries(record).flatMap(([key, item]) => allSpans(item, `${at}.${key}`));
  }
  return [];
}

function problemsOf(json: unknown): string[] {
  try {
    validateAnnotation('test.json', json, text);
  } catch (error) {
    expect(error).toBeInstanceOf(AnnotationError);
    return (error as AnnotationError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  return [];
}

describe('the shipped seed/ folder', () => {
  it('validates, every article with the registry and background file beside it', async () => {
    const { articles } = await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR));
    expect(articles.length).toBeGreaterThan(0);
  });
});

describe('the fixture annotation', () => {
  // The source article sits in shared/ beside the checkout (as in CI); a bare clone elsewhere has none.
  it.skipIf(!existsSync(SOURCE_ARTICLE))('keeps the article text byte for byte, in the fixture and in seed/ while it holds it', () => {
    const source = readFileSync(SOURCE_ARTICLE);
    expect(readFileSync(FIXTURE_TEXT)).toEqual(source);
    const seedCopy = path.join(DEFAULT_SEED_DIR, path.basename(SOURCE_ARTICLE));
    if (existsSync(seedCopy)) expect(readFileSync(seedCopy)).toEqual(source);
  });

  it('is valid', async () => {
    await expect(readAnnotationFile(FIXTURE)).resolves.toBeDefined();
  });

  it('has evidence spans that all match the text', () => {
    const spans = allSpans(fixtureJson());
    expect(spans.length).toBeGreaterThan(100);
    for (const [where, span] of spans) {
      expect(text.slice(span.start, span.end), where).toBe(span.text);
    }
  });

  it('gives every number in the article a figure with its own wording', () => {
    const figures = fixtureJson().figures as { text: string }[];
    const wordings = figures.map((figure) => figure.text);
    for (const wording of ['dozens', '18', 'more than 2,000', 'more than 1,000', '400', 'Sixty-two', 'some 70', 'about 200', '150']) {
      expect(wordings).toContain(wording);
    }
  });
});

describe('validation errors name the file, the path and the problem', () => {
  it('rejects a dangling entity id', () => {
    const json = fixtureJson();
    json.relations[0].to = 'nobody';
    expect(problemsOf(json)).toContain('$.relations[0].to: unknown entity "nobody"');
  });

  it('rejects a span that does not match the text', () => {
    const json = fixtureJson();
    json.entities[0].mentions[0].text = 'wrong';
    expect(problemsOf(json).join('\n')).toMatch(/^\$\.entities\[0\]\.mentions\[0\]: text "wrong" does not match the article/m);
  });

  it('rejects an unknown enum value', () => {
    const json = fixtureJson();
    json.figures[0].certainty = 'PROBABLY';
    expect(problemsOf(json).join('\n')).toMatch(/^\$\.figures\[0\]\.certainty: /m);
  });

  it('rejects a missing required field and an unknown one', () => {
    const json = fixtureJson();
    delete json.entities[1].name;
    json.entities[2].nickname = 'x';
    const problems = problemsOf(json).join('\n');
    expect(problems).toMatch(/\$\.entities\[1\]\.name/);
    expect(problems).toMatch(/\$\.entities\[2\].*nickname/);
  });

  it('rejects a figure with both a value and bounds', () => {
    const json = fixtureJson();
    json.figures[0].value = 5;
    json.figures[0].lowerBound = 3;
    expect(problemsOf(json)).toContain('$.figures[0].value: a figure has either "value" or bounds, not both');
  });

  it('rejects a relation between the wrong kinds of entity', () => {
    const json = fixtureJson();
    const index = json.relations.findIndex((item: { type: string }) => item.type === 'HOLDS_POSITION');
    json.relations[index].from = 'kazakhstan';
    expect(problemsOf(json)).toContain(`$.relations[${index}].from: "kazakhstan" is a COUNTRY, expected PERSON`);
  });

  it('rejects a claim quote that is not verbatim', () => {
    const json = fixtureJson();
    json.claims[0].quote = 'words nobody said';
    expect(problemsOf(json).join('\n')).toMatch(/\$\.claims\[0\]\.quote: the quote does not occur verbatim/);
  });

  it('reports an unreadable file with its name', async () => {
    await expect(readAnnotationFile(FIXTURE_TEXT)).rejects.toThrow(
      /kazakhstan-unrest-2022-01\.txt has 1 problem:\n {2}\$: not readable JSON/,
    );
  });
});

describe('provenance, dates and statements: each mistake named', () => {
  const indexOf = (json: any, collection: string, id: string) => json[collection].findIndex((item: { id: string }) => item.id === id);

  it('rejects an INFERRED statement without a reason, and a reason on an ARTICLE one', () => {
    const json = fixtureJson();
    const inferred = json.relations.findIndex((relation: { basis?: string }) => relation.basis === 'INFERRED');
    delete json.relations[inferred].reason;
    json.relations[0].reason = 'because';
    const problems = problemsOf(json);
    expect(problems).toContain(`$.relations[${inferred}].reason: an INFERRED statement needs a one-line "reason"`);
    expect(problems).toContain('$.relations[0].reason: "reason" belongs to INFERRED statements; this one is ARTICLE');
  });

  it('refuses BACKGROUND in an article: background facts come from the background file', () => {
    const json = fixtureJson();
    json.relations[0].basis = 'BACKGROUND';
    expect(problemsOf(json).join('\n')).toMatch(/^\$\.relations\[0\]\.basis: /m);
  });

  it('rejects an INFERRED date without evidence, and a WEEK, MONTH or YEAR that does not start its period', () => {
    const json = fixtureJson();
    const unrest = indexOf(json, 'entities', 'kazakhstan-unrest-2022-01');
    delete json.entities[unrest].date.evidence;
    const storming = indexOf(json, 'entities', 'storming-of-government-buildings');
    json.entities[storming].date = { ...json.entities[storming].date, precision: 'WEEK', iso: '2022-01-05' };
    const looting = indexOf(json, 'entities', 'looting-of-businesses');
    json.entities[looting].date = { ...json.entities[looting].date, precision: 'MONTH', iso: '2022-01-05' };
    const burning = indexOf(json, 'entities', 'burning-of-government-buildings');
    json.entities[burning].date = { ...json.entities[burning].date, precision: 'YEAR', iso: '2022-02-01' };
    const problems = problemsOf(json);
    expect(problems).toContain(`$.entities[${unrest}].date.evidence: an INFERRED date needs the "evidence" spans it rests on`);
    expect(problems).toContain(`$.entities[${storming}].date.iso: a WEEK date starts on its Monday`);
    expect(problems).toContain(`$.entities[${looting}].date.iso: a MONTH date is the first day of its month`);
    expect(problems).toContain(`$.entities[${burning}].date.iso: a YEAR date is January 1 of its year`);
  });

  it('rejects a claim tied to an unknown claim, a circle of statements, and one that keeps its own medium', () => {
    const json = fixtureJson();
    const hands = indexOf(json, 'claims', 'balbek-hands-of-isis-and-gulenists-visible');
    json.claims[hands].sameStatementAs.claimId = 'no-such-claim';
    const organizing = indexOf(json, 'claims', 'balbek-isis-organizing-riots');
    const helm = indexOf(json, 'claims', 'balbek-gulen-trained-kazakhs-at-helm');
    json.claims[organizing].sameStatementAs.claimId = 'balbek-gulen-trained-kazakhs-at-helm';
    json.claims[helm].sameStatementAs.claimId = 'balbek-isis-organizing-riots';
    const virus = indexOf(json, 'claims', 'balbek-protesters-ideological-virus-from-gulen');
    json.claims[virus].mediumId = 'ria-novosti';
    const problems = problemsOf(json);
    expect(problems).toContain(`$.claims[${hands}].sameStatementAs.claimId: unknown claim "no-such-claim" in this article`);
    expect(problems).toContain(
      `$.claims[${organizing}].sameStatementAs.claimId: the statements go round in a circle: ` +
        'balbek-isis-organizing-riots → balbek-gulen-trained-kazakhs-at-helm → balbek-isis-organizing-riots',
    );
    expect(problems).toContain(
      `$.claims[${virus}].sameStatementAs: a claim from the same statement takes that statement's medium and date: drop its own "mediumId" and "date"`,
    );
  });
});

describe('the background file', () => {
  const registryWith = async (background: unknown) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-background-'));
    writeFileSync(path.join(dir, 'background.json'), JSON.stringify(background));
    const known = new Map([
      ['almaty', { entity: { kind: 'PLACE', id: 'almaty', name: 'Almaty', aliases: [], category: 'CITY' }, file: 'registry', fromRegistry: true }],
      ['kazakhstan', { entity: { kind: 'COUNTRY', id: 'kazakhstan', name: 'Kazakhstan', aliases: [], isoCode: 'KZ' }, file: 'registry', fromRegistry: true }],
    ]) as KnownEntities;
    try {
      return await readBackground(path.join(dir, 'background.json'), known).then(
        () => [],
        (error: AnnotationError) => error.problems.map((problem) => `${problem.path}: ${problem.message}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('the fixture\'s is valid, and a folder without one has none', async () => {
    const { background } = await validateFiles([FIXTURE]);
    expect(background?.relations.length).toBeGreaterThan(0);
    await expect(readBackground('no/such/background.json', new Map())).resolves.toBeNull();
  });

  it('names unknown entities, repeated entries, relations between the wrong kinds and malformed values', async () => {
    expect(
      await registryWith({
        entities: [{ id: 'nowhere' }, { id: 'almaty' }, { id: 'almaty' }],
        relations: [{ type: 'LOCATED_IN', from: 'kazakhstan', to: 'almaty', reference: 'a map' }],
      }),
    ).toEqual([
      '$.entities[0].id: unknown entity "nowhere": background facts are about entities the registry or an article declares',
      '$.entities[2].id: "almaty" is listed twice',
      '$.relations[0].from: "kazakhstan" is a COUNTRY, expected PLACE or ORGANIZATION',
    ]);
    const malformed = await registryWith({ entities: [{ id: 'almaty', wikidata: 'Almaty', coordinates: { latitude: 91, longitude: 0, reference: 'x' } }] });
    expect(malformed.join('\n')).toMatch(/\$\.entities\[0\]\.wikidata: must be a Wikidata item id such as "Q35493"/);
    expect(malformed.join('\n')).toMatch(/\$\.entities\[0\]\.coordinates\.latitude: /);
  });
});
