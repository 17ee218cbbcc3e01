/**
 * The seven dashboard operations, each in three equivalent forms: a GraphQL document for our API
 * (mirroring `examples/*.graphql`), one for @neo4j/graphql's generated API, and hand-written Cypher
 * for the raw server. Each form also says how many items its response holds, so a run can check
 * that the three servers return the same data before it times them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_RELATION_TYPES, RELATION_TYPES } from '../src/domain/vocabulary.ts';
import { foldForSearch, toSearchQuery } from '../src/graph/entities.ts';
import type { ServerName } from './report.ts';
import { NEIGHBORHOOD_CYPHER, PATH_CYPHER, relationField } from './servers/neo4j-graphql-typedefs.ts';

/** Ids and values the operations ask for, picked from the loaded graph. */
export interface BenchParameters {
  /** The most mentioned country. */
  countryId: string;
  /** An organization with about 50 relations at any graph size, so its card has the same size. */
  organizationId: string;
  /** The first five letters of the country's name, folded: a typical search-box prefix. */
  searchText: string;
  metric: string;
  /** Someone holding a position in the organization (or the organization itself) ... */
  pathFrom: string;
  /** ... and the best-connected person holding a position in the country. */
  pathTo: string;
}

const PICK_PARAMETERS = `
  MATCH (country:Country)
  WITH country ORDER BY COUNT { (country)-[:MENTIONED_IN]->() } DESC, country.id LIMIT 1
  MATCH (organization:Organization)
  WITH country, organization
  ORDER BY abs(COUNT { (organization)-[:${ENTITY_RELATION_TYPES}]-(:Entity) } - 50),
           COUNT { (organization)-[:MENTIONED_IN]->() } DESC, organization.id
  LIMIT 1
  OPTIONAL MATCH (staff:Person)-[:HOLDS_POSITION]->(organization)
  WITH country, organization, staff ORDER BY staff.id LIMIT 1
  OPTIONAL MATCH (leader:Person)-[:HOLDS_POSITION]->(country)
  WITH country, organization, staff, leader
  ORDER BY COUNT { (leader)-[:${ENTITY_RELATION_TYPES}]-(:Entity) } DESC, leader.id LIMIT 1
  RETURN country.id AS countryId, country.name AS countryName, organization.id AS organizationId,
         coalesce(staff.id, organization.id) AS pathFrom, coalesce(leader.id, country.id) AS pathTo`;

export async function pickParameters(driver: Driver, database: string): Promise<BenchParameters> {
  const { records } = await driver.executeQuery(PICK_PARAMETERS, {}, { database, routing: neo4j.routing.READ });
  const row = records[0]?.toObject() as (Omit<BenchParameters, 'searchText' | 'metric'> & { countryName: string }) | undefined;
  if (!row) throw new Error('The database holds no countries or organizations: is the corpus loaded?');
  const { countryName, ...ids } = row;
  return { ...ids, searchText: foldForSearch(countryName).slice(0, 5), metric: 'KILLED' };
}

type Json = Record<string, unknown>;
type Variables = Json;

interface GraphqlForm {
  query: string;
  variables: (parameters: BenchParameters) => Variables;
  /** A short description of what came back, equal across servers when the data is. */
  summary: (data: Json) => string;
}

interface RawForm {
  cypher: string;
  parameters: (parameters: BenchParameters) => Json;
  /** Turns the rows into the response's `data`, as cheaply as possible. */
  shape: (rows: Json[]) => Json;
  summary: (data: Json) => string;
}

export interface Operation {
  name: string;
  /** Whether the result grows with the graph (lists with totals), rather than being a lookup. */
  list: boolean;
  ours: GraphqlForm;
  neo4jGraphql: GraphqlForm;
  raw: RawForm;
}

const asList = (value: unknown) => (value ?? []) as Json[];
const spans = (variable: string) =>
  `[i IN range(0, size(coalesce(${variable}.evidenceStarts, [])) - 1) |
    {start: ${variable}.evidenceStarts[i], end: ${variable}.evidenceEnds[i], text: ${variable}.evidenceTexts[i]}]`;

/** The weakest certainty among an event's assertions, as our API reports it. */
const WEAKEST_CERTAINTY = `
  CASE WHEN 'ALLEGED' IN certainties THEN 'ALLEGED' WHEN 'EXPECTED' IN certainties THEN 'EXPECTED'
       WHEN 'REPORTED' IN certainties THEN 'REPORTED' ELSE 'STATED' END`;

