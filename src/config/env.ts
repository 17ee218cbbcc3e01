/**
 * The one place that reads `process.env`: every setting is validated once, at start,
 * and the rest of the code receives a typed, frozen `Config`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `*`, or comma-separated origins exactly as browsers send them (`scheme://host[:port]`, no path). */
const corsOrigins = z.string().transform((value, context): '*' | string[] => {
  const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.length === 1 && origins[0] === '*') return '*';
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // Reported below.
    }
    if (!parsed || parsed.origin !== origin) {
      context.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin; write scheme://host[:port] without a path or trailing slash (e.g. http://localhost:5173), or * alone for any origin`,
      });
    }
  }
  return origins;
});

const MB = 1024 * 1024;

/** A memory size as Java and Neo4j write it (`512m`, `2g`), in megabytes. */
const memorySize = (minimumMb: number) =>
  z
    .string()
    .regex(/^[1-9]\d*[mMgG]$/, 'must be a size in megabytes or gigabytes, such as 512m or 2g')
    .transform((size) => Number(size.slice(0, -1)) * (/[gG]$/.test(size) ? 1024 : 1))
    .refine((megabytes) => megabytes >= minimumMb, `must be at least ${minimumMb}m`);

/**
 * The local Neo4j's heap and page cache by default: an eighth of the machine's memory each, at
 * least what a small graph needs and at most 4 GB (Neo4j's own guidance keeps the rest for the OS).
 */
const machineShareMb = (floorMb: number) => Math.min(Math.max(Math.floor(totalmem() / MB / 8), floorMb), 4_096);

