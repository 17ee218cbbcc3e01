/**
 * The one registry of error codes the API answers with, and the mapping of everything else to
 * them: BAD_USER_INPUT names the argument, SERVICE_UNAVAILABLE means the database is down or
 * frozen, and nothing internal (messages, addresses, paths, stack traces, Cypher) leaves the
 * server unless GRAPHQL_DEBUG=true.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export const ErrorCode = {
  // Apollo's own, for requests it cannot parse, validate or accept.
  BAD_REQUEST: ApolloServerErrorCode.BAD_REQUEST,
  GRAPHQL_PARSE_FAILED: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  PERSISTED_QUERY_NOT_FOUND: ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  OPERATION_RESOLUTION_FAILURE: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  BAD_USER_INPUT: ApolloServerErrorCode.BAD_USER_INPUT,
  // Ours.
  READ_ONLY: 'READ_ONLY',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  QUERY_COST_UNKNOWN: 'QUERY_COST_UNKNOWN',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVER_BUSY: 'SERVER_BUSY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  PERSISTED_DOCUMENT_NOT_FOUND: 'PERSISTED_DOCUMENT_NOT_FOUND',
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  INTERNAL_SERVER_ERROR: ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A bad argument value: the message names the argument. */
export function badInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${problem}.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: argument },
  });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Classifies a database error; null when it is not one. */
export function databaseErrorCode(error: unknown): string | null {
  if (!(error instanceof Neo4jError)) return null;
  if (UNAVAILABLE_CODES.has(error.code) || error.message.includes('Connection acquisition timed out')) {
    return ErrorCode.SERVICE_UNAVAILABLE;
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || error.code.includes('TransactionTimedOut')) {
    return ErrorCode.QUERY_TIMEOUT;
  }
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

const DATABASE_MESSAGES: Record<string, string> = {
  [ErrorCode.SERVICE_UNAVAILABLE]: 'The graph database is unavailable; try again shortly.',
  [ErrorCode.QUERY_TIMEOUT]: 'The query took too long and was stopped; ask for less (smaller pages, less depth).',
};

/** Apollo's terse messages for client mistakes, said so that a client can act on them. */
const CLEARER_MESSAGES: Record<string, string> = {
  'provided sha does not match query':
    'The persisted query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of the query sent with it.',
  'Too many validation errors, error limit reached. Validation aborted.':
    'The query has more than 100 validation errors; validation stopped after the first 100, listed above.',
};

/** The body of an error answered outside GraphQL execution (HTTP limits, deadlines, start-up). */
export function errorBody(code: ErrorCodeName, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * Apollo's `formatError`: every error leaves with a code from the registry above. Errors without
 * a code that Apollo answered with a 4xx are the client's (BAD_REQUEST); the rest are internal.
 */
export function createErrorFormatter(options: { debug: boolean; hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const databaseCode = databaseErrorCode(original);
    if (databaseCode && databaseCode !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { message: DATABASE_MESSAGES[databaseCode]!, locations: formatted.locations, path: formatted.path, extensions: { code: databaseCode } };
    }
    // Apollo's formatted error says INTERNAL_SERVER_ERROR for any error without a code; look at the original.
    let code = original instanceof GraphQLError ? original.extensions.code : undefined;
    const status = original instanceof GraphQLError ? (original.extensions.http as { status?: number } | undefined)?.status : undefined;
    if (code === undefined && status !== undefined && status >= 400 && status < 500) code = ErrorCode.BAD_REQUEST;
    if (databaseCode || code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
      if (options.debug) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    let message = CLEARER_MESSAGES[formatted.message] ?? formatted.message;
    // Suggestions ("Did you mean the enum value …", "… an inline fragment on …") reveal the schema.
    if (options.hideSuggestions) message = message.replace(/ ?Did you mean .+\?$/s, '');
    return { ...formatted, message, extensions: { ...formatted.extensions, code } };
  };
}
