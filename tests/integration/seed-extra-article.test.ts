/**
 * `seed/` can grow: a copy of it with one more article (written for this test, referencing known
 * entities by id) validates and loads, and the real server answers every `examples/` operation
 * (by its persisted-document id, as the dashboard sends them) without an error, with its default
 * variables and with variables naming the extra article's facts. Nothing here assumes what
 * `seed/` holds beyond the registry's countries and cities the extra article references.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, listAnnotationFiles, validateFiles } from '../../src/seed/load.ts';
import { textSha256 } from '../../src/seed/validate.ts';
import { readRows } from './graph-queries.ts';
import { openTestDatabase, seedTestDatabase, startTestServer, type GraphQLResponse, type TestServer } from './helpers.ts';

const EXTRA_ID = 'extra-test-article';

const EXTRA_TEXT =
  'A vigil was held on Republic Square in Almaty on January 9, 2022. The city health board said 40 people were injured at the vigil. ' +
  "Spokeswoman Dana Seitkali accused looters of disrupting the vigil in Kazakhstan's largest city. " +
  'Russia sent doctors to Kazakhstan, the board said.\n';

/** Countries and cities come from the registry by id; everything else is the article's own. */
const EXTRA_ANNOTATION = {
  article: { id: EXTRA_ID, title: 'Extra test article: a vigil in Almaty', textFile: `${EXTRA_ID}.txt`, textSha256: textSha256(EXTRA_TEXT) },
  entities: [
    { id: 'almaty', mentions: ['Almaty'] },
    { id: 'kazakhstan', mentions: [{ quote: 'Kazakhstan', occurrence: 1 }, { quote: 'Kazakhstan', occurrence: 2 }] },
    { id: 'russia', mentions: ['Russia'] },
    { kind: 'PLACE', id: 'extra-republic-square', name: 'Republic Square (test)', category: 'OTHER', mentions: ['Republic Square'] },
    { kind: 'ORGANIZATION', id: 'extra-city-health-board', name: 'City health board (test)', category: 'GOVERNMENT_BODY', mentions: ['city health board'] },
    { kind: 'PERSON', id: 'extra-dana-seitkali', name: 'Dana Seitkali', description: 'Spokeswoman (test person).', mentions: ['Dana Seitkali'] },
    {
      kind: 'EVENT',
      id: 'extra-almaty-vigil',
      name: 'Vigil on Republic Square (test)',
      category: 'PROTEST',
      date: { iso: '2022-01-09', precision: 'DAY', evidence: ['January 9, 2022'] },
      certainty: 'STATED',
      evidence: ['A vigil was held on Republic Square in Almaty on January 9, 2022'],
      mentions: [{ quote: 'vigil', occurrence: 1 }],
    },
  ],
  relations: [
    { type: 'OCCURRED_IN', from: 'extra-almaty-vigil', to: 'extra-republic-square', certainty: 'STATED', evidence: ['vigil was held on Republic Square'] },
    { type: 'LOCATED_IN', from: 'extra-republic-square', to: 'almaty', certainty: 'STATED', evidence: ['Republic Square in Almaty'] },
    { type: 'LOCATED_IN', from: 'almaty', to: 'kazakhstan', certainty: 'STATED', evidence: ["Kazakhstan's largest city"] },
  ],
  figures: [
    {
      id: 'extra-injured-40',
      metric: 'INJURED',
      counts: 'people',
      value: 40,
      approximate: false,
      text: '40',
      eventId: 'extra-almaty-vigil',
      sourceId: 'extra-city-health-board',
      certainty: 'STATED',
      evidence: ['The city health board said 40 people were injured at the vigil'],
    },
  ],
  claims: [
    {
      id: 'extra-seitkali-accuses-looters',
      kind: 'ACCUSATION',
      summary: 'Dana Seitkali accuses looters of disrupting the vigil.',
      quote: 'accused looters of disrupting the vigil',
      speakerId: 'extra-dana-seitkali',
      aboutIds: ['extra-almaty-vigil'],
      certainty: 'ALLEGED',
      evidence: ['Spokeswoman Dana Seitkali accused looters of disrupting the vigil'],
    },
  ],
  deployments: [
    {
      id: 'extra-russia-doctors-to-kazakhstan',
      countryId: 'russia',
      destinationId: 'kazakhstan',
      force: 'doctors',
      status: 'SENT',
      certainty: 'REPORTED',
      evidence: ['Russia sent doctors to Kazakhstan, the board said'],
    },
  ],
};

