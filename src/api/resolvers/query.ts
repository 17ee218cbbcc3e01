/** Root query resolvers: validate arguments, call the data-access layer, prime the entity loader. */
import type { Resolvers } from '../../generated/graphql.ts';
import { allArticles } from '../../graph/articles.ts';
import { pageOfEntities, searchEntities } from '../../graph/entities.ts';
import { findClaims, findDeployments, findFigures } from '../../graph/facts.ts';
import { countryList, entityList, eventList, organizationList, personList, placeList, timeline } from '../../graph/lists.ts';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_PATH_LENGTH, neighborhood, shortestPath } from '../../graph/network.ts';
import { graphStats } from '../../graph/stats.ts';
import type { PageRecord, EntityRecord } from '../../graph/types.ts';
import type { RequestContext } from '../context.ts';
import { cursor, intInRange, isoDate, listFilter, pageSize, searchText } from '../arguments.ts';
import type { ListSpec } from '../../graph/entities.ts';

async function page(
  context: RequestContext,
  spec: ListSpec,
  args: { first?: number | null; after?: string | null },
): Promise<PageRecord<EntityRecord>> {
  const result = await pageOfEntities(context.reader, spec, pageSize(args.first), cursor(args.after));
  context.loaders.primeEntities(result.edges.map((edge) => edge.node));
  return result;
}

const connection = { totalCount: (parent: PageRecord<EntityRecord>) => parent.totalCount() };

export const queryResolvers: Resolvers<RequestContext> = {
  Query: {
    entity: (_root, { id }, context) => context.loaders.entity.load(id),
    search: async (_root, args, context) => {
      const hits = await searchEntities(
        context.reader,
        searchText(args.text),
        listFilter(args.kinds),
        intInRange('first', args.first ?? 10, 1, 100),
      );
      context.loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },
    entities: (_root, args, context) => page(context, entityList(listFilter(args.kinds)), args),
    people: (_root, args, context) => page(context, personList(), args),
    countries: (_root, args, context) => page(context, countryList(), args),
    organizations: (_root, args, context) =>
      page(context, organizationList({ categories: listFilter(args.categories), countryId: args.countryId ?? null }), args),
    places: (_root, args, context) =>
      page(context, placeList({ categories: listFilter(args.categories), countryId: args.countryId ?? null }), args),
    events: (_root, args, context) =>
      page(
        context,
        eventList({
          categories: listFilter(args.categories),
          from: isoDate('from', args.from),
          to: isoDate('to', args.to),
          placeId: args.placeId ?? null,
          countryId: args.countryId ?? null,
          participantId: args.participantId ?? null,
        }),
        args,
      ),
    timeline: async (_root, args, context) =>
      context.loaders.primeEntities(
        await timeline(
          context.reader,
          { from: isoDate('from', args.from), to: isoDate('to', args.to), countryId: args.countryId ?? null },
          intInRange('first', args.first ?? 100, 1, 500),
        ),
      ),
    figures: (_root, args, context) =>
      findFigures(context.reader, { metric: args.metric ?? null, eventId: args.eventId ?? null }),
    claims: (_root, args, context) =>
      findClaims(context.reader, {
        speakerId: args.speakerId ?? null,
        aboutId: args.aboutId ?? null,
        certainty: args.certainty ?? null,
      }),
    deployments: (_root, args, context) => findDeployments(context.reader, { destinationId: args.destinationId ?? null }),
    neighborhood: async (_root, args, context) => {
      const subgraph = await neighborhood(
        context.reader,
        args.id,
        intInRange('depth', args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH),
        intInRange('limit', args.limit ?? 100, 1, 500),
      );
      context.loaders.primeEntities(subgraph?.nodes ?? []);
      return subgraph ?? { nodes: [], edges: [] };
    },
    path: async (_root, args, context) => {
      const path = await shortestPath(
        context.reader,
        args.from,
        args.to,
        intInRange('maxLength', args.maxLength ?? 6, 1, MAX_PATH_LENGTH),
      );
      context.loaders.primeEntities(path?.nodes ?? []);
      return path;
    },
    articles: (_root, _args, context) => allArticles(context.reader),
    article: (_root, { id }, context) => context.loaders.article.load(id),
    stats: (_root, _args, context) => graphStats(context.reader),
  },
  EntityConnection: connection,
  PersonConnection: connection,
  OrganizationConnection: connection,
  CountryConnection: connection,
  PlaceConnection: connection,
  EventConnection: connection,
};
