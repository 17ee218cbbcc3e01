/** The scoring of `npm run bench:draft`: matches, precision and recall, and the review effort. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, precision, recall, reviewEffort, scoreArticle, withReviewedIds } from '../../bench/draft-score.ts';
import type { Annotation, DeclaredAnnotationInput } from '../../src/seed/annotation.ts';

const TEXT = 'Kazakhstan said Ruslan Balbek told police that 18 people died. Almaty was calm.';
const span = (text: string, occurrence = 1) => {
  let at = -1;
  for (let count = 0; count < occurrence; count++) at = TEXT.indexOf(text, at + 1);
  return { start: at, end: at + text.length, text };
};
const sentence = span('Kazakhstan said Ruslan Balbek told police that 18 people died.');

const GOLD: Annotation = {
  article: { id: 'a', title: 'A', textFile: 'a.txt', textSha256: `sha256:${'0'.repeat(64)}` },
  entities: [
    { kind: 'COUNTRY', id: 'kazakhstan', name: 'Kazakhstan', aliases: [], isoCode: 'KZ', mentions: [span('Kazakhstan')] },
    { kind: 'PERSON', id: 'ruslan-balbek', name: 'Ruslan Balbek', aliases: [], mentions: [span('Ruslan Balbek')] },
    { kind: 'ORGANIZATION', id: 'police', name: 'Police', aliases: [], category: 'POLICE', mentions: [span('police')] },
    { kind: 'PLACE', id: 'almaty', name: 'Almaty', aliases: [], category: 'CITY', mentions: [span('Almaty')] },
  ],
  relations: [],
  figures: [{ id: 'dead-18', metric: 'KILLED', counts: 'people', value: 18, lowerBoundExclusive: false, approximate: false, text: '18', certainty: 'STATED', evidence: [sentence] }],
  claims: [
    { id: 'balbek-18', kind: 'STATEMENT', summary: 'S', quote: '18 people died', speakerId: 'ruslan-balbek', aboutIds: ['kazakhstan'], certainty: 'STATED', evidence: [sentence] },
  ],
  deployments: [],
};

const DRAFT: DeclaredAnnotationInput = {
  draft: true,
  article: { id: 'a', title: 'A', textFile: 'a.txt', textSha256: `sha256:${'0'.repeat(64)}` },
  entities: [
    { id: 'kazakhstan', aliases: [], mentions: [span('Kazakhstan')] },
    { kind: 'PERSON', id: 'balbek', name: 'Ruslan Balbek', aliases: [], mentions: [span('Ruslan Balbek')] },
    { kind: 'PERSON', id: 'almaty', name: 'Almaty', aliases: [], mentions: [span('Almaty')] },
  ],
  relations: [],
  figures: [{ id: 'people-killed-18', metric: 'KILLED', counts: 'people', lowerBound: 18, lowerBoundExclusive: false, approximate: false, text: '18', certainty: 'STATED', evidence: [sentence] }],
  claims: [
    { id: 'balbek-said', kind: 'STATEMENT', summary: 'Ruslan Balbek: 18 people died', quote: '18 people died', speakerId: 'balbek', aboutIds: ['kazakhstan'], certainty: 'STATED', evidence: [sentence] },
    { id: 'kazakhstan-said', kind: 'STATEMENT', summary: 'K', quote: 'Ruslan Balbek told police', speakerId: 'kazakhstan', aboutIds: ['kazakhstan'], certainty: 'STATED', evidence: [sentence] },
  ],
  deployments: [],
};

const kindOf = (id: string) => (id === 'kazakhstan' ? 'COUNTRY' : undefined);

describe('scoring a draft', () => {
  const scores = scoreArticle(GOLD, { annotation: DRAFT, kindOf }, new Set(['kazakhstan']));

  it('matches named entities by kind and overlapping mention; lower-case ones are not named', () => {
    expect(scores.entities.ALL).toEqual({ expected: 3, proposed: 3, found: 2, correct: 2 });
    expect(scores.entities.PLACE).toEqual({ expected: 1, proposed: 0, found: 0, correct: 0 });
    expect(scores.entities.PERSON).toEqual({ expected: 1, proposed: 2, found: 1, correct: 1 });
    expect(recall(scores.entities.ALL)).toBeCloseTo(2 / 3);
    expect(precision(scores.entities.PERSON)).toBe(0.5);
    expect(scores.knownEntities).toEqual({ expected: 1, proposed: 1, found: 1, correct: 1 });
  });

  it('finds a figure by metric, number and evidence, and checks its bound apart', () => {
    expect(scores.figures).toMatchObject({ found: 1, correct: 1 });
    expect(scores.figureBounds).toMatchObject({ found: 0, correct: 0 });
  });

  it('finds claims by their quote and checks the speaker through the entities', () => {
    expect(scores.claims).toEqual({ expected: 1, proposed: 2, found: 1, correct: 1 });
    expect(scores.claimSpeakers).toEqual({ expected: 1, proposed: 2, found: 1, correct: 1 });
  });
});

describe('the review effort', () => {
  it('counts the characters of the lines the reviewer adds, and what writing it all would take', () => {
    expect(reviewEffort('{\n  "a": 1\n}', '{\n  "a": 1,\n  "b": 22\n}')).toEqual({ typed: 14, deletedLines: 1, fromScratch: 16 });
    expect(reviewEffort('{\n  "a": 1\n}', '{\n  "a": 1\n}').typed).toBe(0);
  });

  it('keeps the draft\'s ids for what it got right, and writes spans as their text', () => {
    const aligned = withReviewedIds(DRAFT, GOLD, kindOf);
    expect(aligned.entities.map((entity) => entity.id)).toEqual(['kazakhstan', 'ruslan-balbek', 'almaty']);
    expect(aligned.figures[0]!.id).toBe('dead-18');
    expect(aligned.claims.map((claim) => [claim.id, claim.speakerId])).toEqual([['balbek-18', 'ruslan-balbek'], ['kazakhstan-said', 'kazakhstan']]);
    const json = canonicalJson(aligned);
    expect(json).not.toMatch(/"draft"|"start"/);
    expect(JSON.parse(json).entities[0]).toEqual({ aliases: [], id: 'almaty', kind: 'PERSON', mentions: ['Almaty'], name: 'Almaty' });
  });
});
