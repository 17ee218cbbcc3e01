/**
 * Observes every query a driver sends, without changing what it does: a Proxy over the Driver that
 * sees `executeQuery`, `session.run` and `tx.run` inside managed or explicit transactions.
 *
 * The benchmark uses it to count database round trips per GraphQL operation (our API goes through
 * `executeQuery`, @neo4j/graphql through `session.executeRead(tx => tx.run(...))`), and the load
 * benchmark to time each Cypher statement of the loader.
 */
import type { Driver, ManagedTransaction, Session, Transaction } from 'neo4j-driver';

/**
 * Called once per query when its result has been fully received (or has failed): the wall-clock
 * time since it was sent, and the time the server says it spent (null on failure). Statements a
 * caller pipelines in one transaction overlap in wall-clock time; the server's time does not.
 */
export type QueryObserver = (cypher: string, milliseconds: number, serverMilliseconds: number | null) => void;

interface Summarised {
  summary?: { resultAvailableAfter?: unknown; resultConsumedAfter?: unknown };
}

/** Server-side time from a result summary (Integer or number, depending on the driver's settings). */
function serverTime(result: unknown): number | null {
  const summary = (result as Summarised | undefined)?.summary;
  if (!summary) return null;
  return Number(summary.resultAvailableAfter ?? 0) + Number(summary.resultConsumedAfter ?? 0);
}

type Runner = { run(...args: unknown[]): unknown };

/** Times a run-like call; the result objects are promise-like, and awaiting one twice is safe. */
function observedRun<T extends Runner>(runner: T, observe: QueryObserver): T['run'] {
  return (...args: unknown[]) => {
    const started = performance.now();
    const result = runner.run(...args) as PromiseLike<unknown>;
    result.then(
      (value) => observe(String(args[0]), performance.now() - started, serverTime(value)),
      () => observe(String(args[0]), performance.now() - started, null),
    );
    return result;
  };
}

/** A proxy whose `run` is observed and whose other members are the target's, bound to it. */
function withObservedRun<T extends Runner>(target: T, observe: QueryObserver, extra: Partial<Record<PropertyKey, unknown>> = {}): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'run') return observedRun(object, observe);
      if (property in extra) return extra[property];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function observedSession(session: Session, observe: QueryObserver): Session {
  const managed =
    (method: 'executeRead' | 'executeWrite') =>
    <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: unknown) =>
      session[method]((tx) => work(withObservedRun(tx, observe)), config as never);
  return withObservedRun(session, observe, {
    executeRead: managed('executeRead'),
    executeWrite: managed('executeWrite'),
    beginTransaction: (config?: unknown) => withObservedRun(session.beginTransaction(config as never) as Transaction, observe),
  });
}

/** The driver as seen by `observe`; everything else (closing, pools, bookmarks) is the real driver's. */
export function observeDriver(driver: Driver, observe: QueryObserver): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'executeQuery') {
        return async (...args: Parameters<Driver['executeQuery']>) => {
          const started = performance.now();
          try {
            const result = await target.executeQuery(...args);
            observe(String(args[0]), performance.now() - started, serverTime(result));
            return result;
          } catch (error) {
            observe(String(args[0]), performance.now() - started, null);
            throw error;
          }
        };
      }
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>) => observedSession(target.session(...args), observe);
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A driver that counts its queries: read `queries`, reset it between measurements. */
export function countingDriver(driver: Driver): { driver: Driver; counter: { queries: number } } {
  const counter = { queries: 0 };
  return { driver: observeDriver(driver, () => (counter.queries += 1)), counter };
}
