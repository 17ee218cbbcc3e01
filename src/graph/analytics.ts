/**
 * Analytics: event counts by time bucket and group, figure summaries, deployment totals. Each is
 * one bounded query; rows are checked (zod) into domain records.
 *
 * An event's date is an interval, `dateStart`…`dateEnd` (written by the loader): a DAY date that
 * day, a WEEK date seven days from its Monday, a MONTH or YEAR date the whole month or year. An event counts in a bucket only when its interval
 * lies inside; one whose interval is wider but overlaps is counted apart, as `overlapping`.
 */
import { z } from 'zod';
import { DEPLOYMENT_STATUSES, EVENT_CATEGORIES, FIGURE_METRICS, type Basis } from '../domain/vocabulary.ts';
import { TEXT_ORDER, WHERE_EVENT_HAPPENED } from './facets.ts';
import { basisKept, entityProjection, entitySchema, figureProjection, figureSchema, parseRow } from './mapping.ts';
import { integer, type GraphReader } from './reader.ts';
import type { DeploymentTotalRecord, EventCountsRecord, FigureRangeRecord, FigureSummaryRecord } from './types.ts';

export type TimeBucket = 'DAY' | 'WEEK';
export type EventGrouping = 'COUNTRY' | 'CATEGORY' | 'PLACE';
export type FigureGrouping = 'EVENT' | 'COUNTRY';

/** A relation kept by `$excludeBasis`. */
const KEPT = (relation: string) => basisKept(relation, '$excludeBasis');

/** Paths from an event `n` to where it happened, bound to `path` so their relations can be checked. */
const WHERE_HAPPENED = `path = (n)${WHERE_EVENT_HAPPENED}`;
const HAPPENED_KEPT = `all(link IN relationships(path) WHERE ${KEPT('link')})`;

/** The first and last day an event's date can mean, or null when it has none (or its basis is excluded). */
const EVENT_INTERVAL = `CASE
    WHEN n.dateStart IS NULL OR n.dateBasis IN $excludeBasis THEN null
    ELSE [date(n.dateStart), date(n.dateEnd)]
  END`;

/** The group keys of an event `n`: entity ids or a category; [null] when it has none. */
const EVENT_GROUP_KEYS: Record<EventGrouping | 'NONE', string> = {
  NONE: '[null]',
  CATEGORY: '[n.category]',
  COUNTRY: `COLLECT { MATCH ${WHERE_HAPPENED}(country:Country) WHERE ${HAPPENED_KEPT} RETURN DISTINCT country.id }`,
  PLACE: `COLLECT { MATCH (n)-[occurred:OCCURRED_IN]->(place:Place) WHERE ${KEPT('occurred')} RETURN DISTINCT place.id }`,
};

/**
 * The buckets an event's interval overlaps, each `[start, end]` cut at `$from` and `$to`. Without a
 * time bucket, the one bucket is the range itself (null ends: open). Undated: one bucket of nulls.
 */
const EVENT_BUCKETS = `CASE
    WHEN interval IS NULL THEN [[null, null]]
    WHEN $unit IS NULL THEN [[$from, $to]]
    ELSE [first IN [date.truncate($unit, CASE WHEN $from IS NULL OR interval[0] >= date($from) THEN interval[0] ELSE date($from) END)] |
      [step IN range(0, duration.inDays(first, CASE WHEN $to IS NULL OR interval[1] <= date($to) THEN interval[1] ELSE date($to) END).days / $stepDays) |
        [toString(CASE WHEN $from IS NOT NULL AND first + duration({days: step * $stepDays}) < date($from) THEN date($from) ELSE first + duration({days: step * $stepDays}) END),
         toString(CASE WHEN $to IS NOT NULL AND first + duration({days: step * $stepDays + $stepDays - 1}) > date($to) THEN date($to) ELSE first + duration({days: step * $stepDays + $stepDays - 1}) END)]]][0]
  END`;

