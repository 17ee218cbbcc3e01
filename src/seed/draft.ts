/**
 * A draft annotation for a new article: every mention of every known entity (its name and aliases,
 * case- and diacritic-folded, whole words) as exact spans, plus what a reviewer should look at:
 * candidate people, places and organizations and the numbers near casualty, arrest and troop
 * words, found by compromise (its model ships inside the npm package). The draft is marked
 * `"draft": true`, which the loader refuses until a person has reviewed it and deleted the mark
 * (and it is written as `*.draft.json`, which the loader does not read).
 */
import nlp from 'compromise';
import type { AnnotationInput, Span } from './annotation.ts';
import { textSha256 } from './validate.ts';

/** A known entity's id and every name it goes by. */
export interface KnownNames {
  id: string;
  kind: string;
  names: string[];
}

/** Lower case, no diacritics, one apostrophe: what two spellings of a name have in common. */
function foldCharacter(character: string): string {
  return character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'");
}

/** The folded text and, for each of its characters, the index of the character it came from. */
export function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  for (let index = 0; index < text.length; ) {
    const character = String.fromCodePoint(text.codePointAt(index)!);
    const folding = foldCharacter(character);
    for (let unit = 0; unit < folding.length; unit++) origins.push(index);
    folded += folding;
    index += character.length;
  }
  origins.push(text.length);
  return { folded, origins };
}

export const fold = (text: string) => foldWithOrigins(text).folded;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Spans of every whole-word occurrence of each entity's names. An entity's longer names claim
 * their text first, so "Fethullah Gülen" is not also "Gülen"; another entity's name inside it is
 * its own mention ("Radio Liberty" in "Radio Liberty's Kazakh Service").
 */
export function findKnownMentions(text: string, entities: KnownNames[]): Map<string, Span[]> {
  const { folded, origins } = foldWithOrigins(text);
  const names = entities
    .flatMap((entity) => entity.names.map((name) => ({ id: entity.id, name: fold(name.trim()) })))
    .filter(({ name }) => name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const claimedBy = new Map<string, Uint8Array>();
  const found = new Map<string, Span[]>();
  for (const { id, name } of names) {
    for (let at = folded.indexOf(name); at !== -1; at = folded.indexOf(name, at + 1)) {
      const end = at + name.length;
      const wholeWord = !WORD_CHARACTER.test(folded[at - 1] ?? ' ') && !WORD_CHARACTER.test(folded[end] ?? ' ');
      const claimed = claimedBy.get(id) ?? new Uint8Array(folded.length);
      claimedBy.set(id, claimed);
      if (!wholeWord || claimed.subarray(at, end).some(Boolean)) continue;
      claimed.fill(1, at, end);
      const start = origins[at]!;
      const stop = origins[end]!;
      const spans = found.get(id) ?? [];
      spans.push({ start, end: stop, text: text.slice(start, stop) });
      found.set(id, spans);
    }
  }
  for (const spans of found.values()) spans.sort((a, b) => a.start - b.start);
  return found;
}

const COUNTED_WORDS = '(killed|liquidated|dead|died|deaths|death|injured|wounded|hurt|hospitalized|hospitalised|intensive|arrested|detained|detentions|arrests|troops|soldiers|peacekeepers|paratroopers|servicemen|personnel)';
const VAGUE_NUMBERS = '(dozens|hundreds|thousands|scores|several|some|about|around|nearly|more)';

/** A phrase as compromise prints it, without the punctuation and possessive around it. */
function cleanPhrase(phrase: string): string {
  return phrase
    .replace(/^[\s“”"‘’'(]+|[\s“”"‘’'),.;:!?]+$/g, '')
    .replace(/[’']s$/, '')
    .trim();
}

/** Candidates for the reviewer: phrases not already known, and the numbers near counting words. */
export function findCandidates(text: string, knownNames: string[]): NonNullable<AnnotationInput['candidates']> {
  const doc = nlp(text);
  const known = new Set(knownNames.map(fold));
  const unknownPhrases = (phrases: string[]) =>
    [...new Set(phrases.map(cleanPhrase))].filter((phrase) => phrase.length > 1 && !known.has(fold(phrase)));
  const numbers: NonNullable<AnnotationInput['candidates']>['numbers'] = [];
  for (const sentence of doc.sentences().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
    const view = nlp(sentence.text);
    const near = view.match(COUNTED_WORDS).out('array') as string[];
    if (near.length === 0) continue;
    const counted = [...(view.numbers().json({ offset: true }) as { text: string; offset: { start: number } }[])];
    for (const match of view.match(VAGUE_NUMBERS).json({ offset: true }) as { text: string; offset: { start: number } }[]) {
      if (/^(dozens|hundreds|thousands|scores)$/i.test(cleanPhrase(match.text))) counted.push(match);
    }
    for (const number of counted) {
      const wording = cleanPhrase(number.text);
      const start = sentence.offset.start + number.offset.start + number.text.indexOf(wording);
      if (text.slice(start, start + wording.length) !== wording) continue;
      numbers.push({ text: wording, start, end: start + wording.length, near: near.map(cleanPhrase).join(', ') });
    }
  }
  numbers.sort((a, b) => a.start - b.start);
  return {
    people: unknownPhrases(doc.people().out('array') as string[]),
    places: unknownPhrases(doc.places().out('array') as string[]),
    organizations: unknownPhrases(doc.organizations().out('array') as string[]),
    numbers,
  };
}

/** The draft annotation for an article text, referencing known entities by id. */
export function draftAnnotation(options: { text: string; textFile: string; articleId: string; known: KnownNames[] }): AnnotationInput {
  const mentions = findKnownMentions(options.text, options.known);
  const kinds = new Map(options.known.map((entity) => [entity.id, entity.kind]));
  return {
    $schema: './schema/annotation.schema.json',
    draft: true,
    candidates: findCandidates(options.text, options.known.flatMap((entity) => entity.names)),
    article: {
      id: options.articleId,
      title: options.text.split('\n').find((line) => line.trim().length > 0)?.trim().slice(0, 200) ?? options.articleId,
      textFile: options.textFile,
      textSha256: textSha256(options.text),
    },
    entities: [...mentions].map(([id, spans]) =>
      // An event's reference also needs how this article states it: the reviewer adds "certainty".
      kinds.get(id) === 'EVENT' ? { id, aliases: [], mentions: spans, evidence: spans } : { id, aliases: [], mentions: spans },
    ),
    relations: [],
    figures: [],
    claims: [],
    deployments: [],
  };
}
