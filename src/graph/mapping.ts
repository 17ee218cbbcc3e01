/** Cypher projections and the functions that turn their rows into domain records. */
import type { Row } from './reader.ts';
import type { EntityRecord, PartialDateRecord, SpanRecord } from './types.ts';

/** A map projection of an entity node, read back by `toEntity`. */
export const entityProjection = (variable: string) =>
  `${variable} {.id, .kind, .name, .aliases, .description, .category, .isoCode, .latitude, .longitude, ` +
  `.dateIso, .datePrecision, .dateQualifier}`;

/** A map projection of evidence arrays on a node or relationship, read back by `toSpans`. */
export const evidenceProjection = (variable: string, articleId: string) =>
  `{articleId: ${articleId}, starts: ${variable}.evidenceStarts, ends: ${variable}.evidenceEnds, texts: ${variable}.evidenceTexts}`;

export function toDate(row: Row, prefix = 'date'): PartialDateRecord | null {
  const iso = row[`${prefix}Iso`] as string | null | undefined;
  if (!iso) return null;
  return {
    iso,
    precision: row[`${prefix}Precision`] as PartialDateRecord['precision'],
    qualifier: (row[`${prefix}Qualifier`] as string | null) ?? null,
  };
}

export function toEntity(row: Row): EntityRecord {
  const latitude = row.latitude as number | null;
  const longitude = row.longitude as number | null;
  return {
    id: row.id as string,
    kind: row.kind as EntityRecord['kind'],
    name: row.name as string,
    aliases: (row.aliases as string[] | null) ?? [],
    description: (row.description as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    isoCode: (row.isoCode as string | null) ?? null,
    coordinates: latitude !== null && longitude !== null && latitude !== undefined && longitude !== undefined
      ? { latitude, longitude }
      : null,
    date: toDate(row),
  };
}

interface EvidenceRow {
  articleId: string;
  starts: number[] | null;
  ends: number[] | null;
  texts: string[] | null;
}

export function toSpans(evidence: unknown): SpanRecord[] {
  const { articleId, starts, ends, texts } = evidence as EvidenceRow;
  return (starts ?? []).map((start, index) => ({
    articleId,
    start,
    end: ends?.[index] ?? start,
    text: texts?.[index] ?? '',
  }));
}
