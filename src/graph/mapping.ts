/**
 * Cypher projections, and the parsers that check the rows they return at the boundary: a row of
 * the wrong shape is an error naming what was expected, never a silently wrong domain object.
 */
import { z } from 'zod';
import { dateInterval } from '../domain/dates.ts';
import { MAX_EVIDENCE_SPANS, MAX_PAGE_SIZE } from '../domain/limits.ts';
import {
  BASES,
  CERTAINTY_RANK,
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
  ReportRecord,
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

/**
 * Spans from parallel arrays, in one article or (a fact's spans from all its reports) each in the
 * article `articleIds` gives it; none without an article (a background fact has no text).
 */
function toSpanRecords(
  articleId: string | null | undefined,
  starts: number[] | null | undefined,
  ends: number[] | null | undefined,
  spanTexts: string[] | null | undefined,
  articleIds?: string[] | null,
): SpanRecord[] {
  if (articleId === null || articleId === undefined) return [];
  return (starts ?? []).map((start, index) => ({ articleId: articleIds?.[index] ?? articleId, start, end: ends?.[index] ?? start, text: spanTexts?.[index] ?? '' }));
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

/** What a fact node's reports say together, as the writer consolidated them. */
const CORROBORATION_PROPERTIES = '.weakestCertainty, .articleCount, .sourceCount, .datesDisagree, .dateArticleId';
/** What a dated fact's reports say together, read back from `CORROBORATION_PROPERTIES` and its reports. */
const datedFact = (row: DateFields & z.output<z.ZodObject<typeof corroborationFields>> & { reports: ReportRecord[] }) => ({
  date: toDate(row, row.dateArticleId),
  datesDisagree: row.datesDisagree,
  weakestCertainty: row.weakestCertainty,
  articleCount: row.articleCount,
  sourceCount: row.sourceCount,
  reports: row.reports,
});

const corroborationFields = {
  weakestCertainty: certainty,
  articleCount: z.number().int(),
  sourceCount: z.number().int(),
  datesDisagree: flag,
  dateArticleId: optionalText,
};

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
  `consolidation: CASE WHEN ${variable}.articleCount IS NOT NULL THEN ${variable} {.certainty, ${CORROBORATION_PROPERTIES}} END, ` +
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
    consolidation: z.object({ certainty, ...corroborationFields }).nullish(),
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
    consolidation: row.consolidation
      ? {
          certainty: row.consolidation.certainty,
          weakestCertainty: row.consolidation.weakestCertainty,
          articleCount: row.consolidation.articleCount,
          sourceCount: row.consolidation.sourceCount,
          datesDisagree: row.consolidation.datesDisagree,
        }
      : null,
  }));

export const toEntity = (value: unknown): EntityRecord => parseRow(entitySchema, value, 'entity');
export const toEntities = (value: unknown): EntityRecord[] => parseRow(z.array(entitySchema), value ?? [], 'entity list');
export const toEntityOrNull = (value: unknown): EntityRecord | null => (value === null || value === undefined ? null : toEntity(value));

/** A map projection of the evidence arrays on a node or relationship, read back by `spansSchema`. */
export const evidenceProjection = (variable: string, articleId: string) =>
  `{articleId: ${articleId}, starts: ${variable}.evidenceStarts, ends: ${variable}.evidenceEnds, texts: ${variable}.evidenceTexts}`;

export const spansSchema: z.ZodType<SpanRecord[]> = z
  .object({ articleId: text.nullish(), articleIds: z.array(text).nullish(), starts: offsets, ends: offsets, texts })
  .transform(({ articleId, articleIds, starts, ends, texts: spanTexts }) => toSpanRecords(articleId, starts, ends, spanTexts, articleIds));

/** A fact's evidence: every report's spans, the primary report's first, each in its own article. */
const factEvidenceProjection = (variable: string) =>
  `{articleId: ${variable}.articleId, articleIds: ${variable}.evidenceArticleIds, starts: ${variable}.evidenceStarts[..${MAX_EVIDENCE_SPANS}], ` +
  `ends: ${variable}.evidenceEnds[..${MAX_EVIDENCE_SPANS}], texts: ${variable}.evidenceTexts[..${MAX_EVIDENCE_SPANS}]}`;

/** Certainties as a rank in Cypher, strongest first (`CERTAINTY_RANK`). */
export const certaintyRank = (certainty: string) =>
  `CASE ${certainty} ${CERTAINTY_RANK.map((value, rank) => `WHEN '${value}' THEN ${rank}`).join(' ')} END`;

/** Reports in the order facts are consolidated: the strongest, then the latest article. */
const REPORT_ORDER = (report: string, article: string) =>
  `${certaintyRank(`${report}.certainty`)}, coalesce(${article}.publishedAt, '') DESC, ${article}.id`;

