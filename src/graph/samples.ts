/**
 * Representative values for running operations without a client: ids that exist in the graph,
 * so an operation's nested levels run too (the warm-up, `src/api/warm-up.ts`).
 */
import Cypher from '@neo4j/cypher-builder';
import { integer, type GraphReader } from './reader.ts';

export interface GraphSamples {
  /** The given ids that name an entity or an article. */
  existingIds: Set<string>;
  /** The most mentioned entities, most mentioned first. */
  entities: { id: string; name: string }[];
  /** An article's id; null when none is loaded. */
  articleId: string | null;
}

/** Which of `ids` name an entity or an article, as the list `ids`. */
function existingIds(ids: readonly string[]): Cypher.Clause {
  const id = new Cypher.Variable();
  const exists = (label: string) => new Cypher.Exists(new Cypher.Match(new Cypher.Pattern(new Cypher.Node(), { labels: label, properties: { id } })));
  return new Cypher.Unwind([new Cypher.Param([...ids]), id])
    .with(id)
    .where(Cypher.or(exists('Entity'), exists('Article')))
    .return([Cypher.collect(id), 'ids']);
}

/** The `count` most mentioned entities, most mentioned first. */
function mostMentioned(count: number): Cypher.Clause {
  const entity = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(entity, { labels: 'Entity' }))
    .with(entity)
    .orderBy([new Cypher.Count(new Cypher.Pattern(entity).related({ type: 'MENTIONED_IN' }).to()), 'DESC'], entity.property('id'))
    .limit(new Cypher.Param(integer(count)))
    .return([entity.property('id'), 'id'], [entity.property('name'), 'name']);
}

/** The first article by id. */
function anArticle(): Cypher.Clause {
  const article = new Cypher.Node();
  return new Cypher.Match(new Cypher.Pattern(article, { labels: 'Article' })).return([article.property('id'), 'id']).orderBy(article.property('id')).limit(1);
}

/** Which of `ids` exist, the `count` most mentioned entities and an article, in one transaction. */
export async function graphSamples(reader: GraphReader, ids: readonly string[], count: number): Promise<GraphSamples> {
  try {
    const [existing] = await reader.query(existingIds(ids));
    const entities = await reader.query(mostMentioned(count));
    const [article] = await reader.query(anArticle());
    return {
      existingIds: new Set((existing?.ids as string[] | undefined) ?? []),
      entities: entities.map((row) => ({ id: String(row.id), name: String(row.name) })),
      articleId: article ? String(article.id) : null,
    };
  } finally {
    await reader.close();
  }
}
