/** Resolvers below the analytics fields; the root fields compile to one query each (`root-queries.ts`). */
import type { Resolvers } from '../../generated/graphql.ts';
import type { RequestContext } from '../context.ts';
import { listSize } from '../fields.ts';

export const analyticsResolvers: Resolvers<RequestContext> = {
  FigureSummary: {
    figures: (summary, args) => summary.figures.slice(0, listSize(args)),
  },
};