/** Where an event happened, as `src/graph/lists.ts` defines "in this country". */
const OCCURRED_IN_COUNTRY = `EXISTS { (n)-[:PART_OF*0..3]->(:Event)-[:OCCURRED_IN]->()-[:LOCATED_IN*0..4]->(:Entity {id: $countryId}) }`;

const RELATION_SELECTION = 'edges { properties { certainty role title evidenceStarts evidenceEnds evidenceTexts } node { id kind name } }';
const RELATION_CONNECTIONS = RELATION_TYPES.flatMap((type) =>
  (['OUT', 'IN'] as const).map((direction) => `${relationField(type, direction)}Connection`),
);

const entityCard: Operation = {
  name: 'entityCard',
  list: false,
  ours: {
    // examples/entity-card.graphql, with every relation (first: 100) so all servers return the same.
    query: `query EntityCard($id: ID!) {
      entity(id: $id) {
        id kind name aliases description
        mentions(first: 100) { start end text }
        ... on Organization { category country { id name } parent { id name } ledBy { id name } }
        relations(first: 100) { type direction certainty role title other { id kind name } evidence { start end text } }
        claims(first: 100) { id summary certainty }
      }
    }`,
    variables: (p) => ({ id: p.organizationId }),
    summary: (data) => {
      const entity = data.entity as Json;
      return `mentions=${asList(entity.mentions).length} relations=${asList(entity.relations).length} claims=${asList(entity.claims).length}`;
    },
  },
  neo4jGraphql: {
    query: `query EntityCard($id: ID!) {
      organizations(where: { id: { eq: $id } }) {
        id kind name aliases description category
        mentionedInConnection(sort: [{ node: { id: ASC } }]) { edges { properties { evidenceStarts evidenceEnds evidenceTexts } } }
        country { id name }
        partOf(where: { typename: [Organization] }, sort: [{ name: ASC }], limit: 1) { id name }
        ledBy(sort: [{ name: ASC }], limit: 1) { id name }
        ${RELATION_CONNECTIONS.map((field) => `${field} { ${RELATION_SELECTION} }`).join('\n        ')}
        claimsMade { id summary certainty }
        claimsAbout { id summary certainty }
      }
    }`,
    variables: (p) => ({ id: p.organizationId }),
    summary: (data) => {
      const entity = asList(data.organizations)[0]!;
      const mentions = asList((entity.mentionedInConnection as Json).edges).reduce(
        (sum, edge) => sum + ((edge.properties as Json).evidenceStarts as unknown[]).length,
        0,
      );
      const relations = RELATION_CONNECTIONS.reduce((sum, field) => sum + asList((entity[field] as Json).edges).length, 0);
      const claims = new Set([...asList(entity.claimsMade), ...asList(entity.claimsAbout)].map((claim) => claim.id)).size;
      return `mentions=${mentions} relations=${relations} claims=${claims}`;
    },
  },
  raw: {
    cypher: `
      MATCH (n:Entity {id: $id})
      RETURN n {.id, .kind, .name, .aliases, .description, .category,
        mentions: COLLECT { MATCH (n)-[m:MENTIONED_IN]->(a:Article) WITH m, a ORDER BY a.id UNWIND ${spans('m')} AS span RETURN span },
        country: COLLECT { MATCH path = (n)-[:LOCATED_IN|PART_OF*1..4]->(c:Country) RETURN c {.id, .name} ORDER BY length(path) LIMIT 1 }[0],
        parent: COLLECT { MATCH (n)-[:PART_OF]->(o:Organization) RETURN o {.id, .name} ORDER BY o.name LIMIT 1 }[0],
        ledBy: COLLECT { MATCH (n)-[:LED_BY]->(o:Entity) RETURN o {.id, .name} ORDER BY o.name LIMIT 1 }[0],
        relations: COLLECT {
          MATCH (n)-[r:${ENTITY_RELATION_TYPES}]-(other:Entity)
          WITH r, other, startNode(r) = n AS outgoing ORDER BY type(r), other.name, r.articleId LIMIT 100
          RETURN {type: type(r), direction: CASE WHEN outgoing THEN 'OUT' ELSE 'IN' END,
                  certainty: r.certainty, role: r.role, title: r.title, other: other {.id, .kind, .name}, evidence: ${spans('r')}}
        },
        claims: COLLECT {
          MATCH (claim:Claim)-[:SAID_BY|ABOUT]->(n)
          WITH DISTINCT claim ORDER BY claim.articleId, claim.evidenceStarts[0], claim.id
          RETURN claim {.id, .summary, .certainty}
        }
      } AS entity`,
    parameters: (p) => ({ id: p.organizationId }),
    shape: (rows) => ({ entity: rows[0]?.entity ?? null }),
    summary: (data) => {
      const entity = data.entity as Json;
      return `mentions=${asList(entity.mentions).length} relations=${asList(entity.relations).length} claims=${asList(entity.claims).length}`;
    },
  },
};

