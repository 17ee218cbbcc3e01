import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, verifyDriver } from '../../src/db/driver.ts';
import { startLocalNeo4j } from '../../src/db/local-neo4j.ts';
import { startHttpServer } from '../../src/server/http.ts';
import { SHOWCASE_OPERATION } from '../../src/api/showcase.ts';
import { startTestServer, testConfig, testLogger, type TestServer } from './helpers.ts';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api.close();
});

describe('the running server', () => {
  it('answers /health with the database status', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', warm: expect.any(Boolean) });
  });

  it('answers a GraphQL query over HTTP from the seeded graph', async () => {
    const response = await api.graphql<{ entity: { name: string; kind: string } }>(
      'query { entity(id: "kazakhstan") { name kind } }',
    );
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ entity: { name: 'Kazakhstan', kind: 'COUNTRY' } });
  });

  it('serves Apollo Sandbox, prefilled with the showcase operation, to a browser in development', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/embeddable-sandbox/);
    expect(page).toContain(JSON.stringify(SHOWCASE_OPERATION).slice(1, 40));
  });

  it("lets Sandbox on Apollo's own site call a local server (CORS)", async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://studio.apollographql.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
    const elsewhere = await fetch(`${api.baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a port that is already in use, naming it', async () => {
    const config = testConfig({ PORT: String(api.server.port), HOST: '127.0.0.1' });
    await expect(startHttpServer(config, api.database, testLogger())).rejects.toThrow(
      `Port ${api.server.port} on 127.0.0.1 is already in use; set PORT to a free port.`,
    );
  });
});

describe('connection faults fail fast with a clear message', () => {
  const neo4j = inject('neo4j');

  it('says when the password is wrong', async () => {
    const settings = { uri: neo4j.uri, username: neo4j.username, password: 'not-the-password', database: neo4j.database };
    const driver = createDriver(settings);
    const started = Date.now();
    await expect(verifyDriver(driver, settings)).rejects.toThrow(
      `Neo4j at ${neo4j.uri} rejected the username or password (NEO4J_USERNAME="neo4j", NEO4J_PASSWORD).`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await driver.close();
  });

  it('says when nothing listens at NEO4J_URI, within seconds', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const settings = { uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password: 'whatever-password', database: 'neo4j' };
    const driver = createDriver(settings);
    const started = Date.now();
    await expect(verifyDriver(driver, settings)).rejects.toThrow(`Cannot reach Neo4j at bolt://127.0.0.1:${port} (NEO4J_URI)`);
    expect(Date.now() - started).toBeLessThan(10_000);
    await driver.close();
  });
});

describe('the local Neo4j launcher', () => {
  it('ends a launcher left running by a killed earlier run instead of failing on its lock', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-stale-'));
    const password = 'stale-lock-password';
    // An earlier run: a separate Node process that starts the local Neo4j, then is killed.
    const earlier = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { startLocalNeo4j } from './src/db/local-neo4j.ts';
      import { createLogger } from './src/config/logger.ts';
      await startLocalNeo4j({ home: ${JSON.stringify(home)}, password: '${password}', startTimeoutMs: 120000,
        log: createLogger({ logLevel: 'silent', nodeEnv: 'production' }) });
      console.log('STARTED');
      setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => earlier.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('STARTED') && resolve()));
    earlier.kill('SIGKILL');

    const next = await startLocalNeo4j({ home, password, startTimeoutMs: 120_000, log: testLogger() });
    const settings = { uri: next.uri, username: 'neo4j', password, database: 'neo4j' };
    const driver = createDriver(settings);
    await verifyDriver(driver, settings);
    await driver.close();

    // While its owner lives, a launcher is not stale: a second start is refused, naming the owner.
    await expect(startLocalNeo4j({ home, password, startTimeoutMs: 120_000, log: testLogger() })).rejects.toThrow(
      `Another process (pid ${process.pid}) is using the local Neo4j in ${home}`,
    );
    await next.stop();
    rmSync(home, { recursive: true, force: true });
  }, 180_000); // Two Neo4j start-ups: slow on a busy 2-core machine.

  it('gives up after its start timeout and says where its log is', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-slow-'));
    await expect(startLocalNeo4j({ home, password: 'slow-start-password', startTimeoutMs: 100, log: testLogger() })).rejects.toThrow(
      `The local Neo4j did not start within 0.1 s; its log is ${path.join(home, 'launcher.log')}`,
    );
    rmSync(home, { recursive: true, force: true });
  });

  it('tells the user when Java is missing and what to do instead', () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'newsgraph-nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: bin, NODE_ENV: 'production', PORT: '0', HOME: process.env.HOME ?? '/tmp' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /Java is not installed \(java not found on PATH\)\. Install Java 17\+, or set NEO4J_URI to use an existing Neo4j\./,
    );
    rmSync(bin, { recursive: true, force: true });
  });
});
