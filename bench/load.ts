/**
 * Load throughput of the real seed loader on a generated corpus.
 *
 *   node --import tsx bench/load.ts --articles 1000 [--seed 42] [--profile]
 *
 * Generates the corpus (or reuses `bench/.corpus/n<N>`), starts a throwaway local Neo4j in a
 * temporary folder (or uses NEO4J_URI), loads the corpus with `validateFiles` + `loadArticles`, and
 * prints articles/s, entities/s and relationships/s. `--profile` also adds up the server-side time
 * of every statement the loader sends, grouped by statement, to show which one dominates. Results are saved under
 * `bench/results/load-corpus-<timestamp>.json`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_SEED } from './corpus.ts';
import { BENCH_DIR, ensureCorpus, loadCorpus, openBenchDatabase, progressPrinter } from './database.ts';
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
  .parse()
  .opts<{ articles: number; seed: number; profile: boolean }>();

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
const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-load-'));
try {
  const database = await openBenchDatabase(home);
  try {
    const result = await loadCorpus(database, corpusDir, {
      onProgress: progressPrinter(`loading n=${options.articles}`),
      ...(options.profile ? { observe } : {}),
    });
    const { counts } = result;
    console.log(
      `loaded ${result.articles} articles (${result.written} written, ${result.unchanged} unchanged) in ${result.loadSeconds.toFixed(1)} s ` +
        `(+${result.validateSeconds.toFixed(1)} s validation): ${result.articlesPerSecond.toFixed(1)} articles/s, ` +
        `${result.entitiesPerSecond.toFixed(0)} entities/s, ${result.relationshipsPerSecond.toFixed(0)} relationships/s; ` +
        `graph: ${counts.nodes} nodes (${counts.entities} entities), ${counts.relationships} relationships`,
    );
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
    writeFileSync(file, `${JSON.stringify({ machine: machine(), seed: options.seed, ...result, ...(options.profile ? { profile } : {}) }, null, 2)}\n`);
    console.log(`saved ${path.relative(process.cwd(), file)}`);
  } finally {
    await database.close();
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