const search: Operation = {
  name: 'search',
  list: false,
  ours: {
    query: `query SearchBox($text: String!) {
      search(text: $text, first: 10) { score entity { id kind name aliases description } }
    }`,
    variables: (p) => ({ text: p.searchText }),
    summary: (data) => `hits=${asList(data.search).length}`,
  },
  neo4jGraphql: {
    query: `query SearchBox($phrase: String!) {
      searchEntities(phrase: $phrase, first: 10, sort: [{ score: DESC }]) { edges { score node { id kind name aliases description } } }
    }`,
    // The same Lucene query our API builds from the text.
    variables: (p) => ({ phrase: toSearchQuery(p.searchText) }),
    summary: (data) => `hits=${asList((data.searchEntities as Json).edges).length}`,
  },
  raw: {
    cypher: `
      CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 10}) YIELD node, score
      RETURN score, node {.id, .kind, .name, .aliases, .description} AS entity
      ORDER BY score DESC, node.name LIMIT 10`,
    parameters: (p) => ({ query: toSearchQuery(p.searchText) }),
    shape: (rows) => ({ search: rows }),
    summary: (data) => `hits=${asList(data.search).length}`,
  },
};

const eventList: Operation = {
  name: 'eventList',
  list: true,
  ours: {
    query: `query EventList($countryId: ID!) {
      events(first: 10, countryId: $countryId) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name category certainty date { iso qualifier } places { name } } }
      }
    }`,
    variables: (p) => ({ countryId: p.countryId }),
    summary: (data) => {
      const events = data.events as Json;
      return `total=${events.totalCount as number} page=${asList(events.edges).length}`;
    },
  },
  neo4jGraphql: {
    query: `query EventList($countryId: ID!) {
      eventsConnection(first: 10, where: { countryIds: { includes: $countryId } }, sort: [{ dateIso: ASC }, { name: ASC }, { id: ASC }]) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id name category dateIso dateQualifier
            assertedInConnection { edges { properties { certainty } } }
            occurredIn(where: { typename: [Place] }) { name }
          }
        }
      }
    }`,
    variables: (p) => ({ countryId: p.countryId }),
    summary: (data) => {
      const events = data.eventsConnection as Json;
      return `total=${events.totalCount as number} page=${asList(events.edges).length}`;
    },
  },
  raw: {
    cypher: `
      MATCH (n:Event) WHERE ${OCCURRED_IN_COUNTRY}
      WITH n, coalesce(n.dateIso, '9999-99-99') + ' ' + n.name AS sortKey ORDER BY sortKey, n.id
      WITH collect({node: n, sortKey: sortKey}) AS events
      UNWIND events[0..11] AS row
      WITH size(events) AS totalCount, row.node AS n, row.sortKey AS sortKey
      RETURN totalCount, sortKey, n {.id, .name, .category, .dateIso, .dateQualifier,
        certainty: COLLECT { MATCH (n)-[a:ASSERTED_IN]->() RETURN a.certainty AS certainty },
        places: COLLECT { MATCH (n)-[:OCCURRED_IN]->(p:Place) RETURN DISTINCT p {.name} }} AS node`,
    parameters: (p) => ({ countryId: p.countryId }),
    shape: (rows) => {
      const edges = rows.slice(0, 10).map((row) => {
        const { certainty, ...node } = row.node as Json;
        const certainties = certainty as string[];
        const weakest = ['ALLEGED', 'EXPECTED', 'REPORTED'].find((value) => certainties.includes(value)) ?? 'STATED';
        const cursor = Buffer.from(JSON.stringify([row.sortKey, node.id])).toString('base64url');
        return { cursor, node: { ...node, certainty: weakest } };
      });
      return {
        events: {
          totalCount: rows[0]?.totalCount ?? 0,
          pageInfo: { hasNextPage: rows.length > 10, endCursor: edges.at(-1)?.cursor ?? null },
          edges,
        },
      };
    },
    summary: (data) => {
      const events = data.events as Json;
      return `total=${events.totalCount as number} page=${asList(events.edges).length}`;
    },
  },
};

