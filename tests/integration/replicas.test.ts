/**
 * Two API processes (`src/main.ts` as child processes) on the test Neo4j, sharing one Redis,
 * behind haproxy: one budget per client whichever process answers, one response cache, no failed
 * request while a process is killed or Redis is stopped, and recovery from both. Redis and
 * haproxy are Debian's (`.ci/run` installs them), started on free ports by `bench/replica-set.ts`.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startReplicaSet, type ReplicaSet } from '../../bench/replica-set.ts';
import { openTestDatabase, seedTestDatabase } from './helpers.ts';

/**
 * A few hundred warm costly answers: each is charged its objects or its work (100 per ms of
 * database time), whichever is more. The query is planned by another client first, so a cold
 * plan's time is not charged to the clients under test.
 */
const BUDGET = 40_000;
/** Spending a budget takes a few hundred answers: minutes on a loaded machine. */
const SPENDING_TIMEOUT_MS = 300_000;
/** Tests that restart a process: on a loaded machine a start can take minutes. */
const RESTART_TIMEOUT_MS = 300_000;
/** Estimated at 201 objects, corrected to what it returns (one per entity and edge) or its work. */
const COSTLY_QUERY = '{ entities(first: 100) { edges { node { id name } } } }';
const CHEAP_QUERY = '{ entity(id: "kazakhstan") { name } }';

let replicas: ReplicaSet;

beforeAll(async () => {
  const database = await openTestDatabase();
  try {
    await seedTestDatabase(database);
  } finally {
    await database.close();
  }
  replicas = await startReplicaSet({
    neo4j: inject('neo4j'),
    apiProcesses: 2,
    redis: true,
    environment: { RATE_LIMIT_COST: String(BUDGET), RATE_LIMIT_WINDOW_S: '600', NEO4J_QUERY_TIMEOUT_MS: '30000' },
  });
  await replicas.waitForServersUp(2);
  // Two API processes start at once: on a loaded machine that takes longer than the usual hook timeout.
}, 600_000);

afterAll(async () => {
  await replicas?.close();
});

/** Every test speaks as its own client (haproxy forwards the address; the API trusts loopback proxies). */
const clientHeaders = (client: string) => ({ 'x-forwarded-for': client, 'apollo-require-preflight': 'true' });

async function post(base: string, client: string, query: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { ...clientHeaders(client), 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

async function get(base: string, client: string, query: string) {
  const response = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers: clientHeaders(client) });
  return { status: response.status, age: response.headers.get('age'), etag: response.headers.get('etag'), body: await response.text() };
}

const direct = (index: number) => `http://127.0.0.1:${replicas.apis[index]!.port}`;

/** Answers with status 200 until the budget is spent. */
async function answersUntilSpent(base: string, client: string): Promise<number> {
  let answered = 0;
  for (;;) {
    const { status, body } = await post(base, client, COSTLY_QUERY);
    if (status === 429) return answered;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    answered += 1;
    // A budget that never runs out is a failure, not a hang: every answer costs at least 1.
    expect(answered).toBeLessThan(BUDGET);
  }
}

interface LoadOutcome {
  answered: number;
  failed: { status: number | string; code?: string }[];
}

/**
 * `total` cheap POSTs through haproxy, four at a time, from clients of one /24 `subnet` (so no
 * budget runs out: what is tested is that nothing fails); `during` runs once `after` of them have
 * been answered, while the rest keep coming.
 */
async function boundedLoad(subnet: string, total: number, after: number, during: () => Promise<void>): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { answered: 0, failed: [] };
  let sent = 0;
  let reached!: () => void;
  const reachedAfter = new Promise<void>((resolve) => (reached = resolve));
  const connection = async () => {
    while (sent < total) {
      sent += 1;
      try {
        const { status, body } = await post(replicas.url, `${subnet}.${(sent % 250) + 1}`, CHEAP_QUERY);
        if (status === 200 && !body.errors) outcome.answered += 1;
        else outcome.failed.push({ status, code: body.errors?.[0]?.extensions?.code });
      } catch (error) {
        outcome.failed.push({ status: (error as Error).message });
      }
      if (outcome.answered + outcome.failed.length === after) reached();
    }
  };
  const interruption = reachedAfter.then(during);
  await Promise.all([connection(), connection(), connection(), connection()]);
  await interruption;
  return outcome;
}

