/**
 * HTTP: Express with security headers (helmet), CORS, body limits, `/health`, `/graphql` and
 * `/dashboard`, an end-to-end deadline on every request, ETags on cacheable GETs, socket timeouts
 * and a per-address connection cap, and a clean, draining stop. The port is claimed first (`claimPort`), before the database starts, and the API
 * is served on it once ready (`serveApi`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import etag from 'etag';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/env.ts';
import type { Logger } from '../config/logger.ts';
import { createApolloServer, type ApiContext } from '../api/apollo.ts';
import { createRequestContext } from '../api/context.ts';
import { errorBody, ErrorCode, type ErrorCodeName } from '../api/errors.ts';
import { clientAddress, createFairness } from '../api/fairness.ts';
import { persistedDocuments } from '../api/persisted-documents.ts';
import { responseCachePlugin } from '../api/response-cache.ts';
import { openSharedState } from '../api/shared-state.ts';
import { startWarmUp, type WarmUpReport } from '../api/warm-up.ts';
import type { Database } from '../db/database.ts';
import { readDataVersion } from '../graph/data-version.ts';
import { GraphReader } from '../graph/reader.ts';
import { pingDatabase } from '../graph/health.ts';
import { dashboardRouter } from './dashboard.ts';

export class HttpStartError extends Error {
  override name = 'HttpStartError';
}

/** A listening HTTP server that answers 503 until `serveApi` gives it the API. */
export interface ClaimedPort {
  port: number;
  httpServer: Server;
  /** Replaces the start-up answer with the real application. */
  handle(app: (request: IncomingMessage, response: ServerResponse) => void): void;
  close(): Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  /** Settles once every persisted document has run once (see src/api/warm-up.ts). */
  warmUp: Promise<WarmUpReport>;
  /** Stops accepting requests, lets in-flight ones finish (within their own deadline), then resolves. */
  stop(): Promise<void>;
}

/** An idle keep-alive connection is closed after this (Node's default, said here on purpose). */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node checks the header and request timeouts (its default, 30 s, would let them run late). */
const TIMEOUT_CHECK_INTERVAL_MS = 500;
/** Deeper variables are refused before anything walks them (recursive code would overflow). */
const MAX_VARIABLE_NESTING = 64;

/** helmet's defaults, with a CSP that still lets Apollo's Sandbox landing page (CDN scripts, iframe) load. */
const APOLLO_CDN = ['https://apollo-server-landing-page.cdn.apollographql.com', 'https://embeddable-sandbox.cdn.apollographql.com', 'https://embeddable-explorer.cdn.apollographql.com'];
const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDN],
      styleSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDN, 'https://fonts.googleapis.com'],
      fontSrc: ["'self'", 'https://fonts.gstatic.com'],
      imgSrc: ["'self'", 'data:', APOLLO_CDN[0]!],
      manifestSrc: ["'self'", APOLLO_CDN[0]!],
      frameSrc: ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
      connectSrc: ["'self'"],
      // Would turn Sandbox's calls to a plain-HTTP local server into failing HTTPS ones.
      upgradeInsecureRequests: null,
    },
  },
});

function sendError(response: Response, status: number, code: ErrorCodeName, message: string, headers: Record<string, string> = {}) {
  response.status(status).set({ 'cache-control': 'no-store', ...headers }).json(errorBody(code, message));
}

/**
 * Caps the open connections of each client address: past the cap a new connection is closed at
 * once, so one client cannot take every file descriptor. Behind a reverse proxy every client
 * shares the proxy's address.
 */
