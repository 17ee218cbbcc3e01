/**
 * `npm run bench:load`: sustained load on the API over loopback, with a bounded number of
 * clients for a bounded time, cycling through the dashboard operations in `examples/`.
 * Starts the API as a child process (production mode, its own data folder) so it can sample
 * the server's memory; reports throughput, latency percentiles, errors and the memory trend.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Command } from 'commander';

const options = new Command('bench:load')
  .description('Drive the API with the examples/ operations and report throughput, latency, errors and memory.')
  .option('--duration <seconds>', 'how long to load the server', '180')
  .option('--connections <n>', 'concurrent clients', '8')
  .option('--data-dir <folder>', "the API's local Neo4j folder", '.data/bench-load')
  .parse()
  .opts<{ duration: string; connections: string; dataDir: string }>();

const duration = Number(options.duration);
const connections = Number(options.connections);

const requests = readdirSync('examples')
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: readFileSync(path.join('examples', name), 'utf8') }),
  }));

/** Resident memory of a process, in MB, from /proc. */
function residentMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/** Least-squares slope of memory over time, in MB per minute. */
function slopePerMinute(samples: { seconds: number; megabytes: number }[]): number {
  const n = samples.length;
  const meanX = samples.reduce((sum, sample) => sum + sample.seconds, 0) / n;
  const meanY = samples.reduce((sum, sample) => sum + sample.megabytes, 0) / n;
  const covariance = samples.reduce((sum, sample) => sum + (sample.seconds - meanX) * (sample.megabytes - meanY), 0);
  const variance = samples.reduce((sum, sample) => sum + (sample.seconds - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  // One client address sends everything, so its per-client budget is lifted: this measures throughput.
  env: { ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'info', NEO4J_DATA_DIR: options.dataDir, RATE_LIMIT_COST: '1000000000', RESPONSE_CACHE_MAX_BYTES: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`The API exited during start-up (code ${code})`)));
  createInterface({ input: server.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'GraphQL API ready' && entry.url) resolve(entry.url);
  });
});
const origin = new URL(url).origin;
console.log(`Loading ${url} with ${connections} clients for ${duration} s, cycling through ${requests.length} operations`);

// Warm up (JIT, caches, connection pool) so the memory trend measures steady state.
await autocannon({ url: origin, connections, duration: 10, requests });
const memoryBefore = residentMegabytes(server.pid!);
const samples: { seconds: number; megabytes: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => samples.push({ seconds: (Date.now() - started) / 1000, megabytes: residentMegabytes(server.pid!) }), 5_000);
const result = await autocannon({ url: origin, connections, duration, requests });
clearInterval(sampler);
const memoryAfter = residentMegabytes(server.pid!);

server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

const report = {
  date: new Date().toISOString(),
  connections,
  durationSeconds: duration,
  operations: requests.length,
  requests: result.requests.total,
  rps: result.requests.average,
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  errors: result.errors + result.timeouts + result.non2xx,
  memoryMB: {
    before: Math.round(memoryBefore),
    after: Math.round(memoryAfter),
    slopePerMinute: Number(slopePerMinute(samples).toFixed(2)),
    // The second half shows whether growth levels off (heap sizing) or goes on (a leak).
    secondHalfSlopePerMinute: Number(slopePerMinute(samples.slice(Math.floor(samples.length / 2))).toFixed(2)),
    samples: samples.map((sample) => Math.round(sample.megabytes)),
  },
};
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/http-load-${report.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.table({
  'requests/s': report.rps,
  'p50 ms': report.latencyMs.p50,
  'p90 ms': report.latencyMs.p90,
  'p99 ms': report.latencyMs.p99,
  errors: report.errors,
  'RSS before MB': report.memoryMB.before,
  'RSS after MB': report.memoryMB.after,
  'RSS trend MB/min': report.memoryMB.slopePerMinute,
  'RSS trend, 2nd half': report.memoryMB.secondHalfSlopePerMinute,
});
console.log(`Saved ${file}`);
if (report.errors > 0) process.exitCode = 1;
