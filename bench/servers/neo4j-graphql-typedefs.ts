/**
 * @neo4j/graphql 7 type definitions over the graph the seed loader writes: the same labels,
 * relationship types and properties, read-only. Every relation type between entities becomes two
 * relationship fields (outgoing and incoming) on every entity type, since any kind may be at
 * either end. What the library cannot express (variable-length patterns in filters, neighbourhoods,
 * shortest paths) is a @cypher field whose statement the raw server runs too.
 */
import { GRAPH_EDGE_TYPES, RELATION_TYPES } from '../../src/domain/vocabulary.ts';

/** HOLDS_POSITION → holdsPosition (outgoing) and holdsPositionIncoming. */
export function relationField(type: string, direction: 'OUT' | 'IN'): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return direction === 'OUT' ? camel : `${camel}Incoming`;
}

/** The edges our graph views walk: relations between entities and claims (speaker to subject), like for like. */
const GRAPH_EDGES = GRAPH_EDGE_TYPES.join('|');

/** Depth-2 neighbourhood as nodes and distinct edges; variable-length bounds cannot be parameters. */
export const NEIGHBORHOOD_CYPHER = `
  MATCH (center:Entity {id: $id})
  OPTIONAL MATCH (center)-[:${GRAPH_EDGES}*1..2]-(other:Entity)
  WITH center, other WHERE other IS NULL OR other <> center
  WITH DISTINCT center, other LIMIT $limit
  WITH center, collect(other) AS others
  WITH [center] + others AS nodes
  UNWIND nodes AS node
  OPTIONAL MATCH (node)-[relation:${GRAPH_EDGES}]->(target:Entity) WHERE target IN nodes
  WITH nodes, node.id AS source, type(relation) AS type, target.id AS target, collect(relation.certainty)[0] AS certainty
  WITH nodes, collect(CASE WHEN type IS NOT NULL THEN {type: type, source: source, target: target, certainty: certainty} END) AS edges
  RETURN {nodes: [node IN nodes | node {.id, .kind, .name}], edges: edges} AS subgraph`;

/** A shortest path of at most 6 relations or claims, as nodes and edges. */
export const PATH_CYPHER = `
  MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
  MATCH path = shortestPath((from)-[:${GRAPH_EDGES}*..6]-(to))
  RETURN {
    nodes: [node IN nodes(path) | node {.id, .kind, .name}],
    edges: [relation IN relationships(path) |
      {type: type(relation), source: startNode(relation).id, target: endNode(relation).id, certainty: relation.certainty}]
  } AS subgraph`;

const ENTITY_TYPES = ['Person', 'Organization', 'Country', 'Place', 'Event'] as const;

const relationFields = RELATION_TYPES.flatMap((type) =>
  (['OUT', 'IN'] as const).map(
    (direction) =>
      `${relationField(type, direction)}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "RelationProperties")`,
  ),
).join('\n  ');

const ENTITY_SCALARS = `id: ID!
  kind: String!
  name: String!
  aliases: [String!]
  description: String`;

const ENTITY_COMMON = `${ENTITY_SCALARS}
  mentionedIn: [Article!]! @relationship(type: "MENTIONED_IN", direction: OUT, properties: "Evidence")
  claimsMade: [Claim!]! @relationship(type: "SAID_BY", direction: IN)
  claimsAbout: [Claim!]! @relationship(type: "ABOUT", direction: IN)
  ${relationFields}`;

/** The nearest country through LOCATED_IN / PART_OF, as our API's `country` field defines it. */
const NEAREST_COUNTRY = `@cypher(statement: """
    MATCH path = (this)-[:LOCATED_IN|PART_OF*1..4]->(country:Country)
    RETURN country ORDER BY length(path) LIMIT 1
    """, columnName: "country")`;

/** Countries an event happened in: its places or those of the events it is part of, then outwards. */
const EVENT_COUNTRY_IDS = `@cypher(statement: """
    RETURN COLLECT {
      MATCH (this)-[:PART_OF*0..3]->(:Event)-[:OCCURRED_IN]->()-[:LOCATED_IN*0..4]->(country:Country)
      RETURN DISTINCT country.id
    } AS ids
    """, columnName: "ids")`;

const EXTRA: Record<(typeof ENTITY_TYPES)[number], string> = {
  Person: '',
  Organization: `category: String
  country: Country ${NEAREST_COUNTRY}`,
  Country: 'isoCode: String',
  Place: `category: String
  latitude: Float
  longitude: Float
  country: Country ${NEAREST_COUNTRY}`,
  Event: `category: String
  dateIso: String
  datePrecision: String
  dateQualifier: String
  countryIds: [ID!]! ${EVENT_COUNTRY_IDS}
  assertedIn: [Article!]! @relationship(type: "ASSERTED_IN", direction: OUT, properties: "Assertion")
  figures: [Figure!]! @relationship(type: "FIGURE_OF", direction: IN)`,
};

export const NEO4J_GRAPHQL_TYPE_DEFS = `
extend schema @mutation(operations: [])

interface Entity {
  ${ENTITY_SCALARS}
}

type Evidence @relationshipProperties {
  evidenceStarts: [Int!]!
  evidenceEnds: [Int!]!
  evidenceTexts: [String!]!
}

type Assertion @relationshipProperties {
  certainty: String!
  evidenceStarts: [Int!]!
  evidenceEnds: [Int!]!
  evidenceTexts: [String!]!
}

type RelationProperties @relationshipProperties {
  articleId: String!
  certainty: String!
  title: String
  former: Boolean
  role: String
  evidenceStarts: [Int!]!
  evidenceEnds: [Int!]!
  evidenceTexts: [String!]!
}

${ENTITY_TYPES.map(
  (type) => `type ${type} implements Entity @node(labels: ["${type}", "Entity"]) {
  ${ENTITY_COMMON}
  ${EXTRA[type]}
}`,
).join('\n\n')}

"All entities, for the full-text index, which is over the Entity label."
type AnyEntity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchEntities", fields: ["searchText"] }]) {
  ${ENTITY_SCALARS}
  searchText: String
}

type Article @node {
  id: ID!
  title: String!
  publishedAt: String
  source: String
}

type Figure @node {
  id: ID!
  articleId: String!
  metric: String!
  counts: String!
  value: Int
  lowerBound: Int
  lowerBoundExclusive: Boolean
  upperBound: Int
  approximate: Boolean
  text: String!
  certainty: String!
  evidenceStarts: [Int!]!
  evidenceEnds: [Int!]!
  evidenceTexts: [String!]!
  event: [Event!]! @relationship(type: "FIGURE_OF", direction: OUT)
  source: [Entity!]! @relationship(type: "SOURCED_FROM", direction: OUT)
}

type Claim @node {
  id: ID!
  articleId: String!
  kind: String!
  summary: String!
  quote: String!
  certainty: String!
}

type GraphNode {
  id: ID!
  kind: String!
  name: String!
}

type GraphEdge {
  type: String!
  source: ID!
  target: ID!
  certainty: String!
}

type Subgraph {
  nodes: [GraphNode!]!
  edges: [GraphEdge!]!
}

type Query {
  "The depth-2 neighbourhood of an entity."
  neighborhood(id: ID!, limit: Int!): Subgraph @cypher(statement: """${NEIGHBORHOOD_CYPHER}""", columnName: "subgraph")
  "A shortest path of at most 6 relations or claims."
  path(from: ID!, to: ID!): Subgraph @cypher(statement: """${PATH_CYPHER}""", columnName: "subgraph")
}
`;
