import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnnotationError, readAnnotationFile, validateAnnotation } from '../../src/seed/validate.ts';
import type { Span } from '../../src/seed/annotation.ts';

const SEED = 'seed/kazakhstan-unrest-2022-01.json';
const SOURCE_ARTICLE = '../shared/article/kazakhstan-unrest-2022-01.txt';
const text = readFileSync('seed/kazakhstan-unrest-2022-01.txt', 'utf8');
const seedJson = () => JSON.parse(readFileSync(SEED, 'utf8'));

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

describe('the seed annotation', () => {
  // The source article sits in shared/ beside the checkout (as in CI); a bare clone elsewhere has none.
  it.skipIf(!existsSync(SOURCE_ARTICLE))('keeps the article text byte for byte', () => {
    expect(readFileSync('seed/kazakhstan-unrest-2022-01.txt')).toEqual(readFileSync(SOURCE_ARTICLE));
  });

  it('is valid', async () => {
    await expect(readAnnotationFile(SEED)).resolves.toBeDefined();
  });

  it('has evidence spans that all match the text', () => {
    const spans = allSpans(seedJson());
    expect(spans.length).toBeGreaterThan(100);
    for (const [where, span] of spans) {
      expect(text.slice(span.start, span.end), where).toBe(span.text);
    }
  });

  it('gives every number in the article a figure with its own wording', () => {
    const figures = seedJson().figures as { text: string }[];
    const wordings = figures.map((figure) => figure.text);
    for (const wording of ['dozens', '18', 'more than 2,000', 'more than 1,000', '400', 'Sixty-two', 'some 70', 'about 200', '150']) {
      expect(wordings).toContain(wording);
    }
  });
});

describe('validation errors name the file, the path and the problem', () => {
  it('rejects a dangling entity id', () => {
    const json = seedJson();
    json.relations[0].to = 'nobody';
    expect(problemsOf(json)).toContain('$.relations[0].to: unknown entity "nobody"');
  });

  it('rejects a span that does not match the text', () => {
    const json = seedJson();
    json.entities[0].mentions[0].text = 'wrong';
    expect(problemsOf(json).join('\n')).toMatch(/^\$\.entities\[0\]\.mentions\[0\]: text "wrong" does not match the article/m);
  });

  it('rejects an unknown enum value', () => {
    const json = seedJson();
    json.figures[0].certainty = 'PROBABLY';
    expect(problemsOf(json).join('\n')).toMatch(/^\$\.figures\[0\]\.certainty: /m);
  });

  it('rejects a missing required field and an unknown one', () => {
    const json = seedJson();
    delete json.entities[1].name;
    json.entities[2].nickname = 'x';
    const problems = problemsOf(json).join('\n');
    expect(problems).toMatch(/\$\.entities\[1\]\.name/);
    expect(problems).toMatch(/\$\.entities\[2\].*nickname/);
  });

  it('rejects a figure with both a value and bounds', () => {
    const json = seedJson();
    json.figures[0].value = 5;
    json.figures[0].lowerBound = 3;
    expect(problemsOf(json)).toContain('$.figures[0].value: a figure has either "value" or bounds, not both');
  });

  it('rejects a relation between the wrong kinds of entity', () => {
    const json = seedJson();
    const index = json.relations.findIndex((item: { type: string }) => item.type === 'HOLDS_POSITION');
    json.relations[index].from = 'kazakhstan';
    expect(problemsOf(json)).toContain(`$.relations[${index}].from: "kazakhstan" is a COUNTRY, expected PERSON`);
  });

  it('rejects a claim quote that is not verbatim', () => {
    const json = seedJson();
    json.claims[0].quote = 'words nobody said';
    expect(problemsOf(json).join('\n')).toMatch(/\$\.claims\[0\]\.quote: the quote does not occur verbatim/);
  });

  it('reports an unreadable file with its name', async () => {
    await expect(readAnnotationFile('seed/kazakhstan-unrest-2022-01.txt')).rejects.toThrow(
      /kazakhstan-unrest-2022-01\.txt has 1 problem:\n {2}\$: not readable JSON/,
    );
  });
});
