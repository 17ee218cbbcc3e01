/**
 * Several API processes sharing one state on this machine, as `npm run bench:replicas` and
 * `tests/integration/replicas.test.ts` run them: a throwaway `redis-server`, API processes
 * (`node --import tsx src/main.ts`, as `npm start` runs it) on one Neo4j, and `haproxy` in front
 * (health checks on `/health`, failed connections retried on another process). Each piece can be
 * stopped and started again on its port; everything lives in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Generous: on a loaded 2-core machine an API process (tsx compiling, Neo4j connecting) can take minutes. */
const START_TIMEOUT_MS = 480_000;
/** How often haproxy checks each process's /health. */
const CHECK_INTERVAL_MS = 1_000;

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `process` prints a line matching `ready`; rejects if it exits first or takes too long. */
function waitForLine(child: ChildProcess, ready: (line: string) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited during start-up (code ${code}):\n${output.join('\n')}`));
    };
    child.once('exit', onExit);
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (output.length < 200) output.push(line);
        if (!ready(line)) return;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      });
    }
  });
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** A restartable child process on a fixed port. */
export interface Service {
  port: number;
  start(): Promise<void>;
  /** SIGTERM (a clean stop) or SIGKILL (a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Sends a signal without waiting: SIGSTOP freezes the process, SIGCONT thaws it. */
  signal(signal: NodeJS.Signals): void;
  readonly running: boolean;
}

function service(port: number, launch: () => { child: ChildProcess; ready: Promise<void> }): Service {
  let child: ChildProcess | undefined;
  return {
    port,
    async start() {
      const launched = launch();
      child = launched.child;
      await launched.ready;
    },
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
    signal: (signal) => void child?.kill(signal),
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
  };
}

export function redisServer(port: number, folder: string): Service {
  return service(port, () => {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--save', '', '--appendonly', 'no',
        // A cache in front of the budgets' keys: the least recently used entry goes first.
        '--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { child, ready: waitForLine(child, (line) => line.includes('Ready to accept connections'), `redis-server on port ${port}`) };
  });
}

export interface ApiProcessOptions {
  port: number;
  neo4j: Neo4jSettings;
  redisPort?: number;
  /** More environment: budgets, cache settings. */
  environment?: Record<string, string>;
}

export function apiProcess(options: ApiProcessOptions): Service {
  return service(options.port, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        PORT: String(options.port),
        NEO4J_URI: options.neo4j.uri,
        NEO4J_USERNAME: options.neo4j.username,
        NEO4J_PASSWORD: options.neo4j.password,
        NEO4J_DATABASE: options.neo4j.database,
        SEED_ON_START: 'false',
        // haproxy on this machine is the only proxy: the client is the address it forwards.
        TRUST_PROXY: 'loopback',
        ...(options.redisPort ? { REDIS_URL: `redis://127.0.0.1:${options.redisPort}` } : {}),
        ...options.environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { child, ready: waitForLine(child, (line) => line.includes('"GraphQL API ready"'), `API process on port ${options.port}`) };
  });
}

/**
 * haproxy's configuration: round robin over the API processes, a request that failed on one
 * retried on another; its statistics (which process is up) as CSV on `statsPort`.
 */
export function haproxyConfig(port: number, apiPorts: number[], statsPort: number): string {
  return `global
  maxconn 1024

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  # The API is read-only, so replaying a request is safe: retry on another process when the
  # connection failed or the process died before answering.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  option forwardfor

frontend api
  bind 127.0.0.1:${port}
  default_backend apis

backend apis
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  # /health answers within 1 s by itself; a check waits 2 s, so a busy machine is not a dead process.
  timeout check 2s
  default-server inter ${CHECK_INTERVAL_MS}ms fall 3 rise 2
${apiPorts.map((apiPort, index) => `  server api${index + 1} 127.0.0.1:${apiPort} check`).join('\n')}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
}

export interface ServerState {
  /** haproxy's health checks say up: it sends requests there. */
  up: boolean;
  /** 2xx answers so far. */
  answered: number;
}

export interface Balancer extends Service {
  /** What haproxy says of each API process, in order. */
  servers(): Promise<ServerState[]>;
}

export async function haproxy(port: number, apiPorts: number[], folder: string): Promise<Balancer> {
  const statsPort = await freePort();
  const configFile = path.join(folder, 'haproxy.cfg');
  writeFileSync(configFile, haproxyConfig(port, apiPorts, statsPort));
  const servers = async (): Promise<ServerState[]> => {
    const [header = '', ...rows] = (await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text()).split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const status = columns.indexOf('status');
    const answered = columns.indexOf('hrsp_2xx');
    return apiPorts.map((_port, index) => {
      const row = rows.find((line) => line.startsWith(`apis,api${index + 1},`))?.split(',') ?? [];
      return { up: row[status] === 'UP', answered: Number(row[answered] ?? 0) };
    });
  };
  const running = service(port, () => {
    // -db: stay in the foreground, no daemon.
    const child = spawn('haproxy', ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = (async () => {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (!(await servers().then(() => true, () => false))) {
        if (child.exitCode !== null) throw new Error(`haproxy exited during start-up (code ${child.exitCode}); its configuration is ${configFile}`);
        if (Date.now() > deadline) throw new Error(`haproxy did not start within ${START_TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return { child, ready };
  });
  return Object.assign(running, { servers });
}

export interface ReplicaSet {
  /** haproxy's address: `http://127.0.0.1:PORT`. */
  url: string;
  redis: Service | undefined;
  apis: Service[];
  balancer: Balancer;
  /** Resolves once haproxy sends requests to exactly `count` API processes. */
  waitForServersUp(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaSetOptions {
  neo4j: Neo4jSettings;
  apiProcesses: number;
  /** Without it, each process keeps its own state. */
  redis: boolean;
  environment?: Record<string, string>;
}

export async function startReplicaSet(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-replicas-'));
  const redis = options.redis ? redisServer(await freePort(), folder) : undefined;
  const apis: Service[] = [];
  for (let index = 0; index < options.apiProcesses; index += 1) {
    apis.push(apiProcess({ port: await freePort(), neo4j: options.neo4j, redisPort: redis?.port, environment: options.environment }));
  }
  const balancer = await haproxy(await freePort(), apis.map((api) => api.port), folder);
  const url = `http://127.0.0.1:${balancer.port}`;
  const close = async () => {
    await Promise.all([balancer.stop('SIGKILL'), ...apis.map((api) => api.stop('SIGKILL')), redis?.stop('SIGKILL')]);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await redis?.start();
    await Promise.all(apis.map((api) => api.start()));
    await balancer.start();
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url,
    redis,
    apis,
    balancer,
    async waitForServersUp(count) {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while ((await balancer.servers()).filter((server) => server.up).length !== count) {
        if (Date.now() > deadline) throw new Error(`haproxy did not count ${count} API processes up within ${START_TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close,
  };
}
