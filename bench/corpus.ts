/**
 * A deterministic synthetic corpus of annotated news articles, for load and query benchmarks.
 *
 * Every article is assembled from sentence templates while the offsets of every inserted phrase are
 * recorded, so each span is exact by construction. Entities come from shared pools (countries,
 * organizations, places, people, and "storyline" events that span many articles) whose sizes grow
 * with the number of articles; they are drawn with Zipf-like weights, so a few countries and
 * organizations recur in most articles while most people and places appear only a few times.
 *
 * Pure: no I/O, no `Math.random`. The same options give the same articles, byte for byte. Each
 * article is built from its own PRNG stream, so `createCorpus(...).article(i)` gives article `i`
 * without building the others.
 */
import { createHash } from 'node:crypto';
import type {
  AnnotatedClaim,
  AnnotatedDeployment,
  AnnotatedEntity,
  AnnotatedFigure,
  AnnotatedRelation,
  Annotation,
  Span,
} from '../src/seed/annotation.ts';
import type { Certainty } from '../src/domain/vocabulary.ts';
import { textSha256 } from '../src/seed/validate.ts';

export interface CorpusOptions {
  /** How many articles. */
  articles: number;
  /** PRNG seed; 42 when omitted. */
  seed?: number;
}

export interface GeneratedArticle {
  /** The article id, also the file stem: `<id>.json` and `<id>.txt`. */
  id: string;
  /** The exact content of `<id>.txt`. */
  text: string;
  annotation: Annotation;
}

export const DEFAULT_SEED = 42;

export function articleId(index: number): string {
  return `synthetic-${String(index).padStart(6, '0')}`;
}

const SPAN_JSON = /\{\n\s+"start": (\d+),\n\s+"end": (\d+),\n\s+"text": ("(?:[^"\\]|\\.)*")\n\s+\}/g;
const DATE_JSON = /\{\n\s+"iso": ("[0-9-]+"),\n\s+"precision": ("[A-Z]+"),\n\s+"basis": ("[A-Z]+")\n\s+\}/g;

/**
 * The annotation file's content for an article: what the CLI writes to `<id>.json`. Indented like
 * hand-written files, but each span and date on one line, which halves the size.
 */
export function annotationJson(article: GeneratedArticle): string {
  return `${JSON.stringify(article.annotation, null, 2)
    .replace(SPAN_JSON, '{ "start": $1, "end": $2, "text": $3 }')
    .replace(DATE_JSON, '{ "iso": $1, "precision": $2, "basis": $3 }')}\n`;
}

