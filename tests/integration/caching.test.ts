/**
 * Cache-friendly polling: Cache-Control from the schema's hints, ETags and 304s only where a
 * response may be cached, the response cache and its invalidation by the graph's data version.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeArticle } from '../../src/seed/writer.ts';
import { readDataVersion } from '../../src/graph/data-version.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { REGISTRY_FILE, textSha256 } from '../../src/seed/validate.ts';
import { postFrom, startTestServer, type TestServer } from './helpers.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

const ARTICLE_ID = 'caching-poll-a';
const ENTITY = '{ entity(id: "kazakhstan") { name } }';
const STATS = '{ stats { articles dataVersion } }';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

let api: TestServer;
let folder: string;

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * A GET as a browser's cache would send it (with the header Apollo's CSRF prevention asks of GETs).
 * node:http rather than fetch: fetch adds `cache-control: no-cache` beside If-None-Match, which
 * asks the server for a full answer.
 */
function get(query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(`${api.baseUrl}/graphql`);
  url.searchParams.set('query', query);
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'apollo-require-preflight': 'true', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
        resolve({ status: response.statusCode!, headers: answerHeaders, text });
      });
    }).on('error', reject);
  });
}

const dataOf = (answer: Answer) => (JSON.parse(answer.text) as { data: Record<string, any> }).data;
const databaseVersion = () => readDataVersion(new GraphReader(api.database.driver, api.database.name, 5_000));
const loadTestArticle = async () =>
  loadArticles(api.database.driver, api.database.name, (await validateFiles(await listAnnotationFiles(folder))).articles);

beforeAll(async () => {
  api = await startTestServer();
  await removeArticle(api.database.driver, api.database.name, ARTICLE_ID);
  folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-caching-'));
  mkdirSync(path.join(folder, 'registry'));
  copyFileSync(path.join(FIXTURE_DIR, REGISTRY_FILE), path.join(folder, REGISTRY_FILE));
  const text = 'Kazakhstan was polled.\n';
  writeFileSync(path.join(folder, `${ARTICLE_ID}.txt`), text);
  writeFileSync(
    path.join(folder, `${ARTICLE_ID}.json`),
    JSON.stringify({
      article: { id: ARTICLE_ID, title: 'Polling test article', textFile: `${ARTICLE_ID}.txt`, textSha256: textSha256(text) },
      entities: [{ id: 'kazakhstan', mentions: ['Kazakhstan'] }],
    }),
  );
});

