/**
 * Load throughput of the real seed loader on a generated corpus.
 *
 *   node --import tsx bench/load.ts --articles 1000 [--seed 42] [--profile] [--no-baseline]
 *
 * Generates the corpus (or reuses `bench/.corpus/n<N>`), starts a throwaway local Neo4j in a
 * temporary folder (or uses NEO4J_URI), loads the corpus with `validateFiles` + `loadArticles`, and
 * prints articles/s, entities/s and relationships/s. Then, in its own fresh Neo4j, the same corpus
 * goes through the baseline loader (one article per transaction, `bench/baseline/`), so one run
 * compares both on the same machine. `--profile` also adds up the server-side time
 * of every statement the loader sends, grouped by statement, to show which one dominates. Results are saved under
 * `bench/results/load-corpus-<timestamp>.json`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_SEED } from './corpus.ts';
import { articleHash, DEFAULT_BATCH_SIZE, type LoadReport } from '../src/seed/load.ts';
import { writeArticle as writeBaselineArticle } from './baseline/article-writer.ts';
import { BENCH_DIR, ensureCorpus, loadCorpus, openBenchDatabase, progressPrinter, type LoadResult, type Loader } from './database.ts';
import { machine } from './machine.ts';
import { formatTable } from './report.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

const options = new Command('bench:load-corpus')
  .description('Measure how fast the seed loader writes a generated corpus into Neo4j.')
  .requiredOption('--articles <n>', 'number of articles', positiveInteger)
  .option('--seed <s>', 'PRNG seed', positiveInteger, DEFAULT_SEED)
  .option('--profile', 'time every statement the loader sends', false)
  .option('--no-baseline', 'skip the baseline loader')
  .option('--baseline-articles <n>', 'give the baseline only the first n articles (it is much slower)', positiveInteger)
  .parse()
  .opts<{ articles: number; seed: number; profile: boolean; baseline: boolean; baselineArticles?: number }>();

/** The loader before batching: one article per transaction. */
const baselineLoader: Loader = async (driver, database, articles, { onArticle }) => {
  const report: LoadReport = { written: [], unchanged: [] };
  for (const article of articles.slice(0, options.baselineArticles ?? articles.length)) {
    const outcome = await writeBaselineArticle(driver, database, { annotation: article.annotation, text: article.text, hash: articleHash(article) });
    report[outcome].push(article.annotation.article.id);
    onArticle();
  }
  return report;
};

/** CPU seconds a process has used so far (user + system), from /proc; null where there is none. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Loads the corpus into a fresh Neo4j with the given loader. Besides wall-clock rates it records
 * the CPU seconds Neo4j and the loader process used: on a machine shared with other work the
 * wall clock mostly measures the others, CPU time much less so.
 */
