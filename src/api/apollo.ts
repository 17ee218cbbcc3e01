/** Apollo Server with its limits (GraphQL Armor, cost, fairness), cache policy, error mapping and landing page. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Config } from '../config/env.ts';
import { cachePolicyPlugin } from './cache-policy.ts';
import type { RequestContext } from './context.ts';
import { costLimitPlugin } from './cost-limit.ts';
import { createErrorFormatter, ErrorCode } from './errors.ts';
import type { FairnessContext } from './fairness.ts';
import { readTransactionPlugin } from './read-transaction.ts';
import { responseSizeLimitPlugin } from './response-limit.ts';
import { loadTypeDefs, resolvers } from './schema.ts';
import { SHOWCASE_OPERATION } from './showcase.ts';

/** What the HTTP layer adds to the resolvers' context. */
export type ApiContext = RequestContext & FairnessContext;

/** Armor's limits report as validation errors with a plain reason (its own begin "Syntax Error:"). */
const reportLimit = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes })),
  ],
};

/** The API is read-only: mutations and subscriptions are refused before anything runs. */
const readOnlyPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (!operation || operation.operation === 'query') return;
        throw new GraphQLError(`This API is read-only and answers queries only; a ${operation.operation} cannot run here.`, {
          extensions: { code: ErrorCode.READ_ONLY, http: { status: 400 } },
        });
      },
    };
  },
};

/** `apqCache`: where APQ registrations live (`src/api/shared-state.ts`); unset, Apollo's in-process cache. */
export function createApolloServer(config: Config, extraPlugins: ApolloServerPlugin<ApiContext>[] = [], apqCache?: KeyValueCache<string>) {
  const { limits } = config.graphql;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportLimit },
    maxAliases: { n: limits.maxAliases, ...reportLimit },
    // graphql-js's own parser limit (parseOptions below) fails as a 400; Armor's as a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...reportLimit },
    // Armor's cost limit ignores list sizes; ours (cost-limit.ts) counts them.
    costLimit: { enabled: false },
    // Suggestions are removed from every message by the error formatter instead.
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const landingPage = !config.graphql.landingPage
    ? ApolloServerPluginLandingPageDisabled()
    : config.nodeEnv === 'production'
      ? ApolloServerPluginLandingPageProductionDefault({ document: SHOWCASE_OPERATION, footer: false })
      : ApolloServerPluginLandingPageLocalDefault({ embed: true, document: SHOWCASE_OPERATION, includeCookies: false });

  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: config.graphql.introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    csrfPrevention: true,
    // Shutdown order is ours (HTTP, driver, local Neo4j): see src/server/shutdown.ts.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: apqCache },
    includeStacktraceInErrorResponses: config.graphql.debug,
    validationRules: armor.validationRules,
    // Armor's plugins are typed for the base context; they read none of ours.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<ApiContext>[]),
      readOnlyPlugin,
      // Records each operation's cost, for the fairness plugin among the extra ones to charge.
      costLimitPlugin(limits.maxCost),
      responseSizeLimitPlugin(limits.maxResponseBytes),
      // After the size limit, so a response it replaces with an error gets no-store. It replaces
      // Apollo's own plugin, which would run a hook on every field.
      cachePolicyPlugin(config.graphql.caching.defaultMaxAgeSeconds),
      ApolloServerPluginCacheControlDisabled(),
      readTransactionPlugin,
      landingPage,
      ...extraPlugins,
    ],
    formatError: createErrorFormatter({ debug: config.graphql.debug, hideSuggestions: !config.graphql.fieldSuggestions }),
  });
}
