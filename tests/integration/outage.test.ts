import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.ts';
import { startHttpServer, type RunningServer } from '../../src/server/http.ts';
import { seedTestDatabase, testConfig, testLogger } from './helpers.ts';

// This file stops and restarts a Neo4j of its own, so the shared one stays up for the others.
const PASSWORD = 'outage-test-password';
const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-outage-'));
let neo4j: LocalNeo4j;
let port: number;
let database: Database;
let server: RunningServer;
let baseUrl: string;

const startNeo4j = (onPort = 0) => startLocalNeo4j({ home, password: PASSWORD, port: onPort, startTimeoutMs: 120_000, log: testLogger() });

async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await action();
  return { value, ms: Date.now() - started };
}

async function askForKazakhstan() {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entity(id: "kazakhstan") { name } }' }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

beforeAll(async () => {
  neo4j = await startNeo4j();
  port = Number(new URL(neo4j.uri).port);
  // No response cache: it would answer the repeated query from memory, and this is about the database's path.
  const config = testConfig({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: PASSWORD, NODE_ENV: 'production', RESPONSE_CACHE_MAX_BYTES: '0' });
  database = await openDatabase(config.neo4j, testLogger());
  await seedTestDatabase(database);
  server = await startHttpServer(config, database, testLogger());
  baseUrl = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.stop();
  await database.close();
  await neo4j.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('a database outage', () => {
  it('is reported quickly while Neo4j is down, and the API recovers by itself when it is back', async () => {
    expect((await askForKazakhstan()).data).toEqual({ entity: { name: 'Kazakhstan' } });

    await neo4j.stop();

    const health = await timed(() => fetch(`${baseUrl}/health`));
    expect(health.value.status).toBe(503);
    expect(await health.value.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    expect(health.ms).toBeLessThan(5_000);

    const query = await timed(askForKazakhstan);
    expect(query.value.errors?.[0]).toMatchObject({
      message: 'The graph database is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(query.value)).not.toMatch(/Neo4jError|at .*\.js/);
    expect(query.ms).toBeLessThan(5_000);

    neo4j = await startNeo4j(port);

    let recovered = false;
    for (let attempt = 0; attempt < 60 && !recovered; attempt += 1) {
      recovered = (await fetch(`${baseUrl}/health`)).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(true);
    expect((await askForKazakhstan()).data).toEqual({ entity: { name: 'Kazakhstan' } });
  });
});
