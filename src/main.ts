/**
 * `npm start`: configuration, the HTTP port, the database, the seed, then the API on that port;
 * a clean stop on signals; exit code 1 when the local Neo4j dies and cannot be restarted. The
 * data folder and the port are checked before Neo4j starts, so their mistakes are reported at
 * once rather than after the database's start-up.
 */
import { loadConfig } from './config/env.ts';
import { createLogger } from './config/logger.ts';
import { openDatabase } from './db/database.ts';
import { prepareDataDir } from './db/local-neo4j.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from './seed/load.ts';
import { mirrorFolder } from './seed/mirror.ts';
import { claimPort, serveApi } from './server/http.ts';
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
  if (!config.neo4j.uri) prepareDataDir(config.neo4j.dataDir);
  const claimed = await claimPort(config);
  try {
    const database = await openDatabase(config.neo4j, log, {
      // Without its database the API is of no use: exit non-zero, so the supervisor of `npm start` restarts it.
      onLocalNeo4jLost: (reason) => {
        log.fatal(reason);
        log.flush();
        process.exit(1);
      },
    });
    try {
      if (config.seedOnStart) {
        const { articles, background } = await validateFiles(await listAnnotationFiles(DEFAULT_SEED_DIR));
        await mirrorFolder(database, DEFAULT_SEED_DIR, articles, { prune: false, timeoutMs: config.neo4j.queryTimeoutMs }, log);
        const report = await loadArticles(database.driver, database.name, articles, { background });
        log.info({ written: report.written.length, unchanged: report.unchanged.length }, 'Seed loaded');
      }
      const server = await serveApi(claimed, config, database, log);
      stopOnSignals({ server, database, log, requestDeadlineMs: config.http.requestDeadlineMs });
      if (config.graphql.landingPage) log.info(`Open ${server.url} for Apollo Sandbox`);
    } catch (error) {
      await database.close();
      throw error;
    }
  } catch (error) {
    await claimed.close();
    throw error;
  }
} catch (error) {
  log.fatal((error as Error).message);
  log.flush();
  process.exitCode = 1;
}
