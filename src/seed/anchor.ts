/**
 * Anchors a span of an annotation in its article text: offsets are checked, quotes are found.
 * A quote works like the W3C TextQuoteSelector: the exact text, narrowed by an occurrence number or
 * by the text just before (`prefix`) or after (`suffix`) it. A quote that is missing or ambiguous is
 * a problem that says where the text does occur, or the nearest approximate match.
 * Text and quotes are compared as written, then after Unicode NFC normalisation (an "é" typed as
 * one code point matches an "e" with a combining accent): such a match is accepted with a note,
 * and the span keeps the article's own characters. No span may split a character.
 */
import search from 'approx-string-match';
import type { Span, SpanInput } from './annotation.ts';

const CONTEXT_CHARACTERS = 25;
const LISTED_OCCURRENCES = 10;

/** The span (with a note when it matched only after normalisation), or what is wrong and where the text really is. */
export type Anchoring = { span: Span; note?: string } | { problem: string };

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The character an offset falls inside of: the two halves (UTF-16 surrogates) of an emoji, say. */
function characterSplitAt(text: string, offset: number): string | undefined {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const splits = offset > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splits ? text.slice(offset - 1, offset + 1) : undefined;
}

/** A text in NFC, and where each of its character clusters starts in the original text. */
interface NormalizedText {
  text: string;
  originalOffset: Map<number, number>;
}

let lastNormalized: { original: string; normalized: NormalizedText } | undefined;

/** Normalised cluster by cluster, so every cluster boundary maps back to the original offsets. */
function normalizedText(original: string): NormalizedText {
  if (lastNormalized?.original === original) return lastNormalized.normalized;
  const originalOffset = new Map<number, number>();
  let text = '';
  for (const { segment, index } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(original)) {
    originalOffset.set(text.length, index);
    text += segment.normalize('NFC');
  }
  originalOffset.set(text.length, original.length);
  lastNormalized = { original, normalized: { text, originalOffset } };
  return lastNormalized.normalized;
}

/** A stretch of the text with some context either side, to show the reader where it is. */
function excerpt(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_CHARACTERS), start);
  const after = text.slice(end, end + CONTEXT_CHARACTERS);
  return JSON.stringify(`${start > CONTEXT_CHARACTERS ? '…' : ''}${before}[${text.slice(start, end)}]${after}${end + CONTEXT_CHARACTERS < text.length ? '…' : ''}`);
}

