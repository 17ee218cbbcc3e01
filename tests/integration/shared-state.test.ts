/**
 * The shared state against a real `redis-server` (Debian's, on a free port), as two API processes
 * see it: one budget and one cache between them while Redis answers; answers, never errors, while
 * it is absent, stopped or frozen; shared again once it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, redisServer, type Service } from '../../bench/replica-set.ts';
import { openSharedState, type SharedState } from '../../src/api/shared-state.ts';
import { testLogger } from './helpers.ts';

const BUDGET = { points: 100, duration: 600 };

let folder: string;
let redis: Service;
let processes: SharedState[];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-shared-state-'));
  redis = redisServer(await freePort(), folder);
  // Opened before Redis runs, as an API process started before its Redis would be.
  processes = [0, 1].map(() => openSharedState(`redis://127.0.0.1:${redis.port}`, testLogger()));
});

afterAll(async () => {
  await Promise.all(processes.map((shared) => shared.close()));
  redis.signal('SIGCONT');
  await redis.stop('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Asks until the two processes share again: they reconnect in the background. */
async function untilShared(key: string): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await processes[0]!.responseCache(0).set(`${key}-${attempt}`, 'shared', { ttl: 60 });
    if ((await processes[1]!.responseCache(0).get(`${key}-${attempt}`)) === 'shared') return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('state shared through Redis', () => {
  it('answers before Redis has ever run: budgets count in the process, the cache misses', async () => {
    const budgets = processes[0]!.budgets(BUDGET);
    expect((await budgets.consume('203.0.113.1', 30)).remainingPoints).toBe(70);
    await processes[0]!.responseCache(0).set('early', 'value', { ttl: 60 });
    expect(await processes[0]!.responseCache(0).get('early')).toBeUndefined();
  });

  it('is one budget and one cache for both processes once Redis runs', async () => {
    await redis.start();
    expect(await untilShared('started')).toBe(true);
    const [first, second] = processes.map((shared) => shared.budgets(BUDGET));
    await first!.consume('203.0.113.2', 60);
    expect((await second!.consume('203.0.113.2', 30)).remainingPoints).toBe(10);
    await expect(first!.consume('203.0.113.2', 20)).rejects.toMatchObject({ remainingPoints: 0 });
  });

  it('answers while Redis is stopped, and shares again once it is back', async () => {
    await redis.stop('SIGKILL');
    expect((await processes[0]!.budgets(BUDGET).consume('203.0.113.3', 10)).remainingPoints).toBe(90);
    await processes[0]!.responseCache(0).set('stopped', 'value', { ttl: 60 });
    expect(await processes[1]!.responseCache(0).get('stopped')).toBeUndefined();
    await redis.start();
    expect(await untilShared('restarted')).toBe(true);
  });

  it('answers while Redis is frozen (its silent connection is dropped), and shares again once it thaws', async () => {
    expect(await untilShared('before-freeze')).toBe(true);
    redis.signal('SIGSTOP');
    try {
      const [consumed, cached] = await Promise.all([
        processes[0]!.budgets(BUDGET).consume('203.0.113.4', 10),
        processes[1]!.responseCache(0).get('before-freeze-0'),
      ]);
      expect(consumed.remainingPoints).toBe(90);
      expect(cached).toBeUndefined();
    } finally {
      redis.signal('SIGCONT');
    }
    expect(await untilShared('thawed')).toBe(true);
  });
});
