/**
 * `npm run bench:fairness`: does one client flooding the most expensive allowed query starve the
 * others? Starts the API (production mode, its own local Neo4j) and measures, over loopback, a
 * cheap dashboard client's throughput and `/health` latency alone, then while a flooder on
 * another client address sends a query just under MAX_COST on many connections. The two
 * phases alternate for several rounds, so load from elsewhere on the machine weighs on both alike.
 * Targets: the dashboard keeps at least 80% of its baseline throughput; `/health` p99 < 100 ms.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { MAX_PRICED_FIELDS, objectCountEstimator } from '../src/api/cost-limit.ts';
import { loadTypeDefs } from '../src/api/schema.ts';
import { describeMachine, machine } from './machine.ts';

const options = new Command('bench:fairness')
  .description('Measure how much one flooding client slows a cheap dashboard client and /health.')
  .option('--seconds <n>', 'length of each measured phase', '10')
  .option('--rounds <n>', 'alternations of the two phases', '3')
  .option('--flooders <n>', "the flooding client's connections", '16')
  .option('--flood <kind>', 'what the flooder sends: expensive (a query just under MAX_COST), walk (a deep graph walk selecting one flag), or unpriceable (fragments spreading fragments)', 'expensive')
  // The dashboard runs flat out (about 5 million cost a minute here), far beyond what a real
  // dashboard polls; the budget must let it through, or the run measures its own 429s.
  .option('--budget <cost>', 'RATE_LIMIT_COST (per 60 s) for the run', '10000000')
  .option('--data-dir <folder>', "the API's local Neo4j folder", '.data/bench-fairness')
  // Paced, a dashboard spends what a polling one would, so the run can keep the default budget:
  // a flooder's budget is then what any client gets, not one lifted for a flat-out dashboard.
  .option('--dashboard-rate <n>', "the dashboard's requests per second (default: flat out)", (value: string) => {
    const rate = Number(value);
    if (!Number.isFinite(rate) || rate <= 0) throw new InvalidArgumentError('must be a positive number of requests per second');
    return rate;
  })
  .parse()
  .opts<{ seconds: string; rounds: string; flooders: string; flood: string; budget: string; dataDir: string; dashboardRate?: number }>();
const seconds = Number(options.seconds);

const FLOODS: Record<string, string> = {
  /** Among the most expensive allowed (cost 30,201 of 50,000): 100 entities with 100 mentions and 100 relations each. */
  expensive: '{ entities(first: 100) { totalCount edges { node { id name mentions(first: 100) { text } relations(first: 100) { type other { id name } } } } } }',
  /** Once priced 1: three rings of up to 500 entities, for one flag. */
  walk: '{ neighborhood(id: "kazakhstan", depth: 3, limit: 500) { edgesTruncated } }',
  /** Once run unpriced: 15 fragments, each spreading the next twice (refused now). */
  unpriceable: `{ entities(first: 100) { edges { node { ...F0 } } } } ${Array.from({ length: 15 }, (_, level) =>
    level === 14 ? `fragment F${level} on Entity { mentions(first: 100) { text } }` : `fragment F${level} on Entity { ...F${level + 1} ...F${level + 1} }`,
  ).join(' ')}`,
};
const FLOOD_QUERY = FLOODS[options.flood];
if (FLOOD_QUERY === undefined) throw new Error(`--flood must be one of ${Object.keys(FLOODS).join(', ')}`);
let floodRequests = 0;
/**
 * The flood's next document. The unpriceable one differs each time (a numbered alias), as an
 * attacker would send it: the API remembers documents it could not price, so repeating one is free.
 */
const nextFlood = () => (options.flood === 'unpriceable' ? FLOOD_QUERY.replace('{ entities', `{ flood${(floodRequests += 1)}: entities`) : FLOOD_QUERY);
/** The cheap operations of examples/ a dashboard polls. */
const DASHBOARD_EXAMPLES = ['search-box', 'path', 'casualty-figures', 'claims-by-speaker', 'troop-deployments'];

const schema = buildSchema(loadTypeDefs());
const costOf = (query: string) => {
  try {
    return String(getComplexity({ schema, query: parse(query), variables: {}, estimators: [objectCountEstimator], maxQueryNodes: MAX_PRICED_FIELDS }));
  } catch {
    return 'unpriceable';
  }
};
const dashboard = DASHBOARD_EXAMPLES.map((name) => readFileSync(path.join('examples', `${name}.graphql`), 'utf8'));

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'info',
    NEO4J_DATA_DIR: options.dataDir,
    RATE_LIMIT_COST: options.budget,
    // Every request must reach the database, as before the response cache (bench:polling measures it).
    RESPONSE_CACHE_MAX_BYTES: '0',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = new URL(
  await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`The API exited during start-up (code ${code})`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'GraphQL API ready' && entry.url) resolve(entry.url);
    });
  }),
);

