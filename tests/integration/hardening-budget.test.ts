/**
 * Hardening III, as a hostile client sees it: queries that once ran unpriced are priced or
 * refused, the budget charges what a request really costs (and a refusal only a fee), a client
 * error is never a 500, sockets cannot be held open, and answers that differ by Accept say so.
 */
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFrom, startTestServer, type AddressedAnswer, type TestServer } from './helpers.ts';

type Answer = AddressedAnswer;

const post = (api: TestServer, body: unknown, localAddress?: string) => postFrom(api.server.port, body, localAddress);

const codeOf = (answer: Answer) => answer.json.errors?.[0]?.extensions?.code;

const MANIFEST = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../examples/generated/persisted-documents.json', import.meta.url)), 'utf8'),
) as Record<string, string>;
const idOf = (operation: string) => Object.entries(MANIFEST).find(([, document]) => document.startsWith(`query ${operation}(`))![0];

/** Sized by a variable whose default is 100: 120,201 when the default is priced, as it runs. */
const DEFAULTED_SIZE = 'query ($n: Int! = 100) { entities(first: $n) { edges { node { mentions(first: $n) { text } relations(first: $n) { evidence { text } } } } } }';
/** 40,201: allowed, and at least EXPENSIVE_COST. */
const LARGE_ESTIMATE = '{ entities(first: 100) { edges { node { mentions(first: 100) { text } relations(first: 100) { other { id } } claims(first: 100) { id } } } } }';
const CHEAP = '{ entity(id: "kazakhstan") { name } }';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

afterAll(async () => {
  await api?.close();
});