/** haproxy's count of 2xx answers from each API process. */
const answersPerProcess = async () => (await replicas.balancer.servers()).map((server) => server.answered);

describe('two API processes behind haproxy, sharing Redis', () => {
  it('enforce one budget per client: the same total whichever process answers', async () => {
    // Planned once on each process first, by other clients: a cold plan costs its planning time.
    for (const index of [0, 1]) expect((await post(direct(index), `198.51.100.${250 + index}`, COSTLY_QUERY)).status).toBe(200);
    const alone = await answersUntilSpent(direct(0), '198.51.100.1');
    expect(alone).toBeGreaterThan(1);

    const before = await answersPerProcess();
    const balanced = await answersUntilSpent(replicas.url, '198.51.100.2');
    const after = await answersPerProcess();
    // Both processes answered, yet the client got no more than one budget's worth: the budget
    // charges each answer's real work, which varies a little, while two budgets would give twice as many.
    expect(after[0]! - before[0]!).toBeGreaterThan(0);
    expect(after[1]! - before[1]!).toBeGreaterThan(0);
    expect(balanced).toBeLessThanOrEqual(Math.ceil(alone * 1.5));

    // Spent on one process is spent on the other.
    expect((await post(direct(1), '198.51.100.1', COSTLY_QUERY)).status).toBe(429);
    expect((await post(direct(0), '198.51.100.2', COSTLY_QUERY)).status).toBe(429);
  }, SPENDING_TIMEOUT_MS);

  it('share one response cache: what one process cached is a hit on the other, with the same ETag', async () => {
    const query = '{ entity(id: "csto") { name kind } }';
    const miss = await get(direct(0), '198.51.100.3', query);
    expect(miss.status).toBe(200);
    expect(miss.age).toBeNull();
    expect(miss.etag).toBeTruthy();

    const hit = await get(direct(1), '198.51.100.3', query);
    expect(hit.status).toBe(200);
    expect(hit.age).not.toBeNull();
    expect(hit.body).toBe(miss.body);
    expect(hit.etag).toBe(miss.etag);
  });

  it('fail no request while one process is killed under load, and take it back once restarted', async () => {
    const killed = replicas.apis[0]!;
    const outcome = await boundedLoad('198.51.104', 300, 60, () => killed.stop('SIGKILL'));
    expect(outcome.failed).toEqual([]);
    expect(outcome.answered).toBe(300);
    await replicas.waitForServersUp(1);

    await killed.start();
    await replicas.waitForServersUp(2);
    const before = await answersPerProcess();
    for (let index = 0; index < 10; index += 1) expect((await post(replicas.url, '198.51.100.4', CHEAP_QUERY)).status).toBe(200);
    const after = await answersPerProcess();
    expect(after[0]! - before[0]!).toBeGreaterThan(0);
  }, RESTART_TIMEOUT_MS);

  it('fail no request while Redis is stopped, and share again once it is back', async () => {
    const redis = replicas.redis!;
    const outcome = await boundedLoad('198.51.105', 300, 60, () => redis.stop('SIGKILL'));
    expect(outcome.failed).toEqual([]);
    expect(outcome.answered).toBe(300);

    // Caching pauses, answers do not.
    const query = '{ entity(id: "russia") { name } }';
    expect((await get(direct(0), '198.51.100.6', query)).status).toBe(200);
    expect((await get(direct(1), '198.51.100.6', query)).age).toBeNull();

    await redis.start();
    // The processes reconnect in the background: ask until one's answer is a hit on the other.
    let shared = false;
    for (let attempt = 0; attempt < 100 && !shared; attempt += 1) {
      const fresh = `{ entity(id: "russia") { name id${' '.repeat(attempt)} } }`;
      await get(direct(0), '198.51.100.6', fresh);
      shared = (await get(direct(1), '198.51.100.6', fresh)).age !== null;
      if (!shared) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(shared).toBe(true);
  }, RESTART_TIMEOUT_MS);
});