/** Every start offset of `quote` in `text`, overlapping ones included. */
export function occurrencesOf(quote: string, text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

function listOccurrences(starts: number[], length: number, text: string): string {
  const listed = starts
    .slice(0, LISTED_OCCURRENCES)
    .map((start, index) => `#${index + 1} at ${start}-${start + length} ${excerpt(text, start, start + length)}`);
  if (starts.length > LISTED_OCCURRENCES) listed.push(`and ${starts.length - LISTED_OCCURRENCES} more`);
  return listed.join('; ');
}

/** The closest approximate match, found by approx-string-match (Myers' bit-parallel edit distance). */
function nearest(quote: string, text: string): string {
  const matches = search(text, quote, Math.max(1, Math.floor(quote.length / 3)));
  const best = matches.sort((a, b) => a.errors - b.errors || a.start - b.start)[0];
  if (!best) return 'nothing similar occurs';
  return `the nearest text is at ${best.start}-${best.end} (${best.errors} character${best.errors === 1 ? '' : 's'} differ): ${excerpt(text, best.start, best.end)}`;
}

function selectOccurrence(selector: { quote: string; occurrence?: number; prefix?: string; suffix?: string }, text: string): Anchoring {
  const { quote, occurrence, prefix, suffix } = selector;
  const all = occurrencesOf(quote, text);
  if (all.length === 0) return { problem: `quote ${JSON.stringify(quote)} does not occur in the article; ${nearest(quote, text)}` };
  const fitting = all.filter(
    (start) =>
      (prefix === undefined || text.slice(Math.max(0, start - prefix.length), start) === prefix) &&
      (suffix === undefined || text.startsWith(suffix, start + quote.length)),
  );
  const span = (start: number): Anchoring => ({ span: { start, end: start + quote.length, text: quote } });
  const where = () => `it occurs ${all.length} time${all.length === 1 ? '' : 's'}: ${listOccurrences(all, quote.length, text)}`;
  if (fitting.length === 0) {
    return { problem: `quote ${JSON.stringify(quote)} never has the given prefix/suffix; ${where()}` };
  }
  if (occurrence !== undefined) {
    const start = fitting[occurrence - 1];
    if (start === undefined) return { problem: `quote ${JSON.stringify(quote)} has no occurrence ${occurrence}; ${where()}` };
    return span(start);
  }
  if (fitting.length > 1) {
    return {
      problem:
        `quote ${JSON.stringify(quote)} is ambiguous: it occurs ${fitting.length} times: ${listOccurrences(fitting, quote.length, text)}; ` +
        'add "occurrence" (1 = first) or a "prefix"/"suffix" of the words around it',
    };
  }
  return span(fitting[0]!);
}

type QuoteSelector = { quote: string; occurrence?: number; prefix?: string; suffix?: string };

function anchorQuote(selector: QuoteSelector, text: string): Anchoring {
  const { quote } = selector;
  if (/\p{Cs}/u.test(quote)) return { problem: `quote ${JSON.stringify(quote)} holds half of a character (an unpaired UTF-16 surrogate): quote whole characters` };
  if (text.includes(quote)) return selectOccurrence(selector, text);
  const normalized = normalizedText(text);
  const nfc = (value: string | undefined) => value?.normalize('NFC');
  const normalizedQuote = quote.normalize('NFC');
  if (!normalized.text.includes(normalizedQuote)) return { problem: `quote ${JSON.stringify(quote)} does not occur in the article; ${nearest(quote, text)}` };
  const found = selectOccurrence({ quote: normalizedQuote, occurrence: selector.occurrence, prefix: nfc(selector.prefix), suffix: nfc(selector.suffix) }, normalized.text);
  if ('problem' in found) return { problem: `${found.problem} (compared after Unicode NFC normalisation; offsets count the normalised text)` };
  const start = normalized.originalOffset.get(found.span.start);
  const end = normalized.originalOffset.get(found.span.end);
  if (start === undefined || end === undefined) {
    return { problem: `quote ${JSON.stringify(quote)} matches the article only after Unicode NFC normalisation, and there it splits a character: quote whole characters` };
  }
  const written = text.slice(start, end);
  return {
    span: { start, end, text: written },
    note: `quote ${JSON.stringify(quote)} matches the article at ${start}-${end} only after Unicode NFC normalisation (the same letters in other code points, such as an accent written apart); the span keeps the article's characters`,
  };
}

export function anchorSpan(input: SpanInput, text: string): Anchoring {
  if (typeof input === 'string') return anchorQuote({ quote: input }, text);
  if ('quote' in input) return anchorQuote(input, text);
  const { start, end } = input;
  if (end <= start) return { problem: `end ${end} is not after start ${start}` };
  if (end > text.length) return { problem: `end ${end} is past the article's end (${text.length})` };
  for (const [name, offset] of [['start', start], ['end', end]] as const) {
    const split = characterSplitAt(text, offset);
    if (split) {
      return { problem: `${name} ${offset} splits the character ${split} (${codePoint(split)}, at ${offset - 1}-${offset + 1}) in two: spans may not split a character` };
    }
  }
  const written = text.slice(start, end);
  if (written === input.text) return { span: input };
  if (written.normalize('NFC') === input.text.normalize('NFC')) {
    return {
      span: { start, end, text: written },
      note: `text ${JSON.stringify(input.text)} matches the article at ${start}-${end} only after Unicode NFC normalisation; the span keeps the article's characters`,
    };
  }
  const found = occurrencesOf(input.text, text);
  return {
    problem:
      `text ${JSON.stringify(input.text)} does not match the article at ${start}-${end}, which reads ${JSON.stringify(text.slice(start, end))}; ` +
      (found.length > 0 ? `the text occurs ${found.length} time${found.length === 1 ? '' : 's'}: ${listOccurrences(found, input.text.length, text)}` : nearest(input.text, text)),
  };
}
