/**
 * The graph mirrors the folder it is loaded from, or says what it keeps: an article whose files
 * are gone is named by `npm run seed` and `npm start` with the command that removes it, stays
 * until then, and `npm run seed -- --prune` leaves the graph a fresh load of the folder would give.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { REGISTRY_FILE, textSha256 } from '../../src/seed/validate.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';
import { graphContents, readRows } from './graph-queries.ts';
import { openTestDatabase, seedTestDatabase } from './helpers.ts';

/** One pino line of a child process (production logs are JSON). */
interface LogEntry {
  level: number;
  msg: string;
  articles?: string[];
  article?: string;
  written?: number;
  unchanged?: number;
}

const WARN = 40;

const ARTICLES = {
  'mirror-a': {
    text: 'Kazakhstan asked the CSTO for help. Russia answered.\n',
    annotation: {
      article: { id: 'mirror-a', title: 'Mirror test article A', textFile: 'mirror-a.txt', textSha256: textSha256('Kazakhstan asked the CSTO for help. Russia answered.\n') },
      entities: [
        { id: 'kazakhstan', mentions: ['Kazakhstan'] },
        { id: 'csto', mentions: ['CSTO'] },
        { id: 'russia', mentions: ['Russia'] },
      ],
    },
  },
  'mirror-b': {
    text: 'Crowds gathered on Mirror Square in Kazakhstan.\n',
    annotation: {
      article: { id: 'mirror-b', title: 'Mirror test article B', textFile: 'mirror-b.txt', textSha256: textSha256('Crowds gathered on Mirror Square in Kazakhstan.\n') },
      entities: [
        { id: 'kazakhstan', mentions: ['Kazakhstan'] },
        { kind: 'PLACE', id: 'mirror-square', name: 'Mirror Square', category: 'OTHER', mentions: ['Mirror Square'] },
      ],
      relations: [{ type: 'LOCATED_IN', from: 'mirror-square', to: 'kazakhstan', certainty: 'STATED', evidence: ['Mirror Square in Kazakhstan'] }],
    },
  },
};

let database: Database;
const folders: string[] = [];

/** A folder with the fixture's registry and the named articles (text and annotation). */
function folderWith(ids: (keyof typeof ARTICLES)[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-mirror-'));
  folders.push(folder);
  mkdirSync(path.join(folder, 'registry'));
  copyFileSync(path.join(FIXTURE_DIR, REGISTRY_FILE), path.join(folder, REGISTRY_FILE));
  for (const id of ids) {
    writeFileSync(path.join(folder, `${id}.txt`), ARTICLES[id].text);
    writeFileSync(path.join(folder, `${id}.json`), JSON.stringify(ARTICLES[id].annotation));
  }
  return folder;
}

/** The test Neo4j, as `npm start` and `npm run seed` read it from the environment. */
function neo4jEnvironment() {
  const neo4j = inject('neo4j');
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  };
}

const parseLog = (stdout: string): LogEntry[] =>
  stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogEntry);

/** `npm run seed -- ARGS`, as a process; its log lines. */
async function seed(...args: string[]): Promise<LogEntry[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', ...args], { env: neo4jEnvironment() });
  return parseLog(stdout);
}

const storedArticles = async () => (await readRows<{ id: string }>(database, 'MATCH (a:Article) RETURN a.id AS id ORDER BY id')).map((row) => row.id);
const emptyDatabase = () => database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: database.name });

beforeAll(async () => {
  database = await openTestDatabase();
  await emptyDatabase();
});

afterAll(async () => {
  // Leave the shared database as the other files expect it: the fixture article alone.
  await emptyDatabase();
  await seedTestDatabase(database);
  await database.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('an article whose files are gone', () => {
  const folder = folderWith(['mirror-a', 'mirror-b']);

  it('is named by npm run seed, with the command that removes it, and stays in the graph', async () => {
    expect((await seed('--dir', folder)).find((entry) => entry.msg === 'Seed loaded')).toMatchObject({ written: 2, unchanged: 0 });
    for (const file of ['mirror-b.json', 'mirror-b.txt']) rmSync(path.join(folder, file));

    const log = await seed('--dir', folder);
    const warnings = log.filter((entry) => entry.level === WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.articles).toEqual(['mirror-b']);
    expect(warnings[0]!.msg).toContain(`1 article with no annotation file in ${folder}: "mirror-b"`);
    expect(warnings[0]!.msg).toContain(`npm run seed -- --dir ${folder} --prune`);
    expect(log.find((entry) => entry.msg === 'Seed loaded')).toMatchObject({ written: 0, unchanged: 1 });

    expect(await storedArticles()).toEqual(['mirror-a', 'mirror-b']);
    const [square] = await readRows(database, "MATCH (:Place {id: 'mirror-square'})-[r:LOCATED_IN]->(:Country {id: 'kazakhstan'}) RETURN r.articleId AS articleId");
    expect(square).toEqual({ articleId: 'mirror-b' });
  });

  it('is removed by npm run seed -- --prune, with its facts, leaving what a fresh load of the folder gives', async () => {
    const log = await seed('--dir', folder, '--prune');
    const removed = log.filter((entry) => entry.msg.startsWith('Removed article')).map((entry) => entry.article);
    expect(removed).toEqual(['mirror-b']);
    expect(log.some((entry) => entry.level === WARN)).toBe(false);
    expect(await storedArticles()).toEqual(['mirror-a']);
    const pruned = await graphContents(database);
    expect(pruned.nodes.some((node) => node.includes('"mirror-square"'))).toBe(false);

    await emptyDatabase();
    await seed('--dir', folder);
    expect(await graphContents(database)).toEqual(pruned);
  });

  it('npm start names an article that is not in seed/, and keeps it', async () => {
    const main = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...neo4jEnvironment(), PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const log: LogEntry[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        main.once('exit', (code) => reject(new Error(`npm start exited during start-up (code ${code})`)));
        createInterface({ input: main.stdout! }).on('line', (line) => {
          const entry = JSON.parse(line) as LogEntry;
          log.push(entry);
          if (entry.msg === 'GraphQL API ready') resolve();
        });
      });
    } finally {
      const exited = new Promise((resolve) => main.once('exit', resolve));
      main.kill('SIGTERM');
      await exited;
    }
    // npm start loads seed/, whatever it holds; the test article is not in it.
    const warning = log.find((entry) => entry.level === WARN && entry.articles !== undefined);
    expect(warning?.articles).toEqual(['mirror-a']);
    expect(warning?.msg).toContain('"mirror-a"');
    expect(warning?.msg).toContain('run `npm run seed -- --prune`');
    expect(await storedArticles()).toContain('mirror-a');
  }, 120_000);

  it('refuses --prune with --check or --remove, which load nothing', async () => {
    await expect(seed('--dir', folder, '--check', '--prune')).rejects.toMatchObject({ stderr: expect.stringContaining("option '--prune' cannot be used with option '--check'") });
    await expect(seed('--remove', 'mirror-a', '--prune')).rejects.toMatchObject({ stderr: expect.stringMatching(/option '--prune' cannot be used with option '--remove/) });
  });
});