describe('the cost limit fails closed', () => {
  it('prices a variable left out by its default (Int! = 100), as the resolver runs it', async () => {
    const omitted = await post(api, { query: DEFAULTED_SIZE });
    const given = await post(api, { query: DEFAULTED_SIZE, variables: { n: 100 } });
    for (const answer of [omitted, given]) {
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('QUERY_TOO_COSTLY');
    }
    expect(omitted.json.errors![0]!.extensions!.cost).toBe(given.json.errors![0]!.extensions!.cost);
  });

  it('prices @include and @skip by their variables’ defaults', async () => {
    const query = `query ($with: Boolean = true, $without: Boolean = false) {
      entities(first: 100) { edges { node { mentions(first: 100) @include(if: $with) { text } relations(first: 100) @skip(if: $without) { evidence { text } } } } }
    }`;
    expect(codeOf(await post(api, { query }))).toBe('QUERY_TOO_COSTLY');
    const left = await post(api, { query, variables: { with: false, without: true } });
    expect(left.status).toBe(200);
    expect(left.json.errors).toBeUndefined();
  });

  it('refuses fragments that spread fragments over and over, with a code and a reason', async () => {
    // 2^30 fields once expanded: any walk of the document that expands fragments would never end.
    const fragments = Array.from({ length: 31 }, (_, level) =>
      level === 30 ? `fragment F${level} on Entity { mentions(first: 100) { text } }` : `fragment F${level} on Entity { ...F${level + 1} ...F${level + 1} }`,
    );
    // The second time it is refused from memory, for the same reason.
    for (const attempt of [1, 2]) {
      const answer = await post(api, { query: `{ entities(first: 100) { edges { node { ...F0 } } } } ${fragments.join(' ')}` });
      expect(answer.status, `attempt ${attempt}`).toBe(400);
      expect(codeOf(answer)).toBe('QUERY_COST_UNKNOWN');
      expect(answer.json.errors![0]!.message).toMatch(/cannot be estimated \(its fragments expand to more than 2000 fields\)/);
    }
  });

  it('prices a null size as the resolver runs it, and a graph walk by its depth and limit', async () => {
    const strict = await startTestServer({ MAX_COST: '2000' });
    try {
      const sized = (first: string) => `{ entities(first: ${first}) { edges { node { mentions(first: 100) { text } } } } }`;
      expect(codeOf(await post(strict, { query: sized('null') }))).toBe('QUERY_TOO_COSTLY');
      expect((await post(strict, { query: sized('1') })).status).toBe(200);
      // Nothing selected but one flag, yet the walk reads 3 rings of up to 500 entities.
      const walk = (depth: number, limit: number) => `{ neighborhood(id: "kazakhstan", depth: ${depth}, limit: ${limit}) { edgesTruncated } }`;
      const deep = await post(strict, { query: walk(3, 500) });
      expect(codeOf(deep)).toBe('QUERY_TOO_COSTLY');
      expect(deep.json.errors![0]!.extensions!.cost).toBeGreaterThanOrEqual(3 * 501);
      expect((await post(strict, { query: walk(1, 100) })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('the budget charges real work', () => {
  it('charges a persisted document whose variables are left out its estimate up front, not 1', async () => {
    // The timeline's estimate is 8,300: more than this whole budget.
    const limited = await startTestServer({ RATE_LIMIT_COST: '5000' });
    try {
      const answer = await post(limited, { documentId: idOf('Timeline') });
      expect(answer.status).toBe(429);
      expect(codeOf(answer)).toBe('RATE_LIMITED');
      // Refused, it cost only the fee: a cheap query still runs.
      expect((await post(limited, { query: CHEAP })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('a refused query costs a small fee, not the window', async () => {
    const limited = await startTestServer({ RATE_LIMIT_COST: '60000' });
    try {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        expect(codeOf(await post(limited, { query: DEFAULTED_SIZE }))).toBe('QUERY_TOO_COSTLY');
      }
      const after = await post(limited, { query: CHEAP });
      expect(after.status).toBe(200);
      expect(after.json.data).toEqual({ entity: { name: 'Kazakhstan' } });
    } finally {
      await limited.close();
    }
  });

  it('invalid documents are charged too', async () => {
    const limited = await startTestServer({ RATE_LIMIT_COST: '2000' });
    try {
      const answers: Answer[] = [];
      do answers.push(await post(limited, { query: '{ nope }' }));
      while (answers.at(-1)!.status === 400 && answers.length < 25);
      expect(codeOf(answers[0]!)).toBe('GRAPHQL_VALIDATION_FAILED');
      // At least REFUSAL_FEE each: the budget of 2,000 is spent long before the 21st.
      expect(answers.at(-1)!.status).toBe(429);
      expect(answers.length).toBeLessThanOrEqual(21);
    } finally {
      await limited.close();
    }
  });

  it('charges the estimate up front, then corrects it to what the answer really cost', async () => {
    const limited = await startTestServer({ RATE_LIMIT_COST: '100000' });
    try {
      // Another address plans the query and fills the response cache.
      expect((await post(limited, { query: LARGE_ESTIMATE }, '127.0.0.2')).status).toBe(200);
      // Charged 40,201 each, the third would be refused; each is corrected to its objects.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const answer = await post(limited, { query: LARGE_ESTIMATE }, '127.0.0.3');
        expect(answer.status, `request ${attempt + 1}`).toBe(200);
        expect(answer.json.errors).toBeUndefined();
      }
    } finally {
      await limited.close();
    }
  });
});

describe('client mistakes are 4xx, never 500', () => {
  it('an APQ sha256Hash sent as an object with a toString key', async () => {
    const answer = await post(api, { extensions: { persistedQuery: { version: 1, sha256Hash: { toString: 'x' } } } });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_REQUEST');
    expect(answer.json.errors![0]!.message).toMatch(/sha256Hash must be a string/);
  });
});

describe('answers that differ by Accept', () => {
  it('say Vary: Accept and have an ETag per representation', async () => {
    const url = new URL(`${api.baseUrl}/graphql`);
    url.searchParams.set('query', CHEAP);
    // node:http rather than fetch, which adds `cache-control: no-cache` beside If-None-Match.
    const ask = (accept: string, ifNoneMatch?: string) =>
      new Promise<{ status: number; headers: Headers }>((resolve, reject) => {
        const headers = { accept, 'apollo-require-preflight': 'true', ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) };
        httpRequest(url, { headers }, (response) => {
          response.resume().on('end', () => {
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
            resolve({ status: response.statusCode!, headers: answerHeaders });
          });
        })
          .on('error', reject)
          .end();
      });
    const json = await ask('application/json');
    const graphqlJson = await ask('application/graphql-response+json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphqlJson.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    for (const response of [json, graphqlJson]) expect(response.headers.get('vary')).toMatch(/\bAccept\b/i);
    expect(json.headers.get('etag')).toBeTruthy();
    expect(json.headers.get('etag')).not.toBe(graphqlJson.headers.get('etag'));
    expect((await ask('application/graphql-response+json', json.headers.get('etag')!)).status).toBe(200);
    expect((await ask('application/json', json.headers.get('etag')!)).status).toBe(304);
  });
});

interface OpenSocket {
  socket: Socket;
  /** Resolves once the socket is closed, with what it received. */
  ended: Promise<string>;
}

const opened = (port: number, localAddress: string) =>
  new Promise<OpenSocket>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let received = '';
    const ended = new Promise<string>((done) => socket.on('close', () => done(received)));
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.once('connect', () => {
      socket.on('error', () => undefined);
      resolve({ socket, ended });
    });
    socket.once('error', reject);
  });

describe('sockets', () => {
  it('a client trickling its body is cut off at HTTP_REQUEST_TIMEOUT_MS, and others are served meanwhile', async () => {
    const strict = await startTestServer({ HTTP_REQUEST_TIMEOUT_MS: '2000' });
    const { socket, ended } = await opened(strict.server.port, '127.0.0.4');
    let sent = 0;
    const body = JSON.stringify({ query: CHEAP }).padEnd(1_000, ' ');
    socket.write(`POST /graphql HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // One byte every 100 ms: the whole body would take 100 s.
    const trickle = setInterval(() => {
      if (!socket.destroyed && sent < body.length) socket.write(body[sent++]!);
    }, 100);
    try {
      expect((await fetch(`${strict.baseUrl}/health`)).status).toBe(200);
      expect((await post(strict, { query: CHEAP })).json.data).toEqual({ entity: { name: 'Kazakhstan' } });
      const received = await ended;
      expect(received).toMatch(/^HTTP\/1\.1 408/);
      expect(sent).toBeLessThan(body.length);
    } finally {
      clearInterval(trickle);
      socket.destroy();
      await strict.close();
    }
  });

  it('caps the open connections of one address at MAX_CONNECTIONS_PER_ADDRESS; other addresses are still served', async () => {
    const capped = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '5' });
    const sockets: OpenSocket[] = [];
    try {
      for (let index = 0; index < 5; index += 1) sockets.push(await opened(capped.server.port, '127.0.0.5'));
      const extra = await opened(capped.server.port, '127.0.0.5');
      sockets.push(extra);
      expect(await extra.ended).toBe('');
      for (const { socket } of sockets.slice(0, 5)) expect(socket.destroyed).toBe(false);
      expect((await post(capped, { query: CHEAP }, '127.0.0.6')).status).toBe(200);
      // A place is free again once one of the five has closed.
      sockets[0]!.socket.destroy();
      await expect.poll(() => post(capped, { query: CHEAP }, '127.0.0.5').then((answer) => answer.status, () => 0), { timeout: 30_000 }).toBe(200);
    } finally {
      for (const { socket } of sockets) socket.destroy();
      await capped.close();
    }
  });
});
