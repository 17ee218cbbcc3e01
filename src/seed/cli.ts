/**
 * `npm run seed`: validates the annotation files and loads them into the configured Neo4j: the
 * one NEO4J_URI names, else the local Neo4j `npm start` is serving from the same data folder, else
 * a local Neo4j started for the run. Articles in the database but not in the folder are reported,
 * or removed with `-- --prune`. `-- --remove ID` removes an article instead.
 */
import { Command, Option } from 'commander';
import { loadConfig } from '../config/env.ts';
import { createLogger } from '../config/logger.ts';
import { openDatabase } from '../db/database.ts';
import { removeArticle } from './writer.ts';
import { DEFAULT_SEED_DIR, listAnnotationFiles, loadArticles, validateFiles } from './load.ts';
import { mirrorFolder } from './mirror.ts';

const program = new Command('seed')
  .description('Validate annotation files and load them into Neo4j (idempotent; unchanged articles are skipped).')
  .option('--dir <folder>', 'folder of annotation files', DEFAULT_SEED_DIR)
  .option('--check', 'validate only; do not connect to Neo4j', false)
  .option('--force', 'rewrite articles even when unchanged', false)
  .option('--remove <article-id>', 'remove this article and what only it said, instead of loading')
  .addOption(
    new Option('--prune', 'also remove every article in the database that is not in the folder').default(false).conflicts(['check', 'remove']),
  )
  .parse();

const options = program.opts<{ dir: string; check: boolean; force: boolean; remove?: string; prune: boolean }>();
const config = loadConfig();
const log = createLogger(config);

try {
  if (options.remove !== undefined) {
    const database = await openDatabase(config.neo4j, log, { attachToRunning: true });
    try {
      if (!(await removeArticle(database.driver, database.name, options.remove))) {
        throw new Error(`No article "${options.remove}" in the database`);
      }
      log.info({ article: options.remove }, 'Article removed');
    } finally {
      await database.close();
    }
  } else {
    const files = await listAnnotationFiles(options.dir);
    if (files.length === 0) throw new Error(`No annotation files (*.json) in ${options.dir}`);
    const { articles, background } = await validateFiles(files);
    for (const { file, notes } of articles) for (const note of notes) log.warn({ file, path: note.path }, note.message);
    log.info({ files: files.length }, 'Annotation files are valid');
    if (!options.check) {
      const database = await openDatabase(config.neo4j, log, { attachToRunning: true });
      try {
        await mirrorFolder(database, options.dir, articles, { prune: options.prune, timeoutMs: config.neo4j.queryTimeoutMs }, log);
        const report = await loadArticles(database.driver, database.name, articles, { force: options.force, background });
        log.info({ written: report.written.length, unchanged: report.unchanged.length }, 'Seed loaded');
      } finally {
        await database.close();
      }
    }
  }
} catch (error) {
  log.error((error as Error).message);
  process.exitCode = 1;
}
