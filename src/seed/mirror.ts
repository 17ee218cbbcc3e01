/**
 * The graph as a mirror of the folder it is loaded from. An article the graph holds whose
 * annotation file is not in that folder (deleted, or loaded from another folder) is never removed
 * silently: a load names it and says what to run, and only `npm run seed -- --prune` removes it.
 */
import path from 'node:path';
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/database.ts';
import { removeArticle } from './writer.ts';
import { storedArticleIds } from '../graph/articles.ts';
import { GraphReader } from '../graph/reader.ts';
import { DEFAULT_SEED_DIR } from './load.ts';
import type { ValidatedArticle } from './validate.ts';

/** The ids of the graph's articles that `folderArticles` (the folder's, validated) does not hold. */
async function articlesNotInFolder(
  database: Database,
  timeoutMs: number,
  folderArticles: readonly ValidatedArticle[],
): Promise<string[]> {
  const reader = new GraphReader(database.driver, database.name, timeoutMs);
  try {
    const inFolder = new Set(folderArticles.map(({ annotation }) => annotation.article.id));
    return (await storedArticleIds(reader)).filter((id) => !inFolder.has(id));
  } finally {
    await reader.close();
  }
}

/** The seed command that removes them: `--dir` only when the folder is not `seed/`. */
function pruneCommand(folder: string): string {
  const dir = path.resolve(folder) === path.resolve(DEFAULT_SEED_DIR) ? '' : ` --dir ${folder}`;
  return `npm run seed --${dir} --prune`;
}

const MOST_IDS_NAMED = 20;

/**
 * Compares the graph with the folder being loaded: articles missing from the folder are removed
 * when `prune` is set (each with its facts, as `--remove` does), and otherwise kept and reported
 * with what to run. Returns their ids.
 */
export async function mirrorFolder(
  database: Database,
  folder: string,
  folderArticles: readonly ValidatedArticle[],
  options: { prune: boolean; timeoutMs: number },
  log: Logger,
): Promise<string[]> {
  const missing = await articlesNotInFolder(database, options.timeoutMs, folderArticles);
  if (missing.length === 0) return missing;
  if (options.prune) {
    for (const id of missing) {
      await removeArticle(database.driver, database.name, id);
      log.info({ article: id }, `Removed article "${id}": it has no annotation file in ${folder}`);
    }
    return missing;
  }
  const named = missing.slice(0, MOST_IDS_NAMED).map((id) => `"${id}"`).join(', ') + (missing.length > MOST_IDS_NAMED ? ', …' : '');
  log.warn(
    { articles: missing, folder },
    `The database holds ${missing.length} article${missing.length === 1 ? '' : 's'} with no annotation file in ${folder}: ${named}. ` +
      `They stay in the graph and the API answers with them; to remove them, run \`${pruneCommand(folder)}\` ` +
      '(or `npm run seed -- --remove ARTICLE_ID` for one).',
  );
  return missing;
}
