/**
 * A graph that grows: three small articles share entities with the fixture article and with each other,
 * written with quotes instead of offsets and references instead of re-declarations.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createDriver } from '../../src/db/driver.ts';
import { forgetRunningNeo4j, recordRunningNeo4j } from '../../src/db/running-neo4j.ts';
import { removeArticle } from '../../src/seed/writer.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { AnnotationError, REGISTRY_FILE, textSha256 } from '../../src/seed/validate.ts';
import { countGraph, readRows } from './graph-queries.ts';
import { openTestDatabase, seedTestDatabase, startTestServer } from './helpers.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

let database: Database;
const folders: string[] = [];
const ARTICLE_IDS = ['growing-a', 'growing-b', 'growing-c', 'growing-e'];

const read = <T = Record<string, unknown>>(cypher: string, parameters = {}) => readRows<T>(database, cypher, parameters);
const graphCounts = () => countGraph(database);

const entityOf = async (id: string) =>
  (await read<{ entity: Record<string, unknown> | null }>('OPTIONAL MATCH (e:Entity {id: $id}) RETURN e {.*, labels: labels(e)} AS entity', { id }))[0]!.entity;

const TEXT = {
  a: 'Kazakhstan asked the CSTO for help on Tuesday. Aigerim Nurlanova, a teacher in Kazakhstan, said Russia sent troops.\n',
  b: 'Qazaqstan, also written Kazakhstan, hosts the Steppe Observers group. Russia commented.\n',
  bEdited: 'Kazakhstan hosts the Steppe Observers, a research station. Russia commented.\n',
  c: "Aigerim Nurlanova met CSTO officials and Russia's envoy at the Blue Lake Hotel.\n",
};

const article = (id: string) => ({ id, title: `Test article ${id}`, textFile: `${id}.txt` });

const ANNOTATION = {
  a: {
    article: article('growing-a'),
    entities: [
      { id: 'kazakhstan', mentions: [{ quote: 'Kazakhstan', occurrence: 1 }, { quote: 'Kazakhstan', prefix: 'teacher in ' }] },
      { id: 'csto', mentions: ['CSTO'] },
      { id: 'russia', mentions: ['Russia'] },
      { kind: 'PERSON', id: 'aigerim-nurlanova', name: 'Aigerim Nurlanova', description: 'A teacher in Kazakhstan.', mentions: ['Aigerim Nurlanova'] },
    ],
  },
  b: {
    article: article('growing-b'),
    entities: [
      { id: 'kazakhstan', aliases: ['Qazaqstan'], mentions: ['Qazaqstan', 'Kazakhstan'] },
      { id: 'russia', mentions: ['Russia'] },
      { kind: 'ORGANIZATION', id: 'steppe-observers', name: 'Steppe Observers', category: 'OTHER', mentions: ['Steppe Observers'] },
    ],
    relations: [
      { type: 'LOCATED_IN', from: 'steppe-observers', to: 'kazakhstan', certainty: 'STATED', evidence: ['Kazakhstan, hosts the Steppe Observers'] },
    ],
  },
  bEdited: {
    article: article('growing-b'),
    entities: [
      { id: 'kazakhstan', mentions: ['Kazakhstan'] },
      { id: 'russia', mentions: ['Russia'] },
      { kind: 'PLACE', id: 'steppe-observers', name: 'Steppe Observers', category: 'OTHER', mentions: ['Steppe Observers'] },
    ],
    relations: [
      { type: 'LOCATED_IN', from: 'steppe-observers', to: 'kazakhstan', certainty: 'STATED', evidence: ['Kazakhstan hosts the Steppe Observers'] },
    ],
  },
  c: {
    article: article('growing-c'),
    entities: [
      { id: 'aigerim-nurlanova', mentions: ['Aigerim Nurlanova'] },
      { id: 'csto', mentions: ['CSTO'] },
      { id: 'russia', mentions: ['Russia'] },
      { kind: 'PLACE', id: 'blue-lake-hotel', name: 'Blue Lake Hotel', category: 'BUILDING', mentions: ['Blue Lake Hotel'] },
      {
        kind: 'EVENT',
        id: 'nurlanova-csto-meeting',
        name: 'Meeting of Aigerim Nurlanova with CSTO officials',
        category: 'OTHER',
        certainty: 'STATED',
        mentions: ['met'],
        evidence: ["Aigerim Nurlanova met CSTO officials and Russia's envoy at the Blue Lake Hotel"],
      },
    ],
    relations: [
      { type: 'PARTICIPATED_IN', from: 'aigerim-nurlanova', to: 'nurlanova-csto-meeting', role: 'participant', certainty: 'STATED', evidence: ['Aigerim Nurlanova met CSTO officials'] },
      { type: 'OCCURRED_IN', from: 'nurlanova-csto-meeting', to: 'blue-lake-hotel', certainty: 'STATED', evidence: ['at the Blue Lake Hotel'] },
    ],
  },
};

/** A folder with the seed's registry and the given annotation files (name -> [annotation, text]), each with its text's hash. */
function folderWith(files: Record<string, [unknown, string]>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-growing-'));
  folders.push(folder);
  mkdirSync(path.join(folder, 'registry'));
  copyFileSync(path.join(FIXTURE_DIR, REGISTRY_FILE), path.join(folder, REGISTRY_FILE));
  for (const [name, [annotation, text]] of Object.entries(files)) {
    const { article, ...rest } = annotation as { article: { textFile: string } };
    writeFileSync(path.join(folder, article.textFile), text);
    writeFileSync(path.join(folder, `${name}.json`), JSON.stringify({ article: { ...article, textSha256: textSha256(text) }, ...rest }));
  }
  return folder;
}

