/**
 * The cost limit: an operation costs the most objects its arguments let it return. A list
 * multiplies its children by its bound (`first`, `limit`, `maxLength`); a connection's `edges`
 * add nothing on top of its `first`; the few lists without an argument have fixed caps
 * (`src/domain/limits.ts`); a graph walk also costs the entities and edges it reads on the way.
 * Arguments are priced as the resolvers run them: omitted variables take their defaults, and a
 * `null` size takes the argument's SDL default. It fails closed: an operation it cannot price is
 * refused. Costs are cached in one bounded LRU for the whole process.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { MAX_CLAIM_SUBJECTS, MAX_EDGES_PER_NODE, MAX_EVIDENCE_SPANS, MAX_PAGE_SIZE } from '../domain/limits.ts';
import { MAX_PATH_LENGTH } from '../graph/network.ts';
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

/** Arguments that size a list or a walk. */
const SIZE_ARGUMENTS = ['first', 'limit', 'maxLength', 'depth'] as const;

/** A `null` size runs as the argument's SDL default (the resolvers' `?? default`), so it is priced so. */
export function sizedArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): Record<string, unknown> {
  const sized = { ...args };
  for (const name of SIZE_ARGUMENTS) {
    const defaultValue = field.args.find((arg) => arg.name === name)?.defaultValue;
    if (sized[name] === null && defaultValue !== undefined) sized[name] = defaultValue;
  }
  return sized;
}

/** The most items a field's arguments allow: `first`, or `limit` / `maxLength` plus the end node. */
export function boundOf(args: Record<string, unknown>): number | null {
  if (typeof args.first === 'number') return Math.max(args.first, 0);
  if (typeof args.limit === 'number') return Math.max(args.limit, 0) + 1;
  if (typeof args.maxLength === 'number') return Math.max(args.maxLength, 0) + 1;
  return null;
}

const positive = (value: unknown) => (typeof value === 'number' ? Math.max(value, 0) : 0);

/**
 * What a graph walk reads whatever is selected from it: each hop reads up to its entities and
 * the edges of each (`MAX_EDGES_PER_NODE` of them per entity are kept). A neighbourhood reaches
 * at most `limit` entities per ring; a shortest path has no limit of its own, so each of its hops
 * is priced as a ring of the largest page.
 */
export const GRAPH_WALKS: Readonly<Record<string, (args: Record<string, unknown>) => number>> = {
  'Query.neighborhood': (args) => positive(args.depth) * (positive(args.limit) + 1) * (1 + MAX_EDGES_PER_NODE),
  'Query.path': (args) => Math.min(positive(args.maxLength), MAX_PATH_LENGTH) * (MAX_PAGE_SIZE + 1) * (1 + MAX_EDGES_PER_NODE),
};

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

export const objectCountEstimator: ComplexityEstimator = ({ type, field, node, args: given, childComplexity }) => {
  // Introspection is priced by Armor's other limits, not by size: Sandbox must always load.
  if (field.name.startsWith('__') || isLeafType(getNamedType(field.type))) return 0;
  const args = sizedArguments(field, given);
  const walk = GRAPH_WALKS[`${type.name}.${field.name}`];
  if (walk) return walk(args) + objectsOf(type, field, node, args, childComplexity);
  return objectsOf(type, field, node, args, childComplexity);
};

/** The most objects a field returns. */
function objectsOf(
  type: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  args: Record<string, unknown>,
  childComplexity: number,
): number {
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
}

/**
 * The variables the operation declares and the request gives; the others take their defaults
 * (a declared variable left out must not reach the estimator as `undefined`, which no default replaces).
 */
function givenVariables(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined) {
  return Object.fromEntries(
    (operation?.variableDefinitions ?? [])
      .map((definition) => definition.variable.name.value)
      .filter((name) => variables !== undefined && Object.hasOwn(variables, name))
      .map((name) => [name, variables![name]]),
  );
}

/**
 * Fields the estimator may visit, fragments expanded. Every example expands to fewer than 300;
 * only fragments spreading fragments over and over reach it, and are refused. Kept low because
 * the estimator's time before it gives up is work a flood of such documents would cause.
 */
export const MAX_PRICED_FIELDS = 2_000;

const NODE_LIMIT_MESSAGE = 'Query exceeds the maximum allowed number of nodes.';

function unpriceable(reason: string): GraphQLError {
  return new GraphQLError(
    `The query's cost cannot be estimated (${reason}), so it is refused. ` +
      'Spread each fragment fewer times, or send the selections themselves.',
    { extensions: { code: ErrorCode.QUERY_COST_UNKNOWN, http: { status: 400 } } },
  );
}

const cacheKey = (source: string, operationName: string | undefined, variables: Record<string, unknown>) =>
  createHash('sha256').update(source).update('\0').update(operationName ?? '').update('\0').update(JSON.stringify(variables)).digest('base64');

export function costLimitPlugin(maxCost: number, cacheEntries = 10_000): ApolloServerPlugin<RequestContext> {
  // Costs, or why a document cannot be priced: a flood of it is refused at once.
  const costs = new LRUCache<string, number | { unpriceable: string }>({ max: cacheEntries });
  const price = (document: DocumentNode, schema: GraphQLSchema, variables: Record<string, unknown>, operationName: string | undefined) => {
    try {
      const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [objectCountEstimator], maxQueryNodes: MAX_PRICED_FIELDS });
      return Number.isFinite(cost) ? cost : { unpriceable: 'no finite cost' };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return {
        unpriceable: error.message === NODE_LIMIT_MESSAGE ? `its fragments expand to more than ${MAX_PRICED_FIELDS} fields` : error.message.replace(/\.$/, ''),
      };
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source, document, schema, operation, contextValue }) {
          const variables = givenVariables(operation, request.variables);
          // Bad variables: execution refuses them with its own clear error before any resolver runs.
          if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          const key = cacheKey(source, request.operationName, variables);
          let cost = costs.get(key);
          if (cost === undefined) {
            const started = performance.now();
            cost = price(document, schema, variables, request.operationName ?? undefined);
            // Pricing is work the client caused, charged like parsing (src/api/fairness.ts).
            contextValue.pricingMs = performance.now() - started;
            costs.set(key, cost);
          }
          if (typeof cost !== 'number') throw unpriceable(cost.unpriceable);
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}: it could return that many objects. ` +
                'Ask for smaller pages (first, limit, maxLength, depth) or fewer nested lists.',
              { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } } },
            );
          }
          // Read by the fairness plugin (src/api/fairness.ts) to charge the client's budget up front.
          contextValue.cost = cost;
        },
      };
    },
  };
}
