/** `npm run annotate -- list`: the entities and events a folder gives the graph, searchable. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKnownGraph, type KnownGraph } from '../../src/seed/draft/known.ts';
import { formatListing, listKnown } from '../../src/seed/draft/listing.ts';

const KNOWN_DIR = 'tests/fixtures/draft-known';
let graph: KnownGraph;

beforeAll(async () => {
  graph = await readKnownGraph(KNOWN_DIR);
});

describe('the listing', () => {
  it('lists every entity and event with kind, category, date, places and articles', () => {
    const rows = listKnown(graph);
    expect(rows.map((row) => row.id)).toEqual(['csto', 'kazakhstan', 'russia', 'almaty-airport-seizure', 'tokayev-request-to-csto', 'kassym-jomart-tokayev', 'almaty'].sort((a, b) => {
      const kind = (id: string) => rows.find((row) => row.id === id)!.kind;
      return kind(a).localeCompare(kind(b)) || a.localeCompare(b);
    }));
    expect(rows.find((row) => row.id === 'almaty-airport-seizure')).toEqual({
      id: 'almaty-airport-seizure',
      kind: 'EVENT',
      name: 'Protesters seize Almaty airport',
      detail: 'SEIZURE',
      date: 'DAY 2022-01-05',
      places: 'almaty, kazakhstan',
      articles: 'known-airport',
    });
    expect(rows.find((row) => row.id === 'russia')).toMatchObject({ detail: 'RU', articles: 'registry' });
  });

  it('filters by kind and by words of the id, name, aliases or an event\'s places, ignoring case and diacritics', () => {
    expect(listKnown(graph, { kind: 'EVENT' }).map((row) => row.id)).toEqual(['almaty-airport-seizure', 'tokayev-request-to-csto']);
    expect(listKnown(graph, { search: 'ALMATY' }).map((row) => row.id)).toEqual(['almaty-airport-seizure', 'almaty']);
    expect(listKnown(graph, { search: 'cstó' }).map((row) => row.id)).toEqual(['tokayev-request-to-csto', 'csto']);
    expect(listKnown(graph, { kind: 'PERSON', search: 'almaty' })).toEqual([]);
  });

  it('prints aligned columns, and says when nothing matches', () => {
    const lines = formatListing(listKnown(graph, { kind: 'EVENT' })).split('\n');
    expect(lines[0]).toMatch(/^ID\s+KIND\s+NAME\s+CATEGORY\s+DATE\s+PLACES\s+ARTICLES$/);
    expect(lines[1]!.indexOf('EVENT')).toBe(lines[0]!.indexOf('KIND'));
    expect(lines[1]!.indexOf('DAY 2022-01-05')).toBe(lines[0]!.indexOf('DATE'));
    expect(formatListing([])).toBe('Nothing matches.');
  });
});

// Each test starts the command in its own Node process; a loaded machine may take seconds.
describe('npm run annotate -- list', { timeout: 60_000 }, () => {
  const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/annotate-cli.ts', 'list', '--dir', KNOWN_DIR, ...args]);

  it('prints the matching rows', async () => {
    const { stdout } = await run('--kind', 'event', '--search', 'almaty');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^almaty-airport-seizure\s+EVENT\s+Protesters seize Almaty airport\s+SEIZURE\s+DAY 2022-01-05\s+almaty, kazakhstan\s+known-airport$/);
  });

  it('refuses an unknown kind, naming the kinds there are', async () => {
    await expect(run('--kind', 'city')).rejects.toMatchObject({ stderr: expect.stringContaining('--kind must be one of PERSON, ORGANIZATION, COUNTRY, PLACE, EVENT, not "city"') });
  });
});
