/** Relations between entities, seen from one entity, with their evidence. */
import { CERTAINTY_RANK, ENTITY_RELATION_TYPES } from '../domain/vocabulary.ts';
import { entityProjection, evidenceProjection, toEntity, toSpans } from './mapping.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { Certainty, Direction, EventAssertionRecord, RelationRecord } from './types.ts';

export interface RelationFilter {
  types: readonly string[] | null;
  direction: Direction;
  /** At most this many per entity; null for all. */
  first: number | null;
}

const PATTERNS: Record<Direction, string> = {
  OUT: `(n)-[relation:${ENTITY_RELATION_TYPES}]->(other:Entity)`,
  IN: `(n)<-[relation:${ENTITY_RELATION_TYPES}]-(other:Entity)`,
  BOTH: `(n)-[relation:${ENTITY_RELATION_TYPES}]-(other:Entity)`,
};

/** Relations of many entities at once, for one filter: one round trip. */
export async function relationsOfEntities(
  reader: GraphReader,
  ids: readonly string[],
  filter: RelationFilter,
): Promise<Map<string, RelationRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     MATCH ${PATTERNS[filter.direction]}
     WHERE $types IS NULL OR type(relation) IN $types
     WITH id, n, relation, other ORDER BY type(relation), other.name, relation.articleId
     WITH id, collect({
       type: type(relation),
       direction: CASE WHEN startNode(relation) = n THEN 'OUT' ELSE 'IN' END,
       other: ${entityProjection('other')},
       properties: relation {.certainty, .title, .former, .role},
       evidence: ${evidenceProjection('relation', 'relation.articleId')}
     }) AS relations
     RETURN id, CASE WHEN $first IS NULL THEN relations ELSE relations[0..$first] END AS relations`,
    { ids, types: filter.types, first: filter.first === null ? null : integer(filter.first) },
  );
  return new Map(
    rows.map((row) => [
      row.id as string,
      (row.relations as Row[]).map((relation) => {
        const properties = relation.properties as Row;
        return {
          type: relation.type as string,
          direction: relation.direction as 'OUT' | 'IN',
          other: toEntity(relation.other as Row),
          certainty: properties.certainty as Certainty,
          evidence: toSpans(relation.evidence),
          title: (properties.title as string | null) ?? null,
          former: (properties.former as boolean | null) ?? null,
          role: (properties.role as string | null) ?? null,
        };
      }),
    ]),
  );
}

/** Each event's certainty (the weakest any article gives) and the spans that state it. */
export async function assertionsOfEvents(
  reader: GraphReader,
  ids: readonly string[],
): Promise<Map<string, EventAssertionRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (:Event {id: id})-[assertion:ASSERTED_IN]->(article:Article)
     WITH id, assertion, article ORDER BY article.id
     RETURN id, collect(assertion.certainty) AS certainties,
            collect(${evidenceProjection('assertion', 'article.id')}) AS evidence`,
    { ids },
  );
  return new Map(
    rows.map((row) => {
      const certainties = row.certainties as Certainty[];
      const weakest = CERTAINTY_RANK.reduce<Certainty>(
        (result, certainty) => (certainties.includes(certainty) ? certainty : result),
        'STATED',
      );
      return [row.id as string, { certainty: weakest, evidence: (row.evidence as unknown[]).flatMap(toSpans) }];
    }),
  );
}
