/**
 * The facets of entities and articles: each a bounded Cypher expression over `n` (ordered and
 * limited inside its subquery) and the parser of its value. `fetch-plan.ts` merges them.
 */
import { z } from 'zod';
import { CERTAINTY_RANK, CERTAINTIES, RELATION_TYPES, type Basis, type RelationType } from '../domain/vocabulary.ts';
import type { Facet } from './fetch-plan.ts';
import {
  claimProjection,
  claimSchema,
  deploymentProjection,
  deploymentSchema,
  entityProjection,
  evidenceProjection,
  figureProjection,
  figureSchema,
  basisKept,
  locationExpression,
  parseRow,
  RELATION_GROUP,
  relationProjection,
  relationSchema,
  reportsExpression,
  toReports,
  toEntities,
  toEntityOrNull,
  toCoordinates,
  toSpansOfArticles,
} from './mapping.ts';
import { integer } from './reader.ts';
import type {
  Certainty,
  ClaimRecord,
  CoordinatesRecord,
  DeploymentRecord,
  Direction,
  EntityKind,
  EntityRecord,
  FigureRecord,
  RelationRecord,
  ReportRecord,
  SpanRecord,
} from './types.ts';

const listOf = <T>(schema: z.ZodType<T>, what: string) => (value: unknown): T[] =>
  parseRow(z.array(schema), value ?? [], what);

/** Where an event happened: its own places, or those of the events it is part of, then outwards. */
export const WHERE_EVENT_HAPPENED = '-[:PART_OF*0..3]->(:Event)-[:OCCURRED_IN]->()-[:LOCATED_IN*0..4]->';

/** Spans on `n`'s links of one type to articles, article by article, at most `first`. */
function spansByArticle(key: string, link: 'MENTIONED_IN' | 'ASSERTED_IN', first: number): Facet<SpanRecord[]> {
  return {
    key: `${key}:${first}`,
    anchor: 'Entity',
    // At most `first` articles hold the first `first` spans.
    expression: `COLLECT { MATCH (n)-[link:${link}]->(article:Article)
      WITH link, article ORDER BY article.id LIMIT $_first
      RETURN ${evidenceProjection('link', 'article.id')} }`,
    parameters: { first: integer(first) },
    parse: (value) => toSpansOfArticles(value).slice(0, first),
  };
}

/** Every span of `n`'s mentions. */
export const mentions = (first: number) => spansByArticle('mentions', 'MENTIONED_IN', first);

/** Relations of these bases are left out of a facet (`excludeBasis`); sorted, so equal lists share a key. */
export type ExcludedBases = readonly Basis[];

const excludedKey = (excluded: ExcludedBases) => [...excluded].sort().join('|');


export interface RelationQuery {
  types: readonly RelationType[] | null;
  direction: Direction;
  first: number;
  excluded?: ExcludedBases;
  /** Only relations to entities of this kind. */
  otherLabel?: 'Organization' | 'Place' | 'Event' | 'Country';
}

/** The relationship pattern from `n`, its types an alternation of the closed vocabulary. */
function relationPattern({ types, direction, otherLabel }: Omit<RelationQuery, 'first'>): string {
  const alternation = (types ?? RELATION_TYPES).filter((type) => RELATION_TYPES.includes(type)).join('|');
  const relationship = `[relation:${alternation}]`;
  const other = `(other:${otherLabel ?? 'Entity'})`;
  if (direction === 'OUT') return `(n)-${relationship}->${other}`;
  if (direction === 'IN') return `(n)<-${relationship}-${other}`;
  return `(n)-${relationship}-${other}`;
}

const relationKey = (query: Omit<RelationQuery, 'first'>) =>
  `${[...(query.types ?? ['*'])].sort().join('|')}:${query.direction}:${query.otherLabel ?? ''}:${excludedKey(query.excluded ?? [])}`;

/** Relations of `n`, each the statements of every article (and background) grouped into one, at most `first`. */
const relationsExpression = (query: Omit<RelationQuery, 'first'>) =>
  `COLLECT { MATCH ${relationPattern(query)} WHERE ${basisKept('relation', '$_excluded')}
    WITH DISTINCT ${RELATION_GROUP}
    ORDER BY type, other.name, other.id, title, role, former LIMIT $_first
    RETURN ${relationProjection('$_excluded')} }`;