function capConnectionsPerAddress(httpServer: Server, maxPerAddress: number) {
  const open = new Map<string, number>();
  httpServer.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > maxPerAddress) return socket.destroy();
    open.set(address, count);
    socket.once('close', () => {
      const left = open.get(address)! - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/** What Apollo's cache-control plugin says of a response that may be cached (it says `no-store` otherwise). */
const CACHEABLE = /^max-age=[1-9]\d*, (public|private)$/;

/** Body-parser failures as GraphQL-shaped errors: 413 for oversized bodies, 400 for bad JSON. */
const bodyErrorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  const status = (error as { status?: number }).status;
  if (status === undefined || status >= 500) return next(error);
  const type = (error as { type?: string }).type;
  const message =
    type === 'entity.too.large'
      ? 'Request body is too large.'
      : type === 'entity.parse.failed'
        ? 'Request body is not valid JSON.'
        : (error as Error).message;
  sendError(response, status, ErrorCode.BAD_REQUEST, message);
};

/** How deeply a JSON value nests, counted without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_VARIABLE_NESTING) break;
    if (item !== null && typeof item === 'object') for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const refuseDeepNesting: RequestHandler = (request, response, next) => {
  const body = request.body as { variables?: unknown; extensions?: unknown } | undefined;
  for (const part of ['variables', 'extensions'] as const) {
    if (body && nestingDepth(body[part]) > MAX_VARIABLE_NESTING) {
      return sendError(response, 400, ErrorCode.BAD_REQUEST, `Request ${part} nest deeper than ${MAX_VARIABLE_NESTING} levels.`);
    }
  }
  next();
};

/**
 * Apollo behind Express, answering by the deadline whatever the database does: a request still
 * running then gets SERVICE_UNAVAILABLE, and its late result is dropped. (Apollo's Express
 * integration cannot abandon a request, so this is that integration plus the deadline.)
 */
function graphqlHandler(apollo: ApolloServer<ApiContext>, context: (request: Request) => ApiContext, deadlineMs: number): RequestHandler {
  return async (request, response) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search: new URL(request.url, 'http://api').search, body: request.body },
      context: async () => context(request),
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
    const outcome = await Promise.race([answer, deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline') {
      return sendError(
        response,
        503,
        ErrorCode.SERVICE_UNAVAILABLE,
        `No answer within ${deadlineMs / 1000} s: the graph database is not responding; try again shortly.`,
        { 'retry-after': '5' },
      );
    }
    for (const [key, value] of outcome.headers) response.setHeader(key, value);
    // Apollo answers by the Accept header (its content type, and the status of some errors).
    response.vary('Accept');
    response.status(outcome.status ?? 200);
    if (outcome.body.kind === 'complete') {
      // Only a GET that may be cached gets a validator, and goes through Express's `send`, which
      // answers a matching If-None-Match with 304 (its `fresh` check). The rest bypass it: it
      // would answer `If-None-Match: *` with 304 even untagged. Each representation (content
      // type) has its own tag.
      if (request.method === 'GET' && CACHEABLE.test(response.get('cache-control') ?? '')) {
        response.set('etag', etag(`${response.get('content-type') ?? ''}\n${outcome.body.string}`)).send(outcome.body.string);
      } else response.end(outcome.body.string);
      return;
    }
    for await (const chunk of outcome.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

/** Listens on the configured port right away, so a busy port is reported before Neo4j starts. */
export async function claimPort(config: Config): Promise<ClaimedPort> {
  let app = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', 'cache-control': 'no-store' });
    response.end(JSON.stringify(errorBody(ErrorCode.SERVICE_UNAVAILABLE, 'The API is starting; try again shortly.')));
  };
  const { requestTimeoutMs, maxConnectionsPerAddress } = config.http;
  const httpServer = createServer(
    {
      headersTimeout: requestTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    (request, response) => app(request, response),
  );
  capConnectionsPerAddress(httpServer, maxConnectionsPerAddress);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HttpStartError(`Port ${config.http.port} on ${config.http.host} is already in use; set PORT to a free port.`)
          : error,
      );
    });
    httpServer.listen(config.http.port, config.http.host, resolve);
  });
  return {
    port: (httpServer.address() as AddressInfo).port,
    httpServer,
    handle: (next) => (app = next),
    close: () => new Promise((resolve) => httpServer.close(() => resolve())),
  };
}

