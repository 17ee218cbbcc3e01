/**
 * `npm start` as a process: the port is claimed and the data folder checked before Neo4j starts;
 * the local Neo4j has a generated password nobody else can read; a frozen Neo4j (SIGSTOP on the
 * launcher) gets answers within the deadlines and the API recovers after SIGCONT; Ctrl-C ends
 * everything within 3 s. One local Neo4j of its own, so the shared one stays untouched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, verifyDriver } from '../../src/db/driver.ts';
import { PASSWORD_FILE } from '../../src/db/local-neo4j.ts';

/** `npm start`'s environment, without the test runner's Neo4j settings. */
const baseEnvironment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info' };

function runMain(environment: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...baseEnvironment, ...environment },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await action();
  return { value, ms: Date.now() - started };
}

describe('start-up checks come before Neo4j', () => {
  let busy: Server;
  let busyPort: number;
  const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-port-first-'));

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(home, { recursive: true, force: true });
  });

  it('a busy port is reported at once, and Neo4j never starts', () => {
    const started = Date.now();
    const result = runMain({ NODE_ENV: 'production', PORT: String(busyPort), NEO4J_DATA_DIR: home });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(`Port ${busyPort} on 127.0.0.1 is already in use; set PORT to a free port.`);
    expect(existsSync(path.join(home, 'launcher.log'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a data folder under /proc is refused before anything starts', () => {
    const result = runMain({ NODE_ENV: 'test', PORT: String(busyPort), NEO4J_DATA_DIR: '/proc/newsgraph' });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/NEO4J_DATA_DIR="\/proc\/newsgraph" cannot hold the local Neo4j: \/proc is on the kernel's proc pseudo-filesystem/);
  });

  it('an empty PORT is an error, not a random port', () => {
    const result = runMain({ PORT: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="": is empty; give a value or unset it for the default');
  });
});

describe('npm start in production with its local Neo4j', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-process-'));
  const logs: { msg?: string; uri?: string; url?: string }[] = [];
  let main: ChildProcess;
  let baseUrl: string;
  let boltUri: string;
  let launcherPid: number;
  const QUERY_TIMEOUT_MS = 2_000;
  /** The query timeout plus the API's 1 s margin. */
  const DEADLINE_MS = QUERY_TIMEOUT_MS + 1_000;

  beforeAll(async () => {
    // No response cache: it would answer the repeated query from memory while Neo4j is frozen.
    main = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...baseEnvironment, NODE_ENV: 'production', PORT: '0', NEO4J_DATA_DIR: home, NEO4J_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), RESPONSE_CACHE_MAX_BYTES: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    baseUrl = await new Promise<string>((resolve, reject) => {
      main.once('exit', (code) => reject(new Error(`npm start exited during start-up (code ${code})`)));
      createInterface({ input: main.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as (typeof logs)[number];
        logs.push(entry);
        if (entry.msg === 'Local Neo4j is up') boltUri = entry.uri!;
        if (entry.msg === 'GraphQL API ready') resolve(new URL(entry.url!).origin.replace('localhost', '127.0.0.1'));
      });
    });
    launcherPid = Number(readFileSync(path.join(home, 'launcher.pid'), 'utf8'));
  });

  afterAll(async () => {
    // Whatever failed, leave nothing frozen or running.
    if (launcherPid) spawnSync('kill', ['-CONT', String(launcherPid)]);
    if (main.exitCode === null) {
      main.kill('SIGKILL');
      await new Promise((resolve) => main.once('exit', resolve));
    }
    rmSync(home, { recursive: true, force: true });
  });

  const ask = () =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Whatever seed/ holds, it holds an article: the answer says the seed was loaded.
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    }).then(async (response) => ({
      status: response.status,
      json: (await response.json()) as { data?: { articles: { totalCount: number } }; errors?: { message: string; extensions?: { code?: string } }[] },
    }));

  it('says nothing about Sandbox, which production does not serve', () => {
    expect(logs.some((entry) => entry.msg === 'GraphQL API ready')).toBe(true);
    expect(JSON.stringify(logs)).not.toMatch(/Sandbox/);
  });

  it('gives the local Neo4j a generated password: owner-only file, not in the arguments, default refused', async () => {
    const file = path.join(home, PASSWORD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    const commandLine = readFileSync(`/proc/${launcherPid}/cmdline`, 'utf8');
    expect(commandLine).toContain('dev.newsgraph.Launcher');
    expect(commandLine).not.toContain(password);

    for (const guess of ['local-neo4j-password', 'neo4j']) {
      const settings = { uri: boltUri, username: 'neo4j', password: guess, database: 'neo4j' };
      const driver = createDriver(settings);
      await expect(verifyDriver(driver, settings)).rejects.toThrow(/rejected the username or password/);
      await driver.close();
    }
    const settings = { uri: boltUri, username: 'neo4j', password, database: 'neo4j' };
    const driver = createDriver(settings);
    await verifyDriver(driver, settings);
    await driver.close();
  });

  it('answers within its deadlines while Neo4j is frozen, and recovers after SIGCONT', async () => {
    expect((await ask()).json.data?.articles.totalCount).toBeGreaterThan(0);
    process.kill(launcherPid, 'SIGSTOP');
    try {
      const [query, health] = await Promise.all([timed(ask), timed(() => fetch(`${baseUrl}/health`))]);
      expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(query.value.json.errors?.[0]?.extensions?.code);
      expect(JSON.stringify(query.value.json)).not.toMatch(/bolt:|127\.0\.0\.1|Neo4jError/);
      expect(query.ms).toBeLessThan(DEADLINE_MS + 2_000);
      expect(health.value.status).toBe(503);
      expect(await health.value.json()).toEqual({ status: 'unavailable', database: 'down', warm: expect.any(Boolean) });
      expect(health.ms).toBeLessThan(2_500);

      // Still frozen, with requests piling up: each new one is still answered in time.
      const again = await timed(ask);
      expect(again.value.json.errors?.[0]?.extensions?.code).toMatch(/SERVICE_UNAVAILABLE|QUERY_TIMEOUT/);
      expect(again.ms).toBeLessThan(DEADLINE_MS + 2_000);
    } finally {
      process.kill(launcherPid, 'SIGCONT');
    }

    let recovered = false;
    for (let attempt = 0; attempt < 60 && !recovered; attempt += 1) {
      recovered = (await fetch(`${baseUrl}/health`)).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(true);
    expect((await ask()).json.data?.articles.totalCount).toBeGreaterThan(0);
  });

  it('stops on Ctrl-C within 3 s, local Neo4j included', async () => {
    const exited = new Promise<number | null>((resolve) => main.once('exit', resolve));
    const stop = await timed(async () => {
      main.kill('SIGINT');
      return exited;
    });
    expect(stop.value).toBe(0);
    expect(stop.ms).toBeLessThan(3_000);
    let launcherGone = false;
    for (let attempt = 0; attempt < 20 && !launcherGone; attempt += 1) {
      launcherGone = !existsSync(`/proc/${launcherPid}`);
      if (!launcherGone) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(launcherGone).toBe(true);
  });
});