/** One article's report (an edge from the fact to its article), read back by `reportSchema`. */
const reportProjection = (report: string, article: string) =>
  `${report} {articleId: ${article}.id, .certainty, .basis, .reason, .evidenceStarts, .evidenceEnds, .evidenceTexts, ${DATE_PROPERTIES}}`;

/** The reports of a fact node, at most `first` (a parameter or a number). */
export const reportsExpression = (variable: string, link: 'ASSERTED_IN' | 'REPORTED_IN', first: string | number = MAX_PAGE_SIZE) =>
  `COLLECT { MATCH (${variable})-[${variable}Report:${link}]->(${variable}Article:Article)
    WITH ${variable}Report, ${variable}Article ORDER BY ${REPORT_ORDER(`${variable}Report`, `${variable}Article`)} LIMIT ${first}
    RETURN ${reportProjection(`${variable}Report`, `${variable}Article`)} }`;

export const reportSchema: z.ZodType<ReportRecord> = z
  .object({
    articleId: text,
    certainty,
    basis: optionalBasis,
    reason: optionalText,
    evidenceStarts: offsets,
    evidenceEnds: offsets,
    evidenceTexts: texts,
    ...dateFields,
  })
  .transform((row) => {
    const evidence = toSpanRecords(row.articleId, row.evidenceStarts, row.evidenceEnds, row.evidenceTexts);
    return {
      articleId: row.articleId,
      certainty: row.certainty,
      provenance: { basis: row.basis ?? 'ARTICLE', reason: row.reason, reference: null, evidence },
      evidence,
      date: toDate(row, row.articleId),
    };
  });
export const toReports = (value: unknown): ReportRecord[] => parseRow(z.array(reportSchema), value ?? [], 'report list');


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

/**
 * A relation seen from `n` to `other`: the statements of every article (each an edge, its report)
 * and a background fact, of one type, direction, title, former and role, grouped into one (the
 * distinct groups come from `WITH DISTINCT` on `RELATION_GROUP`, their statements from the pattern
 * comprehension in `relationProjection`, as aggregate functions may not nest in the queries that
 * embed it), read back by `relationSchema`. `excluded` names the parameter of left-out bases.
 */
export const RELATION_GROUP = `n, other, type(relation) AS type, CASE WHEN startNode(relation) = n THEN 'OUT' ELSE 'IN' END AS direction,
  relation.title AS title, relation.former AS former, relation.role AS role`;

export const relationProjection = (excluded: string) => `{
  type: type, direction: direction, other: ${entityProjection('other')}, title: title, former: former, role: role,
  statements: [(n)-[statement]-(other) WHERE type(statement) = type AND (startNode(statement) = n) = (direction = 'OUT')
    AND coalesce(statement.title, '') = coalesce(title, '') AND coalesce(statement.former, false) = coalesce(former, false)
    AND coalesce(statement.role, '') = coalesce(role, '') AND ${basisKept('statement', excluded)} |
    {articleId: statement.articleId, certainty: statement.certainty, basis: statement.basis,
     reason: statement.reason, reference: statement.reference, starts: statement.evidenceStarts, ends: statement.evidenceEnds,
     texts: statement.evidenceTexts, article: COLLECT { MATCH (article:Article {id: statement.articleId})
       RETURN {source: coalesce(article.source, article.id), publishedAt: article.publishedAt} }[0]}]
}`;

/** Statements in the order reports are consolidated: the strongest, then the latest article, then by id. */
const strongestFirst = <T extends { certainty: (typeof CERTAINTIES)[number]; articleId: string | null; article?: { publishedAt: string | null } | null }>(items: T[]) =>
  [...items].sort(
    (a, b) =>
      CERTAINTY_RANK.indexOf(a.certainty) - CERTAINTY_RANK.indexOf(b.certainty) ||
      (b.article?.publishedAt ?? '').localeCompare(a.article?.publishedAt ?? '') ||
      (a.articleId ?? '').localeCompare(b.articleId ?? ''),
  );

const BASIS_ORDER = ['ARTICLE', 'INFERRED', 'BACKGROUND'] as const;

