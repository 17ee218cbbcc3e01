/**
 * The one place that reads `process.env`: every setting is validated once, at start,
 * and the rest of the code receives a typed, frozen `Config`.
 */
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)')
      .optional(),
    NEO4J_USERNAME: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(8, 'must have at least 8 characters').default('local-neo4j-password'),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
    NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    SEED_ON_START: booleanFlag.default(true),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    GRAPHQL_LANDING_PAGE: booleanFlag.optional(),
    CORS_ORIGINS: z.string().default('https://studio.apollographql.com'),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(100_000),
    MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(8),
    MAX_ALIASES: z.coerce.number().int().positive().default(30),
    MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
    MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
    MAX_COST: z.coerce.number().int().positive().default(50_000),
    MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(5_000_000),
  })
  .transform((env) => {
    const development = env.NODE_ENV !== 'production';
    return {
      nodeEnv: env.NODE_ENV,
      http: {
        host: env.HOST,
        port: env.PORT,
        corsOrigins: env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
        maxBodyBytes: env.MAX_BODY_BYTES,
      },
      logLevel: env.LOG_LEVEL,
      neo4j: {
        /** Unset: start the local Neo4j from `neo4j/`. */
        uri: env.NEO4J_URI,
        username: env.NEO4J_USERNAME,
        password: env.NEO4J_PASSWORD,
        database: env.NEO4J_DATABASE,
        dataDir: env.NEO4J_DATA_DIR,
        startTimeoutMs: env.NEO4J_START_TIMEOUT_MS,
        queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
      },
      seedOnStart: env.SEED_ON_START,
      graphql: {
        introspection: env.GRAPHQL_INTROSPECTION ?? development,
        landingPage: env.GRAPHQL_LANDING_PAGE ?? development,
        /** Field suggestions leak the schema, so they follow introspection. */
        fieldSuggestions: env.GRAPHQL_INTROSPECTION ?? development,
        limits: {
          maxDepth: env.MAX_QUERY_DEPTH,
          maxAliases: env.MAX_ALIASES,
          maxTokens: env.MAX_TOKENS,
          maxDirectives: env.MAX_DIRECTIVES,
          maxCost: env.MAX_COST,
          maxResponseBytes: env.MAX_RESPONSE_BYTES,
        },
      },
    };
  });

export type Config = z.output<typeof environmentSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; throws a `ConfigError` naming every bad variable and its value. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(environment[name])}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}
