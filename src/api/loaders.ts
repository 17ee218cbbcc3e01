/**
 * Per-request DataLoaders: every nested field batches its lookups into one query per level,
 * so an operation's round trips grow with its depth, never with the number of results.
 */
import DataLoader from 'dataloader';
import { articlesByIds, entitiesOfArticles } from '../graph/articles.ts';
import { countriesOfEntities, entitiesByIds, entitiesInCountries, mentionsByEntityIds } from '../graph/entities.ts';
import {
  claimsOfEntities,
  figuresByIds,
  figuresOfEvents,
  findClaims,
  findDeployments,
  findFigures,
  groupByArticle,
  type ClaimRole,
} from '../graph/facts.ts';
import { countriesOfEvents } from '../graph/lists.ts';
import type { GraphReader } from '../graph/reader.ts';
import { assertionsOfEvents, relationsOfEntities, type RelationFilter } from '../graph/relations.ts';
import type { EntityKind, EntityRecord } from '../graph/types.ts';

/** A loader keyed by id, from a function that fetches many ids in one query. */
function byId<V, D>(fetch: (ids: readonly string[]) => Promise<Map<string, V>>, missing: D) {
  return new DataLoader<string, V | D>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

/** A loader keyed by id plus arguments: one query per distinct set of arguments. */
function byIdAndArguments<A, V>(fetch: (ids: readonly string[], args: A) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<{ id: string; args: A }, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const { id, args } of keys) {
        const group = groups.get(JSON.stringify(args)) ?? { args, ids: [] };
        group.ids.push(id);
        groups.set(JSON.stringify(args), group);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all(
        [...groups].map(async ([argsKey, group]) => results.set(argsKey, await fetch(group.ids, group.args))),
      );
      return keys.map(({ id, args }) => results.get(JSON.stringify(args))?.get(id) ?? missing);
    },
    { cacheKeyFn: ({ id, args }) => `${id}|${JSON.stringify(args)}` },
  );
}

export function createLoaders(reader: GraphReader) {
  const entity = byId((ids) => entitiesByIds(reader, ids), null);
  /** Entities a query already returned, so later lookups of the same id cost nothing. */
  const primeEntities = (records: EntityRecord[]) => {
    for (const record of records) entity.prime(record.id, record);
    return records;
  };
  return {
    entity,
    primeEntities,
    mentions: byId((ids) => mentionsByEntityIds(reader, ids), []),
    relations: byIdAndArguments((ids, filter: RelationFilter) => relationsOfEntities(reader, ids, filter), []),
    countryOf: byId((ids) => countriesOfEntities(reader, ids), null),
    placesIn: byId((ids) => entitiesInCountries(reader, 'Place', ids), []),
    organizationsIn: byId((ids) => entitiesInCountries(reader, 'Organization', ids), []),
    eventAssertion: byId((ids) => assertionsOfEvents(reader, ids), null),
    eventCountries: byId((ids) => countriesOfEvents(reader, ids), []),
    eventFigures: byId((ids) => figuresOfEvents(reader, ids), []),
    figure: byId((ids) => figuresByIds(reader, ids), null),
    claimsOf: byIdAndArguments((ids, role: ClaimRole) => claimsOfEntities(reader, ids, role), []),
    article: byId((ids) => articlesByIds(reader, ids), null),
    articleFigures: byId(
      async (ids) => groupByArticle(await findFigures(reader, { metric: null, eventId: null, articleIds: ids })),
      [],
    ),
    articleClaims: byId(
      async (ids) =>
        groupByArticle(await findClaims(reader, { speakerId: null, aboutId: null, certainty: null, articleIds: ids })),
      [],
    ),
    articleDeployments: byId(
      async (ids) => groupByArticle(await findDeployments(reader, { destinationId: null, articleIds: ids })),
      [],
    ),
    articleEntities: byIdAndArguments(
      (ids, kinds: readonly EntityKind[] | null) => entitiesOfArticles(reader, ids, kinds),
      [],
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
