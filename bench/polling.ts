/**
 * `npm run bench:polling`: what caching gives a dashboard that polls. Starts the API twice in
 * production mode on loopback, on one local Neo4j holding the seed (`.data/bench-polling`): as
 * configured by default (response cache on) and with RESPONSE_CACHE_MAX_BYTES=0. Each poll (GETs
 * by persisted-document id, as a dashboard sends them) is driven with autocannon three ways: the
 * uncached server, response-cache hits, and conditional GETs answered 304. Each run is bounded by
 * time; results go to `bench/results/polling-<time>.json`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { PASSWORD_FILE } from '../src/db/local-neo4j.ts';
import { describeMachine, machine } from './machine.ts';

const options = new Command('bench:polling')
  .description("Measure a polling dashboard's response-cache hits and 304s against uncached requests.")
  .option('--seconds <n>', 'length of each measured run (1 to 60)', '10')
  .option('--connections <n>', 'concurrent connections (1 to 64)', '4')
  .option('--data-dir <folder>', "the API's local Neo4j folder", '.data/bench-polling')
  .parse()
  .opts<{ seconds: string; connections: string; dataDir: string }>();
const seconds = Number(options.seconds);
const connections = Number(options.connections);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new Error(`--seconds must be an integer from 1 to 60, not "${options.seconds}"`);
if (!Number.isInteger(connections) || connections < 1 || connections > 64) throw new Error(`--connections must be an integer from 1 to 64, not "${options.connections}"`);

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../examples/generated/persisted-documents.json', import.meta.url)), 'utf8')) as Record<string, string>;
const idOf = (operation: string) => Object.keys(manifest).find((id) => manifest[id]!.startsWith(`query ${operation}(`))!;

/** What a dashboard polls: its header (the data version and counts), and two of its panels by id. */
const POLLS: { name: string; search: string }[] = [
  { name: 'stats (header)', search: `?query=${encodeURIComponent('{ stats { dataVersion articles entities figures } }')}` },
  { name: 'timeline', search: `?documentId=${idOf('Timeline')}` },
  { name: 'casualty figures', search: `?documentId=${idOf('CasualtyFigures')}` },
];

/** Starts `npm start` with these settings; resolves with its URL and the local Neo4j it runs. */
function startApi(env: Record<string, string>): Promise<{ process: ChildProcess; url: string; boltUri?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // One client polls flat out: no per-client budget.
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'info', RATE_LIMIT_COST: '1000000000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let boltUri: string | undefined;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The API exited during start-up (code ${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string; uri?: string };
      if (entry.msg === 'Local Neo4j is up') boltUri = entry.uri;
      if (entry.msg === 'GraphQL API ready' && entry.url) resolve({ process: child, url: entry.url.replace('//localhost:', '//127.0.0.1:'), boltUri });
    });
  });
}

interface Run {
  poll: string;
  mode: 'uncached' | 'cache hit' | '304';
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

function fire(poll: (typeof POLLS)[number], mode: Run['mode'], url: string, headers: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${url}${poll.search}`, method: 'GET', headers: { 'apollo-require-preflight': 'true', ...headers }, connections, duration: seconds, timeout: 10 },
      (error, result) => {
        if (error) return reject(error as Error);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]));
        resolve({
          poll: poll.name,
          mode,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
  });
}

const cached = await startApi({ NEO4J_DATA_DIR: options.dataDir });
const uncached = await startApi({
  NEO4J_URI: cached.boltUri!,
  NEO4J_PASSWORD: readFileSync(path.join(options.dataDir, PASSWORD_FILE), 'utf8').trim(),
  SEED_ON_START: 'false',
  RESPONSE_CACHE_MAX_BYTES: '0',
});

const runs: Run[] = [];
try {
  console.log(`Machine: ${describeMachine(machine())}; load average before the run ${os.loadavg()[0]!.toFixed(2)}`);
  for (const poll of POLLS) {
    const first = await fetch(`${cached.url}${poll.search}`, { headers: { 'apollo-require-preflight': 'true' } });
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) throw new Error(`${poll.name}: expected 200 with an ETag, got ${first.status}: ${await first.text()}`);
    // Warm both servers (connections, query plans) before measuring.
    await fire(poll, 'uncached', uncached.url, {});
    runs.push(await fire(poll, 'uncached', uncached.url, {}));
    runs.push(await fire(poll, 'cache hit', cached.url, {}));
    runs.push(await fire(poll, '304', cached.url, { 'if-none-match': etag }));
  }
} finally {
  for (const api of [uncached, cached]) {
    api.process.kill('SIGTERM');
    await new Promise((resolve) => api.process.once('exit', resolve));
  }
}

const table = [
  '| poll | mode | requests/s | p50 ms | p99 ms | × uncached | statuses |',
  '|---|---|---|---|---|---|---|',
  ...runs.map((run) => {
    const base = runs.find((other) => other.poll === run.poll && other.mode === 'uncached')!;
    const statuses = Object.entries(run.statuses).map(([status, count]) => `${count} × ${status}`).join(', ');
    return `| ${run.poll} | ${run.mode} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${(run.requestsPerSecond / base.requestsPerSecond).toFixed(1)} | ${statuses}${run.errors ? `, ${run.errors} errors` : ''} |`;
  }),
].join('\n');
console.log(table);
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `polling-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ machine: machine(), loadAverage: os.loadavg(), seconds, connections, runs }, null, 2)}\n`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);
