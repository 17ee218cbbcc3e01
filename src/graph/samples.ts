/**
 * Representative values for running operations without a client: ids that exist in the graph,
 * so an operation's nested levels run too (the warm-up, `src/api/warm-up.ts`).
 */
import { integer, type GraphReader } from './reader.ts';

export interface GraphSamples {
  /** The given ids that name an entity or an article. */
  existingIds: Set<string>;
  /** The most mentioned entities, most mentioned first. */
  entities: { id: string; name: string }[];
  /** An article's id; null when none is loaded. */
  articleId: string | null;
}

const EXISTING_IDS = `
  UNWIND $ids AS id
  WITH id WHERE EXISTS { (:Entity {id: id}) } OR EXISTS { (:Article {id: id}) }
  RETURN collect(id) AS ids`;

const MOST_MENTIONED = `
  MATCH (entity:Entity)
  WITH entity ORDER BY COUNT { (entity)-[:MENTIONED_IN]->() } DESC, entity.id LIMIT $count
  RETURN entity.id AS id, entity.name AS name`;

const AN_ARTICLE = 'MATCH (article:Article) RETURN article.id AS id ORDER BY id LIMIT 1';

/** Which of `ids` exist, the `count` most mentioned entities and an article, in one transaction. */
export async function graphSamples(reader: GraphReader, ids: readonly string[], count: number): Promise<GraphSamples> {
  try {
    const [existing] = await reader.rows(EXISTING_IDS, { ids });
    const entities = await reader.rows(MOST_MENTIONED, { count: integer(count) });
    const [article] = await reader.rows(AN_ARTICLE);
    return {
      existingIds: new Set((existing?.ids as string[] | undefined) ?? []),
      entities: entities.map((row) => ({ id: String(row.id), name: String(row.name) })),
      articleId: article ? String(article.id) : null,
    };
  } finally {
    await reader.close();
  }
}
