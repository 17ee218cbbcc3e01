/**
 * Rows into domain records. The compiler (`projections.ts`) knows the shape of what it asked for,
 * so a row is shaped by plain functions; where rows are checked (tests and development, the
 * `CHECK_ROWS` setting), each is first checked against the schema of its projection, and a row of
 * the wrong shape is an error naming what was expected, never a silently wrong domain object.
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

/** Checks `value` against `schema`, or fails naming the row kind and the first problem. */
export function checkRow(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Unexpected ${what} row from Neo4j at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
}

/** Parses `value` with `schema` (a value that is not a projection's row, such as a cursor), or fails as `checkRow`. */
export function parseRow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  checkRow(schema, value, what);
  return schema.parse(value);
}

/** How to read one kind of row: the schema of the projection that returns it, and its shaping. */
export interface RowReader<Row, T> {
  schema: z.ZodType<Row>;
  shape(row: Row): T;
  what: string;
}

/** A reader whose records are turned into something else (a slice, the first one). */
export const mapped = <Row, T, U>(reader: RowReader<Row, T>, change: (value: T) => U): RowReader<Row, U> => ({
  schema: reader.schema,
  shape: (row) => change(reader.shape(row)),
  what: reader.what,
});

/** A row as a record: checked first when `check` is on (tests and development), only shaped otherwise. */
export function readRow<Row, T>(reader: RowReader<Row, T>, value: unknown, check: boolean): T {
  if (check) checkRow(reader.schema, value, reader.what);
  return reader.shape(value as Row);
}

/** A list of rows (null as empty). */
export const listOf = <Row, T>(reader: RowReader<Row, T>): RowReader<Row[] | null | undefined, T[]> => ({
  schema: z.array(reader.schema).nullish(),
  shape: (rows) => (rows ?? []).map(reader.shape),
  what: `${reader.what} list`,
});

/** A row that may be missing (null). */
export const optional = <Row, T>(reader: RowReader<Row, T>): RowReader<Row | null | undefined, T | null> => ({
  schema: reader.schema.nullish(),
  shape: (row) => (row === null || row === undefined ? null : reader.shape(row)),
  what: reader.what,
});

const text = z.string();
const optionalText = z.string().nullish();
const optionalInt = z.number().int().nullish();
const flag = z.boolean().nullish();
const certainty = z.enum(CERTAINTIES);
const basis = z.enum(BASES);
const offsets = z.array(z.number().int()).nullish();
const texts = z.array(text).nullish();
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

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
  datePrecision: z.enum(DATE_PRECISIONS).nullish(),
  dateQualifier: optionalText,
  dateBasis: basis.nullish(),
  dateReason: optionalText,
  dateEvidenceStarts: offsets,
  dateEvidenceEnds: offsets,
  dateEvidenceTexts: texts,
};
type DateFields = z.infer<z.ZodObject<typeof dateFields>>;

/** A date with its interval and provenance; its evidence is in the article `articleId`. */
function toDate(row: DateFields, articleId: string | null | undefined): PartialDateRecord | null {
  if (!row.dateIso || !row.datePrecision) return null;
  return {
    iso: row.dateIso,
    precision: row.datePrecision,
    qualifier: orNull(row.dateQualifier),
    ...dateInterval(row.dateIso, row.datePrecision),
    provenance: {
      basis: row.dateBasis ?? 'ARTICLE',
      reason: orNull(row.dateReason),
      reference: null,
      evidence: toSpanRecords(articleId, row.dateEvidenceStarts, row.dateEvidenceEnds, row.dateEvidenceTexts),
    },
  };
}

const corroborationFields = {
  weakestCertainty: certainty,
  articleCount: z.number().int(),
  sourceCount: z.number().int(),
  datesDisagree: flag,
  dateArticleId: optionalText,
};
type CorroborationFields = z.infer<z.ZodObject<typeof corroborationFields>>;

