/** The filtered lists behind the paginated root fields; every filter is a fixed Cypher fragment. */
import { WHERE_EVENT_HAPPENED } from './facets.ts';
import { asColumns, facetExpressions, facetValues, type AnyFacet } from './fetch-plan.ts';
import {
  articleProjection,
  articleSchema,
  basisKept,
  claimProjection,
  claimSchema,
  deploymentProjection,
  deploymentSchema,
  entityProjection,
  figureProjection,
  figureSchema,
  parseRow,
  toEntity,
} from './mapping.ts';
import { listSpec, type NodeShape } from './pages.ts';
import { integer, type GraphReader } from './reader.ts';
import type { ExcludedBases } from './facets.ts';
import type { ArticleRecord, ClaimRecord, DeploymentRecord, EntityKind, EntityRecord, FigureRecord } from './types.ts';
import type { LoadedEntity } from './entities.ts';

export const ENTITY_SHAPE: NodeShape<EntityRecord> = { projection: entityProjection('n'), parse: toEntity };
export const FIGURE_SHAPE: NodeShape<FigureRecord> = {
  projection: figureProjection('n'),
  parse: (value) => parseRow(figureSchema, value, 'figure'),
};
export const CLAIM_SHAPE: NodeShape<ClaimRecord> = {
  projection: claimProjection('n'),
  parse: (value) => parseRow(claimSchema, value, 'claim'),
};
export const DEPLOYMENT_SHAPE: NodeShape<DeploymentRecord> = {
  projection: deploymentProjection('n'),
  parse: (value) => parseRow(deploymentSchema, value, 'deployment'),
};
export const ARTICLE_SHAPE: NodeShape<ArticleRecord> = {
  projection: articleProjection('n'),
  parse: (value) => parseRow(articleSchema, value, 'article'),
};

const BY_NAME = ['n.name'];
/** Finer dates first among those that start on the same day. */
const PRECISION_RANK = "CASE n.datePrecision WHEN 'DAY' THEN 0 WHEN 'WEEK' THEN 1 WHEN 'MONTH' THEN 2 WHEN 'YEAR' THEN 3 ELSE 4 END";
/** Dated events first, by the start of their interval, then precision; undated ones after, by name. */
const BY_DATE = ["coalesce(n.dateStart, '9999-99-99')", PRECISION_RANK, 'n.name'];
/** Facts in article and text order. */
const BY_TEXT_POSITION = ['n.articleId', 'coalesce(n.evidenceStarts[0], 0)'];

/** Matches entities inside the entity `$value.id` (itself, or through hops whose basis is not in `$value.excluded`). */
const inside = (hops: string) => `EXISTS { (n)-[hop:${hops} WHERE ${basisKept('hop', '$value.excluded')}]->{0,4}(:Entity {id: $value.id}) }`;

/** The value of an `inside` filter, or null when there is no country to be inside. */
const insideValue = (id: string | null, excluded: ExcludedBases) => (id === null ? null : { id, excluded });

export interface LocationFilter {
  categories: readonly string[] | null;
  countryId: string | null;
  /** Location relations of these bases do not count. */
  excluded: ExcludedBases;
}

export const entityList = (kinds: readonly EntityKind[] | null) => listSpec({ pattern: '(n:Entity)', sortKeys: BY_NAME }, [['n.kind IN $value', kinds]]);

export const personList = () => listSpec({ pattern: '(n:Person)', sortKeys: BY_NAME }, []);

export const countryList = () => listSpec({ pattern: '(n:Country)', sortKeys: BY_NAME }, []);

export const organizationList = (filter: LocationFilter) =>
  listSpec({ pattern: '(n:Organization)', sortKeys: BY_NAME }, [
    ['n.category IN $value', filter.categories],
    [inside('LOCATED_IN|PART_OF'), insideValue(filter.countryId, filter.excluded)],
  ]);

