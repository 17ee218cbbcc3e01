/**
 * Cypher projections, and the parsers that check the rows they return at the boundary: a row of
 * the wrong shape is an error naming what was expected, never a silently wrong domain object.
 */
import { z } from 'zod';
import {
  CERTAINTIES,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  DEPLOYMENT_STATUSES,
  ENTITY_KINDS,
  FIGURE_METRICS,
  RELATION_TYPES,
} from '../domain/vocabulary.ts';
import type {
  ArticleRecord,
  ClaimRecord,
  DeploymentRecord,
  EntityRecord,
  FigureRecord,
  PartialDateRecord,
  RelationRecord,
  SpanRecord,
} from './types.ts';

/** Parses `value` with `schema`, or fails naming the row kind and the first problem. */
export function parseRow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Unexpected ${what} row from Neo4j at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}

const text = z.string();
const optionalText = z.string().nullish().transform((value) => value ?? null);
const optionalInt = z.number().int().nullish().transform((value) => value ?? null);
const flag = z.boolean().nullish().transform(Boolean);
const certainty = z.enum(CERTAINTIES);

/** A map projection of an entity node, read back by `entitySchema`. */
export const entityProjection = (variable: string) =>
  `${variable} {.id, .kind, .name, .aliases, .description, .category, .isoCode, .latitude, .longitude, ` +
  `.dateIso, .datePrecision, .dateQualifier}`;

function toDate(iso: string | null, precision: PartialDateRecord['precision'] | null, qualifier: string | null) {
  return iso === null || precision === null ? null : { iso, precision, qualifier };
}

const datePrecision = z.enum(DATE_PRECISIONS).nullish().transform((value) => value ?? null);

export const entitySchema: z.ZodType<EntityRecord> = z
  .object({
    id: text,
    kind: z.enum(ENTITY_KINDS),
    name: text,
    aliases: z.array(text).nullish(),
    description: optionalText,
    category: optionalText,
    isoCode: optionalText,
    latitude: z.number().nullish(),
    longitude: z.number().nullish(),
    dateIso: optionalText,
    datePrecision,
    dateQualifier: optionalText,
  })
  .transform((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases ?? [],
    description: row.description,
    category: row.category,
    isoCode: row.isoCode,
    coordinates:
      row.latitude === null || row.latitude === undefined || row.longitude === null || row.longitude === undefined
        ? null
        : { latitude: row.latitude, longitude: row.longitude },
    date: toDate(row.dateIso, row.datePrecision, row.dateQualifier),
  }));

export const toEntity = (value: unknown): EntityRecord => parseRow(entitySchema, value, 'entity');
export const toEntities = (value: unknown): EntityRecord[] => parseRow(z.array(entitySchema), value ?? [], 'entity list');
export const toEntityOrNull = (value: unknown): EntityRecord | null => (value === null || value === undefined ? null : toEntity(value));

/** A map projection of the evidence arrays on a node or relationship, read back by `spansSchema`. */
export const evidenceProjection = (variable: string, articleId: string) =>
  `{articleId: ${articleId}, starts: ${variable}.evidenceStarts, ends: ${variable}.evidenceEnds, texts: ${variable}.evidenceTexts}`;

export const spansSchema: z.ZodType<SpanRecord[]> = z
  .object({
    articleId: text,
    starts: z.array(z.number().int()).nullish(),
    ends: z.array(z.number().int()).nullish(),
    texts: z.array(text).nullish(),
  })
  .transform(({ articleId, starts, ends, texts }) =>
    (starts ?? []).map((start, index) => ({ articleId, start, end: ends?.[index] ?? start, text: texts?.[index] ?? '' })),
  );

export const toSpans = (value: unknown): SpanRecord[] => parseRow(spansSchema, value, 'evidence');
/** Evidence gathered from several articles, flattened in article order. */
export const toSpansOfArticles = (value: unknown): SpanRecord[] =>
  parseRow(z.array(spansSchema), value ?? [], 'evidence list').flat();

/** A relation seen from `n` to `other`, read back by `relationSchema`. */
export const relationProjection = `{
  type: type(relation),
  direction: CASE WHEN startNode(relation) = n THEN 'OUT' ELSE 'IN' END,
  other: ${entityProjection('other')},
  certainty: relation.certainty, title: relation.title, former: relation.former, role: relation.role,
  evidence: ${evidenceProjection('relation', 'relation.articleId')}
}`;

export const relationSchema: z.ZodType<RelationRecord> = z.object({
  type: z.enum(RELATION_TYPES),
  direction: z.enum(['OUT', 'IN']),
  other: entitySchema,
  certainty,
  evidence: spansSchema,
  title: optionalText,
  former: z.boolean().nullish().transform((value) => value ?? null),
  role: optionalText,
});

