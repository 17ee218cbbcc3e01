/**
 * Per-request loaders: articles by id, and the facet loaders that merge every field
 * asked of the same level into one query. Values a root query already fetched are primed here.
 */
import DataLoader from 'dataloader';
import { articlesByIds } from '../graph/articles.ts';
import type { LoadedEntity } from '../graph/entities.ts';
import { FacetLoader, type AnyFacet } from '../graph/fetch-plan.ts';
import type { GraphReader } from '../graph/reader.ts';
import type { EntityRecord } from '../graph/types.ts';

export function createLoaders(reader: GraphReader) {
  const entityFacets = new FacetLoader(reader, 'Entity');
  const article = new DataLoader(async (ids: readonly string[]) => {
    const found = await articlesByIds(reader, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    entityFacets,
    articleFacets: new FacetLoader(reader, 'Article'),
    article,
    /** Entities a root query returned, with the facets it computed for them. */
    prime(loaded: readonly LoadedEntity[], facets: readonly AnyFacet[]): EntityRecord[] {
      return loaded.map(({ entity: record, facetValues }) => {
        entityFacets.prime(record.id, facetValues, facets);
        return record;
      });
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
