/**
 * Where the local Neo4j of a data folder listens while a process serves it, so `npm run seed`
 * can load into the database `npm start` is serving instead of failing on the store lock.
 * The owner writes `running-neo4j.json` into the data folder once Neo4j is ready and removes it
 * on stop and while its Neo4j is down. A file left by a process that is gone is stale: it is
 * removed, and the caller starts a local Neo4j of its own. A live owner whose Neo4j does not
 * answer is an error that says what to do, since a second Neo4j cannot open the same store.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import type { Logger } from '../config/logger.ts';

const FILE = 'running-neo4j.json';
const PORT_CHECK_TIMEOUT_MS = 2_000;

interface RunningNeo4j {
  uri: string;
  /** The process that started it and stops it. */
  ownerPid: number;
}

const fileIn = (home: string) => path.join(path.resolve(home), FILE);

export function recordRunningNeo4j(home: string, uri: string): void {
  const running: RunningNeo4j = { uri, ownerPid: process.pid };
  writeFileSync(fileIn(home), `${JSON.stringify(running)}\n`, { mode: 0o600 });
}

export function forgetRunningNeo4j(home: string): void {
  rmSync(fileIn(home), { force: true });
}

/** A live Node.js process (pids are reused: another program under the same pid is not the owner). */
function isNodeProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // No /proc: the pid alone has to do.
  }
}

/** Whether something accepts TCP connections at the URI's host and port. */
function answers(uri: string): Promise<boolean> {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: PORT_CHECK_TIMEOUT_MS });
    const settle = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => settle(true));
    socket.once('timeout', () => settle(false));
    socket.once('error', () => settle(false));
  });
}

/** The Bolt URI of the local Neo4j another live process serves from this data folder, if any. */
export async function findRunningNeo4j(home: string, log: Logger): Promise<string | undefined> {
  const file = fileIn(home);
  let running: RunningNeo4j;
  try {
    running = JSON.parse(readFileSync(file, 'utf8')) as RunningNeo4j;
  } catch {
    return undefined;
  }
  if (running.ownerPid === process.pid) return undefined;
  if (!Number.isInteger(running.ownerPid) || typeof running.uri !== 'string' || !isNodeProcess(running.ownerPid)) {
    log.warn({ file, ownerPid: running.ownerPid }, 'Stale running-neo4j.json: the process that wrote it is gone; removing it and starting a local Neo4j for this command');
    rmSync(file, { force: true });
    return undefined;
  }
  if (!(await answers(running.uri))) {
    throw new Error(
      `Process ${running.ownerPid} (npm start) serves the local Neo4j in ${path.dirname(file)}, but nothing answers at ${running.uri}: ` +
        'its Neo4j is down or restarting. Run this again once its /health says the database is up, or stop that process ' +
        'and run this again (it then starts a local Neo4j of its own).',
    );
  }
  return running.uri;
}