afterAll(async () => {
  await removeArticle(api.database.driver, api.database.name, ARTICLE_ID);
  await api?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('Cache-Control', () => {
  it('follows the schema hints: the data for CACHE_MAX_AGE_S, stats for 5 s, the shortest wins', async () => {
    expect((await post({ query: ENTITY })).headers.get('cache-control')).toBe('max-age=60, public');
    expect((await post({ query: STATS })).headers.get('cache-control')).toBe('max-age=5, public');
    expect((await post({ query: `{ stats { articles } entity(id: "kazakhstan") { name } }` })).headers.get('cache-control')).toBe('max-age=5, public');
  });

  it('is no-store, without an ETag, for errors and refused operations', async () => {
    const answers = [
      await post({ query: '{ entities(first: 101) { totalCount } }' }),
      await post({ query: 'mutation { deleteEverything }' }),
      await post({ query: '{ nope }' }),
      await get('{ entities(first: 101) { totalCount } }'),
      await get('{ nope }'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('cache-control'), answer.text).toBe('no-store');
      expect(answer.headers.get('etag')).toBeNull();
    }
  });
});

describe('ETag', () => {
  it('a cacheable GET has one, and a matching If-None-Match gets 304 with the same Cache-Control', async () => {
    const first = await get(ENTITY);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    const again = await get(ENTITY, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    // Another tag, or a client asking to revalidate end to end, gets the full answer.
    expect((await get(ENTITY, { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get(ENTITY, { 'if-none-match': tag!, 'cache-control': 'no-cache' })).status).toBe(200);
  });

  it('a no-store response never gets a 304, whatever the client sends', async () => {
    const failing = '{ entities(first: 101) { totalCount } }';
    for (const tag of ['*', '"x"']) {
      const answer = await get(failing, { 'if-none-match': tag });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('POST answers have no ETag and never 304', async () => {
    const tag = (await get(ENTITY)).headers.get('etag')!;
    const answer = await post({ query: ENTITY }, { 'if-none-match': tag });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();
    expect(dataOf(answer)).toEqual({ entity: { name: 'Kazakhstan' } });
  });
});

describe('the response cache', () => {
  const articleQuery = `{ article(id: "${ARTICLE_ID}") { id title } }`;

  it('answers a repeated query from memory (with an Age header), and the same bytes', async () => {
    const query = '{ entity(id: "csto") { name } }';
    const miss = await post({ query });
    const hit = await post({ query });
    expect(miss.headers.get('age')).toBeNull();
    expect(hit.headers.get('age')).toMatch(/^\d+$/);
    expect(hit.text).toBe(miss.text);
    // The hit's ETag is the miss's: a polling client keeps getting 304s across hits and misses.
    const tagged = await get(query);
    expect((await get(query, { 'if-none-match': tagged.headers.get('etag')! })).status).toBe(304);
  });

  it('is invalidated by a load that changes the graph, and again by a removal', async () => {
    const versionBefore = await databaseVersion();
    expect(dataOf(await post({ query: articleQuery }))).toEqual({ article: null });
    expect((await post({ query: articleQuery })).headers.get('age')).not.toBeNull();

    expect(await loadTestArticle()).toEqual({ written: [ARTICLE_ID], unchanged: [] });
    const versionLoaded = await databaseVersion();
    expect(versionLoaded).not.toBe(versionBefore);
    // Each request reads the version first: the very next one misses.
    expect(dataOf(await post({ query: articleQuery }))).toEqual({ article: { id: ARTICLE_ID, title: 'Polling test article' } });
    expect(dataOf(await post({ query: STATS })).stats.dataVersion).toBe(versionLoaded);

    expect(await removeArticle(api.database.driver, api.database.name, ARTICLE_ID)).toBe(true);
    expect(await databaseVersion()).not.toBe(versionLoaded);
    expect(dataOf(await post({ query: articleQuery }))).toEqual({ article: null });
  });

  it('never answers a client from before a version it has seen, while a load commits', async () => {
    const versionBefore = await databaseVersion();
    // The old answer is cached, for GETs and POSTs alike.
    for (let times = 0; times < 2; times += 1) {
      expect(dataOf(await get(articleQuery))).toEqual({ article: null });
      expect(dataOf(await post({ query: articleQuery }))).toEqual({ article: null });
    }
    let loaded = false;
    const loading = loadTestArticle().then(() => (loaded = true));
    // A polling dashboard: the stats header, then the panel, over and over until well after the load.
    let seenNewVersion = false;
    let answersAfterSeeing = 0;
    while (!loaded || answersAfterSeeing < 5) {
      if (dataOf(await get(STATS)).stats.dataVersion !== versionBefore) seenNewVersion = true;
      const panel = dataOf(await (answersAfterSeeing % 2 === 0 ? get(articleQuery) : post({ query: articleQuery })));
      if (seenNewVersion) {
        expect(panel).toEqual({ article: { id: ARTICLE_ID, title: 'Polling test article' } });
        answersAfterSeeing += 1;
      }
    }
    await loading;
    expect(await removeArticle(api.database.driver, api.database.name, ARTICLE_ID)).toBe(true);
    expect(dataOf(await get(articleQuery))).toEqual({ article: null });
  });

  it('a hit is priced, charged and refused like a miss', async () => {
    // This query's estimate is 201: within a budget of 300, but not after two refusals' fees.
    const limited = await startTestServer({ RATE_LIMIT_COST: '300' });
    try {
      const query = '{ entities(first: 100) { edges { node { id } } } }';
      const ask = async (body: unknown, localAddress: string) => {
        const answer = await postFrom(limited.server.port, body, localAddress);
        return { status: answer.status, age: answer.headers.get('age'), code: answer.json.errors?.[0]?.extensions?.code };
      };
      // Another address fills the cache; this one gets a hit, through its own budget.
      expect((await ask({ query }, '127.0.0.2')).status).toBe(200);
      const hit = await ask({ query }, '127.0.0.3');
      expect(hit.status).toBe(200);
      expect(hit.age).not.toBeNull();
      // Each refusal costs at least the fee: the budget is soon spent, and a hit is refused like a miss.
      let refusals = 0;
      while ((await ask({ query: '{ nope }' }, '127.0.0.3')).status === 400) refusals += 1;
      expect(refusals).toBeLessThanOrEqual(3);
      const refused = await ask({ query }, '127.0.0.3');
      expect(refused.status).toBe(429);
      expect(refused.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('dataVersion', () => {
  it('changes with a load that writes and not with a reload that changes nothing', async () => {
    await loadTestArticle();
    const loaded = await databaseVersion();
    expect(loaded).toMatch(/^[0-9a-f-]{36}$/);
    expect(await loadTestArticle()).toEqual({ written: [], unchanged: [ARTICLE_ID] });
    expect(await databaseVersion()).toBe(loaded);
    expect(dataOf(await post({ query: STATS })).stats.dataVersion).toBe(loaded);
    expect(await removeArticle(api.database.driver, api.database.name, ARTICLE_ID)).toBe(true);
    expect(await databaseVersion()).not.toBe(loaded);
  });
});
