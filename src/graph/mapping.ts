/**
 * The parsers that check the rows the projections (`projections.ts`) return, at the boundary: a
 * row of the wrong shape is an error naming what was expected, never a silently wrong domain object.
 */
import { z } from 'zod';
import { dateInterval } from '../domain/dates.ts';
import { MAX_EVIDENCE_SPANS } from '../domain/limits.ts';
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

/** What a dated fact's reports say together, read back from its corroboration properties and its reports. */
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
    location: z.unknown().optional(),
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

export const spansSchema: z.ZodType<SpanRecord[]> = z
  .object({ articleId: text.nullish(), articleIds: z.array(text).nullish(), starts: offsets, ends: offsets, texts })
  .transform(({ articleId, articleIds, starts, ends, texts: spanTexts }) => toSpanRecords(articleId, starts, ends, spanTexts, articleIds));

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
/** A fact's reports and evidence are projected only when selected; absent, they are empty. */
const reportsWhenSelected = z.array(reportSchema).nullish().transform((value) => value ?? []);
const evidenceWhenSelected = spansSchema.nullish().transform((value) => value ?? []);

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
  reports: reportsWhenSelected,
  evidence: evidenceWhenSelected,
});

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
    reports: reportsWhenSelected,
    speaker: entitySchema.nullish().transform((value) => value ?? null),
    medium: entitySchema.nullish().transform((value) => value ?? null),
    about: z.array(entitySchema),
    evidence: evidenceWhenSelected,
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
    reports: reportsWhenSelected,
    evidence: evidenceWhenSelected,
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

export const articleSchema: z.ZodType<ArticleRecord> = z.object({
  id: text,
  title: text,
  text,
  publishedAt: optionalText,
  source: optionalText,
});
