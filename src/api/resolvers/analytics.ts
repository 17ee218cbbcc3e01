/** Resolvers of the analytics fields: check the arguments, run one query (see `src/graph/analytics.ts`). */
import type { Resolvers } from '../../generated/graphql.ts';
import { deploymentTotals, eventCounts, figureSummaries } from '../../graph/analytics.ts';
import { MAX_PAGE_SIZE } from '../../domain/limits.ts';
import type { RequestContext } from '../context.ts';
import { dateRange, intInRange, listFilter } from '../arguments.ts';
import { excludedBases, listSize } from '../fields.ts';
import { selectedArguments } from '../look-ahead.ts';

/** The most rows `eventCounts` returns: a year of days, with room to spare. */
export const MAX_EVENT_COUNT_ROWS = 500;

export const analyticsResolvers: Resolvers<RequestContext> = {
  Query: {
    eventCounts: (_root, args, context) =>
      eventCounts(
        context.reader,
        {
          bucket: args.bucket ?? null,
          groupBy: args.groupBy ?? null,
          ...dateRange(args),
          countryId: args.countryId ?? null,
          categories: listFilter(args.categories),
          excludeBasis: excludedBases(args),
        },
        intInRange('first', args.first ?? 100, 1, MAX_EVENT_COUNT_ROWS),
      ),
    figureSummaries: (_root, args, context, info) => {
      // The summaries' figures come back in the same query: as many as the largest `figures(first)` selected.
      const figuresFirst = Math.max(0, ...selectedArguments(info, [], 'figures').map((figureArgs) => listSize(figureArgs)));
      return figureSummaries(
        context.reader,
        { metric: args.metric ?? null, groupBy: args.groupBy ?? 'EVENT', eventId: args.eventId ?? null, countryId: args.countryId ?? null },
        intInRange('first', args.first ?? 20, 1, MAX_PAGE_SIZE),
        figuresFirst,
      );
    },
    deploymentTotals: (_root, args, context) =>
      deploymentTotals(
        context.reader,
        { countryId: args.countryId ?? null, destinationId: args.destinationId ?? null },
        intInRange('first', args.first ?? 20, 1, MAX_PAGE_SIZE),
      ),
  },
  FigureSummary: {
    figures: (summary, args) => summary.figures.slice(0, listSize(args)),
  },
};
