/** The polled data version: known after a read, unknown (cache bypassed) after a failed or hung one, known again after. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/config/logger.ts';
import { watchDataVersion, type DataVersionWatch } from '../../src/api/response-cache.ts';

const log = createLogger({ logLevel: 'silent', nodeEnv: 'test' });
let watch: DataVersionWatch | undefined;

afterEach(() => {
  watch?.stop();
  vi.useRealTimers();
});

describe('watchDataVersion', () => {
  it('reads at once, then every interval; a failed or hung read makes the version unknown until one succeeds', async () => {
    vi.useFakeTimers();
    const answers: (() => Promise<string>)[] = [
      async () => 'v1',
      async () => 'v2',
      async () => Promise.reject(new Error('database down')),
      () => new Promise<string>(() => {}),
      async () => 'v3',
    ];
    let reads = 0;
    watch = await watchDataVersion(() => answers[Math.min(reads++, answers.length - 1)]!(), 1_000, log);
    expect(watch.current()).toBe('v1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watch.current()).toBe('v2');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watch.current()).toBeUndefined();
    // The hung read counts as failed after its deadline; the next read succeeds.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(watch.current()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watch.current()).toBe('v3');
    watch.stop();
    const before = reads;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads).toBe(before);
  });
});