const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL (redis://[user:password@]host[:port][/db])');

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy`: which proxies may say who the client is (`X-Forwarded-For`), as a number
 * of hops or a list of addresses, subnets and Express's names for address ranges.
 */
const trustProxy = z.string().transform((value, context): number | string[] => {
  if (/^\d+$/.test(value)) {
    if (Number(value) === 0) context.addIssue({ code: 'custom', message: 'must be at least 1 hop; unset it to trust no proxy' });
    return Number(value);
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixFits = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.includes(entry) && !(family && prefixFits && rest.length === 0)) {
      context.addIssue({
        code: 'custom',
        message: `"${entry}" is not an address, a subnet (10.0.0.0/8) or one of ${PROXY_NAMES.join(', ')}; or give a number of hops`,
      });
    }
  }
  return entries;
});

const DEFAULT_PERSISTED_DOCUMENTS_FILE = fileURLToPath(new URL('../../examples/generated/persisted-documents.json', import.meta.url));

/**
 * A persisted-documents manifest (`{"sha256:<hex>": "document"}`, as graphql-codegen's client
 * preset writes it), read and checked at start: each id must be the SHA-256 of its document.
 */
const persistedDocumentsFile = z.string().min(1).transform((file, context): ReadonlyMap<string, string> => {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    context.addIssue({ code: 'custom', message: `cannot be read as JSON (${(error as Error).message.split('\n')[0]})` });
    return z.NEVER;
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    context.addIssue({ code: 'custom', message: 'must be a JSON object of "sha256:<hash>": "document" entries' });
    return z.NEVER;
  }
  for (const [id, document] of Object.entries(manifest)) {
    const hash = typeof document === 'string' ? createHash('sha256').update(document).digest('hex') : null;
    if (id !== `sha256:${hash}`) {
      context.addIssue({ code: 'custom', message: `entry "${id}" is not "sha256:" and the SHA-256 of its document; run npm run codegen` });
      return z.NEVER;
    }
  }
  return new Map(Object.entries(manifest as Record<string, string>));
});

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
    /** Unset: the local Neo4j's generated password (required with NEO4J_URI). */
    NEO4J_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
    NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** Restarts of a local Neo4j that died, allowed within ten minutes; 0: exit when it dies. */
    NEO4J_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(3),
    NEO4J_HEAP: memorySize(256).optional(),
    NEO4J_PAGECACHE: memorySize(16).optional(),
    REDIS_URL: redisUrl.optional(),
    TRUST_PROXY: trustProxy.optional(),
    SEED_ON_START: booleanFlag.default(true),
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    GRAPHQL_LANDING_PAGE: booleanFlag.optional(),
    GRAPHQL_DEBUG: booleanFlag.default(false),
    CHECK_ROWS: booleanFlag.optional(),
    CORS_ORIGINS: corsOrigins.default(['https://studio.apollographql.com']),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(100_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000, 'must be at least 1000 (ms)').default(10_000),
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(100),
    MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(8),
    MAX_ALIASES: z.coerce.number().int().positive().default(30),
    MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
    MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
    MAX_COST: z.coerce.number().int().positive().default(50_000),
    MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(5_000_000),
    RATE_LIMIT_COST: z.coerce.number().int().positive().default(1_000_000),
    RATE_LIMIT_WINDOW_S: z.coerce.number().int().positive().default(60),
    EXPENSIVE_COST: z.coerce.number().int().positive().default(20_000),
    MAX_EXPENSIVE_OPERATIONS: z.coerce.number().int().positive().default(1),
    CACHE_MAX_AGE_S: z.coerce.number().int().min(0).max(86_400, 'must be at most 86400 (one day)').default(60),
    RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(30_000_000),
    PERSISTED_DOCUMENTS_FILE: persistedDocumentsFile.prefault(DEFAULT_PERSISTED_DOCUMENTS_FILE),
    PERSISTED_DOCUMENTS_ONLY: booleanFlag.default(false),
  })
  .superRefine((env, context) => {
    if (env.NEO4J_URI && env.NEO4J_PASSWORD === undefined) {
      context.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required with NEO4J_URI' });
    }
    const memoryMb = Math.floor(totalmem() / MB);
    const askedMb = (env.NEO4J_HEAP ?? 0) + (env.NEO4J_PAGECACHE ?? 0);
    if (askedMb >= memoryMb) {
      context.addIssue({
        code: 'custom',
        path: [env.NEO4J_HEAP === undefined ? 'NEO4J_PAGECACHE' : 'NEO4J_HEAP'],
        message: `NEO4J_HEAP and NEO4J_PAGECACHE ask for ${askedMb}m in all, but this machine has ${memoryMb}m; leave memory for the OS and the API`,
      });
    }
  })
  .transform((env) => {
    const development = env.NODE_ENV !== 'production';
    return {
      nodeEnv: env.NODE_ENV,
      http: {
        host: env.HOST,
        port: env.PORT,
        corsOrigins: env.CORS_ORIGINS,
        maxBodyBytes: env.MAX_BODY_BYTES,
        /** Unset: the client is the connection's address (every client behind a proxy shares the proxy's). */
        trustProxy: env.TRUST_PROXY ?? false,
        /** A request's headers and body must arrive within this, so a slow client cannot hold a socket. */
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
        /** Open connections one client address may hold; more are closed at once. */
        maxConnectionsPerAddress: env.MAX_CONNECTIONS_PER_ADDRESS,
        /** Every GraphQL request is answered by then, whatever the database does. */
        requestDeadlineMs: env.NEO4J_QUERY_TIMEOUT_MS + REQUEST_DEADLINE_MARGIN_MS,
        healthDeadlineMs: HEALTH_DEADLINE_MS,
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
        /** How often `npm start` restarts a local Neo4j that died, within ten minutes, before it exits. */
        maxRestarts: env.NEO4J_MAX_RESTARTS,
        /** The local Neo4j's JVM heap and page cache, in megabytes. */
        memory: { heapMb: env.NEO4J_HEAP ?? machineShareMb(512), pageCacheMb: env.NEO4J_PAGECACHE ?? machineShareMb(64) },
      },
      /** Unset: budgets, response cache and APQ registrations live in this process. */
      redisUrl: env.REDIS_URL,
      seedOnStart: env.SEED_ON_START,
      graphql: {
        introspection: env.GRAPHQL_INTROSPECTION ?? development,
        landingPage: env.GRAPHQL_LANDING_PAGE ?? development,
        /** Field suggestions leak the schema, so they follow introspection. */
        fieldSuggestions: env.GRAPHQL_INTROSPECTION ?? development,
        /** Internal messages and stack traces in responses: only when asked for, in any mode. */
        debug: env.GRAPHQL_DEBUG,
        /** Check every row from Neo4j against its projection's schema before shaping it (a cost per row). */
        checkRows: env.CHECK_ROWS ?? development,
        limits: {
          maxDepth: env.MAX_QUERY_DEPTH,
          maxAliases: env.MAX_ALIASES,
          maxTokens: env.MAX_TOKENS,
          maxDirectives: env.MAX_DIRECTIVES,
          maxCost: env.MAX_COST,
          maxResponseBytes: env.MAX_RESPONSE_BYTES,
        },
        fairness: {
          costPerWindow: env.RATE_LIMIT_COST,
          windowSeconds: env.RATE_LIMIT_WINDOW_S,
          expensiveCost: env.EXPENSIVE_COST,
          maxExpensiveOperations: env.MAX_EXPENSIVE_OPERATIONS,
        },
        caching: {
          /** Cache-Control max-age of fields without their own hint (0: nothing is cacheable). */
          defaultMaxAgeSeconds: env.CACHE_MAX_AGE_S,
          /** Bound of the in-memory response cache (0: no response cache). */
          responseCacheMaxBytes: env.RESPONSE_CACHE_MAX_BYTES,
        },
        persistedDocuments: {
          /** Document id (`sha256:<hex>`) to document. */
          manifest: env.PERSISTED_DOCUMENTS_FILE,
          /** Refuse every operation whose document is not in the manifest. */
          only: env.PERSISTED_DOCUMENTS_ONLY,
        },
      },
    };
  });

const VARIABLES = Object.keys(environmentSchema.in.shape);

const REQUEST_DEADLINE_MARGIN_MS = 1_000;
const HEALTH_DEADLINE_MS = 1_000;

export type Config = z.output<typeof environmentSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; throws a `ConfigError` naming every bad variable and its value. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // An empty value is a mistake (`PORT=` would otherwise mean port 0, a random one), not the default.
  const empty = VARIABLES.filter((name) => environment[name]?.trim() === '');
  const parsed = environmentSchema.safeParse(environment);
  if (empty.length > 0 || !parsed.success) {
    const lines = [
      ...empty.map((name) => `${name}=${JSON.stringify(environment[name])}: is empty; give a value or unset it for the default`),
      ...(parsed.error?.issues ?? [])
        .filter((issue) => !empty.includes(String(issue.path[0])))
        .map((issue) => {
          const name = String(issue.path[0]);
          return `${name}=${JSON.stringify(environment[name])}: ${issue.message}`;
        }),
    ];
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(parsed.data!);
}
