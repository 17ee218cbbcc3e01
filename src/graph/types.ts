/** Domain types the data-access layer returns; the GraphQL layer maps its types onto these. */
import type {
  Basis,
  Certainty,
  EntityKind,
  GraphEdgeType,
  RelationType,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  DEPLOYMENT_STATUSES,
  EVENT_CATEGORIES,
  FIGURE_METRICS,
} from '../domain/vocabulary.ts';

export type { Basis, Certainty, EntityKind, RelationType };
export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface SpanRecord {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

/** Where a statement comes from; `evidence` holds the spans an ARTICLE or INFERRED one rests on. */
export interface ProvenanceRecord {
  basis: Basis;
  reason: string | null;
  reference: string | null;
  evidence: SpanRecord[];
}

export interface PartialDateRecord {
  iso: string;
  precision: (typeof DATE_PRECISIONS)[number];
  qualifier: string | null;
  /** The interval the date can mean, inclusive. */
  start: string;
  end: string;
  provenance: ProvenanceRecord;
}

export interface CoordinatesRecord {
  latitude: number;
  longitude: number;
  provenance: ProvenanceRecord;
}

/** One article's report of a fact: how that article states it. */
export interface ReportRecord {
  articleId: string;
  certainty: Certainty;
  provenance: ProvenanceRecord;
  evidence: SpanRecord[];
  date: PartialDateRecord | null;
}

/** What a fact's reports say together; `certainty` beside it is the strongest. */
export interface CorroborationRecord {
  weakestCertainty: Certainty;
  articleCount: number;
  sourceCount: number;
}

/** An event's consolidation: its certainty and whether its reports' dates disagree. */
export interface EventConsolidationRecord extends CorroborationRecord {
  certainty: Certainty;
  datesDisagree: boolean;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
  category: string | null;
  isoCode: string | null;
  wikidataId: string | null;
  /** Its own coordinates (background), if known. */
  coordinates: CoordinatesRecord | null;
  date: PartialDateRecord | null;
  /** Events only: what their reports say together. */
  consolidation: EventConsolidationRecord | null;
}

export interface RelationRecord extends CorroborationRecord {
  type: RelationType;
  direction: 'OUT' | 'IN';
  other: EntityRecord;
  certainty: Certainty;
  evidence: SpanRecord[];
  provenance: ProvenanceRecord;
  title: string | null;
  former: boolean | null;
  role: string | null;
  reports: ReportRecord[];
}

export interface FigureRecord extends CorroborationRecord {
  id: string;
  articleId: string;
  metric: (typeof FIGURE_METRICS)[number];
  counts: string;
  value: number | null;
  lowerBound: number | null;
  lowerBoundExclusive: boolean;
  upperBound: number | null;
  approximate: boolean;
  text: string;
  event: EntityRecord | null;
  source: EntityRecord | null;
  certainty: Certainty;
  evidence: SpanRecord[];
  reports: ReportRecord[];
}

export interface ClaimRecord extends CorroborationRecord {
  id: string;
  articleId: string;
  kind: (typeof CLAIM_KINDS)[number];
  summary: string;
  quote: string;
  speaker: EntityRecord | null;
  medium: EntityRecord | null;
  mediumProvenance: ProvenanceRecord | null;
  about: EntityRecord[];
  date: PartialDateRecord | null;
  datesDisagree: boolean;
  certainty: Certainty;
  evidence: SpanRecord[];
  reports: ReportRecord[];
}

export interface DeploymentRecord extends CorroborationRecord {
  id: string;
  articleId: string;
  country: EntityRecord;
  destination: EntityRecord;
  force: string;
  troops: FigureRecord | null;
  status: (typeof DEPLOYMENT_STATUSES)[number];
  date: PartialDateRecord | null;
  mission: EntityRecord | null;
  datesDisagree: boolean;
  certainty: Certainty;
  evidence: SpanRecord[];
  reports: ReportRecord[];
}

export interface ArticleRecord {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  source: string | null;
}

export interface GraphEdgeRecord {
  type: GraphEdgeType;
  source: string;
  target: string;
  certainty: Certainty;
  basis: Basis;
  /** The claim of a CLAIM edge; null on relations. */
  claimId: string | null;
  claimKind: (typeof CLAIM_KINDS)[number] | null;
}

export interface SubgraphRecord {
  nodes: EntityRecord[];
  edges: GraphEdgeRecord[];
  edgesTruncated: boolean;
}

export interface PathRecord {
  nodes: EntityRecord[];
  edges: GraphEdgeRecord[];
  length: number;
}

export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
}

/** One page of a list, Relay style. `totalCount` runs only when asked for. */
export interface PageRecord<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export interface GraphStatsRecord {
  articles: number;
  entities: number;
  figures: number;
  claims: number;
  deployments: number;
  entitiesByKind: { kind: EntityKind; count: number }[];
  relationsByType: { type: RelationType; count: number }[];
  dataVersion: string;
}

/** The range of numbers several figures give (see `FigureRange` in the SDL). */
export interface FigureRangeRecord {
  lowest: number | null;
  lowestExclusive: boolean;
  highest: number | null;
  highestIsFloor: boolean;
  approximate: boolean;
  unknown: number;
}

export interface EventCountRowRecord {
  start: string | null;
  end: string | null;
  entity: EntityRecord | null;
  category: (typeof EVENT_CATEGORIES)[number] | null;
  count: number;
  overlapping: number;
  undated: number;
}

export interface EventCountsRecord {
  rows: EventCountRowRecord[];
  truncated: boolean;
  events: number;
  undated: number;
}

export interface FigureSummaryRecord {
  metric: (typeof FIGURE_METRICS)[number];
  /** Who is counted, as the figures say it ("security personnel"): figures of other populations are summed apart. */
  counts: string;
  /** For troop figures of a deployment: the country whose contingent they count. */
  contingent: EntityRecord | null;
  event: EntityRecord | null;
  country: EntityRecord | null;
  range: FigureRangeRecord;
  figureCount: number;
  sourceCount: number;
  articleCount: number;
  /** The first figures, as many as the selection asks for at most. */
  figures: FigureRecord[];
}

export interface DeploymentTotalRecord {
  country: EntityRecord;
  destination: EntityRecord;
  deployments: number;
  /** Reports of those deployments, across articles. */
  reports: number;
  troops: FigureRangeRecord;
  statuses: { status: (typeof DEPLOYMENT_STATUSES)[number]; count: number }[];
}
