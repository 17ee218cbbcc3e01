/**
 * `npm start` supervises its local Neo4j: after `kill -9` of Neo4j, `/health` says the database is
 * down, Neo4j is restarted on the same port and the API answers again; once the restarts allowed
 * (NEO4J_MAX_RESTARTS) are spent, the process exits with code 1. `npm run seed` then finds the
 * running-neo4j.json it left stale and starts its own Neo4j; while a live owner's Neo4j does not
 * answer, it says so and what to do. One local Neo4j of its own, so the shared one stays untouched.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textSha256 } from '../../src/seed/validate.ts';

/** `npm start`'s environment, without the test runner's Neo4j settings. */
const baseEnvironment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info' };
/** Generous: a Neo4j start on a heavily loaded 2-core machine has taken two minutes. */
const STATE_CHANGE_TIMEOUT_MS = 300_000;

const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-supervision-'));
const runningFile = path.join(home, 'running-neo4j.json');
const launcherPid = () => Number(readFileSync(path.join(home, 'launcher.pid'), 'utf8'));

function seed(args: string[]) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', ...args], {
    env: { ...baseEnvironment, NEO4J_DATA_DIR: home, NEO4J_START_TIMEOUT_MS: String(STATE_CHANGE_TIMEOUT_MS) },
    encoding: 'utf8',
    timeout: STATE_CHANGE_TIMEOUT_MS,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}

/** A folder with one small article to load. */
function articleFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-supervision-seed-'));
  const text = 'Kazakhstan was supervised.\n';
  writeFileSync(path.join(folder, 'supervised.txt'), text);
  writeFileSync(path.join(folder, 'supervised.json'), JSON.stringify({
    article: { id: 'supervised', title: 'Supervised', textFile: 'supervised.txt', textSha256: textSha256(text) },
    entities: [{ kind: 'COUNTRY', id: 'kazakhstan', name: 'Kazakhstan', isoCode: 'KZ', mentions: ['Kazakhstan'] }],
  }));
  return folder;
}

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

describe('npm start restarts its local Neo4j when it dies, a bounded number of times', () => {
  const logs: { msg?: string; url?: string; level?: number }[] = [];
  let main: ChildProcess;
  let baseUrl: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    main = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...baseEnvironment, NODE_ENV: 'production', PORT: '0', NEO4J_DATA_DIR: home, SEED_ON_START: 'false', NEO4J_MAX_RESTARTS: '1', RESPONSE_CACHE_MAX_BYTES: '0', NEO4J_QUERY_TIMEOUT_MS: '30000',
        // A restart that outlasts its start timeout counts as failed: on a loaded machine that is not what is tested.
        NEO4J_START_TIMEOUT_MS: String(STATE_CHANGE_TIMEOUT_MS) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    exited = new Promise((resolve) => main.once('exit', resolve));
    baseUrl = await new Promise<string>((resolve, reject) => {
      main.once('exit', (code, signal) => reject(new Error(`npm start exited during start-up (code ${code}, signal ${signal})`)));
      createInterface({ input: main.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as (typeof logs)[number];
        logs.push(entry);
        if (entry.msg === 'GraphQL API ready') resolve(new URL(entry.url!).origin.replace('localhost', '127.0.0.1'));
      });
    });
  }, STATE_CHANGE_TIMEOUT_MS);

  afterAll(async () => {
    if (main.exitCode === null && main.signalCode === null) {
      main.kill('SIGKILL');
      await exited;
    }
  });

  const health = () => fetch(`${baseUrl}/health`).then(async (response) => ({ status: response.status, body: await response.json() }), () => ({ status: 0, body: null }));
  const articles = () =>
    fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { articles } }' }) })
      .then((response) => response.json());

  it('says the database is down after kill -9, restarts Neo4j on the same port, and answers again', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
    const recorded = readFileSync(runningFile, 'utf8');
    const killed = launcherPid();
    process.kill(killed, 'SIGKILL');

    await expect.poll(health, { timeout: STATE_CHANGE_TIMEOUT_MS, interval: 100 }).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'down' } });
    await expect.poll(health, { timeout: STATE_CHANGE_TIMEOUT_MS, interval: 500 }).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
    expect(launcherPid()).not.toBe(killed);
    expect(readFileSync(runningFile, 'utf8')).toBe(recorded);
    await expect.poll(articles, { timeout: STATE_CHANGE_TIMEOUT_MS, interval: 1_000 }).toEqual({ data: { stats: { articles: 0 } } });
    await expect
      .poll(() => logs.map((entry) => entry.msg), { timeout: STATE_CHANGE_TIMEOUT_MS })
      .toEqual(expect.arrayContaining(['The local Neo4j died', 'Restarting the local Neo4j', 'Local Neo4j restarted']));
    expect(main.exitCode).toBeNull();
  }, STATE_CHANGE_TIMEOUT_MS * 2);

  it('exits with code 1 once NEO4J_MAX_RESTARTS restarts are spent, saying why', async () => {
    process.kill(launcherPid(), 'SIGKILL');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), STATE_CHANGE_TIMEOUT_MS))]);
    expect(code).toBe(1);
    await expect
      .poll(() => logs.map((entry) => entry.msg).join('\n'))
      .toMatch(/^The local Neo4j died and was restarted 1 time in ten minutes \(NEO4J_MAX_RESTARTS\); its log is .*launcher\.log$/m);
    expect(existsSync(runningFile)).toBe(false);
  }, STATE_CHANGE_TIMEOUT_MS);
});

describe('npm run seed and a running-neo4j.json', () => {
  it('a live owner whose Neo4j does not answer: says so and what to do, and starts nothing', async () => {
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    writeFileSync(runningFile, JSON.stringify({ uri: `bolt://127.0.0.1:${port}`, ownerPid: owner.pid }));
    try {
      const result = await seed(['--dir', articleFolder()]);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `Process ${owner.pid} (npm start) serves the local Neo4j in ${home}, but nothing answers at bolt://127.0.0.1:${port}: its Neo4j is down or restarting.`,
      );
      expect(result.output).not.toContain('Starting the local Neo4j');
    } finally {
      owner.kill('SIGKILL');
    }
  }, STATE_CHANGE_TIMEOUT_MS);

  it('a file whose owner is gone is stale: removed, and the seed starts its own Neo4j and loads', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(runningFile, JSON.stringify({ uri: 'bolt://127.0.0.1:7687', ownerPid: gone.pid }));
    const result = await seed(['--dir', articleFolder()]);
    expect(result.output).toContain('Stale running-neo4j.json: the process that wrote it is gone');
    expect(result.output).toContain('Starting the local Neo4j');
    expect(result.output).toMatch(/Seed loaded\s+written: 1/);
    expect(result.code).toBe(0);
    expect(existsSync(runningFile)).toBe(false);
  }, STATE_CHANGE_TIMEOUT_MS);
});