const eventCountsQuery = (grouping: EventGrouping | 'NONE') => `
  MATCH (n:Event)
  WHERE ($categories IS NULL OR n.category IN $categories)
    AND ($countryId IS NULL OR EXISTS { MATCH ${WHERE_HAPPENED}(:Entity {id: $countryId}) WHERE ${HAPPENED_KEPT} })
  WITH n, ${EVENT_INTERVAL} AS interval
  WHERE interval IS NULL OR (($from IS NULL OR interval[1] >= date($from)) AND ($to IS NULL OR interval[0] <= date($to)))
  WITH collect({event: n, interval: interval}) AS matched
  WITH matched, size(matched) AS events, size([item IN matched WHERE item.interval IS NULL]) AS undated
  CALL (matched) {
    UNWIND matched AS item
    WITH item.event AS n, item.interval AS interval
    WITH n, interval, ${EVENT_GROUP_KEYS[grouping]} AS keys
    UNWIND CASE size(keys) WHEN 0 THEN [null] ELSE keys END AS groupKey
    UNWIND ${EVENT_BUCKETS} AS bucket
    WITH groupKey, bucket[0] AS start, bucket[1] AS end, n, interval,
         interval IS NOT NULL AND (bucket[0] IS NULL OR toString(interval[0]) >= bucket[0])
           AND (bucket[1] IS NULL OR toString(interval[1]) <= bucket[1]) AS inside
    WITH groupKey, start, end,
         count(CASE WHEN inside THEN n END) AS count,
         count(CASE WHEN interval IS NOT NULL AND NOT inside THEN n END) AS overlapping,
         count(CASE WHEN interval IS NULL THEN n END) AS undated
    OPTIONAL MATCH (group:Entity {id: groupKey}) WHERE $grouping IN ['COUNTRY', 'PLACE']
    WITH groupKey, start, end, count, overlapping, undated, group
    ORDER BY undated > 0 AND $unit IS NOT NULL, start, end, coalesce(group.name, groupKey), group.id
    RETURN collect({start: start, end: end, count: count, overlapping: overlapping, undated: undated,
                    category: CASE WHEN $grouping = 'CATEGORY' THEN groupKey END,
                    entity: CASE WHEN group IS NULL THEN null ELSE ${entityProjection('group')} END}) AS rows
  }
  RETURN events, undated, rows[0..$first] AS rows, size(rows) > $first AS truncated`;

const EVENT_COUNTS_QUERIES = {
  NONE: eventCountsQuery('NONE'),
  CATEGORY: eventCountsQuery('CATEGORY'),
  COUNTRY: eventCountsQuery('COUNTRY'),
  PLACE: eventCountsQuery('PLACE'),
};

const count = z.number().int();

const eventCountsSchema = z.object({
  events: count,
  undated: count,
  truncated: z.boolean(),
  rows: z.array(
    z.object({
      start: z.string().nullable(),
      end: z.string().nullable(),
      entity: entitySchema.nullable(),
      category: z.enum(EVENT_CATEGORIES).nullable(),
      count,
      overlapping: count,
      undated: count,
    }),
  ),
});

export interface EventCountsFilter {
  bucket: TimeBucket | null;
  groupBy: EventGrouping | null;
  from: string | null;
  to: string | null;
  countryId: string | null;
  categories: readonly string[] | null;
  excludeBasis: readonly Basis[];
}

export async function eventCounts(reader: GraphReader, filter: EventCountsFilter, first: number): Promise<EventCountsRecord> {
  const grouping = filter.groupBy ?? 'NONE';
  const [row] = await reader.rows(EVENT_COUNTS_QUERIES[grouping], {
    unit: filter.bucket === null ? null : filter.bucket.toLowerCase(),
    stepDays: integer(filter.bucket === 'WEEK' ? 7 : 1),
    grouping,
    from: filter.from,
    to: filter.to,
    countryId: filter.countryId,
    categories: filter.categories,
    excludeBasis: filter.excludeBasis,
    first: integer(first),
  });
  return parseRow(eventCountsSchema, row, 'event counts');
}

