/**
 * BASELINE for `npm run bench:load-corpus`: the loader's writer before batching (commit 2bdbfe7),
 * kept verbatim so each run measures both side by side. Not used by the application.
 *
 * Writes one validated article annotation into the graph, in one transaction.
 * The only code that writes; the API reads through read transactions only.
 *
 * An article owns its mentions, its relations (tagged with `articleId`), its figures, claims and
 * deployments; entities are shared between articles by id. Re-loading an article first removes
 * what it owned, then MERGEs everything again, so loading twice leaves the graph unchanged.
 */
import type { Driver } from 'neo4j-driver';
import { LABEL_OF_KIND, RELATION_TYPES } from '../../src/domain/vocabulary.ts';
import {
  type AnnotatedEntity,
  type Annotation,
  type PartialDate,
  type Span,
} from '../../src/seed/annotation.ts';

export interface ArticleToWrite {
  annotation: Annotation;
  text: string;
  /** Hash of the annotation and text: an unchanged article is skipped. */
  hash: string;
}

export type WriteOutcome = 'written' | 'unchanged';

/** Spans as three parallel arrays, the form relationships and nodes can store. */
function evidenceProperties(spans: Span[]) {
  return {
    evidenceStarts: spans.map((span) => span.start),
    evidenceEnds: spans.map((span) => span.end),
    evidenceTexts: spans.map((span) => span.text),
  };
}

function dateProperties(date: PartialDate | undefined) {
  return { dateIso: date?.iso ?? null, datePrecision: date?.precision ?? null, dateQualifier: date?.qualifier ?? null };
}

function entityProperties(entity: AnnotatedEntity) {
  return {
    kind: entity.kind,
    name: entity.name,
    description: entity.description ?? null,
    category: 'category' in entity ? entity.category : null,
    isoCode: entity.kind === 'COUNTRY' ? entity.isoCode : null,
    ...(entity.kind === 'EVENT' ? dateProperties(entity.date) : {}),
  };
}

const STORED_ARTICLE = `
  MATCH (article:Article {id: $articleId})
  RETURN article.annotationHash AS hash, [(article)<-[:MENTIONED_IN]-(entity:Entity) | entity.id] AS entityIds`;

const REMOVE_OWNED = `
  MATCH (article:Article {id: $articleId})<-[mention:MENTIONED_IN]-(entity:Entity)
  OPTIONAL MATCH (entity)-[relation]-(:Entity) WHERE relation.articleId = $articleId
  WITH collect(DISTINCT mention) AS mentions, collect(DISTINCT relation) AS relations
  FOREACH (relation IN relations | DELETE relation)
  FOREACH (mention IN mentions | DELETE mention)
  WITH count(*) AS done
  OPTIONAL MATCH (:Article {id: $articleId})<-[assertion:ASSERTED_IN]-()
  DELETE assertion`;

const REMOVE_OWNED_NODES = `
  OPTIONAL MATCH (figure:Figure {articleId: $articleId}) DETACH DELETE figure
  WITH count(*) AS done
  OPTIONAL MATCH (claim:Claim {articleId: $articleId}) DETACH DELETE claim
  WITH count(*) AS done
  OPTIONAL MATCH (deployment:Deployment {articleId: $articleId}) DETACH DELETE deployment`;

/** Entities the article used to mention that no article mentions any more. */
const REMOVE_ORPHANS = `
  UNWIND $entityIds AS entityId
  MATCH (entity:Entity {id: entityId}) WHERE NOT (entity)-[:MENTIONED_IN]->(:Article)
  DETACH DELETE entity`;

const MERGE_ARTICLE = `
  MERGE (article:Article {id: $article.id})
  SET article += $article`;

const mergeEntitiesQuery = (label: string) => `
  UNWIND $rows AS row
  MERGE (entity:Entity {id: row.id})
  SET entity:${label}, entity += row.properties,
      entity.aliases = reduce(all = coalesce(entity.aliases, []), alias IN row.aliases |
        CASE WHEN alias IN all THEN all ELSE all + alias END)
  SET entity.searchText = reduce(text = entity.name, alias IN entity.aliases | text + '\n' + alias)
  WITH entity, row
  MATCH (article:Article {id: $articleId})
  MERGE (entity)-[mention:MENTIONED_IN]->(article)
  SET mention += row.mentions`;

