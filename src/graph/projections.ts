/**
 * The read path's Cypher projections, built with `@neo4j/cypher-builder`: every variable and
 * parameter is generated, so no value reaches Cypher text. A `Shape` says which costly parts a
 * selection asks for (a date, the location walk, corroboration, reports, evidence); the rest is
 * left out, and the same shape always builds the same text (so Neo4j's plan cache answers).
 */
import Cypher from '@neo4j/cypher-builder';
import { MAX_EVIDENCE_SPANS, MAX_PAGE_SIZE } from '../domain/limits.ts';
import { CERTAINTY_RANK } from '../domain/vocabulary.ts';

/** What a selection asks of the objects at one level (and, for facts, of the entities they hold). */
export interface Shape {
  /** An entity's `date`. */
  date: boolean;
  /** A place's or country's `coordinates`: the walk up `LOCATED_IN`/`PART_OF`. */
  coordinates: boolean;
  /** An event's certainty and corroboration (`certainty`, `articleCount`…). */
  consolidation: boolean;
  /** A fact's `reports`. */
  reports: boolean;
  /** A fact's `evidence`. */
  evidence: boolean;
}

/** Everything: for callers that read whole records (the writer's checks, the warm-up of all parts). */
export const FULL_SHAPE: Shape = { date: true, coordinates: true, consolidation: true, reports: true, evidence: true };
export const BARE_SHAPE: Shape = { date: false, coordinates: false, consolidation: false, reports: false, evidence: false };

/** What either shape asks for. */
export const eitherShape = (one: Shape, other: Shape): Shape => ({
  date: one.date || other.date,
  coordinates: one.coordinates || other.coordinates,
  consolidation: one.consolidation || other.consolidation,
  reports: one.reports || other.reports,
  evidence: one.evidence || other.evidence,
});

/** A short key of a shape, for facet keys: equal shapes share a column. */
export const shapeKey = (shape: Shape) =>
  (['date', 'coordinates', 'consolidation', 'reports', 'evidence'] as const).map((part) => (shape[part] ? part[0] : '-')).join('');

const ENTITY_PROPERTIES = ['id', 'kind', 'name', 'aliases', 'description', 'category', 'isoCode', 'wikidataId'];
/** The node properties of a date (events, claims, deployments). */
export const DATE_PROPERTIES = [
  'dateIso',
  'datePrecision',
  'dateQualifier',
  'dateBasis',
  'dateReason',
  'dateEvidenceStarts',
  'dateEvidenceEnds',
  'dateEvidenceTexts',
];
/** What a fact node's reports say together, as the writer consolidated them. */
const CORROBORATION_PROPERTIES = ['weakestCertainty', 'articleCount', 'sourceCount', 'datesDisagree', 'dateArticleId'];

/** One relationship type, or an alternation of several. */
export const typeAlternation = (types: readonly string[]) =>
  types.length === 1 ? types[0]! : Cypher.labelExpr.or(...(types as [string, ...string[]]));

/** True for a relationship whose basis is not in the list parameter `excluded`. */
export const basisKept = (relationship: Cypher.Variable, excluded: Cypher.Expr) =>
  Cypher.not(Cypher.in(relationship.property('basis'), excluded));

/** Every relationship of `path` is kept by `excluded`. */
export const pathKept = (path: Cypher.PathVariable, excluded: Cypher.Expr) => {
  const link = new Cypher.Variable();
  return Cypher.all(link, Cypher.relationships(path), basisKept(link, excluded));
};

/** The evidence arrays on a node or relationship, read back by `spansSchema`. */
export const evidenceMap = (holder: Cypher.Variable, articleId: Cypher.Expr) =>
  new Cypher.Map({
    articleId,
    starts: holder.property('evidenceStarts'),
    ends: holder.property('evidenceEnds'),
    texts: holder.property('evidenceTexts'),
  });

/** The first spans of an evidence array (the library's `Expr` type omits `ListRange`, which is one). */
const firstSpans = (list: Cypher.Property) => Cypher.listRange(list, 0, MAX_EVIDENCE_SPANS) as unknown as Cypher.Expr;

/** A fact's evidence: every report's spans, the primary report's first, each in its own article. */
const factEvidence = (fact: Cypher.Node) =>
  new Cypher.Map({
    articleId: fact.property('articleId'),
    articleIds: fact.property('evidenceArticleIds'),
    starts: firstSpans(fact.property('evidenceStarts')),
    ends: firstSpans(fact.property('evidenceEnds')),
    texts: firstSpans(fact.property('evidenceTexts')),
  });