const countTimeline = (events: Json[], places: string, figures: string) =>
  `events=${events.length} places=${events.reduce((sum, event) => sum + asList(event[places]).length, 0)} ` +
  `figures=${events.reduce((sum, event) => sum + asList(event[figures]).length, 0)}`;

const timeline: Operation = {
  name: 'timeline',
  list: true,
  ours: {
    query: `query Timeline($countryId: ID!) {
      timeline(countryId: $countryId) {
        id name category certainty
        date { iso precision qualifier }
        places { id name coordinates { latitude longitude } }
        figures { metric text value lowerBound lowerBoundExclusive approximate certainty }
      }
    }`,
    variables: (p) => ({ countryId: p.countryId }),
    summary: (data) => countTimeline(asList(data.timeline), 'places', 'figures'),
  },
  neo4jGraphql: {
    query: `query Timeline($countryId: ID!) {
      events(
        where: { countryIds: { includes: $countryId }, NOT: { dateIso: { eq: null } } }
        sort: [{ dateIso: ASC }, { name: ASC }, { id: ASC }]
        limit: 100
      ) {
        id name category dateIso datePrecision dateQualifier
        assertedInConnection { edges { properties { certainty } } }
        occurredIn(where: { typename: [Place] }) { id name ... on Place { latitude longitude } }
        figures(sort: [{ articleId: ASC }, { id: ASC }]) { metric text value lowerBound lowerBoundExclusive approximate certainty }
      }
    }`,
    variables: (p) => ({ countryId: p.countryId }),
    summary: (data) => countTimeline(asList(data.events), 'occurredIn', 'figures'),
  },
  raw: {
    cypher: `
      MATCH (n:Event) WHERE n.dateIso IS NOT NULL AND ${OCCURRED_IN_COUNTRY}
      WITH n ORDER BY n.dateIso, n.name, n.id LIMIT 100
      WITH n, COLLECT { MATCH (n)-[a:ASSERTED_IN]->() RETURN a.certainty } AS certainties
      RETURN n {.id, .name, .category, .dateIso, .datePrecision, .dateQualifier,
        certainty: ${WEAKEST_CERTAINTY},
        places: COLLECT { MATCH (n)-[:OCCURRED_IN]->(p:Place) RETURN DISTINCT p {.id, .name, .latitude, .longitude} },
        figures: COLLECT {
          MATCH (f:Figure)-[:FIGURE_OF]->(n)
          WITH f ORDER BY f.articleId, f.evidenceStarts[0], f.id
          RETURN f {.metric, .text, .value, .lowerBound, .lowerBoundExclusive, .approximate, .certainty}
        }} AS event`,
    parameters: (p) => ({ countryId: p.countryId }),
    shape: (rows) => ({ timeline: rows.map((row) => row.event) }),
    summary: (data) => countTimeline(asList(data.timeline), 'places', 'figures'),
  },
};

const countFigures = (figures: Json[], event: (figure: Json) => unknown) =>
  `figures=${figures.length} withEvent=${figures.filter((figure) => event(figure)).length}`;