export const placeList = (filter: LocationFilter) =>
  listSpec({ pattern: '(n:Place)', sortKeys: BY_NAME }, [
    ['n.category IN $value', filter.categories],
    [inside('LOCATED_IN'), insideValue(filter.countryId, filter.excluded)],
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

const OCCURRED_INSIDE = `EXISTS { (n)${WHERE_EVENT_HAPPENED}(:Entity {id: $value}) }`;

/** Events at (or inside) `$anchor`, found from the anchor outwards rather than by testing every event. */
const EVENTS_INSIDE_ANCHOR = '(:Entity {id: $anchor})<-[:LOCATED_IN*0..4]-()<-[:OCCURRED_IN]-(:Event)<-[:PART_OF*0..3]-(n:Event)';

export const eventList = (filter: EventFilter) => {
  // The narrowest place filter anchors the pattern; a country given beside a place stays a condition.
  const anchor = filter.placeId ?? filter.countryId;
  return listSpec(
    anchor === null ? { pattern: '(n:Event)', sortKeys: BY_DATE } : { pattern: EVENTS_INSIDE_ANCHOR, sortKeys: BY_DATE, walks: true },
    [
      ['n.category IN $value', filter.categories],
      ['n.dateEnd >= $value.day AND NOT n.dateBasis IN $value.excluded', dateBound(filter.from, filter.excluded)],
      ['n.dateStart <= $value.day AND NOT n.dateBasis IN $value.excluded', dateBound(filter.to, filter.excluded)],
      [OCCURRED_INSIDE, filter.placeId === null ? null : filter.countryId],
      ['EXISTS { (:Entity {id: $value})-[:PARTICIPATED_IN]->(n) }', filter.participantId],
    ],
    anchor === null ? {} : { anchor },
  );
};

export const figureList = (filter: { metric: string | null; eventId: string | null; sourceId: string | null }) =>
  listSpec({ pattern: '(n:Figure)', sortKeys: BY_TEXT_POSITION }, [
    ['n.metric = $value', filter.metric],
    ['EXISTS { (n)-[:FIGURE_OF]->(:Event {id: $value}) }', filter.eventId],
    ['EXISTS { (n)-[:SOURCED_FROM]->(:Entity {id: $value}) }', filter.sourceId],
  ]);

export const claimList = (filter: { speakerId: string | null; aboutId: string | null; certainty: string | null }) =>
  listSpec({ pattern: '(n:Claim)', sortKeys: BY_TEXT_POSITION }, [
    ['n.certainty = $value', filter.certainty],
    ['EXISTS { (n)-[:SAID_BY]->(:Entity {id: $value}) }', filter.speakerId],
    ['EXISTS { (n)-[:ABOUT]->(:Entity {id: $value}) }', filter.aboutId],
  ]);

export const deploymentList = (filter: { destinationId: string | null }) =>
  listSpec({ pattern: '(n:Deployment)', sortKeys: BY_TEXT_POSITION }, [
    ['EXISTS { (n)-[:TO_COUNTRY]->(:Country {id: $value}) }', filter.destinationId],
  ]);

export const articleList = () => listSpec({ pattern: '(n:Article)', sortKeys: [] }, []);

/**
 * Dated events (dates of excluded bases count as unknown) by the start of their interval, then
 * precision, then name; at most `first`, each with the given facets.
 */
export async function timeline(
  reader: GraphReader,
  filter: { from: string | null; to: string | null; countryId: string | null; excluded: ExcludedBases },
  first: number,
  facets: readonly AnyFacet[] = [],
): Promise<LoadedEntity[]> {
  const list = eventList({ categories: null, placeId: null, participantId: null, ...filter });
  const { expressions, parameters } = facetExpressions(facets);
  const rows = await reader.rows(
    `MATCH ${list.pattern} WHERE n.dateStart IS NOT NULL AND NOT n.dateBasis IN $excluded
       ${list.conditions.map((condition) => `AND ${condition}`).join(' ')}
     WITH DISTINCT n ORDER BY ${[...BY_DATE, 'n.id'].join(', ')} LIMIT $first
     RETURN ${entityProjection('n')} AS entity${asColumns(expressions)}`,
    { ...list.parameters, ...parameters, excluded: filter.excluded, first: integer(first) },
  );
  return rows.map((row) => ({ entity: toEntity(row.entity), facetValues: facetValues(row, facets) }));
}