/** Generates articles 1..N one at a time, so a large corpus never has to be held in memory. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const corpus = createCorpus(options);
  for (let index = 1; index <= options.articles; index++) yield corpus.article(index);
}

/** The shared entity pools of a corpus and random access to its articles. */
export function createCorpus(options: CorpusOptions): { pools: Pools; article(index: number): GeneratedArticle } {
  if (!Number.isInteger(options.articles) || options.articles < 0) {
    throw new RangeError(`articles must be a non-negative integer, got ${options.articles}`);
  }
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const pools = buildPools(options.articles, seed);
  return { pools, article: (index) => buildArticle(pools, seed, index) };
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** Mixes integers into a 32-bit seed, so every pool entity and article gets its own stream. */
function hashInts(...values: number[]): number {
  let hash = 0x811c9dc5;
  for (const value of values) {
    hash = Math.imul(hash ^ (value >>> 0), 0x9e3779b1);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  return hash >>> 0;
}

/** mulberry32 with a few helpers. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return at(items, items.length - 1)[0];
  }
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return item;
}

/** Zipf over ranks 0..n-1: rank r has weight 1/(r+1)^s. Cached per (n, s). */
class Zipf {
  private static readonly cache = new Map<string, Zipf>();
  static of(size: number, exponent: number): Zipf {
    const key = `${size}:${exponent}`;
    let zipf = Zipf.cache.get(key);
    if (!zipf) {
      zipf = new Zipf(size, exponent);
      if (Zipf.cache.size > 10_000) Zipf.cache.clear();
      Zipf.cache.set(key, zipf);
    }
    return zipf;
  }
  private readonly cdf: Float64Array;
  private constructor(size: number, exponent: number) {
    this.cdf = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent);
      this.cdf[rank] = total;
    }
  }
  sample(rng: Rng): number {
    const size = this.cdf.length;
    const target = rng.next() * (this.cdf[size - 1] ?? 0);
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cdf[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** An item of `items` by Zipf rank: earlier items are more frequent. */
function zipfPick<T>(rng: Rng, items: readonly T[], exponent: number): T {
  return at(items, Zipf.of(items.length, exponent).sample(rng));
}

// ---------------------------------------------------------------------------------------------
// Dates, as days since 1970-01-01 (UTC)

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function isoMonth(day: number): string {
  return `${isoDay(day).slice(0, 7)}-01`;
}
function dateWords(day: number, withYear: boolean): string {
  const date = new Date(day * DAY_MS);
  const words = `${at(MONTHS, date.getUTCMonth())} ${date.getUTCDate()}`;
  return withYear ? `${words}, ${date.getUTCFullYear()}` : words;
}
function monthWords(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${at(MONTHS, date.getUTCMonth())} ${date.getUTCFullYear()}`;
}
function clampDay(day: number): number {
  return Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
}

// ---------------------------------------------------------------------------------------------
// Names

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'br', 'dr', 'tr', 'st', 'j', 'y', 'ch', 'gr', ''];
const RARE_ONSETS = ['ç', 'ş', 'ž', 'č', 'ñ', 'ł', 'ř', 'ğ'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'a', 'o', 'i', 'ai', 'ei'];
const ACCENTED_VOWELS = ['á', 'é', 'í', 'ó', 'ú', 'ü', 'ö', 'ä', 'ë', 'ã', 'â', 'ø', 'å', 'ı'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'm', 'k', 't', 'z', 'sh'];

function syllable(rng: Rng, accent: number): string {
  const onset = rng.chance(accent / 2) ? rng.pick(RARE_ONSETS) : rng.pick(ONSETS);
  const vowel = rng.chance(accent) ? rng.pick(ACCENTED_VOWELS) : rng.pick(VOWELS);
  return onset + vowel + rng.pick(CODAS);
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** A capitalized pseudo-word; some carry a diacritic (about a third of full person names do). */
function word(rng: Rng, syllables: number, accent = 0.045): string {
  let text = '';
  for (let index = 0; index < syllables; index++) text += syllable(rng, accent);
  return capitalize(text).normalize('NFC');
}

const FAMILY_SUFFIXES = ['ov', 'ova', 'ev', 'enko', 'ić', 'escu', 'ez', 'son', 'er', 'ani', 'yev', 'oğlu', 'ski', 'ard', 'ães', 'adze', 'i', 'berg', ''];
const PLACE_SUFFIXES = ['', '', 'abad', 'grad', 'ovo', 'pur', 'ton', 'sk', 'aya', 'ino', 'ville', 'dorf', 'kent', 'ia'];
const COUNTRY_SUFFIXES = ['ia', 'stan', 'land', 'ova', 'ara', 'esh', 'ania', 'ica', 'ar', 'eria', 'ay', 'oria'];

/** ASCII letters of a name, upper-case, for ISO codes and acronyms. */
function asciiLetters(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Pools

type OrgCategory =
  | 'GOVERNMENT' | 'GOVERNMENT_BODY' | 'MINISTRY' | 'POLICE' | 'LEGISLATURE' | 'MILITARY'
  | 'MILITARY_ALLIANCE' | 'NEWS_MEDIA' | 'MILITANT_GROUP' | 'MOVEMENT' | 'EDUCATIONAL' | 'OTHER';
type PlaceCategory = 'CITY' | 'TOWN' | 'REGION' | 'BUILDING' | 'AIRPORT' | 'OTHER';
type EventCategory =
  | 'PROTEST' | 'RIOT' | 'CLASH' | 'ARSON' | 'LOOTING' | 'SEIZURE' | 'KILLING' | 'ARREST'
  | 'SHUTDOWN' | 'CENSORSHIP' | 'REQUEST' | 'DEPLOYMENT' | 'COUP_ATTEMPT' | 'OTHER';

interface CountryDef {
  kind: 'COUNTRY';
  index: number;
  id: string;
  name: string;
  aliases: string[];
  isoCode: string;
  /** Index of its military alliance in `Pools.orgs`. */
  alliance: number;
}

interface OrgDef {
  kind: 'ORGANIZATION';
  index: number;
  id: string;
  name: string;
  aliases: string[];
  category: OrgCategory;
  country: number;
  /** "the" goes before the name in running text. */
  definite: boolean;
  acronym?: string;
}

interface PlaceDef {
  kind: 'PLACE';
  index: number;
  id: string;
  name: string;
  aliases: string[];
  category: PlaceCategory;
  country: number;
}

interface PersonDef {
  kind: 'PERSON';
  index: number;
  id: string;
  name: string;
  aliases: string[];
  family: string;
  country: number;
  /** The organization the person works for, or undefined for an office of the country itself. */
  org?: number;
  title: string;
  former: boolean;
}

interface StoryDef {
  kind: 'STORY';
  index: number;
  id: string;
  name: string;
  category: EventCategory;
  country: number;
  start: number;
}

export interface Pools {
  countries: CountryDef[];
  orgs: OrgDef[];
  places: PlaceDef[];
  people: PersonDef[];
  stories: StoryDef[];
  media: number[];
  alliances: number[];
  groups: number[];
  byCountry: {
    places: number[][];
    people: number[][];
    leaders: number[][];
    officialOrgs: number[][];
    security: number[][];
    military: number[][];
  };
  allianceMembers: Map<number, number[]>;
}

const COUNTRY_COUNT = 60;
const POOL_STREAMS = { country: 1, org: 2, place: 3, person: 4, story: 5, article: 6, alliance: 7 } as const;

const COUNTRY_TITLES = ['President', 'Prime Minister', 'Vice President', 'Foreign Minister', 'Defence Minister', 'Interior Minister'];
const LEADER_TITLES = new Set(['President', 'Prime Minister', 'Leader', 'Chairman', 'Secretary General']);
const ORG_TITLES: Record<OrgCategory, string[]> = {
  GOVERNMENT: ['Spokesperson', 'Chief of Staff'],
  GOVERNMENT_BODY: ['Chairman', 'Secretary', 'Deputy Head'],
  MINISTRY: ['Spokesperson', 'Deputy Minister', 'Press Secretary'],
  POLICE: ['Chief', 'Spokesperson', 'Deputy Commander'],
  LEGISLATURE: ['Speaker', 'Deputy Speaker', 'Member'],
  MILITARY: ['Commander', 'Chief of Staff', 'Spokesperson'],
  MILITARY_ALLIANCE: ['Secretary General', 'Spokesperson'],
  NEWS_MEDIA: ['Correspondent', 'Editor-in-Chief'],
  MILITANT_GROUP: ['Commander', 'Leader'],
  MOVEMENT: ['Leader', 'Chairman', 'Coordinator'],
  EDUCATIONAL: ['Professor', 'Rector'],
  OTHER: ['Director', 'Chairman'],
};

/** The first organizations, by frequency rank: guarantees outlets and alliances in any corpus. */
const CORE_ORG_CATEGORIES: OrgCategory[] = [
  'NEWS_MEDIA', 'MILITARY_ALLIANCE', 'NEWS_MEDIA', 'MINISTRY', 'MILITARY_ALLIANCE', 'NEWS_MEDIA', 'POLICE',
  'MOVEMENT', 'MILITARY_ALLIANCE', 'NEWS_MEDIA', 'GOVERNMENT_BODY', 'MILITANT_GROUP', 'NEWS_MEDIA', 'MILITARY',
  'MILITARY_ALLIANCE', 'LEGISLATURE', 'EDUCATIONAL', 'NEWS_MEDIA', 'OTHER', 'GOVERNMENT',
];
const ORG_CATEGORY_WEIGHTS: ReadonlyArray<readonly [OrgCategory, number]> = [
  ['NEWS_MEDIA', 14], ['MINISTRY', 14], ['POLICE', 8], ['GOVERNMENT_BODY', 10], ['LEGISLATURE', 6],
  ['MILITARY', 8], ['MILITARY_ALLIANCE', 1], ['MILITANT_GROUP', 6], ['MOVEMENT', 10], ['EDUCATIONAL', 5],
  ['GOVERNMENT', 5], ['OTHER', 8],
];
const NATIONAL_ORGS = new Set<OrgCategory>(['GOVERNMENT', 'GOVERNMENT_BODY', 'MINISTRY', 'POLICE', 'LEGISLATURE', 'MILITARY']);
const SECURITY_ORGS = new Set<OrgCategory>(['POLICE', 'MILITARY', 'GOVERNMENT_BODY']);
const MINISTRY_DOMAINS = [
  'Interior', 'Health', 'Defence', 'Foreign', 'Justice', 'Information', 'Emergency Situations', 'Energy',
  'Finance', 'Education', 'Agriculture', 'Transport', 'Culture', 'Labour', 'Economy', 'Digital Development',
];

function orgName(rng: Rng, category: OrgCategory, country: string): { name: string; definite: boolean; acronym?: string } {
  const stem = word(rng, 2);
  switch (category) {
    case 'GOVERNMENT':
      return { name: rng.pick([`Government of ${country}`, `${country} Cabinet of Ministers`, `${country} Presidential Administration`]), definite: true };
    case 'GOVERNMENT_BODY':
      return {
        name: rng.pick([
          `${country} Security Council`, `National Security Committee of ${country}`, `${country} Election Commission`,
          `${country} Prosecutor General's Office`, `${country} Central Bank`, `${country} Border Service`,
          `${country} Anti-Corruption Agency`, `${country} Constitutional Court`, `${country} State Media Agency`,
        ]),
        definite: true,
      };
    case 'MINISTRY':
      return { name: `${rng.pick(MINISTRY_DOMAINS)} Ministry of ${country}`, definite: true };
    case 'POLICE':
      return { name: rng.pick([`${country} National Police`, `${country} National Guard`, `${country} Riot Police`, `${country} Border Guard`]), definite: true };
    case 'LEGISLATURE':
      return { name: rng.pick([`${country} Parliament`, `National Assembly of ${country}`, `Senate of ${country}`]), definite: true };
    case 'MILITARY':
      return { name: rng.pick([`${country} Armed Forces`, `${country} Air Force`, `${country} Army`, `${country} Special Forces`]), definite: true };
    case 'MILITARY_ALLIANCE': {
      const [suffix, letters] = rng.pick([
        ['Collective Security Treaty Organization', 'CSTO'],
        ['Defence Pact', 'DP'],
        ['Security Alliance', 'SA'],
        ['Mutual Defence Treaty', 'MDT'],
        ['Treaty Organization', 'TO'],
      ] as const);
      const acronym = `${asciiLetters(stem).slice(0, 1)}${letters}`;
      return { name: `${stem} ${suffix}`, definite: true, acronym };
    }
    case 'NEWS_MEDIA': {
      const [name, definite] = rng.pick([
        [`${stem} Herald`, true], [`Radio ${stem}`, false], [`${stem} Times`, true], [`${stem} News Agency`, true],
        [`${stem} TV`, false], [`${stem} Daily`, true], [`${stem} Press Service`, true], [`${stem} Broadcasting Corporation`, true],
      ] as const);
      return { name, definite };
    }
    case 'MILITANT_GROUP':
      return { name: rng.pick([`${stem} Liberation Front`, `${stem} Brigades`, `${stem} Armed Resistance`, `${stem} People's Army`]), definite: true };
    case 'MOVEMENT':
      return { name: rng.pick([`${stem} Democratic Movement`, `${stem} Youth Union`, `Civic Party of ${stem}`, `${stem} Workers' Alliance`, `${stem} Rights Committee`]), definite: true };
    case 'EDUCATIONAL':
      return { name: rng.pick([`University of ${stem}`, `${stem} Institute of Strategic Studies`, `${stem} State University`]), definite: true };
    case 'OTHER':
      return { name: rng.pick([`${stem} Red Crescent Society`, `${stem} Human Rights Centre`, `${stem} Oil Company`, `${stem} Mining Group`, `${stem} Foundation`]), definite: true };
  }
}

