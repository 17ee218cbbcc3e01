/**
 * Fair sharing of one server: each client address has a budget of query cost per time window
 * (rate-limiter-flexible), and only a few expensive operations run at once (p-limit), so one
 * client flooding costly queries cannot starve cheap queries or /health.
 *
 * Like Shopify's requested and actual query cost: an operation is charged its estimate up front
 * (so a burst cannot overspend), then corrected to what it really cost once answered: the objects
 * in its response, or its work (the database's time, and parsing, validating and pricing the document) at
 * WORK_COST_PER_MS, whichever is more. A refused request (unparsable, invalid, over MAX_COST,
 * unpriceable, bad variables, read-only) costs REFUSAL_FEE, or its work if that is more.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import pLimit, { type LimitFunction } from 'p-limit';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/env.ts';
import type { RequestContext } from './context.ts';
import { errorBody, ErrorCode } from './errors.ts';
import type { SharedState } from './shared-state.ts';

export interface FairnessContext {
  /** The client's IP address, the key of its budget; unset for in-process operations, which are not charged. */
  clientAddress?: string;
  /** The operation's estimated cost, set by the cost-limit plugin (which runs first) when it allows the operation. */
  cost?: number;
}

/**
 * What a refused request costs at least. The parts timed (parsing, validating, pricing) are about a
 * third of what refusing costs the server (Apollo's pipeline, the answer), so a flood of refusals
 * is held to a small share of the machine, while a mistake costs 0.1% of the default budget.
 */
export const REFUSAL_FEE = 1_000;

/**
 * Cost per millisecond of work. About what cheap dashboard queries cost either way (a few ms,
 * estimates of a few hundred); at the default budget a client gets 10 s of database time a minute.
 */
export const WORK_COST_PER_MS = 100;

/** JSON objects in a response's data, at any depth, the root excluded: what Shopify calls the actual cost. */
export function countObjects(data: unknown): number {
  let objects = 0;
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (!Array.isArray(value)) objects += 1;
    for (const item of Object.values(value)) pending.push(item);
  }
  return Math.max(objects - (data !== null && typeof data === 'object' && !Array.isArray(data) ? 1 : 0), 0);
}

/** The budget's key: the address Express gives, which is the proxy's unless TRUST_PROXY lets it name the client. */
export const clientAddress = (request: Request) => request.ip ?? 'unknown';

const SPENT_CLIENT_PAUSE_MS = 1_000;

const retryAfter = (seconds: number) => new HeaderMap([['retry-after', String(seconds)]]);

/** Resolves with a release function once a slot is free; rejects after `waitMs`. */
function takeSlot(slots: LimitFunction, waitMs: number): Promise<() => void> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      reject(
        new GraphQLError('The server is busy with other expensive queries; retry in a second, or ask for less.', {
          extensions: { code: ErrorCode.SERVER_BUSY, http: { status: 503, headers: retryAfter(1) } },
        }),
      );
    }, waitMs);
    void slots(
      () =>
        new Promise<void>((release) => {
          if (gaveUp) return release();
          clearTimeout(timer);
          resolve(release);
        }),
    );
  });
}

export interface Fairness {
  /** Charges each request's cost to its client and holds expensive ones until a slot is free. */
  plugin: ApolloServerPlugin<RequestContext & FairnessContext>;
  /** Refuses a client whose budget is spent before its request is even parsed, so a flood stays cheap. */
  refuseSpentClients: RequestHandler;
}

export function createFairness(settings: Config['graphql']['fairness'], slotWaitMs: number, shared: SharedState): Fairness {
  const budgets = shared.budgets({ points: settings.costPerWindow, duration: settings.windowSeconds });
  const expensiveSlots = pLimit(settings.maxExpensiveOperations);
  const spentMessage = (seconds: number) =>
    `Query budget spent: each client may run queries of total cost ${settings.costPerWindow} per ${settings.windowSeconds} s; retry in ${seconds} s.`;
  const secondsToWait = (state: RateLimiterRes) => Math.max(1, Math.ceil(state.msBeforeNext / 1000));

  const plugin: ApolloServerPlugin<RequestContext & FairnessContext> = {
    async requestDidStart() {
      let release: (() => void) | undefined;
      /** Points taken from the budget so far: the estimate, once consumed. */
      let charged = 0;
      let executed = false;
      let documentMs = 0;
      const timed = async () => {
        const started = performance.now();
        return async () => {
          documentMs += performance.now() - started;
        };
      };
      return {
        parsingDidStart: timed,
        validationDidStart: timed,
        async didResolveOperation({ contextValue }) {
          if (contextValue.clientAddress === undefined || contextValue.cost === undefined) return;
          const estimate = Math.max(contextValue.cost, 1);
          // Consumed even when refused: the correction in willSendResponse leaves only the fee.
          charged = estimate;
          try {
            await budgets.consume(contextValue.clientAddress, estimate);
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            const seconds = secondsToWait(rejection);
            throw new GraphQLError(spentMessage(seconds), {
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds, http: { status: 429, headers: retryAfter(seconds) } },
            });
          }
          if (estimate >= settings.expensiveCost) release = await takeSlot(expensiveSlots, slotWaitMs);
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ contextValue, response }) {
          release?.();
          if (contextValue.clientAddress === undefined) return;
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          const work = Math.ceil((documentMs + (contextValue.pricingMs ?? 0) + contextValue.reader.databaseMs) * WORK_COST_PER_MS);
          // A cache hit is answered without execution, and charged like a miss.
          const answered = executed || (data !== undefined && data !== null);
          const cost = answered ? Math.max(1, countObjects(data), work) : Math.max(REFUSAL_FEE, work);
          if (cost > charged) await budgets.penalty(contextValue.clientAddress, cost - charged);
          else if (cost < charged) await budgets.reward(contextValue.clientAddress, charged - cost);
        },
      };
    },
  };

  const refuseSpentClients: RequestHandler = async (request, response, next) => {
    const state = await budgets.get(clientAddress(request));
    if (!state || state.remainingPoints > 0) return next();
    const seconds = secondsToWait(state);
    // Answered after a pause: a client that keeps hammering then costs a few requests per second,
    // not thousands.
    setTimeout(() => {
      response
        .status(429)
        .set({ 'retry-after': String(seconds), 'cache-control': 'no-store' })
        .json(errorBody(ErrorCode.RATE_LIMITED, spentMessage(seconds), { retryAfterSeconds: seconds }));
    }, Math.min(state.msBeforeNext, SPENT_CLIENT_PAUSE_MS));
  };

  return { plugin, refuseSpentClients };
}