/**
 * Where a place or country is on a map: its own coordinates, or those of the nearest place or
 * country it is in, with the relations on the way (read back by `toCoordinates`). With `excluded`
 * (a list parameter), relations of those bases are not walked, BACKGROUND excluded finds nothing,
 * and INFERRED excluded leaves only its own.
 */
export function locationExpression(place: Cypher.Node, excluded: Cypher.Expr | null = null): Cypher.Expr {
  const path = new Cypher.PathVariable();
  const holder = new Cypher.Node();
  const hop = new Cypher.Variable();
  const walk = new Cypher.Pattern(place)
    .related({ type: typeAlternation(['LOCATED_IN', 'PART_OF']), length: { min: 0, max: 4 } })
    .to(holder, { labels: 'Entity' });
  const conditions: Cypher.Predicate[] = [Cypher.isNotNull(holder.property('latitude'))];
  if (excluded !== null) {
    conditions.push(
      pathKept(path, excluded),
      Cypher.not(Cypher.in(new Cypher.Literal('BACKGROUND'), excluded)),
      Cypher.or(Cypher.eq(Cypher.length(path), new Cypher.Literal(0)), Cypher.not(Cypher.in(new Cypher.Literal('INFERRED'), excluded))),
    );
  }
  const nearest = new Cypher.Match(walk.assignTo(path))
    .where(Cypher.and(...conditions))
    .with(path, holder)
    .orderBy(Cypher.length(path), holder.property('name'))
    .limit(1)
    .return(
      new Cypher.Map({
        hops: Cypher.length(path),
        latitude: holder.property('latitude'),
        longitude: holder.property('longitude'),
        reference: holder.property('coordinatesReference'),
        holder: holder.property('name'),
        evidence: new Cypher.ListComprehension(hop).in(Cypher.relationships(path)).map(evidenceMap(hop, hop.property('articleId'))),
      }),
    );
  return new Cypher.Case().when(Cypher.or(place.hasLabel('Place'), place.hasLabel('Country'))).then(Cypher.head(new Cypher.Collect(nearest)));
}

/** An entity node as a map, read back by `entitySchema`: its date, location and corroboration only when the shape asks. */
export function entityProjection(entity: Cypher.Node, shape: Shape): Cypher.MapProjection {
  const parts: Record<string, Cypher.Expr> = {};
  if (shape.date) {
    parts.date = new Cypher.Case()
      .when(Cypher.isNotNull(entity.property('dateIso')))
      .then(new Cypher.MapProjection(entity, ['dateArticleId', ...DATE_PROPERTIES]));
  }
  if (shape.consolidation) {
    parts.consolidation = new Cypher.Case()
      .when(Cypher.isNotNull(entity.property('articleCount')))
      .then(new Cypher.MapProjection(entity, ['certainty', ...CORROBORATION_PROPERTIES]));
  }
  if (shape.coordinates) parts.location = locationExpression(entity);
  return new Cypher.MapProjection(entity, ENTITY_PROPERTIES, parts);
}

/** An entity projection, or null when there is no entity (an optional group, say). */
export const entityOrNull = (entity: Cypher.Node, shape: Shape) =>
  new Cypher.Case().when(Cypher.isNull(entity)).then(Cypher.Null).else(entityProjection(entity, shape));

/** Certainties as a rank, strongest first (`CERTAINTY_RANK`). */
export function certaintyRank(certainty: Cypher.Expr): Cypher.Expr {
  const rank = new Cypher.Case(certainty);
  CERTAINTY_RANK.forEach((value, index) => rank.when(new Cypher.Literal(value)).then(new Cypher.Literal(index)));
  return rank;
}

/** The reports of a fact node, the strongest, then the latest article first, at most `first`. */
export function reportsExpression(
  fact: Cypher.Node,
  link: 'ASSERTED_IN' | 'REPORTED_IN',
  first: Cypher.Expr = new Cypher.Literal(MAX_PAGE_SIZE),
): Cypher.Expr {
  const report = new Cypher.Relationship();
  const article = new Cypher.Node();
  return new Cypher.Collect(
    new Cypher.Match(new Cypher.Pattern(fact).related(report, { type: link }).to(article, { labels: 'Article' }))
      .with(report, article)
      .orderBy(
        certaintyRank(report.property('certainty')),
        [Cypher.coalesce(article.property('publishedAt'), new Cypher.Literal('')), 'DESC'],
        article.property('id'),
      )
      .limit(first)
      .return(
        new Cypher.MapProjection(report, ['certainty', 'basis', 'reason', 'evidenceStarts', 'evidenceEnds', 'evidenceTexts', ...DATE_PROPERTIES], {
          articleId: article.property('id'),
        }),
      ),
  );
}

