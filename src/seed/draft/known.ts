/**
 * What the graph will hold once a folder is loaded, read without a database: the registry and the
 * reviewed annotations of the folder, through the loader's own validation, so the ids are exactly
 * those the graph will have. The draft links to these entities, events and deployments.
 */
import path from 'node:path';
import { dateInterval } from '../../domain/dates.ts';
import type { AnnotatedEntity } from '../annotation.ts';
import { listAnnotationFiles, validateFiles } from '../load.ts';
import { readRegistry, REGISTRY_FILE } from '../validate.ts';

export interface KnownEntity {
  id: string;
  kind: AnnotatedEntity['kind'];
  name: string;
  /** The name and every alias. */
  names: string[];
  category?: string;
  isoCode?: string;
  /** The article ids that declare or mention it (none: the registry only). */
  articles: string[];
}

export interface KnownEvent {
  id: string;
  name: string;
  category: string;
  /** Its date as declared, and the interval it means. */
  date?: { iso: string; precision: string };
  interval?: { start: string; end: string };
  /** Where it happened (OCCURRED_IN) and the places and countries those are in (LOCATED_IN). */
  places: string[];
  participants: string[];
  articles: string[];
}

export interface KnownDeployment {
  id: string;
  countryId: string;
  destinationId: string;
  force: string;
  missionId?: string;
  articleId: string;
}

export interface KnownFigure {
  id: string;
  metric: string;
  /** The number it gives: its value, or its bound. */
  amount?: number;
  eventId?: string;
  articleId: string;
}

export interface KnownGraph {
  entities: KnownEntity[];
  events: KnownEvent[];
  deployments: KnownDeployment[];
  figures: KnownFigure[];
  /** Ids of figures, claims and deployments, which no other article may reuse. */
  nodeIds: Set<string>;
}

function addUnique(list: string[], ...values: string[]) {
  for (const value of values) if (!list.includes(value)) list.push(value);
}

/**
 * The folder's known entities, events and deployments; `exceptArticleId` leaves out one article
 * (the one being drafted, when it is already annotated).
 */
export async function readKnownGraph(dir: string, exceptArticleId?: string): Promise<KnownGraph> {
  const entities = new Map<string, KnownEntity>();
  const remember = (entity: { id: string; kind: AnnotatedEntity['kind']; name: string; aliases: string[]; category?: string; isoCode?: string }, articleId?: string) => {
    const known = entities.get(entity.id) ?? {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      names: [],
      ...(entity.category ? { category: entity.category } : {}),
      ...(entity.isoCode ? { isoCode: entity.isoCode } : {}),
      articles: [],
    };
    addUnique(known.names, entity.name, ...entity.aliases);
    if (articleId) addUnique(known.articles, articleId);
    entities.set(entity.id, known);
  };
  for (const [, { entity }] of await readRegistry(path.join(dir, REGISTRY_FILE))) remember(entity as Parameters<typeof remember>[0]);

  const files = await listAnnotationFiles(dir);
  const articles = (await validateFiles(files)).articles.filter(({ annotation }) => annotation.article.id !== exceptArticleId);
  const events = new Map<string, KnownEvent>();
  const deployments: KnownDeployment[] = [];
  const locatedIn = new Map<string, string[]>();
  const nodeIds = new Set<string>();
  const figures: KnownFigure[] = [];
  for (const { annotation } of articles) {
    const articleId = annotation.article.id;
    for (const entity of annotation.entities) {
      remember(entity as Parameters<typeof remember>[0], articleId);
      if (entity.kind !== 'EVENT') continue;
      const event = events.get(entity.id) ?? { id: entity.id, name: entity.name, category: entity.category, places: [], participants: [], articles: [] };
      if (entity.date && !event.date) {
        event.date = { iso: entity.date.iso, precision: entity.date.precision };
        event.interval = dateInterval(entity.date.iso, entity.date.precision);
      }
      addUnique(event.articles, articleId);
      events.set(entity.id, event);
    }
    for (const item of [...annotation.figures, ...annotation.claims, ...annotation.deployments]) nodeIds.add(item.id);
    for (const figure of annotation.figures) {
      const amount = figure.value ?? figure.lowerBound ?? figure.upperBound;
      figures.push({ id: figure.id, metric: figure.metric, ...(amount !== undefined ? { amount } : {}), ...(figure.eventId ? { eventId: figure.eventId } : {}), articleId });
    }
    for (const relation of annotation.relations) {
      if (relation.type === 'LOCATED_IN') addUnique((locatedIn.get(relation.from) ?? locatedIn.set(relation.from, []).get(relation.from))!, relation.to);
    }
    for (const deployment of annotation.deployments) {
      deployments.push({
        id: deployment.id,
        countryId: deployment.countryId,
        destinationId: deployment.destinationId,
        force: deployment.force,
        ...(deployment.missionId ? { missionId: deployment.missionId } : {}),
        articleId,
      });
    }
  }
  for (const { annotation } of articles) {
    for (const relation of annotation.relations) {
      const event = events.get(relation.type === 'PARTICIPATED_IN' ? relation.to : relation.from);
      if (!event) continue;
      if (relation.type === 'OCCURRED_IN') {
        // A place and what it is in, two levels up: the airport, Almaty, Kazakhstan.
        const around = locatedIn.get(relation.to) ?? [];
        addUnique(event.places, relation.to, ...around, ...around.flatMap((place) => locatedIn.get(place) ?? []));
      }
      if (relation.type === 'PARTICIPATED_IN') addUnique(event.participants, relation.from);
    }
    for (const deployment of annotation.deployments) {
      const mission = deployment.missionId ? events.get(deployment.missionId) : undefined;
      if (mission) addUnique(mission.participants, deployment.countryId);
    }
  }
  // An event with no place of its own happened where the event it is part of happened: the arrests of the unrest.
  for (const { annotation } of articles) {
    for (const relation of annotation.relations) {
      const part = relation.type === 'PART_OF' ? events.get(relation.from) : undefined;
      const whole = part ? events.get(relation.to) : undefined;
      if (part && whole && part.places.length === 0) addUnique(part.places, ...whole.places);
    }
  }
  return { entities: [...entities.values()], events: [...events.values()], deployments, figures, nodeIds };
}
