/**
 * One driver per process, with timeouts short enough that an outage becomes an error within
 * about two seconds instead of the driver's default 30-second retries.
 */
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export class DatabaseConnectionError extends Error {
  override name = 'DatabaseConnectionError';
}

export function createDriver(settings: DriverSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 2_000,
    maxTransactionRetryTime: 1_000,
    disableLosslessIntegers: true,
    userAgent: 'news-knowledge-graph',
  });
}

/** Why the database cannot be used, in one line a person can act on. */
export function describeConnectionFailure(error: unknown, settings: DriverSettings): string {
  const code = error instanceof Neo4jError ? error.code : '';
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `Neo4j at ${settings.uri} rejected the username or password (NEO4J_USERNAME="${settings.username}", NEO4J_PASSWORD).`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${settings.uri} has no database "${settings.database}" (NEO4J_DATABASE).`;
  }
  return `Cannot reach Neo4j at ${settings.uri} (NEO4J_URI): ${detail}`;
}

/** Fails fast, with a clear message, when the server is unreachable or refuses the credentials. */
export async function verifyDriver(driver: Driver, settings: DriverSettings): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: settings.database });
    await driver.executeQuery('RETURN 1', {}, { database: settings.database, routing: neo4j.routing.READ });
  } catch (error) {
    throw new DatabaseConnectionError(describeConnectionFailure(error, settings), { cause: error });
  }
}
