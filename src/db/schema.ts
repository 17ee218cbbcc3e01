/** Constraints and indexes: idempotent, applied at every start and before every seed load. */
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABELS } from '../domain/vocabulary.ts';

/** The full-text index that `search` queries; it folds diacritics ("Gülen" matches "gulen"). */
export const ENTITY_SEARCH_INDEX = 'entity_search';

const STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT deployment_id IF NOT EXISTS FOR (n:Deployment) REQUIRE n.id IS UNIQUE',
  // The data version's one node: concurrent loads MERGE it, and the constraint makes that safe.
  'CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.id IS UNIQUE',
  // Lookups by kind, such as (:Event {id: $id}), cannot use the Entity constraint's index.
  ...ENTITY_LABELS.map(
    (label) => `CREATE INDEX ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) ON (n.id)`,
  ),
  'CREATE INDEX figure_article IF NOT EXISTS FOR (n:Figure) ON (n.articleId)',
  'CREATE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric)',
  'CREATE INDEX claim_article IF NOT EXISTS FOR (n:Claim) ON (n.articleId)',
  'CREATE INDEX deployment_article IF NOT EXISTS FOR (n:Deployment) ON (n.articleId)',
  'CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.dateStart)',
  'CREATE INDEX event_date_end IF NOT EXISTS FOR (n:Event) ON (n.dateEnd)',
  // Removing or rewriting an article clears the date evidence it gave.
  'CREATE INDEX event_date_article IF NOT EXISTS FOR (n:Event) ON (n.dateArticleId)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  `CREATE FULLTEXT INDEX ${ENTITY_SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
];

export async function applySchema(driver: Driver, database: string): Promise<void> {
  for (const statement of STATEMENTS) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
}