/** Serves the API on a claimed port. */
export async function serveApi(claimed: ClaimedPort, config: Config, database: Database, log: Logger): Promise<RunningServer> {
  const { httpServer } = claimed;
  // Expensive operations wait for a slot at most until the query timeout, inside the request deadline.
  const shared = openSharedState(config.redisUrl, log);
  const fairness = createFairness(config.graphql.fairness, config.neo4j.queryTimeoutMs, shared);
  const { healthDeadlineMs, requestDeadlineMs, corsOrigins } = config.http;
  const { caching } = config.graphql;
  const apollo = createApolloServer(config, [
    fairness.plugin,
    // After fairness: a hit is charged like a miss.
    ...(caching.responseCacheMaxBytes > 0
      ? [
          responseCachePlugin<ApiContext>(
            () => readDataVersion(new GraphReader(database.driver, database.name, healthDeadlineMs, undefined, database.bookmarks)),
            shared.responseCache(caching.responseCacheMaxBytes),
          ),
        ]
      : []),
    // Every accepted request is answered by its deadline, so that is all it needs at shutdown.
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: requestDeadlineMs }),
  ], shared.apqCache);
  await apollo.start();
  const warmUp = startWarmUp({ apollo, documents: config.graphql.persistedDocuments.manifest.values(), driver: database.driver, database: database.name, log });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  // Express would tag every response, no-store ones included; graphqlHandler tags cacheable ones.
  app.set('etag', false);
  // Before the API's headers: the dashboard has a stricter CSP of its own.
  app.use('/dashboard', dashboardRouter());
  app.use(securityHeaders);

  app.get('/health', async (_request, response) => {
    // Its own short deadline: a frozen database must not hang the health check.
    const ping = pingDatabase(new GraphReader(database.driver, database.name, healthDeadlineMs));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(reject, healthDeadlineMs)));
    const up = await Promise.race([ping, timeout]).then(() => true, () => false);
    clearTimeout(timer);
    const warm = warmUp.isDone();
    if (up) response.status(200).json({ status: 'ok', database: 'up', warm });
    else response.status(503).json({ status: 'unavailable', database: 'down', warm });
  });

  if (corsOrigins === '*' && config.nodeEnv === 'production') {
    log.warn('CORS_ORIGINS=* lets every website call this API from its visitors\' browsers');
  }
  const contextSettings = {
    driver: database.driver,
    database: database.name,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    bookmarks: database.bookmarks,
    checkRows: config.graphql.checkRows,
  };
  app.use(
    '/graphql',
    cors({ origin: corsOrigins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }),
    fairness.refuseSpentClients,
    express.json({ limit: config.http.maxBodyBytes }),
    bodyErrorHandler,
    refuseDeepNesting,
    persistedDocuments(config.graphql.persistedDocuments, config.graphql.limits.maxTokens),
    warmUp.holdRequests,
    graphqlHandler(
      apollo,
      (request) => ({ ...createRequestContext(contextSettings), clientAddress: clientAddress(request) }),
      requestDeadlineMs,
    ),
  );
  claimed.handle(app);

  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.http.host) ? 'localhost' : config.http.host;
  const url = `http://${host}:${claimed.port}/graphql`;
  log.info({ url, health: url.replace(/graphql$/, 'health') }, 'GraphQL API ready');
  return {
    url,
    port: claimed.port,
    httpServer,
    warmUp: warmUp.done,
    stop: async () => {
      warmUp.cancel();
      await apollo.stop();
      await shared.close();
    },
  };
}

/** Claims the port and serves the API (for tests and tools that have a database already). */
export async function startHttpServer(config: Config, database: Database, log: Logger): Promise<RunningServer> {
  return serveApi(await claimPort(config), config, database, log);
}
