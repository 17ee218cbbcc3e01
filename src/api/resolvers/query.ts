/**
 * Root query resolvers: each runs the one query its root field compiles to (`root-queries.ts`)
 * and reads its rows, priming the loaders with what it returned.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql.ts';
import type { PageRecord } from '../../graph/types.ts';
import type { RequestContext } from '../context.ts';
import { ROOT_QUERIES } from '../root-queries.ts';

const connection = { totalCount: (parent: PageRecord<unknown>) => parent.totalCount() };

/** A resolver running a root field's compiled query. */
const compiled = (name: string) => async (_root: unknown, args: never, context: RequestContext, info: GraphQLResolveInfo) => {
  const { query, read } = ROOT_QUERIES[name]!(args, info);
  return read(query === null ? [] : await context.reader.query(query), context);
};

export const queryResolvers: Resolvers<RequestContext> = {
  Query: Object.fromEntries(Object.keys(ROOT_QUERIES).map((name) => [name, compiled(name)])),
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
