/**
 * Typed API errors and the mapping of everything else to codes clients can act on:
 * BAD_USER_INPUT names the argument, SERVICE_UNAVAILABLE means the database is down,
 * and nothing internal (stack traces, Cypher) leaves the server in production.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export const ErrorCode = {
  BAD_USER_INPUT: ApolloServerErrorCode.BAD_USER_INPUT,
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
} as const;

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

/** Apollo's `formatError`: stable codes, no internals in production. */
export function createErrorFormatter(options: { exposeDetails: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const databaseCode = databaseErrorCode(original);
    if (databaseCode && databaseCode !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...formatted, message: DATABASE_MESSAGES[databaseCode]!, extensions: { code: databaseCode } };
    }
    const code = formatted.extensions?.code;
    if (databaseCode || code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      if (options.exposeDetails) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    if (!options.exposeDetails && formatted.extensions && 'stacktrace' in formatted.extensions) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };
}
