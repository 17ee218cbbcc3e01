/**
 * Figures: the numbers a sentence counts people or troops with, in the article's own wording with
 * its bound words ("more than 2,000" is above 2,000, "at least 164" from 164, "some 70" about 70,
 * "dozens" two dozen or more), the metric from the words around it (killed, injured, detained,
 * troops…), who is counted, and the source when the sentence names one.
 */
import nlp from 'compromise';
import type { Span } from '../annotation.ts';
import type { FoundDate } from './dates.ts';
import { spanAt, overlaps } from './text.ts';

export type Metric = 'KILLED' | 'INJURED' | 'HOSPITALIZED' | 'IN_INTENSIVE_CARE' | 'ARRESTED' | 'TROOPS';

export interface FoundFigure {
  /** The wording: bound words and number ("more than 2,000"). */
  span: Span;
  sentence: Span;
  metric: Metric;
  counts: string;
  value?: number;
  lowerBound?: number;
  lowerBoundExclusive: boolean;
  upperBound?: number;
  approximate: boolean;
  why: string;
}

/** The metric words, most specific first: "intensive care" before "hospitalized". */
const METRICS: [Metric, RegExp][] = [
  ['IN_INTENSIVE_CARE', /\bintensive care\b/i],
  ['HOSPITALIZED', /\bhospitali[sz](ed|ation)\b|\bin hospital\b/i],
  ['INJURED', /\b(injured|wounded|hurt|injuries)\b/i],
  ['KILLED', /\b(killed|dead|died|deaths?|death toll|liquidated|lost their lives|perished|fatalities)\b/i],
  ['ARRESTED', /\b(arrested|detained|detentions?|arrests?|in custody)\b/i],
  ['TROOPS', /\b(troops|soldiers|peacekeepers|paratroopers|servicemen|military personnel|service members)\b/i],
];
const COUNTED_NOUN = /^(people|persons|protesters|demonstrators|rioters|civilians|officers|police officers|security personnel|servicemen|soldiers|troops|peacekeepers|paratroopers|law enforcement officers|members of the security forces)\b/i;
const NOT_COUNTS = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'reportedly', 'in', 'to', 'from', 'as', 'and', 'who', 'that', 'of', 'the', 'during', 'since', 'by', 'with', 'on', 'at', 'after', 'across']);

/** Vague quantities as the seed reads them: "dozens" is at least two dozen. */
const VAGUE: { pattern: RegExp; bounds: Pick<FoundFigure, 'value' | 'lowerBound' | 'approximate'> }[] = [
  { pattern: /\ban unknown number\b/gi, bounds: { approximate: true } },
  { pattern: /\bdozens\b/gi, bounds: { lowerBound: 24, approximate: true } },
  { pattern: /\bscores\b/gi, bounds: { lowerBound: 40, approximate: true } },
  { pattern: /\bhundreds\b/gi, bounds: { lowerBound: 200, approximate: true } },
  { pattern: /\bthousands\b/gi, bounds: { lowerBound: 2000, approximate: true } },
  { pattern: /\ba dozen\b/gi, bounds: { value: 12, approximate: true } },
];
const EXCLUSIVE_LOWER = /\b(more than|over|upwards of|in excess of)\s+$/i;
const INCLUSIVE_LOWER = /\b(at least|no fewer than|not less than|a minimum of)\s+$/i;
const UPPER = /\b(up to|as many as|at most|fewer than|less than)\s+$/i;
const APPROXIMATE = /\b(some|about|around|nearly|almost|approximately|roughly|an estimated|close to|estimated)\s+$/i;

/** The metric whose word comes first ("1,000 injured and 400 hospitalized": the 1,000 are injured). */
function firstMetricIn(words: string): Metric | undefined {
  const found = METRICS.map(([metric, pattern]) => ({ metric, at: pattern.exec(words)?.index ?? Infinity })).sort((a, b) => a.at - b.at)[0]!;
  return found.at === Infinity ? undefined : found.metric;
}