/** The first entity one link of `type` away from `from`, in the order given. */
function linkedEntity(from: Cypher.Node, type: string, label: string, shape: Shape): Cypher.Expr {
  const other = new Cypher.Node();
  return Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(from).related({ type }).to(other, { labels: label })).return(entityProjection(other, shape)),
    ),
  );
}

/**
 * The linked node preferred by the fact's primary article: links of `type` from `fact`, the
 * primary article's first, then by article id.
 */
function primaryLinked(fact: Cypher.Node, type: string, label: string, project: (node: Cypher.Node) => Cypher.Expr): Cypher.Expr {
  const link = new Cypher.Relationship();
  const other = new Cypher.Node();
  return Cypher.head(
    new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(fact).related(link, { type }).to(other, { labels: label }))
        .with(link, other)
        .orderBy([Cypher.eq(link.property('articleId'), fact.property('articleId')), 'DESC'], link.property('articleId'))
        .return(project(other)),
    ),
  );
}

/** A fact's reports and evidence, when the shape asks for them. */
function factParts(fact: Cypher.Node, shape: Shape): Record<string, Cypher.Expr> {
  const parts: Record<string, Cypher.Expr> = {};
  if (shape.reports) parts.reports = reportsExpression(fact, 'REPORTED_IN');
  if (shape.evidence) parts.evidence = factEvidence(fact);
  return parts;
}

const FIGURE_PROPERTIES = [
  'id', 'articleId', 'metric', 'counts', 'value', 'lowerBound', 'lowerBoundExclusive', 'upperBound', 'approximate', 'text', 'certainty',
  ...CORROBORATION_PROPERTIES,
];

/** A figure with its event and source inline, so neither costs another round trip. */
export const figureProjection = (figure: Cypher.Node, shape: Shape): Cypher.MapProjection =>
  new Cypher.MapProjection(figure, FIGURE_PROPERTIES, {
    ...factParts(figure, shape),
    event: linkedEntity(figure, 'FIGURE_OF', 'Event', shape),
    source: linkedEntity(figure, 'SOURCED_FROM', 'Entity', shape),
  });

const CLAIM_PROPERTIES = [
  'id', 'articleId', 'kind', 'summary', 'quote', 'certainty', ...DATE_PROPERTIES, ...CORROBORATION_PROPERTIES,
  'mediumBasis', 'mediumReason', 'mediumEvidenceStarts', 'mediumEvidenceEnds', 'mediumEvidenceTexts',
];

export function claimProjection(claim: Cypher.Node, shape: Shape): Cypher.MapProjection {
  const aboutLink = new Cypher.Relationship();
  const subject = new Cypher.Node();
  return new Cypher.MapProjection(claim, CLAIM_PROPERTIES, {
    ...factParts(claim, shape),
    speaker: linkedEntity(claim, 'SAID_BY', 'Entity', shape),
    medium: primaryLinked(claim, 'VIA', 'Entity', (medium) => entityProjection(medium, shape)),
    about: new Cypher.Collect(
      new Cypher.Match(new Cypher.Pattern(claim).related(aboutLink, { type: 'ABOUT' }).to(subject, { labels: 'Entity' }))
        .return(entityProjection(subject, shape))
        .orderBy(aboutLink.property('position')),
    ),
  });
}

const DEPLOYMENT_PROPERTIES = ['id', 'articleId', 'force', 'status', 'certainty', ...DATE_PROPERTIES, ...CORROBORATION_PROPERTIES];

export const deploymentProjection = (deployment: Cypher.Node, shape: Shape): Cypher.MapProjection =>
  new Cypher.MapProjection(deployment, DEPLOYMENT_PROPERTIES, {
    ...factParts(deployment, shape),
    country: linkedEntity(deployment, 'FROM_COUNTRY', 'Country', shape),
    destination: linkedEntity(deployment, 'TO_COUNTRY', 'Country', shape),
    troops: primaryLinked(deployment, 'TROOPS', 'Figure', (figure) => figureProjection(figure, shape)),
    mission: linkedEntity(deployment, 'MISSION', 'Event', shape),
  });

export const articleProjection = (article: Cypher.Node): Cypher.MapProjection =>
  new Cypher.MapProjection(article, ['id', 'title', 'text', 'publishedAt', 'source']);

/** Facts in article and text order. */
export const textOrder = (fact: Cypher.Node): Cypher.Expr[] => [
  fact.property('articleId'),
  Cypher.listIndex(fact.property('evidenceStarts'), 0),
  fact.property('id'),
];

