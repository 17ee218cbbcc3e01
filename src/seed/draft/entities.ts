/**
 * Named entities of an article: every mention of a known entity (by name and alias), and new
 * people, organizations, countries and places from the article's capitalised names, classified
 * with compromise's tags and a few rules of news style:
 * - a title before a name makes a person ("President Vladimir Putin"); a title alone is nothing;
 * - a country's adjective before a title or an institution names the country ("Kazakh President");
 * - a possessive splits the owner from the owned ("Kazakhstan’s Interior Ministry");
 * - a name that is spoken to or quoted from is an outlet ("told Interfax", "Sputnik Armenia
 *   reported"), even when it contains a country's name;
 * - countries and cities come from the gazetteer, with their ISO code, coordinates and reference.
 */
import nlp from 'compromise';
import type { Span } from '../annotation.ts';
import { lookUpPlace, type Place } from './gazetteer.ts';
import type { KnownEntity } from './known.ts';
import { fold, foldWithOrigins, kebab, spanAt, SPEECH_VERBS, WORD_CHARACTER } from './text.ts';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'PLACE';

export interface FoundEntity {
  /** The known entity's id, or the id proposed for a new one. */
  id: string;
  kind: EntityKind;
  name: string;
  known: boolean;
  category?: string;
  isoCode?: string;
  /** The gazetteer entry a country or city was linked through. */
  place?: Place;
  mentions: Span[];
  /** Why the draft proposes it, for the reviewer. */
  why: string;
  /** A title the article gives a person ("President"), with the country or organization it is of. */
  positions: { title: string; ofId?: string; evidence: Span }[];
}

/**
 * Spans of every whole-word occurrence of each entity's names. An entity's longer names claim
 * their text first, so "Fethullah Gülen" is not also "Gülen"; another entity's name inside it is
 * its own mention ("Radio Liberty" in "Radio Liberty's Kazakh Service").
 */
export function findKnownMentions(text: string, entities: { id: string; names: string[] }[]): Map<string, Span[]> {
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
      spans.push(spanAt(text, start, stop));
      found.set(id, spans);
    }
  }
  for (const spans of found.values()) spans.sort((a, b) => a.start - b.start);
  return found;
}

/** A word of the text with compromise's tags. */
interface Word {
  start: number;
  end: number;
  text: string;
  tags: Set<string>;
  sentenceStart: boolean;
  /** What follows the word before the next one ("", " ", ", ", "’s "). */
  after: string;
  possessive: boolean;
}

const NAME_TAGS = ['ProperNoun', 'Acronym', 'Person', 'Place', 'Organization', 'Country', 'Demonym'];
const TITLE_TAGS = ['Actor', 'Honorific'];
/** The last word of an institution's name, and the category it suggests. */
const INSTITUTION_HEADS: Record<string, string> = {
  ministry: 'MINISTRY',
  police: 'POLICE',
  duma: 'LEGISLATURE',
  parliament: 'LEGISLATURE',
  senate: 'LEGISLATURE',
  mazhilis: 'LEGISLATURE',
  army: 'MILITARY',
  forces: 'MILITARY',
  guard: 'MILITARY',
  service: 'NEWS_MEDIA',
  agency: 'NEWS_MEDIA',
  novosti: 'NEWS_MEDIA',
  news: 'NEWS_MEDIA',
  radio: 'NEWS_MEDIA',
  television: 'NEWS_MEDIA',
  tv: 'NEWS_MEDIA',
  university: 'EDUCATIONAL',
  institute: 'EDUCATIONAL',
  organization: 'OTHER',
  organisation: 'OTHER',
  committee: 'GOVERNMENT_BODY',
  council: 'GOVERNMENT_BODY',
  office: 'GOVERNMENT_BODY',
  government: 'GOVERNMENT',
  party: 'OTHER',
  movement: 'MOVEMENT',
};
/** Words around a name that make it a news outlet: speech is told to it, or it reports. */
const OUTLET_BEFORE = /\b(told|to|according to|quoted by|reported by|cited by|agency|outlet|channel|broadcaster|newspaper|interview with|wrote on|posted on|said on)\s+$/i;
const OUTLET_AFTER = /^\s*(reported|reports|quoted|cited|news agency|agency reported)\b/i;
const SPEECH_AFTER = new RegExp(`^[\\s,]*(${SPEECH_VERBS})\\b`, 'i');
const CONNECTORS = new Set(['of', 'the', 'for', 'and']);