const spansRow = z.object({ articleId: text.nullish(), articleIds: z.array(text).nullish(), starts: offsets, ends: offsets, texts });
type SpansRow = z.infer<typeof spansRow>;
const toSpans = (row: SpansRow) => toSpanRecords(row.articleId, row.starts, row.ends, row.texts, row.articleIds);

export const SPANS: RowReader<SpansRow, SpanRecord[]> = { schema: spansRow, shape: toSpans, what: 'evidence' };
/** Evidence gathered from several articles, flattened in article order. */
export const SPANS_OF_ARTICLES: RowReader<SpansRow[] | null | undefined, SpanRecord[]> = {
  schema: z.array(spansRow).nullish(),
  shape: (rows) => (rows ?? []).flatMap(toSpans),
  what: 'evidence list',
};

const locationRow = z.object({
  hops: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
  reference: z.string().nullish(),
  holder: z.string(),
  evidence: z.array(spansRow),
});
type LocationRow = z.infer<typeof locationRow>;

/** A location: own coordinates (BACKGROUND, referenced) or inherited (INFERRED, resting on the relations). */
function toCoordinates(row: LocationRow | null | undefined): CoordinatesRecord | null {
  if (row === null || row === undefined) return null;
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
            evidence: row.evidence.flatMap(toSpans).slice(0, MAX_EVIDENCE_SPANS),
          },
  };
}

export const COORDINATES = optional<LocationRow, CoordinatesRecord | null>({ schema: locationRow, shape: toCoordinates, what: 'coordinates' });

const entityRow = z.object({
  id: text,
  kind: z.enum(ENTITY_KINDS),
  name: text,
  aliases: z.array(text).nullish(),
  description: optionalText,
  category: optionalText,
  isoCode: optionalText,
  wikidataId: optionalText,
  location: locationRow.nullish(),
  date: z.object({ dateArticleId: optionalText, ...dateFields }).nullish(),
  consolidation: z.object({ certainty, ...corroborationFields }).nullish(),
});
type EntityRow = z.infer<typeof entityRow>;

function toEntity(row: EntityRow): EntityRecord {
  const consolidation = row.consolidation;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases ?? [],
    description: orNull(row.description),
    category: orNull(row.category),
    isoCode: orNull(row.isoCode),
    wikidataId: orNull(row.wikidataId),
    coordinates: toCoordinates(row.location),
    date: row.date ? toDate(row.date, row.date.dateArticleId) : null,
    consolidation: consolidation
      ? {
          certainty: consolidation.certainty,
          weakestCertainty: consolidation.weakestCertainty,
          articleCount: consolidation.articleCount,
          sourceCount: consolidation.sourceCount,
          datesDisagree: Boolean(consolidation.datesDisagree),
        }
      : null,
  };
}

export const ENTITY: RowReader<EntityRow, EntityRecord> = { schema: entityRow, shape: toEntity, what: 'entity' };
export const ENTITIES = listOf(ENTITY);
export const ENTITY_OR_NULL = optional(ENTITY);

const reportRow = z.object({
  articleId: text,
  certainty,
  basis: basis.nullish(),
  reason: optionalText,
  evidenceStarts: offsets,
  evidenceEnds: offsets,
  evidenceTexts: texts,
  ...dateFields,
});
type ReportRow = z.infer<typeof reportRow>;

function toReport(row: ReportRow): ReportRecord {
  const evidence = toSpanRecords(row.articleId, row.evidenceStarts, row.evidenceEnds, row.evidenceTexts);
  return {
    articleId: row.articleId,
    certainty: row.certainty,
    provenance: { basis: row.basis ?? 'ARTICLE', reason: orNull(row.reason), reference: null, evidence },
    evidence,
    date: toDate(row, row.articleId),
  };
}

export const REPORTS = listOf<ReportRow, ReportRecord>({ schema: reportRow, shape: toReport, what: 'report' });

