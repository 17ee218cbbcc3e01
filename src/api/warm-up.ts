/**
 * Warm-up: right after start, every persisted document (every `examples/` operation by default)
 * runs once through Apollo's own pipeline, so Neo4j has planned its queries and Apollo has parsed,
 * validated and priced it before a client asks: a dashboard's first load after a restart is as
 * fast as its tenth. Planning a large query can take longer than the production query timeout on a
 * busy machine, and a query killed while planning leaves no plan behind, so warm-up queries get a
 * long timeout of their own. They run in-process, so no client's budget is charged.
 *
 * The server answers meanwhile: `/health` says `warm: false`, and a request for a document that
 * has not run yet waits for it (it is moved to the front), rather than planning it a second time
 * under the short production timeout; other requests are not held.
 *
 * Variables are the operations' defaults (what a dashboard sends first), except ids the graph does
 * not hold: those, and ids without a default, are replaced by ids from the graph, so nested levels
 * run too. An operation with optional id filters (`claims(speakerId:)`) runs a second time without
 * them, since a filter left out is another query. An empty graph or a failed operation is logged
 * and start-up carries on.
 */
import type { ApolloServer } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import {
  buildSchema,
  isNonNullType,
  Kind,
  parse,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../config/logger.ts';
import { GraphReader } from '../graph/reader.ts';
import { graphSamples, type GraphSamples } from '../graph/samples.ts';
import type { ApiContext } from './apollo.ts';
import { createRequestContext } from './context.ts';
import { ErrorCode } from './errors.ts';
import { loadTypeDefs } from './schema.ts';

/** Transaction timeout of warm-up queries: long enough to plan the largest query on a loaded machine. */
const WARM_UP_QUERY_TIMEOUT_MS = 120_000;
/** Entities sampled: one per id variable of the operation with the most (a path has two). */
const SAMPLED_ENTITIES = 4;
/** What an id variable gets when the graph has no entity at all: the query is planned all the same. */
const NO_ENTITY = 'no-such-entity';

export interface WarmUpReport {
  /** Each run of an operation, in order; `ms` is what its first request would have cost a client. */
  operations: { name: string; variables: Record<string, unknown>; ms: number; error?: string }[];
  ms: number;
}

export interface WarmUp {
  /** Resolves once every operation has run once, or warm-up gave up; never rejects. */
  done: Promise<WarmUpReport>;
  isDone(): boolean;
  /** Holds a GraphQL request for a document that has not run yet until it has. */
  holdRequests: RequestHandler;
  /** Runs no further operation (at shutdown). */
  cancel(): void;
}

export interface WarmUpSettings {
  apollo: ApolloServer<ApiContext>;
  /** The documents to run: every operation of each. */
  documents: Iterable<string>;
  driver: Driver;
  database: string;
  log: Logger;
}

interface Operation {
  name: string;
  document: string;
  definition: OperationDefinitionNode;
  /** Optional id variables left null in this run. */
  idFilters: Set<string>;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isIdVariable = (definition: VariableDefinitionNode) => definition.type.kind !== Kind.LIST_TYPE && namedType(definition.type) === 'ID';

/** Variables passed to an argument that may not be null: they cannot be left out. */
function requiredVariables(schema: GraphQLSchema, definition: OperationDefinitionNode): Set<string> {
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    definition,
    visitWithTypeInfo(typeInfo, {
      Argument(argument) {
        if (argument.value.kind === Kind.VARIABLE && isNonNullType(typeInfo.getInputType())) names.add(argument.value.name.value);
      },
    }),
  );
  return names;
}

/** Optional id variables that only filter: null is a valid value for each of their uses. */
const idFilters = (schema: GraphQLSchema, definition: OperationDefinitionNode) => {
  const required = requiredVariables(schema, definition);
  return (definition.variableDefinitions ?? []).filter(
    (variable) => isIdVariable(variable) && variable.type.kind !== Kind.NON_NULL_TYPE && !required.has(variable.variable.name.value),
  );
};

function operationsOf(documents: Iterable<string>): Operation[] {
  const schema = buildSchema(loadTypeDefs());
  return [...new Set(documents)].flatMap((document) =>
    parse(document).definitions.flatMap((definition, index) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') return [];
      const operation = { name: definition.name?.value ?? `anonymous operation ${index + 1}`, document, definition, idFilters: new Set<string>() };
      const filters = idFilters(schema, definition).map((variable) => variable.variable.name.value);
      return filters.length > 0 ? [operation, { ...operation, idFilters: new Set(filters) }] : [operation];
    }),
  );
}

