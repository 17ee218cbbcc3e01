/** Opens the database the configuration names: the given `NEO4J_URI`, or the local Neo4j. */
import neo4j, { type BookmarkManager, type Driver } from 'neo4j-driver';
import type { Config } from '../config/env.ts';
import type { Logger } from '../config/logger.ts';
import { createDriver, verifyDriver } from './driver.ts';
import { localNeo4jPassword, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.ts';
import { findRunningNeo4j } from './running-neo4j.ts';
import { startSupervisedNeo4j } from './supervised-neo4j.ts';
import { applySchema } from './schema.ts';

export interface Database {
  driver: Driver;
  name: string;
  /**
   * The process's reads share it, so in a cluster none reads an older state than one before it
   * (a response cached under a data version holds data at least that new).
   */
  bookmarks: BookmarkManager;
  /** Set when we started the Neo4j ourselves. */
  local?: LocalNeo4j;
  /** Closes the driver, then stops the local Neo4j if we started it. */
  close(): Promise<void>;
}

/**
 * `attachToRunning`: without NEO4J_URI, use the local Neo4j another process (`npm start`) is
 * serving from the same data folder, if there is one, instead of starting one.
 * `onLocalNeo4jLost`: restart a local Neo4j that dies (`NEO4J_MAX_RESTARTS`), and say when it cannot be.
 */
export async function openDatabase(
  config: Config['neo4j'],
  log: Logger,
  options: { attachToRunning?: boolean; onLocalNeo4jLost?: (reason: string) => void } = {},
): Promise<Database> {
  const running = !config.uri && options.attachToRunning ? await findRunningNeo4j(config.dataDir, log) : undefined;
  if (running) log.info({ uri: running }, 'Using the local Neo4j another process is serving from this data folder');
  const localOptions = { home: config.dataDir, password: config.password, startTimeoutMs: config.startTimeoutMs, memory: config.memory, log };
  const local = config.uri || running
    ? undefined
    : options.onLocalNeo4jLost
      ? await startSupervisedNeo4j({ ...localOptions, maxRestarts: config.maxRestarts, onGiveUp: options.onLocalNeo4jLost })
      : await startLocalNeo4j(localOptions);
  // NEO4J_PASSWORD, when set, wins over the local Neo4j's generated one (the data folder's, when attached).
  const settings = {
    ...config,
    uri: config.uri ?? running ?? local!.uri,
    password: config.password ?? local?.password ?? localNeo4jPassword(config.dataDir),
  };
  const driver = createDriver(settings);
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await verifyDriver(driver, settings);
    log.info({ uri: settings.uri, database: config.database }, 'Connected to Neo4j');
    await applySchema(driver, config.database);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, name: config.database, bookmarks: neo4j.bookmarkManager(), local, close };
}