/** A fact's reports and evidence are projected only when selected; absent, they are empty. */
const factParts = { reports: z.array(reportRow).nullish(), evidence: spansRow.nullish() };
type FactParts = z.infer<z.ZodObject<typeof factParts>>;

/** What a fact's reports say together (its corroboration properties), and its reports and evidence when selected. */
const corroborated = (row: CorroborationFields & FactParts) => ({
  weakestCertainty: row.weakestCertainty,
  articleCount: row.articleCount,
  sourceCount: row.sourceCount,
  reports: (row.reports ?? []).map(toReport),
  evidence: row.evidence ? toSpans(row.evidence) : [],
});

/** A dated fact's date, read back from its properties, beside what its reports say together. */
const datedFact = (row: DateFields & CorroborationFields & FactParts) => ({
  date: toDate(row, row.dateArticleId),
  datesDisagree: Boolean(row.datesDisagree),
  ...corroborated(row),
});

/** Statements in the order reports are consolidated: the strongest, then the latest article, then by id. */
const strongestFirst = <T extends { certainty: (typeof CERTAINTIES)[number]; articleId?: string | null; article?: { publishedAt?: string | null } | null }>(items: T[]) =>
  [...items].sort(
    (a, b) =>
      CERTAINTY_RANK.indexOf(a.certainty) - CERTAINTY_RANK.indexOf(b.certainty) ||
      (b.article?.publishedAt ?? '').localeCompare(a.article?.publishedAt ?? '') ||
      (a.articleId ?? '').localeCompare(b.articleId ?? ''),
  );

const BASIS_ORDER = ['ARTICLE', 'INFERRED', 'BACKGROUND'] as const;

const relationRow = z.object({
  type: z.enum(RELATION_TYPES),
  direction: z.enum(['OUT', 'IN']),
  other: entityRow,
  title: optionalText,
  former: flag,
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
});
type RelationRow = z.infer<typeof relationRow>;

/**
 * A relation from its statements (each article's edge, and a background fact): the strongest
 * certainty, the provenance of the best-founded statement, every report.
 */
function toRelation({ statements, ...relation }: RelationRow): RelationRecord {
  const ordered = strongestFirst(statements);
  const reports = ordered.flatMap((statement): ReportRecord[] => {
    if (!statement.articleId) return [];
    const evidence = toSpanRecords(statement.articleId, statement.starts, statement.ends, statement.texts);
    return [{ articleId: statement.articleId, certainty: statement.certainty, provenance: { basis: statement.basis, reason: orNull(statement.reason), reference: null, evidence }, evidence, date: null }];
  });
  // The provenance of the best-founded statement: an article's own words before an inference, before background.
  const founding = [...ordered].sort((a, b) => BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis))[0]!;
  return {
    type: relation.type,
    direction: relation.direction,
    other: toEntity(relation.other),
    title: orNull(relation.title),
    former: orNull(relation.former),
    role: orNull(relation.role),
    certainty: ordered[0]!.certainty,
    weakestCertainty: ordered.at(-1)!.certainty,
    articleCount: reports.length,
    sourceCount: new Set(ordered.flatMap((statement) => (statement.article ? [statement.article.source] : []))).size,
    evidence: reports.flatMap((report) => report.evidence).slice(0, MAX_EVIDENCE_SPANS),
    provenance: {
      basis: founding.basis,
      reason: orNull(founding.reason),
      reference: orNull(founding.reference),
      evidence: reports
        .filter((report) => report.provenance.basis === founding.basis)
        .flatMap((report) => report.evidence)
        .slice(0, MAX_EVIDENCE_SPANS),
    },
    reports,
  };
}

export const RELATIONS = listOf<RelationRow, RelationRecord>({ schema: relationRow, shape: toRelation, what: 'relation' });

const figureRow = z.object({
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
  event: entityRow.nullish(),
  source: entityRow.nullish(),
  certainty,
  ...corroborationFields,
  ...factParts,
});
type FigureRow = z.infer<typeof figureRow>;

