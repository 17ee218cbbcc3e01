/**
 * Writes a deterministic synthetic corpus of annotated articles (`<id>.txt` + `<id>.json` pairs
 * that pass `readAnnotationFile`), one article at a time.
 *
 *   tsx bench/generate.ts --articles 1000 [--seed 42] [--out bench/.corpus/n1000] [--check]
 *
 * Files of an earlier, larger run in the output folder (`synthetic-NNNNNN.json|txt` beyond N) are
 * removed and the rest overwritten, so the folder holds exactly this corpus; other files are left alone.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { annotationJson, DEFAULT_SEED, generateCorpus } from './corpus.ts';
import { validateAnnotation } from '../src/seed/validate.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const GENERATED_FILE = /^synthetic-(\d{6,})\.(json|txt)$/;

function integer(minimum: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < minimum) {
      throw new InvalidArgumentError(`must be an integer of at least ${minimum}`);
    }
    return parsed;
  };
}

const program = new Command('generate')
  .description('Write a deterministic synthetic corpus of annotated news articles.')
  .requiredOption('--articles <n>', 'number of articles', integer(1))
  .option('--seed <s>', 'PRNG seed', integer(0), DEFAULT_SEED)
  .option('--out <dir>', 'output folder (default: bench/.corpus/n<N>)')
  .option('--check', 'also validate every article in memory as it is written (slower)', false)
  .parse();

const options = program.opts<{ articles: number; seed: number; out?: string; check: boolean }>();
const out = path.resolve(options.out ?? path.join(BENCH_DIR, '.corpus', `n${options.articles}`));

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

const started = performance.now();
mkdirSync(out, { recursive: true });
// Files of a larger earlier run would not be overwritten: remove them.
for (const name of readdirSync(out)) {
  const match = GENERATED_FILE.exec(name);
  if (match && Number(match[1]) > options.articles) rmSync(path.join(out, name));
}

const totals = { files: 0, entities: 0, relations: 0, figures: 0, claims: 0, deployments: 0, bytes: 0 };
const distinctEntities = new Set<string>();
for (const article of generateCorpus({ articles: options.articles, seed: options.seed })) {
  const json = annotationJson(article);
  const file = path.join(out, `${article.id}.json`);
  if (options.check) validateAnnotation(file, JSON.parse(json), article.text);
  writeFileSync(path.join(out, `${article.id}.txt`), article.text);
  writeFileSync(file, json);
  const { annotation } = article;
  totals.files += 2;
  totals.entities += annotation.entities.length;
  totals.relations += annotation.relations.length;
  totals.figures += annotation.figures.length;
  totals.claims += annotation.claims.length;
  totals.deployments += annotation.deployments.length;
  totals.bytes += Buffer.byteLength(article.text) + Buffer.byteLength(json);
  for (const entity of annotation.entities) distinctEntities.add(entity.id);
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `generated ${options.articles} articles (seed ${options.seed}) in ${displayPath(out)}: ` +
    `files=${totals.files} entities=${totals.entities} distinctEntities=${distinctEntities.size} ` +
    `relations=${totals.relations} figures=${totals.figures} claims=${totals.claims} ` +
    `deployments=${totals.deployments} megabytes=${(totals.bytes / 1e6).toFixed(1)} seconds=${seconds.toFixed(2)}`,
);
