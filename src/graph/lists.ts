/** The filtered lists behind the paginated root fields; every filter is a fixed Cypher fragment. */
import { WHERE_EVENT_HAPPENED } from './facets.ts';
import { asColumns, facetExpressions, facetValues, type AnyFacet } from './fetch-plan.ts';
import {
  articleProjection,
  articleSchema,
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
/** Dated events first, in date order; undated ones after, by name. */
const BY_DATE = ["coalesce(n.dateIso, '9999-99-99')", 'n.name'];
/** Facts in article and text order. */
const BY_TEXT_POSITION = ['n.articleId', 'coalesce(n.evidenceStarts[0], 0)'];

/** Matches entities inside the entity `$value` (itself, or through the given hops). */
const inside = (hops: string) => `EXISTS { (n)-[:${hops}*0..4]->(:Entity {id: $value}) }`;

export const entityList = (kinds: readonly EntityKind[] | null) => listSpec({ pattern: '(n:Entity)', sortKeys: BY_NAME }, [['n.kind IN $value', kinds]]);

export const personList = () => listSpec({ pattern: '(n:Person)', sortKeys: BY_NAME }, []);

export const countryList = () => listSpec({ pattern: '(n:Country)', sortKeys: BY_NAME }, []);

export const organizationList = (filter: { categories: readonly string[] | null; countryId: string | null }) =>
  listSpec({ pattern: '(n:Organization)', sortKeys: BY_NAME }, [
    ['n.category IN $value', filter.categories],
    [inside('LOCATED_IN|PART_OF'), filter.countryId],
  ]);

export const placeList = (filter: { categories: readonly string[] | null; countryId: string | null }) =>
  listSpec({ pattern: '(n:Place)', sortKeys: BY_NAME }, [
    ['n.category IN $value', filter.categories],
    [inside('LOCATED_IN'), filter.countryId],
  ]);

export interface EventFilter {
  categories: readonly string[] | null;
  from: string | null;
  to: string | null;
  placeId: string | null;
  countryId: string | null;
  participantId: string | null;
}

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
      ['n.dateIso >= $value', filter.from],
      ['n.dateIso <= $value', filter.to],
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

/** Dated events in date order, at most `first`, each with the given facets. */
export async function timeline(
  reader: GraphReader,
  filter: { from: string | null; to: string | null; countryId: string | null },
  first: number,
  facets: readonly AnyFacet[] = [],
): Promise<LoadedEntity[]> {
  const list = eventList({ categories: null, placeId: null, participantId: null, ...filter });
  const { expressions, parameters } = facetExpressions(facets);
  const rows = await reader.rows(
    `MATCH ${list.pattern} WHERE n.dateIso IS NOT NULL ${list.conditions.map((condition) => `AND ${condition}`).join(' ')}
     WITH DISTINCT n ORDER BY n.dateIso, n.name, n.id LIMIT $first
     RETURN ${entityProjection('n')} AS entity${asColumns(expressions)}`,
    { ...list.parameters, ...parameters, first: integer(first) },
  );
  return rows.map((row) => ({ entity: toEntity(row.entity), facetValues: facetValues(row, facets) }));
}
