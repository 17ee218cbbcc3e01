/**
 * One story, many reports: a second article that restates the first one's facts corroborates them.
 * One event per happening, one deployment per contingent, one relation per position; certainty
 * never drops through corroboration; the most precise date wins; analytics count facts, not
 * reports; removing the second article gives back the graph of the first, exactly.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeArticle } from '../../src/seed/writer.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import { AnnotationError } from '../../src/seed/validate.ts';
import { graphContents, readRows } from './graph-queries.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const SECOND = 'kazakhstan-death-toll-2022-01-07';
const SECOND_DIR = path.join(import.meta.dirname, '../fixtures/second-report');
const FIRST = 'kazakhstan-unrest-2022-01';

let api: TestServer;
let firstOnly: Awaited<ReturnType<typeof graphContents>>;
const folders: string[] = [];

/** The first article's fixture folder with the second report added, and `edit` applied to the second's annotation. */
function twoReports(edit: (annotation: any) => void = () => {}): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-reports-'));
  folders.push(folder);
  cpSync(FIXTURE_DIR, folder, { recursive: true });
  copyFileSync(path.join(SECOND_DIR, `${SECOND}.txt`), path.join(folder, `${SECOND}.txt`));
  const annotation = JSON.parse(readFileSync(path.join(SECOND_DIR, `${SECOND}.json`), 'utf8'));
  edit(annotation);
  writeFileSync(path.join(folder, `${SECOND}.json`), JSON.stringify(annotation));
  return folder;
}

async function load(folder: string) {
  const { articles, background } = await validateFiles(await listAnnotationFiles(folder));
  return loadArticles(api.database.driver, api.database.name, articles, { background });
}

const annotationOf = (folder: string, id: string) => JSON.parse(readFileSync(path.join(folder, `${id}.json`), 'utf8'));

async function query<T = any>(text: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await api.graphql<T>(text, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  // Answers must follow the load at once: no response cache between them.
  api = await startTestServer({ RESPONSE_CACHE_MAX_BYTES: '0' });
  await removeArticle(api.database.driver, api.database.name, SECOND);
  firstOnly = await graphContents(api.database);
  await load(twoReports());
});