interface NumberInSentence {
  start: number;
  end: number;
  bounds: Pick<FoundFigure, 'value' | 'lowerBound' | 'approximate'>;
}

function numbersIn(sentence: Span): NumberInSentence[] {
  const found: NumberInSentence[] = [];
  for (const number of nlp(sentence.text).numbers().json({ offset: true }) as { text: string; offset: { start: number }; number: { num: number } }[]) {
    const wording = number.text.replace(/[\s,.;:]+$/, '');
    const start = sentence.start + number.offset.start;
    // Years and ordinals ("the first troops") count nothing.
    if (/^(19|20)\d\d$/.test(wording) || /^(first|second|third|\d+(st|nd|rd|th))$/i.test(wording)) continue;
    found.push({ start, end: start + wording.length, bounds: { value: number.number.num, approximate: false } });
  }
  for (const { pattern, bounds } of VAGUE) {
    for (const match of sentence.text.matchAll(pattern)) found.push({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length, bounds });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The figures of each sentence; numbers inside dates are not figures. */
export function findFigures(text: string, sentences: Span[], dates: FoundDate[]): FoundFigure[] {
  const figures: FoundFigure[] = [];
  for (const sentence of sentences) {
    for (const number of numbersIn(sentence)) {
      if (dates.some((date) => overlaps(date.span, number))) continue;
      const following = text.slice(number.end, sentence.end);
      // Up to eight words after the number, within its clause; the counted noun comes first.
      const after = following.split(/[;:]|,\s(?!\d)/)[0]!.split(/\s+/).slice(0, 9).join(' ');
      const before = text.slice(Math.max(sentence.start, number.start - 60), number.start);
      let metric = firstMetricIn(after);
      let why = 'a number followed by what it counts';
      const countedNoun = COUNTED_NOUN.exec(following.replace(/^\s+(of\s+)?/, ''));
      if (!metric && (countedNoun || /^\s*[.,;]?\s*$/.test(following.slice(0, 2)))) {
        const clauseBefore = before.split(/[;,]/).pop() ?? '';
        metric = firstMetricIn(clauseBefore);
        why = 'a number after what it counts';
      }
      if (!metric) continue;
      let start = number.start;
      const prefix = text.slice(Math.max(sentence.start, start - 25), start);
      const bounds: Omit<FoundFigure, 'span' | 'sentence' | 'metric' | 'counts' | 'why'> = { lowerBoundExclusive: false, ...number.bounds };
      const exclusive = EXCLUSIVE_LOWER.exec(prefix);
      const inclusive = INCLUSIVE_LOWER.exec(prefix);
      const upper = UPPER.exec(prefix);
      const approximate = APPROXIMATE.exec(prefix);
      const bound = exclusive ?? inclusive ?? upper ?? approximate;
      if (bound && number.bounds.value !== undefined) {
        start -= bound[0].length;
        const value = number.bounds.value;
        delete bounds.value;
        if (exclusive) Object.assign(bounds, { lowerBound: value, lowerBoundExclusive: true });
        else if (inclusive) Object.assign(bounds, { lowerBound: value });
        else if (upper) Object.assign(bounds, { upperBound: value, approximate: false });
        else Object.assign(bounds, { value, approximate: true });
      }
      const words = following.replace(/^\s+(of\s+)?/, '').replace(/[“”"’‘]/g, '').split(/[\s,.;:]+/);
      const countsWords: string[] = [];
      for (const word of words) {
        if (!/^[a-z-]+$/.test(word) || NOT_COUNTS.has(word) || METRICS.some(([name, pattern]) => name !== 'TROOPS' && pattern.test(word)) || countsWords.length === 3) break;
        countsWords.push(word);
      }
      figures.push({ span: spanAt(text, start, number.end), sentence, metric, counts: countsWords.join(' ') || 'people', ...bounds, why });
    }
  }
  return figures;
}
