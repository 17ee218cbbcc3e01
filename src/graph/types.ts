/** Domain types the data-access layer returns; the GraphQL layer maps its types onto these. */
import type {
  Certainty,
  EntityKind,
  RelationType,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  DEPLOYMENT_STATUSES,
  FIGURE_METRICS,
} from '../domain/vocabulary.ts';

export type { Certainty, EntityKind, RelationType };
export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface SpanRecord {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export interface PartialDateRecord {
  iso: string;
  precision: (typeof DATE_PRECISIONS)[number];
  qualifier: string | null;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
  category: string | null;
  isoCode: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  date: PartialDateRecord | null;
}

export interface RelationRecord {
  type: RelationType;
  direction: 'OUT' | 'IN';
  other: EntityRecord;
  certainty: Certainty;
  evidence: SpanRecord[];
  title: string | null;
  former: boolean | null;
  role: string | null;
}

export interface FigureRecord {
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
}

export interface ClaimRecord {
  id: string;
  articleId: string;
  kind: (typeof CLAIM_KINDS)[number];
  summary: string;
  quote: string;
  speaker: EntityRecord | null;
  medium: EntityRecord | null;
  about: EntityRecord[];
  date: PartialDateRecord | null;
  certainty: Certainty;
  evidence: SpanRecord[];
}

export interface DeploymentRecord {
  id: string;
  articleId: string;
  country: EntityRecord;
  destination: EntityRecord;
  force: string;
  troops: FigureRecord | null;
  status: (typeof DEPLOYMENT_STATUSES)[number];
  date: PartialDateRecord | null;
  mission: EntityRecord | null;
  certainty: Certainty;
  evidence: SpanRecord[];
}

export interface ArticleRecord {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  source: string | null;
}

export interface GraphEdgeRecord {
  type: RelationType;
  source: string;
  target: string;
  certainty: Certainty;
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
