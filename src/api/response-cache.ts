/**
 * The response cache: whole responses of cacheable queries (by their `@cacheControl` hints), in a
 * bounded LRU or in Redis, keyed on the graph's data version as well as the operation and its variables.
 * Each request reads the version first (one tiny query, in a transaction of its own so that a
 * failed read cannot spoil the request's), so an entry is always at least as new as its key, and
 * no request is answered from before a version that any earlier request (`stats.dataVersion`
 * included) could have seen, whichever process loaded it. When the version cannot be read the
 * cache is bypassed.
 *
 * It sits after the read-only, cost and fairness checks (they run in `didResolveOperation`, before
 * the cache is consulted in `responseForOperation`), so a hit is refused, priced and charged to the
 * client's budget exactly like a miss; the response-size limit applies to hits too.
 */
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';

/** `cache`: in process or in Redis (`src/api/shared-state.ts`). */
export function responseCachePlugin<TContext extends BaseContext>(readDataVersion: () => Promise<string>, cache: KeyValueCache<string>): ApolloServerPlugin<TContext> {
  const versions = new WeakMap<TContext, string | undefined>();
  const known = async ({ contextValue }: { contextValue: TContext }) => versions.get(contextValue) !== undefined;
  return ApolloServerPluginResponseCache<TContext>({
    cache,
    // The plugin asks for this before anything else, and keys both the lookup and the write on it.
    extraCacheKeyData: async ({ contextValue }) => {
      // A failed read bypasses the cache; the query itself then reports the database's state.
      const version = await readDataVersion().catch(() => undefined);
      versions.set(contextValue, version);
      return version;
    },
    shouldReadFromCache: known,
    shouldWriteToCache: known,
  });
}
