/**
 * The API and the loader through a routing driver (`neo4j://`), as against a cluster or Aura: the
 * test Neo4j is one instance, which the routing table names as its reader, writer and router.
 * Reads are read transactions (the driver may send them to secondaries; a write is refused), and
 * after `npm run seed` (its own process) finishes, the API serves the new data version and data.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeArticle } from '../../src/seed/writer.ts';
import { readDataVersion } from '../../src/graph/data-version.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import { REGISTRY_FILE, textSha256 } from '../../src/seed/validate.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const ARTICLE_ID = 'routing-seed-a';
const routingUri = () => inject('neo4j').uri.replace(/^bolt:/, 'neo4j:');

let api: TestServer;
let folder: string;

beforeAll(async () => {
  expect(routingUri()).toMatch(/^neo4j:\/\//);
  api = await startTestServer({ NEO4J_URI: routingUri() });
  await removeArticle(api.database.driver, api.database.name, ARTICLE_ID);
  folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-routing-'));
  mkdirSync(path.join(folder, 'registry'));
  copyFileSync(path.join(FIXTURE_DIR, REGISTRY_FILE), path.join(folder, REGISTRY_FILE));
  const text = 'Kazakhstan was routed.\n';
  writeFileSync(path.join(folder, `${ARTICLE_ID}.txt`), text);
  writeFileSync(
    path.join(folder, `${ARTICLE_ID}.json`),
    JSON.stringify({
      article: { id: ARTICLE_ID, title: 'Routing test article', textFile: `${ARTICLE_ID}.txt`, textSha256: textSha256(text) },
      entities: [{ id: 'kazakhstan', mentions: ['Kazakhstan'] }],
    }),
  );
});

afterAll(async () => {
  if (api) await removeArticle(api.database.driver, api.database.name, ARTICLE_ID);
  await api?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a routing driver (neo4j://)', () => {
  it('routes: the instance is the reader and the writer, and the API answers through it', async () => {
    const reader = await api.database.driver.getServerInfo({ database: api.database.name });
    expect(reader.address).toBeTruthy();
    expect((await api.graphql('{ entity(id: "kazakhstan") { name } }')).data).toEqual({ entity: { name: 'Kazakhstan' } });
  });

  it("runs the API's reads as read transactions: a write through its reader is refused", async () => {
    const reader = new GraphReader(api.database.driver, api.database.name, 5_000, undefined, api.database.bookmarks);
    await expect(reader.rows("CREATE (:Intruder {name: 'routed'})")).rejects.toThrow(/read/i);
    await reader.close();
    const { records } = await api.database.driver.executeQuery('MATCH (n:Intruder) RETURN count(n) AS intruders', {}, {
      database: api.database.name,
      routing: neo4j.routing.READ,
    });
    expect(records[0]?.get('intruders')).toBe(0);
  });

  it('serves the data version npm run seed wrote, once it finishes, with its data', async () => {
    const before = (await api.graphql<{ stats: { dataVersion: string } }>('{ stats { dataVersion } }')).data!.stats.dataVersion;
    const neo4jSettings = inject('neo4j');
    const seed = spawnSync(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', '--dir', folder], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        LOG_LEVEL: 'warn',
        NEO4J_URI: routingUri(),
        NEO4J_USERNAME: neo4jSettings.username,
        NEO4J_PASSWORD: neo4jSettings.password,
        NEO4J_DATABASE: neo4jSettings.database,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(seed.status, seed.stderr + seed.stdout).toBe(0);

    const written = await readDataVersion(new GraphReader(api.database.driver, api.database.name, 5_000));
    expect(written).not.toBe(before);
    // Asked until the API serves it (each request reads the version; not how fast).
    await expect
      .poll(async () => (await api.graphql<{ stats: { dataVersion: string } }>('{ stats { dataVersion } }')).data!.stats.dataVersion, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(written);
    expect((await api.graphql(`{ article(id: "${ARTICLE_ID}") { title } }`)).data).toEqual({ article: { title: 'Routing test article' } });
  });
});
