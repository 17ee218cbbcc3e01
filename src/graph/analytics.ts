/**
 * Analytics: event counts by time bucket and group, figure summaries, deployment totals. Each is
 * one bounded query built with `@neo4j/cypher-builder`; rows are shaped (and, where rows are checked, checked) into domain records.
 *
 * An event's date is an interval, `dateStart`…`dateEnd` (written by the loader): a DAY date that
 * day, a WEEK date seven days from its Monday, a MONTH or YEAR date the whole month or year. An event counts in a bucket only when its interval
 * lies inside; one whose interval is wider but overlaps is counted apart, as `overlapping`.
 */
import Cypher from '@neo4j/cypher-builder';
import { z } from 'zod';
import { DEPLOYMENT_STATUSES, EVENT_CATEGORIES, FIGURE_METRICS, type Basis } from '../domain/vocabulary.ts';
import { ENTITY, FIGURE, readRow } from './mapping.ts';
import { basisKept, entityOrNull, entityProjection, figureProjection, pathKept, textOrder, whereEventHappened, type Shape } from './projections.ts';
import { integer, type Row } from './reader.ts';
import type { DeploymentTotalRecord, EventCountsRecord, FigureRangeRecord, FigureSummaryRecord } from './types.ts';

export type TimeBucket = 'DAY' | 'WEEK';
export type EventGrouping = 'COUNTRY' | 'CATEGORY' | 'PLACE';
export type FigureGrouping = 'EVENT' | 'COUNTRY';

const literal = (value: string | number) => new Cypher.Literal(value);
const whenNotNull = (test: Cypher.Expr, value: Cypher.Expr) => new Cypher.Case().when(Cypher.isNull(test)).then(Cypher.Null).else(value);

/** A path from the event `event` to where it happened (the entity `place`), every relation on it kept. */
const happenedAt = (event: Cypher.Node, place: Cypher.Node, placeOptions: Cypher.NodePatternOptions, excluded: Cypher.Param) => {
  const path = new Cypher.PathVariable();
  return new Cypher.Match(whereEventHappened(event, place, placeOptions).assignTo(path)).where(pathKept(path, excluded));
};

/** The group keys of an event `n`: entity ids or a category; [null] when it has none. */
function eventGroupKeys(n: Cypher.Node, grouping: EventGrouping | 'NONE', excluded: Cypher.Param): Cypher.Expr {
  if (grouping === 'NONE') return new Cypher.List([Cypher.Null]);
  if (grouping === 'CATEGORY') return new Cypher.List([n.property('category')]);
  const place = new Cypher.Node();
  if (grouping === 'COUNTRY') return new Cypher.Collect(happenedAt(n, place, { labels: 'Country' }, excluded).return(place.property('id')).distinct());
  const occurred = new Cypher.Relationship();
  return new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(n).related(occurred, { type: 'OCCURRED_IN' }).to(place, { labels: 'Place' }))
      .where(basisKept(occurred, excluded))
      .return(place.property('id'))
      .distinct(),
  );
}

const STEP_DAYS: Record<TimeBucket, number> = { DAY: 1, WEEK: 7 };
const UNIT: Record<TimeBucket, 'day' | 'week'> = { DAY: 'day', WEEK: 'week' };

/**
 * Event counts. An event's interval is `[dateStart, dateEnd]` (null when undated or its basis is
 * excluded); it is counted in each bucket it overlaps (as `count` when inside it, `overlapping`
 * otherwise), and undated ones in one bucket of nulls. Buckets are cut at `from` and `to`; without
 * a time bucket, the one bucket is the range itself. At most `first` + 1 rows, to tell whether
 * there were more.
 */
