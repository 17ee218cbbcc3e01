/**
 * Root query resolvers: check the arguments, plan the facets the selection needs (look-ahead),
 * run one query, and prime the loaders with what it returned.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql.ts';
import { entitiesByIds, searchEntities } from '../../graph/entities.ts';
import {
  ARTICLE_SHAPE,
  articleList,
  CLAIM_SHAPE,
  claimList,
  countryList,
  DEPLOYMENT_SHAPE,
  deploymentList,
  ENTITY_SHAPE,
  entityList,
  eventList,
  FIGURE_SHAPE,
  figureList,
  organizationList,
  personList,
  placeList,
  timeline,
} from '../../graph/lists.ts';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_PATH_LENGTH, neighborhood, shortestPath } from '../../graph/network.ts';
import { pageOf, type ListSpec, type NodeShape } from '../../graph/pages.ts';
import { graphStats } from '../../graph/stats.ts';
import type { PageRecord } from '../../graph/types.ts';
import type { RequestContext } from '../context.ts';
import { cursor, dateRange, intInRange, listFilter, pageSize, searchText } from '../arguments.ts';
import { excludedBases } from '../fields.ts';
import { isSelected, plannedEntityFacets } from '../look-ahead.ts';

type PageArgs = { first?: number | null; after?: string | null };

/** A page of any list, with its total only when the selection asks for it. */
async function page<T>(context: RequestContext, info: GraphQLResolveInfo, spec: ListSpec, shape: NodeShape<T>, args: PageArgs) {
  const { page: result } = await pageOf(context.reader, spec, shape, {
    first: pageSize(args.first),
    after: cursor(args.after, spec.sortKeys.length),
    withTotal: isSelected(info, [], 'totalCount'),
    facets: [],
  });
  return result;
}

/** A page of entities, with the facets their selection needs computed in the same query. */
async function entityPage(context: RequestContext, info: GraphQLResolveInfo, spec: ListSpec, args: PageArgs) {
  const facets = plannedEntityFacets(info, ['edges', 'node']);
  const { page: result, facetValues } = await pageOf(context.reader, spec, ENTITY_SHAPE, {
    first: pageSize(args.first),
    after: cursor(args.after, spec.sortKeys.length),
    withTotal: isSelected(info, [], 'totalCount'),
    facets,
  });
  context.loaders.prime(
    result.edges.map(({ node }) => ({ entity: node, facetValues: facetValues.get(node.id) ?? new Map() })),
    facets,
  );
  return result;
}

const connection = { totalCount: (parent: PageRecord<unknown>) => parent.totalCount() };

export const queryResolvers: Resolvers<RequestContext> = {
  Query: {
    entity: async (_root, { id }, context, info) => {
      const facets = plannedEntityFacets(info);
      const loaded = (await entitiesByIds(context.reader, [id], facets)).get(id);
      return loaded ? context.loaders.prime([loaded], facets)[0]! : null;
    },
    search: async (_root, args, context) => {
      const hits = await searchEntities(
        context.reader,
        searchText(args.text),
        listFilter(args.kinds),
        intInRange('first', args.first ?? 10, 1, 100),
      );
      context.loaders.prime(hits.map((hit) => ({ entity: hit.entity, facetValues: new Map() })), []);
      return hits;
    },
    entities: (_root, args, context, info) => entityPage(context, info, entityList(listFilter(args.kinds)), args),
    people: (_root, args, context, info) => entityPage(context, info, personList(), args),
    countries: (_root, args, context, info) => entityPage(context, info, countryList(), args),
    organizations: (_root, args, context, info) =>
      entityPage(context, info, organizationList({ categories: listFilter(args.categories), countryId: args.countryId ?? null, excluded: excludedBases(args) }), args),
    places: (_root, args, context, info) =>
      entityPage(context, info, placeList({ categories: listFilter(args.categories), countryId: args.countryId ?? null, excluded: excludedBases(args) }), args),
    events: (_root, args, context, info) =>
      entityPage(
        context,
        info,
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
    timeline: async (_root, args, context, info) => {
      const facets = plannedEntityFacets(info);
      const loaded = await timeline(
        context.reader,
        { ...dateRange(args), countryId: args.countryId ?? null, excluded: excludedBases(args) },
        intInRange('first', args.first ?? 100, 1, 500),
        facets,
      );
      return context.loaders.prime(loaded, facets);
    },
    figures: (_root, args, context, info) =>
      page(
        context,
        info,
        figureList({ metric: args.metric ?? null, eventId: args.eventId ?? null, sourceId: args.sourceId ?? null }),
        FIGURE_SHAPE,
        args,
      ),
    claims: (_root, args, context, info) =>
      page(
        context,
        info,
        claimList({ speakerId: args.speakerId ?? null, aboutId: args.aboutId ?? null, certainty: args.certainty ?? null }),
        CLAIM_SHAPE,
        args,
      ),
    deployments: (_root, args, context, info) =>
      page(context, info, deploymentList({ destinationId: args.destinationId ?? null }), DEPLOYMENT_SHAPE, args),
    neighborhood: async (_root, args, context) => {
      const subgraph = await neighborhood(
        context.reader,
        args.id,
        intInRange('depth', args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH),
        intInRange('limit', args.limit ?? 100, 1, 500),
        args.excludeBasis ?? [],
      );
      context.loaders.prime((subgraph?.nodes ?? []).map((entity) => ({ entity, facetValues: new Map() })), []);
      return subgraph ?? { nodes: [], edges: [], edgesTruncated: false };
    },
    path: async (_root, args, context) => {
      const path = await shortestPath(
        context.reader,
        args.from,
        args.to,
        intInRange('maxLength', args.maxLength ?? 6, 1, MAX_PATH_LENGTH),
        args.excludeBasis ?? [],
      );
      context.loaders.prime((path?.nodes ?? []).map((entity) => ({ entity, facetValues: new Map() })), []);
      return path;
    },
    articles: (_root, args, context, info) => page(context, info, articleList(), ARTICLE_SHAPE, args),
    article: (_root, { id }, context) => context.loaders.article.load(id),
    stats: (_root, _args, context) => graphStats(context.reader),
  },
  EntityConnection: connection,
  PersonConnection: connection,
  OrganizationConnection: connection,
  CountryConnection: connection,
  PlaceConnection: connection,
  EventConnection: connection,
  FigureConnection: connection,
  ClaimConnection: connection,
  DeploymentConnection: connection,
  ArticleConnection: connection,
};