/** A client with its own loopback address (Linux answers all of 127.0.0.0/8), so budgets are separate. */
function client(address: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, localAddress: address });
  return (method: 'GET' | 'POST', pathname: string, body?: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const call = request(
        { host: '127.0.0.1', port: url.port, path: pathname, method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        },
      );
      call.on('error', reject);
      call.end(body);
    });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Runs `connections` closed loops of `next` until `until`; returns each answer's status and time. */
async function loop(connections: number, until: number, next: (index: number) => Promise<{ status: number; ms: number }>) {
  const answers: { status: number; ms: number }[] = [];
  await Promise.all(
    Array.from({ length: connections }, async (_unused, connection) => {
      for (let index = connection; Date.now() < until; index += connections) answers.push(await next(index));
    }),
  );
  return answers;
}

const DASHBOARD_CONNECTIONS = 2;
const dashboardClient = client('127.0.0.3', DASHBOARD_CONNECTIONS);
const healthClient = client('127.0.0.1', 1);
const flooder = client('127.0.0.2', Number(options.flooders));
/** Each connection's interval between requests when paced. */
const dashboardIntervalMs = options.dashboardRate === undefined ? 0 : (1000 * DASHBOARD_CONNECTIONS) / options.dashboardRate;
const askDashboard = async (index: number) => {
  const answer = await dashboardClient('POST', '/graphql', JSON.stringify({ query: dashboard[index % dashboard.length] }));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dashboardIntervalMs - answer.ms)));
  return answer;
};
const askHealth = async () => {
  const answer = await healthClient('GET', '/health');
  await new Promise((resolve) => setTimeout(resolve, 20));
  return answer;
};

type Timed = { status: number; ms: number };

async function phase(flooding: boolean) {
  const until = Date.now() + seconds * 1000;
  const flood = flooding ? loop(Number(options.flooders), until, () => flooder('POST', '/graphql', JSON.stringify({ query: nextFlood() }))) : Promise.resolve([]);
  const [dashboard, health, flooded] = await Promise.all([loop(DASHBOARD_CONNECTIONS, until, askDashboard), loop(1, until, askHealth), flood]);
  return { dashboard, health, flood: flooded };
}

function summary(phases: { dashboard: Timed[]; health: Timed[]; flood: Timed[] }[]) {
  const all = (part: 'dashboard' | 'health' | 'flood') => phases.flatMap((item) => item[part]);
  const ok = all('dashboard').filter((answer) => answer.status === 200);
  const statuses = (answers: Timed[]) =>
    Object.fromEntries([...new Set(answers.map((answer) => answer.status))].map((status) => [status, answers.filter((answer) => answer.status === status).length]));
  return {
    dashboardPerSecond: ok.length / (seconds * phases.length),
    dashboardP50: percentile(ok.map((answer) => answer.ms), 50),
    dashboardP99: percentile(ok.map((answer) => answer.ms), 99),
    dashboardStatuses: statuses(all('dashboard')),
    healthP50: percentile(all('health').map((answer) => answer.ms), 50),
    healthP99: percentile(all('health').map((answer) => answer.ms), 99),
    healthStatuses: statuses(all('health')),
    floodStatuses: statuses(all('flood')),
  };
}

console.log(`Machine: ${describeMachine(machine())}; load average before the run ${os.loadavg()[0]!.toFixed(2)}`);
console.log(`Flood (${options.flood}, cost ${costOf(FLOOD_QUERY)}): ${FLOOD_QUERY.slice(0, 120)}; RATE_LIMIT_COST=${options.budget} per 60 s`);
console.log(`Dashboard: ${DASHBOARD_EXAMPLES.join(', ')} (costs ${dashboard.map(costOf).join(', ')}), ${DASHBOARD_CONNECTIONS} connections, ${options.dashboardRate ?? 'flat out'} requests/s`);
// The API plans every persisted document at start (`warm` on /health); measuring before then would measure that.
while (!((await (await fetch(new URL('/health', url))).json()) as { warm?: boolean }).warm) await new Promise((resolve) => setTimeout(resolve, 500));
await loop(DASHBOARD_CONNECTIONS, Date.now() + 5_000, askDashboard);
const baselinePhases = [];
const floodedPhases = [];
for (let round = 0; round < Number(options.rounds); round += 1) {
  baselinePhases.push(await phase(false));
  floodedPhases.push(await phase(true));
}
const baseline = summary(baselinePhases);
const flooded = summary(floodedPhases);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

const ratio = flooded.dashboardPerSecond / baseline.dashboardPerSecond;
console.log(JSON.stringify({ baseline, flooded }, null, 2));
console.log(
  `Dashboard keeps ${(ratio * 100).toFixed(0)}% of its throughput (${baseline.dashboardPerSecond.toFixed(1)} -> ${flooded.dashboardPerSecond.toFixed(1)} req/s; target >= 80%); ` +
    `p50 ${baseline.dashboardP50.toFixed(1)} -> ${flooded.dashboardP50.toFixed(1)} ms; ` +
    `/health p99 ${baseline.healthP99.toFixed(1)} -> ${flooded.healthP99.toFixed(1)} ms (target < 100 ms)`,
);
