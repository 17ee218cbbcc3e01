/**
 * Loads every annotation file in a folder: validates them all first and writes nothing if any
 * is wrong; then writes the articles in batches, one transaction per batch. A batch that fails is
 * written again one article per transaction, so the error names the article that fails and every
 * article before it is committed; a second run skips those (their hash is unchanged).
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRetryableError, Neo4jError, type Driver } from 'neo4j-driver';
import type { Background } from './annotation.ts';
import { findIdentityConflicts, syncBackground, upgradeStoredGraph, writeArticles, type WriteOutcome } from './writer.ts';
import {
  checkUniqueArticleIds,
  BACKGROUND_FILE,
  collectDeclarations,
  collectFacts,
  parseAnnotationFile,
  readBackground,
  readRegistry,
  REGISTRY_FILE,
  resolveArticle,
  type KnownEntities,
  type KnownFacts,
  type ValidatedArticle,
} from './validate.ts';
import { checkLookAlikes } from './look-alikes.ts';

export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

/** Articles per transaction: large enough to amortize each statement, small enough to keep transactions short. */
export const DEFAULT_BATCH_SIZE = 250;

/** Where `npm run annotate -- draft` writes: beside the text, and not loaded until renamed after review. */
export const DRAFT_SUFFIX = '.draft.json';

/** The annotation files of a folder, drafts excepted. */
export async function listAnnotationFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.endsWith(DRAFT_SUFFIX)).sort();
  return names.map((name) => path.join(dir, name));
}

export interface ValidatedSeed {
  articles: ValidatedArticle[];
  /** The folders' background facts, together; null when no folder has a background file (the graph's stay). */
  background: Background | null;
}

/**
 * Reads and validates every file, with the registry and background file of each folder; throws
 * the first file's `AnnotationError` before anything is written.
 */
export async function validateFiles(files: string[]): Promise<ValidatedSeed> {
  const known: KnownEntities = new Map();
  const dirs = [...new Set(files.map((file) => path.dirname(file)))];
  for (const dir of dirs) {
    for (const [id, entry] of await readRegistry(path.join(dir, REGISTRY_FILE))) known.set(id, entry);
  }
  const parsed = [];
  for (const file of files) parsed.push(await parseAnnotationFile(file));
  checkUniqueArticleIds(parsed);
  collectDeclarations(parsed.map(({ file, input }) => ({ file, entities: input.entities })), known);
  const facts: KnownFacts = new Map();
  collectFacts(parsed, facts);
  const articles = parsed.map((article) => resolveArticle(article, known, facts));
  checkLookAlikes(articles);
  let background: Background | null = null;
  for (const dir of dirs) {
    const facts = await readBackground(path.join(dir, BACKGROUND_FILE), known);
    if (facts === null) continue;
    background ??= { entities: [], relations: [] };
    background.entities.push(...facts.entities);
    background.relations.push(...facts.relations);
  }
  return { articles, background };
}

export interface LoadReport {
  written: string[];
  unchanged: string[];
}

/** The collections whose ids are global (a uniqueness constraint each), by their node label. */
/**
 * What a database error during a load means to the person running it: what went wrong, where in
 * the annotation when that can be told, and whether running the load again helps.
 */
export function explainDatabaseError(error: unknown): string {
  const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (!(error instanceof Neo4jError)) return `${firstLine}; running the load again will most likely fail the same way (not a database error)`;
  if (isRetryableError(error) || error.code.startsWith('Neo.TransientError.')) {
    return `the database was unavailable or busy (${error.code}: ${firstLine}); running the load again once it answers resumes after what was committed`;
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return `the database refused a duplicate (${firstLine}); running the load again fails the same way until the annotation changes`;
  }
  return `the database refused the write (${error.code}: ${firstLine}); running the load again will most likely fail the same way: see the database's log`;
}

/** A write that failed: which article, in which file, what went wrong and what the run had committed before it. */
export class LoadError extends Error {
  readonly articleId: string;
  readonly file: string;
  constructor(
    article: ValidatedArticle,
    readonly committed: LoadReport,
    cause: unknown,
  ) {
    const listed = committed.written.length > 0 ? ` (${committed.written.slice(0, 20).join(', ')}${committed.written.length > 20 ? ', …' : ''})` : '';
    super(
      `Writing article "${article.annotation.article.id}" (${article.file}) failed: ${explainDatabaseError(cause)}\n` +
        `  committed before it: ${committed.written.length} written, ${committed.unchanged.length} unchanged${listed}`,
      { cause },
    );
    this.name = 'LoadError';
    this.articleId = article.annotation.article.id;
    this.file = article.file;
  }
}

/** What makes an article "unchanged": its resolved annotation and its text. */
export function articleHash({ annotation, text }: ValidatedArticle): string {
  return createHash('sha256').update(JSON.stringify(annotation)).update(text).digest('hex');
}

export async function loadArticles(
  driver: Driver,
  database: string,
  articles: ValidatedArticle[],
  options: {
    force?: boolean;
    batchSize?: number;
    onArticle?: (id: string, outcome: WriteOutcome) => void;
    /** Background facts to keep the graph in step with (validated with the articles); absent: left as they are. */
    background?: Background | null;
  } = {},
): Promise<LoadReport> {
  const report: LoadReport = { written: [], unchanged: [] };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const record = (batch: ValidatedArticle[], outcomes: WriteOutcome[]) =>
    batch.forEach(({ annotation }, index) => {
      const outcome = outcomes[index]!;
      report[outcome].push(annotation.article.id);
      options.onArticle?.(annotation.article.id, outcome);
    });

  const toWrite = (batch: ValidatedArticle[]) =>
    batch.map((article) => ({ annotation: article.annotation, text: article.text, hash: articleHash(article) }));
  const write = (batch: ValidatedArticle[]) => writeArticles(driver, database, toWrite(batch), options);
  const beforeWriting = async <T>(step: Promise<T>): Promise<T> =>
    step.catch((error: unknown) => {
      throw new Error(`Nothing was written: ${explainDatabaseError(error)}`, { cause: error });
    });
  const conflicts = await beforeWriting(findIdentityConflicts(driver, database, toWrite(articles)));
  if (conflicts.length > 0) {
    throw new Error(
      'Nothing was written: these entities or facts are declared differently in the database, by articles not in this run:\n' +
        conflicts
          .map(({ entityId, field, stored, declared, articleIds }) =>
            `  "${entityId}": ${field} ${JSON.stringify(declared)} here, ${JSON.stringify(stored)} as stored for ${articleIds.join(', ')}`)
          .join('\n') +
        '\nLoad those articles together with these (one folder), or make the declarations agree.',
    );
  }

  await beforeWriting(upgradeStoredGraph(driver, database));
  if (options.background) await beforeWriting(syncBackground(driver, database, options.background));
  for (let start = 0; start < articles.length; start += batchSize) {
    const batch = articles.slice(start, start + batchSize);
    try {
      record(batch, await write(batch));
    } catch (batchError) {
      if (batch.length === 1) throw new LoadError(batch[0]!, report, batchError);
      // Find the article that fails: write the batch one article per transaction.
      for (const article of batch) {
        try {
          record([article], await write([article]));
        } catch (error) {
          throw new LoadError(article, report, error);
        }
      }
    }
  }
  return report;
}
