/** The per-request context: a fresh reader (counting round trips) and fresh DataLoaders. */
import type { BookmarkManager, Driver } from 'neo4j-driver';
import { GraphReader, type QueryProfile } from '../graph/reader.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface RequestContext {
  reader: GraphReader;
  loaders: Loaders;
  /** The operation's estimated cost (objects it may return), once the cost limit has priced and allowed it. */
  cost?: number;
  /** Milliseconds the cost limit spent pricing the operation (none when its price was cached). */
  pricingMs?: number;
}

export interface ContextSettings {
  driver: Driver;
  database: string;
  queryTimeoutMs: number;
  /** The process's, so reads never go back in time (`Database.bookmarks`). */
  bookmarks?: BookmarkManager;
  /** Check every row against its projection's schema (`CHECK_ROWS`). */
  checkRows?: boolean;
  /** Profile every query (benchmarks only). */
  onProfile?: (profile: QueryProfile) => void;
}

export function createRequestContext(settings: ContextSettings): RequestContext {
  const reader = new GraphReader(settings.driver, settings.database, settings.queryTimeoutMs, settings.onProfile, settings.bookmarks, settings.checkRows);
  return { reader, loaders: createLoaders(reader) };
}