export type Direction = 'OUT' | 'IN' | 'BOTH';
const ARROW = { OUT: 'right', IN: 'left', BOTH: 'undirected' } as const;

/** The relationship pattern from `from` to `other`, its types an alternation of the closed vocabulary. */
export const relationPattern = (from: Cypher.Node, relation: Cypher.Relationship, types: readonly string[], direction: Direction, other: Cypher.Node, otherLabel: string) =>
  new Cypher.Pattern(from).related(relation, { type: typeAlternation(types), direction: ARROW[direction] }).to(other, { labels: otherLabel });

/** `'OUT'` when `relationship` starts at `from`, else `'IN'`. */
const directionOf = (relationship: Cypher.Relationship, from: Cypher.Node) =>
  new Cypher.Case().when(Cypher.eq(Cypher.startNode(relationship), from)).then(new Cypher.Literal('OUT')).else(new Cypher.Literal('IN'));

/**
 * Relations of `from`, each the statements of every article (each an edge, its report) and a
 * background fact of one type, direction, title, former and role grouped into one (the distinct
 * groups come from `WITH DISTINCT`, their statements from a pattern comprehension, as aggregate
 * functions may not nest in the queries that embed it), at most `first`, read back by
 * `relationSchema`. Statements of the bases in `excluded` are left out.
 */
export function relationsExpression(
  from: Cypher.Node,
  query: { types: readonly string[]; direction: Direction; otherLabel: string },
  first: Cypher.Expr,
  excluded: Cypher.Expr,
  shape: Shape,
): Cypher.Expr {
  const relation = new Cypher.Relationship();
  const other = new Cypher.Node();
  const [type, direction, title, former, role] = [new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const statement = new Cypher.Relationship();
  const article = new Cypher.Node();
  const sameText = (property: string, value: Cypher.Variable, empty: Cypher.Expr) =>
    Cypher.eq(Cypher.coalesce(statement.property(property), empty), Cypher.coalesce(value, empty));
  const statements = new Cypher.PatternComprehension(new Cypher.Pattern(from).related(statement, { direction: 'undirected' }).to(other))
    .where(
      Cypher.and(
        Cypher.eq(Cypher.type(statement), type),
        Cypher.eq(directionOf(statement, from), direction),
        sameText('title', title, new Cypher.Literal('')),
        sameText('former', former, Cypher.false),
        sameText('role', role, new Cypher.Literal('')),
        basisKept(statement, excluded),
      ),
    )
    .map(
      new Cypher.Map({
        articleId: statement.property('articleId'),
        certainty: statement.property('certainty'),
        basis: statement.property('basis'),
        reason: statement.property('reason'),
        reference: statement.property('reference'),
        starts: statement.property('evidenceStarts'),
        ends: statement.property('evidenceEnds'),
        texts: statement.property('evidenceTexts'),
        article: Cypher.listIndex(
          new Cypher.Collect(
            new Cypher.Match(new Cypher.Pattern(article, { labels: 'Article', properties: { id: statement.property('articleId') } })).return(
              new Cypher.Map({ source: Cypher.coalesce(article.property('source'), article.property('id')), publishedAt: article.property('publishedAt') }),
            ),
          ),
          0,
        ),
      }),
    );
  return new Cypher.Collect(
    new Cypher.Match(relationPattern(from, relation, query.types, query.direction, other, query.otherLabel))
      .where(basisKept(relation, excluded))
      .with(
        from,
        other,
        [Cypher.type(relation), type],
        [directionOf(relation, from), direction],
        [relation.property('title'), title],
        [relation.property('former'), former],
        [relation.property('role'), role],
      )
      .distinct()
      .orderBy(type, other.property('name'), other.property('id'), title, role, former)
      .limit(first)
      .return(new Cypher.Map({ type, direction, other: entityProjection(other, shape), title, former, role, statements })),
  );
}

/** Where an event happened: its own places, or those of the events it is part of, then outwards, to `place`. */
export const whereEventHappened = (event: Cypher.Node, place: Cypher.Node, placeOptions: Cypher.NodePatternOptions = {}) =>
  new Cypher.Pattern(event)
    .related({ type: 'PART_OF', length: { min: 0, max: 3 } })
    .to(new Cypher.Node(), { labels: 'Event' })
    .related({ type: 'OCCURRED_IN' })
    .to(new Cypher.Node())
    .related({ type: 'LOCATED_IN', length: { min: 0, max: 4 } })
    .to(place, placeOptions);