export const relationSchema: z.ZodType<RelationRecord> = z
  .object({
    type: z.enum(RELATION_TYPES),
    direction: z.enum(['OUT', 'IN']),
    other: entitySchema,
    title: optionalText,
    former: z.boolean().nullish().transform((value) => value ?? null),
    role: optionalText,
    statements: z.array(
      z.object({
        articleId: optionalText,
        certainty,
        basis,
        reason: optionalText,
        reference: optionalText,
        starts: offsets,
        ends: offsets,
        texts,
        article: z.object({ source: text, publishedAt: optionalText }).nullish(),
      }),
    ),
  })
  .transform(({ statements, ...relation }) => {
    const ordered = strongestFirst(statements);
    const reports = ordered.flatMap((statement): ReportRecord[] => {
      if (statement.articleId === null) return [];
      const evidence = toSpanRecords(statement.articleId, statement.starts, statement.ends, statement.texts);
      return [{ articleId: statement.articleId, certainty: statement.certainty, provenance: { basis: statement.basis, reason: statement.reason, reference: null, evidence }, evidence, date: null }];
    });
    // The provenance of the best-founded statement: an article's own words before an inference, before background.
    const founding = [...ordered].sort((a, b) => BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis))[0]!;
    const evidence = reports.flatMap((report) => report.evidence).slice(0, MAX_EVIDENCE_SPANS);
    return {
      ...relation,
      certainty: ordered[0]!.certainty,
      weakestCertainty: ordered.at(-1)!.certainty,
      articleCount: reports.length,
      sourceCount: new Set(ordered.flatMap((statement) => (statement.article ? [statement.article.source] : []))).size,
      evidence,
      provenance: {
        basis: founding.basis,
        reason: founding.reason,
        reference: founding.reference,
        evidence: reports
          .filter((report) => report.provenance.basis === founding.basis)
          .flatMap((report) => report.evidence)
          .slice(0, MAX_EVIDENCE_SPANS),
      },
      reports,
    };
  });

/** Figures with their event and source inline, so neither costs another round trip. */
export const figureProjection = (variable: string) => `${variable} {
  .id, .articleId, .metric, .counts, .value, .lowerBound, .lowerBoundExclusive, .upperBound, .approximate, .text, .certainty,
  ${CORROBORATION_PROPERTIES}, reports: ${reportsExpression(variable, 'REPORTED_IN')},
  event: head(COLLECT { MATCH (${variable})-[:FIGURE_OF]->(figureEvent:Event) RETURN ${entityProjection('figureEvent')} }),
  source: head(COLLECT { MATCH (${variable})-[:SOURCED_FROM]->(figureSource:Entity) RETURN ${entityProjection('figureSource')} }),
  evidence: ${factEvidenceProjection(variable)}
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
  ...corroborationFields,
  reports: z.array(reportSchema),
  evidence: spansSchema,
});

export const claimProjection = (variable: string) => `${variable} {
  .id, .articleId, .kind, .summary, .quote, .certainty, ${DATE_PROPERTIES}, ${CORROBORATION_PROPERTIES},
  reports: ${reportsExpression(variable, 'REPORTED_IN')},
  .mediumBasis, .mediumReason, .mediumEvidenceStarts, .mediumEvidenceEnds, .mediumEvidenceTexts,
  speaker: head(COLLECT { MATCH (${variable})-[:SAID_BY]->(claimSpeaker:Entity) RETURN ${entityProjection('claimSpeaker')} }),
  medium: head(COLLECT { MATCH (${variable})-[via:VIA]->(claimMedium:Entity) WITH via, claimMedium ORDER BY via.articleId = ${variable}.articleId DESC, via.articleId
    RETURN ${entityProjection('claimMedium')} }),
  about: COLLECT { MATCH (${variable})-[claimLink:ABOUT]->(claimSubject:Entity) RETURN ${entityProjection('claimSubject')} ORDER BY claimLink.position },
  evidence: ${factEvidenceProjection(variable)}
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
    ...corroborationFields,
    reports: z.array(reportSchema),
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
    ...datedFact(row),
  }));

export const deploymentProjection = (variable: string) => `${variable} {
  .id, .articleId, .force, .status, .certainty, ${DATE_PROPERTIES}, ${CORROBORATION_PROPERTIES},
  reports: ${reportsExpression(variable, 'REPORTED_IN')},
  country: head(COLLECT { MATCH (${variable})-[:FROM_COUNTRY]->(sender:Country) RETURN ${entityProjection('sender')} }),
  destination: head(COLLECT { MATCH (${variable})-[:TO_COUNTRY]->(receiver:Country) RETURN ${entityProjection('receiver')} }),
  troops: head(COLLECT { MATCH (${variable})-[troopLink:TROOPS]->(troopFigure:Figure)
    WITH troopLink, troopFigure ORDER BY troopLink.articleId = ${variable}.articleId DESC, troopLink.articleId
    RETURN ${figureProjection('troopFigure')} }),
  mission: head(COLLECT { MATCH (${variable})-[:MISSION]->(missionEvent:Event) RETURN ${entityProjection('missionEvent')} }),
  evidence: ${factEvidenceProjection(variable)}
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
    ...corroborationFields,
    reports: z.array(reportSchema),
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
    ...datedFact(row),
  }));

export const articleProjection = (variable: string) => `${variable} {.id, .title, .text, .publishedAt, .source}`;

export const articleSchema: z.ZodType<ArticleRecord> = z.object({
  id: text,
  title: text,
  text,
  publishedAt: optionalText,
  source: optionalText,
});
