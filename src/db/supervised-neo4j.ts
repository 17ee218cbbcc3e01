/**
 * Keeps the local Neo4j of `npm start` running. When it dies, it is started again on the same port
 * (the driver reconnects by itself; `/health` says the database is down meanwhile), after a
 * backoff that doubles from one second, at most `maxRestarts` times within ten minutes. Past that,
 * or with 0, `onGiveUp` is told, and `npm start` exits non-zero so its own supervisor can act.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './local-neo4j.ts';
import { forgetRunningNeo4j } from './running-neo4j.ts';

const RESTART_WINDOW_MS = 10 * 60_000;
const FIRST_BACKOFF_MS = 1_000;

export interface SupervisionOptions {
  maxRestarts: number;
  /** Called once, with why, when the local Neo4j died and cannot be restarted. */
  onGiveUp: (reason: string) => void;
}

export async function startSupervisedNeo4j(options: LocalNeo4jOptions & SupervisionOptions): Promise<LocalNeo4j> {
  const { log, maxRestarts, onGiveUp } = options;
  let current = await startLocalNeo4j(options);
  const port = current.port;
  let stopping = false;
  const restartTimes: number[] = [];

  const restart = async (): Promise<void> => {
    for (;;) {
      while (restartTimes.length > 0 && restartTimes[0]! < Date.now() - RESTART_WINDOW_MS) restartTimes.shift();
      if (restartTimes.length >= maxRestarts) {
        forgetRunningNeo4j(options.home);
        onGiveUp(`The local Neo4j died and ${maxRestarts === 0 ? 'NEO4J_MAX_RESTARTS is 0' : `was restarted ${restartTimes.length} time${restartTimes.length === 1 ? '' : 's'} in ten minutes (NEO4J_MAX_RESTARTS)`}; its log is ${current.logFile}`);
        return;
      }
      const backoffMs = FIRST_BACKOFF_MS * 2 ** restartTimes.length;
      log.warn({ attempt: restartTimes.length + 1, of: maxRestarts, inMs: backoffMs }, 'Restarting the local Neo4j');
      await sleep(backoffMs);
      if (stopping) return;
      restartTimes.push(Date.now());
      try {
        current = await startLocalNeo4j({ ...options, port });
      } catch (error) {
        log.error({ err: (error as Error).message }, 'Restarting the local Neo4j failed');
        continue;
      }
      if (stopping) return current.stop();
      log.info({ uri: current.uri, pid: current.pid }, 'Local Neo4j restarted');
      watch(current);
      return;
    }
  };

  const watch = (instance: LocalNeo4j) =>
    void instance.exited.then((code) => {
      if (stopping) return;
      // running-neo4j.json stays meanwhile: `npm run seed` then says Neo4j is restarting rather than start its own on the same store.
      log.error({ pid: instance.pid, code }, 'The local Neo4j died');
      return restart();
    });
  watch(current);

  return {
    get uri() { return current.uri; },
    port,
    get password() { return current.password; },
    get pid() { return current.pid; },
    get logFile() { return current.logFile; },
    get exited() { return current.exited; },
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