export function eventCountsQuery(filter: EventCountsFilter, first: number, shape: Shape): Cypher.Clause {
  const grouping = filter.groupBy ?? 'NONE';
  const excluded = new Cypher.Param(filter.excludeBasis);
  const from = filter.from === null ? null : Cypher.date(new Cypher.Param(filter.from));
  const to = filter.to === null ? null : Cypher.date(new Cypher.Param(filter.to));
  const n = new Cypher.Node();
  const interval = new Cypher.Variable();
  const matched = new Cypher.Variable();
  const events = new Cypher.Variable();
  const undatedEvents = new Cypher.Variable();
  const item = new Cypher.Variable();
  const conditions: Cypher.Predicate[] = [];
  if (filter.categories !== null) conditions.push(Cypher.in(n.property('category'), new Cypher.Param(filter.categories)));
  if (filter.countryId !== null) {
    conditions.push(new Cypher.Exists(happenedAt(n, new Cypher.Node(), { labels: 'Entity', properties: { id: new Cypher.Param(filter.countryId) } }, excluded)));
  }
  const overlaps: Cypher.Predicate[] = [];
  if (from !== null) overlaps.push(Cypher.gte(Cypher.listIndex(interval, 1), from));
  if (to !== null) overlaps.push(Cypher.lte(Cypher.listIndex(interval, 0), to));
  const eventsMatched = new Cypher.Match(new Cypher.Pattern(n, { labels: 'Event' }));
  const counted = (conditions.length > 0 ? eventsMatched.where(Cypher.and(...conditions)) : eventsMatched)
    .with(n, [
      new Cypher.Case()
        .when(Cypher.or(Cypher.isNull(n.property('dateStart')), Cypher.in(n.property('dateBasis'), excluded)))
        .then(Cypher.Null)
        .else(new Cypher.List([Cypher.date(n.property('dateStart')), Cypher.date(n.property('dateEnd'))])),
      interval,
    ]);
  const inRange = overlaps.length > 0 ? counted.where(Cypher.or(Cypher.isNull(interval), Cypher.and(...overlaps))) : counted;
  const all = inRange
    .with([Cypher.collect(new Cypher.Map({ event: n, interval })), matched])
    .with(matched, [Cypher.size(matched), events], [Cypher.size(new Cypher.ListComprehension(item).in(matched).where(Cypher.isNull(item.property('interval')))), undatedEvents]);

  // Per event, group key and bucket: the rows to count.
  const [event, eventInterval, keys, groupKey, start, end, inside] = [new Cypher.Node(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const perKey = new Cypher.Unwind([matched, item])
    .with([item.property('event'), event], [item.property('interval'), eventInterval])
    .with(event, eventInterval, [eventGroupKeys(event, grouping, excluded), keys])
    .unwind([new Cypher.Case(Cypher.size(keys)).when(literal(0)).then(new Cypher.List([Cypher.Null])).else(keys), groupKey]);
  let bucketed: Cypher.With;
  if (filter.bucket === null) {
    bucketed = perKey.with(groupKey, event, eventInterval, [whenNotNull(eventInterval, from === null ? Cypher.Null : new Cypher.Param(filter.from)), start], [
      whenNotNull(eventInterval, to === null ? Cypher.Null : new Cypher.Param(filter.to)),
      end,
    ]);
  } else {
    const stepDays = new Cypher.Param(integer(STEP_DAYS[filter.bucket]));
    const firstDay = new Cypher.Variable();
    const lastDay = new Cypher.Variable();
    const span = new Cypher.Variable();
    const step = new Cypher.Variable();
    const bucketStart = new Cypher.Variable();
    const bucketEnd = new Cypher.Variable();
    const atLeast = (day: Cypher.Expr) => (from === null ? day : new Cypher.Case().when(Cypher.lt(day, from)).then(from).else(day));
    const atMost = (day: Cypher.Expr) => (to === null ? day : new Cypher.Case().when(Cypher.gt(day, to)).then(to).else(day));
    bucketed = perKey
      .with(groupKey, event, eventInterval, [
        whenNotNull(eventInterval, Cypher.date.truncate(UNIT[filter.bucket], atLeast(Cypher.listIndex(eventInterval, 0)))),
        firstDay,
      ], [whenNotNull(eventInterval, atMost(Cypher.listIndex(eventInterval, 1))), lastDay])
      .with(groupKey, event, eventInterval, firstDay, [Cypher.duration.inDays(firstDay, lastDay), span])
      .unwind([
        new Cypher.Case().when(Cypher.isNull(firstDay)).then(new Cypher.List([Cypher.Null])).else(Cypher.range(literal(0), Cypher.divide(span.property('days'), stepDays))),
        step,
      ])
      .with(groupKey, event, eventInterval, [
        whenNotNull(step, Cypher.plus(firstDay, Cypher.duration(new Cypher.Map({ days: Cypher.multiply(step, stepDays) })))),
        bucketStart,
      ])
      .with(groupKey, event, eventInterval, bucketStart, [
        whenNotNull(bucketStart, Cypher.plus(bucketStart, Cypher.duration(new Cypher.Map({ days: Cypher.minus(stepDays, literal(1)) })))),
        bucketEnd,
      ])
      .with(groupKey, event, eventInterval, [Cypher.toString(atLeast(bucketStart)), start], [Cypher.toString(atMost(bucketEnd)), end]);
  }
  const countInside = new Cypher.Variable();
  const overlapping = new Cypher.Variable();
  const undated = new Cypher.Variable();
  const group = new Cypher.Node();
  const totals = bucketed
    .with(groupKey, start, end, event, eventInterval, [
      Cypher.and(
        Cypher.isNotNull(eventInterval),
        Cypher.or(Cypher.isNull(start), Cypher.gte(Cypher.toString(Cypher.listIndex(eventInterval, 0)), start)),
        Cypher.or(Cypher.isNull(end), Cypher.lte(Cypher.toString(Cypher.listIndex(eventInterval, 1)), end)),
      ),
      inside,
    ])
    .with(
      groupKey,
      start,
      end,
      [Cypher.count(new Cypher.Case().when(Cypher.eq(inside, Cypher.true)).then(event)), countInside],
      [Cypher.count(new Cypher.Case().when(Cypher.and(Cypher.isNotNull(eventInterval), Cypher.eq(inside, Cypher.false))).then(event)), overlapping],
      [Cypher.count(new Cypher.Case().when(Cypher.isNull(eventInterval)).then(event)), undated],
    );
  const byEntity = grouping === 'COUNTRY' || grouping === 'PLACE';
  const grouped = byEntity
    ? totals.optionalMatch(new Cypher.Pattern(group, { labels: 'Entity', properties: { id: groupKey } })).with(groupKey, start, end, countInside, overlapping, undated, group)
    : totals.with(groupKey, start, end, countInside, overlapping, undated);
  const order: Cypher.Expr[] = filter.bucket === null ? [] : [Cypher.gt(undated, literal(0))];
  order.push(start, end, byEntity ? Cypher.coalesce(group.property('name'), groupKey) : groupKey);
  if (byEntity) order.push(group.property('id'));
  const rows = new Cypher.NamedVariable('rows');
  const perGroup = grouped
    .orderBy(...order)
    .limit(new Cypher.Param(integer(first + 1)))
    .return([
      Cypher.collect(
        new Cypher.Map({
          start,
          end,
          count: countInside,
          overlapping,
          undated,
          category: grouping === 'CATEGORY' ? groupKey : Cypher.Null,
          entity: byEntity ? entityOrNull(group, shape) : Cypher.Null,
        }),
      ),
      rows,
    ]);
  return all.call(perGroup, [matched]).return([events, 'events'], [undatedEvents, 'undated'], rows);
}

const count = z.number().int();

const eventCountsRow = z.object({
  events: count,
  undated: count,
  rows: z.array(
    z.object({
      start: z.string().nullable(),
      end: z.string().nullable(),
      entity: ENTITY.schema.nullable(),
      category: z.enum(EVENT_CATEGORIES).nullable(),
      count,
      overlapping: count,
      undated: count,
    }),
  ),
});
type EventCountsRow = z.infer<typeof eventCountsRow>;

export interface EventCountsFilter {
  bucket: TimeBucket | null;
  groupBy: EventGrouping | null;
  from: string | null;
  to: string | null;
  countryId: string | null;
  categories: readonly string[] | null;
  excludeBasis: readonly Basis[];
}

/** The counts an `eventCountsQuery` returned, at most `first` rows. */
export function readEventCounts(rows: Row[], first: number, check: boolean): EventCountsRecord {
  const counts = readRow<EventCountsRow, EventCountsRow>({ schema: eventCountsRow, shape: (row) => row, what: 'event counts' }, rows[0], check);
  return {
    events: counts.events,
    undated: counts.undated,
    rows: counts.rows.slice(0, first).map((row) => ({ ...row, entity: row.entity === null ? null : ENTITY.shape(row.entity) })),
    truncated: counts.rows.length > first,
  };
}

/**
 * The range of numbers a set of figures `figure` gives, aggregated over the rows: the lowest floor
 * (twice it, plus one when exclusive, so `min` finds both at once) and the highest number (twice
 * it, plus one when it is only a floor). A null figure (no troop figure) gives no number.
 */
function figureRange(figure: Cypher.Variable): Cypher.Map {
  const value = figure.property('value');
  const floorOnly = Cypher.isNull(value);
  const oneWhen = (test: Cypher.Predicate) => new Cypher.Case().when(test).then(literal(1)).else(literal(0));
  return new Cypher.Map({
    lowest: Cypher.min(
      Cypher.plus(
        Cypher.multiply(Cypher.coalesce(value, figure.property('lowerBound')), literal(2)),
        oneWhen(Cypher.and(floorOnly, Cypher.eq(figure.property('lowerBoundExclusive'), Cypher.true))),
      ),
    ),
    highest: Cypher.max(
      Cypher.plus(
        Cypher.multiply(Cypher.coalesce(value, figure.property('upperBound'), figure.property('lowerBound')), literal(2)),
        oneWhen(Cypher.and(floorOnly, Cypher.isNull(figure.property('upperBound')))),
      ),
    ),
    approximate: Cypher.gt(Cypher.count(new Cypher.Case().when(Cypher.eq(figure.property('approximate'), Cypher.true)).then(literal(1))), literal(0)),
    unknown: Cypher.count(
      new Cypher.Case()
        .when(Cypher.and(floorOnly, Cypher.isNull(figure.property('lowerBound')), Cypher.isNull(figure.property('upperBound'))))
        .then(literal(1)),
    ),
  });
}

const figureRangeRow = z.object({ lowest: count.nullable(), highest: count.nullable(), approximate: z.boolean(), unknown: count });

/** A range from `figureRange`'s doubled bounds. */
const toFigureRange = ({ lowest, highest, approximate, unknown }: z.infer<typeof figureRangeRow>): FigureRangeRecord => ({
  lowest: lowest === null ? null : Math.floor(lowest / 2),
  lowestExclusive: lowest !== null && lowest % 2 === 1,
  highest: highest === null ? null : Math.floor(highest / 2),
  highestIsFloor: highest !== null && highest % 2 === 1,
  approximate,
  unknown,
});

/** The groups of a figure `n`: its event, or the countries where its event happened. */
function figureGroups(n: Cypher.Node, grouping: FigureGrouping): Cypher.Expr {
  const event = new Cypher.Node();
  const country = new Cypher.Node();
  const toEvent = new Cypher.Pattern(n).related({ type: 'FIGURE_OF' }).to(event, { labels: 'Event' });
  if (grouping === 'EVENT') return new Cypher.Collect(new Cypher.Match(toEvent).return(event));
  return new Cypher.Collect(new Cypher.Match(toEvent).match(whereEventHappened(event, country, { labels: 'Country' })).return(country).distinct());
}

export interface FigureSummaryShapes {
  /** The groups' (an event or a country) and the contingents'. */
  group: Shape;
  contingent: Shape;
  figures: Shape;
}

/** Summaries by metric and group, at most `first`, each with its first `figuresFirst` figures. */
export function figureSummariesQuery(filter: FigureSummaryFilter, first: number, figuresFirst: number, shapes: FigureSummaryShapes): Cypher.Clause {
  const n = new Cypher.Node();
  const conditions: Cypher.Predicate[] = [];
  if (filter.metric !== null) conditions.push(Cypher.eq(n.property('metric'), new Cypher.Param(filter.metric)));
  if (filter.eventId !== null) {
    conditions.push(
      new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(n).related({ type: 'FIGURE_OF' }).to(new Cypher.Node(), { labels: 'Event', properties: { id: new Cypher.Param(filter.eventId) } }))),
    );
  }
  if (filter.countryId !== null) {
    const event = new Cypher.Node();
    conditions.push(
      new Cypher.Exists(
        new Cypher.Match(new Cypher.Pattern(n).related({ type: 'FIGURE_OF' }).to(event, { labels: 'Event' }))
          .match(whereEventHappened(event, new Cypher.Node(), { labels: 'Country', properties: { id: new Cypher.Param(filter.countryId) } })),
      ),
    );
  }
  const groups = new Cypher.Variable();
  const sourceId = new Cypher.Variable();
  const articleIds = new Cypher.Variable();
  const metric = new Cypher.Variable();
  const population = new Cypher.Variable();
  const range = new Cypher.Variable();
  const figureCount = new Cypher.Variable();
  const sourceCount = new Cypher.Variable();
  const articleLists = new Cypher.Variable();
  const counts = new Cypher.Variable();
  const figures = new Cypher.Variable();
  const group = new Cypher.Node();
  const contingent = new Cypher.Node();
  const source = new Cypher.Node();
  const sender = new Cypher.Node();
  const article = new Cypher.Node();
  const figure = new Cypher.Node();
  const all = new Cypher.Variable();
  const list = new Cypher.Variable();
  const id = new Cypher.Variable();
  const matched = new Cypher.Match(new Cypher.Pattern(n, { labels: 'Figure' }));
  return (conditions.length > 0 ? matched.where(Cypher.and(...conditions)) : matched)
    .with(
      n,
      [figureGroups(n, filter.groupBy), groups],
      [Cypher.head(new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(n).related({ type: 'SOURCED_FROM' }).to(source, { labels: 'Entity' })).return(source.property('id')))), sourceId],
      [
        Cypher.head(
          new Cypher.Collect(
            new Cypher.Match(
              new Cypher.Pattern(n)
                .related({ type: 'TROOPS', direction: 'left' })
                .to(new Cypher.Node(), { labels: 'Deployment' })
                .related({ type: 'FROM_COUNTRY' })
                .to(sender, { labels: 'Country' }),
            ).return(sender),
          ),
        ),
        contingent,
      ],
      [new Cypher.Collect(new Cypher.Match(new Cypher.Pattern(n).related({ type: 'REPORTED_IN' }).to(article, { labels: 'Article' })).return(article.property('id'))), articleIds],
    )
    .unwind([new Cypher.Case(Cypher.size(groups)).when(literal(0)).then(new Cypher.List([Cypher.Null])).else(groups), group])
    // Figures of different populations, or of different contingents, are never one range.
    .with(
      [n.property('metric'), metric],
      group,
      [Cypher.toLower(n.property('counts')), population],
      contingent,
      [figureRange(n), range],
      [Cypher.count(n), figureCount],
      [Cypher.count(sourceId).distinct(), sourceCount],
      [Cypher.collect(articleIds), articleLists],
      [Cypher.head(Cypher.collect(n.property('counts'))), counts],
      [Cypher.collect(n), figures],
    )
    .orderBy(metric, Cypher.isNull(group), group.property('name'), group.property('id'), population, contingent.property('name'))
    .limit(new Cypher.Param(integer(first)))
    .return(
      [metric, 'metric'],
      [range, 'range'],
      [figureCount, 'figureCount'],
      [sourceCount, 'sourceCount'],
      [counts, 'counts'],
      [
        Cypher.size(
          Cypher.reduce(all, new Cypher.List([]), list, articleLists, Cypher.plus(all, new Cypher.ListComprehension(id).in(list).where(Cypher.not(Cypher.in(id, all))))),
        ),
        'articleCount',
      ],
      [entityOrNull(group, shapes.group), 'group'],
      [entityOrNull(contingent, shapes.contingent), 'contingent'],
      [
        new Cypher.Collect(
          new Cypher.Unwind([figures, figure])
            .with(figure)
            .orderBy(...textOrder(figure))
            .limit(new Cypher.Param(integer(figuresFirst)))
            .return(figureProjection(figure, shapes.figures)),
        ),
        'figures',
      ],
    );
}

