/** The filtered lists behind the paginated root fields; every filter is a fixed Cypher fragment. */
import { entityProjection, toEntity } from './mapping.ts';
import { insideCondition, type ListSpec } from './entities.ts';
import { integer, type GraphReader, type Row } from './reader.ts';
import type { EntityKind, EntityRecord } from './types.ts';

const BY_NAME = 'n.name';
/** Dated events first, in date order; undated ones after, by name. */
const BY_DATE = "coalesce(n.dateIso, '9999-99-99') + ' ' + n.name";

function spec(pattern: string, sortKey: string, filters: [string, unknown][], patternParameters: Row = {}): ListSpec {
  const present = filters.filter(([, value]) => value !== null && value !== undefined);
  const parameters: Row = { ...patternParameters };
  const conditions = present.map(([condition, value], index) => {
    parameters[`p${index}`] = value;
    return condition.replaceAll('$value', `$p${index}`);
  });
  return { pattern, conditions, parameters, sortKey };
}

export const entityList = (kinds: readonly EntityKind[] | null) =>
  spec('(n:Entity)', BY_NAME, [['n.kind IN $value', kinds]]);

export const personList = () => spec('(n:Person)', BY_NAME, []);

export const countryList = () => spec('(n:Country)', BY_NAME, []);

export const organizationList = (filter: { categories: readonly string[] | null; countryId: string | null }) =>
  spec('(n:Organization)', BY_NAME, [
    ['n.category IN $value', filter.categories],
    [insideCondition('n', 'value'), filter.countryId],
  ]);

export const placeList = (filter: { categories: readonly string[] | null; countryId: string | null }) =>
  spec('(n:Place)', BY_NAME, [
    ['n.category IN $value', filter.categories],
    [insideCondition('n', 'value', 'LOCATED_IN'), filter.countryId],
  ]);

export interface EventFilter {
  categories: readonly string[] | null;
  from: string | null;
  to: string | null;
  placeId: string | null;
  countryId: string | null;
  participantId: string | null;
}

/** Where an event happened: its own places, or those of the events it is part of, then outwards. */
const WHERE_EVENT_HAPPENED = '(n)-[:PART_OF*0..3]->(:Event)-[:OCCURRED_IN]->()-[:LOCATED_IN*0..4]->';
const OCCURRED_INSIDE = `EXISTS { ${WHERE_EVENT_HAPPENED}(:Entity {id: $value}) }`;

/** Events at (or inside) `$anchor`, found from the anchor outwards rather than by testing every event. */
const EVENTS_INSIDE_ANCHOR = '(:Entity {id: $anchor})<-[:LOCATED_IN*0..4]-()<-[:OCCURRED_IN]-(:Event)<-[:PART_OF*0..3]-(n:Event)';

export const eventList = (filter: EventFilter) => {
  // The narrowest place filter anchors the pattern; a country given beside a place stays a condition.
  const anchor = filter.placeId ?? filter.countryId;
  return spec(
    anchor === null ? '(n:Event)' : EVENTS_INSIDE_ANCHOR,
    BY_DATE,
    [
      ['n.category IN $value', filter.categories],
      ['n.dateIso >= $value', filter.from],
      ['n.dateIso <= $value', filter.to],
      [OCCURRED_INSIDE, filter.placeId === null ? null : filter.countryId],
      ['EXISTS { (:Entity {id: $value})-[:PARTICIPATED_IN]->(n) }', filter.participantId],
    ],
    anchor === null ? {} : { anchor },
  );
};

/** Dated events in date order, at most `first`. */
export async function timeline(
  reader: GraphReader,
  filter: { from: string | null; to: string | null; countryId: string | null },
  first: number,
): Promise<EntityRecord[]> {
  const list = eventList({ categories: null, placeId: null, participantId: null, ...filter });
  const rows = await reader.rows(
    `MATCH ${list.pattern} WHERE n.dateIso IS NOT NULL ${list.conditions.map((condition) => `AND ${condition}`).join(' ')}
     WITH DISTINCT n ORDER BY n.dateIso, n.name, n.id LIMIT $first
     RETURN ${entityProjection('n')} AS entity`,
    { ...list.parameters, first: integer(first) },
  );
  return rows.map((row) => toEntity(row.entity as Row));
}

/** Countries each event happened in: directly, or through its places. */
export async function countriesOfEvents(reader: GraphReader, ids: readonly string[]): Promise<Map<string, EntityRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH ${WHERE_EVENT_HAPPENED.replace('(n)', '(:Event {id: id})')}(country:Country)
     WITH DISTINCT id, country ORDER BY country.name
     RETURN id, collect(${entityProjection('country')}) AS countries`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, (row.countries as Row[]).map(toEntity)]));
}