function toFigure(row: FigureRow): FigureRecord {
  return {
    id: row.id,
    articleId: row.articleId,
    metric: row.metric,
    counts: row.counts,
    value: orNull(row.value),
    lowerBound: orNull(row.lowerBound),
    lowerBoundExclusive: Boolean(row.lowerBoundExclusive),
    upperBound: orNull(row.upperBound),
    approximate: Boolean(row.approximate),
    text: row.text,
    event: row.event ? toEntity(row.event) : null,
    source: row.source ? toEntity(row.source) : null,
    certainty: row.certainty,
    ...corroborated(row),
  };
}

export const FIGURE: RowReader<FigureRow, FigureRecord> = { schema: figureRow, shape: toFigure, what: 'figure' };
export const FIGURES = listOf(FIGURE);

const claimRow = z.object({
  id: text,
  articleId: text,
  kind: z.enum(CLAIM_KINDS),
  summary: text,
  quote: text,
  certainty,
  ...dateFields,
  mediumBasis: basis.nullish(),
  mediumReason: optionalText,
  mediumEvidenceStarts: offsets,
  mediumEvidenceEnds: offsets,
  mediumEvidenceTexts: texts,
  ...corroborationFields,
  ...factParts,
  speaker: entityRow.nullish(),
  medium: entityRow.nullish(),
  about: z.array(entityRow),
});
type ClaimRow = z.infer<typeof claimRow>;

function toClaim(row: ClaimRow): ClaimRecord {
  return {
    id: row.id,
    articleId: row.articleId,
    kind: row.kind,
    summary: row.summary,
    quote: row.quote,
    certainty: row.certainty,
    speaker: row.speaker ? toEntity(row.speaker) : null,
    medium: row.medium ? toEntity(row.medium) : null,
    mediumProvenance: row.medium
      ? {
          basis: row.mediumBasis ?? 'ARTICLE',
          reason: orNull(row.mediumReason),
          reference: null,
          evidence: toSpanRecords(row.articleId, row.mediumEvidenceStarts, row.mediumEvidenceEnds, row.mediumEvidenceTexts),
        }
      : null,
    about: row.about.map(toEntity),
    ...datedFact(row),
  };
}

export const CLAIM: RowReader<ClaimRow, ClaimRecord> = { schema: claimRow, shape: toClaim, what: 'claim' };
export const CLAIMS = listOf(CLAIM);

const deploymentRow = z.object({
  id: text,
  articleId: text,
  force: text,
  status: z.enum(DEPLOYMENT_STATUSES),
  certainty,
  ...dateFields,
  country: entityRow,
  destination: entityRow,
  troops: figureRow.nullish(),
  mission: entityRow.nullish(),
  ...corroborationFields,
  ...factParts,
});
type DeploymentRow = z.infer<typeof deploymentRow>;

function toDeployment(row: DeploymentRow): DeploymentRecord {
  return {
    id: row.id,
    articleId: row.articleId,
    force: row.force,
    status: row.status,
    certainty: row.certainty,
    country: toEntity(row.country),
    destination: toEntity(row.destination),
    troops: row.troops ? toFigure(row.troops) : null,
    mission: row.mission ? toEntity(row.mission) : null,
    ...datedFact(row),
  };
}

export const DEPLOYMENT: RowReader<DeploymentRow, DeploymentRecord> = { schema: deploymentRow, shape: toDeployment, what: 'deployment' };
export const DEPLOYMENTS = listOf(DEPLOYMENT);

const articleRow = z.object({ id: text, title: text, text, publishedAt: optionalText, source: optionalText });
type ArticleRow = z.infer<typeof articleRow>;

export const ARTICLE: RowReader<ArticleRow, ArticleRecord> = {
  schema: articleRow,
  shape: (row) => ({ id: row.id, title: row.title, text: row.text, publishedAt: orNull(row.publishedAt), source: orNull(row.source) }),
  what: 'article',
};
