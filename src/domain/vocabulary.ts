/**
 * The vocabulary every layer shares: entity kinds and their node labels, relation types,
 * certainties and their ranking, and the closed lists of categories, metrics and statuses.
 * The SDL enums must equal these lists (tests/unit/schema.test.ts).
 */

export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'PLACE', 'EVENT'] as const;
export const CERTAINTIES = ['STATED', 'REPORTED', 'ALLEGED', 'EXPECTED'] as const;
/**
 * Where a statement comes from, a separate axis from certainty: an article states it (with
 * evidence), it is inferred from an article's context (with evidence and a reason), or it is
 * background knowledge (with a reference, from the reviewed background file).
 */
export const BASES = ['ARTICLE', 'INFERRED', 'BACKGROUND'] as const;
/** The bases an article's annotation may give; BACKGROUND facts come from the background file only. */
export const ARTICLE_BASES = ['ARTICLE', 'INFERRED'] as const;
export const DATE_PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export const ORGANIZATION_CATEGORIES = [
  'GOVERNMENT',
  'GOVERNMENT_BODY',
  'MINISTRY',
  'POLICE',
  'LEGISLATURE',
  'MILITARY',
  'MILITARY_ALLIANCE',
  'NEWS_MEDIA',
  'MILITANT_GROUP',
  'MOVEMENT',
  'EDUCATIONAL',
  'OTHER',
] as const;
export const PLACE_CATEGORIES = ['CITY', 'TOWN', 'REGION', 'BUILDING', 'AIRPORT', 'OTHER'] as const;
export const EVENT_CATEGORIES = [
  'PROTEST',
  'RIOT',
  'CLASH',
  'ARSON',
  'LOOTING',
  'SEIZURE',
  'KILLING',
  'ARREST',
  'SHUTDOWN',
  'CENSORSHIP',
  'REQUEST',
  'DEPLOYMENT',
  'COUP_ATTEMPT',
  'OTHER',
] as const;
export const RELATION_TYPES = [
  'HOLDS_POSITION',
  'LOCATED_IN',
  'PART_OF',
  'LED_BY',
  'MEMBER_OF',
  'PARTICIPATED_IN',
  'OCCURRED_IN',
  'REPORTED_BY',
] as const;
/** Edges of graph views: the relation types, and CLAIM (a speaker to a subject of their claim). */
export const GRAPH_EDGE_TYPES = [...RELATION_TYPES, 'CLAIM'] as const;
export const FIGURE_METRICS = ['KILLED', 'INJURED', 'HOSPITALIZED', 'IN_INTENSIVE_CARE', 'ARRESTED', 'TROOPS'] as const;
export const CLAIM_KINDS = ['ACCUSATION', 'BLAME', 'PREDICTION', 'STATEMENT'] as const;
export const DEPLOYMENT_STATUSES = ['ARRIVED', 'SENT', 'SENDING', 'EXPECTED'] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type Certainty = (typeof CERTAINTIES)[number];
export type Basis = (typeof BASES)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type GraphEdgeType = (typeof GRAPH_EDGE_TYPES)[number];

/** The node label of each entity kind (every entity also has the label Entity). */
export const LABEL_OF_KIND = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  PLACE: 'Place',
  EVENT: 'Event',
} as const satisfies Record<EntityKind, string>;

export const ENTITY_LABELS = ENTITY_KINDS.map((kind) => LABEL_OF_KIND[kind]);

/** The relation types as one Cypher type alternation, such as `HOLDS_POSITION|LOCATED_IN|…`. */
export const ENTITY_RELATION_TYPES = RELATION_TYPES.join('|');

/** Certainties from strongest to weakest: an event reports the weakest any article gives. */
export const CERTAINTY_RANK: readonly Certainty[] = ['STATED', 'REPORTED', 'EXPECTED', 'ALLEGED'];
