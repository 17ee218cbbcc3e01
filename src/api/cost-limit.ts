/**
 * The cost limit: an operation costs the most objects its arguments let it return. A list
 * multiplies its children by its bound (`first`, `limit`, `maxLength`); a connection's `edges`
 * add nothing on top of its `first`; the few lists without an argument have fixed caps
 * (`src/domain/limits.ts`). Costs are cached in one bounded LRU for the whole process.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { MAX_CLAIM_SUBJECTS, MAX_EDGES_PER_NODE, MAX_EVIDENCE_SPANS, MAX_PAGE_SIZE } from '../domain/limits.ts';
import { DEPLOYMENT_STATUSES, ENTITY_KINDS, RELATION_TYPES } from '../domain/vocabulary.ts';
import type { RequestContext } from './context.ts';
import { ErrorCode } from './errors.ts';

/**
 * Lists bounded by their parent rather than by an argument: evidence and subjects are capped per
 * statement, graph views and paths are priced by their own `limit` or `maxLength`, a connection's
 * `first` already counts its edges, and `eventCounts(first)` its rows.
 */
export const FIXED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Relation.evidence': MAX_EVIDENCE_SPANS,
  'Position.evidence': MAX_EVIDENCE_SPANS,
  'Participant.evidence': MAX_EVIDENCE_SPANS,
  'Figure.evidence': MAX_EVIDENCE_SPANS,
  'Claim.evidence': MAX_EVIDENCE_SPANS,
  'Deployment.evidence': MAX_EVIDENCE_SPANS,
  'Claim.about': MAX_CLAIM_SUBJECTS,
  'Provenance.evidence': MAX_EVIDENCE_SPANS,
  'Report.evidence': MAX_EVIDENCE_SPANS,
  // One identifier per data set; Wikidata is the only one so far.
  ...Object.fromEntries(['Entity', 'Person', 'Organization', 'Country', 'Place', 'Event'].map((type) => [`${type}.identifiers`, 1])),
  'Subgraph.nodes': 1,
  'Subgraph.edges': MAX_EDGES_PER_NODE,
  'Path.nodes': 1,
  'Path.edges': 1,
  'EventCounts.rows': 1,
  'DeploymentTotal.statuses': DEPLOYMENT_STATUSES.length,
  'GraphStats.entitiesByKind': ENTITY_KINDS.length,
  'GraphStats.relationsByType': RELATION_TYPES.length,
};

const fixedListSize = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>) =>
  parent.name.endsWith('Connection') && field.name === 'edges' ? 1 : FIXED_LIST_SIZES[`${parent.name}.${field.name}`];

/** The most items a field's arguments allow: `first`, or `limit` / `maxLength` plus the end node. */
export function boundOf(args: Record<string, unknown>): number | null {
  if (typeof args.first === 'number') return Math.max(args.first, 0);
  if (typeof args.limit === 'number') return Math.max(args.limit, 0) + 1;
  if (typeof args.maxLength === 'number') return Math.max(args.maxLength, 0) + 1;
  return null;
}

/** `pageInfo` selections directly under a connection: one object each, however large the page. */
function pageInfoSelections(node: FieldNode): number {
  const count = (selections: readonly SelectionNode[]): number =>
    selections.reduce(
      (sum, selection) =>
        sum +
        (selection.kind === Kind.FIELD && selection.name.value === 'pageInfo' ? 1 : 0) +
        (selection.kind === Kind.INLINE_FRAGMENT ? count(selection.selectionSet.selections) : 0),
      0,
    );
  return count(node.selectionSet?.selections ?? []);
}

export const objectCountEstimator: ComplexityEstimator = ({ type, field, node, args, childComplexity }) => {
  // Introspection is priced by Armor's other limits, not by size: Sandbox must always load.
  if (field.name.startsWith('__') || isLeafType(getNamedType(field.type))) return 0;
  const list = isListType(getNullableType(field.type));
  const bound = boundOf(args);
  if (bound !== null && list) return bound * (1 + childComplexity);
  if (bound !== null) {
    const pageInfo = Math.min(pageInfoSelections(node), childComplexity);
    return 1 + pageInfo + bound * (childComplexity - pageInfo);
  }
  if (!list) return 1 + childComplexity;
  // An unlisted list is priced at the largest page (tests/unit/cost-model.test.ts keeps the table complete).
  return (fixedListSize(type, field) ?? MAX_PAGE_SIZE) * (1 + childComplexity);
};

/** Only the variables the operation declares: anything else cannot change its cost. */
function declaredVariables(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined) {
  return Object.fromEntries(
    (operation?.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, variables?.[definition.variable.name.value]]),
  );
}

const cacheKey = (source: string, operationName: string | undefined, variables: Record<string, unknown>) =>
  createHash('sha256').update(source).update('\0').update(operationName ?? '').update('\0').update(JSON.stringify(variables)).digest('base64');

export function costLimitPlugin(maxCost: number, cacheEntries = 10_000): ApolloServerPlugin<RequestContext> {
  const costs = new LRUCache<string, number>({ max: cacheEntries });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source, document, schema, operation, contextValue }) {
          const variables = declaredVariables(operation, request.variables);
          const key = cacheKey(source, request.operationName, variables);
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                variables,
                operationName: request.operationName ?? undefined,
                estimators: [objectCountEstimator],
              });
            } catch (error) {
              // Bad variables: execution reports them with their own clear error.
              if (error instanceof GraphQLError) return;
              throw error;
            }
            costs.set(key, cost);
          }
          // Read by the fairness plugin (src/api/fairness.ts) to charge the client's budget.
          contextValue.cost = cost;
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}: it could return that many objects. ` +
                'Ask for smaller pages (first, limit, maxLength) or fewer nested lists.',
              { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
