/** Text helpers the draft's extractors share: folding for comparison, sentences and words with their offsets. */
import nlp from 'compromise';
import type { Span } from '../annotation.ts';

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

export const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function spanAt(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The article's sentences as spans (compromise splits them), surrounding blanks left out. */
export function sentencesOf(text: string): Span[] {
  const sentences = nlp(text).sentences().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  return sentences.map(({ offset }) => {
    let start = offset.start;
    let end = Math.min(text.length, offset.start + offset.length);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return spanAt(text, start, end);
  });
}

/** Lower-case kebab-case, as annotation ids are written. */
export function kebab(words: string): string {
  return (
    fold(words)
      .replace(/'s\b/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'unnamed'
  );
}

/** Verbs of reported speech, as a regular-expression alternation: who says a sentence, and where a name ends. */
export const SPEECH_VERBS = 'said|says|told|added|stated|announced|reported|reports|noted|wrote|claimed|alleged|blamed|accused|warned|concluded|insisted|declared';
