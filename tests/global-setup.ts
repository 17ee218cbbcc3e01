/**
 * Starts a throwaway local Neo4j on a free port in a temporary folder (or uses NEO4J_URI),
 * hands its address to the tests, and stops it at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../src/config/logger.ts';
import { startLocalNeo4j } from '../src/db/local-neo4j.ts';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

const TEST_PASSWORD = 'test-neo4j-password';

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    return;
  }
  const home = mkdtempSync(path.join(tmpdir(), 'newsgraph-test-neo4j-'));
  const log = createLogger({ logLevel: 'info', nodeEnv: 'test' });
  const neo4j = await startLocalNeo4j({ home, password: TEST_PASSWORD, startTimeoutMs: 180_000, log });
  project.provide('neo4j', { uri: neo4j.uri, username: 'neo4j', password: TEST_PASSWORD, database: 'neo4j' });
  return async () => {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
