/**
 * The facets of entities and articles: each a bounded Cypher expression over a node (ordered and
 * limited inside its subquery, built with `@neo4j/cypher-builder`) and the parser of its value.
 * A facet projects the entities and facts it returns in the shape their selection asks for.
 * `fetch-plan.ts` merges them.
 */
import Cypher from '@neo4j/cypher-builder';
import { RELATION_TYPES, type Basis, type RelationType } from '../domain/vocabulary.ts';
import type { Facet } from './fetch-plan.ts';
import { CLAIMS, COORDINATES, DEPLOYMENTS, ENTITIES, ENTITY_OR_NULL, FIGURES, mapped, RELATIONS, REPORTS, SPANS_OF_ARTICLES, type RowReader } from './mapping.ts';
import {
  basisKept,
  claimProjection,
  deploymentProjection,
  entityProjection,
  evidenceMap,
  figureProjection,
  locationExpression,
  relationPattern,
  relationsExpression,
  reportsExpression,
  shapeKey,
  textOrder,
  typeAlternation,
  whereEventHappened,
  type Shape,
} from './projections.ts';
import { integer } from './reader.ts';
import type { ClaimRecord, CoordinatesRecord, DeploymentRecord, Direction, EntityKind, EntityRecord, FigureRecord, RelationRecord, ReportRecord, SpanRecord } from './types.ts';

/** A list bound: a Cypher integer parameter (a JavaScript number would travel as a float). */
const limitOf = (first: number) => new Cypher.Param(integer(first));

