/**
 * Ctrl-C / SIGTERM: stop HTTP (in-flight requests finish, each by its own deadline), then the
 * driver, then the local Neo4j; if that takes longer than the request deadline plus CLOSE_LIMIT_MS,
 * the process exits anyway (the launcher stops when we are gone).
 */
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/database.ts';
import type { RunningServer } from './http.ts';

/** Closing the driver and the local Neo4j once HTTP has drained. */
const CLOSE_LIMIT_MS = 3_000;

export function stopOnSignals({ server, database, log, requestDeadlineMs }: { server: RunningServer; database: Database; log: Logger; requestDeadlineMs: number }) {
  const stopLimitMs = requestDeadlineMs + CLOSE_LIMIT_MS;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error(`Stopping took more than ${stopLimitMs / 1000} s; exiting`);
      process.exit(1);
    }, stopLimitMs).unref();
    log.info({ signal }, 'Stopping: draining HTTP requests');
    try {
      await server.stop();
      log.info('HTTP stopped; closing the database');
      await database.close();
      log.info('Stopped');
    } catch (error) {
      log.error({ err: error }, 'Error while stopping');
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}
