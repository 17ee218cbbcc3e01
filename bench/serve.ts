/**
 * The benchmark's server process: our API, the raw floor and @neo4j/graphql on loopback, each
 * with its own query-counting view of one shared driver. Apart from the process that generates
 * load, so that autocannon does not compete with the servers for one event loop.
 *
 * Our API serves the benchmark's documents as its persisted documents, so it warms them up at
 * start as a deployment warms its dashboard's (`src/api/warm-up.ts`). Once all three servers are
 * up, it times the first request of every operation on each (the cold start), then sends every
 * operation to every server again, to check that all answer without errors and to count the
 * database round trips of one (warm) request. Prints one line `BENCH_READY {...}` and stops when
 * its standard input closes.
 *
 * Input (environment): BENCH_CONNECTION = {uri, username, password, name}, BENCH_PARAMETERS.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config/env.ts';
import { createLogger } from '../src/config/logger.ts';
import { createDriver } from '../src/db/driver.ts';
import { startHttpServer } from '../src/server/http.ts';
import { benchRequest, OPERATIONS, summarize, type BenchParameters } from './operations.ts';
import { countingDriver } from './probe.ts';
import { READY_PREFIX, SERVERS, type ColdStart, type ServerCheck, type ServerName, type ServersReady } from './report.ts';
import { startNeo4jGraphqlServer } from './servers/neo4j-graphql.ts';
import { startRawServer } from './servers/raw.ts';

const connection = JSON.parse(process.env.BENCH_CONNECTION ?? '{}') as { uri: string; username: string; password: string; name: string };
const parameters = JSON.parse(process.env.BENCH_PARAMETERS ?? '{}') as BenchParameters;

/** Our documents as a persisted-documents manifest, as `npm run codegen` writes one for `examples/`. */
const manifestDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-documents-'));
const manifestFile = path.join(manifestDir, 'persisted-documents.json');
writeFileSync(
  manifestFile,
  JSON.stringify(Object.fromEntries(OPERATIONS.map(({ ours }) => [`sha256:${createHash('sha256').update(ours.query).digest('hex')}`, ours.query]))),
);

const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  NEO4J_URI: connection.uri,
  NEO4J_USERNAME: connection.username,
  NEO4J_PASSWORD: connection.password,
  NEO4J_DATABASE: connection.name,
  // One client drives every operation flat out: no per-client budget, no queue for expensive ones.
  RATE_LIMIT_COST: '1000000000000',
  MAX_EXPENSIVE_OPERATIONS: '64',
  // The query engine is measured here; the response cache would answer repeated requests (bench:polling).
  RESPONSE_CACHE_MAX_BYTES: '0',
  PERSISTED_DOCUMENTS_FILE: manifestFile,
});
const driver = createDriver({ ...connection, database: connection.name });
const counted = { ours: countingDriver(driver), raw: countingDriver(driver), neo4jGraphql: countingDriver(driver) };

const ours = await startHttpServer(
  config,
  { driver: counted.ours.driver, name: connection.name, bookmarks: neo4j.bookmarkManager(), close: async () => {} },
  createLogger(config),
);
const raw = await startRawServer(counted.raw.driver, connection.name, OPERATIONS);
const neo4jGraphql = await startNeo4jGraphqlServer(counted.neo4jGraphql.driver, connection.name);
// Ours reports "localhost", which may resolve to ::1 first; it listens on 127.0.0.1.
const urls: Record<ServerName, string> = { ours: ours.url.replace('//localhost:', '//127.0.0.1:'), raw: raw.url, neo4jGraphql: neo4jGraphql.url };

/** The operation name of a document: what the warm-up report calls it. */
const operationName = (query: string) => /^\s*query\s+(\w+)/.exec(query)?.[1];

/**
 * Times the first request of every operation on every server; ours has warmed up, the others have
 * not. A failed first request (a timeout) is timed too, and listed.
 */
async function firstRequests(): Promise<{ cold: Record<string, ColdStart>; coldFailures: string[] }> {
  const warmUp = await ours.warmUp;
  const cold: Record<string, ColdStart> = {};
  const coldFailures: string[] = [];
  for (const operation of OPERATIONS) {
    const warmed = warmUp.operations.find((run) => run.name === operationName(operation.ours.query) && !run.error);
    const firstMs = {} as Record<ServerName, number>;
    for (const server of SERVERS) {
      const { url, body } = benchRequest(server, operation, parameters, urls[server]);
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as Parameters<typeof summarize>[2];
      firstMs[server] = performance.now() - started;
      try {
        summarize(server, operation, answer);
      } catch (error) {
        coldFailures.push((error as Error).message);
      }
    }
    cold[operation.name] = { ...firstMs, oursWithoutWarmUp: warmed?.ms ?? null };
  }
  return { cold, coldFailures };
}

/** Sends every operation once to every server; counts what each request cost in queries. */
async function checkAll(): Promise<ServerCheck[]> {
  const checks: ServerCheck[] = [];
  for (const operation of OPERATIONS) {
    const check: ServerCheck = { operation: operation.name, roundTrips: { ours: 0, raw: 0, neo4jGraphql: 0 }, summaries: { ours: '', raw: '', neo4jGraphql: '' } };
    for (const server of SERVERS) {
      const { url, body } = benchRequest(server, operation, parameters, urls[server]);
      counted[server].counter.queries = 0;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      check.summaries[server] = summarize(server, operation, (await response.json()) as Parameters<typeof summarize>[2]);
      check.roundTrips[server] = counted[server].counter.queries;
    }
    checks.push(check);
  }
  return checks;
}

// The first requests also pay one-off queries (@neo4j/graphql checks the database version once).
const { cold, coldFailures } = await firstRequests();
const checks = await checkAll();
const warmUp = await ours.warmUp;
console.log(`${READY_PREFIX}${JSON.stringify({ urls, checks, cold, coldFailures, warmUp } satisfies ServersReady)}`);

process.stdin.resume();
process.stdin.on('end', async () => {
  await Promise.all([ours.stop(), raw.close(), neo4jGraphql.close()]);
  await driver.close();
  rmSync(manifestDir, { recursive: true, force: true });
  process.exit(0);
});
