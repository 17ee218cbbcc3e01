import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { startHttpServer } from '../../src/server/http.ts';
import { openTestDatabase, seedTestDatabase, testConfig, testLogger } from './helpers.ts';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedTestDatabase(database);
});

afterAll(async () => {
  await database.close();
});

describe('graceful shutdown', () => {
  it('finishes every accepted request, refuses new ones, then stops', async () => {
    // Each accepted request may take until its own deadline: on a loaded machine 40 walks at once
    // take tens of seconds, so the deadline here is generous, and the drain waits for it.
    const server = await startHttpServer(testConfig({ NEO4J_QUERY_TIMEOUT_MS: '240000' }), database, testLogger());
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const ask = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Below EXPENSIVE_COST, so the 40 run side by side rather than one at a time.
        body: JSON.stringify({ query: '{ neighborhood(id: "kazakhstan", depth: 2, limit: 40) { nodes { id mentions { text } } } }' }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { errors?: unknown } }));

    // Warm the driver's connection pool: on a loaded machine a new connection can take longer
    // than the driver's 2-second acquisition timeout, which is not what this test is about.
    await Promise.allSettled(Array.from({ length: 40 }, ask));

    // Accepted means the server has the request; stop once all 40 are in.
    let received = 0;
    server.httpServer.on('request', () => (received += 1));
    const inFlight = Array.from({ length: 40 }, ask);
    while (received < 40) await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = server.stop();
    const answers = await Promise.all(inFlight);
    await stopped;

    expect(answers.filter((answer) => answer.status !== 200 || answer.body.errors !== undefined).map((answer) => JSON.stringify(answer.body.errors))).toEqual([]);
    await expect(ask()).rejects.toThrow();
  }, 600_000);
});