const figureSummaryRow = z.object({
  metric: z.enum(FIGURE_METRICS),
  counts: z.string(),
  group: ENTITY.schema.nullable(),
  contingent: ENTITY.schema.nullable(),
  range: figureRangeRow,
  figureCount: count,
  sourceCount: count,
  articleCount: count,
  figures: z.array(FIGURE.schema),
});
type FigureSummaryRow = z.infer<typeof figureSummaryRow>;

export interface FigureSummaryFilter {
  metric: string | null;
  groupBy: FigureGrouping;
  eventId: string | null;
  countryId: string | null;
}

/** The summaries a `figureSummariesQuery` returned. */
export function readFigureSummaries(rows: Row[], groupBy: FigureGrouping, check: boolean): FigureSummaryRecord[] {
  const summaries = readRow<FigureSummaryRow[], FigureSummaryRow[]>({ schema: z.array(figureSummaryRow), shape: (all) => all, what: 'figure summary' }, rows, check);
  return summaries.map(({ group, contingent, range, figures, ...summary }) => {
    const groupEntity = group === null ? null : ENTITY.shape(group);
    return {
      ...summary,
      range: toFigureRange(range),
      figures: figures.map(FIGURE.shape),
      contingent: contingent === null ? null : ENTITY.shape(contingent),
      event: groupBy === 'EVENT' ? groupEntity : null,
      country: groupBy === 'COUNTRY' ? groupEntity : null,
    };
  });
}