/** Spans on `n`'s links of one type to articles, article by article, at most `first`. */
function spansByArticle(key: string, type: 'MENTIONED_IN' | 'ASSERTED_IN', first: number): Facet<SpanRecord[]> {
  return {
    key: `${key}:${first}`,
    anchor: 'Entity',
    expression: (n) => {
      const link = new Cypher.Relationship();
      const article = new Cypher.Node();
      // At most `first` articles hold the first `first` spans.
      return new Cypher.Collect(
        new Cypher.Match(new Cypher.Pattern(n).related(link, { type }).to(article, { labels: 'Article' }))
          .with(link, article)
          .orderBy(article.property('id'))
          .limit(limitOf(first))
          .return(evidenceMap(link, article.property('id'))),
      );
    },
    reader: mapped(SPANS_OF_ARTICLES, (spans) => spans.slice(0, first)),
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
  /** What the selection asks of the entities at the other end. */
  shape: Shape;
}

const relationTypes = (query: Omit<RelationQuery, 'first'>) => (query.types ?? RELATION_TYPES).filter((type) => RELATION_TYPES.includes(type));

const relationKey = (query: Omit<RelationQuery, 'first'>) =>
  `${[...(query.types ?? ['*'])].sort().join('|')}:${query.direction}:${query.otherLabel ?? ''}:${excludedKey(query.excluded ?? [])}:${shapeKey(query.shape)}`;

/** Relations of `n` with their reports and evidence, at most `first`. */
export function relations(query: RelationQuery): Facet<RelationRecord[]> {
  if (query.types?.length === 0) throw new Error('An empty type list selects nothing; pass null for every type');
  return {
    key: `relations:${relationKey(query)}:${query.first}`,
    anchor: 'Entity',
    expression: (n) =>
      relationsExpression(
        n,
        { types: relationTypes(query), direction: query.direction, otherLabel: query.otherLabel ?? 'Entity' },
        limitOf(query.first),
        new Cypher.Param(query.excluded ?? []),
        query.shape,
      ),
    reader: RELATIONS,
  };
}

/** The distinct entities at the other end of `n`'s relations, by name, at most `first`. */
export function related(query: RelationQuery): Facet<EntityRecord[]> {
  return {
    key: `related:${relationKey(query)}:${query.first}`,
    anchor: 'Entity',
    expression: (n) => {
      const relation = new Cypher.Relationship();
      const other = new Cypher.Node();
      return new Cypher.Collect(
        new Cypher.Match(relationPattern(n, relation, relationTypes(query), query.direction, other, query.otherLabel ?? 'Entity'))
          .where(basisKept(relation, new Cypher.Param(query.excluded ?? [])))
          .with(other)
          .distinct()
          .orderBy(other.property('name'), other.property('id'))
          .limit(limitOf(query.first))
          .return(entityProjection(other, query.shape)),
      );
    },
    reader: ENTITIES,
  };
}

/** The first entity (by name) at the other end of one kind of relation, or null. */
export function relatedOne(query: Omit<RelationQuery, 'first'>): Facet<EntityRecord | null> {
  const many = related({ ...query, first: 1 });
  return { ...many, key: `one:${many.key}`, reader: mapped(ENTITIES, (entities) => entities[0] ?? null) };
}

/** A walk of 1 to 4 hops of `types` from `n` to `to`, bound to `path`, none of whose relations has an excluded basis. */
function walkFrom(n: Cypher.Node, types: readonly string[], direction: 'right' | 'left', to: Cypher.Node, label: string, excluded: ExcludedBases, path = new Cypher.PathVariable()) {
  const hop = new Cypher.Variable();
  const pattern = new Cypher.Pattern(n).related({ type: typeAlternation(types), direction, length: { min: 1, max: 4 } }).to(to, { labels: label });
  return new Cypher.Match(pattern.assignTo(path)).where(Cypher.all(hop, Cypher.relationships(path), basisKept(hop, new Cypher.Param(excluded))));
}

/** The nearest country through LOCATED_IN and PART_OF relations whose bases are not excluded. */
export function country(excluded: ExcludedBases, shape: Shape): Facet<EntityRecord | null> {
  return {
    key: `country:${excludedKey(excluded)}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => {
      const found = new Cypher.Node();
      const path = new Cypher.PathVariable();
      return Cypher.head(
        new Cypher.Collect(
          walkFrom(n, ['LOCATED_IN', 'PART_OF'], 'right', found, 'Country', excluded, path)
            .with(path, found)
            .orderBy(Cypher.length(path), found.property('name'))
            .limit(1)
            .return(entityProjection(found, shape)),
        ),
      );
    },
    reader: ENTITY_OR_NULL,
  };
}

/** Entities of a label inside `n` (a country), directly or through places, by name. */
export function inside(label: 'Place' | 'Organization', first: number, excluded: ExcludedBases, shape: Shape): Facet<EntityRecord[]> {
  const hops = label === 'Place' ? ['LOCATED_IN'] : ['LOCATED_IN', 'PART_OF'];
  return {
    key: `inside:${label}:${first}:${excludedKey(excluded)}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => {
      const inner = new Cypher.Node();
      return new Cypher.Collect(
        walkFrom(n, hops, 'left', inner, label, excluded)
          .with(inner)
          .distinct()
          .orderBy(inner.property('name'), inner.property('id'))
          .limit(limitOf(first))
          .return(entityProjection(inner, shape)),
      );
    },
    reader: ENTITIES,
  };
}

/** Where `n` is on a map, leaving out what rests on excluded bases (see `locationExpression`). */
export function coordinates(excluded: ExcludedBases): Facet<CoordinatesRecord | null> {
  return {
    key: `coordinates:${excludedKey(excluded)}`,
    anchor: 'Entity',
    expression: (n) => locationExpression(n, new Cypher.Param(excluded)),
    reader: COORDINATES,
  };
}

/** Countries an event happened in, by name. */
export function eventCountries(first: number, shape: Shape): Facet<EntityRecord[]> {
  return {
    key: `eventCountries:${first}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => {
      const found = new Cypher.Node();
      return new Cypher.Collect(
        new Cypher.Match(whereEventHappened(n, found, { labels: 'Country' }))
          .with(found)
          .distinct()
          .orderBy(found.property('name'), found.property('id'))
          .limit(limitOf(first))
          .return(entityProjection(found, shape)),
      );
    },
    reader: ENTITIES,
  };
}

/** The articles' reports of an event, the strongest first, then the latest, at most `first`. */
export function eventReports(first: number): Facet<ReportRecord[]> {
  return {
    key: `eventReports:${first}`,
    anchor: 'Entity',
    expression: (n) => reportsExpression(n, 'ASSERTED_IN', limitOf(first)),
    reader: REPORTS,
  };
}

/** The spans that state an event happened. */
export const eventEvidence = (first: number) => spansByArticle('eventEvidence', 'ASSERTED_IN', first);

export type FigureRole = 'SOURCE' | 'EVENT' | 'ANY';

const FIGURE_ROLE_LINKS: Record<FigureRole, string[]> = { SOURCE: ['SOURCED_FROM'], EVENT: ['FIGURE_OF'], ANY: ['SOURCED_FROM', 'FIGURE_OF'] };

/** Facts of a label linked to `n` by one of `types`, in text order, at most `first`. */
function factsLinkedTo(n: Cypher.Node, label: string, types: string[], first: number, project: (fact: Cypher.Node) => Cypher.Expr) {
  const fact = new Cypher.Node();
  return new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(fact, { labels: label }).related({ type: typeAlternation(types) }).to(n))
      .with(fact)
      .distinct()
      .orderBy(...textOrder(fact))
      .limit(limitOf(first))
      .return(project(fact)),
  );
}

/** Figures `n` gave (their source), counts (an event), or either. */
export function figuresOf(role: FigureRole, first: number, shape: Shape): Facet<FigureRecord[]> {
  return {
    key: `figures:${role}:${first}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => factsLinkedTo(n, 'Figure', FIGURE_ROLE_LINKS[role], first, (figure) => figureProjection(figure, shape)),
    reader: FIGURES,
  };
}

/** Events that happened at `n` (a place) directly, by date (undated last), then name. */
export function placeEvents(first: number, shape: Shape): Facet<EntityRecord[]> {
  return {
    key: `placeEvents:${first}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => {
      const event = new Cypher.Node();
      return new Cypher.Collect(
        new Cypher.Match(new Cypher.Pattern(event, { labels: 'Event' }).related({ type: 'OCCURRED_IN' }).to(n))
          .with(event)
          .distinct()
          .orderBy(Cypher.coalesce(event.property('dateIso'), new Cypher.Literal('9999-99-99')), event.property('name'), event.property('id'))
          .limit(limitOf(first))
          .return(entityProjection(event, shape)),
      );
    },
    reader: ENTITIES,
  };
}

export type ClaimRole = 'SPEAKER' | 'SUBJECT' | 'ANY';

const CLAIM_ROLE_LINKS: Record<ClaimRole, string[]> = { SPEAKER: ['SAID_BY'], SUBJECT: ['ABOUT'], ANY: ['SAID_BY', 'ABOUT'] };

/** Claims `n` made or is the subject of. */
export function claimsOf(role: ClaimRole, first: number, shape: Shape): Facet<ClaimRecord[]> {
  return {
    key: `claims:${role}:${first}:${shapeKey(shape)}`,
    anchor: 'Entity',
    expression: (n) => factsLinkedTo(n, 'Claim', CLAIM_ROLE_LINKS[role], first, (claim) => claimProjection(claim, shape)),
    reader: CLAIMS,
  };
}

/** Entities an article mentions, by kind and name. */
export function articleEntities(kinds: readonly EntityKind[] | null, first: number, shape: Shape): Facet<EntityRecord[]> {
  return {
    key: `articleEntities:${kinds ? [...kinds].sort().join('|') : '*'}:${first}:${shapeKey(shape)}`,
    anchor: 'Article',
    expression: (n) => {
      const entity = new Cypher.Node();
      const match = new Cypher.Match(new Cypher.Pattern(n).related({ type: 'MENTIONED_IN', direction: 'left' }).to(entity, { labels: 'Entity' }));
      return new Cypher.Collect(
        (kinds === null ? match : match.where(Cypher.in(entity.property('kind'), new Cypher.Param(kinds))))
          .with(entity)
          .orderBy(entity.property('kind'), entity.property('name'), entity.property('id'))
          .limit(limitOf(first))
          .return(entityProjection(entity, shape)),
      );
    },
    reader: ENTITIES,
  };
}

/** The facts of one kind an article reports, in the order of its text. */
function articleFacts<T>(key: string, label: string, project: (fact: Cypher.Node) => Cypher.Expr, reader: RowReader<unknown, T[]>, first: number): Facet<T[]> {
  return {
    key: `${key}:${first}`,
    anchor: 'Article',
    expression: (n) => {
      const fact = new Cypher.Node();
      const report = new Cypher.Relationship();
      return new Cypher.Collect(
        new Cypher.Match(new Cypher.Pattern(fact, { labels: label }).related(report, { type: 'REPORTED_IN' }).to(n))
          .with(fact, report)
          .orderBy(Cypher.listIndex(report.property('evidenceStarts'), 0), fact.property('id'))
          .limit(limitOf(first))
          .return(project(fact)),
      );
    },
    reader,
  };
}

export const articleFigures = (first: number, shape: Shape): Facet<FigureRecord[]> =>
  articleFacts(`articleFigures:${shapeKey(shape)}`, 'Figure', (fact) => figureProjection(fact, shape), FIGURES, first);

export const articleClaims = (first: number, shape: Shape): Facet<ClaimRecord[]> =>
  articleFacts(`articleClaims:${shapeKey(shape)}`, 'Claim', (fact) => claimProjection(fact, shape), CLAIMS, first);

export const articleDeployments = (first: number, shape: Shape): Facet<DeploymentRecord[]> =>
  articleFacts(`articleDeployments:${shapeKey(shape)}`, 'Deployment', (fact) => deploymentProjection(fact, shape), DEPLOYMENTS, first);
