import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorSpan } from '../../src/seed/anchor.ts';
import { jsonSchemas, SCHEMA_FILES } from '../../src/seed/json-schema.ts';
import { LIMITS } from '../../src/seed/annotation.ts';
import { AnnotationError, textSha256, validateAnnotation } from '../../src/seed/validate.ts';

const text = 'Kazakhstan asked the CSTO for help. A teacher in Kazakhstan said so; Kazakhstan’s police agreed.';

const problem = (input: Parameters<typeof anchorSpan>[0]) => {
  const anchoring = anchorSpan(input, text);
  return 'problem' in anchoring ? anchoring.problem : null;
};

describe('anchoring quoted spans', () => {
  it('resolves a unique quote, an occurrence and a prefix or suffix to offsets', () => {
    expect(anchorSpan('CSTO', text)).toEqual({ span: { start: 21, end: 25, text: 'CSTO' } });
    expect(anchorSpan({ quote: 'Kazakhstan', occurrence: 3 }, text)).toEqual({ span: { start: 69, end: 79, text: 'Kazakhstan' } });
    expect(anchorSpan({ quote: 'Kazakhstan', prefix: 'teacher in ' }, text)).toEqual({ span: { start: 49, end: 59, text: 'Kazakhstan' } });
    expect(anchorSpan({ quote: 'Kazakhstan', suffix: '’s police' }, text)).toEqual({ span: { start: 69, end: 79, text: 'Kazakhstan' } });
  });

  it('lists the occurrences of an ambiguous quote', () => {
    expect(problem('Kazakhstan')).toBe(
      'quote "Kazakhstan" is ambiguous: it occurs 3 times: #1 at 0-10 "[Kazakhstan] asked the CSTO for help.…"; ' +
        '#2 at 49-59 "…O for help. A teacher in [Kazakhstan] said so; Kazakhstan’s po…"; ' +
        '#3 at 69-79 "…r in Kazakhstan said so; [Kazakhstan]’s police agreed."; add "occurrence" (1 = first) or a "prefix"/"suffix" of the words around it',
    );
    expect(problem({ quote: 'Kazakhstan', occurrence: 4 })).toMatch(/^quote "Kazakhstan" has no occurrence 4; it occurs 3 times: #1 at 0-10/);
    expect(problem({ quote: 'Kazakhstan', prefix: 'nurse in ' })).toMatch(/never has the given prefix\/suffix; it occurs 3 times/);
  });

  it('shows the nearest text for a quote that does not occur, and where a mis-placed offset span occurs', () => {
    expect(problem('teacher in Kazakstan')).toMatch(/^quote "teacher in Kazakstan" does not occur in the article; the nearest text is at 38-59 \(1 character differ\): .*\[teacher in Kazakhstan\]/);
    expect(problem({ start: 1, end: 5, text: 'CSTO' })).toMatch(/^text "CSTO" does not match the article at 1-5, which reads "azak"; the text occurs 1 time: #1 at 21-25/);
  });
});

describe('annotation files', () => {
  const annotation = (extra: Record<string, unknown> = {}, body = text) => ({
    article: { id: 'a', title: 'A', textFile: 'a.txt', textSha256: textSha256(body), ...extra },
    entities: [{ kind: 'ORGANIZATION', id: 'csto', name: 'CSTO', category: 'MILITARY_ALLIANCE', mentions: ['CSTO'] }],
  });
  const problems = (json: unknown, body = text) => {
    try {
      validateAnnotation('a.json', json, body);
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(AnnotationError);
      return (error as Error).message;
    }
  };

  it('catches an edit of the text outside any span through the text hash', () => {
    expect(problems(annotation({ textSha256: textSha256(text) }))).toBe('');
    expect(problems(annotation({ textSha256: textSha256(text) }), `${text} More.`)).toMatch(
      /\$\.article\.textSha256: the text has changed since it was annotated \(it now hashes to sha256:[0-9a-f]{64}\)/,
    );
  });

  it('limits sizes with errors that name the limit', () => {
    const json = annotation();
    (json.entities[0] as Record<string, unknown>).aliases = Array.from({ length: LIMITS.aliasesPerEntity + 1 }, (_, index) => `Alias ${index}`);
    (json.entities[0] as Record<string, unknown>).description = 'x'.repeat(LIMITS.descriptionCharacters + 1);
    const message = problems(json);
    expect(message).toContain(`$.entities[0].aliases: at most ${LIMITS.aliasesPerEntity} aliases per entity`);
    expect(message).toContain(`$.entities[0].description: must be at most ${LIMITS.descriptionCharacters} characters`);
    const long = 'CSTO '.repeat(LIMITS.textCharacters / 4);
    expect(problems(annotation({}, long), long)).toMatch(/\$\.article\.textFile: the text has \d+ characters, more than the limit/);
  });

  it('refuses a reference to an entity nobody declares', () => {
    expect(problems({ ...annotation(), entities: [{ id: 'ghost', mentions: ['CSTO'] }] })).toContain(
      '$.entities[0].id: unknown entity "ghost": declare it here (with "kind") or in registry/entities.json',
    );
  });

  it('has committed JSON Schemas generated from the current zod schemas', () => {
    const schemas = jsonSchemas();
    for (const [name, file] of Object.entries(SCHEMA_FILES) as [keyof typeof SCHEMA_FILES, string][]) {
      expect(existsSync(file), `${file}: run npm run annotate -- schema`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npm run annotate -- schema`).toBe(schemas[name]);
    }
  });
});
