/** Articles and what they mention. */
import { entityProjection, toEntity } from './mapping.ts';
import type { GraphReader, Row } from './reader.ts';
import type { ArticleRecord, EntityKind, EntityRecord } from './types.ts';

const ARTICLE_PROJECTION = 'article {.id, .title, .text, .publishedAt, .source}';

function toArticle(row: Row): ArticleRecord {
  const article = row.article as Row;
  return {
    id: article.id as string,
    title: article.title as string,
    text: article.text as string,
    publishedAt: (article.publishedAt as string | null) ?? null,
    source: (article.source as string | null) ?? null,
  };
}

export async function allArticles(reader: GraphReader): Promise<ArticleRecord[]> {
  const rows = await reader.rows(`MATCH (article:Article) RETURN ${ARTICLE_PROJECTION} AS article ORDER BY article.id`);
  return rows.map(toArticle);
}

export async function articlesByIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id MATCH (article:Article {id: id}) RETURN ${ARTICLE_PROJECTION} AS article`,
    { ids },
  );
  return new Map(rows.map((row) => [(row.article as Row).id as string, toArticle(row)]));
}

export async function entitiesOfArticles(
  reader: GraphReader,
  articleIds: readonly string[],
  kinds: readonly EntityKind[] | null,
): Promise<Map<string, EntityRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})<-[:MENTIONED_IN]-(n:Entity)
     WHERE $kinds IS NULL OR n.kind IN $kinds
     WITH id, n ORDER BY n.kind, n.name
     RETURN id, collect(${entityProjection('n')}) AS entities`,
    { ids: articleIds, kinds },
  );
  return new Map(rows.map((row) => [row.id as string, (row.entities as Row[]).map(toEntity)]));
}
