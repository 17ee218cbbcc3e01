import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { AnnotationError, type ValidatedArticle } from '../../src/seed/validate.ts';
import { openTestDatabase, seedTestDatabase } from './helpers.ts';

let database: Database;

async function read<T = Record<string, unknown>>(cypher: string, parameters = {}): Promise<T[]> {
  const result = await database.driver.executeQuery(cypher, parameters, { database: database.name });
  return result.records.map((record) => record.toObject() as T);
}

async function graphCounts() {
  const [row] = await read<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row!;
}

async function seedArticles() {
  return (await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR))).articles;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedTestDatabase(database);
});

afterAll(async () => {
  await database.close();
});

describe('loading the seed', () => {
  it('loads every annotated entity, relation, figure, claim and deployment', async () => {
    const [{ annotation }] = (await seedArticles()) as [ValidatedArticle];
    const [row] = await read<Record<string, number>>(
      `MATCH (a:Article {id: 'kazakhstan-unrest-2022-01'})
       RETURN COUNT { (a)<-[:MENTIONED_IN]-(:Entity) } AS entities,
              COUNT { (:Entity)-[r]->(:Entity) WHERE r.articleId = a.id } AS relations,
              COUNT { (a)<-[:REPORTED_IN]-(:Figure) } AS figures,
              COUNT { (a)<-[:REPORTED_IN]-(:Claim) } AS claims,
              COUNT { (a)<-[:REPORTED_IN]-(:Deployment) } AS deployments`,
    );
    expect(row).toEqual({
      entities: annotation.entities.length,
      // Each claim is also an edge from its speaker to each subject.
      relations: annotation.relations.length + annotation.claims.reduce((sum, claim) => sum + claim.aboutIds.filter((id) => id !== claim.speakerId).length, 0),
      figures: annotation.figures.length,
      claims: annotation.claims.length,
      deployments: annotation.deployments.length,
    });
  });

  it('leaves the graph unchanged when loaded twice, even when forced to rewrite', async () => {
    const before = await graphCounts();
    const report = await loadArticles(database.driver, database.name, await seedArticles(), { force: true });
    expect(report.written).toEqual(['kazakhstan-unrest-2022-01']);
    expect(await graphCounts()).toEqual(before);
    const again = await loadArticles(database.driver, database.name, await seedArticles());
    expect(again.unchanged).toEqual(['kazakhstan-unrest-2022-01']);
    expect(await graphCounts()).toEqual(before);
  });

  it('stores evidence spans that match the stored article text', async () => {
    const rows = await read<{ text: string; starts: number[]; ends: number[]; texts: string[] }>(
      `MATCH (a:Article {id: 'kazakhstan-unrest-2022-01'})
       CALL (a) {
         MATCH (:Entity)-[r]->(:Entity) WHERE r.articleId = a.id RETURN r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.evidenceTexts AS texts
         UNION ALL
         MATCH (n) WHERE (n:Figure OR n:Claim OR n:Deployment) AND n.articleId = a.id
         RETURN n.evidenceStarts AS starts, n.evidenceEnds AS ends, n.evidenceTexts AS texts
         UNION ALL
         MATCH ()-[m:MENTIONED_IN|ASSERTED_IN|REPORTED_IN]->(a) RETURN m.evidenceStarts AS starts, m.evidenceEnds AS ends, m.evidenceTexts AS texts
       }
       RETURN a.text AS text, starts, ends, texts`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const { text, starts, ends, texts } of rows) {
      expect(starts.length).toBeGreaterThan(0);
      starts.forEach((start, index) => expect(text.slice(start, ends[index])).toBe(texts[index]));
    }
  });

  it('keeps hedged statements hedged', async () => {
    const figures = await read<{ text: string; certainty: string }>(
      'MATCH (f:Figure) RETURN f.text AS text, f.certainty AS certainty',
    );
    const certaintyOf = (text: string) => figures.find((figure) => figure.text === text)?.certainty;
    expect(certaintyOf('18')).toBe('STATED');
    expect(certaintyOf('more than 1,000')).toBe('REPORTED');
    expect(certaintyOf('some 70')).toBe('REPORTED');
    expect(certaintyOf('150')).toBe('EXPECTED');

    const deployments = await read<{ country: string; status: string; certainty: string }>(
      `MATCH (d:Deployment)-[:FROM_COUNTRY]->(c:Country) RETURN c.id AS country, d.status AS status, d.certainty AS certainty`,
    );
    expect(deployments).toContainEqual({ country: 'kyrgyzstan', status: 'EXPECTED', certainty: 'EXPECTED' });
    expect(deployments).toContainEqual({ country: 'tajikistan', status: 'SENDING', certainty: 'REPORTED' });
    expect(deployments.every((deployment) => deployment.certainty !== 'STATED')).toBe(true);

    const accusations = await read<{ certainty: string }>(
      `MATCH (c:Claim)-[:SAID_BY]->(:Person {id: 'ruslan-balbek'}) WHERE c.kind = 'ACCUSATION' RETURN c.certainty AS certainty`,
    );
    expect(accusations.length).toBeGreaterThan(2);
    expect(new Set(accusations.map((claim) => claim.certainty))).toEqual(new Set(['ALLEGED']));
  });

  it('keeps bounds and approximations', async () => {
    const [arrested] = await read('MATCH (f:Figure {metric: "ARRESTED"}) RETURN f {.value, .lowerBound, .lowerBoundExclusive, .approximate, .text} AS f');
    expect(arrested!.f).toEqual({ value: null, lowerBound: 2000, lowerBoundExclusive: true, approximate: false, text: 'more than 2,000' });
    const [tajik] = await read('MATCH (f:Figure {text: "about 200"}) RETURN f {.value, .approximate, .metric} AS f');
    expect(tajik!.f).toEqual({ value: 200, approximate: true, metric: 'TROOPS' });
    const [unknown] = await read('MATCH (f:Figure {text: "an unknown number"}) RETURN f {.value, .lowerBound, .upperBound} AS f');
    expect(unknown!.f).toEqual({ value: null, lowerBound: null, upperBound: null });
  });
});

