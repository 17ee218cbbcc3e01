/**
 * Side-by-side benchmark: our API against the raw-Cypher floor and @neo4j/graphql, on generated
 * graphs of N articles.
 *
 *   node --import tsx bench/run.ts [--articles 1000,10000] [--concurrency 8] [--duration 10]
 *                                  [--warmup 2] [--operations entityCard,search] [--cpu-prof]
 *
 * For each N: a local Neo4j loaded with the corpus (cached in `bench/.corpus/db-n<N>`), the three
 * servers in a child process (`bench/serve.ts`), then every operation against every server with
 * autocannon at a fixed concurrency. Each measurement is split in two halves run in opposite server
 * order (ours, raw, @neo4j/graphql, then back), so background load drifting during the run weighs
 * on all three alike. Before that, the first request of every operation after the fresh start is
 * timed on each server (ours after its warm-up, see `bench/serve.ts`): the rows' `cold`. Writes
 * `bench/results/<timestamp>.json` (the rows), `.meta.json` (machine,
 * graph sizes, parameters, checks), `.md` (the tables) and `.svg` (p50 against graph size).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_SEED } from './corpus.ts';
import { BENCH_DIR, connectionOf, graphCounts, openLoadedDatabase, type GraphCounts, type LoadResult } from './database.ts';
import type { WarmUpReport } from '../src/api/warm-up.ts';
import { describeMachine, machine } from './machine.ts';
import { benchRequest, OPERATIONS, pickParameters, type BenchParameters } from './operations.ts';
import {
  coldTable,
  growthTable,
  latencyChartSvg,
  latencyGrowth,
  missedTargets,
  percentile,
  READY_PREFIX,
  resultsTable,
  selectionDepth,
  SERVERS,
  type ResultRow,
  type ServerCheck,
  type ServerName,
  type ServerResult,
  type ServersReady,
} from './report.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

const OPERATION_NAMES = OPERATIONS.map((operation) => operation.name);

const options = new Command('bench')
  .description('Benchmark our GraphQL API against raw Cypher and @neo4j/graphql on generated graphs.')
  .option('--articles <list>', 'graph sizes in articles, comma-separated', (value) => value.split(',').map(positiveInteger), [1000, 10000])
  .option('--concurrency <c>', 'concurrent connections', positiveInteger, 8)
  .option('--duration <s>', 'seconds of measurement per operation and server', positiveInteger, 10)
  .option('--warmup <s>', 'seconds of unmeasured load before each measurement', (value) => Number(value), 2)
  .option('--operations <list>', `only these operations (${OPERATION_NAMES.join(', ')})`, (value) => {
    const names = value.split(',');
    const unknown = names.filter((name) => !OPERATION_NAMES.includes(name));
    if (unknown.length > 0) throw new InvalidArgumentError(`unknown operations: ${unknown.join(', ')}`);
    return names;
  })
  .option('--seed <s>', 'corpus PRNG seed', positiveInteger, DEFAULT_SEED)
  .option('--cpu-prof', 'write a V8 CPU profile of the server process to bench/results/', false)
  .parse()
  .opts<{ articles: number[]; concurrency: number; duration: number; warmup: number; operations?: string[]; seed: number; cpuProf: boolean }>();

const operations = OPERATIONS.filter((operation) => !options.operations || options.operations.includes(operation.name));
const sizes = [...new Set(options.articles)].sort((a, b) => a - b);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.join(BENCH_DIR, 'results');
mkdirSync(resultsDir, { recursive: true });

const log = (message: string) => process.stderr.write(`${message}\n`);

interface Sample {
  latencies: number[];
  seconds: number;
  /** Non-2xx responses, connection errors, timeouts and GraphQL error bodies. */
  failures: number;
  /** Measured by count rather than time (see `fire`). */
  byCount: boolean;
}

