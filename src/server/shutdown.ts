/**
 * Ctrl-C / SIGTERM: stop HTTP (draining in-flight requests briefly), then the driver, then the
 * local Neo4j; all within 3 s, or the process exits anyway (the launcher stops when we are gone).
 */
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/database.ts';
import type { RunningServer } from './http.ts';

const STOP_LIMIT_MS = 3_000;

export function stopOnSignals({ server, database, log }: { server: RunningServer; database: Database; log: Logger }) {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error(`Stopping took more than ${STOP_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
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
