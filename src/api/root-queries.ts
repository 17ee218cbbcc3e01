/**
 * The compiler from an operation's root fields to Cypher: each root field, from its arguments and
 * its selection, becomes one query (built with `@neo4j/cypher-builder`, so every value is a
 * parameter and the same selection always gives the same text) and a reader of its rows. The
 * resolvers run these; `compileOperation` shows them without a database.
 */
import { entitiesByIdsQuery, rankHits, readEntities, searchCandidates, searchQuery, toSearchQuery } from '../graph/entities.ts';
import { MAX_PAGE_SIZE } from '../domain/limits.ts';
import {
  deploymentTotalsQuery,
  eventCountsQuery,
  figureSummariesQuery,
  readDeploymentTotals,
  readEventCounts,
  readFigureSummaries,
} from '../graph/analytics.ts';
import { articlesByIdsQuery, readArticles } from '../graph/articles.ts';
import type { AnyFacet } from '../graph/fetch-plan.ts';
import {
  ARTICLE_NODES,
  articleList,
  claimList,
  claimNodes,
  countryList,
  deploymentList,
  deploymentNodes,
  entityList,
  entityNodes,
  eventList,
  figureList,
  figureNodes,
  organizationList,
  personList,
  placeList,
  readTimeline,
  timelineQuery,
} from '../graph/lists.ts';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_PATH_LENGTH, maxEdgesOf, neighborhoodQuery, pathQuery, readNeighborhood, readPath } from '../graph/network.ts';
import { pageQuery, readPage, type ListSpec, type NodeProjection } from '../graph/pages.ts';
import { eitherShape } from '../graph/projections.ts';
import type { ReadQuery, Row } from '../graph/reader.ts';
import { readStats, statsQuery } from '../graph/stats.ts';
import type {
  QueryArticleArgs,
  QueryDeploymentTotalsArgs,
  QueryEventCountsArgs,
  QueryFigureSummariesArgs,
  QueryArticlesArgs,
  QueryClaimsArgs,
  QueryCountriesArgs,
  QueryDeploymentsArgs,
  QueryEntitiesArgs,
  QueryEntityArgs,
  QueryEventsArgs,
  QueryFiguresArgs,
  QueryNeighborhoodArgs,
  QueryOrganizationsArgs,
  QueryPathArgs,
  QueryPeopleArgs,
  QueryPlacesArgs,
  QuerySearchArgs,
  QueryTimelineArgs,
} from '../generated/graphql.ts';
import { cursor, dateRange, intInRange, listFilter, pageSize, searchText } from './arguments.ts';
import type { RequestContext } from './context.ts';
import { excludedBases, listSize } from './fields.ts';
import { isSelected, plannedEntityFacets, selectedArguments, shapeAt, type Selection } from './look-ahead.ts';

/** The most rows `eventCounts` returns: a year of days, with room to spare. */
export const MAX_EVENT_COUNT_ROWS = 500;

/** What a root field runs: one query (none when its arguments ask for nothing), and how its rows become its value. */
export interface RootQuery {
  query: ReadQuery | null;
  read: (rows: Row[], context: RequestContext) => unknown;
}

type PageArgs = { first?: number | null; after?: string | null };

/** A page of any list, with its total only when the selection asks for it. */
function pageOf<T>(selection: Selection, spec: ListSpec, node: NodeProjection<T>, args: PageArgs, facets: readonly AnyFacet[] = []) {
  const request = {
    first: pageSize(args.first),
    after: cursor(args.after, spec.sortKeyCount),
    withTotal: isSelected(selection, [], 'totalCount'),
    facets,
  };
  return { query: pageQuery(spec, node, request), read: (rows: Row[], context: RequestContext) => readPage(context.reader, rows, spec, node, request) };
}

