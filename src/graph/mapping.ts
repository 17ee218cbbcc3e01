/**
 * Cypher projections, and the parsers that check the rows they return at the boundary: a row of
 * the wrong shape is an error naming what was expected, never a silently wrong domain object.
 */
import { z } from 'zod';
import { dateInterval } from '../domain/dates.ts';
import { MAX_EVIDENCE_SPANS } from '../domain/limits.ts';
import {
  BASES,
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
  CoordinatesRecord,
  DeploymentRecord,
  EntityRecord,
  FigureRecord,
  PartialDateRecord,
  ProvenanceRecord,
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

const basis = z.enum(BASES);
const optionalBasis = basis.nullish().transform((value) => value ?? null);
const offsets = z.array(z.number().int()).nullish();
const texts = z.array(text).nullish();

/** Spans from parallel arrays; none without an article (a background fact has no text). */
function toSpanRecords(articleId: string | null | undefined, starts: number[] | null | undefined, ends: number[] | null | undefined, spanTexts: string[] | null | undefined): SpanRecord[] {
  if (articleId === null || articleId === undefined) return [];
  return (starts ?? []).map((start, index) => ({ articleId, start, end: ends?.[index] ?? start, text: spanTexts?.[index] ?? '' }));
}

/** The node properties of a date (events, claims, deployments), projected with `.dateIso`… */
const DATE_PROPERTIES = '.dateIso, .datePrecision, .dateQualifier, .dateBasis, .dateReason, .dateEvidenceStarts, .dateEvidenceEnds, .dateEvidenceTexts';

const dateFields = {
  dateIso: optionalText,
  datePrecision: z.enum(DATE_PRECISIONS).nullish().transform((value) => value ?? null),
  dateQualifier: optionalText,
  dateBasis: optionalBasis,
  dateReason: optionalText,
  dateEvidenceStarts: offsets,
  dateEvidenceEnds: offsets,
  dateEvidenceTexts: texts,
};
type DateFields = z.output<z.ZodObject<typeof dateFields>>;

/** A date with its interval and provenance; its evidence is in the article `articleId`. */
function toDate(row: DateFields, articleId: string | null | undefined): PartialDateRecord | null {
  if (row.dateIso === null || row.datePrecision === null) return null;
  return {
    iso: row.dateIso,
    precision: row.datePrecision,
    qualifier: row.dateQualifier,
    ...dateInterval(row.dateIso, row.datePrecision),
    provenance: {
      basis: row.dateBasis ?? 'ARTICLE',
      reason: row.dateReason,
      reference: null,
      evidence: toSpanRecords(articleId, row.dateEvidenceStarts, row.dateEvidenceEnds, row.dateEvidenceTexts),
    },
  };
}

/**
 * True for a relationship `variable` whose basis is not in the list `excluded` (a parameter). Every
 * stored relationship has a basis (older graphs are upgraded on load).
 */
export const basisKept = (variable: string, excluded: string) => `NOT ${variable}.basis IN ${excluded}`;

/**
 * Where a place or country `variable` is on a map: its own coordinates, or those of the nearest
 * place or country it is in, with the relations on the way (read back by `toCoordinates`). With
 * `excluded` (a parameter name), relations of those bases are not walked, BACKGROUND excluded
 * finds nothing, and INFERRED excluded leaves only its own.
 */
export const locationExpression = (variable: string, excluded: string | null = null) => {
  const hops = excluded === null ? '' : ` WHERE ${basisKept(`${variable}Hop`, excluded)}`;
  const allowed = excluded === null ? '' : ` AND NOT 'BACKGROUND' IN ${excluded} AND (length(${variable}Path) = 0 OR NOT 'INFERRED' IN ${excluded})`;
  return `CASE WHEN ${variable}:Place OR ${variable}:Country THEN head(COLLECT {
    MATCH ${variable}Path = (${variable})-[${variable}Hop:LOCATED_IN|PART_OF${hops}]->{0,4}(${variable}Holder:Entity)
    WHERE ${variable}Holder.latitude IS NOT NULL${allowed}
    WITH ${variable}Path, ${variable}Holder ORDER BY length(${variable}Path), ${variable}Holder.name LIMIT 1
    RETURN {hops: length(${variable}Path), latitude: ${variable}Holder.latitude, longitude: ${variable}Holder.longitude,
            reference: ${variable}Holder.coordinatesReference, holder: ${variable}Holder.name,
            evidence: [hop IN relationships(${variable}Path) | ${evidenceProjection('hop', 'hop.articleId')}]} }) END`;
};

/** A map projection of an entity node, read back by `entitySchema`; only a dated event reads its date's properties. */
export const entityProjection = (variable: string) =>
  `${variable} {.id, .kind, .name, .aliases, .description, .category, .isoCode, .wikidataId, ` +
  `date: CASE WHEN ${variable}.dateIso IS NOT NULL THEN ${variable} {.dateArticleId, ${DATE_PROPERTIES}} END, ` +
  `location: ${locationExpression(variable)}}`;

/** A location row: own coordinates (BACKGROUND, referenced) or inherited (INFERRED, resting on the relations). */
export const toCoordinates = (value: unknown): CoordinatesRecord | null => {
  if (value === null || value === undefined) return null;
  const row = parseRow(locationSchema, value, 'coordinates');
  return {
    latitude: row.latitude,
    longitude: row.longitude,
    provenance:
      row.hops === 0
        ? { basis: 'BACKGROUND', reason: null, reference: row.reference ?? null, evidence: [] }
        : {
            basis: 'INFERRED',
            reason: `No coordinates of its own: shown at those of ${row.holder}, which it is in`,
            reference: null,
            evidence: row.evidence.slice(0, MAX_EVIDENCE_SPANS),
          },
  };
};

export const entitySchema: z.ZodType<EntityRecord> = z
  .object({
    id: text,
    kind: z.enum(ENTITY_KINDS),
    name: text,
    aliases: z.array(text).nullish(),
    description: optionalText,
    category: optionalText,
    isoCode: optionalText,
    wikidataId: optionalText,
    location: z.unknown(),
    date: z.object({ dateArticleId: optionalText, ...dateFields }).nullish(),
  })
  .transform((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases ?? [],
    description: row.description,
    category: row.category,
    isoCode: row.isoCode,
    wikidataId: row.wikidataId,
    coordinates: toCoordinates(row.location),
    date: row.date ? toDate(row.date, row.date.dateArticleId) : null,
  }));