afterAll(async () => {
  await removeArticle(api.database.driver, api.database.name, SECOND);
  await api.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('a second report of the same story', () => {
  it('adds no event: each event it restates is one event with two reports', async () => {
    const folder = twoReports();
    const declared = new Set(
      [FIRST, SECOND].flatMap((id) => annotationOf(folder, id).entities.filter((entity: any) => entity.kind === 'EVENT').map((entity: any) => entity.id)),
    );
    const [row] = await readRows<{ events: number }>(api.database, 'MATCH (event:Event) RETURN count(event) AS events');
    expect(row!.events).toBe(declared.size);
    const restated = annotationOf(folder, SECOND).entities.filter((entity: any) => entity.certainty !== undefined).map((entity: any) => entity.id);
    expect(restated.length).toBeGreaterThan(0);
    for (const id of restated) {
      const { entity } = await query(`query($id: ID!) { entity(id: $id) { ... on Event { articleCount reports { article { id } } } } }`, { id });
      expect(entity.articleCount, id).toBe(2);
      expect(entity.reports.map((report: any) => report.article.id).sort(), id).toEqual([FIRST, SECOND].sort());
    }
  });

  it('keeps one deployment per contingent, with a report from each article', async () => {
    const { deployments } = await query(`{ deployments(destinationId: "kazakhstan", first: 100) { totalCount edges { node { id country { id } articleCount status certainty weakestCertainty reports { article { id } certainty } } } } }`);
    const first = annotationOf(twoReports(), FIRST);
    expect(deployments.totalCount).toBe(first.deployments.length);
    const senders = deployments.edges.map((edge: any) => edge.node.country.id);
    expect(new Set(senders).size).toBe(senders.length);
    const armenia = deployments.edges.find((edge: any) => edge.node.id === 'armenia-soldiers-to-kazakhstan').node;
    expect(armenia.articleCount).toBe(2);
    // The second report is surer (STATED) and newer: it is the primary one, and the first's REPORTED stays beside it.
    expect(armenia).toMatchObject({ status: 'ARRIVED', certainty: 'STATED', weakestCertainty: 'REPORTED' });
    expect(armenia.reports).toEqual([
      { article: { id: SECOND }, certainty: 'STATED' },
      { article: { id: FIRST }, certainty: 'REPORTED' },
    ]);
    const { deploymentTotals } = await query(`{ deploymentTotals(countryId: "armenia") { deployments reports } }`);
    expect(deploymentTotals).toEqual([{ deployments: 1, reports: 2 }]);
  });

  it('holds one position, one leader and one participant per statement however many articles state it', async () => {
    const { entity: tokayev } = await query(`{ entity(id: "kassym-jomart-tokayev") { ... on Person { positions { title of { id } articleCount reports { article { id } provenance { basis } } } } } }`);
    expect(tokayev.positions).toHaveLength(1);
    expect(tokayev.positions[0]).toMatchObject({ title: 'President', of: { id: 'kazakhstan' }, articleCount: 2 });
    expect(tokayev.positions[0].reports.map((report: any) => report.provenance.basis).sort()).toEqual(['ARTICLE', 'INFERRED']);

    const { entity: csto } = await query(`{ entity(id: "csto") { relations(types: [LED_BY], direction: OUT) { other { id } articleCount } } }`);
    expect(csto.relations).toEqual([{ other: { id: 'russia' }, articleCount: 2 }]);

    const { entity: mission } = await query(`{ entity(id: "csto-deployment-kazakhstan") { ... on Event { participants(first: 100) { entity { id } role articleCount } } } }`);
    const participants = mission.participants.map((participant: any) => `${participant.entity.id}|${participant.role}`);
    expect(new Set(participants).size).toBe(participants.length);
    expect(mission.participants.find((participant: any) => participant.entity.id === 'armenia').articleCount).toBe(2);
  });

  it('never lowers certainty through corroboration: the strongest report gives it, the weakest stays beside it', async () => {
    const folder = twoReports();
    const certaintyIn = (id: string, eventId: string) => annotationOf(folder, id).entities.find((entity: any) => entity.id === eventId)?.certainty;
    const { entity: clashes } = await query(`{ entity(id: "clashes-security-personnel-protesters") { ... on Event { certainty weakestCertainty } } }`);
    expect([certaintyIn(FIRST, 'clashes-security-personnel-protesters'), certaintyIn(SECOND, 'clashes-security-personnel-protesters')]).toEqual(['STATED', 'REPORTED']);
    expect(clashes).toEqual({ certainty: 'STATED', weakestCertainty: 'REPORTED' });
    const { entity: mission } = await query(`{ entity(id: "csto-deployment-kazakhstan") { ... on Event { certainty weakestCertainty } } }`);
    expect(mission).toEqual({ certainty: 'STATED', weakestCertainty: 'REPORTED' });
  });

  it('dates an event by the most precise date reported, with that report\'s evidence, and keeps the others', async () => {
    const { entity } = await query(`{ entity(id: "almaty-airport-seizure") { ... on Event {
      datesDisagree
      date { iso precision provenance { basis evidence { article { id text } start end text } } }
      reports { article { id } date { iso precision } } } } }`);
    expect(entity.date).toMatchObject({ iso: '2022-01-05', precision: 'DAY', provenance: { basis: 'INFERRED' } });
    for (const span of entity.date.provenance.evidence) {
      expect(span.article.id).toBe(SECOND);
      expect(span.article.text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(entity.reports.map((report: any) => `${report.article.id} ${report.date.precision}`).sort()).toEqual([`${FIRST} WEEK`, `${SECOND} DAY`].sort());
    // January 5 lies inside the week of January 3: the reports agree.
    expect(entity.datesDisagree).toBe(false);
  });

  it('gives every fact its evidence in the article that reports it', async () => {
    const { figures } = await query(`{ figures(first: 100) { edges { node { id articleCount sourceCount evidence { article { id text } start end text } reports { article { id text } evidence { start end text } } } } } }`);
    const eighteen = figures.edges.find((edge: any) => edge.node.id === 'security-personnel-killed-18').node;
    expect(eighteen).toMatchObject({ articleCount: 2, sourceCount: 2 });
    for (const { node } of figures.edges) {
      for (const span of node.evidence) expect(span.article.text.slice(span.start, span.end)).toBe(span.text);
      for (const report of node.reports) for (const span of report.evidence) expect(report.article.text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});

describe('analytics count facts, not reports', () => {
  it('counts events, not their reports', async () => {
    const { eventCounts } = await query(`{ eventCounts { events rows { count overlapping undated } } }`);
    const [row] = await readRows<{ events: number }>(api.database, 'MATCH (event:Event) RETURN count(event) AS events');
    expect(eventCounts.events).toBe(row!.events);
  });

  it('never makes one range of different populations or contingents', async () => {
    const { figureSummaries: killed } = await query(`{ figureSummaries(metric: KILLED, groupBy: COUNTRY, countryId: "kazakhstan") { counts figureCount range { lowest highest } } }`);
    const populations = killed.map((summary: any) => summary.counts.toLowerCase());
    expect(new Set(populations).size).toBe(populations.length);
    expect(populations).toEqual(expect.arrayContaining(['security personnel', 'rioters']));
    expect(killed.find((summary: any) => summary.counts === 'security personnel')).toMatchObject({ figureCount: 1, range: { lowest: 18, highest: 18 } });

    const { figureSummaries: troops } = await query(`{ figureSummaries(metric: TROOPS) { contingent { id } figureCount range { lowest highest } } }`);
    expect(troops.every((summary: any) => summary.figureCount === 1 && summary.range.lowest === summary.range.highest)).toBe(true);
    expect(troops.map((summary: any) => summary.contingent.id).sort()).toEqual(['armenia', 'kyrgyzstan', 'tajikistan']);
  });

  it('counts the articles that report a summary\'s figures once each', async () => {
    const { figureSummaries } = await query(`{ figureSummaries(metric: KILLED, eventId: "clashes-security-personnel-protesters") { figureCount articleCount sourceCount } }`);
    expect(figureSummaries).toEqual([{ figureCount: 1, articleCount: 2, sourceCount: 1 }]);
  });
});

describe('declaring a restated fact anew', () => {
  it('is refused with the id to reference instead', async () => {
    const folder = twoReports((annotation) => {
      const seizure = annotation.entities.find((entity: any) => entity.id === 'almaty-airport-seizure');
      Object.assign(seizure, { kind: 'EVENT', id: 'airport-seized-on-wednesday', name: 'Protesters seize Almaty airport', category: 'SEIZURE' });
      annotation.relations.find((relation: any) => relation.from === 'almaty-airport-seizure').from = 'airport-seized-on-wednesday';
    });
    const error = await load(folder).then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(AnnotationError);
    expect((error as Error).message).toMatch(
      new RegExp(`${SECOND}\\.json has 1 problem:\\n {2}\\$\\.entities\\[\\d+\\]\\.id: event "airport-seized-on-wednesday" looks like "almaty-airport-seizure" .*reference "almaty-airport-seizure" by id.*"distinctFrom": \\["almaty-airport-seizure"\\]`),
    );
  });

  it('is refused for a deployment too, and loads once marked distinct', async () => {
    const redeclared = (distinct: boolean) =>
      twoReports((annotation) => {
        Object.assign(annotation.deployments[0], {
          id: 'armenian-contingent',
          countryId: 'armenia',
          destinationId: 'kazakhstan',
          force: 'soldiers',
          missionId: 'csto-deployment-kazakhstan',
          ...(distinct ? { distinctFrom: ['armenia-soldiers-to-kazakhstan'] } : {}),
        });
      });
    const error = await validateFiles(await listAnnotationFiles(redeclared(false))).then(() => null, (failure: unknown) => failure);
    expect((error as Error).message).toMatch(/\$\.deployments\[0\]\.id: deployment "armenian-contingent" looks like "armenia-soldiers-to-kazakhstan"/);
    const { articles } = await validateFiles(await listAnnotationFiles(redeclared(true)));
    expect(articles.find((article) => article.annotation.article.id === SECOND)!.annotation.deployments[0]!.id).toBe('armenian-contingent');
  });

  it('refuses a reference to a fact no article declares, and a second declaration that disagrees', async () => {
    const unknown = twoReports((annotation) => (annotation.figures[0].id = 'no-such-figure'));
    await expect(validateFiles(await listAnnotationFiles(unknown))).rejects.toThrow(/\$\.figures\[0\]\.id: unknown figure "no-such-figure": declare it in full \(with "metric"\)/);
    const disagreeing = twoReports((annotation) =>
      Object.assign(annotation.figures[0], { metric: 'KILLED', counts: 'security personnel', value: 19, approximate: false }),
    );
    // Whichever file is read first declares it; the other is told where, and which field differs.
    await expect(validateFiles(await listAnnotationFiles(disagreeing))).rejects.toThrow(
      /\.figures\[\d+\]\.value: "security-personnel-killed-18" has value (19 here but 18|18 here but 19) in .*\.json/,
    );
  });
});

describe('removing the second report', () => {
  it('gives back exactly the graph of the first article', async () => {
    expect(await removeArticle(api.database.driver, api.database.name, SECOND)).toBe(true);
    expect(await graphContents(api.database)).toEqual(firstOnly);
    await load(twoReports());
  });
});
