/** Whole-graph counts for a dashboard header, all answered from Neo4j's count store, and the data version. */
import Cypher from '@neo4j/cypher-builder';
import { LABEL_OF_KIND, RELATION_TYPES } from '../domain/vocabulary.ts';
import { dataVersionOf, dataVersionQuery } from './data-version.ts';
import type { Row } from './reader.ts';
import type { EntityKind, GraphStatsRecord } from './types.ts';

const NODE_COUNTS = { articles: 'Article', entities: 'Entity', figures: 'Figure', claims: 'Claim', deployments: 'Deployment' };

/** One `CALL` counting the nodes of a label, or the relationships of a type, as the column `name`. */
const countOf = (name: string, label: string | null, type: string | null) => {
  const counted = type === null ? new Cypher.Node() : new Cypher.Relationship();
  const pattern = type === null ? new Cypher.Pattern(counted, { labels: label! }) : new Cypher.Pattern().related(counted, { type }).to();
  return new Cypher.Call(new Cypher.Match(pattern).return([Cypher.count(counted), new Cypher.NamedVariable(name)]), []);
};

export function statsQuery(): Cypher.Clause {
  return Cypher.utils.concat(
    ...Object.entries(NODE_COUNTS).map(([name, label]) => countOf(name, label, null)),
    ...Object.entries(LABEL_OF_KIND).map(([kind, label]) => countOf(`kind_${kind}`, label, null)),
    ...RELATION_TYPES.map((type) => countOf(`type_${type}`, null, type)),
    new Cypher.Call(dataVersionQuery(), []),
    new Cypher.Return('*'),
  );
}

/** The counts a `statsQuery` returned. */
export function readStats(rows: Row[]): GraphStatsRecord {
  const [row = {}] = rows;
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