/** One autocannon run, bounded by time or by a number of requests; latencies are kept per response. */
function fireOnce(url: string, body: string, bound: { duration: number } | { amount: number }): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: options.concurrency,
        ...bound,
        timeout: 60,
        verifyBody: (text) => !String(text).includes('"errors":['),
      },
      (error, result) => {
        if (error) reject(error as Error);
        else {
          const failures = result.non2xx + result.errors + result.timeouts + result.mismatches;
          resolve({ latencies, seconds: result.duration, failures, byCount: 'amount' in bound });
        }
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * A time-bounded run; autocannon drops requests still in flight when the time is up, so an
 * operation slower than the window would show no responses at all. Then it is measured by count
 * instead: two requests per connection, each bounded by the client timeout.
 */
async function fire(url: string, body: string, seconds: number): Promise<Sample> {
  const sample = await fireOnce(url, body, { duration: seconds });
  // Requests cut off at the end still run on the server: let them finish before the next run.
  const settle = Math.min(10_000, sample.latencies.length > 0 ? Math.max(...sample.latencies) : 10_000);
  await new Promise((resolve) => setTimeout(resolve, settle));
  if (sample.latencies.length >= options.concurrency) return sample;
  return fireOnce(url, body, { amount: 2 * options.concurrency });
}

/** Starts `bench/serve.ts` and waits for its servers; closing its stdin stops it. */
async function startServers(connection: ReturnType<typeof connectionOf>, parameters: BenchParameters) {
  const profileFlags = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, `profiles-${stamp}`)}`] : [];
  const child = spawn(process.execPath, [...profileFlags, '--import', 'tsx', path.join(BENCH_DIR, 'serve.ts')], {
    // NODE_ENV=production as in a deployment: graphql-js skips its development-only checks.
    env: { ...process.env, NODE_ENV: 'production', BENCH_CONNECTION: JSON.stringify(connection), BENCH_PARAMETERS: JSON.stringify(parameters) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await new Promise<ServersReady>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) resolve(JSON.parse(line.slice(READY_PREFIX.length)) as ServersReady);
    });
    void exited.then((code) => reject(new Error(`bench/serve.ts exited with code ${code} before its servers were ready`)));
  });
  return {
    ready,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

interface SizeMeta {
  articles: number;
  counts: GraphCounts;
  /** Null when the database came from the cache. */
  load: LoadResult | null;
  parameters: BenchParameters;
  checks: ServerCheck[];
  /** Our API's warm-up before the first requests: each run and its time (ms). */
  warmUp: WarmUpReport;
  /** First requests after the fresh start that failed. */
  coldFailures: string[];
  /** Operations whose servers summarised their answers differently: not the same data. */
  mismatches: string[];
  failures: { operation: string; server: ServerName; failures: number }[];
  /** Measurements taken by count because the operation was slower than the time window. */
  byCount: { operation: string; server: ServerName }[];
  /** One-minute load average before each operation: other processes on the machine skew results. */
  loadAverage: Record<string, number>;
}

const rows: ResultRow[] = [];
const sizesMeta: SizeMeta[] = [];
const files = { rows: `${stamp}.json`, meta: `${stamp}.meta.json`, markdown: `${stamp}.md`, chart: `${stamp}.svg` };
const settings = { concurrency: options.concurrency, duration: options.duration, warmup: options.warmup, seed: options.seed };
const currentMachine = machine();

/** Writes every output file; called after each graph size so an aborted run keeps what it measured. */
function save(): void {
  const kinds = Object.fromEntries(
    operations.map((operation) => [operation.name, { list: operation.list, depth: selectionDepth(operation.ours.query) }]),
  );
  const misses = missedTargets(rows, kinds);
  const failures = sizesMeta.flatMap((size) => size.failures.map((failure) => `${failure.operation} at N=${size.articles} on ${failure.server}: ${failure.failures} failed requests`));
  const byCount = sizesMeta.flatMap((size) => size.byCount.map(({ operation, server }) => `${operation} at N=${size.articles} on ${server}`));
  const mismatches = sizesMeta.flatMap((size) => size.mismatches.map((mismatch) => `N=${size.articles}: ${mismatch}`));
  const markdown = [
    `Machine: ${describeMachine(currentMachine)}. Concurrency ${options.concurrency}, ${options.duration} s per operation and server (after ${options.warmup} s warm-up); latencies in ms.`,
    '',
    ...sizesMeta.map(
      (size) =>
        `- N=${size.articles}: ${size.counts.nodes} nodes (${size.counts.entities} entities), ${size.counts.relationships} relationships; ` +
        `parameters ${JSON.stringify(size.parameters)}`,
    ),
    '',
    resultsTable(rows),
    '',
    `First request of each operation after a fresh start of Neo4j and the servers (ms; ours after its warm-up of ${sizesMeta.map((size) => `${(size.warmUp.ms / 1000).toFixed(1)} s at N=${size.articles}`).join(', ')}):`,
    '',
    coldTable(rows),
    '',
    ...sizesMeta.flatMap((size) => size.coldFailures.map((failure) => `- First request failed at N=${size.articles}: ${failure}`)),
    ...(sizesMeta.some((size) => size.coldFailures.length > 0) ? [''] : []),
    ...(latencyGrowth(rows).length > 0 ? ['p50 growth with graph size:', '', growthTable(latencyGrowth(rows)), ''] : []),
    ...(misses.length > 0 ? ['Missed targets:', '', ...misses.map((miss) => `- ${miss}`), ''] : ['All targets met.', '']),
    ...(failures.length > 0 ? ['Failed requests (their latencies are in the numbers):', '', ...failures.map((line) => `- ${line}`), ''] : []),
    ...(byCount.length > 0
      ? [`Slower than the ${options.duration / 2} s window, so measured by count (${2 * options.concurrency} requests per half):`, '', ...byCount.map((line) => `- ${line}`), '']
      : []),
    ...(mismatches.length > 0 ? ['Servers that did not return the same data:', '', ...mismatches.map((line) => `- ${line}`), ''] : []),
  ].join('\n');
  writeFileSync(path.join(resultsDir, files.rows), `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, files.meta), `${JSON.stringify({ machine: currentMachine, settings, files, sizes: sizesMeta }, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, files.markdown), `${markdown}\n`);
  writeFileSync(path.join(resultsDir, files.chart), latencyChartSvg(rows, `p50 latency (ms) against graph size, concurrency ${options.concurrency}`));
}

for (const articles of sizes) {
  log(`n=${articles}: preparing the database`);
  const { database, load } = await openLoadedDatabase(articles, options.seed);
  try {
    const parameters = await pickParameters(database.driver, database.name);
    const counts = await graphCounts(database.driver, database.name);
    log(`n=${articles}: ${counts.nodes} nodes, ${counts.relationships} relationships; parameters ${JSON.stringify(parameters)}`);
    const servers = await startServers(connectionOf(database), parameters);
    const size: SizeMeta = { articles, counts, load, parameters, checks: servers.ready.checks, warmUp: servers.ready.warmUp, coldFailures: servers.ready.coldFailures, mismatches: [], failures: [], byCount: [], loadAverage: {} };
    sizesMeta.push(size);
    try {
      for (const check of size.checks) {
        if (new Set(Object.values(check.summaries)).size > 1) {
          size.mismatches.push(`${check.operation}: ${JSON.stringify(check.summaries)}`);
          log(`warning: ${check.operation} answers differ between servers: ${JSON.stringify(check.summaries)}`);
        }
      }
      for (const operation of operations) {
        size.loadAverage[operation.name] = os.loadavg()[0]!;
        const requests = Object.fromEntries(
          SERVERS.map((server) => [server, benchRequest(server, operation, parameters, servers.ready.urls[server])]),
        ) as Record<ServerName, { url: string; body: string }>;
        if (options.warmup > 0) {
          for (const server of SERVERS) await fire(requests[server].url, requests[server].body, options.warmup);
        }
        const samples = Object.fromEntries(SERVERS.map((server) => [server, [] as Sample[]])) as Record<ServerName, Sample[]>;
        for (const order of [SERVERS, [...SERVERS].reverse()]) {
          for (const server of order) samples[server].push(await fire(requests[server].url, requests[server].body, options.duration / 2));
        }
        const check = size.checks.find((entry) => entry.operation === operation.name)!;
        const result = (server: ServerName): ServerResult => {
          const latencies = samples[server].flatMap((sample) => sample.latencies).sort((a, b) => a - b);
          const seconds = samples[server].reduce((sum, sample) => sum + sample.seconds, 0);
          const failures = samples[server].reduce((sum, sample) => sum + sample.failures, 0);
          if (failures > 0) size.failures.push({ operation: operation.name, server, failures });
          if (samples[server].some((sample) => sample.byCount)) size.byCount.push({ operation: operation.name, server });
          return {
            rps: latencies.length / seconds,
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            roundTrips: check.roundTrips[server],
          };
        };
        const row: ResultRow = {
          operation: operation.name,
          articles,
          concurrency: options.concurrency,
          ours: result('ours'),
          raw: result('raw'),
          neo4jGraphql: result('neo4jGraphql'),
          cold: servers.ready.cold[operation.name]!,
        };
        rows.push(row);
        log(
          `n=${articles} ${operation.name}: ${SERVERS.map((server) => `${server} ${row[server].rps.toFixed(1)} rps p50 ${row[server].p50.toFixed(1)} ms`).join(', ')}`,
        );
      }
    } finally {
      await servers.stop();
    }
  } finally {
    await database.close();
  }
  save();
}

console.log(resultsTable(rows));
if (latencyGrowth(rows).length > 0) console.log(`\n${growthTable(latencyGrowth(rows))}`);
console.log(`\nsaved ${Object.values(files).map((file) => path.relative(process.cwd(), path.join(resultsDir, file))).join(', ')}`);
