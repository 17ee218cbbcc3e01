/**
 * The response cache: whole responses of cacheable queries (by their `@cacheControl` hints), in a
 * bounded LRU or in Redis, keyed on the graph's data version as well as the operation and its variables, so a
 * load that changes the graph makes every older entry unreachable. The version is polled (one small
 * query every DATA_VERSION_POLL_MS), never read per request; while it is unknown (the database
 * does not answer) the cache is bypassed.
 *
 * It sits after the read-only, cost and fairness checks (they run in `didResolveOperation`, before
 * the cache is consulted in `responseForOperation`), so a hit is refused, priced and charged to the
 * client's budget exactly like a miss; the response-size limit applies to hits too.
 */
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '../config/logger.ts';

export interface DataVersionWatch {
  /** The last version read; undefined before the first read and after a failed one. */
  current(): string | undefined;
  stop(): void;
}

/** A read of the version that takes longer failed: a frozen database must not stall polling or start-up. */
const READ_DEADLINE_MS = 2_000;

/** Reads the version now and then every `intervalMs`. Resolves once the first read has settled. */
export async function watchDataVersion(read: () => Promise<string>, intervalMs: number, log: Logger): Promise<DataVersionWatch> {
  let version: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const poll = async () => {
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      deadline = setTimeout(() => reject(new Error('no answer in time')), Math.min(intervalMs, READ_DEADLINE_MS));
    });
    try {
      const next = await Promise.race([read(), late]);
      if (next !== version) log.debug({ dataVersion: next }, 'Data version');
      version = next;
    } catch (error) {
      if (version !== undefined) log.warn({ reason: (error as Error).message }, 'Data version unknown: response cache bypassed');
      version = undefined;
    } finally {
      clearTimeout(deadline);
    }
    if (!stopped) timer = setTimeout(poll, intervalMs).unref();
  };
  await poll();
  return {
    current: () => version,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** `cache`: in process or in Redis (`src/api/shared-state.ts`). */
export function responseCachePlugin<TContext extends BaseContext>(watch: DataVersionWatch, cache: KeyValueCache<string>): ApolloServerPlugin<TContext> {
  const known = async () => watch.current() !== undefined;
  return ApolloServerPluginResponseCache<TContext>({
    cache,
    // Captured before execution, so an entry never holds data older than its version.
    extraCacheKeyData: async () => watch.current(),
    shouldReadFromCache: known,
    shouldWriteToCache: known,
  });
}
