/** The filtered lists behind the paginated root fields; every filter is a fixed condition whose value is a parameter. */
import Cypher from '@neo4j/cypher-builder';
import type { ExcludedBases } from './facets.ts';
import { facetColumns, facetValues, type AnyFacet } from './fetch-plan.ts';
import { ARTICLE, CLAIM, DEPLOYMENT, ENTITY, FIGURE, readRow } from './mapping.ts';
import { listSpec, type Condition, type NodeProjection } from './pages.ts';
import {
  articleProjection,
  basisKept,
  claimProjection,
  deploymentProjection,
  entityProjection,
  figureProjection,
  typeAlternation,
  whereEventHappened,
  type Shape,
} from './projections.ts';
import { integer, type Row } from './reader.ts';
import type { LoadedEntity } from './entities.ts';
import type { ArticleRecord, ClaimRecord, DeploymentRecord, EntityKind, EntityRecord, FigureRecord } from './types.ts';

export const entityNodes = (shape: Shape): NodeProjection<EntityRecord> => ({ projection: (n) => entityProjection(n, shape), reader: ENTITY });
export const figureNodes = (shape: Shape): NodeProjection<FigureRecord> => ({ projection: (n) => figureProjection(n, shape), reader: FIGURE });
export const claimNodes = (shape: Shape): NodeProjection<ClaimRecord> => ({ projection: (n) => claimProjection(n, shape), reader: CLAIM });
export const deploymentNodes = (shape: Shape): NodeProjection<DeploymentRecord> => ({ projection: (n) => deploymentProjection(n, shape), reader: DEPLOYMENT });
export const ARTICLE_NODES: NodeProjection<ArticleRecord> = { projection: articleProjection, reader: ARTICLE };

const nodesOf = (label: string) => (n: Cypher.Node) => new Cypher.Pattern(n, { labels: label });

const BY_NAME = { sortKeys: (n: Cypher.Node) => [n.property('name')], sortKeyCount: 1 };
/** Finer dates first among those that start on the same day. */
const precisionRank = (n: Cypher.Node) => {
  const rank = new Cypher.Case(n.property('datePrecision'));
  ['DAY', 'WEEK', 'MONTH', 'YEAR'].forEach((precision, index) => rank.when(new Cypher.Literal(precision)).then(new Cypher.Literal(index)));
  return rank.else(new Cypher.Literal(4));
};
/** Dated events first, by the start of their interval, then precision; undated ones after, by name. */
const byDate = (n: Cypher.Node) => [Cypher.coalesce(n.property('dateStart'), new Cypher.Literal('9999-99-99')), precisionRank(n), n.property('name')];
const BY_DATE = { sortKeys: byDate, sortKeyCount: 3 };
/** Facts in article and text order. */
const BY_TEXT_POSITION = {
  sortKeys: (n: Cypher.Node) => [n.property('articleId'), Cypher.coalesce(Cypher.listIndex(n.property('evidenceStarts'), 0), new Cypher.Literal(0))],
  sortKeyCount: 2,
};

const propertyIn = (property: string): Condition => (n, value) => Cypher.in(n.property(property), value);
const propertyIs = (property: string): Condition => (n, value) => Cypher.eq(n.property(property), value);

/** `n` linked by `type` to the node of label `label` whose id is the value. */
const linkedTo = (type: string, label: string, direction: 'right' | 'left' = 'right'): Condition => (n, value) =>
  new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(n).related({ type, direction }).to(new Cypher.Node(), { labels: label, properties: { id: value } })));

/** Entities inside the entity `value.id` (itself, or through hops whose basis is not in `value.excluded`). */
const inside = (hops: string[]): Condition => (n, value) => {
  const path = new Cypher.PathVariable();
  const hop = new Cypher.Variable();
  const walk = new Cypher.Pattern(n)
    .related({ type: typeAlternation(hops), length: { min: 0, max: 4 } })
    .to(new Cypher.Node(), { labels: 'Entity', properties: { id: value.property('id') } });
  return new Cypher.Exists(new Cypher.Match(walk.assignTo(path)).where(Cypher.all(hop, Cypher.relationships(path), basisKept(hop, value.property('excluded')))));
};

/** The value of an `inside` filter, or null when there is no country to be inside. */
const insideValue = (id: string | null, excluded: ExcludedBases) => (id === null ? null : { id, excluded });

export interface LocationFilter {
  categories: readonly string[] | null;
  countryId: string | null;
  /** Location relations of these bases do not count. */
  excluded: ExcludedBases;
}

export const entityList = (kinds: readonly EntityKind[] | null) => listSpec({ pattern: nodesOf('Entity'), ...BY_NAME }, [[propertyIn('kind'), kinds]]);

export const personList = () => listSpec({ pattern: nodesOf('Person'), ...BY_NAME }, []);

export const countryList = () => listSpec({ pattern: nodesOf('Country'), ...BY_NAME }, []);

export const organizationList = (filter: LocationFilter) =>
  listSpec({ pattern: nodesOf('Organization'), ...BY_NAME }, [
    [propertyIn('category'), filter.categories],
    [inside(['LOCATED_IN', 'PART_OF']), insideValue(filter.countryId, filter.excluded)],
  ]);

export const placeList = (filter: LocationFilter) =>
  listSpec({ pattern: nodesOf('Place'), ...BY_NAME }, [
    [propertyIn('category'), filter.categories],
    [inside(['LOCATED_IN']), insideValue(filter.countryId, filter.excluded)],
  ]);