/**
 * The range of numbers a set of figures `figure` gives, aggregated over the rows: the lowest floor
 * (twice it, plus one when exclusive, so `min` finds both at once) and the highest number (twice
 * it, plus one when it is only a floor). A null figure (no troop figure) gives no number.
 */
const FIGURE_RANGE = (figure: string) => `{
  lowest: min(coalesce(${figure}.value, ${figure}.lowerBound) * 2
              + CASE WHEN ${figure}.value IS NULL AND ${figure}.lowerBoundExclusive THEN 1 ELSE 0 END),
  highest: max(coalesce(${figure}.value, ${figure}.upperBound, ${figure}.lowerBound) * 2
               + CASE WHEN ${figure}.value IS NULL AND ${figure}.upperBound IS NULL THEN 1 ELSE 0 END),
  approximate: count(CASE WHEN ${figure}.approximate THEN 1 END) > 0,
  unknown: count(CASE WHEN ${figure}.value IS NULL AND ${figure}.lowerBound IS NULL AND ${figure}.upperBound IS NULL THEN 1 END)
}`;

const figureRangeSchema: z.ZodType<FigureRangeRecord> = z
  .object({ lowest: count.nullable(), highest: count.nullable(), approximate: z.boolean(), unknown: count })
  .transform(({ lowest, highest, approximate, unknown }) => ({
    lowest: lowest === null ? null : Math.floor(lowest / 2),
    lowestExclusive: lowest !== null && lowest % 2 === 1,
    highest: highest === null ? null : Math.floor(highest / 2),
    highestIsFloor: highest !== null && highest % 2 === 1,
    approximate,
    unknown,
  }));

/** The groups of a figure `n`: its event, or the countries where its event happened. */
const FIGURE_GROUPS: Record<FigureGrouping, string> = {
  EVENT: 'COLLECT { MATCH (n)-[:FIGURE_OF]->(event:Event) RETURN event }',
  COUNTRY: `COLLECT { MATCH (n)-[:FIGURE_OF]->(:Event)${WHERE_EVENT_HAPPENED}(country:Country) RETURN DISTINCT country }`,
};

const figureSummariesQuery = (grouping: FigureGrouping) => `
  MATCH (n:Figure)
  WHERE ($metric IS NULL OR n.metric = $metric)
    AND ($eventId IS NULL OR EXISTS { (n)-[:FIGURE_OF]->(:Event {id: $eventId}) })
    AND ($countryId IS NULL OR EXISTS { (n)-[:FIGURE_OF]->(:Event)${WHERE_EVENT_HAPPENED}(:Country {id: $countryId}) })
  WITH n, ${FIGURE_GROUPS[grouping]} AS groups,
       head(COLLECT { MATCH (n)-[:SOURCED_FROM]->(source:Entity) RETURN source.id }) AS sourceId,
       head(COLLECT { MATCH (n)<-[:TROOPS]-(:Deployment)-[:FROM_COUNTRY]->(sender:Country) RETURN sender }) AS contingent,
       COLLECT { MATCH (n)-[:REPORTED_IN]->(article:Article) RETURN article.id } AS articleIds
  UNWIND CASE size(groups) WHEN 0 THEN [null] ELSE groups END AS group
  // Figures of different populations, or of different contingents, are never one range.
  WITH n.metric AS metric, group, toLower(n.counts) AS population, contingent, ${FIGURE_RANGE('n')} AS range,
       count(n) AS figureCount, count(DISTINCT sourceId) AS sourceCount, collect(articleIds) AS articleLists,
       head(collect(n.counts)) AS counts, collect(n) AS figures
  ORDER BY metric, group IS NULL, group.name, group.id, population, contingent.name
  LIMIT $first
  RETURN metric, range, figureCount, sourceCount, counts,
         size(reduce(all = [], list IN articleLists | all + [id IN list WHERE NOT id IN all])) AS articleCount,
         CASE WHEN group IS NULL THEN null ELSE ${entityProjection('group')} END AS group,
         CASE WHEN contingent IS NULL THEN null ELSE ${entityProjection('contingent')} END AS contingent,
         COLLECT { UNWIND figures AS figure WITH figure ORDER BY ${TEXT_ORDER('figure')} LIMIT $figuresFirst
                   RETURN ${figureProjection('figure')} } AS figures`;

