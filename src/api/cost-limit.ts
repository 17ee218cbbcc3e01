/**
 * A cost limit that counts list sizes: each list field costs its children times the size the
 * operation asks for (`first`, `limit`, and `depth` for graph walks), so
 * `entities(first: 100) { relations(first: 100) { ... } }` is priced as the 10,000 rows it is.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNullableType, isListType, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** What an unbounded list (mentions, figures…) is assumed to hold. */
const ASSUMED_LIST_SIZE = 10;

export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  // Introspection is priced by Armor's other limits, not by size: Sandbox must always load.
  if (field.name.startsWith('__')) return 0;
  const size =
    typeof args.first === 'number' ? args.first
      : typeof args.limit === 'number' ? args.limit
        : isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE
          : 1;
  const depth = typeof args.depth === 'number' ? Math.max(args.depth, 1) : 1;
  return (1 + childComplexity) * Math.max(size, 1) * depth;
};

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // Apollo hands out one parsed document per distinct query, so costs can be kept beside it.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const key = JSON.stringify([request.operationName ?? null, request.variables ?? {}]);
          const known = costs.get(document) ?? new Map<string, number>();
          costs.set(document, known);
          let cost = known.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: request.operationName ?? undefined,
                estimators: [listSizeEstimator],
              });
            } catch (error) {
              // Bad variables: execution reports them with their own clear error.
              if (error instanceof GraphQLError) return;
              throw error;
            }
            // Bounded: a dashboard polls with few distinct variable sets per query.
            if (known.size < 100) known.set(key, cost);
          }
          // Read by the fairness plugin (src/api/fairness.ts) to charge the client's budget.
          (contextValue as { cost?: number }).cost = cost;
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages (first, limit) or less depth.`,
              { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
