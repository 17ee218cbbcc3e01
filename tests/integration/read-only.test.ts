import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorCode } from '../../src/api/errors.ts';
import type { Database } from '../../src/db/database.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import { openTestDatabase } from './helpers.ts';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe("the API's reader", () => {
  it('reads one request in one transaction, and refuses queries once closed', async () => {
    const reader = new GraphReader(database.driver, database.name, 5_000);
    const [first, second] = await Promise.all([
      reader.rows('RETURN 1 AS n'),
      reader.rows('RETURN 2 AS n'),
    ]);
    expect([first?.[0]?.n, second?.[0]?.n]).toEqual([1, 2]);
    expect(reader.roundTrips).toBe(2);
    await reader.close();
    await expect(reader.rows('RETURN 3 AS n')).rejects.toThrow(/closed/);
  });

  it('cannot write, even when handed a write query', async () => {
    const reader = new GraphReader(database.driver, database.name, 5_000);
    await expect(reader.rows("CREATE (:Intruder {name: 'x'})")).rejects.toThrow(/read/i);
    await reader.close();
    const { records } = await database.driver.executeQuery('MATCH (n:Intruder) RETURN count(n) AS intruders', {}, { database: database.name });
    expect(records[0]?.get('intruders')).toBe(0);
  });

  it('stops a query at its timeout and reports it as QUERY_TIMEOUT', async () => {
    const reader = new GraphReader(database.driver, database.name, 300);
    const started = Date.now();
    const error = await reader
      .rows('UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)')
      .then(() => null, (failure: unknown) => failure);
    expect(databaseErrorCode(error)).toBe('QUERY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(10_000);
    await reader.close();
  });
});
