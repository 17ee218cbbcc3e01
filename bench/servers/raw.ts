/**
 * The floor: a bare `node:http` server that answers `POST /<operation>` (the body holds the
 * benchmark parameters) with one hand-written Cypher query through `executeQuery`, and JSON.
 * No GraphQL, no validation, no framework: what is left is the database and serialisation.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import type { BenchParameters, Operation } from '../operations.ts';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function startRawServer(driver: Driver, database: string, operations: readonly Operation[]): Promise<BenchServer> {
  const byPath = new Map(operations.map((operation) => [`/${operation.name}`, operation.raw]));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const form = byPath.get(request.url ?? '');
      if (!form || request.method !== 'POST') {
        response.writeHead(404).end();
        return;
      }
      try {
        const parameters = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BenchParameters;
        const { records } = await driver.executeQuery(form.cypher, form.parameters(parameters), {
          database,
          routing: neo4j.routing.READ,
          bookmarkManager: null,
        });
        const body = JSON.stringify({ data: form.shape(records.map((record) => record.toObject())) });
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
