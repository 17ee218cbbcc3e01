/** `npm start`: configuration, the database, the seed, then the HTTP API; a clean stop on signals. */
import { loadConfig } from './config/env.ts';
import { createLogger } from './config/logger.ts';
import { openDatabase } from './db/database.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from './seed/load.ts';
import { startHttpServer } from './server/http.ts';
import { stopOnSignals } from './server/shutdown.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const log = createLogger(config);

try {
  const database = await openDatabase(config.neo4j, log);
  try {
    if (config.seedOnStart) {
      const articles = await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR));
      const report = await loadArticles(database.driver, database.name, articles);
      log.info({ written: report.written.length, unchanged: report.unchanged.length }, 'Seed loaded');
    }
    const server = await startHttpServer(config, database, log);
    stopOnSignals({ server, database, log });
    log.info(`Open ${server.url} for Apollo Sandbox; health at ${server.url.replace('/graphql', '/health')}`);
  } catch (error) {
    await database.close();
    throw error;
  }
} catch (error) {
  log.fatal((error as Error).message);
  log.flush();
  process.exitCode = 1;
}