/** Relations of `n` with their reports and evidence, at most `first`. */
export function relations(query: RelationQuery): Facet<RelationRecord[]> {
  if (query.types?.length === 0) throw new Error('An empty type list selects nothing; pass null for every type');
  return {
    key: `relations:${relationKey(query)}:${query.first}`,
    anchor: 'Entity',
    expression: relationsExpression(query),
    parameters: { first: integer(query.first), excluded: query.excluded ?? [] },
    parse: listOf(relationSchema, 'relation'),
  };
}

/** The distinct entities at the other end of `n`'s relations, by name, at most `first`. */
export function related(query: RelationQuery): Facet<EntityRecord[]> {
  return {
    key: `related:${relationKey(query)}:${query.first}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH ${relationPattern(query)} WHERE ${basisKept('relation', '$_excluded')}
      WITH DISTINCT other ORDER BY other.name, other.id LIMIT $_first
      RETURN ${entityProjection('other')} }`,
    parameters: { first: integer(query.first), excluded: query.excluded ?? [] },
    parse: toEntities,
  };
}

/** The first entity (by name) at the other end of one kind of relation, or null. */
export function relatedOne(query: Omit<RelationQuery, 'first'>): Facet<EntityRecord | null> {
  const many = related({ ...query, first: 1 });
  return { ...many, key: `one:${many.key}`, parse: (value) => many.parse(value)[0] ?? null };
}

/** The nearest country through LOCATED_IN and PART_OF relations whose bases are not excluded. */
export function country(excluded: ExcludedBases): Facet<EntityRecord | null> {
  return {
    key: `country:${excludedKey(excluded)}`,
    anchor: 'Entity',
    expression: `head(COLLECT { MATCH path = (n)-[hop:LOCATED_IN|PART_OF WHERE ${basisKept('hop', '$_excluded')}]->{1,4}(country:Country)
      WITH country ORDER BY length(path), country.name LIMIT 1
      RETURN ${entityProjection('country')} })`,
    parameters: { excluded },
    parse: toEntityOrNull,
  };
}

/** Entities of a label inside `n` (a country), directly or through places, by name. */
export function inside(label: 'Place' | 'Organization', first: number, excluded: ExcludedBases): Facet<EntityRecord[]> {
  const hops = label === 'Place' ? 'LOCATED_IN' : 'LOCATED_IN|PART_OF';
  return {
    key: `inside:${label}:${first}:${excludedKey(excluded)}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH (n)<-[hop:${hops} WHERE ${basisKept('hop', '$_excluded')}]-{1,4}(inner:${label})
      WITH DISTINCT inner ORDER BY inner.name, inner.id LIMIT $_first
      RETURN ${entityProjection('inner')} }`,
    parameters: { first: integer(first), excluded },
    parse: toEntities,
  };
}

/** Where `n` is on a map, leaving out what rests on excluded bases (see `locationExpression`). */
export function coordinates(excluded: ExcludedBases): Facet<CoordinatesRecord | null> {
  return {
    key: `coordinates:${excludedKey(excluded)}`,
    anchor: 'Entity',
    expression: locationExpression('n', '$_excluded'),
    parameters: { excluded },
    parse: toCoordinates,
  };
}

/** Countries an event happened in, by name. */
export function eventCountries(first: number): Facet<EntityRecord[]> {
  return {
    key: `eventCountries:${first}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH (n)${WHERE_EVENT_HAPPENED}(country:Country)
      WITH DISTINCT country ORDER BY country.name, country.id LIMIT $_first
      RETURN ${entityProjection('country')} }`,
    parameters: { first: integer(first) },
    parse: toEntities,
  };
}

/** The articles' reports of an event, the strongest first, then the latest, at most `first`. */
export function eventReports(first: number): Facet<ReportRecord[]> {
  return {
    key: `eventReports:${first}`,
    anchor: 'Entity',
    expression: reportsExpression('n', 'ASSERTED_IN', '$_first'),
    parameters: { first: integer(first) },
    parse: toReports,
  };
}

/** The spans that state an event happened. */
export const eventEvidence = (first: number) => spansByArticle('eventEvidence', 'ASSERTED_IN', first);