function buildPools(articles: number, seed: number): Pools {
  const usedNames = new Set<string>();
  /** A name no other pool entity has: tries `make` until one is new, then numbers it. */
  const uniqueName = (make: () => string): string => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    for (let counter = 2; ; counter++) {
      const name = `${make()} ${counter}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const streamOf = (stream: number, index: number) => new Rng(hashInts(seed, stream, index));

  // Countries: a fixed 60, with unique ISO-like codes taken from their names' letters.
  const usedCodes = new Set<string>();
  const countries: CountryDef[] = [];
  for (let index = 0; index < COUNTRY_COUNT; index++) {
    const rng = streamOf(POOL_STREAMS.country, index);
    const name = uniqueName(() => word(rng, rng.int(1, 2), 0.08) + rng.pick(COUNTRY_SUFFIXES));
    const letters = asciiLetters(name);
    const first = letters[0] ?? 'X';
    let isoCode = '';
    for (const candidate of [...letters.slice(1)].map((letter) => first + letter)) {
      if (!usedCodes.has(candidate)) {
        isoCode = candidate;
        break;
      }
    }
    for (let code = 0; isoCode === '' && code < 26 * 26; code++) {
      const candidate = String.fromCharCode(65 + Math.floor(code / 26), 65 + (code % 26));
      if (!usedCodes.has(candidate)) isoCode = candidate;
    }
    usedCodes.add(isoCode);
    countries.push({
      kind: 'COUNTRY',
      index,
      id: `country-${isoCode.toLowerCase()}`,
      name,
      aliases: rng.chance(0.5) ? [`Republic of ${name}`] : [],
      isoCode,
      alliance: -1,
    });
  }
  const countryNames = countries.map((country) => country.name);

  // Organizations: ≈ N/5 + 20; the first 20 have fixed categories.
  const orgCount = Math.floor(articles / 5) + 20;
  const orgs: OrgDef[] = [];
  for (let index = 0; index < orgCount; index++) {
    const rng = streamOf(POOL_STREAMS.org, index);
    const category = CORE_ORG_CATEGORIES[index] ?? rng.weighted(ORG_CATEGORY_WEIGHTS);
    let country = 0;
    let definite = true;
    let acronym: string | undefined;
    const name = uniqueName(() => {
      country = zipfPick(rng, countries, 1).index;
      const made = orgName(rng, category, at(countryNames, country));
      definite = made.definite;
      acronym = made.acronym;
      return made.name;
    });
    orgs.push({
      kind: 'ORGANIZATION',
      index,
      id: `org-${String(index).padStart(4, '0')}`,
      name,
      aliases: acronym ? [acronym] : [],
      category,
      country,
      definite,
      ...(acronym ? { acronym } : {}),
    });
  }
  const indicesOf = (predicate: (org: OrgDef) => boolean) => orgs.filter(predicate).map((org) => org.index);
  const media = indicesOf((org) => org.category === 'NEWS_MEDIA');
  const alliances = indicesOf((org) => org.category === 'MILITARY_ALLIANCE');
  const groups = indicesOf((org) => org.category === 'MOVEMENT' || org.category === 'MILITANT_GROUP');

  const allianceMembers = new Map<number, number[]>();
  for (const country of countries) {
    country.alliance = zipfPick(streamOf(POOL_STREAMS.alliance, country.index), alliances, 0.6);
    const members = allianceMembers.get(country.alliance) ?? [];
    members.push(country.index);
    allianceMembers.set(country.alliance, members);
  }

  const perCountry = () => countries.map((): number[] => []);
  const byCountry = {
    places: perCountry(),
    people: perCountry(),
    leaders: perCountry(),
    officialOrgs: perCountry(),
    security: perCountry(),
    military: perCountry(),
  };
  for (const org of orgs) {
    if (NATIONAL_ORGS.has(org.category)) at(byCountry.officialOrgs, org.country).push(org.index);
    if (org.category === 'MILITARY') at(byCountry.military, org.country).push(org.index);
    if (SECURITY_ORGS.has(org.category)) at(byCountry.security, org.country).push(org.index);
  }

  // Places: ≈ N/2 (at least 60); the first 60 give every country one place.
  const placeCount = Math.max(COUNTRY_COUNT, Math.floor(articles / 2));
  const places: PlaceDef[] = [];
  for (let index = 0; index < placeCount; index++) {
    const rng = streamOf(POOL_STREAMS.place, index);
    const country = index < COUNTRY_COUNT ? index : zipfPick(rng, countries, 1).index;
    const category = rng.weighted<PlaceCategory>([['CITY', 50], ['TOWN', 25], ['REGION', 10], ['AIRPORT', 6], ['BUILDING', 6], ['OTHER', 3]]);
    const name = uniqueName(() => {
      const stem = word(rng, rng.int(1, 3)) + rng.pick(PLACE_SUFFIXES);
      switch (category) {
        case 'REGION':
          return `${stem} ${rng.pick(['Region', 'Province', 'Oblast', 'District'])}`;
        case 'AIRPORT':
          return `${stem} International Airport`;
        case 'BUILDING':
          return rng.pick([`${stem} Palace`, `${stem} City Hall`, `${stem} Television Centre`, `${stem} Presidential Residence`]);
        case 'OTHER':
          return rng.pick([`${stem} Square`, `${stem} Valley`, `${stem} Industrial Zone`]);
        default:
          return stem;
      }
    });
    places.push({
      kind: 'PLACE',
      index,
      id: `place-${String(index).padStart(6, '0')}`,
      name,
      aliases: [],
      category,
      country,
    });
    at(byCountry.places, country).push(index);
  }

  // People: ≈ 2·N (at least 120); a third hold an office of a country, the rest work for an organization.
  const personCount = Math.max(2 * COUNTRY_COUNT, 2 * articles);
  const people: PersonDef[] = [];
  for (let index = 0; index < personCount; index++) {
    const rng = streamOf(POOL_STREAMS.person, index);
    let family = '';
    const name = uniqueName(() => {
      family = word(rng, rng.int(1, 2)) + rng.pick(FAMILY_SUFFIXES);
      return `${word(rng, rng.int(2, 3))} ${family}`;
    });
    const ofCountry = index < COUNTRY_COUNT || rng.chance(0.3);
    const org = ofCountry ? undefined : zipfPick(rng, orgs, 0.9);
    const country = org ? org.country : index < COUNTRY_COUNT ? index : zipfPick(rng, countries, 1).index;
    const title = org ? rng.pick(ORG_TITLES[org.category]) : index < COUNTRY_COUNT ? 'President' : rng.pick(COUNTRY_TITLES);
    const former = index >= COUNTRY_COUNT && rng.chance(0.12);
    people.push({
      kind: 'PERSON',
      index,
      id: `person-${String(index).padStart(6, '0')}`,
      name,
      aliases: [],
      family,
      country,
      ...(org ? { org: org.index } : {}),
      title,
      former,
    });
    at(byCountry.people, country).push(index);
    if (!org && !former) at(byCountry.leaders, country).push(index);
  }

  // Storylines: long-running events that many articles place their incidents in.
  const storyCount = Math.max(4, Math.ceil(articles / 12));
  const stories: StoryDef[] = [];
  for (let index = 0; index < storyCount; index++) {
    const rng = streamOf(POOL_STREAMS.story, index);
    const start = rng.int(FIRST_DAY, LAST_DAY - 60);
    let country = 0;
    let category: EventCategory = 'PROTEST';
    const name = uniqueName(() => {
      country = zipfPick(rng, countries, 1).index;
      const [kind, noun] = rng.pick([
        ['PROTEST', 'unrest'], ['PROTEST', 'protests'], ['RIOT', 'riots'], ['CLASH', 'border clashes'],
        ['COUP_ATTEMPT', 'coup attempt'], ['OTHER', 'general strike'], ['OTHER', 'political crisis'],
      ] as const);
      category = kind;
      const year = new Date(start * DAY_MS).getUTCFullYear();
      return rng.chance(0.7) ? `${year} ${at(countryNames, country)} ${noun}` : `${monthWords(start)} ${at(countryNames, country)} ${noun}`;
    });
    stories.push({ kind: 'STORY', index, id: `story-${String(index).padStart(5, '0')}`, name, category, country, start });
  }

  return { countries, orgs, places, people, stories, media, alliances, groups, byCountry, allianceMembers };
}

// ---------------------------------------------------------------------------------------------
// Article text and annotation, built together

interface EventDef {
  kind: 'EVENT';
  id: string;
  name: string;
  category: EventCategory;
  date?: { iso: string; precision: 'DAY' | 'MONTH'; basis: 'ARTICLE' };
  certainty: Certainty;
}

type Def = CountryDef | OrgDef | PlaceDef | PersonDef | EventDef;

/** An entity as it appears in one article: its definition, its mentions and (for events) evidence. */
class Ent {
  readonly mentions: Span[] = [];
  readonly evidence: Span[] = [];
  constructor(readonly def: Def) {}
  get id(): string {
    return this.def.id;
  }
  get mentioned(): boolean {
    return this.mentions.length > 0;
  }
  toAnnotation(): AnnotatedEntity {
    const def = this.def;
    switch (def.kind) {
      case 'COUNTRY':
        return { id: def.id, kind: 'COUNTRY', name: def.name, aliases: def.aliases, isoCode: def.isoCode, mentions: this.mentions };
      case 'ORGANIZATION':
        return { id: def.id, kind: 'ORGANIZATION', name: def.name, aliases: def.aliases, category: def.category, mentions: this.mentions };
      case 'PLACE':
        return {
          id: def.id,
          kind: 'PLACE',
          name: def.name,
          aliases: def.aliases,
          category: def.category,
          mentions: this.mentions,
        };
      case 'PERSON':
        return { id: def.id, kind: 'PERSON', name: def.name, aliases: def.aliases, mentions: this.mentions };
      case 'EVENT':
        return {
          id: def.id,
          kind: 'EVENT',
          name: def.name,
          aliases: [],
          category: def.category,
          ...(def.date ? { date: def.date } : {}),
          certainty: def.certainty,
          mentions: this.mentions,
          evidence: this.evidence,
        };
    }
  }
}

type Token = (sentence: Sentence) => void;
type Piece = string | Ent | Token;

class Sentence {
  readonly start: number;
  private readonly after: Array<(evidence: Span) => void> = [];
  constructor(private readonly doc: ArticleBuilder) {
    this.start = doc.text.length;
  }
  /** Appends text (capitalized at the start of the sentence) and returns its span. */
  text(text: string): Span {
    const value = this.doc.text.length === this.start ? capitalize(text) : text;
    const start = this.doc.text.length;
    this.doc.text += value;
    return { start, end: this.doc.text.length, text: value };
  }
  mention(ent: Ent, text: string): Span {
    const span = this.text(text);
    this.doc.noteMention(ent, span);
    return span;
  }
  put(piece: Piece): void {
    if (typeof piece === 'string') this.text(piece);
    else if (piece instanceof Ent) this.doc.defaultMention(this, piece);
    else piece(this);
  }
  /** Runs once the sentence is finished, with the whole sentence as evidence. */
  then(action: (evidence: Span) => void): void {
    this.after.push(action);
  }
  end(): Span {
    const evidence: Span = { start: this.start, end: this.doc.text.length, text: this.doc.text.slice(this.start) };
    for (const action of this.after) action(evidence);
    return evidence;
  }
}

interface FigureSpec {
  metric: AnnotatedFigure['metric'];
  counts: string;
  magnitude: readonly [number, number];
  eventId?: string;
  sourceId?: string;
  certainty: Certainty;
}

class ArticleBuilder {
  text = '';
  private sentencesInParagraph = 0;
  private readonly ents = new Map<string, Ent>();
  private readonly order: Ent[] = [];
  readonly relations: AnnotatedRelation[] = [];
  private readonly relationIndex = new Map<string, AnnotatedRelation>();
  readonly figures: AnnotatedFigure[] = [];
  readonly claims: AnnotatedClaim[] = [];
  readonly deployments: AnnotatedDeployment[] = [];
  private eventCount = 0;

  constructor(
    readonly id: string,
    readonly rng: Rng,
    readonly pools: Pools,
  ) {}

  ent(def: Def): Ent {
    let ent = this.ents.get(def.id);
    if (!ent) {
      ent = new Ent(def);
      this.ents.set(def.id, ent);
    }
    return ent;
  }
  country(index: number): Ent {
    return this.ent(at(this.pools.countries, index));
  }
  org(index: number): Ent {
    return this.ent(at(this.pools.orgs, index));
  }
  place(index: number): Ent {
    return this.ent(at(this.pools.places, index));
  }
  person(index: number): Ent {
    return this.ent(at(this.pools.people, index));
  }
  /**
   * An incident: one per category, place and day, however many articles report it (each with its
   * own wording and certainty), as the graph keeps one event per happening.
   */
  incident(category: EventCategory, place: Ent, day: number, certainty: Certainty): Ent {
    const name = `${capitalize(category.toLowerCase())} in ${(place.def as PlaceDef).name} (${monthWords(day)})`;
    return this.event(name, category, day, certainty, `incident-${category.toLowerCase().replaceAll('_', '-')}-${place.id}-${isoDay(day)}`);
  }

  /** An event of this article, or (with `sharedId`) one every article that reports it declares alike. */
  event(name: string, category: EventCategory, day: number | undefined, certainty: Certainty, sharedId?: string): Ent {
    this.eventCount++;
    return this.ent({
      kind: 'EVENT',
      id: sharedId ?? `${this.id}-event-${this.eventCount}`,
      name,
      category,
      ...(day === undefined ? {} : { date: { iso: isoDay(day), precision: 'DAY' as const, basis: 'ARTICLE' as const } }),
      certainty,
    });
  }

  noteMention(ent: Ent, span: Span): void {
    if (!ent.mentioned) this.order.push(ent);
    ent.mentions.push(span);
  }

  /** Full name first, then the family name or acronym; organizations with an acronym introduce it. */
  defaultMention(sentence: Sentence, ent: Ent): void {
    const def = ent.def;
    if (def.kind === 'PERSON') sentence.mention(ent, ent.mentioned ? def.family : def.name);
    else if (def.kind === 'ORGANIZATION' && def.acronym !== undefined) {
      if (ent.mentioned) sentence.mention(ent, def.acronym);
      else {
        sentence.mention(ent, def.name);
        sentence.text(' (');
        sentence.mention(ent, def.acronym);
        sentence.text(')');
      }
    } else sentence.mention(ent, def.name);
  }

  paragraph(): void {
    if (this.text.length > 0) this.text += '\n\n';
    this.sentencesInParagraph = 0;
  }

  /** Writes one sentence from a template; returns its span (the evidence of what it states). */
  say(strings: TemplateStringsArray, ...pieces: Piece[]): Span {
    if (this.sentencesInParagraph > 0) this.text += ' ';
    this.sentencesInParagraph++;
    const sentence = new Sentence(this);
    strings.forEach((literal, index) => {
      if (literal.length > 0) sentence.text(literal);
      const piece = pieces[index];
      if (piece !== undefined) sentence.put(piece);
    });
    return sentence.end();
  }

  relation(
    type: AnnotatedRelation['type'],
    from: Ent,
    to: Ent,
    evidence: Span,
    certainty: Certainty = 'STATED',
    extra: { title?: string; former?: boolean; role?: string } = {},
  ): void {
    if (from.id === to.id) return;
    const key = `${type}|${from.id}|${to.id}|${extra.title ?? ''}|${extra.role ?? ''}`;
    const existing = this.relationIndex.get(key);
    if (existing) {
      if (!existing.evidence.some((span) => span.start === evidence.start)) existing.evidence.push(evidence);
      return;
    }
    const relation: AnnotatedRelation = { type, from: from.id, to: to.id, ...extra, basis: 'ARTICLE', certainty, evidence: [evidence] };
    this.relationIndex.set(key, relation);
    this.relations.push(relation);
  }

  // Tokens ------------------------------------------------------------------------------------

  /** An explicit mention with its own wording. */
  m(ent: Ent, text: string): Token {
    return (sentence) => sentence.mention(ent, text);
  }

  /** "the " before organizations whose name takes it, then the default mention. */
  the(ent: Ent): Token {
    return (sentence) => {
      if (ent.def.kind === 'ORGANIZATION' && ent.def.definite && !(ent.mentioned && ent.def.acronym)) sentence.text('the ');
      sentence.put(ent);
    };
  }

  /** A person, introduced with their position on first mention (which adds HOLDS_POSITION). */
  who(ent: Ent): Token {
    return (sentence) => {
      const def = ent.def;
      if (def.kind !== 'PERSON' || ent.mentioned) {
        sentence.put(ent);
        return;
      }
      const former = def.former ? 'former ' : '';
      let employer: Ent;
      if (def.org === undefined) {
        employer = this.country(def.country);
        sentence.text(former);
        sentence.put(employer);
        sentence.text(` ${def.title} `);
        sentence.put(ent);
      } else {
        employer = this.org(def.org);
        sentence.put(ent);
        sentence.text(`, ${former}${def.title} of `);
        this.the(employer)(sentence);
        sentence.text(',');
      }
      sentence.then((evidence) => {
        this.relation('HOLDS_POSITION', ent, employer, evidence, 'STATED', { title: def.title, former: def.former });
        if (!def.former && LEADER_TITLES.has(def.title)) this.relation('LED_BY', employer, ent, evidence);
      });
    };
  }

  /** A number in the article's words; adds the figure once the sentence is finished. */
  fig(spec: FigureSpec): Token {
    return (sentence) => {
      const rng = this.rng;
      const [low, high] = spec.magnitude;
      const exact = rng.int(low, high);
      const round = roundNumber(exact);
      const form = rng.weighted<'value' | 'about' | 'moreThan' | 'atLeast' | 'between' | 'dozens'>([
        ['value', 40], ['about', 20], ['moreThan', 18], ['atLeast', 12], ['between', 6], ['dozens', high >= 60 ? 4 : 0],
      ]);
      let words: string;
      let numbers: Pick<AnnotatedFigure, 'value' | 'lowerBound' | 'upperBound' | 'lowerBoundExclusive' | 'approximate'>;
      switch (form) {
        case 'value':
          words = formatNumber(exact);
          numbers = { value: exact, lowerBoundExclusive: false, approximate: false };
          break;
        case 'about':
          words = `${rng.pick(['about', 'some', 'around', 'roughly', 'nearly'])} ${formatNumber(round)}`;
          numbers = { value: round, lowerBoundExclusive: false, approximate: true };
          break;
        case 'moreThan':
          words = `more than ${formatNumber(round)}`;
          numbers = { lowerBound: round, lowerBoundExclusive: true, approximate: false };
          break;
        case 'atLeast':
          words = `at least ${formatNumber(exact)}`;
          numbers = { lowerBound: exact, lowerBoundExclusive: false, approximate: false };
          break;
        case 'between': {
          const upper = roundNumber(exact + Math.max(2, Math.round(exact / 3)));
          words = `between ${formatNumber(round)} and ${formatNumber(upper)}`;
          numbers = { lowerBound: round, upperBound: Math.max(round, upper), lowerBoundExclusive: false, approximate: false };
          break;
        }
        case 'dozens':
          words = 'dozens of';
          numbers = { lowerBound: 24, lowerBoundExclusive: false, approximate: true };
          break;
      }
      const span = sentence.text(words);
      const id = `${this.id}-figure-${this.figures.length + 1}`;
      // Reserve the place now, so figures keep their order of appearance.
      const index = this.figures.length;
      this.figures.push(undefined as unknown as AnnotatedFigure);
      sentence.then((evidence) => {
        this.figures[index] = {
          id,
          metric: spec.metric,
          counts: spec.counts,
          ...numbers,
          text: span.text,
          ...(spec.eventId ? { eventId: spec.eventId } : {}),
          ...(spec.sourceId ? { sourceId: spec.sourceId } : {}),
          certainty: spec.certainty,
          evidence: [evidence],
        };
      });
    };
  }

  /** The id the next figure will get (for a deployment's `troopsFigureId`). */
  nextFigureId(): string {
    return `${this.id}-figure-${this.figures.length + 1}`;
  }

  entities(): AnnotatedEntity[] {
    return this.order.map((ent) => ent.toAnnotation());
  }
}

function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function roundNumber(value: number): number {
  const step = value >= 1000 ? 100 : value >= 200 ? 50 : value >= 40 ? 10 : value >= 15 ? 5 : 1;
  return Math.max(step, Math.round(value / step) * step);
}

// Event wording: [noun phrase that opens a sentence, later reference, short name, plural, past verb]
const INCIDENTS: Record<string, { category: EventCategory; noun: string; later: string; short: string; plural: boolean; verb: string; base: string }> = {
  protest: { category: 'PROTEST', noun: 'mass protests', later: 'the protests', short: 'protests', plural: true, verb: 'broke out', base: 'break out' },
  rally: { category: 'PROTEST', noun: 'a rally against fuel prices', later: 'the rally', short: 'rally', plural: false, verb: 'took place', base: 'take place' },
  riot: { category: 'RIOT', noun: 'riots', later: 'the riots', short: 'riots', plural: true, verb: 'erupted', base: 'erupt' },
  clash: { category: 'CLASH', noun: 'clashes between police and protesters', later: 'the clashes', short: 'clashes', plural: true, verb: 'erupted', base: 'erupt' },
  arson: { category: 'ARSON', noun: 'arson attacks on government buildings', later: 'the arson attacks', short: 'arson attacks', plural: true, verb: 'were reported', base: 'be reported' },
  looting: { category: 'LOOTING', noun: 'looting of shops and banks', later: 'the looting', short: 'looting', plural: false, verb: 'was reported', base: 'be reported' },
  seizure: { category: 'SEIZURE', noun: 'the seizure of the regional administration building', later: 'the seizure', short: 'building seizure', plural: false, verb: 'took place', base: 'take place' },
  killing: { category: 'KILLING', noun: 'deadly shootings', later: 'the shootings', short: 'shootings', plural: true, verb: 'were reported', base: 'be reported' },
  arrest: { category: 'ARREST', noun: 'mass arrests', later: 'the arrests', short: 'arrests', plural: true, verb: 'were carried out', base: 'be carried out' },
  shutdown: { category: 'SHUTDOWN', noun: 'a nationwide internet shutdown', later: 'the shutdown', short: 'internet shutdown', plural: false, verb: 'was imposed', base: 'be imposed' },
  censorship: { category: 'CENSORSHIP', noun: 'restrictions on independent media', later: 'the media restrictions', short: 'media restrictions', plural: true, verb: 'were imposed', base: 'be imposed' },
  coup: { category: 'COUP_ATTEMPT', noun: 'an attempted coup', later: 'the coup attempt', short: 'coup attempt', plural: false, verb: 'was reported', base: 'be reported' },
  strike: { category: 'OTHER', noun: 'a general strike', later: 'the strike', short: 'general strike', plural: false, verb: 'began', base: 'begin' },
};
const INCIDENT_KEYS = Object.keys(INCIDENTS);
function incident(key: string): (typeof INCIDENTS)[string] {
  const wording = INCIDENTS[key];
  if (!wording) throw new Error(`unknown incident "${key}"`);
  return wording;
}
const LEAD_INCIDENTS = ['protest', 'protest', 'riot', 'clash', 'clash', 'rally', 'strike', 'coup', 'killing', 'arson'];
const COUNTED = ['people', 'people', 'protesters', 'civilians', 'demonstrators', 'security personnel', 'police officers'];
const FORCES = ['troops', 'paratroopers', 'peacekeepers', 'soldiers', 'military personnel'];
const PLACE_WORDS: Record<PlaceCategory, string> = { CITY: 'city', TOWN: 'town', REGION: 'region', BUILDING: 'building', AIRPORT: 'airport', OTHER: 'area' };

const ACCUSATION_QUOTES = [
  'These were not peaceful protesters but organized gangs trained abroad',
  'They prepared this violence for months',
  'We have evidence that the attacks were coordinated from outside the country',
  'This was a deliberate attempt to seize power',
  'Armed groups used the protests as cover',
  'Their agents paid young men to attack the police',
];
const BLAME_QUOTES = [
  'The authorities bear full responsibility for the bloodshed',
  'This crisis was caused by years of neglect',
  'They chose force instead of dialogue',
  'Those who gave the orders must answer for them',
  'Corruption and poverty drove people to the streets',
];
const PREDICTION_QUOTES = [
  'The situation is expected to stabilize within days',
  'The curfew is expected to remain in place until the end of the month',
  'Order is expected to be restored by the weekend',
  'The number of victims is expected to rise',
  'Parliament is expected to debate the emergency measures next week',
];
const STATEMENT_QUOTES = [
  'We will not allow the country to be destabilized',
  'Our priority is the safety of citizens',
  'The government remains open to dialogue',
  'Those responsible will be brought to justice',
  'We call on all sides to show restraint',
  'Peaceful protest is a right, but violence will not be tolerated',
];
const QUOTE_TAILS = ['', '', '', ' in {place}', ', and everyone knows it', ' and we will act accordingly', ', whatever the cost'];
const FILLERS = [
  'The situation in the city remained tense.',
  'Residents described scenes of chaos in the streets.',
  'Shops and schools stayed closed.',
  'Mobile phone signals were disrupted for several hours.',
  'Long queues formed outside banks and petrol stations.',
  'Officials did not respond to requests for comment.',
  'Independent verification of the reports was not possible.',
  'Rights groups called for an independent investigation.',
  'A curfew was imposed from 11 p.m. to 7 a.m.',
  'Flights were suspended until further notice.',
  'Videos shared on social media showed burning vehicles.',
  'The price of fuel had doubled since the start of the year.',
  'Diplomats urged their citizens to stay indoors.',
  'Analysts said the unrest reflected deep frustration with rising prices and a political system dominated by a small elite.',
  'The government announced a state of emergency and said it would remain in force for two weeks.',
  'Opposition politicians said the response of the security forces had been disproportionate.',
  'Several foreign embassies suspended visa services and advised against all non-essential travel.',
  'Local journalists said they had been prevented from filming near government buildings.',
  'Hospitals appealed for blood donations as the number of wounded kept growing.',
  'The national currency fell sharply against the dollar as investors took fright.',
  'Public transport was suspended and main roads into the city centre were blocked by military vehicles.',
  'Human rights organizations said detainees had been denied access to lawyers.',
  'Footage verified by independent journalists showed security forces firing into the air to disperse crowds.',
  'The authorities said order had been restored in most districts, but sporadic gunfire could still be heard at night.',
  'Many residents said they had been unable to reach relatives because of the communications blackout.',
  'The unrest is the most serious challenge to the government since independence, according to regional experts.',
  'Economists warned that the crisis could deter foreign investment in the energy sector, the backbone of the economy.',
  'State television broadcast appeals for calm and showed officials visiting the wounded in hospital.',
  'Prices of basic foods have risen steadily over the past year, and unemployment among young people remains high.',
  'The interior ministry published a telephone hotline for families searching for missing relatives.',
  'Students said classes at the main university had been cancelled and dormitories searched by police.',
  'Witnesses said armoured vehicles were stationed at major crossroads and outside the central bank.',
  'The authorities accused some foreign media of spreading false information and revoked several press accreditations.',
  'Fuel shortages were reported in several regions as lorry drivers joined the strike.',
  'Religious leaders called on both sides to return to dialogue and avoid further bloodshed.',
];

const DIRECTIONS = ['north', 'south', 'east', 'west', 'north-east', 'north-west', 'south-east', 'south-west', 'centre'];

function buildArticle(pools: Pools, seed: number, index: number): GeneratedArticle {
  const id = articleId(index);
  const rng = new Rng(hashInts(seed, POOL_STREAMS.article, index));
  const a = new ArticleBuilder(id, rng, pools);
  const { countries, byCountry } = pools;

  const pickFrom = (list: readonly number[], fallback: () => number, exponent = 0.9): number =>
    list.length > 0 ? zipfPick(rng, list, exponent) : fallback();
  const anyPlace = () => zipfPick(rng, pools.places, 0.8).index;
  const anyPerson = () => zipfPick(rng, pools.people, 0.7).index;
  const anyMedia = () => zipfPick(rng, pools.media, 1.1);

  // Setting: a storyline (and its country), or a country on its own; a date in 2015..2024.
  const story = rng.chance(0.55) ? zipfPick(rng, pools.stories, 0.6) : undefined;
  const countryIndex = story ? story.country : zipfPick(rng, countries, 1).index;
  const day = story ? clampDay(story.start + rng.int(0, 40)) : rng.int(FIRST_DAY + 3, LAST_DAY - 5);
  const C = a.country(countryIndex);
  const countryDef = C.def as CountryDef;
  const localPlace = () => pickFrom(at(byCountry.places, countryIndex), anyPlace, 0.8);
  const P1 = a.place(localPlace());
  const countryOf = (place: Ent) => a.country((place.def as PlaceDef).country);
  const M1 = a.org(anyMedia());
  const official = () => a.person(pickFrom(at(byCountry.people, countryIndex), anyPerson, 0.8));
  const fillerBag = [...FILLERS];
  /** A filler sentence not used before in this article. */
  const filler = () => fillerBag.splice(Math.floor(rng.next() * fillerBag.length), 1)[0] ?? 'The situation remained unclear.';

  // Lead paragraph: the main incident.
  a.paragraph();
  const leadKey = rng.pick(LEAD_INCIDENTS);
  const lead = incident(leadKey);
  const leadCertainty: Certainty = rng.weighted<Certainty>([['STATED', 70], ['REPORTED', 25], ['EXPECTED', 5]]);
  const leadDay = leadCertainty === 'EXPECTED' ? day + rng.int(1, 4) : day;
  const E1 = a.incident(lead.category, P1, leadDay, leadCertainty);
  const leadCountry = countryOf(P1);
  let evidence: Span;
  if (leadCertainty === 'EXPECTED') {
    evidence = a.say`${a.m(E1, lead.noun)} ${lead.plural ? 'are' : 'is'} expected to ${lead.base} in ${P1}, ${leadCountry}, on ${dateWords(leadDay, true)}, according to ${a.the(M1)}.`;
  } else if (leadCertainty === 'REPORTED') {
    evidence = a.say`${a.m(E1, lead.noun)} reportedly ${lead.verb} in ${P1}, ${leadCountry}, on ${dateWords(leadDay, true)}, ${a.the(M1)} reported.`;
  } else {
    evidence = a.say`${a.m(E1, lead.noun)} ${lead.verb} in ${P1}, ${leadCountry}, on ${dateWords(leadDay, true)}, according to ${a.the(M1)}.`;
  }
  E1.evidence.push(evidence);
  a.relation('OCCURRED_IN', E1, P1, evidence, leadCertainty);
  a.relation('LOCATED_IN', P1, leadCountry, evidence);
  a.relation('REPORTED_BY', E1, M1, evidence);

  if (story) {
    const S = a.ent({ kind: 'EVENT', id: story.id, name: story.name, category: story.category, date: { iso: isoMonth(story.start), precision: 'MONTH', basis: 'ARTICLE' }, certainty: 'STATED' });
    evidence = a.say`${a.m(E1, lead.later)} ${lead.plural ? 'are' : 'is'} part of the ${a.m(S, story.name)}, which began in ${monthWords(story.start)}.`;
    S.evidence.push(evidence);
    a.relation('PART_OF', E1, S, evidence);
    if (rng.chance(0.5)) {
      a.say`Demonstrators have demanded the resignation of the government since the ${a.m(S, story.name)} began, and talks between the authorities and opposition leaders have repeatedly broken down.`;
    }
  }

  const events: Array<{ ent: Ent; wording: (typeof INCIDENTS)[string] }> = [{ ent: E1, wording: lead }];
  const killedCount = rng.pick(COUNTED);
  const firstOfficial = official();
  if (leadCertainty !== 'EXPECTED') {
    const O1 = firstOfficial;
    a.say`${a.who(O1)} said on ${dateWords(day + rng.int(0, 1), false)} that ${a.fig({ metric: 'KILLED', counts: killedCount, magnitude: [2, 250], eventId: E1.id, sourceId: O1.id, certainty: 'STATED' })} ${killedCount} had been killed in ${P1}.`;
  } else {
    a.say`${a.who(firstOfficial)} urged people to stay at home.`;
  }
  if (rng.chance(0.35)) a.say`${filler()}`;

  // Background on the place.
  const p1Def = P1.def as PlaceDef;
  if (rng.chance(0.6)) {
    const direction = rng.pick(DIRECTIONS);
    if (p1Def.category === 'CITY' || p1Def.category === 'TOWN') {
      const residents = formatNumber(roundNumber(p1Def.category === 'CITY' ? rng.int(80_000, 2_500_000) : rng.int(5_000, 80_000)));
      evidence = a.say`${P1}, a ${PLACE_WORDS[p1Def.category]} of about ${residents} people in the ${direction} of ${leadCountry}, has long been a centre of opposition to the government.`;
    } else {
      evidence = a.say`${P1} lies in the ${direction} of ${leadCountry}, some ${String(rng.int(3, 40) * 10)} kilometres from the capital.`;
    }
    a.relation('LOCATED_IN', P1, leadCountry, evidence);
  }

  // Further incidents.
  a.paragraph();
  const incidentCount = rng.int(1, story ? 1 : 2);
  for (let k = 0; k < incidentCount; k++) {
    const key = rng.pick(INCIDENT_KEYS.filter((candidate) => candidate !== leadKey));
    const wording = incident(key);
    const place = rng.chance(0.3) ? P1 : a.place(localPlace());
    const placeDef = place.def as PlaceDef;
    const eventDay = day - rng.int(0, 3);
    const variant = rng.int(0, 3);
    const certainty: Certainty = variant === 3 ? 'REPORTED' : 'STATED';
    const E = a.incident(wording.category, place, eventDay, certainty);
    const medium = rng.chance(0.75) ? M1 : a.org(anyMedia());
    const placeCountry = countryOf(place);
    if (variant === 0) {
      evidence = a.say`In ${place}, a ${PLACE_WORDS[placeDef.category]} in ${placeCountry}, ${a.m(E, wording.noun)} ${wording.verb} on ${dateWords(eventDay, false)}, ${a.the(medium)} reported.`;
      a.relation('LOCATED_IN', place, placeCountry, evidence);
      a.relation('REPORTED_BY', E, medium, evidence);
    } else if (variant === 1) {
      evidence = a.say`${a.m(E, wording.noun)} ${wording.verb} in ${place} on ${dateWords(eventDay, false)} as part of ${a.m(E1, lead.later)}.`;
      a.relation('PART_OF', E, E1, evidence);
    } else if (variant === 2) {
      const group = a.org(zipfPick(rng, pools.groups, 0.9));
      const alleged = rng.chance(0.5);
      evidence = a.say`${a.the(group)} ${alleged ? 'allegedly organized' : 'claimed responsibility for'} ${a.m(E, wording.later)} in ${place} on ${dateWords(eventDay, false)}.`;
      a.relation('PARTICIPATED_IN', group, E, evidence, alleged ? 'ALLEGED' : 'STATED', { role: 'organizer' });
    } else {
      evidence = a.say`${a.m(E, wording.noun)} reportedly ${wording.verb} in ${place}, ${placeCountry}, on ${dateWords(eventDay, false)}, according to ${a.the(medium)}.`;
      a.relation('LOCATED_IN', place, placeCountry, evidence);
      a.relation('REPORTED_BY', E, medium, evidence);
    }
    E.evidence.push(evidence);
    a.relation('OCCURRED_IN', E, place, evidence, certainty);
    events.push({ ent: E, wording });
  }

  // Who took part.
  if (rng.chance(0.7)) {
    const group = a.org(zipfPick(rng, pools.groups, 0.9));
    const target = rng.pick(events);
    evidence = a.say`Members of ${a.the(group)} joined ${a.m(target.ent, target.wording.later)} in ${P1}.`;
    a.relation('PARTICIPATED_IN', group, target.ent, evidence, 'STATED', { role: 'protesters' });
  }
  const officialOrgs = at(byCountry.officialOrgs, countryIndex);
  const securityOrgs = at(byCountry.security, countryIndex);
  if (securityOrgs.length > 0 && rng.chance(0.7)) {
    const police = a.org(zipfPick(rng, securityOrgs, 0.8));
    const target = rng.pick(events);
    evidence = a.say`${a.the(police)} said it had detained ${a.fig({ metric: 'ARRESTED', counts: 'people', magnitude: [10, 5000], eventId: target.ent.id, sourceId: police.id, certainty: 'STATED' })} people during ${a.m(target.ent, target.wording.later)}.`;
    a.relation('PARTICIPATED_IN', police, target.ent, evidence, 'STATED', { role: 'security forces' });
  }

  // Casualty figures.
  a.paragraph();
  const source = officialOrgs.length > 0 ? a.org(zipfPick(rng, officialOrgs, 0.8)) : M1;
  const target = rng.pick(events);
  const casualties = rng.int(0, 2);
  if (casualties === 0) {
    a.say`According to ${a.the(source)}, ${a.fig({ metric: 'INJURED', counts: 'people', magnitude: [10, 2000], eventId: target.ent.id, sourceId: source.id, certainty: 'STATED' })} people have been injured and ${a.fig({ metric: 'HOSPITALIZED', counts: 'people', magnitude: [5, 400], eventId: target.ent.id, sourceId: source.id, certainty: 'STATED' })} hospitalized.`;
  } else if (casualties === 1) {
    a.say`${a.the(source)} reportedly said ${a.fig({ metric: 'INJURED', counts: 'people', magnitude: [10, 2000], eventId: target.ent.id, sourceId: source.id, certainty: 'REPORTED' })} people were injured in ${a.m(target.ent, target.wording.later)}.`;
  } else {
    a.say`According to ${a.the(M1)}, ${a.fig({ metric: 'IN_INTENSIVE_CARE', counts: 'people', magnitude: [2, 90], eventId: target.ent.id, sourceId: M1.id, certainty: 'STATED' })} people are in intensive care after ${a.m(target.ent, target.wording.later)}.`;
  }
  if (a.figures.length < 2) {
    const E = rng.pick(events);
    a.say`Police said ${a.fig({ metric: 'ARRESTED', counts: 'people', magnitude: [5, 800], eventId: E.ent.id, sourceId: M1.id, certainty: 'REPORTED' })} people had reportedly been arrested since ${a.m(E.ent, E.wording.later)} began, ${a.the(M1)} reported.`;
  }
  a.say`${filler()}`;
  if (rng.chance(0.5)) a.say`${filler()}`;

  // Claims.
  a.paragraph();
  const claimCount = rng.int(1, 3);
  const placeName = (P1.def as PlaceDef).name;
  const quote = (bank: readonly string[]) => `${rng.pick(bank)}${rng.pick(QUOTE_TAILS).replace('{place}', placeName)}`;
  const claimDay = day + rng.int(0, 2);
  for (let k = 0; k < claimCount; k++) {
    const speaker = firstOfficial && rng.chance(0.35) ? firstOfficial : rng.chance(0.75) ? official() : a.person(anyPerson());
    const speakerDef = speaker.def as PersonDef;
    const medium = rng.chance(0.65) ? M1 : a.org(anyMedia());
    const topic = rng.pick(events);
    const kind = rng.weighted<AnnotatedClaim['kind']>([['ACCUSATION', 3], ['BLAME', 2], ['PREDICTION', 2], ['STATEMENT', 3]]);
    let claim: Omit<AnnotatedClaim, 'evidence' | 'id'>;
    if (kind === 'ACCUSATION' || kind === 'BLAME') {
      const foreign = rng.chance(0.4);
      const foreignIndex = zipfPick(rng, countries, 1).index;
      const accused = foreign && foreignIndex !== countryIndex
        ? a.country(foreignIndex)
        : a.org(zipfPick(rng, pools.groups, 0.9));
      const q = quote(kind === 'ACCUSATION' ? ACCUSATION_QUOTES : BLAME_QUOTES);
      if (kind === 'ACCUSATION') {
        const verb = rng.pick(['orchestrating', 'financing', 'inciting', 'planning']);
        evidence = a.say`${a.who(speaker)} accused ${a.the(accused)} of ${verb} ${a.m(topic.ent, topic.wording.later)}, telling ${a.the(medium)}: “${q}.”`;
        a.relation('PARTICIPATED_IN', accused, topic.ent, evidence, 'ALLEGED', { role: 'alleged organizer' });
        claim = { kind, summary: `${speakerDef.name} accuses ${accused.def.name} of ${verb} the ${topic.wording.short}.`, quote: q, speakerId: speaker.id, mediumId: medium.id, aboutIds: [accused.id, topic.ent.id], certainty: 'ALLEGED' };
      } else {
        evidence = a.say`${a.who(speaker)} blamed ${a.the(accused)} for ${a.m(topic.ent, topic.wording.later)}, saying: “${q}.”`;
        claim = { kind, summary: `${speakerDef.name} blames ${accused.def.name} for the ${topic.wording.short}.`, quote: q, speakerId: speaker.id, aboutIds: [accused.id, topic.ent.id], certainty: 'STATED' };
      }
    } else if (kind === 'PREDICTION') {
      const q = quote(PREDICTION_QUOTES);
      evidence = a.say`${a.who(speaker)} told ${a.the(medium)} on ${dateWords(claimDay, false)} that “${q}.”`;
      claim = { kind, summary: `${speakerDef.name} predicts: ${q}.`, quote: q, speakerId: speaker.id, mediumId: medium.id, date: { iso: isoDay(claimDay), precision: 'DAY', basis: 'ARTICLE' }, aboutIds: [C.id], certainty: 'EXPECTED' };
    } else {
      const q = quote(STATEMENT_QUOTES);
      const reported = rng.chance(0.4);
      if (reported) evidence = a.say`${a.who(speaker)} reportedly told ${a.the(medium)}: “${q}.”`;
      else evidence = a.say`“${q},” ${a.who(speaker)} said in an interview with ${a.the(medium)}.`;
      claim = { kind, summary: `${speakerDef.name} says: ${q}.`, quote: q, speakerId: speaker.id, mediumId: medium.id, aboutIds: [C.id], certainty: reported ? 'REPORTED' : 'STATED' };
    }
    // The same words of the same speaker about the same subjects are one claim, whichever articles report it.
    const claimId = `claim-${createHash('sha256').update(JSON.stringify([claim.kind, claim.summary, claim.speakerId, claim.aboutIds, claim.quote])).digest('hex').slice(0, 16)}`;
    if (!a.claims.some((known) => known.id === claimId)) a.claims.push({ id: claimId, ...claim, evidence: [evidence] });
  }

  // Deployments by the country's alliance.
  const partners = (pools.allianceMembers.get(countryDef.alliance) ?? []).filter((member) => member !== countryIndex);
  if (partners.length > 0 && rng.chance(0.3)) {
    a.paragraph();
    const A = a.org(countryDef.alliance);
    const allianceDef = A.def as OrgDef;
    const leaders = at(byCountry.leaders, countryIndex);
    const missionDay = day + rng.int(1, 3);
    if (rng.chance(0.7)) {
      const requester = leaders.length > 0 ? a.person(zipfPick(rng, leaders, 0.8)) : C;
      const R = a.event(`${countryDef.name} request for ${allianceDef.acronym ?? allianceDef.name} assistance`, 'REQUEST', day, 'STATED');
      evidence = a.say`${requester === C ? C : a.who(requester)} asked ${a.the(A)}, of which ${C} is a member, for ${a.m(R, 'military assistance')} on ${dateWords(day, false)}.`;
      R.evidence.push(evidence);
      a.relation('PARTICIPATED_IN', requester, R, evidence, 'STATED', { role: 'requester' });
      a.relation('PARTICIPATED_IN', A, R, evidence, 'STATED', { role: 'recipient' });
      a.relation('MEMBER_OF', C, A, evidence);
    }
    // One mission per alliance, country and day, and one contingent per country in it, however many
    // articles report them: the corpus tells one story in many reports, as the graph keeps it.
    const missionId = `mission-${A.id}-${C.id}-${isoDay(missionDay)}`;
    const mission = a.event(`${allianceDef.acronym ?? allianceDef.name} peacekeeping mission in ${countryDef.name}`, 'DEPLOYMENT', missionDay, 'STATED', missionId);
    const deploymentCount = Math.min(partners.length, rng.int(1, 2));
    const contributors = [...partners];
    for (let k = 0; k < deploymentCount; k++) {
      const partnerIndex = contributors.splice(Math.floor(rng.next() * contributors.length), 1)[0] ?? at(partners, 0);
      const C2 = a.country(partnerIndex);
      const force = at(FORCES, hashInts(partnerIndex, missionDay) % FORCES.length);
      const status = rng.weighted<AnnotatedDeployment['status']>([['SENT', 35], ['ARRIVED', 25], ['SENDING', 20], ['EXPECTED', 12]]);
      const reported = status === 'SENT' && rng.chance(0.4);
      const certainty: Certainty = status === 'EXPECTED' ? 'EXPECTED' : reported ? 'REPORTED' : 'STATED';
      const medium = rng.chance(0.65) ? M1 : a.org(anyMedia());
      const troopsFigureId = a.nextFigureId();
      const troops = a.fig({ metric: 'TROOPS', counts: force, magnitude: [50, 4000], eventId: mission.id, sourceId: medium.id, certainty });
      const missionMention = k === 0 ? a.m(mission, 'peacekeeping mission') : a.m(mission, 'mission');
      if (status === 'ARRIVED') {
        evidence = a.say`${troops} ${force} from ${C2} arrived in ${C} on ${dateWords(missionDay, false)} as part of the ${missionMention} led by ${a.the(A)}, ${a.the(medium)} reported.`;
      } else {
        const verb = status === 'EXPECTED' ? 'is expected to send' : status === 'SENDING' ? 'is sending' : reported ? 'has reportedly sent' : 'has sent';
        evidence = a.say`${C2}, a fellow member of ${a.the(A)}, ${verb} ${troops} ${force} to ${C} as part of the ${missionMention}, ${a.the(medium)} reported.`;
        a.relation('MEMBER_OF', C2, A, evidence);
      }
      mission.evidence.push(evidence);
      a.relation('PARTICIPATED_IN', C2, mission, evidence, certainty, { role: 'troop contributor' });
      a.relation('PARTICIPATED_IN', A, mission, evidence, 'STATED', { role: 'organizer' });
      a.relation('OCCURRED_IN', mission, C, evidence, certainty);
      a.relation('REPORTED_BY', mission, medium, evidence);
      a.deployments.push({
        id: `${missionId}-${C2.id}`,
        countryId: C2.id,
        destinationId: C.id,
        force,
        troopsFigureId,
        status,
        ...(status === 'ARRIVED' ? { date: { iso: isoDay(missionDay), precision: 'DAY' as const, basis: 'ARTICLE' as const } } : {}),
        missionId: mission.id,
        certainty,
        evidence: [evidence],
      });
    }
    const military = at(byCountry.military, countryIndex);
    if (military.length > 0 && rng.chance(0.5)) {
      const army = a.org(zipfPick(rng, military, 0.8));
      evidence = a.say`${a.the(army)} is part of the joint command of ${a.the(A)}.`;
      a.relation('MEMBER_OF', army, A, evidence);
    }
  }

  // Context, with more relations when the article has few so far.
  a.paragraph();
  a.say`${filler()}`;
  const topUps: Array<() => void> = [
    () => {
      const A = a.org(countryDef.alliance);
      evidence = a.say`${C} joined ${a.the(A)} in the 1990s and hosts one of its regional headquarters.`;
      a.relation('MEMBER_OF', C, A, evidence);
    },
    () => {
      const medium = a.org(anyMedia());
      evidence = a.say`${a.the(medium)} also reported on ${a.m(E1, lead.later)}, citing witnesses.`;
      a.relation('REPORTED_BY', E1, medium, evidence, 'STATED');
    },
    () => {
      const group = a.org(zipfPick(rng, pools.groups, 0.9));
      const E = rng.pick(events);
      evidence = a.say`Supporters of ${a.the(group)} were reportedly among those who took part in ${a.m(E.ent, E.wording.later)}.`;
      a.relation('PARTICIPATED_IN', group, E.ent, evidence, 'REPORTED', { role: 'participants' });
    },
  ];
  if (officialOrgs.length > 0) {
    topUps.push(() => {
      const org = a.org(zipfPick(rng, officialOrgs, 0.8));
      evidence = a.say`${a.the(org)}, which has offices across ${C}, said it was investigating the violence.`;
      a.relation('LOCATED_IN', org, C, evidence);
    });
  }
  while (a.relations.length < 12 && topUps.length > 0) {
    topUps.splice(Math.floor(rng.next() * topUps.length), 1)[0]?.();
  }

  // A reaction from abroad.
  if (rng.chance(0.5)) {
    const foreignIndex = zipfPick(rng, countries, 1).index;
    const foreignLeaders = at(byCountry.leaders, foreignIndex);
    if (foreignIndex !== countryIndex && foreignLeaders.length > 0) {
      a.paragraph();
      const leader = a.person(zipfPick(rng, foreignLeaders, 0.8));
      a.say`${a.who(leader)} called for restraint and said the government was following events in ${C} closely.`;
      a.say`${filler()}`;
    }
  }

  // Closing sentences until the text reaches its drawn length (about 1.5–3 KB).
  const targetLength = rng.int(1500, 2700);
  a.paragraph();
  a.say`${filler()}`;
  for (let sentences = 1; a.text.length < targetLength && fillerBag.length > 0; sentences++) {
    if (sentences % 3 === 0) a.paragraph();
    a.say`${filler()}`;
  }

  const title = `${capitalize(lead.short)} in ${placeName}, ${leadCountry.def.name}`;
  const text = `${a.text}\n`;
  const annotation: Annotation = {
    article: {
      id,
      title,
      textFile: `${id}.txt`,
      textSha256: textSha256(text),
      publishedAt: isoDay(clampDay(day + rng.int(0, 2))),
      source: M1.def.name,
    },
    entities: a.entities(),
    relations: a.relations,
    figures: a.figures,
    claims: a.claims,
    deployments: a.deployments,
  };
  return { id, text, annotation };
}
