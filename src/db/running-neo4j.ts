/**
 * Where the local Neo4j of a data folder listens while a process serves it, so `npm run seed`
 * can load into the database `npm start` is serving instead of failing on the store lock.
 * The owner writes `running-neo4j.json` into the data folder once Neo4j is ready and removes it
 * on stop; a file whose owner is gone is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'running-neo4j.json';

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The Bolt URI of the local Neo4j another live process serves from this data folder, if any. */
export function findRunningNeo4j(home: string): string | undefined {
  let running: RunningNeo4j;
  try {
    running = JSON.parse(readFileSync(fileIn(home), 'utf8')) as RunningNeo4j;
  } catch {
    return undefined;
  }
  if (running.ownerPid === process.pid || !Number.isInteger(running.ownerPid) || !isAlive(running.ownerPid)) return undefined;
  return typeof running.uri === 'string' ? running.uri : undefined;
}