export interface EventFilter {
  categories: readonly string[] | null;
  /** Events whose date interval ends on or after this day. */
  from: string | null;
  /** Events whose date interval starts on or before this day. */
  to: string | null;
  /** Dates of these bases count as unknown for `from` and `to`. */
  excluded: ExcludedBases;
  placeId: string | null;
  countryId: string | null;
  participantId: string | null;
}

/** A date bound: the interval overlaps it, and the date's basis is not excluded. */
const dateBound = (day: string | null, excluded: ExcludedBases) => (day === null ? null : { day, excluded });
const dateBoundCondition = (end: 'dateEnd' | 'dateStart', compare: typeof Cypher.gte): Condition => (n, value) =>
  Cypher.and(compare(n.property(end), value.property('day')), Cypher.not(Cypher.in(n.property('dateBasis'), value.property('excluded'))));

const occurredInside: Condition = (n, value) =>
  new Cypher.Exists(new Cypher.Match(whereEventHappened(n, new Cypher.Node(), { labels: 'Entity', properties: { id: value } })));

/** Events at (or inside) the anchor, found from the anchor outwards rather than by testing every event. */
const eventsInsideAnchor = (anchor: Cypher.Param) => (n: Cypher.Node) =>
  new Cypher.Pattern(new Cypher.Node(), { labels: 'Entity', properties: { id: anchor } })
    .related({ type: 'LOCATED_IN', direction: 'left', length: { min: 0, max: 4 } })
    .to(new Cypher.Node())
    .related({ type: 'OCCURRED_IN', direction: 'left' })
    .to(new Cypher.Node(), { labels: 'Event' })
    .related({ type: 'PART_OF', direction: 'left', length: { min: 0, max: 3 } })
    .to(n, { labels: 'Event' });

export const eventList = (filter: EventFilter) => {
  // The narrowest place filter anchors the pattern; a country given beside a place stays a condition.
  const anchor = filter.placeId ?? filter.countryId;
  return listSpec(
    anchor === null ? { pattern: nodesOf('Event'), ...BY_DATE } : { pattern: eventsInsideAnchor(new Cypher.Param(anchor)), ...BY_DATE, walks: true },
    [
      [propertyIn('category'), filter.categories],
      [dateBoundCondition('dateEnd', Cypher.gte), dateBound(filter.from, filter.excluded)],
      [dateBoundCondition('dateStart', Cypher.lte), dateBound(filter.to, filter.excluded)],
      [occurredInside, filter.placeId === null ? null : filter.countryId],
      [linkedTo('PARTICIPATED_IN', 'Entity', 'left'), filter.participantId],
    ],
  );
};

export const figureList = (filter: { metric: string | null; eventId: string | null; sourceId: string | null }) =>
  listSpec({ pattern: nodesOf('Figure'), ...BY_TEXT_POSITION }, [
    [propertyIs('metric'), filter.metric],
    [linkedTo('FIGURE_OF', 'Event'), filter.eventId],
    [linkedTo('SOURCED_FROM', 'Entity'), filter.sourceId],
  ]);

export const claimList = (filter: { speakerId: string | null; aboutId: string | null; certainty: string | null }) =>
  listSpec({ pattern: nodesOf('Claim'), ...BY_TEXT_POSITION }, [
    [propertyIs('certainty'), filter.certainty],
    [linkedTo('SAID_BY', 'Entity'), filter.speakerId],
    [linkedTo('ABOUT', 'Entity'), filter.aboutId],
  ]);

export const deploymentList = (filter: { destinationId: string | null }) =>
  listSpec({ pattern: nodesOf('Deployment'), ...BY_TEXT_POSITION }, [[linkedTo('TO_COUNTRY', 'Country'), filter.destinationId]]);

export const articleList = () => listSpec({ pattern: nodesOf('Article'), sortKeys: () => [], sortKeyCount: 0 }, []);

export interface TimelineFilter {
  from: string | null;
  to: string | null;
  countryId: string | null;
  excluded: ExcludedBases;
}

/**
 * Dated events (dates of excluded bases count as unknown) by the start of their interval, then
 * precision, then name; at most `first`, in the given shape, each with the given facets.
 */
export function timelineQuery(filter: TimelineFilter, first: number, shape: Shape, facets: readonly AnyFacet[]): Cypher.Clause {
  const list = eventList({ categories: null, placeId: null, participantId: null, ...filter });
  const n = new Cypher.Node();
  const conditions = [
    Cypher.isNotNull(n.property('dateStart')),
    Cypher.not(Cypher.in(n.property('dateBasis'), new Cypher.Param(filter.excluded))),
    ...list.filters.map(([condition, value]) => condition(n, new Cypher.Param(value))),
  ];
  return new Cypher.Match(list.pattern(n))
    .where(Cypher.and(...conditions))
    .with(n)
    .distinct()
    .orderBy(...byDate(n), n.property('id'))
    .limit(new Cypher.Param(integer(first)))
    .return([entityProjection(n, shape), 'entity'], ...facetColumns(n, facets));
}

/** The events a `timelineQuery` returned, with their facets. */
export const readTimeline = (rows: Row[], facets: readonly AnyFacet[], check: boolean): LoadedEntity[] =>
  rows.map((row) => ({ entity: readRow(ENTITY, row.entity, check), facetValues: facetValues(row, facets, check) }));
