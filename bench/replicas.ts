/**
 * `npm run bench:replicas`: API processes behind haproxy sharing one Redis (`bench/replica-set.ts`),
 * on one local Neo4j holding the seed (`.data/bench-replicas`). Each run is bounded by time and
 * driven by autocannon through haproxy:
 * - throughput with one and with two API processes (the response cache off, so every request
 *   reaches an API process and Neo4j), from many clients (each request from one of 1,000 addresses);
 * - failed requests while one API process is killed (SIGKILL a third of the way in), and while
 *   Redis is stopped (a third of the way in, started again at two thirds);
 * - budget accuracy: one client sends a query of known cost flat out through both processes;
 *   what it got answered, in cost, against the configured budget.
 * Results go to `bench/results/replicas-<time>.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { objectCountEstimator } from '../src/api/cost-limit.ts';
import { loadTypeDefs } from '../src/api/schema.ts';
import { loadConfig } from '../src/config/env.ts';
import { createLogger } from '../src/config/logger.ts';
import { openDatabase } from '../src/db/database.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from '../src/seed/load.ts';
import { describeMachine, machine } from './machine.ts';
import { startReplicaSet, type ReplicaSet } from './replica-set.ts';

const options = new Command('bench:replicas')
  .description('Measure two API processes behind haproxy sharing Redis: throughput, failures while one dies or Redis stops, budget accuracy.')
  .option('--seconds <n>', 'length of each measured run (3 to 120)', '10')
  .option('--connections <n>', 'concurrent connections (1 to 64)', '8')
  .option('--data-dir <folder>', "the local Neo4j's folder", '.data/bench-replicas')
  .parse()
  .opts<{ seconds: string; connections: string; dataDir: string }>();
const seconds = Number(options.seconds);
const connections = Number(options.connections);
if (!Number.isInteger(seconds) || seconds < 3 || seconds > 120) throw new Error(`--seconds must be an integer from 3 to 120, not "${options.seconds}"`);
if (!Number.isInteger(connections) || connections < 1 || connections > 64) throw new Error(`--connections must be an integer from 1 to 64, not "${options.connections}"`);

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
/** The budget of every client during the runs (RATE_LIMIT_COST), in a window longer than any run. */
const BUDGET = 10_000;
const BUDGET_QUERY = '{ entities(first: 100) { edges { node { id name } } } }';
/** Dashboard-like reads of the seeded graph, each a different amount of work. */
const WORKLOAD = [
  '{ stats { dataVersion articles entities figures } }',
  '{ entity(id: "kazakhstan") { name aliases } }',
  '{ search(text: "kazakh", first: 10) { score entity { id name } } }',
  '{ entities(first: 20) { edges { node { id name } } } }',
];
const CLIENTS = 1_000;

interface Run {
  name: string;
  apiProcesses: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  answered: number;
  /** Not 2xx, connection errors and timeouts. */
  failed: number;
  statuses: Record<string, number>;
  /** 2xx answers per API process (haproxy's count). */
  answeredPerProcess: number[];
}

let client = 0;
/** Each request as one of CLIENTS addresses (haproxy forwards it; the API trusts loopback proxies). */
const manyClients = (body: string): autocannon.Request => ({
  method: 'POST',
  path: '/graphql',
  setupRequest: (request) => {
    client = (client + 1) % CLIENTS;
    return { ...request, headers: { ...request.headers, 'x-forwarded-for': `10.0.${client >> 8}.${client & 255}` } };
  },
  body,
});