/** Figures with their event and source inline, so neither costs another round trip. */
export const figureProjection = (variable: string) => `${variable} {
  .id, .articleId, .metric, .counts, .value, .lowerBound, .lowerBoundExclusive, .upperBound, .approximate, .text, .certainty,
  event: head(COLLECT { MATCH (${variable})-[:FIGURE_OF]->(figureEvent:Event) RETURN ${entityProjection('figureEvent')} }),
  source: head(COLLECT { MATCH (${variable})-[:SOURCED_FROM]->(figureSource:Entity) RETURN ${entityProjection('figureSource')} }),
  evidence: ${evidenceProjection(variable, `${variable}.articleId`)}
}`;

export const figureSchema: z.ZodType<FigureRecord> = z.object({
  id: text,
  articleId: text,
  metric: z.enum(FIGURE_METRICS),
  counts: text,
  value: optionalInt,
  lowerBound: optionalInt,
  lowerBoundExclusive: flag,
  upperBound: optionalInt,
  approximate: flag,
  text,
  event: entitySchema.nullish().transform((value) => value ?? null),
  source: entitySchema.nullish().transform((value) => value ?? null),
  certainty,
  evidence: spansSchema,
});

export const claimProjection = (variable: string) => `${variable} {
  .id, .articleId, .kind, .summary, .quote, .certainty, .dateIso, .datePrecision, .dateQualifier,
  speaker: head(COLLECT { MATCH (${variable})-[:SAID_BY]->(claimSpeaker:Entity) RETURN ${entityProjection('claimSpeaker')} }),
  medium: head(COLLECT { MATCH (${variable})-[:VIA]->(claimMedium:Entity) RETURN ${entityProjection('claimMedium')} }),
  about: COLLECT { MATCH (${variable})-[claimLink:ABOUT]->(claimSubject:Entity) RETURN ${entityProjection('claimSubject')} ORDER BY claimLink.position },
  evidence: ${evidenceProjection(variable, `${variable}.articleId`)}
}`;

export const claimSchema: z.ZodType<ClaimRecord> = z
  .object({
    id: text,
    articleId: text,
    kind: z.enum(CLAIM_KINDS),
    summary: text,
    quote: text,
    certainty,
    dateIso: optionalText,
    datePrecision,
    dateQualifier: optionalText,
    speaker: entitySchema.nullish().transform((value) => value ?? null),
    medium: entitySchema.nullish().transform((value) => value ?? null),
    about: z.array(entitySchema),
    evidence: spansSchema,
  })
  .transform(({ dateIso, datePrecision: precision, dateQualifier, ...claim }) => ({
    ...claim,
    date: toDate(dateIso, precision, dateQualifier),
  }));

export const deploymentProjection = (variable: string) => `${variable} {
  .id, .articleId, .force, .status, .certainty, .dateIso, .datePrecision, .dateQualifier,
  country: head(COLLECT { MATCH (${variable})-[:FROM_COUNTRY]->(sender:Country) RETURN ${entityProjection('sender')} }),
  destination: head(COLLECT { MATCH (${variable})-[:TO_COUNTRY]->(receiver:Country) RETURN ${entityProjection('receiver')} }),
  troops: head(COLLECT { MATCH (${variable})-[:TROOPS]->(troopFigure:Figure) RETURN ${figureProjection('troopFigure')} }),
  mission: head(COLLECT { MATCH (${variable})-[:MISSION]->(missionEvent:Event) RETURN ${entityProjection('missionEvent')} }),
  evidence: ${evidenceProjection(variable, `${variable}.articleId`)}
}`;

export const deploymentSchema: z.ZodType<DeploymentRecord> = z
  .object({
    id: text,
    articleId: text,
    force: text,
    status: z.enum(DEPLOYMENT_STATUSES),
    certainty,
    dateIso: optionalText,
    datePrecision,
    dateQualifier: optionalText,
    country: entitySchema,
    destination: entitySchema,
    troops: figureSchema.nullish().transform((value) => value ?? null),
    mission: entitySchema.nullish().transform((value) => value ?? null),
    evidence: spansSchema,
  })
  .transform(({ dateIso, datePrecision: precision, dateQualifier, ...deployment }) => ({
    ...deployment,
    date: toDate(dateIso, precision, dateQualifier),
  }));

export const articleProjection = (variable: string) => `${variable} {.id, .title, .text, .publishedAt, .source}`;

export const articleSchema: z.ZodType<ArticleRecord> = z.object({
  id: text,
  title: text,
  text,
  publishedAt: optionalText,
  source: optionalText,
});
