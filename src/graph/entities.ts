/** Entities: lookups by id, lists with filters and keyset pages, full-text search. */
import { ENTITY_SEARCH_INDEX } from '../db/schema.ts';
import { entityProjection, evidenceProjection, toEntity, toSpans } from './mapping.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { EntityKind, EntityRecord, PageRecord, SearchHitRecord, SpanRecord } from './types.ts';

export async function entitiesByIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN ${entityProjection('n')} AS entity`,
    { ids },
  );
  return new Map(rows.map((row) => [(row.entity as Row).id as string, toEntity(row.entity as Row)]));
}

export async function mentionsByEntityIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, SpanRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})-[mention:MENTIONED_IN]->(article:Article)
     WITH id, mention, article ORDER BY article.id
     RETURN id, collect(${evidenceProjection('mention', 'article.id')}) AS evidence`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, (row.evidence as unknown[]).flatMap(toSpans)]));
}

/** An entity's country: itself for a country, else the nearest through LOCATED_IN and PART_OF. */
export async function countriesOfEntities(reader: GraphReader, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     OPTIONAL MATCH path = (n)-[:LOCATED_IN|PART_OF*1..4]->(country:Country)
     WITH id, country ORDER BY length(path)
     WITH id, collect(country)[0] AS country
     WHERE country IS NOT NULL
     RETURN id, ${entityProjection('country')} AS country`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, toEntity(row.country as Row)]));
}

/** Entities of a label located (directly or through places) in each country. */
export async function entitiesInCountries(
  reader: GraphReader,
  label: 'Place' | 'Organization',
  countryIds: readonly string[],
): Promise<Map<string, EntityRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (country:Country {id: id})<-[:LOCATED_IN|PART_OF*1..4]-(n:${label})
     WITH DISTINCT id, n ORDER BY n.name, n.id
     RETURN id, collect(${entityProjection('n')}) AS entities`,
    { ids: countryIds },
  );
  return new Map(rows.map((row) => [row.id as string, (row.entities as Row[]).map(toEntity)]));
}

/** Lower-case and strip diacritics, as the index's folding analyzer does. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The words search compares: folded, letters and digits only (punctuation and operators drop out). */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A Lucene query that finds every word as a whole word or a prefix. Words are reduced to
 * letters and digits, so Lucene operators in user input are searched literally, never parsed.
 */
export function toSearchQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((word) => `(${word} OR ${word}*)`).join(' AND ');
}

/**
 * Lucene candidates fetched per hit asked for. Lucene ranks short texts that merely contain the
 * words (an event "CSTO contingent deployed…") above the entity whose name or alias *is* the
 * text (the CSTO), so hits are re-ranked from a wider pool; a kind filter needs a wider one still.
 */
const CANDIDATES_PER_HIT = 3;
const CANDIDATES_PER_HIT_OF_KINDS = 20;

export async function searchEntities(
  reader: GraphReader,
  text: string,
  kinds: readonly EntityKind[] | null,
  first: number,
): Promise<SearchHitRecord[]> {
  const query = toSearchQuery(text);
  if (query === null) return [];
  const candidates = first * (kinds ? CANDIDATES_PER_HIT_OF_KINDS : CANDIDATES_PER_HIT);
  const rows = await reader.rows(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
     WHERE $kinds IS NULL OR node.kind IN $kinds
     RETURN ${entityProjection('node')} AS entity, score
     ORDER BY score DESC, node.name LIMIT $candidates`,
    { index: ENTITY_SEARCH_INDEX, query, kinds, candidates: integer(candidates) },
  );
  const hits = rows.map((row) => ({ entity: toEntity(row.entity as Row), score: row.score as number }));
  // An exact name or alias match ("CSTO", "gulen", "RFE/RL") outranks every partial one.
  const wanted = searchWords(text).join(' ');
  const exact = (entity: EntityRecord) => [entity.name, ...entity.aliases].some((name) => searchWords(name).join(' ') === wanted);
  const boost = hits[0]?.score ?? 0;
  return hits
    .map((hit) => (exact(hit.entity) ? { ...hit, score: hit.score + boost } : hit))
    .sort((a, b) => b.score - a.score) // Stable: equal scores keep the query's order by name.
    .slice(0, first);
}

/** What a list needs: the pattern binding `n`, fixed filter fragments, and the sort key. */
export interface ListSpec {
  pattern: string;
  conditions: string[];
  parameters: Row;
  /** A Cypher expression over `n` that orders the list; `n.id` breaks ties. */
  sortKey: string;
}

export interface Keyset {
  key: string;
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.key, keyset.id])).toString('base64url');
}

/** Null when the cursor is not one this API produced. */
export function decodeCursor(cursor: string): Keyset | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { key: value[0] as string, id: value[1] as string };
    }
  } catch {
    // Falls through to null.
  }
  return null;
}

export async function pageOfEntities(
  reader: GraphReader,
  spec: ListSpec,
  first: number,
  after: Keyset | null,
): Promise<PageRecord<EntityRecord>> {
  const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
  const pageConditions = after
    ? [...spec.conditions, `(${spec.sortKey} > $afterKey OR (${spec.sortKey} = $afterKey AND n.id > $afterId))`]
    : spec.conditions;
  const rows = await reader.rows(
    `MATCH ${spec.pattern} ${where(pageConditions)}
     WITH DISTINCT n
     WITH n, ${spec.sortKey} AS sortKey ORDER BY sortKey, n.id LIMIT $limit
     RETURN ${entityProjection('n')} AS entity, sortKey`,
    { ...spec.parameters, afterKey: after?.key ?? null, afterId: after?.id ?? null, limit: integer(first + 1) },
  );
  const edges = rows.slice(0, first).map((row) => {
    const node = toEntity(row.entity as Row);
    return { cursor: encodeCursor({ key: row.sortKey as string, id: node.id }), node };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const [row] = await reader.rows(`MATCH ${spec.pattern} ${where(spec.conditions)} RETURN count(DISTINCT n) AS total`, spec.parameters);
      return (row?.total as number | undefined) ?? 0;
    },
  };
}

/** Matches entities inside the entity `$<parameter>` (itself, or through LOCATED_IN / PART_OF). */
export const insideCondition = (variable: string, parameter: string, hops = 'LOCATED_IN|PART_OF') =>
  `EXISTS { (${variable})-[:${hops}*0..4]->(:Entity {id: $${parameter}}) }`;
