/**
 * Runs one request's queries: all in one read transaction (so a response never mixes two states
 * of the graph, and a bug cannot write), with a timeout, always parameterised. Counts round trips
 * so tests can bound them.
 */
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';

export type Row = Record<string, unknown>;

/** JavaScript numbers travel as floats; LIMIT and list slices need Cypher integers. */
export const integer = (value: number) => neo4j.int(value);

export class GraphReader {
  /** Queries sent so far through this reader. */
  roundTrips = 0;
  private open: { session: Session; transaction: Transaction } | null = null;
  private closed = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  /** The request's transaction, begun by its first query. */
  private transaction(): Transaction {
    if (this.closed) throw new Error('This request has finished; its graph reader is closed');
    if (!this.open) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      this.open = { session, transaction: session.beginTransaction({ timeout: this.timeoutMs }) };
    }
    return this.open.transaction;
  }

  async rows(cypher: string, parameters: Row = {}): Promise<Row[]> {
    this.roundTrips += 1;
    const result = await this.transaction().run(cypher, parameters);
    return result.records.map((record) => record.toObject() as Row);
  }

  /** Ends the transaction (it only read, so it rolls back) and returns its connection. */
  async close(): Promise<void> {
    this.closed = true;
    const open = this.open;
    this.open = null;
    if (!open) return;
    try {
      if (open.transaction.isOpen()) await open.transaction.rollback();
    } catch {
      // A failed or timed-out transaction is already over; the session still closes below.
    } finally {
      await open.session.close();
    }
  }
}