async function measure(label: string, loader?: Loader) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-load-'));
  try {
    const database = await openBenchDatabase(home);
    try {
      const neo4jPid = process.env.NEO4J_URI ? null : Number(readFileSync(path.join(home, 'launcher.pid'), 'utf8'));
      const neo4jBefore = neo4jPid ? processCpuSeconds(neo4jPid) : null;
      const loaderBefore = process.cpuUsage();
      const result = await loadCorpus(database, corpusDir, {
        onProgress: progressPrinter(`${label} n=${options.articles}`),
        ...(options.profile && !loader ? { observe } : {}),
        ...(loader ? { loader } : {}),
      });
      const loaderCpu = process.cpuUsage(loaderBefore);
      const neo4jAfter = neo4jPid ? processCpuSeconds(neo4jPid) : null;
      const cpu = {
        neo4jSeconds: neo4jBefore !== null && neo4jAfter !== null ? neo4jAfter - neo4jBefore : null,
        /** Includes validating the corpus. */
        loaderSeconds: (loaderCpu.user + loaderCpu.system) / 1e6,
      };
      return { ...result, cpu };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const summary = (result: LoadResult & { cpu: { neo4jSeconds: number | null; loaderSeconds: number } }) =>
  `loaded ${result.articles} articles (${result.written} written, ${result.unchanged} unchanged) in ${result.loadSeconds.toFixed(1)} s ` +
  `(+${result.validateSeconds.toFixed(1)} s validation): ${result.articlesPerSecond.toFixed(1)} articles/s, ` +
  `${result.entitiesPerSecond.toFixed(0)} entities/s, ${result.relationshipsPerSecond.toFixed(0)} relationships/s; ` +
  `graph: ${result.counts.nodes} nodes (${result.counts.entities} entities), ${result.counts.relationships} relationships; ` +
  `CPU: Neo4j ${result.cpu.neo4jSeconds?.toFixed(1) ?? '?'} s, loader ${result.cpu.loaderSeconds.toFixed(1)} s (with validation)` +
  (result.cpu.neo4jSeconds ? `, ${(result.articles / result.cpu.neo4jSeconds).toFixed(0)} articles per Neo4j CPU-second` : '');

/** A statement's label: its first 90 characters with whitespace collapsed. */
const statementLabel = (cypher: string) => cypher.replace(/\s+/g, ' ').trim().slice(0, 90);

const statements = new Map<string, { calls: number; milliseconds: number }>();
/** Server-side time: the writer pipelines its statements, so their wall-clock times overlap. */
const observe = (cypher: string, _milliseconds: number, serverMilliseconds: number | null) => {
  const entry = statements.get(statementLabel(cypher)) ?? { calls: 0, milliseconds: 0 };
  entry.calls += 1;
  entry.milliseconds += serverMilliseconds ?? 0;
  statements.set(statementLabel(cypher), entry);
};

const corpusDir = await ensureCorpus(options.articles, options.seed);
const result = await measure('batched loader');
console.log(`batched (${DEFAULT_BATCH_SIZE} articles per transaction): ${summary(result)}`);
const profile = [...statements]
  .map(([statement, { calls, milliseconds }]) => ({ statement, calls, milliseconds }))
  .sort((a, b) => b.milliseconds - a.milliseconds);
if (options.profile) {
  const total = profile.reduce((sum, entry) => sum + entry.milliseconds, 0);
  console.log(
    formatTable(
      ['statement', 'calls', 'server s', 'share', 'avg ms'],
      profile.map(({ statement, calls, milliseconds }) => [
        statement,
        String(calls),
        (milliseconds / 1000).toFixed(1),
        `${((100 * milliseconds) / total).toFixed(1)}%`,
        (milliseconds / calls).toFixed(2),
      ]),
    ),
  );
}
const resultsDir = path.join(BENCH_DIR, 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `load-corpus-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const save = (baseline: Awaited<ReturnType<typeof measure>> | null) =>
  writeFileSync(
    file,
    `${JSON.stringify({ machine: machine(), seed: options.seed, batchSize: DEFAULT_BATCH_SIZE, ...result, ...(baseline ? { baseline } : {}), ...(options.profile ? { profile } : {}) }, null, 2)}\n`,
  );
// Saved before the (much slower) baseline runs, then again with it.
save(null);
console.log(`saved ${path.relative(process.cwd(), file)}`);
if (options.baseline) {
  const baseline = await measure('baseline loader', baselineLoader);
  console.log(`baseline (one article per transaction): ${summary(baseline)}`);
  const perCpu = (run: typeof result) => (run.cpu.neo4jSeconds ? run.articles / run.cpu.neo4jSeconds : NaN);
  console.log(
    `speed-up: ${(result.articlesPerSecond / baseline.articlesPerSecond).toFixed(1)}x wall-clock, ` +
      `${(perCpu(result) / perCpu(baseline)).toFixed(1)}x per Neo4j CPU-second` +
      (baseline.articles === result.articles ? `; same graph size: ${JSON.stringify(baseline.counts) === JSON.stringify(result.counts)}` : ` (baseline on the first ${baseline.articles} articles only)`),
  );
  save(baseline);
}
