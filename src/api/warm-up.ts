/**
 * Warm-up: right after start, every persisted document (every `examples/` operation by default)
 * runs once through Apollo's own pipeline, so Neo4j has planned its queries and Apollo has parsed,
 * validated and priced it before a client asks: a dashboard's first load after a restart is as
 * fast as its tenth. Planning a large query can take longer than the production query timeout on a
 * busy machine, and a query killed while planning leaves no plan behind, so warm-up queries get a
 * long timeout of their own. They run in-process, so no client's budget is charged.
 *
 * Variables are the operations' defaults (what a dashboard sends first), except ids the graph does
 * not hold: those, and ids without a default, are replaced by ids from the graph, so nested levels
 * run too. An empty graph or a failed operation is logged and start-up carries on.
 */
import type { ApolloServer } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  Kind,
  parse,
  valueFromASTUntyped,
  visit,
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

/** Transaction timeout of warm-up queries: long enough to plan the largest query on a loaded machine. */
export const WARM_UP_QUERY_TIMEOUT_MS = 120_000;
/** Requests that arrive during warm-up wait for it at most this long, then run cold. */
const MAX_HOLD_MS = 60_000;
/** Entities sampled: one per id variable of the operation with the most (a path has two). */
const SAMPLED_ENTITIES = 4;
/** What an id variable gets when the graph has no entity at all: the query is planned all the same. */
const NO_ENTITY = 'no-such-entity';

export interface WarmUpReport {
  /** Each operation's run, in order; `ms` is what its first request would have cost a client. */
  operations: { name: string; ms: number; error?: string }[];
  ms: number;
}

export interface WarmUp {
  /** Resolves once every operation has run once, or warm-up gave up; never rejects. */
  done: Promise<WarmUpReport>;
  isDone(): boolean;
  /** Holds GraphQL requests until warm-up is done, at most MAX_HOLD_MS. */
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
}

function operationsOf(documents: Iterable<string>): Operation[] {
  return [...new Set(documents)].flatMap((document) =>
    parse(document).definitions.flatMap((definition, index) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query'
        ? [{ name: definition.name?.value ?? `anonymous operation ${index + 1}`, document, definition }]
        : [],
    ),
  );
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isIdVariable = (definition: VariableDefinitionNode) => definition.type.kind !== Kind.LIST_TYPE && namedType(definition.type) === 'ID';

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
function variablesFor({ definition }: Operation, samples: GraphSamples): Record<string, unknown> {
  const articles = articleVariables(definition);
  const entities = samples.entities.map((entity) => entity.id);
  let nextEntity = 0;
  const sampleId = (name: string) => (articles.has(name) && samples.articleId) || entities[nextEntity++ % entities.length] || NO_ENTITY;
  const variables: Record<string, unknown> = {};
  for (const variable of definition.variableDefinitions ?? []) {
    const name = variable.variable.name.value;
    const value = variable.defaultValue ? valueFromASTUntyped(variable.defaultValue) : undefined;
    if (isIdVariable(variable)) {
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

async function run(settings: WarmUpSettings, isCancelled: () => boolean): Promise<WarmUpReport> {
  const { apollo, driver, database, log } = settings;
  const started = performance.now();
  const report: WarmUpReport = { operations: [], ms: 0 };
  const operations = operationsOf(settings.documents);
  let samples: GraphSamples;
  try {
    samples = await graphSamples(new GraphReader(driver, database, WARM_UP_QUERY_TIMEOUT_MS), defaultIds(operations), SAMPLED_ENTITIES);
  } catch (error) {
    log.warn({ reason: (error as Error).message }, 'Warm-up skipped: the graph database does not answer');
    return { ...report, ms: performance.now() - started };
  }
  if (samples.entities.length === 0) log.info('Warm-up on an empty graph: queries are planned, nested levels are not reached');

  for (const operation of operations) {
    if (isCancelled()) break;
    const operationStarted = performance.now();
    const contextValue = createRequestContext({ driver, database, queryTimeoutMs: WARM_UP_QUERY_TIMEOUT_MS });
    let error: { message: string; code?: unknown } | undefined;
    try {
      const response = await apollo.executeOperation(
        { query: operation.document, operationName: operation.definition.name?.value, variables: variablesFor(operation, samples) },
        { contextValue },
      );
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      if (errors?.[0]) error = { message: errors[0].message, code: errors[0].extensions?.code };
    } catch (thrown) {
      error = { message: (thrown as Error).message };
    } finally {
      await contextValue.reader.close();
    }
    const ms = performance.now() - operationStarted;
    report.operations.push({ name: operation.name, ms, ...(error ? { error: error.message } : {}) });
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

/** Starts warming up in the background; the server answers meanwhile (see `holdRequests`). */
export function startWarmUp(settings: WarmUpSettings): WarmUp {
  let finished = false;
  let cancelled = false;
  const done = run(settings, () => cancelled)
    .catch((error: Error): WarmUpReport => {
      settings.log.warn({ reason: error.message }, 'Warm-up failed');
      return { operations: [], ms: 0 };
    })
    .finally(() => (finished = true));
  return {
    done,
    isDone: () => finished,
    holdRequests: (_request, _response, next) => {
      if (finished) return next();
      let timer: NodeJS.Timeout | undefined;
      const held = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_HOLD_MS)));
      void Promise.race([done, held]).then(() => {
        clearTimeout(timer);
        next();
      });
    },
    cancel: () => (cancelled = true),
  };
}
