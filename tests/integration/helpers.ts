/** Shared test plumbing: configuration pointing at the test Neo4j, the fixture folder loaded, a running server. */
import { request as httpRequest } from 'node:http';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config/env.ts';
import { createLogger } from '../../src/config/logger.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { startHttpServer, type RunningServer } from '../../src/server/http.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
  const neo4j = inject('neo4j');
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    // Every test sends from 127.0.0.1, so the per-client budget is lifted except where a test sets it.
    RATE_LIMIT_COST: '1000000000',
    // Tests check answers, not speed (the benchmarks do): a cold query on a generated graph may
    // take more than the production 5 s on a busy 2-core machine. Timeout tests set their own.
    NEO4J_QUERY_TIMEOUT_MS: '30000',
    ...overrides,
  });
}

export const testLogger = () => createLogger({ logLevel: 'warn', nodeEnv: 'production' });

export async function openTestDatabase(config = testConfig()): Promise<Database> {
  return openDatabase(config.neo4j, testLogger());
}

export async function seedTestDatabase(database: Database, folder = FIXTURE_DIR): Promise<void> {
  const { articles, background } = await validateFiles(await listAnnotationFiles(folder));
  await loadArticles(database.driver, database.name, articles, { background });
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  server: RunningServer;
  database: Database;
  baseUrl: string;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Starts the real HTTP server on a free port against the test database, with `folder` loaded. */
export async function startTestServer(overrides: Record<string, string> = {}, folder = FIXTURE_DIR): Promise<TestServer> {
  const config = testConfig(overrides);
  const database = await openTestDatabase(config);
  await seedTestDatabase(database, folder);
  const server = await startHttpServer(config, database, testLogger());
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    server,
    database,
    baseUrl,
    async graphql(query, variables) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await server.stop();
      await database.close();
    },
  };
}

export interface AddressedAnswer {
  status: number;
  headers: Headers;
  json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** A POST to /graphql from a given loopback address (Linux answers all of 127.0.0.0/8): budgets and connection caps are per address. */
export function postFrom(port: number, body: unknown, localAddress = '127.0.0.1'): Promise<AddressedAnswer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve({ status: response.statusCode!, headers, json: JSON.parse(text) as AddressedAnswer['json'] });
        });
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}
