/** HTTP: Express with CORS, body limits, `/health` and `/graphql`, and a clean, draining stop. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import type { Config } from '../config/env.ts';
import type { Logger } from '../config/logger.ts';
import { createApolloServer } from '../api/apollo.ts';
import { createRequestContext } from '../api/context.ts';
import type { Database } from '../db/database.ts';
import { GraphReader } from '../graph/reader.ts';
import { pingDatabase } from '../graph/health.ts';

export class HttpStartError extends Error {
  override name = 'HttpStartError';
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  /** Stops accepting requests, lets in-flight ones finish, then resolves. */
  stop(): Promise<void>;
}

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
  response.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
};

export async function startHttpServer(config: Config, database: Database, log: Logger): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = createApolloServer(config, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  const contextSettings = { driver: database.driver, database: database.name, queryTimeoutMs: config.neo4j.queryTimeoutMs };
  app.get('/health', async (_request, response) => {
    try {
      await pingDatabase(new GraphReader(database.driver, database.name, 2_000));
      response.status(200).json({ status: 'ok', database: 'up' });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', database: 'down', detail: (error as Error).message.split('\n')[0] });
    }
  });
  app.use(
    '/graphql',
    cors({ origin: config.http.corsOrigins, maxAge: 600 }),
    express.json({ limit: config.http.maxBodyBytes }),
    bodyErrorHandler,
    expressMiddleware(apollo, { context: async () => createRequestContext(contextSettings) }),
  );

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
  const { port } = httpServer.address() as AddressInfo;
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.http.host) ? 'localhost' : config.http.host;
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, 'GraphQL API ready');
  return { url, port, httpServer, stop: () => apollo.stop() };
}
