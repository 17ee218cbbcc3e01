/** The entities and events a folder gives the graph, as rows a person can search and read. */
import type { KnownGraph } from './known.ts';
import { fold } from './text.ts';

export interface ListingRow {
  id: string;
  kind: string;
  name: string;
  /** Category or ISO code. */
  detail: string;
  /** An event's date: "WEEK 2022-01-03". */
  date: string;
  /** An event's places. */
  places: string;
  /** The articles that declare or mention it; "registry" when none does yet. */
  articles: string;
}

/**
 * Every known entity and event, sorted by kind and id; `search` keeps those whose id, name, aliases
 * or (an event's) places contain every word.
 */
export function listKnown(graph: KnownGraph, filter: { kind?: string; search?: string } = {}): ListingRow[] {
  const events = new Map(graph.events.map((event) => [event.id, event]));
  const words = fold(filter.search ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return graph.entities
    .filter((entity) => filter.kind === undefined || entity.kind === filter.kind)
    .filter((entity) => {
      const haystack = fold([entity.id, ...entity.names, ...(events.get(entity.id)?.places ?? [])].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .map((entity) => {
      const event = events.get(entity.id);
      return {
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        detail: entity.category ?? entity.isoCode ?? '',
        date: event?.date ? `${event.date.precision} ${event.date.iso}` : '',
        places: event?.places.join(', ') ?? '',
        articles: entity.articles.length > 0 ? entity.articles.join(', ') : 'registry',
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

const COLUMNS: [keyof ListingRow, string, number][] = [
  ['id', 'ID', 42],
  ['kind', 'KIND', 12],
  ['name', 'NAME', 44],
  ['detail', 'CATEGORY', 17],
  ['date', 'DATE', 15],
  ['places', 'PLACES', 40],
  ['articles', 'ARTICLES', 40],
];

/** Fixed-width columns, long values cut with "…"; a line saying so when nothing matches. */
export function formatListing(rows: ListingRow[]): string {
  if (rows.length === 0) return 'Nothing matches.';
  const cell = (value: string, width: number) => (value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width));
  const line = (values: string[]) => values.map((value, index) => cell(value, COLUMNS[index]![2])).join('  ').trimEnd();
  return [line(COLUMNS.map(([, header]) => header)), ...rows.map((row) => line(COLUMNS.map(([key]) => row[key])))].join('\n');
}
