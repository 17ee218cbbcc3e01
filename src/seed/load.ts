/**
 * Loads every annotation file in a folder: validates them all first and writes nothing if any
 * is wrong; then writes each article in its own transaction.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { writeArticle, type WriteOutcome } from '../graph/article-writer.ts';
import { checkSharedEntities, readAnnotationFile, type ValidatedArticle } from './validate.ts';

export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

export async function listAnnotationFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return names.map((name) => path.join(dir, name));
}

/** Reads and validates every file; throws the first file's `AnnotationError` before anything is written. */
export async function validateFiles(files: string[]): Promise<ValidatedArticle[]> {
  const articles: ValidatedArticle[] = [];
  for (const file of files) articles.push(await readAnnotationFile(file));
  checkSharedEntities(articles);
  return articles;
}

export interface LoadReport {
  written: string[];
  unchanged: string[];
}

export async function loadArticles(
  driver: Driver,
  database: string,
  articles: ValidatedArticle[],
  options: { force?: boolean; onArticle?: (id: string, outcome: WriteOutcome) => void } = {},
): Promise<LoadReport> {
  const report: LoadReport = { written: [], unchanged: [] };
  for (const { annotation, text } of articles) {
    const hash = createHash('sha256').update(JSON.stringify(annotation)).update(text).digest('hex');
    const outcome = await writeArticle(driver, database, { annotation, text, hash }, options);
    report[outcome].push(annotation.article.id);
    options.onArticle?.(annotation.article.id, outcome);
  }
  return report;
}
