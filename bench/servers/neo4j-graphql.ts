/**
 * @neo4j/graphql 7 behind the same HTTP stack as ours (Express 5 + Apollo Server 5 through
 * `@as-integrations/express5`), so the comparison isolates how each builds and runs Cypher.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { NEO4J_GRAPHQL_TYPE_DEFS } from './neo4j-graphql-typedefs.ts';
import type { BenchServer } from './raw.ts';

export async function startNeo4jGraphqlServer(driver: Driver, database: string): Promise<BenchServer> {
  const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver }).getSchema();
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => apollo.stop() };
}