/** One bounded autocannon run through haproxy; `during` starts with it (to schedule an interruption). */
async function drive(replicas: ReplicaSet, name: string, requests: autocannon.Request[] | undefined, single: { body: string; client: string } | undefined, during?: () => void): Promise<Run> {
  const before = await replicas.balancer.servers();
  during?.();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `${replicas.url}/graphql`,
        connections,
        duration: seconds,
        timeout: 10,
        headers: { 'content-type': 'application/json', ...(single ? { 'x-forwarded-for': single.client } : {}) },
        ...(single ? { method: 'POST', body: single.body } : { requests }),
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
  });
  const after = await replicas.balancer.servers();
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]));
  const answered = Object.entries(statuses).filter(([status]) => status.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
  const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    name,
    apiProcesses: after.filter((server) => server.up).length,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered,
    failed: total - answered + result.errors + result.timeouts,
    statuses,
    answeredPerProcess: after.map((server, index) => server.answered - before[index]!.answered),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const log = createLogger({ logLevel: 'warn', nodeEnv: 'production' });
// A shared machine can take minutes to start Neo4j.
const config = loadConfig({ NEO4J_DATA_DIR: options.dataDir, NODE_ENV: 'production', NEO4J_START_TIMEOUT_MS: '600000' });
const database = await openDatabase(config.neo4j, log);
const runs: Run[] = [];
let budget: { configured: number; queryCost: number; answered: number; answeredCost: number; ratio: number; answeredPerProcess: number[] } | undefined;
const loadAverages: Record<string, number[]> = {};
try {
  const { articles, background } = await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR));
  await loadArticles(database.driver, database.name, articles, { background });
  const replicas = await startReplicaSet({
    neo4j: { uri: database.local!.uri, username: 'neo4j', password: database.local!.password, database: database.name },
    apiProcesses: 2,
    redis: true,
    // Failures here are what matters, not a cold query's speed on a shared machine.
    environment: { RESPONSE_CACHE_MAX_BYTES: '0', RATE_LIMIT_COST: String(BUDGET), RATE_LIMIT_WINDOW_S: '3600', NEO4J_QUERY_TIMEOUT_MS: '30000' },
  });
  try {
    await replicas.waitForServersUp(2);
    console.log(`Machine: ${describeMachine(machine())}; load average before the runs ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
    // A GraphQL error is answered with 200 too: check every query answers without one first
    // (on each process: round robin), which also warms them.
    for (const query of [...WORKLOAD, BUDGET_QUERY]) {
      for (const _process of replicas.apis) {
        const answer = await fetch(`${replicas.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await answer.json()) as { errors?: unknown };
        if (answer.status !== 200 || body.errors) throw new Error(`${query} failed (${answer.status}): ${JSON.stringify(body)}`);
      }
    }
    const workload = WORKLOAD.map((query) => manyClients(JSON.stringify({ query })));
    const [first, second] = replicas.apis as [ReplicaSet['apis'][number], ReplicaSet['apis'][number]];

    // Warm both processes (connections, query plans), then measure with two and with one.
    await drive(replicas, 'warm-up', workload, undefined);
    runs.push(await drive(replicas, 'throughput, 2 API processes', workload, undefined));
    loadAverages.twoProcesses = os.loadavg();
    await second.stop();
    await replicas.waitForServersUp(1);
    runs.push(await drive(replicas, 'throughput, 1 API process', workload, undefined));
    loadAverages.oneProcess = os.loadavg();
    await second.start();
    await replicas.waitForServersUp(2);

    runs.push(
      await drive(replicas, 'one API process killed a third of the way in', workload, undefined, () => {
        setTimeout(() => void first.stop('SIGKILL'), (seconds * 1000) / 3);
      }),
    );
    await first.start();
    await replicas.waitForServersUp(2);

    runs.push(
      await drive(replicas, 'Redis stopped from a third to two thirds of the way', workload, undefined, () => {
        setTimeout(() => void replicas.redis!.stop('SIGKILL'), (seconds * 1000) / 3);
        setTimeout(() => void replicas.redis!.start(), (seconds * 2000) / 3);
      }),
    );
    // Budgets are shared again once both processes have reconnected (they retry every second).
    await sleep(3_000);

    const queryCost = getComplexity({ schema: buildSchema(loadTypeDefs()), query: parse(BUDGET_QUERY), variables: {}, estimators: [objectCountEstimator] });
    const flat = await drive(replicas, 'one client flat out against its budget', undefined, { body: JSON.stringify({ query: BUDGET_QUERY }), client: '192.0.2.10' });
    runs.push(flat);
    budget = {
      configured: BUDGET,
      queryCost,
      answered: flat.answered,
      answeredCost: flat.answered * queryCost,
      ratio: (flat.answered * queryCost) / BUDGET,
      answeredPerProcess: flat.answeredPerProcess,
    };
  } finally {
    await replicas.close();
  }
} finally {
  await database.close();
}

const table = [
  '| run | API processes up at the end | requests/s | p50 ms | p99 ms | answered (per process) | failed |',
  '|---|---|---|---|---|---|---|',
  ...runs.map((run) => `| ${run.name} | ${run.apiProcesses} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.answered} (${run.answeredPerProcess.join(' + ')}) | ${run.failed} |`),
].join('\n');
console.log(table);
if (budget) {
  console.log(
    `Budget: ${budget.answered} answers × cost ${budget.queryCost} = ${budget.answeredCost} of ${budget.configured} configured (${(budget.ratio * 100).toFixed(1)}%), ` +
      `answered by the processes ${budget.answeredPerProcess.join(' + ')}`,
  );
}
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `replicas-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ machine: machine(), loadAverageAtEnd: os.loadavg(), loadAverages, seconds, connections, runs, budget }, null, 2)}\n`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);
