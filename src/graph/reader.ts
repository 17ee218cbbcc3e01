/**
 * Runs the API's queries: always read transactions (so a bug cannot write), always with a
 * timeout, always parameterised. Counts round trips so tests can bound them.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export type Row = Record<string, unknown>;

/** JavaScript numbers travel as floats; LIMIT and list slices need Cypher integers. */
export const integer = (value: number) => neo4j.int(value);

export class GraphReader {
  /** Queries sent so far through this reader. */
  roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  async rows(cypher: string, parameters: Row = {}): Promise<Row[]> {
    this.roundTrips += 1;
    const result = await this.driver.executeQuery(cypher, parameters, {
      database: this.database,
      routing: neo4j.routing.READ,
      bookmarkManager: null,
      transactionConfig: { timeout: this.timeoutMs },
    });
    return result.records.map((record) => record.toObject() as Row);
  }
}
