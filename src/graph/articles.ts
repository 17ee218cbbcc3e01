/** Articles by id, and which articles the graph holds. */
import { z } from 'zod';
import { articleProjection, articleSchema, parseRow } from './mapping.ts';
import type { GraphReader } from './reader.ts';
import type { ArticleRecord } from './types.ts';

export async function articlesByIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  const rows = await reader.rows(`UNWIND $ids AS id MATCH (n:Article {id: id}) RETURN ${articleProjection('n')} AS article`, { ids });
  return new Map(
    rows.map((row) => {
      const article = parseRow(articleSchema, row.article, 'article');
      return [article.id, article];
    }),
  );
}

/** The id of every article the graph holds, in id order. */
export async function storedArticleIds(reader: GraphReader): Promise<string[]> {
  const rows = await reader.rows('MATCH (n:Article) RETURN n.id AS id ORDER BY id');
  return rows.map((row) => parseRow(z.string(), row.id, 'article id'));
}