const figures: Operation = {
  name: 'figures',
  list: true,
  ours: {
    // examples/casualty-figures.graphql: the first page of 100, with the total.
    query: `query CasualtyFigures($metric: FigureMetric) {
      figures(metric: $metric, first: 100) {
        totalCount
        edges { node {
          id metric counts text value lowerBound lowerBoundExclusive upperBound approximate certainty
          event { id name }
          source { id name }
          evidence { text }
        } }
      }
    }`,
    variables: (p) => ({ metric: p.metric }),
    summary: (data) => {
      const page = data.figures as Json;
      return `total=${page.totalCount} ${countFigures(asList(page.edges).map((edge) => edge.node as Json), (figure) => figure.event)}`;
    },
  },
  neo4jGraphql: {
    query: `query CasualtyFigures($metric: String!) {
      figuresConnection(first: 100, where: { metric: { eq: $metric } }, sort: [{ articleId: ASC }, { id: ASC }]) {
        totalCount
        edges { node {
          id metric counts text value lowerBound lowerBoundExclusive upperBound approximate certainty
          event { id name }
          source { id name }
          evidenceTexts
        } }
      }
    }`,
    variables: (p) => ({ metric: p.metric }),
    summary: (data) => {
      const page = data.figuresConnection as Json;
      return `total=${page.totalCount} ${countFigures(asList(page.edges).map((edge) => edge.node as Json), (figure) => asList(figure.event).length > 0)}`;
    },
  },
  raw: {
    cypher: `
      CALL () { MATCH (figure:Figure {metric: $metric}) RETURN count(figure) AS total }
      CALL () {
        MATCH (figure:Figure {metric: $metric})
        WITH figure ORDER BY figure.articleId, figure.evidenceStarts[0], figure.id LIMIT 100
        OPTIONAL MATCH (figure)-[:FIGURE_OF]->(event:Event)
        OPTIONAL MATCH (figure)-[:SOURCED_FROM]->(source:Entity)
        RETURN collect(figure {.id, .metric, .counts, .text, .value, .lowerBound, .lowerBoundExclusive, .upperBound, .approximate,
          .certainty, event: event {.id, .name}, source: source {.id, .name},
          evidence: [text IN figure.evidenceTexts | {text: text}]}) AS figures
      }
      RETURN total, figures`,
    parameters: (p) => ({ metric: p.metric }),
    shape: (rows) => ({ figures: { totalCount: rows[0]?.total, edges: asList(rows[0]?.figures).map((node) => ({ node })) } }),
    summary: (data) => {
      const page = data.figures as Json;
      return `total=${page.totalCount} ${countFigures(asList(page.edges).map((edge) => edge.node as Json), (figure) => figure.event)}`;
    },
  },
};

const countGraph = (graph: unknown) => {
  const { nodes, edges } = (graph ?? {}) as Json;
  return `nodes=${asList(nodes).length} edges=${asList(edges).length}`;
};

const neighborhood: Operation = {
  name: 'neighborhood',
  list: false,
  ours: {
    query: `query NeighborhoodGraph($id: ID!) {
      neighborhood(id: $id, depth: 2, limit: 100) { nodes { id kind name } edges { type source target certainty } }
    }`,
    variables: (p) => ({ id: p.organizationId }),
    summary: (data) => countGraph(data.neighborhood),
  },
  neo4jGraphql: {
    query: `query NeighborhoodGraph($id: ID!) {
      neighborhood(id: $id, limit: 100) { nodes { id kind name } edges { type source target certainty } }
    }`,
    variables: (p) => ({ id: p.organizationId }),
    summary: (data) => countGraph(data.neighborhood),
  },
  raw: {
    cypher: NEIGHBORHOOD_CYPHER,
    parameters: (p) => ({ id: p.organizationId, limit: neo4j.int(100) }),
    shape: (rows) => ({ neighborhood: rows[0]?.subgraph ?? null }),
    summary: (data) => countGraph(data.neighborhood),
  },
};

const path: Operation = {
  name: 'path',
  list: false,
  ours: {
    query: `query PathBetween($from: ID!, $to: ID!) {
      path(from: $from, to: $to, maxLength: 6) { length nodes { id kind name } edges { type source target certainty } }
    }`,
    variables: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    summary: (data) => countGraph(data.path),
  },
  neo4jGraphql: {
    query: `query PathBetween($from: ID!, $to: ID!) {
      path(from: $from, to: $to) { nodes { id kind name } edges { type source target certainty } }
    }`,
    variables: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    summary: (data) => countGraph(data.path),
  },
  raw: {
    cypher: PATH_CYPHER,
    parameters: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    shape: (rows) => ({ path: rows[0]?.subgraph ?? null }),
    summary: (data) => countGraph(data.path),
  },
};

export const OPERATIONS: readonly Operation[] = [entityCard, search, eventList, timeline, figures, neighborhood, path];

/** The HTTP request for an operation on a server: GraphQL for the two APIs, the parameters for raw. */
export function benchRequest(
  server: ServerName,
  operation: Operation,
  parameters: BenchParameters,
  baseUrl: string,
): { url: string; body: string } {
  if (server === 'raw') return { url: `${baseUrl}/${operation.name}`, body: JSON.stringify(parameters) };
  const form = operation[server];
  return { url: baseUrl, body: JSON.stringify({ query: form.query, variables: form.variables(parameters) }) };
}

/** What a server answered, summarised; throws with the server's message when it answered an error. */
export function summarize(server: ServerName, operation: Operation, body: { data?: Json | null; errors?: { message: string }[] }): string {
  if (body.errors?.length || !body.data) {
    throw new Error(`${server} failed ${operation.name}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no data'}`);
  }
  return operation[server].summary(body.data);
}