const MERGE_EVENT_ASSERTIONS = `
  UNWIND $rows AS row
  MATCH (event:Event {id: row.id}), (article:Article {id: $articleId})
  MERGE (event)-[assertion:ASSERTED_IN]->(article)
  SET assertion += row.properties`;

const MERGE_RELATIONS = Object.fromEntries(
  RELATION_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
     MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
     MERGE (from)-[relation:${type} {articleId: $articleId, key: row.key}]->(to)
     SET relation += row.properties`,
  ]),
) as Record<(typeof RELATION_TYPES)[number], string>;

const mergeNodesQuery = (label: string) => `
  UNWIND $rows AS row
  MERGE (node:${label} {id: row.id})
  SET node += row.properties`;

/** The links from an article's own nodes (figures, claims, deployments) to what they refer to. */
const LINKS = {
  figureEvent: ['Figure', 'FIGURE_OF', 'Event'],
  figureSource: ['Figure', 'SOURCED_FROM', 'Entity'],
  claimSpeaker: ['Claim', 'SAID_BY', 'Entity'],
  claimMedium: ['Claim', 'VIA', 'Entity'],
  claimAbout: ['Claim', 'ABOUT', 'Entity'],
  deploymentCountry: ['Deployment', 'FROM_COUNTRY', 'Country'],
  deploymentDestination: ['Deployment', 'TO_COUNTRY', 'Country'],
  deploymentTroops: ['Deployment', 'TROOPS', 'Figure'],
  deploymentMission: ['Deployment', 'MISSION', 'Event'],
} as const;

type LinkName = keyof typeof LINKS;
interface LinkRow {
  from: string;
  to: string;
  /** The link's order among its kind, for ordered lists such as a claim's subjects. */
  position: number;
}

const LINK_QUERIES = Object.fromEntries(
  Object.entries(LINKS).map(([name, [fromLabel, type, toLabel]]) => [
    name,
    `UNWIND $rows AS row
     MATCH (from:${fromLabel} {id: row.from}), (to:${toLabel} {id: row.to})
     MERGE (from)-[link:${type}]->(to)
     SET link.position = row.position`,
  ]),
) as Record<LinkName, string>;

type Statement = [query: string, parameters: Record<string, unknown>];

/** What was stored for the article before this write, if anything. */
interface StoredArticle {
  hash: string | null;
  entityIds: string[];
}

/** The statements that replace what the article owned with what its annotation says, in order. */
function writeStatements({ annotation, text, hash }: ArticleToWrite, stored: StoredArticle | null): Statement[] {
  const articleId = annotation.article.id;
  const statements: Statement[] = [];
  const run = (query: string, parameters: Record<string, unknown>) => statements.push([query, parameters]);
  if (stored) {
    run(REMOVE_OWNED, { articleId });
    run(REMOVE_OWNED_NODES, { articleId });
  }

  const { textFile: _textFile, textSha256: _textSha256, ...articleFields } = annotation.article;
  run(MERGE_ARTICLE, {
    article: { publishedAt: null, source: null, ...articleFields, text, annotationHash: hash },
  });

  for (const [kind, label] of Object.entries(LABEL_OF_KIND)) {
    const rows = annotation.entities
      .filter((entity) => entity.kind === kind)
      .map((entity) => ({
        id: entity.id,
        aliases: entity.aliases,
        properties: entityProperties(entity),
        mentions: evidenceProperties(entity.mentions),
      }));
    if (rows.length > 0) run(mergeEntitiesQuery(label), { rows, articleId });
  }

  const eventRows = annotation.entities.flatMap((entity) =>
    entity.kind === 'EVENT'
      ? [{ id: entity.id, properties: { certainty: entity.certainty, ...evidenceProperties(entity.evidence) } }]
      : [],
  );
  if (eventRows.length > 0) run(MERGE_EVENT_ASSERTIONS, { rows: eventRows, articleId });

  for (const type of RELATION_TYPES) {
    const rows = annotation.relations
      .filter((relation) => relation.type === type)
      .map((relation) => ({
        from: relation.from,
        to: relation.to,
        // Two relations of one type between the same pair differ by title or role.
        key: `${relation.title ?? ''}|${relation.role ?? ''}`,
        properties: {
          certainty: relation.certainty,
          title: relation.title ?? null,
          former: relation.former ?? null,
          role: relation.role ?? null,
          ...evidenceProperties(relation.evidence),
        },
      }));
    if (rows.length > 0) run(MERGE_RELATIONS[type], { rows, articleId });
  }

  const links: Record<LinkName, LinkRow[]> = Object.fromEntries(
    Object.keys(LINKS).map((name) => [name, []]),
  ) as unknown as Record<LinkName, LinkRow[]>;
  const link = (name: LinkName, from: string, to: string | undefined, position = 0) => {
    if (to !== undefined) links[name].push({ from, to, position });
  };

  const figureRows = annotation.figures.map((figure) => {
    link('figureEvent', figure.id, figure.eventId);
    link('figureSource', figure.id, figure.sourceId);
    return {
      id: figure.id,
      properties: {
        articleId,
        metric: figure.metric,
        counts: figure.counts,
        value: figure.value ?? null,
        lowerBound: figure.lowerBound ?? null,
        lowerBoundExclusive: figure.lowerBoundExclusive,
        upperBound: figure.upperBound ?? null,
        approximate: figure.approximate,
        text: figure.text,
        certainty: figure.certainty,
        ...evidenceProperties(figure.evidence),
      },
    };
  });

  const claimRows = annotation.claims.map((claim) => {
    link('claimSpeaker', claim.id, claim.speakerId);
    link('claimMedium', claim.id, claim.mediumId);
    claim.aboutIds.forEach((aboutId, position) => link('claimAbout', claim.id, aboutId, position));
    return {
      id: claim.id,
      properties: {
        articleId,
        kind: claim.kind,
        summary: claim.summary,
        quote: claim.quote,
        certainty: claim.certainty,
        ...dateProperties(claim.date),
        ...evidenceProperties(claim.evidence),
      },
    };
  });

  const deploymentRows = annotation.deployments.map((deployment) => {
    link('deploymentCountry', deployment.id, deployment.countryId);
    link('deploymentDestination', deployment.id, deployment.destinationId);
    link('deploymentTroops', deployment.id, deployment.troopsFigureId);
    link('deploymentMission', deployment.id, deployment.missionId);
    return {
      id: deployment.id,
      properties: {
        articleId,
        force: deployment.force,
        status: deployment.status,
        certainty: deployment.certainty,
        ...dateProperties(deployment.date),
        ...evidenceProperties(deployment.evidence),
      },
    };
  });

  for (const [label, rows] of [['Figure', figureRows], ['Claim', claimRows], ['Deployment', deploymentRows]] as const) {
    if (rows.length > 0) run(mergeNodesQuery(label), { rows });
  }
  for (const name of Object.keys(LINKS) as LinkName[]) {
    if (links[name].length > 0) run(LINK_QUERIES[name], { rows: links[name] });
  }

  if (stored && stored.entityIds.length > 0) run(REMOVE_ORPHANS, { entityIds: stored.entityIds });
  return statements;
}

/** Writes the article unless the stored one has the same hash (or `force` is set). */
export async function writeArticle(
  driver: Driver,
  database: string,
  article: ArticleToWrite,
  options: { force?: boolean } = {},
): Promise<WriteOutcome> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const [record] = (await tx.run(STORED_ARTICLE, { articleId: article.annotation.article.id })).records;
      const stored: StoredArticle | null = record
        ? { hash: record.get('hash') as string | null, entityIds: record.get('entityIds') as string[] }
        : null;
      if (!options.force && stored?.hash === article.hash) return 'unchanged';
      // Sent together, so the server runs them in order without a round trip each.
      await Promise.all(writeStatements(article, stored).map(([query, parameters]) => tx.run(query, parameters)));
      return 'written';
    });
  } finally {
    await session.close();
  }
}
