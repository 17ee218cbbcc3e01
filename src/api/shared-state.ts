/**
 * Where the state that API processes must share lives. With `REDIS_URL`, in Redis: each client's
 * budget, the response cache and Apollo's APQ registrations, so several processes behind a
 * balancer enforce one budget per client and serve what any of them cached. Without it, in this
 * process, which is all one process needs.
 *
 * A Redis outage never fails a request: commands fail fast (no offline queue; a silent connection
 * is dropped) while the client reconnects in the background; budgets fall back to an in-memory limiter per
 * process (rate-limiter-flexible's insurance limiter) and the caches answer misses.
 */
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { ErrorsAreMissesCache, InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import KeyvRedis from '@keyv/redis';
import { createClient } from '@redis/client';
import Keyv from 'keyv';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../config/logger.ts';

export interface BudgetSettings {
  /** Cost each client may spend per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

export interface SharedState {
  /** Where each client's spent budget is counted. */
  budgets(settings: BudgetSettings): RateLimiterAbstract;
  /** The response cache; in process, an LRU of at most `maxBytes` (Redis bounds its own memory). */
  responseCache(maxBytes: number): KeyValueCache<string>;
  /** Apollo's APQ registrations; unset: Apollo's own in-process cache. */
  apqCache: KeyValueCache<string> | undefined;
  close(): Promise<void>;
}

/**
 * A connection silent this long is dropped, failing its commands: a frozen Redis must not stall
 * requests. A ping every second keeps a healthy idle connection from looking silent.
 */
const REDIS_SILENCE_MS = 2_000;
const REDIS_PING_INTERVAL_MS = 1_000;
const REDIS_CONNECT_TIMEOUT_MS = 1_000;
/** Reconnect attempts back off to one a second. */
const REDIS_RECONNECT_MAX_DELAY_MS = 1_000;
const KEY_PREFIX = 'newsgraph';

const inProcess: SharedState = {
  budgets: (settings) => new RateLimiterMemory(settings),
  responseCache: (maxBytes) => new InMemoryLRUCache<string>({ maxSize: maxBytes }),
  apqCache: undefined,
  close: async () => {},
};

/** Connects in the background: the API starts, and works, while Redis is down. */
function sharedInRedis(url: string, log: Logger): SharedState {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    pingInterval: REDIS_PING_INTERVAL_MS,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      socketTimeout: REDIS_SILENCE_MS,
      reconnectStrategy: (attempts) => Math.min(attempts * 100, REDIS_RECONNECT_MAX_DELAY_MS),
    },
  });
  let reachable: boolean | undefined;
  client.on('ready', () => {
    if (reachable !== true) log.info('Redis connected: budgets and the response cache are shared');
    reachable = true;
  });
  client.on('error', (error: Error) => {
    // Reported once per outage, not at every reconnection attempt.
    if (reachable !== false) log.warn({ reason: error.message }, 'Redis unreachable: budgets count per process and caching pauses until it returns');
    reachable = false;
  });
  client.connect().catch(() => {
    // Reported by the error listener; the client keeps reconnecting.
  });

  const keyv = new Keyv({ store: new KeyvRedis(client, { throwOnConnectError: false }), namespace: KEY_PREFIX, useKeyPrefix: false });
  // Errors are misses (below); the client's own listener reports the outage.
  keyv.on('error', () => {});
  // The adapter is typed against keyv's CommonJS build and we load its ES module build: one API.
  const cache = new ErrorsAreMissesCache(new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]));
  return {
    budgets: (settings) =>
      new RateLimiterRedis({
        ...settings,
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `${KEY_PREFIX}:budget`,
        insuranceLimiter: new RateLimiterMemory(settings),
      }),
    responseCache: () => cache,
    apqCache: cache,
    async close() {
      if (client.isOpen) client.destroy();
    },
  };
}

export const openSharedState = (redisUrl: string | undefined, log: Logger): SharedState =>
  redisUrl ? sharedInRedis(redisUrl, log) : inProcess;