describe('refusing bad annotation files', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-bad-seed-'));
  const original = JSON.parse(readFileSync(path.join(DEFAULT_SEED_DIR, 'kazakhstan-unrest-2022-01.json'), 'utf8'));
  copyFileSync(path.join(DEFAULT_SEED_DIR, 'kazakhstan-unrest-2022-01.txt'), path.join(folder, 'kazakhstan-unrest-2022-01.txt'));

  /** A good article under a new id plus one broken file: nothing of either may be written. */
  async function loadWithMistake(name: string, breakIt: (json: any) => void) {
    const good = structuredClone(original);
    good.article.id = 'good-copy';
    writeFileSync(path.join(folder, 'a-good.json'), JSON.stringify(good));
    const bad = structuredClone(original);
    bad.article.id = 'bad-copy';
    breakIt(bad);
    writeFileSync(path.join(folder, `b-${name}.json`), JSON.stringify(bad));
    const before = await graphCounts();
    const files = (await listAnnotationFiles(folder)).filter((file) => file.endsWith('a-good.json') || file.endsWith(`b-${name}.json`));
    const error = await validateFiles(files).then(
      async ({ articles }) => {
        await loadArticles(database.driver, database.name, articles);
        return null;
      },
      (failure: unknown) => failure,
    );
    expect(await graphCounts()).toEqual(before);
    expect(await read("MATCH (a:Article) WHERE a.id IN ['good-copy', 'bad-copy'] RETURN a.id")).toEqual([]);
    expect(error).toBeInstanceOf(AnnotationError);
    return (error as AnnotationError).message;
  }

  it('names the file, the JSON path and the problem, and writes nothing', async () => {
    expect(await loadWithMistake('dangling', (json) => Object.assign(json.claims[0], { id: 'a-claim-of-its-own', speakerId: 'ghost' }))).toMatch(
      /b-dangling\.json has 1 problem:\n {2}\$\.claims\[0\]\.speakerId: unknown entity "ghost"/,
    );
    expect(await loadWithMistake('span', (json) => (json.figures[1].evidence[0].start += 1))).toMatch(
      /b-span\.json has \d+ problems?:\n {2}\$\.figures\[1\]\.evidence\[0\]: text .* does not match the article/,
    );
    expect(await loadWithMistake('enum', (json) => (json.entities[0].kind = 'ROBOT'))).toMatch(/b-enum\.json .*\n {2}\$\.entities\[0\]\.kind: /);
    expect(await loadWithMistake('kind-clash', (json) => {
      const country = json.entities.find((entity: { id: string }) => entity.id === 'armenia');
      Object.assign(country, { kind: 'PLACE', category: 'CITY' });
      delete country.isoCode;
      json.relations = json.relations.filter((relation: { from: string; to: string }) => relation.from !== 'armenia' && relation.to !== 'armenia');
      json.deployments = json.deployments.filter((deployment: { countryId: string }) => deployment.countryId !== 'armenia');
    })).toMatch(/"armenia" is a PLACE here but a COUNTRY in .*a-good\.json/);
  });
});

describe('a graph stored before provenance', () => {
  it('is upgraded by the next load: relations stated by their articles, dates as intervals, unreferenced coordinates gone', async () => {
    const write = (cypher: string) => database.driver.executeQuery(cypher, {}, { database: database.name });
    // An old graph beside the seed: an article-less entity pair with a relation and an event written the old way.
    await write(`CREATE (:Entity:Event {id: 'old-event', kind: 'EVENT', name: 'Old event', dateIso: '2021-03-01', datePrecision: 'MONTH'})
                   -[:OCCURRED_IN {certainty: 'STATED'}]->(:Entity:Place {id: 'old-place', kind: 'PLACE', name: 'Old place', latitude: 1.5, longitude: 2.5})`);
    await write("MATCH (meta:GraphMeta {id: 'graph'}) REMOVE meta.formatVersion");
    try {
      await loadArticles(database.driver, database.name, await seedArticles());
      const [row] = await read<{ basis: string; start: string; end: string; dateBasis: string; latitude: number | null; version: number }>(
        `MATCH (event:Event {id: 'old-event'})-[relation:OCCURRED_IN]->(place:Place {id: 'old-place'}), (meta:GraphMeta {id: 'graph'})
         RETURN relation.basis AS basis, event.dateStart AS start, event.dateEnd AS end, event.dateBasis AS dateBasis,
                place.latitude AS latitude, meta.formatVersion AS version`,
      );
      expect(row).toEqual({ basis: 'ARTICLE', start: '2021-03-01', end: '2021-03-31', dateBasis: 'ARTICLE', latitude: null, version: 4 });
    } finally {
      await write("MATCH (n:Entity) WHERE n.id IN ['old-event', 'old-place'] DETACH DELETE n");
    }
  });
});
