/**
 * Where an operation's time goes in the database: runs each benchmark operation once through our
 * API in-process, every query under PROFILE, and prints its db hits, rows and time, beside the
 * raw handler's hand-written Cypher for the same operation.
 *
 *   node --import tsx bench/profile.ts [--articles 10000] [--operations figures,timeline]
 */
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { createApolloServer } from '../src/api/apollo.ts';
import { createRequestContext } from '../src/api/context.ts';
import { loadConfig } from '../src/config/env.ts';
import type { QueryProfile } from '../src/graph/reader.ts';
import { openLoadedDatabase } from './database.ts';
import { OPERATIONS, pickParameters } from './operations.ts';

const options = new Command()
  .option('--articles <n>', 'graph size in articles', (value) => Number.parseInt(value, 10), 10_000)
  .option('--operations <list>', 'only these operations', (value) => value.split(','))
  .option('--repeat <n>', 'also time N unprofiled runs of ours and of the raw Cypher (run under --cpu-prof to see where ours spends them)', (value) => Number.parseInt(value, 10), 0)
  .parse()
  .opts<{ articles: number; operations?: string[]; repeat: number }>();

const { database } = await openLoadedDatabase(options.articles);
try {
  const parameters = await pickParameters(database.driver, database.name);
  const apollo = createApolloServer(loadConfig({ NODE_ENV: 'production', MAX_COST: '100000000', NEO4J_URI: 'bolt://unused:7687', NEO4J_PASSWORD: 'unused-password' }));
  await apollo.start();
  const oneLine = (cypher: string) => cypher.replace(/\s+/g, ' ').trim().slice(0, 110);
  for (const operation of OPERATIONS.filter((candidate) => !options.operations || options.operations.includes(candidate.name))) {
    for (let run = 0; run < 2; run++) {
      // The first run warms the page cache and the query plans; the second is printed.
      const profiles: QueryProfile[] = [];
      const contextValue = createRequestContext({
        driver: database.driver,
        database: database.name,
        queryTimeoutMs: 60_000,
        onProfile: (profile) => profiles.push(profile),
      });
      const started = performance.now();
      await apollo.executeOperation({ query: operation.ours.query, variables: operation.ours.variables(parameters) }, { contextValue });
      const total = performance.now() - started;
      const raw = await database.driver.executeQuery(`PROFILE ${operation.raw.cypher}`, operation.raw.parameters(parameters), {
        database: database.name,
        routing: neo4j.routing.READ,
      });
      if (run === 0) continue;
      const rawPlan = raw.summary.profile;
      const hits = (plan: typeof rawPlan): number => (plan ? plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0) : 0);
      console.log(`\n${operation.name} at N=${options.articles}: ours ${total.toFixed(1)} ms in ${profiles.length} queries; raw ${hits(rawPlan)} db hits`);
      for (const profile of profiles) {
        console.log(`  ${profile.dbHits.toString().padStart(9)} db hits ${profile.rows.toString().padStart(4)} rows ${profile.ms.toFixed(1).padStart(8)} ms  ${oneLine(profile.cypher)}`);
      }
    }
    if (options.repeat > 0) {
      const mean = async (action: () => Promise<unknown>) => {
        const started = performance.now();
        for (let run = 0; run < options.repeat; run++) await action();
        return (performance.now() - started) / options.repeat;
      };
      const ours = await mean(() =>
        apollo.executeOperation(
          { query: operation.ours.query, variables: operation.ours.variables(parameters) },
          { contextValue: createRequestContext({ driver: database.driver, database: database.name, queryTimeoutMs: 60_000 }) },
        ),
      );
      const raw = await mean(() =>
        database.driver.executeQuery(operation.raw.cypher, operation.raw.parameters(parameters), { database: database.name, routing: neo4j.routing.READ }),
      );
      console.log(`  ${options.repeat} runs, one at a time: ours ${ours.toFixed(1)} ms, raw Cypher ${raw.toFixed(1)} ms`);
    }
  }
  await apollo.stop();
} finally {
  await database.close();
}