/**
 * Deployments added up per sending and receiving country, at most `first` pairs. One contingent
 * is one deployment however many articles report it, with its primary report's troop figure.
 */
export function deploymentTotalsQuery(filter: { countryId: string | null; destinationId: string | null }, first: number, shape: Shape): Cypher.Clause {
  const sender = new Cypher.Node();
  const n = new Cypher.Node();
  const receiver = new Cypher.Node();
  const figure = new Cypher.Node();
  const link = new Cypher.Relationship();
  const troops = new Cypher.Variable();
  const deployments = new Cypher.Variable();
  const reports = new Cypher.Variable();
  const range = new Cypher.Variable();
  const statuses = new Cypher.Variable();
  const status = new Cypher.Variable();
  const other = new Cypher.Variable();
  const conditions: Cypher.Predicate[] = [];
  if (filter.countryId !== null) conditions.push(Cypher.eq(sender.property('id'), new Cypher.Param(filter.countryId)));
  if (filter.destinationId !== null) conditions.push(Cypher.eq(receiver.property('id'), new Cypher.Param(filter.destinationId)));
  const matched = new Cypher.Match(
    new Cypher.Pattern(sender, { labels: 'Country' })
      .related({ type: 'FROM_COUNTRY', direction: 'left' })
      .to(n, { labels: 'Deployment' })
      .related({ type: 'TO_COUNTRY' })
      .to(receiver, { labels: 'Country' }),
  );
  const primaryTroops = Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(n).related(link, { type: 'TROOPS' }).to(figure, { labels: 'Figure' }))
        .with(link, figure)
        .orderBy([Cypher.eq(link.property('articleId'), n.property('articleId')), 'DESC'], link.property('articleId'))
        .return(figure),
    ),
  );
  return (conditions.length > 0 ? matched.where(Cypher.and(...conditions)) : matched)
    .with(sender, receiver, n, [primaryTroops, troops])
    .with(sender, receiver, [Cypher.count(n), deployments], [Cypher.sum(n.property('articleCount')), reports], [figureRange(troops), range], [
      Cypher.collect(n.property('status')),
      statuses,
    ])
    .orderBy(receiver.property('name'), receiver.property('id'), sender.property('name'), sender.property('id'))
    .limit(new Cypher.Param(integer(first)))
    .return(
      [entityProjection(sender, shape), 'country'],
      [entityProjection(receiver, shape), 'destination'],
      [deployments, 'deployments'],
      [reports, 'reports'],
      [range, 'troops'],
      [
        new Cypher.ListComprehension(status)
          .in(new Cypher.Param([...DEPLOYMENT_STATUSES]))
          .where(Cypher.in(status, statuses))
          .map(new Cypher.Map({ status, count: Cypher.size(new Cypher.ListComprehension(other).in(statuses).where(Cypher.eq(other, status))) })),
        'statuses',
      ],
    );
}

const deploymentTotalRow = z.object({
  country: ENTITY.schema,
  destination: ENTITY.schema,
  deployments: count,
  reports: count,
  troops: figureRangeRow,
  statuses: z.array(z.object({ status: z.enum(DEPLOYMENT_STATUSES), count })),
});
type DeploymentTotalRow = z.infer<typeof deploymentTotalRow>;

/** The totals a `deploymentTotalsQuery` returned. */
export function readDeploymentTotals(rows: Row[], check: boolean): DeploymentTotalRecord[] {
  const totals = readRow<DeploymentTotalRow[], DeploymentTotalRow[]>({ schema: z.array(deploymentTotalRow), shape: (all) => all, what: 'deployment total' }, rows, check);
  return totals.map((total) => ({ ...total, country: ENTITY.shape(total.country), destination: ENTITY.shape(total.destination), troops: toFigureRange(total.troops) }));
}