function wordsOf(text: string): Word[] {
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as {
    terms: { text: string; post: string; tags: string[]; offset: { start: number; length: number } }[];
  }[];
  const words: Word[] = [];
  for (const sentence of sentences) {
    sentence.terms.forEach((term, index) => {
      if (term.text.length === 0) return;
      // compromise drops an apostrophe's "s" from the term text in some spellings; the text decides.
      let end = term.offset.start + term.offset.length;
      let possessive = false;
      const raw = text.slice(term.offset.start, end);
      const stripped = raw.replace(/[’']s$/, '');
      if (stripped !== raw) {
        possessive = true;
        end = term.offset.start + stripped.length;
      } else if (/^[’']s\b/.test(text.slice(end))) possessive = true;
      words.push({
        start: term.offset.start,
        end,
        text: text.slice(term.offset.start, end),
        tags: new Set(term.tags),
        sentenceStart: index === 0,
        after: term.post,
        possessive,
      });
    });
  }
  return words;
}

const capitalised = (word: Word) => /^[\p{Lu}]/u.test(word.text);
const FUNCTION_TAGS = ['Conjunction', 'Determiner', 'Preposition', 'Pronoun', 'Adverb', 'QuestionWord', 'Date', 'Month', 'WeekDay'];
const nameLike = (word: Word) =>
  capitalised(word) && !FUNCTION_TAGS.some((tag) => word.tags.has(tag)) && (!word.sentenceStart || NAME_TAGS.some((tag) => word.tags.has(tag)));
/** Institutions of a state, which a country's adjective before them belongs to ("Kazakh Interior Ministry"). */
const STATE_CATEGORIES = new Set(['MINISTRY', 'POLICE', 'LEGISLATURE', 'MILITARY', 'GOVERNMENT', 'GOVERNMENT_BODY']);
const isTitle = (word: Word) => TITLE_TAGS.some((tag) => word.tags.has(tag)) && !word.tags.has('FirstName') && !word.tags.has('LastName');

/** Runs of capitalised words (with "of", "the" inside), split at possessives and punctuation. */
function nameRuns(words: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.text.toLowerCase())) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((word, index) => {
    const next = words[index + 1];
    const inside = run.length > 0 && CONNECTORS.has(word.text.toLowerCase()) && next !== undefined && capitalised(next);
    // A sentence's first word starts a name when a name follows it: "Ruslan Balbek told…".
    const startsName = word.sentenceStart && capitalised(word) && !FUNCTION_TAGS.some((tag) => word.tags.has(tag)) && word.after === ' ' && next !== undefined && nameLike(next);
    if (nameLike(word) || inside || startsName) run.push(word);
    else close();
    // A name ends at punctuation or a possessive; a hyphen joins ("Kassym-Jomart").
    if (word.possessive || (word.after.trim() !== '' && word.after.trim() !== '-')) close();
  });
  close();
  return runs;
}

interface Classified {
  kind: EntityKind;
  name: string;
  category?: string;
  place?: Place;
  why: string;
}

/** Links the owner of a possessive or the adjective before an institution: "Kazakhstan’s", "Kazakh". */
function countryOf(word: Word): Place | undefined {
  const place = lookUpPlace(word.text);
  return place?.kind === 'COUNTRY' ? place : undefined;
}

export interface EntityExtraction {
  entities: FoundEntity[];
  /** Names seen but not classified: for the reviewer. */
  unclassified: Span[];
}

/** Every entity of the article: known ones linked by id, new ones proposed with why. */
export function findEntities(text: string, known: KnownEntity[]): EntityExtraction {
  const byId = new Map<string, FoundEntity>();
  const claimed = new Uint8Array(text.length);
  const knownById = new Map(known.map((entity) => [entity.id, entity]));
  const knownByName = new Map<string, KnownEntity>();
  for (const entity of known) for (const name of entity.names) knownByName.set(fold(name), entity);
  const knownCountry = (isoCode: string) => known.find((entity) => entity.kind === 'COUNTRY' && entity.isoCode === isoCode);

  const add = (entity: Omit<FoundEntity, 'mentions' | 'positions'>, span: Span) => {
    if (claimed.subarray(span.start, span.end).some(Boolean)) return byId.get(entity.id);
    claimed.fill(1, span.start, span.end);
    const found = byId.get(entity.id) ?? { ...entity, mentions: [], positions: [] };
    found.mentions.push(span);
    byId.set(entity.id, found);
    return found;
  };
  const fromKnown = (entity: KnownEntity, why: string): Omit<FoundEntity, 'mentions' | 'positions'> => ({
    id: entity.id,
    kind: entity.kind as EntityKind,
    name: entity.name,
    known: true,
    why,
    ...(entity.category ? { category: entity.category } : {}),
  });
  const fromPlace = (place: Place, why: string): Omit<FoundEntity, 'mentions' | 'positions'> => {
    const linked = place.kind === 'COUNTRY' ? knownCountry(place.isoCode) : knownByName.get(fold(place.name));
    if (linked) return { ...fromKnown(linked, `${why}; the graph knows it`), place };
    return {
      id: kebab(place.name),
      kind: place.kind,
      name: place.name,
      known: false,
      place,
      why: `${why}: ${place.reference}, at ${place.latitude}, ${place.longitude}`,
      ...(place.kind === 'COUNTRY' ? { isoCode: place.isoCode } : { category: 'CITY' }),
    };
  };

  const words = wordsOf(text);
  const runs = nameRuns(words);
  const contextOf = (span: Span) => ({ before: text.slice(Math.max(0, span.start - 30), span.start), after: text.slice(span.end, span.end + 30) });
  // Outlets named after a country ("Sputnik Armenia"): the country's name inside is not the country.
  const outlets = runs
    .filter((run) => run.length > 1)
    .map((run) => spanAt(text, run[0]!.start, run[run.length - 1]!.end))
    .filter((span) => {
      const { before, after } = contextOf(span);
      return classify(runs.find((run) => run[0]!.start === span.start)!, span, before, after, false)?.category === 'NEWS_MEDIA';
    });

  // Known entities first, by every name they go by.
  for (const [id, spans] of findKnownMentions(text, known.filter((entity) => entity.kind !== 'EVENT'))) {
    const entity = knownById.get(id)!;
    for (const span of spans) {
      const insideOutlet = outlets.some((outlet) => outlet.start <= span.start && span.end <= outlet.end && (outlet.end - outlet.start) > (span.end - span.start));
      if ((entity.kind === 'COUNTRY' || entity.kind === 'PLACE') && insideOutlet) continue;
      add(fromKnown(entity, 'a name or alias of a known entity'), span);
    }
  }

  const unclassified: Span[] = [];
  for (let run of runs) {
    const firstWord = run[0]!;
    // A country's adjective before a title or an institution names the country: "Kazakh President …".
    const startsWithAdjective =
      run.length > 1 && lookUpPlace(run[0]!.text)?.namedBy === 'DEMONYM' && (isTitle(run[1]!) || STATE_CATEGORIES.has(INSTITUTION_HEADS[fold(run[run.length - 1]!.text)] ?? ''));
    const adjective = startsWithAdjective ? countryOf(run[0]!) : undefined;
    if (adjective) {
      add(fromPlace(adjective, `"${run[0]!.text}" is the adjective of ${adjective.name}`), spanAt(text, run[0]!.start, run[0]!.end));
      run = run.slice(1);
    }
    const titleWords: Word[] = [];
    while (run.length > 1 && isTitle(run[0]!) && !INSTITUTION_HEADS[fold(run[run.length - 1]!.text)]) {
      titleWords.push(run[0]!);
      run = run.slice(1);
    }
    const span = spanAt(text, run[0]!.start, run[run.length - 1]!.end);
    if (claimed.subarray(span.start, span.end).some(Boolean) && titleWords.length === 0) continue;
    const { before, after } = contextOf(span);
    const possessor = words.find((word) => word.end <= span.start && word.possessive && span.start - word.end <= 3);
    const owner = possessor ? countryOf(possessor) : adjective;
    // "Radio Liberty’s Kazakh Service": a part of the organization that owns it.
    const ownerOrganization = possessor ? [...byId.values()].find((entity) => entity.kind === 'ORGANIZATION' && entity.mentions.some((mention) => mention.start <= possessor.start && possessor.end <= mention.end)) : undefined;
    // A last name alone names the person already named in full ("Putin" after "Vladimir Putin").
    const lastNameOf = run.length === 1 && titleWords.length === 0
      ? [...byId.values()].find((entity) => entity.kind === 'PERSON' && entity.name.includes(' ') && fold(entity.name).split(/[\s-]+/).pop() === fold(span.text))
      : undefined;
    if (lastNameOf) {
      add({ ...lastNameOf }, span);
      continue;
    }
    const classified = classify(run, span, before, after, titleWords.length > 0);
    if (!classified) {
      if (titleWords.length === 0 && !claimed.subarray(span.start, span.end).some(Boolean)) unclassified.push(span);
      continue;
    }
    let found: FoundEntity | undefined;
    if (classified.place) found = add(fromPlace(classified.place, classified.why), span);
    else {
      const knownMatch = knownByName.get(fold(classified.name));
      const ownerId = owner ? (knownCountry(owner.isoCode)?.id ?? kebab(owner.name)) : undefined;
      const id =
        classified.kind !== 'ORGANIZATION' || knownMatch ? kebab(classified.name)
        : ownerOrganization ? `${ownerOrganization.id}-${kebab(classified.name)}`
        : ownerId ? `${kebab(classified.name)}-${ownerId}`
        : kebab(classified.name);
      found = add(
        knownMatch
          ? fromKnown(knownMatch, 'a name or alias of a known entity')
          : { id, kind: classified.kind, name: classified.name, known: false, why: classified.why, ...(classified.category ? { category: classified.category } : {}) },
        span,
      );
    }
    if (found && titleWords.length > 0 && found.kind === 'PERSON') {
      const title = titleWords.map((word) => word.text).join(' ');
      const ofId = owner ? (knownCountry(owner.isoCode)?.id ?? kebab(owner.name)) : undefined;
      found.positions.push({ title, ...(ofId ? { ofId } : {}), evidence: spanAt(text, firstWord.start, span.end) });
    }
  }

  // A person named once in full is named again by the last name alone ("Balbek", even first in a sentence).
  const people = [...byId.values()].filter((entity) => entity.kind === 'PERSON' && entity.name.includes(' '));
  for (const word of words.filter(capitalised)) {
    const person = people.find((entity) => fold(entity.name).split(/[\s-]+/).pop() === fold(word.text));
    if (!person) continue;
    const span = spanAt(text, word.start, word.end);
    add({ ...person }, span);
    const at = unclassified.findIndex((name) => name.start === span.start && name.end === span.end);
    if (at !== -1) unclassified.splice(at, 1);
  }
  for (const entity of byId.values()) entity.mentions.sort((a, b) => a.start - b.start);
  return { entities: [...byId.values()], unclassified };
}

/** What a run of capitalised words names, or undefined when the rules cannot tell. */
function classify(run: Word[], span: Span, before: string, after: string, titled: boolean): Classified | undefined {
  const name = span.text.replace(/[-‐]$/, '');
  const words = run.map((word) => word.text);
  const head = fold(words[words.length - 1]!);
  if (titled) return { kind: 'PERSON', name, why: 'a name after a title' };
  if (OUTLET_BEFORE.test(before) && !/\bto\s+$/i.test(before) || OUTLET_AFTER.test(after)) {
    if (!run.some((word) => word.tags.has('Person') && !word.tags.has('Organization'))) {
      return { kind: 'ORGANIZATION', name, category: 'NEWS_MEDIA', why: 'a name the article is told, quotes or reports from: a news outlet' };
    }
  }
  const place = lookUpPlace(name);
  if (place && !(place.namedBy === 'DEMONYM' && /s$/.test(name) && !/s$/.test(place.name))) {
    return { kind: place.kind, name: place.name, place, why: place.namedBy === 'DEMONYM' ? `"${name}" is the adjective of ${place.name}` : `${name} is in the gazetteer` };
  }
  if (place) return undefined;
  // Followers named after a person or a doctrine: "Gülenists", "Gülenist groups".
  if (words.length === 1 && /ists?$/.test(head)) return { kind: 'ORGANIZATION', name: name.replace(/ist$/, 'ists'), category: 'MOVEMENT', why: 'followers named after a person or doctrine: a movement' };
  const category = INSTITUTION_HEADS[head];
  if (category && words.length > 1) return { kind: 'ORGANIZATION', name, category, why: `a name ending in "${words[words.length - 1]}"` };
  if (run.every((word) => word.tags.has('Acronym') || /^[A-Z]{2,}$/.test(word.text))) {
    return { kind: 'ORGANIZATION', name, category: 'OTHER', why: 'an acronym' };
  }
  if (run.some((word) => word.tags.has('Organization')) && words.length > 1) return { kind: 'ORGANIZATION', name, category: 'OTHER', why: 'compromise tags it an organization' };
  const containsPlace = words.some((word) => lookUpPlace(word));
  if (containsPlace && words.length > 1) {
    return OUTLET_BEFORE.test(before) || SPEECH_AFTER.test(after)
      ? { kind: 'ORGANIZATION', name, category: 'NEWS_MEDIA', why: 'a name with a country in it that speaks or is spoken to: an outlet' }
      : undefined;
  }
  if (words.length > 1 && run.every((word) => !word.tags.has('Organization') && !word.tags.has('Place'))) {
    return { kind: 'PERSON', name, why: run.some((word) => word.tags.has('Person')) ? 'compromise tags it a person' : 'two or more capitalised names' };
  }
  if (run.some((word) => word.tags.has('Person') && !word.tags.has('Honorific'))) return { kind: 'PERSON', name, why: 'compromise tags it a person' };
  return undefined;
}