const FIGURE_SUMMARIES_QUERIES = { EVENT: figureSummariesQuery('EVENT'), COUNTRY: figureSummariesQuery('COUNTRY') };

const figureSummarySchema = z.object({
  metric: z.enum(FIGURE_METRICS),
  counts: z.string(),
  group: entitySchema.nullable(),
  contingent: entitySchema.nullable(),
  range: figureRangeSchema,
  figureCount: count,
  sourceCount: count,
  articleCount: count,
  figures: z.array(figureSchema),
});

export interface FigureSummaryFilter {
  metric: string | null;
  groupBy: FigureGrouping;
  eventId: string | null;
  countryId: string | null;
}

/** Summaries by metric and group, at most `first`, each with its first `figuresFirst` figures. */
export async function figureSummaries(
  reader: GraphReader,
  filter: FigureSummaryFilter,
  first: number,
  figuresFirst: number,
): Promise<FigureSummaryRecord[]> {
  const rows = await reader.rows(FIGURE_SUMMARIES_QUERIES[filter.groupBy], {
    metric: filter.metric,
    eventId: filter.eventId,
    countryId: filter.countryId,
    first: integer(first),
    figuresFirst: integer(figuresFirst),
  });
  return parseRow(z.array(figureSummarySchema), rows, 'figure summary').map(({ group, ...summary }) => ({
    ...summary,
    event: filter.groupBy === 'EVENT' ? group : null,
    country: filter.groupBy === 'COUNTRY' ? group : null,
  }));
}

const DEPLOYMENT_TOTALS_QUERY = `
  MATCH (sender:Country)<-[:FROM_COUNTRY]-(n:Deployment)-[:TO_COUNTRY]->(receiver:Country)
  WHERE ($countryId IS NULL OR sender.id = $countryId) AND ($destinationId IS NULL OR receiver.id = $destinationId)
  // One contingent is one deployment however many articles report it, with its primary report's troop figure.
  WITH sender, receiver, n, head(COLLECT { MATCH (n)-[link:TROOPS]->(figure:Figure)
    WITH link, figure ORDER BY link.articleId = n.articleId DESC, link.articleId RETURN figure }) AS troops
  WITH sender, receiver, count(n) AS deployments, sum(n.articleCount) AS reports, ${FIGURE_RANGE('troops')} AS troops, collect(n.status) AS statuses
  ORDER BY receiver.name, receiver.id, sender.name, sender.id
  LIMIT $first
  RETURN ${entityProjection('sender')} AS country, ${entityProjection('receiver')} AS destination, deployments, reports, troops,
         [status IN $statuses WHERE status IN statuses | {status: status, count: size([other IN statuses WHERE other = status])}] AS statuses`;

const deploymentTotalSchema = z.object({
  country: entitySchema,
  destination: entitySchema,
  deployments: count,
  reports: count,
  troops: figureRangeSchema,
  statuses: z.array(z.object({ status: z.enum(DEPLOYMENT_STATUSES), count })),
});

/** Deployments added up per sending and receiving country, at most `first` pairs. */
export async function deploymentTotals(
  reader: GraphReader,
  filter: { countryId: string | null; destinationId: string | null },
  first: number,
): Promise<DeploymentTotalRecord[]> {
  const rows = await reader.rows(DEPLOYMENT_TOTALS_QUERY, { ...filter, first: integer(first), statuses: [...DEPLOYMENT_STATUSES] });
  return parseRow(z.array(deploymentTotalSchema), rows, 'deployment total');
}
