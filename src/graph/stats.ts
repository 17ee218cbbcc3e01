/** Whole-graph counts for a dashboard header, all answered from Neo4j's count store, and the data version. */
import { LABEL_OF_KIND, RELATION_TYPES } from '../domain/vocabulary.ts';
import { DATA_VERSION_COLUMN, dataVersionOf } from './data-version.ts';
import type { GraphReader } from './reader.ts';
import type { EntityKind, GraphStatsRecord } from './types.ts';

const NODE_COUNTS = { articles: 'Article', entities: 'Entity', figures: 'Figure', claims: 'Claim', deployments: 'Deployment' };

const STATS_QUERY = [
  ...Object.entries(NODE_COUNTS).map(([name, label]) => `CALL () { MATCH (n:${label}) RETURN count(n) AS ${name} }`),
  ...Object.entries(LABEL_OF_KIND).map(([kind, label]) => `CALL () { MATCH (n:${label}) RETURN count(n) AS kind_${kind} }`),
  ...RELATION_TYPES.map((type) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS type_${type} }`),
  DATA_VERSION_COLUMN,
  'RETURN *',
].join('\n');

export async function graphStats(reader: GraphReader): Promise<GraphStatsRecord> {
  const [row = {}] = await reader.rows(STATS_QUERY);
  const count = (name: string) => Number(row[name] ?? 0);
  return {
    articles: count('articles'),
    entities: count('entities'),
    figures: count('figures'),
    claims: count('claims'),
    deployments: count('deployments'),
    entitiesByKind: (Object.keys(LABEL_OF_KIND) as EntityKind[]).map((kind) => ({ kind, count: count(`kind_${kind}`) })),
    relationsByType: RELATION_TYPES.map((type) => ({ type, count: count(`type_${type}`) })),
    dataVersion: dataVersionOf(row.dataVersion),
  };
}