/** Facts in article and text order. */
export const TEXT_ORDER = (variable: string) => `${variable}.articleId, ${variable}.evidenceStarts[0], ${variable}.id`;

export type FigureRole = 'SOURCE' | 'EVENT' | 'ANY';

const FIGURE_ROLE_LINKS: Record<FigureRole, string> = { SOURCE: 'SOURCED_FROM', EVENT: 'FIGURE_OF', ANY: 'SOURCED_FROM|FIGURE_OF' };

/** Figures `n` gave (their source), counts (an event), or either. */
export function figuresOf(role: FigureRole, first: number): Facet<FigureRecord[]> {
  return {
    key: `figures:${role}:${first}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH (figure:Figure)-[:${FIGURE_ROLE_LINKS[role]}]->(n)
      WITH DISTINCT figure ORDER BY ${TEXT_ORDER('figure')} LIMIT $_first
      RETURN ${figureProjection('figure')} }`,
    parameters: { first: integer(first) },
    parse: listOf(figureSchema, 'figure'),
  };
}

/** Events that happened at `n` (a place) directly, by date (undated last), then name. */
export function placeEvents(first: number): Facet<EntityRecord[]> {
  return {
    key: `placeEvents:${first}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH (event:Event)-[:OCCURRED_IN]->(n)
      WITH DISTINCT event ORDER BY coalesce(event.dateIso, '9999-99-99'), event.name, event.id LIMIT $_first
      RETURN ${entityProjection('event')} }`,
    parameters: { first: integer(first) },
    parse: toEntities,
  };
}

export type ClaimRole = 'SPEAKER' | 'SUBJECT' | 'ANY';

const CLAIM_ROLE_LINKS: Record<ClaimRole, string> = { SPEAKER: 'SAID_BY', SUBJECT: 'ABOUT', ANY: 'SAID_BY|ABOUT' };

/** Claims `n` made or is the subject of. */
export function claimsOf(role: ClaimRole, first: number): Facet<ClaimRecord[]> {
  return {
    key: `claims:${role}:${first}`,
    anchor: 'Entity',
    expression: `COLLECT { MATCH (claim:Claim)-[:${CLAIM_ROLE_LINKS[role]}]->(n)
      WITH DISTINCT claim ORDER BY ${TEXT_ORDER('claim')} LIMIT $_first
      RETURN ${claimProjection('claim')} }`,
    parameters: { first: integer(first) },
    parse: listOf(claimSchema, 'claim'),
  };
}

/** Entities an article mentions, by kind and name. */
export function articleEntities(kinds: readonly EntityKind[] | null, first: number): Facet<EntityRecord[]> {
  return {
    key: `articleEntities:${kinds ? [...kinds].sort().join('|') : '*'}:${first}`,
    anchor: 'Article',
    expression: `COLLECT { MATCH (n)<-[:MENTIONED_IN]-(entity:Entity)
      WHERE $_kinds IS NULL OR entity.kind IN $_kinds
      WITH entity ORDER BY entity.kind, entity.name, entity.id LIMIT $_first
      RETURN ${entityProjection('entity')} }`,
    parameters: { kinds, first: integer(first) },
    parse: toEntities,
  };
}

/** The facts of one kind an article reports, in the order of its text. */
function articleFacts<T>(key: string, label: string, projection: string, schema: z.ZodType<T>, first: number): Facet<T[]> {
  return {
    key: `${key}:${first}`,
    anchor: 'Article',
    expression: `COLLECT { MATCH (fact:${label})-[report:REPORTED_IN]->(n)
      WITH fact ORDER BY report.evidenceStarts[0], fact.id LIMIT $_first
      RETURN ${projection} }`,
    parameters: { first: integer(first) },
    parse: listOf(schema, label.toLowerCase()),
  };
}

export const articleFigures = (first: number): Facet<FigureRecord[]> =>
  articleFacts('articleFigures', 'Figure', figureProjection('fact'), figureSchema, first);

export const articleClaims = (first: number): Facet<ClaimRecord[]> =>
  articleFacts('articleClaims', 'Claim', claimProjection('fact'), claimSchema, first);

export const articleDeployments = (first: number): Facet<DeploymentRecord[]> =>
  articleFacts('articleDeployments', 'Deployment', deploymentProjection('fact'), deploymentSchema, first);
