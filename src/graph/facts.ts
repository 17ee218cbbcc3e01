/** Figures, claims and deployments: the facts an article states about events and entities. */
import { evidenceProjection, toDate, toSpans } from './mapping.ts';
import type { GraphReader, Row } from './reader.ts';
import type { Certainty, ClaimRecord, DeploymentRecord, FigureRecord } from './types.ts';

/**
 * A WHERE clause of only the filters given: `$x IS NULL OR …` would hide the indexes from the
 * planner. The fragments are fixed; the values go as parameters.
 */
function whereGiven(filters: [condition: string, value: unknown][]): string {
  const given = filters.filter(([, value]) => value !== null && value !== undefined).map(([condition]) => condition);
  return given.length > 0 ? `WHERE ${given.join(' AND ')}` : '';
}

const FIGURE_RETURN = `
  OPTIONAL MATCH (figure)-[:FIGURE_OF]->(event:Event)
  OPTIONAL MATCH (figure)-[:SOURCED_FROM]->(source:Entity)
  RETURN figure {.*, eventId: event.id, sourceId: source.id,
                 evidence: ${evidenceProjection('figure', 'figure.articleId')}} AS figure`;

function toFigure(row: Row): FigureRecord {
  const figure = row.figure as Row;
  return {
    id: figure.id as string,
    articleId: figure.articleId as string,
    metric: figure.metric as FigureRecord['metric'],
    counts: figure.counts as string,
    value: (figure.value as number | null) ?? null,
    lowerBound: (figure.lowerBound as number | null) ?? null,
    lowerBoundExclusive: Boolean(figure.lowerBoundExclusive),
    upperBound: (figure.upperBound as number | null) ?? null,
    approximate: Boolean(figure.approximate),
    text: figure.text as string,
    eventId: (figure.eventId as string | null) ?? null,
    sourceId: (figure.sourceId as string | null) ?? null,
    certainty: figure.certainty as Certainty,
    evidence: toSpans(figure.evidence),
  };
}

export async function findFigures(
  reader: GraphReader,
  filter: { metric: string | null; eventId: string | null; articleIds?: readonly string[] | null },
): Promise<FigureRecord[]> {
  const rows = await reader.rows(
    `MATCH (figure:Figure)
     ${whereGiven([
       ['figure.metric = $metric', filter.metric],
       ['figure.articleId IN $articleIds', filter.articleIds],
       ['EXISTS { (figure)-[:FIGURE_OF]->(:Event {id: $eventId}) }', filter.eventId],
     ])}
     WITH figure ORDER BY figure.articleId, figure.evidenceStarts[0], figure.id
     ${FIGURE_RETURN}`,
    { metric: filter.metric, eventId: filter.eventId, articleIds: filter.articleIds ?? null },
  );
  return rows.map(toFigure);
}

export async function figuresByIds(reader: GraphReader, ids: readonly string[]): Promise<Map<string, FigureRecord>> {
  const rows = await reader.rows(`UNWIND $ids AS id MATCH (figure:Figure {id: id}) ${FIGURE_RETURN}`, { ids });
  return new Map(rows.map((row) => [((row.figure as Row).id as string), toFigure(row)]));
}

