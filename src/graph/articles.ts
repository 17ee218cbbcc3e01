/** Articles by id, and which articles the graph holds. */
import Cypher from '@neo4j/cypher-builder';
import { z } from 'zod';
import { ARTICLE, parseRow, readRow } from './mapping.ts';
import { articleProjection } from './projections.ts';
import type { GraphReader, Row } from './reader.ts';
import type { ArticleRecord } from './types.ts';

export function articlesByIdsQuery(ids: readonly string[]): Cypher.Clause {
  const id = new Cypher.Variable();
  const n = new Cypher.Node();
  return new Cypher.Unwind([new Cypher.Param([...ids]), id])
    .match(new Cypher.Pattern(n, { labels: 'Article', properties: { id } }))
    .return([articleProjection(n), 'article']);
}

export async function articlesByIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  return readArticles(await reader.query(articlesByIdsQuery(ids)), reader.checkRows);
}

/** The articles an `articlesByIdsQuery` returned, by id. */
export function readArticles(rows: Row[], check: boolean): Map<string, ArticleRecord> {
  return new Map(
    rows.map((row) => {
      const article = readRow(ARTICLE, row.article, check);
      return [article.id, article];
    }),
  );
}

/** The id of every article the graph holds, in id order. */
export async function storedArticleIds(reader: GraphReader): Promise<string[]> {
  const n = new Cypher.Node();
  const rows = await reader.query(new Cypher.Match(new Cypher.Pattern(n, { labels: 'Article' })).return([n.property('id'), 'id']).orderBy(n.property('id')));
  return rows.map((row) => parseRow(z.string(), row.id, 'article id'));
}
