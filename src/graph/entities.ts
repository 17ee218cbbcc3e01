/** Entities: lookups by id (with the facets a selection needs) and full-text search. */
import { ENTITY_SEARCH_INDEX } from '../db/schema.ts';
import Cypher from '@neo4j/cypher-builder';
import { facetColumns, facetValues, type AnyFacet } from './fetch-plan.ts';
import { ENTITY, readRow } from './mapping.ts';
import { entityProjection, type Shape } from './projections.ts';
import { integer, type Row } from './reader.ts';
import type { EntityKind, EntityRecord, SearchHitRecord } from './types.ts';

export interface LoadedEntity {
  entity: EntityRecord;
  facetValues: Map<string, unknown>;
}

/** Entities by id in the given shape, each with the given facets. */
export function entitiesByIdsQuery(ids: readonly string[], shape: Shape, facets: readonly AnyFacet[]): Cypher.Clause {
  const id = new Cypher.Variable();
  const n = new Cypher.Node();
  return new Cypher.Unwind([new Cypher.Param([...ids]), id])
    .match(new Cypher.Pattern(n, { labels: 'Entity', properties: { id } }))
    .return([entityProjection(n, shape), 'entity'], ...facetColumns(n, facets));
}

/** The entities an `entitiesByIdsQuery` returned, by id. */
export function readEntities(rows: Row[], facets: readonly AnyFacet[], check: boolean): Map<string, LoadedEntity> {
  return new Map(
    rows.map((row) => {
      const entity = readRow(ENTITY, row.entity, check);
      return [entity.id, { entity, facetValues: facetValues(row, facets, check) }];
    }),
  );
}

/** Lower-case and strip diacritics, as the index's folding analyzer does. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The words search compares: folded, letters and digits only (punctuation and operators drop out). */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Edits a misspelt word may need to match ("tokaev" → "tokayev"): none for short words, which would match too much. */
function fuzzyEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * A Lucene query that finds every word as a whole word, a prefix, or (below both) a word within
 * one or two edits. Words are reduced to letters and digits, so Lucene operators in user input
 * are searched literally, never parsed; the boosts rank exact words above prefixes and prefixes
 * above misspellings.
 */
export function toSearchQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const edits = fuzzyEdits(word);
      return `(${word}^4 OR ${word}*^2${edits > 0 ? ` OR ${word}~${edits}` : ''})`;
    })
    .join(' AND ');
}

/**
 * Lucene candidates fetched per hit asked for. Lucene ranks short texts that merely contain the
 * words (an event "CSTO contingent deployed…") above the entity whose name or alias *is* the
 * text (the CSTO), so hits are re-ranked from a wider pool; a kind filter needs a wider one still.
 */
const CANDIDATES_PER_HIT = 3;
const CANDIDATES_PER_HIT_OF_KINDS = 20;

/** The full-text candidates for a Lucene query, best first, in the given shape. */
export function searchQuery(query: string, kinds: readonly EntityKind[] | null, candidates: number, shape: Shape): Cypher.Clause {
  const node = new Cypher.Node();
  const score = new Cypher.Variable();
  const limit = new Cypher.Param(integer(candidates));
  const found = Cypher.db.index.fulltext
    .queryNodes(ENTITY_SEARCH_INDEX, new Cypher.Param(query), { limit })
    .yield(['node', node], ['score', score]);
  return (kinds === null ? found : found.where(Cypher.in(node.property('kind'), new Cypher.Param(kinds))))
    .return([entityProjection(node, shape), 'entity'], [score, 'score'])
    .orderBy([score, 'DESC'], node.property('name'))
    .limit(limit);
}

/** The number of full-text candidates to fetch for `first` hits. */
export const searchCandidates = (first: number, kinds: readonly EntityKind[] | null) =>
  first * (kinds ? CANDIDATES_PER_HIT_OF_KINDS : CANDIDATES_PER_HIT);

/** The hits of a `searchQuery` for `text`, re-ranked, at most `first`. */
export function rankHits(rows: Row[], text: string, first: number, check: boolean): SearchHitRecord[] {
  const hits = rows.map((row) => ({ entity: readRow(ENTITY, row.entity, check), score: Number(row.score) }));
  // An exact name or alias match ("CSTO", "gulen", "RFE/RL") outranks every partial one.
  const wanted = searchWords(text).join(' ');
  const exact = (entity: EntityRecord) => [entity.name, ...entity.aliases].some((name) => searchWords(name).join(' ') === wanted);
  const boost = hits[0]?.score ?? 0;
  return hits
    .map((hit) => (exact(hit.entity) ? { ...hit, score: hit.score + boost } : hit))
    .sort((a, b) => b.score - a.score) // Stable: equal scores keep the query's order by name.
    .slice(0, first);
}
