/**
 * `search` forgives spelling: a word within one or two edits of a name still finds it, ranked
 * below names that match exactly. The names come from a fixture article of their own.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeArticle } from '../../src/seed/writer.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { dataOf } from './api-fixture.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const FIXTURE_DIR = path.resolve('tests/fixtures/search-fuzzy');
const ARTICLE_ID = 'fuzzy-search-names';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  const { articles } = await validateFiles(await listAnnotationFiles(FIXTURE_DIR));
  await loadArticles(api.database.driver, api.database.name, articles);
});

afterAll(async () => {
  if (api) await removeArticle(api.database.driver, api.database.name, ARTICLE_ID);
  await api?.close();
});

const SEARCH = `query ($text: String!, $first: Int) { search(text: $text, first: $first) { score entity { id } } }`;

async function hitIds(text: string): Promise<string[]> {
  const hits = dataOf(await api.graphql(SEARCH, { text, first: 20 })).search as { entity: { id: string } }[];
  return hits.map((hit) => hit.entity.id);
}

describe('search that forgives spelling', () => {
  it('finds a name one letter off ("masimov" → Massimov)', async () => {
    expect(await hitIds('masimov')).toContain('fuzzy-karim-massimov');
    expect(await hitIds('karim masimov')).toEqual(['fuzzy-karim-massimov']);
  });

  it('folds diacritics and forgives a wrong letter together ("omer celic" → Ömer Çelik)', async () => {
    expect(await hitIds('omer celic')).toEqual(['fuzzy-omer-celik']);
  });

  it('ranks an exact match above a misspelt one ("nazarbaev": the university, then Nazarbayev)', async () => {
    const ids = await hitIds('nazarbaev');
    expect(ids[0]).toBe('fuzzy-nazarbaev-university');
    expect(ids).toContain('fuzzy-nursultan-nazarbayev');
    const nazarbayev = await hitIds('nazarbayev');
    expect(nazarbayev[0]).toBe('fuzzy-nursultan-nazarbayev');
    expect(nazarbayev).toContain('fuzzy-nazarbaev-university');
  });

  it('still finds nothing for words far from every name', async () => {
    expect(await hitIds('zzyzx')).toEqual([]);
    expect(await hitIds('massimov zzyzx')).toEqual([]);
  });
});
