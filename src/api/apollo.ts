/** Apollo Server with its limits (GraphQL Armor), error mapping and landing page. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../config/env.ts';
import type { RequestContext } from './context.ts';
import { costLimitPlugin } from './cost-limit.ts';
import { createErrorFormatter } from './errors.ts';
import { readTransactionPlugin } from './read-transaction.ts';
import { responseSizeLimitPlugin } from './response-limit.ts';
import { loadTypeDefs, resolvers } from './schema.ts';
import { SHOWCASE_OPERATION } from './showcase.ts';

export function createApolloServer(config: Config, extraPlugins: ApolloServerPlugin<RequestContext>[] = []) {
  const { limits } = config.graphql;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    // graphql-js's own parser limit (parseOptions below) fails as a 400; Armor's as a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's cost limit ignores list sizes; ours (cost-limit.ts) counts them.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !config.graphql.fieldSuggestions },
  }).protect();

  const landingPage = !config.graphql.landingPage
    ? ApolloServerPluginLandingPageDisabled()
    : config.nodeEnv === 'production'
      ? ApolloServerPluginLandingPageProductionDefault({ document: SHOWCASE_OPERATION, footer: false })
      : ApolloServerPluginLandingPageLocalDefault({ embed: true, document: SHOWCASE_OPERATION, includeCookies: false });

  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: config.graphql.introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    csrfPrevention: true,
    // Shutdown order is ours (HTTP, driver, local Neo4j): see src/server/shutdown.ts.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    validationRules: armor.validationRules,
    // Armor's plugins are typed for the base context; they read none of ours.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<RequestContext>[]),
      costLimitPlugin(limits.maxCost),
      responseSizeLimitPlugin(limits.maxResponseBytes),
      readTransactionPlugin,
      landingPage,
      ...extraPlugins,
    ],
    formatError: createErrorFormatter({ exposeDetails: config.nodeEnv === 'development' }),
  });
}