/** A page of facts or articles. */
function page<T>(selection: Selection, spec: ListSpec, node: NodeProjection<T>, args: PageArgs): RootQuery {
  const { query, read } = pageOf(selection, spec, node, args);
  return { query, read: (rows, context) => read(rows, context).page };
}

/** A page of entities, with the facets their selection needs computed in the same query. */
function entityPage(selection: Selection, spec: ListSpec, args: PageArgs): RootQuery {
  const path = ['edges', 'node'];
  const facets = plannedEntityFacets(selection, path);
  const { query, read } = pageOf(selection, spec, entityNodes(shapeAt(selection, path)), args, facets);
  return {
    query,
    read: (rows, context) => {
      const { page: result, facetValues } = read(rows, context);
      context.loaders.prime(
        result.edges.map(({ node }) => ({ entity: node, facetValues: facetValues.get(node.id) ?? new Map() })),
        facets,
      );
      return result;
    },
  };
}

const locationFilter = (args: QueryOrganizationsArgs | QueryPlacesArgs) => ({
  categories: listFilter(args.categories),
  countryId: args.countryId ?? null,
  excluded: excludedBases(args),
});

/** Each root field's query, by field name. */
export const ROOT_QUERIES: Record<string, (args: never, selection: Selection) => RootQuery> = {
  entity: ({ id }: QueryEntityArgs, selection) => {
    const facets = plannedEntityFacets(selection);
    return {
      query: entitiesByIdsQuery([id], shapeAt(selection), facets),
      read: (rows, context) => {
        const loaded = readEntities(rows, facets, context.reader.checkRows).get(id);
        return loaded ? context.loaders.prime([loaded], facets)[0]! : null;
      },
    };
  },
  search: (args: QuerySearchArgs, selection) => {
    const text = searchText(args.text);
    const kinds = listFilter(args.kinds);
    const first = intInRange('first', args.first ?? 10, 1, 100);
    const query = toSearchQuery(text);
    return {
      query: query === null ? null : searchQuery(query, kinds, searchCandidates(first, kinds), shapeAt(selection, ['entity'])),
      read: (rows, context) => rankHits(rows, text, first, context.reader.checkRows),
    };
  },
  entities: (args: QueryEntitiesArgs, selection) => entityPage(selection, entityList(listFilter(args.kinds)), args),
  people: (args: QueryPeopleArgs, selection) => entityPage(selection, personList(), args),
  countries: (args: QueryCountriesArgs, selection) => entityPage(selection, countryList(), args),
  organizations: (args: QueryOrganizationsArgs, selection) => entityPage(selection, organizationList(locationFilter(args)), args),
  places: (args: QueryPlacesArgs, selection) => entityPage(selection, placeList(locationFilter(args)), args),
  events: (args: QueryEventsArgs, selection) =>
    entityPage(
      selection,
      eventList({
        categories: listFilter(args.categories),
        ...dateRange(args),
        excluded: excludedBases(args),
        placeId: args.placeId ?? null,
        countryId: args.countryId ?? null,
        participantId: args.participantId ?? null,
      }),
      args,
    ),
  timeline: (args: QueryTimelineArgs, selection) => {
    const facets = plannedEntityFacets(selection);
    const filter = { ...dateRange(args), countryId: args.countryId ?? null, excluded: excludedBases(args) };
    return {
      query: timelineQuery(filter, intInRange('first', args.first ?? 100, 1, 500), shapeAt(selection), facets),
      read: (rows, context) => context.loaders.prime(readTimeline(rows, facets, context.reader.checkRows), facets),
    };
  },
  figures: (args: QueryFiguresArgs, selection) =>
    page(
      selection,
      figureList({ metric: args.metric ?? null, eventId: args.eventId ?? null, sourceId: args.sourceId ?? null }),
      figureNodes(shapeAt(selection, ['edges', 'node'])),
      args,
    ),
  claims: (args: QueryClaimsArgs, selection) =>
    page(
      selection,
      claimList({ speakerId: args.speakerId ?? null, aboutId: args.aboutId ?? null, certainty: args.certainty ?? null }),
      claimNodes(shapeAt(selection, ['edges', 'node'])),
      args,
    ),
  deployments: (args: QueryDeploymentsArgs, selection) =>
    page(selection, deploymentList({ destinationId: args.destinationId ?? null }), deploymentNodes(shapeAt(selection, ['edges', 'node'])), args),
  neighborhood: (args: QueryNeighborhoodArgs, selection) => {
    const depth = intInRange('depth', args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH);
    const limit = intInRange('limit', args.limit ?? 100, 1, 500);
    return {
      query: neighborhoodQuery(args.id, depth, limit, maxEdgesOf(limit), args.excludeBasis ?? [], shapeAt(selection, ['nodes'])),
      read: (rows, context) => readNeighborhood(rows, maxEdgesOf(limit), context.reader.checkRows) ?? { nodes: [], edges: [], edgesTruncated: false },
    };
  },
  path: (args: QueryPathArgs, selection) => {
    const maxLength = intInRange('maxLength', args.maxLength ?? 6, 1, MAX_PATH_LENGTH);
    return {
      query: args.from === args.to ? null : pathQuery(args.from, args.to, maxLength, args.excludeBasis ?? [], shapeAt(selection, ['nodes'])),
      read: (rows, context) => readPath(rows, context.reader.checkRows),
    };
  },
  articles: (args: QueryArticlesArgs, selection) => page(selection, articleList(), ARTICLE_NODES, args),
  eventCounts: (args: QueryEventCountsArgs, selection) => {
    const first = intInRange('first', args.first ?? 100, 1, MAX_EVENT_COUNT_ROWS);
    const filter = {
      bucket: args.bucket ?? null,
      groupBy: args.groupBy ?? null,
      ...dateRange(args),
      countryId: args.countryId ?? null,
      categories: listFilter(args.categories),
      excludeBasis: excludedBases(args),
    };
    return { query: eventCountsQuery(filter, first, shapeAt(selection, ['rows', 'entity'])), read: (rows, context) => readEventCounts(rows, first, context.reader.checkRows) };
  },
  figureSummaries: (args: QueryFigureSummariesArgs, selection) => {
    const filter = { metric: args.metric ?? null, groupBy: args.groupBy ?? 'EVENT', eventId: args.eventId ?? null, countryId: args.countryId ?? null };
    // The summaries' figures come back in the same query: as many as the largest `figures(first)` selected.
    const figuresFirst = Math.max(0, ...selectedArguments(selection, [], 'figures').map((figureArgs) => listSize(figureArgs)));
    const shapes = {
      group: shapeAt(selection, [filter.groupBy === 'EVENT' ? 'event' : 'country']),
      contingent: shapeAt(selection, ['contingent']),
      figures: shapeAt(selection, ['figures']),
    };
    return {
      query: figureSummariesQuery(filter, intInRange('first', args.first ?? 20, 1, MAX_PAGE_SIZE), figuresFirst, shapes),
      read: (rows, context) => readFigureSummaries(rows, filter.groupBy, context.reader.checkRows),
    };
  },
  deploymentTotals: (args: QueryDeploymentTotalsArgs, selection) => ({
    query: deploymentTotalsQuery(
      { countryId: args.countryId ?? null, destinationId: args.destinationId ?? null },
      intInRange('first', args.first ?? 20, 1, MAX_PAGE_SIZE),
      eitherShape(shapeAt(selection, ['country']), shapeAt(selection, ['destination'])),
    ),
    read: (rows, context) => readDeploymentTotals(rows, context.reader.checkRows),
  }),
  stats: () => ({ query: statsQuery(), read: readStats }),
  article: ({ id }: QueryArticleArgs) => ({
    query: articlesByIdsQuery([id]),
    read: (rows, context) => readArticles(rows, context.reader.checkRows).get(id) ?? null,
  }),
};
