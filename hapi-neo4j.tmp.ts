import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from './src/config/logger.ts';
import { startLocalNeo4j } from './src/db/local-neo4j.ts';
const home = mkdtempSync(path.join(tmpdir(), 'hapi-neo4j-'));
const neo4j = await startLocalNeo4j({ home, password: 'test-neo4j-password', startTimeoutMs: 300_000, log: createLogger({ logLevel: 'info', nodeEnv: 'test' }) });
console.log('URI', neo4j.uri);
setInterval(() => {}, 1 << 30);
