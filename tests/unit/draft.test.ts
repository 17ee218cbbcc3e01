import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftAnnotation, findKnownMentions, fold, type KnownNames } from '../../src/seed/draft.ts';
import { annotationSchema } from '../../src/seed/annotation.ts';
import { validateAnnotation } from '../../src/seed/validate.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

const text = readFileSync(path.join(FIXTURE_DIR, 'kazakhstan-unrest-2022-01.txt'), 'utf8');
const seed = annotationSchema.parse(JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'kazakhstan-unrest-2022-01.json'), 'utf8')));
const known: KnownNames[] = seed.entities.map((entity) => ({ id: entity.id, kind: entity.kind, names: [entity.name, ...entity.aliases] }));

describe('the draft annotation', () => {
  it('finds, on the seed text, every seed mention written as a name or alias the graph knows', () => {
    const found = findKnownMentions(text, known);
    let checked = 0;
    for (const entity of seed.entities) {
      const names = new Set([entity.name, ...entity.aliases].map(fold));
      for (const mention of entity.mentions.filter((span) => names.has(fold(span.text)))) {
        expect(found.get(entity.id), `${entity.id} at ${mention.start}`).toContainEqual(mention);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('matches whole words regardless of case and diacritics, an entity\'s longer names first', () => {
    const mentions = findKnownMentions('GULEN met Fethullah Gülen; Gulenists and the Kazakh Service of Kazakhstan.', [
      { id: 'gulen', kind: 'PERSON', names: ['Gülen', 'Fethullah Gulen'] },
      { id: 'service', kind: 'ORGANIZATION', names: ['Kazakh Service'] },
      { id: 'kazakh', kind: 'OTHER', names: ['Kazakh'] },
    ]);
    expect(mentions.get('gulen')).toEqual([{ start: 0, end: 5, text: 'GULEN' }, { start: 10, end: 25, text: 'Fethullah Gülen' }]);
    expect(mentions.get('service')).toEqual([{ start: 45, end: 59, text: 'Kazakh Service' }]);
    expect(mentions.get('kazakh')).toEqual([{ start: 45, end: 51, text: 'Kazakh' }]);
  });

  it('is marked as a draft, which the loader refuses until a reviewer removes the mark', () => {
    const draft = draftAnnotation({ text, textFile: 'k.txt', articleId: 'k', known });
    expect(draft.draft).toBe(true);
    expect(draft.candidates!.numbers.map((number) => number.text)).toEqual(expect.arrayContaining(['18', '2,000', '400', 'Sixty-two', '70', '200', '150']));
    for (const number of draft.candidates!.numbers) expect(text.slice(number.start, number.end)).toBe(number.text);
    expect(() => validateAnnotation('k.json', draft, text)).toThrow(/\$\.draft: this is an unreviewed draft/);
  });
});