const threeArticles = () =>
  folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-b': [ANNOTATION.b, TEXT.b], 'growing-c': [ANNOTATION.c, TEXT.c] });

async function loadFolder(folder: string) {
  const { articles, background } = await validateFiles(await listAnnotationFiles(folder));
  return loadArticles(database.driver, database.name, articles, { background });
}

/** Validating the folder fails with an AnnotationError, and nothing is written. */
async function refused(folder: string): Promise<string> {
  const before = await graphCounts();
  const error = await loadFolder(folder).then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(AnnotationError);
  expect(await graphCounts()).toEqual(before);
  return (error as Error).message;
}

let seedOnly: { nodes: number; relationships: number };
let seedKazakhstan: Record<string, unknown> | null;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedTestDatabase(database);
  for (const id of ARTICLE_IDS) await removeArticle(database.driver, database.name, id);
  seedOnly = await graphCounts();
  seedKazakhstan = await entityOf('kazakhstan');
});

afterAll(async () => {
  for (const id of ARTICLE_IDS) await removeArticle(database.driver, database.name, id);
  await database.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('refusing what would make the graph depend on load order', () => {
  it('refuses a declaration that disagrees with the registry or another article, naming both files and the field', async () => {
    const russiaRenamed = {
      article: article('growing-d'),
      entities: [{ kind: 'COUNTRY', id: 'russia', name: 'Russian Federation', isoCode: 'RU', mentions: ['Russia'] }],
    };
    const message = await refused(folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-d': [russiaRenamed, TEXT.a] }));
    expect(message).toMatch(/growing-d\.json has 2 problems:\n {2}\$\.entities\[0\]\.name: "russia" has name "Russian Federation" here but "Russia" in .*registry\/entities\.json/);

    expect(message).toMatch(/\$\.entities\[0\]\.description: "russia" has description \(none\) here but "Leads the CSTO/);

    const teacherRedescribed = {
      article: article('growing-d'),
      entities: [{ kind: 'PERSON', id: 'aigerim-nurlanova', name: 'Aigerim Nurlanova', description: 'A nurse.', mentions: ['Aigerim Nurlanova'] }],
    };
    expect(await refused(folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-d': [teacherRedescribed, TEXT.a] }))).toMatch(
      /growing-d\.json .*\n {2}\$\.entities\[0\]\.description: "aigerim-nurlanova" has description "A nurse\." here but "A teacher in Kazakhstan\." in .*growing-a\.json/,
    );
  });

  it('refuses a declaration that disagrees with one already loaded from another folder', async () => {
    await loadFolder(folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a] }));
    const teacherRedescribed = {
      article: article('growing-d'),
      entities: [{ kind: 'PERSON', id: 'aigerim-nurlanova', name: 'Aigerim Nurlanova', description: 'A nurse.', mentions: ['Aigerim Nurlanova'] }],
    };
    const before = await graphCounts();
    const error = await loadFolder(folderWith({ 'growing-d': [teacherRedescribed, TEXT.a] })).then(() => null, (failure: unknown) => failure);
    expect((error as Error).message).toMatch(
      /^Nothing was written: .*\n {2}"aigerim-nurlanova": description "A nurse\." here, "A teacher in Kazakhstan\." as stored for growing-a\n/,
    );
    expect(await graphCounts()).toEqual(before);
    expect(await removeArticle(database.driver, database.name, 'growing-a')).toBe(true);
    expect(await graphCounts()).toEqual(seedOnly);
  });

  it('refuses the same article id in two files, naming both', async () => {
    const copy = { ...ANNOTATION.c, article: { ...ANNOTATION.c.article, id: 'growing-a' } };
    expect(await refused(folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-z': [copy, TEXT.c] }))).toMatch(
      /growing-z\.json has 1 problem:\n {2}\$\.article\.id: article id "growing-a" is also used in .*growing-a\.json/,
    );
  });

  it('refuses an ambiguous quote, listing where it occurs, and a missing one, showing the nearest text', async () => {
    const ambiguous = structuredClone(ANNOTATION.a);
    ambiguous.entities[0]!.mentions = ['Kazakhstan'];
    const message = await refused(folderWith({ 'growing-a': [ambiguous, TEXT.a] }));
    const second = TEXT.a.indexOf('Kazakhstan', 1);
    expect(message).toContain(`$.entities[0].mentions[0]: quote "Kazakhstan" is ambiguous: it occurs 2 times: #1 at 0-10`);
    expect(message).toContain(`#2 at ${second}-${second + 10}`);

    const misspelt = structuredClone(ANNOTATION.a);
    misspelt.entities[3]!.mentions = ['Aigerim Nurlanovna'];
    expect(await refused(folderWith({ 'growing-a': [misspelt, TEXT.a] }))).toMatch(
      /quote "Aigerim Nurlanovna" does not occur in the article; the nearest text is at 47-64 .*\[Aigerim Nurlanova\]/,
    );
  });
});

describe('three articles sharing entities', () => {
  it('loads references by id with the identity declared once, and quotes at the right offsets', async () => {
    const folder = threeArticles();
    expect(await loadFolder(folder)).toEqual({ written: ['growing-a', 'growing-b', 'growing-c'], unchanged: [] });

    const kazakhstan = await entityOf('kazakhstan');
    expect(kazakhstan).toMatchObject({ name: seedKazakhstan!.name, description: seedKazakhstan!.description, isoCode: 'KZ' });
    expect(kazakhstan!.aliases).toEqual([...(seedKazakhstan!.aliases as string[]), 'Qazaqstan']);
    const [mentionedIn] = await read<{ articles: string[] }>(
      "MATCH (:Entity {id: 'kazakhstan'})-[:MENTIONED_IN]->(a:Article) WITH a ORDER BY a.id RETURN collect(a.id) AS articles",
    );
    expect(mentionedIn!.articles).toEqual(['growing-a', 'growing-b', 'kazakhstan-unrest-2022-01']);

    // C references the person A declares: one node, A's identity.
    expect(await entityOf('aigerim-nurlanova')).toMatchObject({ name: 'Aigerim Nurlanova', description: 'A teacher in Kazakhstan.' });

    const mentions = await read<{ entity: string; starts: number[]; ends: number[]; texts: string[] }>(
      "MATCH (e:Entity)-[m:MENTIONED_IN]->(:Article {id: 'growing-a'}) RETURN e.id AS entity, m.evidenceStarts AS starts, m.evidenceEnds AS ends, m.evidenceTexts AS texts",
    );
    const of = (id: string) => mentions.find((mention) => mention.entity === id)!;
    const teacherIn = TEXT.a.indexOf('teacher in Kazakhstan') + 'teacher in '.length;
    expect(of('kazakhstan')).toEqual({ entity: 'kazakhstan', starts: [0, teacherIn], ends: [10, teacherIn + 10], texts: ['Kazakhstan', 'Kazakhstan'] });
    expect(of('csto').starts).toEqual([TEXT.a.indexOf('CSTO')]);
    expect(of('aigerim-nurlanova').starts).toEqual([TEXT.a.indexOf('Aigerim Nurlanova')]);

    expect(await loadFolder(folder)).toEqual({ written: [], unchanged: ['growing-a', 'growing-b', 'growing-c'] });
  });

  it('after an edit and re-load keeps no stale alias, search hit or label', async () => {
    const search = async (words: string) =>
      (await read<{ id: string }>("CALL db.index.fulltext.queryNodes('entity_search', $words) YIELD node RETURN node.id AS id", { words })).map((hit) => hit.id);
    expect(await search('qazaqstan')).toEqual(['kazakhstan']);

    const folder = folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-b': [ANNOTATION.bEdited, TEXT.bEdited], 'growing-c': [ANNOTATION.c, TEXT.c] });
    expect(await loadFolder(folder)).toEqual({ written: ['growing-b'], unchanged: ['growing-a', 'growing-c'] });

    expect((await entityOf('kazakhstan'))!.aliases).toEqual(seedKazakhstan!.aliases);
    expect(await search('qazaqstan')).toEqual([]);
    const observers = await entityOf('steppe-observers');
    expect(observers).toMatchObject({ kind: 'PLACE' });
    expect((observers!.labels as string[]).sort()).toEqual(['Entity', 'Place']);
    const [located] = await read<{ texts: string[] }>(
      "MATCH (:Entity {id: 'steppe-observers'})-[r:LOCATED_IN]->(:Entity {id: 'kazakhstan'}) RETURN r.evidenceTexts AS texts",
    );
    expect(located!.texts).toEqual(['Kazakhstan hosts the Steppe Observers']);
  });

  it('removing an article removes its mentions, facts and orphaned entities and keeps shared ones', async () => {
    const owned = async (articleId: string) =>
      (await read<{ count: number }>(
        `MATCH (a:Article {id: $articleId})
         RETURN COUNT { ()-[m:MENTIONED_IN|ASSERTED_IN]->(a) } + COUNT { ()-[r]->() WHERE r.articleId = $articleId } AS count`,
        { articleId },
      ))[0]?.count ?? 0;
    expect(await owned('growing-c')).toBeGreaterThan(0);

    expect(await removeArticle(database.driver, database.name, 'growing-c')).toBe(true);
    expect(await read("MATCH (a:Article {id: 'growing-c'}) RETURN a")).toEqual([]);
    expect(await read("MATCH ()-[r]->() WHERE r.articleId = 'growing-c' RETURN r")).toEqual([]);
    expect(await entityOf('blue-lake-hotel')).toBeNull();
    expect(await entityOf('nurlanova-csto-meeting')).toBeNull();
    // Still mentioned elsewhere: A mentions the teacher, the seed and A the CSTO.
    expect(await entityOf('aigerim-nurlanova')).not.toBeNull();
    expect(await entityOf('csto')).not.toBeNull();

    expect(await removeArticle(database.driver, database.name, 'growing-a')).toBe(true);
    expect(await entityOf('aigerim-nurlanova')).toBeNull();
    expect(await removeArticle(database.driver, database.name, 'growing-b')).toBe(true);
    expect(await entityOf('steppe-observers')).toBeNull();
    expect(await removeArticle(database.driver, database.name, 'growing-b')).toBe(false);

    expect(await graphCounts()).toEqual(seedOnly);
    expect(await entityOf('kazakhstan')).toEqual(seedKazakhstan);
  });

  it('refuses a fact the graph holds with another identity, naming it and the articles that state it, and writes nothing', async () => {
    const redeclaresSeedFigure = {
      article: article('growing-e'),
      entities: [{ id: 'russia', mentions: ['Russia'] }],
      figures: [{ id: 'people-hospitalized-400', metric: 'TROOPS', counts: 'troops', approximate: false, text: 'troops', certainty: 'STATED', evidence: ['Russia sent troops'] }],
    };
    const folder = folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a], 'growing-b': [ANNOTATION.b, TEXT.b], 'growing-e': [redeclaresSeedFigure, TEXT.a] });
    const error = await loadFolder(folder).then(() => null, (failure: unknown) => failure);
    expect((error as Error).message).toMatch(/^Nothing was written: .*\n {2}"people-hospitalized-400": metric "TROOPS" here, "HOSPITALIZED" as stored for kazakhstan-unrest-2022-01/);
    expect(await read("MATCH (a:Article) WHERE a.id STARTS WITH 'growing-' RETURN a.id AS id ORDER BY id")).toEqual([]);
    expect(await graphCounts()).toEqual(seedOnly);
  });
});

