import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import * as operations from './examples/generated/graphql.ts';
import { loadConfig } from './src/config/env.ts';
import { createLogger } from './src/config/logger.ts';
import { openDatabase } from './src/db/database.ts';
import { startHttpServer } from './src/server/http.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from './src/seed/load.ts';
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0', NEO4J_URI: process.env.NEO4J_URI, NEO4J_PASSWORD: 'test-neo4j-password', PERSISTED_DOCUMENTS_ONLY: 'true', RATE_LIMIT_COST: '1000000000', NEO4J_QUERY_TIMEOUT_MS: '30000' });
const log = createLogger({ logLevel: 'warn', nodeEnv: 'production' });
const database = await openDatabase(config.neo4j, log);
const { articles, background } = await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR));
await loadArticles(database.driver, database.name, articles, { background });
const server = await startHttpServer(config, database, log);
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const http = new HttpLink({ uri: `http://127.0.0.1:${server.port}/graphql`, fetch: async (i, init) => { const t = performance.now(); const r = await fetch(i, init); console.log('  ', r.status, Math.round(performance.now() - t), 'ms', String(init?.body).slice(0, 80)); return r; } });
const client = new ApolloClient({ link: createPersistedQueryLink({ sha256 }).concat(http), cache: new InMemoryCache() });
for (const [name, doc] of Object.entries(operations).filter(([n]) => n.endsWith('Document'))) {
  console.log(name);
  try { const r = await client.query({ query: doc as any, fetchPolicy: 'network-only' }); console.log('  ok', JSON.stringify(r.data).slice(0, 100)); } catch (e) { console.log('  ERR', (e as any).bodyText ?? e); }
}
await server.stop(); await database.close();