/** Variables passed to `article(id:)`: they need an article's id rather than an entity's. */
function articleVariables(definition: OperationDefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(definition, {
    Field(field) {
      if (field.name.value !== 'article') return;
      for (const argument of field.arguments ?? []) {
        if (argument.name.value === 'id' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
      }
    },
  });
  return names;
}

/** Ids among the operations' default values, to ask the graph which exist. */
const defaultIds = (operations: Operation[]) =>
  operations.flatMap(({ definition }) =>
    (definition.variableDefinitions ?? []).flatMap((variable) => {
      const value = variable.defaultValue && isIdVariable(variable) ? valueFromASTUntyped(variable.defaultValue) : undefined;
      return typeof value === 'string' ? [value] : [];
    }),
  );

/** A representative value for each variable the operation needs; see the module comment. */
function variablesFor({ definition, idFilters: nullIds }: Operation, samples: GraphSamples): Record<string, unknown> {
  const articles = articleVariables(definition);
  const entities = samples.entities.map((entity) => entity.id);
  let nextEntity = 0;
  const sampleId = (name: string) => (articles.has(name) && samples.articleId) || entities[nextEntity++ % entities.length] || NO_ENTITY;
  const variables: Record<string, unknown> = {};
  for (const variable of definition.variableDefinitions ?? []) {
    const name = variable.variable.name.value;
    const value = variable.defaultValue ? valueFromASTUntyped(variable.defaultValue) : undefined;
    if (nullIds.has(name)) {
      variables[name] = null;
    } else if (isIdVariable(variable)) {
      variables[name] = typeof value === 'string' && samples.existingIds.has(value) ? value : sampleId(name);
    } else if (value !== undefined) {
      variables[name] = value;
    } else if (variable.type.kind === Kind.NON_NULL_TYPE) {
      const type = variable.type.type;
      if (type.kind === Kind.LIST_TYPE) variables[name] = [];
      else if (type.name.value === 'String') variables[name] = samples.entities[0]?.name ?? 'a';
      else if (type.name.value === 'Int' || type.name.value === 'Float') variables[name] = 1;
      else if (type.name.value === 'Boolean') variables[name] = false;
      // Required enums and input objects: the operation reports the missing value, and is logged.
    }
  }
  return variables;
}

/** Runs one operation with a context of its own; returns its error, if any. */
async function runOperation(settings: WarmUpSettings, operation: Operation, variables: Record<string, unknown>) {
  const contextValue = createRequestContext({ driver: settings.driver, database: settings.database, queryTimeoutMs: WARM_UP_QUERY_TIMEOUT_MS });
  try {
    const response = await settings.apollo.executeOperation(
      { query: operation.document, operationName: operation.definition.name?.value, variables },
      { contextValue },
    );
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    return errors?.[0] ? { message: errors[0].message, code: errors[0].extensions?.code } : undefined;
  } catch (thrown) {
    return { message: (thrown as Error).message, code: undefined };
  } finally {
    await contextValue.reader.close();
  }
}

/** The query text of a GraphQL request, after persisted documents have put it in place. */
function requestedDocument(request: Request): unknown {
  return request.method === 'GET' ? new URL(request.url, 'http://api').searchParams.get('query') : (request.body as { query?: unknown } | undefined)?.query;
}

/**
 * Starts warming up in the background. A request for a document still waiting its turn moves it
 * to the front and waits for it alone, so a dashboard's first load waits for its own operations.
 */
export function startWarmUp(settings: WarmUpSettings): WarmUp {
  const { driver, database, log } = settings;
  let finished = false;
  let cancelled = false;
  let queue: Operation[] = [];
  /** Settles once every operation of a document has run (or warm-up has ended). */
  const warmed = new Map<string, { promise: Promise<void>; resolve: () => void }>();

  async function run(): Promise<WarmUpReport> {
    const started = performance.now();
    const report: WarmUpReport = { operations: [], ms: 0 };
    queue = operationsOf(settings.documents);
    for (const { document } of queue) {
      if (warmed.has(document)) continue;
      let resolve!: () => void;
      const promise = new Promise<void>((settle) => (resolve = settle));
      warmed.set(document, { promise, resolve });
    }
    let samples: GraphSamples;
    try {
      samples = await graphSamples(new GraphReader(driver, database, WARM_UP_QUERY_TIMEOUT_MS), defaultIds(queue), SAMPLED_ENTITIES);
    } catch (error) {
      // A busy database may miss one answer: run the operations with their defaults all the same.
      log.warn({ reason: (error as Error).message }, 'Warm-up without samples from the graph');
      samples = { existingIds: new Set(defaultIds(queue)), entities: [], articleId: null };
    }
    if (samples.entities.length === 0) log.info('Warm-up on an empty graph: queries are planned, nested levels are not reached');

    while (queue.length > 0 && !cancelled) {
      const operation = queue.shift()!;
      const operationStarted = performance.now();
      const variables = variablesFor(operation, samples);
      const error = await runOperation(settings, operation, variables);
      report.operations.push({ name: operation.name, variables, ms: performance.now() - operationStarted, ...(error ? { error: error.message } : {}) });
      if (!queue.some((next) => next.document === operation.document)) warmed.get(operation.document)?.resolve();
      if (error) log.warn({ operation: operation.name, reason: error.message }, 'Warm-up operation failed');
      if (error?.code === ErrorCode.SERVICE_UNAVAILABLE) {
        log.warn('Warm-up stopped: the graph database does not answer');
        break;
      }
    }
    report.ms = performance.now() - started;
    log.info(
      { operations: report.operations.length, failed: report.operations.filter((operation) => operation.error).length, ms: Math.round(report.ms) },
      'Warm-up done',
    );
    return report;
  }

  const done = run()
    .catch((error: Error): WarmUpReport => {
      log.warn({ reason: error.message }, 'Warm-up failed');
      return { operations: [], ms: 0 };
    })
    .finally(() => {
      finished = true;
      // Whatever did not run, requests for it run cold rather than wait.
      for (const { resolve } of warmed.values()) resolve();
    });
  return {
    done,
    isDone: () => finished,
    holdRequests: (request, _response, next) => {
      const document = requestedDocument(request);
      const waiting = typeof document === 'string' && !finished ? warmed.get(document) : undefined;
      if (!waiting) return next();
      queue = [...queue.filter((operation) => operation.document === document), ...queue.filter((operation) => operation.document !== document)];
      void waiting.promise.then(() => next());
    },
    cancel: () => (cancelled = true),
  };
}