/** Each example operation with variables naming the extra article's facts, and an id its answer must hold. */
const WITH_EXTRA_FACTS: Record<string, { variables: Record<string, unknown>; shows: string }> = {
  ArticleEvidence: { variables: { id: EXTRA_ID }, shows: 'extra-seitkali-accuses-looters' },
  CasualtyFigures: { variables: { metric: 'INJURED' }, shows: 'extra-injured-40' },
  ArticleList: { variables: { first: 100 }, shows: EXTRA_ID },
  ArticleText: { variables: { id: EXTRA_ID }, shows: EXTRA_ID },
  ClaimsBySpeaker: { variables: { speakerId: 'extra-dana-seitkali' }, shows: 'extra-seitkali-accuses-looters' },
  ClaimsNetwork: { variables: { id: 'extra-dana-seitkali' }, shows: 'extra-almaty-vigil' },
  DeploymentTotals: { variables: { destinationId: 'kazakhstan' }, shows: 'russia' },
  EntityCard: { variables: { id: 'extra-almaty-vigil' }, shows: 'extra-republic-square' },
  EventList: { variables: { countryId: 'kazakhstan', categories: ['PROTEST'], first: 100 }, shows: 'extra-almaty-vigil' },
  EventsByCountry: { variables: { bucket: 'DAY' }, shows: 'kazakhstan' },
  EventsPerDay: { variables: { countryId: 'kazakhstan', from: '2022-01-09', to: '2022-01-09' }, shows: '2022-01-09' },
  FigureSummary: { variables: { metric: 'INJURED', first: 100 }, shows: 'extra-injured-40' },
  FiguresBySource: { variables: { sourceId: 'extra-city-health-board' }, shows: 'extra-injured-40' },
  NeighborhoodGraph: { variables: { id: 'extra-almaty-vigil' }, shows: 'extra-republic-square' },
  PathBetween: { variables: { from: 'extra-dana-seitkali', to: 'almaty' }, shows: 'extra-republic-square' },
  PlaceEvents: { variables: { id: 'extra-republic-square' }, shows: 'extra-almaty-vigil' },
  SearchBox: { variables: { text: 'Seitkali' }, shows: 'extra-dana-seitkali' },
  Timeline: { variables: { countryId: 'kazakhstan', from: '2022-01-09', to: '2022-01-09' }, shows: 'extra-almaty-vigil' },
  TroopDeployments: { variables: { destinationId: 'kazakhstan' }, shows: 'extra-russia-doctors-to-kazakhstan' },
};

const MANIFEST = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../examples/generated/persisted-documents.json', import.meta.url)), 'utf8'),
) as Record<string, string>;
const OPERATIONS = Object.entries(MANIFEST).map(([documentId, document]) => ({ documentId, name: getOperationAST(parse(document))!.name!.value }));

const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-seed-plus-one-'));
let api: TestServer;

async function run(documentId: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

function expectAnswered(answer: GraphQLResponse) {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
  expect(answer.data).toBeDefined();
}

beforeAll(async () => {
  cpSync(DEFAULT_SEED_DIR, folder, { recursive: true });
  writeFileSync(path.join(folder, `${EXTRA_ID}.txt`), EXTRA_TEXT);
  writeFileSync(path.join(folder, `${EXTRA_ID}.json`), JSON.stringify(EXTRA_ANNOTATION, null, 2));
  // The graph is the folder's alone: nothing left from the fixture or another file.
  const database = await openTestDatabase();
  await database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: database.name });
  await database.close();
  api = await startTestServer({ PERSISTED_DOCUMENTS_ONLY: 'true' }, folder);
}, 300_000);

afterAll(async () => {
  // Leave the shared database as the other files expect it: the fixture article alone.
  if (api) {
    await api.database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: api.database.name });
    await seedTestDatabase(api.database);
    await api.close();
  }
  rmSync(folder, { recursive: true, force: true });
}, 300_000);

describe('seed/ with one more article', () => {
  it('validates and loads: every article of seed/ and the extra one', async () => {
    const seedIds = (await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR))).articles.map(({ annotation }) => annotation.article.id);
    const stored = await readRows<{ id: string }>(api.database, 'MATCH (a:Article) RETURN a.id AS id ORDER BY id');
    expect(stored.map((row) => row.id)).toEqual([...seedIds, EXTRA_ID].sort());
  });

  it('has variables for every example operation', () => {
    expect(OPERATIONS.map((operation) => operation.name).sort()).toEqual(Object.keys(WITH_EXTRA_FACTS).sort());
  });

  it.each(OPERATIONS)('answers $name with its default variables', async ({ documentId }) => {
    expectAnswered(await run(documentId));
  });

  it.each(OPERATIONS)("answers $name with the extra article's facts", async ({ documentId, name }) => {
    const { variables, shows } = WITH_EXTRA_FACTS[name]!;
    const answer = await run(documentId, variables);
    expectAnswered(answer);
    expect(JSON.stringify(answer.data)).toContain(`"${shows}"`);
  });
});