export async function figuresOfEvents(reader: GraphReader, eventIds: readonly string[]): Promise<Map<string, FigureRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS eventId
     MATCH (figure:Figure)-[:FIGURE_OF]->(:Event {id: eventId})
     WITH eventId, figure ORDER BY figure.articleId, figure.evidenceStarts[0], figure.id
     ${FIGURE_RETURN.replace('RETURN figure', 'RETURN eventId, figure')}`,
    { ids: eventIds },
  );
  const byEvent = new Map<string, FigureRecord[]>();
  for (const row of rows) {
    const eventId = row.eventId as string;
    byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), toFigure(row)]);
  }
  return byEvent;
}

const CLAIM_RETURN = `
  OPTIONAL MATCH (claim)-[:SAID_BY]->(speaker:Entity)
  OPTIONAL MATCH (claim)-[:VIA]->(medium:Entity)
  RETURN claim {.*, speakerId: speaker.id, mediumId: medium.id, aboutIds: COLLECT { MATCH (claim)-[link:ABOUT]->(about:Entity) RETURN about.id ORDER BY link.position },
                evidence: ${evidenceProjection('claim', 'claim.articleId')}} AS claim`;

function toClaim(row: Row): ClaimRecord {
  const claim = row.claim as Row;
  return {
    id: claim.id as string,
    articleId: claim.articleId as string,
    kind: claim.kind as ClaimRecord['kind'],
    summary: claim.summary as string,
    quote: claim.quote as string,
    speakerId: (claim.speakerId as string | null) ?? null,
    mediumId: (claim.mediumId as string | null) ?? null,
    aboutIds: claim.aboutIds as string[],
    date: toDate(claim),
    certainty: claim.certainty as Certainty,
    evidence: toSpans(claim.evidence),
  };
}

export interface ClaimFilter {
  speakerId: string | null;
  aboutId: string | null;
  certainty: string | null;
  articleIds?: readonly string[] | null;
}

export async function findClaims(reader: GraphReader, filter: ClaimFilter): Promise<ClaimRecord[]> {
  const rows = await reader.rows(
    `MATCH (claim:Claim)
     ${whereGiven([
       ['claim.certainty = $certainty', filter.certainty],
       ['claim.articleId IN $articleIds', filter.articleIds],
       ['EXISTS { (claim)-[:SAID_BY]->(:Entity {id: $speakerId}) }', filter.speakerId],
       ['EXISTS { (claim)-[:ABOUT]->(:Entity {id: $aboutId}) }', filter.aboutId],
     ])}
     WITH claim ORDER BY claim.articleId, claim.evidenceStarts[0], claim.id
     ${CLAIM_RETURN}`,
    { speakerId: filter.speakerId, aboutId: filter.aboutId, certainty: filter.certainty, articleIds: filter.articleIds ?? null },
  );
  return rows.map(toClaim);
}

export type ClaimRole = 'SPEAKER' | 'SUBJECT' | 'ANY';

const CLAIM_ROLE_LINKS: Record<ClaimRole, string> = { SPEAKER: 'SAID_BY', SUBJECT: 'ABOUT', ANY: 'SAID_BY|ABOUT' };

/** Claims each entity made or is the subject of. */
export async function claimsOfEntities(
  reader: GraphReader,
  ids: readonly string[],
  role: ClaimRole,
): Promise<Map<string, ClaimRecord[]>> {
  const rows = await reader.rows(
    `UNWIND $ids AS entityId
     MATCH (claim:Claim)-[:${CLAIM_ROLE_LINKS[role]}]->(:Entity {id: entityId})
     WITH DISTINCT entityId, claim ORDER BY claim.articleId, claim.evidenceStarts[0], claim.id
     ${CLAIM_RETURN.replace('RETURN claim', 'RETURN entityId, claim')}`,
    { ids },
  );
  const byEntity = new Map<string, ClaimRecord[]>();
  for (const row of rows) {
    const entityId = row.entityId as string;
    byEntity.set(entityId, [...(byEntity.get(entityId) ?? []), toClaim(row)]);
  }
  return byEntity;
}

export async function findDeployments(
  reader: GraphReader,
  filter: { destinationId: string | null; articleIds?: readonly string[] | null },
): Promise<DeploymentRecord[]> {
  const rows = await reader.rows(
    `MATCH (deployment:Deployment)-[:FROM_COUNTRY]->(country:Country),
           (deployment)-[:TO_COUNTRY]->(destination:Country)
     ${whereGiven([
       ['destination.id = $destinationId', filter.destinationId],
       ['deployment.articleId IN $articleIds', filter.articleIds],
     ])}
     OPTIONAL MATCH (deployment)-[:TROOPS]->(troops:Figure)
     OPTIONAL MATCH (deployment)-[:MISSION]->(mission:Event)
     WITH deployment, country, destination, troops, mission
     ORDER BY deployment.articleId, deployment.evidenceStarts[0], deployment.id
     RETURN deployment {.*, countryId: country.id, destinationId: destination.id, troopsFigureId: troops.id,
                        missionId: mission.id, evidence: ${evidenceProjection('deployment', 'deployment.articleId')}} AS deployment`,
    { destinationId: filter.destinationId, articleIds: filter.articleIds ?? null },
  );
  return rows.map((row) => {
    const deployment = row.deployment as Row;
    return {
      id: deployment.id as string,
      articleId: deployment.articleId as string,
      countryId: deployment.countryId as string,
      destinationId: deployment.destinationId as string,
      force: deployment.force as string,
      troopsFigureId: (deployment.troopsFigureId as string | null) ?? null,
      status: deployment.status as DeploymentRecord['status'],
      date: toDate(deployment),
      missionId: (deployment.missionId as string | null) ?? null,
      certainty: deployment.certainty as Certainty,
      evidence: toSpans(deployment.evidence),
    };
  });
}

/** Groups facts by the article that states them, for per-article loaders. */
export function groupByArticle<T extends { articleId: string }>(facts: T[]): Map<string, T[]> {
  const byArticle = new Map<string, T[]>();
  for (const fact of facts) byArticle.set(fact.articleId, [...(byArticle.get(fact.articleId) ?? []), fact]);
  return byArticle;
}
