/**
 * Runs one request's queries: all in one read transaction (so a response never mixes two states
 * of the graph, and a bug cannot write), with a timeout, always parameterised. Counts round trips
 * so tests can bound them.
 */
import type Cypher from '@neo4j/cypher-builder';
import neo4j, { type BookmarkManager, type Driver, type Session, type Transaction } from 'neo4j-driver';

export type Row = Record<string, unknown>;

/** A read query, as the data-access modules build it; layers above pass it along without building Cypher. */
export type ReadQuery = Cypher.Clause;

/** What a profiled query cost the database (see `bench/profile.ts`). */
export interface QueryProfile {
  cypher: string;
  dbHits: number;
  rows: number;
  ms: number;
}

interface ProfiledPlan {
  dbHits: number;
  children: ProfiledPlan[];
}

const totalDbHits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);

/** JavaScript numbers travel as floats; LIMIT and list slices need Cypher integers. */
export const integer = (value: number) => neo4j.int(value);

export class GraphReader {
  /** Queries sent so far through this reader. */
  roundTrips = 0;
  /** Milliseconds the database spent on them, by its own account (the client's budget is charged for it). */
  databaseMs = 0;
  private open: { session: Session; transaction: Transaction } | null = null;
  private closed = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
    /** When given, every query runs under PROFILE and reports its cost here. */
    private readonly onProfile?: (profile: QueryProfile) => void,
    /**
     * Shared by a process's readers (`Database.bookmarks`): in a cluster, a read then waits until
     * its server has caught up with what earlier reads saw (the data version among them).
     */
    private readonly bookmarkManager?: BookmarkManager,
    /** Check every row against its projection's schema before shaping it (tests and development: `CHECK_ROWS`). */
    readonly checkRows = false,
  ) {}

  /** The request's transaction, begun by its first query. */
  private transaction(): Transaction {
    if (this.closed) throw new Error('This request has finished; its graph reader is closed');
    if (!this.open) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarkManager });
      this.open = { session, transaction: session.beginTransaction({ timeout: this.timeoutMs }) };
    }
    return this.open.transaction;
  }

  /** Runs a query built with `@neo4j/cypher-builder`. */
  query(clause: Cypher.Clause): Promise<Row[]> {
    const { cypher, params } = clause.build();
    return this.rows(cypher, params);
  }

  async rows(cypher: string, parameters: Row = {}): Promise<Row[]> {
    this.roundTrips += 1;
    if (!this.onProfile) {
      const result = await this.transaction().run(cypher, parameters);
      this.databaseMs += neo4j.integer.toNumber(result.summary.resultAvailableAfter) + neo4j.integer.toNumber(result.summary.resultConsumedAfter);
      return result.records.map((record) => record.toObject() as Row);
    }
    const started = performance.now();
    const result = await this.transaction().run(`PROFILE ${cypher}`, parameters);
    const plan = result.summary.profile;
    this.onProfile({ cypher, dbHits: plan ? totalDbHits(plan) : 0, rows: result.records.length, ms: performance.now() - started });
    return result.records.map((record) => record.toObject() as Row);
  }

  /**
   * Ends the transaction and returns its connection. It only read (a read transaction cannot
   * write), so committing changes nothing; it hands the bookmark to the bookmark manager.
   */
  async close(): Promise<void> {
    this.closed = true;
    const open = this.open;
    this.open = null;
    if (!open) return;
    try {
      if (open.transaction.isOpen()) await open.transaction.commit();
    } catch {
      // A failed or timed-out transaction is already over; the session still closes below.
    } finally {
      await open.session.close();
    }
  }
}