export const toEntity = (value: unknown): EntityRecord => parseRow(entitySchema, value, 'entity');
export const toEntities = (value: unknown): EntityRecord[] => parseRow(z.array(entitySchema), value ?? [], 'entity list');
export const toEntityOrNull = (value: unknown): EntityRecord | null => (value === null || value === undefined ? null : toEntity(value));

/** A map projection of the evidence arrays on a node or relationship, read back by `spansSchema`. */
export const evidenceProjection = (variable: string, articleId: string) =>
  `{articleId: ${articleId}, starts: ${variable}.evidenceStarts, ends: ${variable}.evidenceEnds, texts: ${variable}.evidenceTexts}`;

export const spansSchema: z.ZodType<SpanRecord[]> = z
  .object({ articleId: text.nullish(), starts: offsets, ends: offsets, texts })
  .transform(({ articleId, starts, ends, texts: spanTexts }) => toSpanRecords(articleId, starts, ends, spanTexts));

const locationSchema = z.object({
  hops: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
  reference: z.string().nullish(),
  holder: z.string(),
  evidence: z.array(spansSchema).transform((lists) => lists.flat()),
});

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
  basis: relation.basis, reason: relation.reason, reference: relation.reference,
  evidence: ${evidenceProjection('relation', 'relation.articleId')}
}`;

export const relationSchema: z.ZodType<RelationRecord> = z
  .object({
    type: z.enum(RELATION_TYPES),
    direction: z.enum(['OUT', 'IN']),
    other: entitySchema,
    certainty,
    evidence: spansSchema,
    title: optionalText,
    former: z.boolean().nullish().transform((value) => value ?? null),
    role: optionalText,
    basis,
    reason: optionalText,
    reference: optionalText,
  })
  .transform(({ basis: relationBasis, reason, reference, ...relation }) => ({
    ...relation,
    provenance: { basis: relationBasis, reason, reference, evidence: relation.evidence },
  }));

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
  .id, .articleId, .kind, .summary, .quote, .certainty, ${DATE_PROPERTIES},
  .mediumBasis, .mediumReason, .mediumEvidenceStarts, .mediumEvidenceEnds, .mediumEvidenceTexts,
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
    ...dateFields,
    mediumBasis: optionalBasis,
    mediumReason: optionalText,
    mediumEvidenceStarts: offsets,
    mediumEvidenceEnds: offsets,
    mediumEvidenceTexts: texts,
    speaker: entitySchema.nullish().transform((value) => value ?? null),
    medium: entitySchema.nullish().transform((value) => value ?? null),
    about: z.array(entitySchema),
    evidence: spansSchema,
  })
  .transform((row) => ({
    id: row.id,
    articleId: row.articleId,
    kind: row.kind,
    summary: row.summary,
    quote: row.quote,
    certainty: row.certainty,
    speaker: row.speaker,
    medium: row.medium,
    mediumProvenance:
      row.medium === null
        ? null
        : {
            basis: row.mediumBasis ?? 'ARTICLE',
            reason: row.mediumReason,
            reference: null,
            evidence: toSpanRecords(row.articleId, row.mediumEvidenceStarts, row.mediumEvidenceEnds, row.mediumEvidenceTexts),
          },
    about: row.about,
    evidence: row.evidence,
    date: toDate(row, row.articleId),
  }));

export const deploymentProjection = (variable: string) => `${variable} {
  .id, .articleId, .force, .status, .certainty, ${DATE_PROPERTIES},
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
    ...dateFields,
    country: entitySchema,
    destination: entitySchema,
    troops: figureSchema.nullish().transform((value) => value ?? null),
    mission: entitySchema.nullish().transform((value) => value ?? null),
    evidence: spansSchema,
  })
  .transform((row) => ({
    id: row.id,
    articleId: row.articleId,
    force: row.force,
    status: row.status,
    certainty: row.certainty,
    country: row.country,
    destination: row.destination,
    troops: row.troops,
    mission: row.mission,
    evidence: row.evidence,
    date: toDate(row, row.articleId),
  }));

export const articleProjection = (variable: string) => `${variable} {.id, .title, .text, .publishedAt, .source}`;

export const articleSchema: z.ZodType<ArticleRecord> = z.object({
  id: text,
  title: text,
  text,
  publishedAt: optionalText,
  source: optionalText,
});
