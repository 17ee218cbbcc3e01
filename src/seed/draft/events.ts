/**
 * Events: what happened, found by the words news reports use for each category (stormed, clashes,
 * set on fire, detained, asked, sent troops…), with the places and participants their sentence
 * names, its date, and its certainty. Each is linked to an event the graph already holds when it
 * has the same category, shares places or participants, and its date overlaps (ACLED's rule of
 * thumb for one event reported twice); otherwise it is proposed as new.
 */
import { dateInterval } from '../../domain/dates.ts';
import type { Span } from '../annotation.ts';
import { certaintyOf, type Certainty } from './attribution.ts';
import { dateNear, type FoundDate } from './dates.ts';
import type { FoundEntity } from './entities.ts';
import type { KnownEvent } from './known.ts';
import { fold, kebab, spanAt } from './text.ts';

export type EventCategory = 'PROTEST' | 'RIOT' | 'CLASH' | 'ARSON' | 'LOOTING' | 'SEIZURE' | 'KILLING' | 'ARREST' | 'SHUTDOWN' | 'CENSORSHIP' | 'REQUEST' | 'DEPLOYMENT';

const TRIGGERS: { category: EventCategory; label: string; pattern: RegExp }[] = [
  { category: 'PROTEST', label: 'Protests', pattern: /\b(protests?|demonstrations|rallies|unrest|uprising)\b/gi },
  { category: 'RIOT', label: 'Riots', pattern: /\b(riots|rioting|stormed|storming)\b/gi },
  { category: 'CLASH', label: 'Clashes', pattern: /\bclash(es|ed)\b/gi },
  { category: 'ARSON', label: 'Arson', pattern: /\bset (?:[\w’']+\s){0,6}?(?:on )?fire\b|\btorched\b/gi },
  { category: 'LOOTING', label: 'Looting', pattern: /\bloot(ed|ing)\b/gi },
  { category: 'SEIZURE', label: 'Seizure', pattern: /\b(seized|took control|occupied|captured)\b/gi },
  { category: 'KILLING', label: 'Killings', pattern: /\b(killed|liquidated|shot dead)\b/gi },
  { category: 'ARREST', label: 'Arrests', pattern: /\b(arrested|detained)\b/gi },
  { category: 'SHUTDOWN', label: 'Shutdown', pattern: /\b(shut down|blocked the internet|internet(?: access)? (?:was |has been |had been )?(?:cut|blocked|shut off|restricted)|blackout)\b/gi },
  { category: 'CENSORSHIP', label: 'Media restrictions', pattern: /\bmedia (?:has|have) (?:also )?been restricted\b|\bcensor\w*/gi },
  { category: 'REQUEST', label: 'Request', pattern: /\b(asked|requested|appealed to)\b/gi },
  { category: 'DEPLOYMENT', label: 'Deployment', pattern: /\b(deployed|deployment|contingent|peacekeeping (?:force|mission)|peacekeepers|paratroopers|troops)\b/gi },
];

export interface FoundEvent {
  /** The known event's id, or the id proposed for a new one. */
  id: string;
  name: string;
  category: EventCategory;
  known?: KnownEvent;
  mentions: Span[];
  evidence: Span[];
  places: string[];
  participants: string[];
  date?: FoundDate;
  certainty: Certainty;
  why: string;
}

/** The words of a name that say what it is about: "Mass arrests of more than 2,000 people" → mass, arrests, more, than, 2000, people. */
const contentWords = (text: string) => new Set(fold(text).replace(/(\d),(\d)/g, '$1$2').split(/[^a-z0-9]+/).filter((word) => word.length >= 4 || /^\d+$/.test(word)));

interface Candidate {
  category: string;
  /** Places of the sentence (cities, buildings), and the countries it names or (when it names no place) the article's. */
  places: string[];
  countries: string[];
  participants: string[];
  words: Set<string>;
  interval?: { start: string; end: string };
}

/**
 * What links two reports of one event: the same category and overlapping dates, and something
 * particular in common: a place more precise than the country, a participant, or words of the
 * known event's name. The country alone links nothing: every event of the story is in it.
 */
function matchScore(event: Candidate, known: KnownEvent): number {
  if (known.category !== event.category) return 0;
  if (event.interval && known.interval && (event.interval.end < known.interval.start || known.interval.end < event.interval.start)) return 0;
  const places = event.places.filter((place) => known.places.includes(place)).length;
  const participants = event.participants.filter((participant) => known.participants.includes(participant)).length;
  const words = [...contentWords(known.name)].filter((word) => event.words.has(word)).length;
  if (places + participants + words === 0) return 0;
  const countries = event.countries.filter((country) => known.places.includes(country)).length;
  return 2 * places + participants + Math.min(words, 3) + countries + (event.interval && known.interval ? 1 : 0);
}

export function findEvents(
  text: string,
  sentences: Span[],
  entities: FoundEntity[],
  dates: FoundDate[],
  knownEvents: KnownEvent[],
  publishedAt: string | undefined,
  mainCountryId: string | undefined,
): FoundEvent[] {
  const events = new Map<string, FoundEvent>();
  for (const sentence of sentences) {
    const inSentence = (kinds: FoundEntity['kind'][]) =>
      entities.filter((entity) => kinds.includes(entity.kind) && entity.mentions.some((mention) => mention.start >= sentence.start && mention.end <= sentence.end)).map((entity) => entity.id);
    const participants = inSentence(['PERSON', 'ORGANIZATION', 'COUNTRY']);
    const sentenceCountries = inSentence(['COUNTRY']);
    const countries = sentenceCountries.length > 0 ? sentenceCountries : mainCountryId ? [mainCountryId] : [];
    const words = contentWords(sentence.text);
    // Where it happened: the sentence's places, else the article's main country when the sentence names it ("Russia-led" is no place).
    const cities = inSentence(['PLACE']);
    const places = cities.length > 0 ? cities : sentenceCountries.filter((id) => id === mainCountryId);
    const seen = new Set<EventCategory>();
    for (const { category, label, pattern } of TRIGGERS) {
      for (const match of sentence.text.matchAll(pattern)) {
        if (seen.has(category)) break;
        seen.add(category);
        const mention = spanAt(text, sentence.start + match.index, sentence.start + match.index + match[0].length);
        const date = dateNear(dates, sentence, mention.start);
        const interval = date ? dateInterval(date.iso, date.precision) : publishedAt ? dateInterval(publishedAt, 'WEEK') : undefined;
        const candidate: Candidate = { category, places: cities, countries, participants, words, ...(interval ? { interval } : {}) };
        const best = knownEvents
          .map((known) => ({ known, score: matchScore(candidate, known) }))
          .filter(({ score }) => score >= 2)
          .sort((a, b) => b.score - a.score)[0];
        const placeName = entities.find((entity) => entity.id === places[0])?.name;
        const name = `${label}${placeName ? ` in ${placeName}` : ''}`;
        const id = best?.known.id ?? kebab(`${name}${date ? ` ${date.iso}` : ''}`);
        const existing = events.get(id);
        if (existing) {
          existing.mentions.push(mention);
          if (!existing.evidence.some((span) => span.start === sentence.start)) existing.evidence.push(sentence);
          continue;
        }
        const { certainty } = certaintyOf(sentence.text);
        events.set(id, {
          id,
          name: best?.known.name ?? name,
          category,
          ...(best ? { known: best.known } : {}),
          mentions: [mention],
          evidence: [sentence],
          places,
          participants,
          ...(date ? { date } : {}),
          certainty,
          why: best
            ? `"${mention.text}" restates the known event "${best.known.name}" (same category and dates; in common: ${[...new Set([...best.known.places.filter((place) => cities.includes(place) || countries.includes(place)), ...best.known.participants.filter((participant) => participants.includes(participant)), ...[...contentWords(best.known.name)].filter((word) => words.has(word))])].join(', ')}; articles: ${best.known.articles.join(', ')})`
            : `"${mention.text}" is a word for an event of category ${category}`,
        });
      }
    }
  }
  return [...events.values()];
}