describe('a database that does not answer', () => {
  it('fails the load before writing, saying that running again once it answers helps', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password: 'not-needed', database: 'neo4j' });
    try {
      const { articles } = await validateFiles(await listAnnotationFiles(folderWith({ 'growing-a': [ANNOTATION.a, TEXT.a] })));
      await expect(loadArticles(driver, 'neo4j', articles)).rejects.toThrow(
        /^Nothing was written: the database was unavailable or busy \(ServiceUnavailable: .*\); running the load again once it answers resumes after what was committed$/,
      );
    } finally {
      await driver.close();
    }
  });
});

describe('loading while the API serves', () => {
  it('npm run seed finds the running local Neo4j, and the server answers with the new article without a restart', async () => {
    const server = await startTestServer();
    const neo4j = inject('neo4j');
    // The data folder of a serving `npm start`: its owner (this process) recorded where Neo4j listens.
    const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-serving-'));
    folders.push(home);
    recordRunningNeo4j(home, neo4j.uri);
    const seed = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', ...args], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          NEO4J_DATA_DIR: home,
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: neo4j.database,
        },
      });
    const articleQuery = '{ article(id: "growing-c") { id title } search(text: "Blue Lake") { entity { id } } }';
    try {
      expect((await server.graphql(articleQuery)).data).toEqual({ article: null, search: [] });
      const loaded = await seed('--dir', threeArticles());
      expect(loaded.stdout).toContain('Using the local Neo4j another process is serving');
      expect(loaded.stdout).toMatch(/"written":3/);

      // The server reads the data version with every request, so its cached answers are stale at once.
      const answer = () => expect.poll(async () => (await server.graphql(articleQuery)).data, { timeout: 5_000, interval: 100 });
      await answer().toEqual({
        article: { id: 'growing-c', title: 'Test article growing-c' },
        search: [{ entity: { id: 'blue-lake-hotel' } }],
      });

      for (const id of ['growing-c', 'growing-b', 'growing-a']) await seed('--remove', id);
      await answer().toEqual({ article: null, search: [] });
      await expect(seed('--remove', 'growing-a')).rejects.toMatchObject({ stdout: expect.stringMatching(/No article .*growing-a.* in the database/) });
    } finally {
      forgetRunningNeo4j(home);
      await server.close();
    }
    expect(await graphCounts()).toEqual(seedOnly);
  });
});
