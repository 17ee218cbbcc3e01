/**
 * Fair sharing of one server: each client address has a budget of query cost per time window
 * (rate-limiter-flexible), and only a few expensive operations run at once (p-limit), so one
 * client flooding costly queries cannot starve cheap queries or /health.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import pLimit, { type LimitFunction } from 'p-limit';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/env.ts';
import { errorBody, ErrorCode } from './errors.ts';
import type { SharedState } from './shared-state.ts';

export interface FairnessContext {
  /** The client's IP address, the key of its budget; unset for in-process operations, which are not charged. */
  clientAddress?: string;
  /** The operation's estimated cost, set by the cost-limit plugin (which runs first). */
  cost?: number;
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
  /** Charges each operation's cost to its client and holds expensive ones until a slot is free. */
  plugin: ApolloServerPlugin<FairnessContext>;
  /** Refuses a client whose budget is spent before its request is even parsed, so a flood stays cheap. */
  refuseSpentClients: RequestHandler;
}

export function createFairness(settings: Config['graphql']['fairness'], slotWaitMs: number, shared: SharedState): Fairness {
  const budgets = shared.budgets({ points: settings.costPerWindow, duration: settings.windowSeconds });
  const expensiveSlots = pLimit(settings.maxExpensiveOperations);
  const spentMessage = (seconds: number) =>
    `Query budget spent: each client may run queries of total cost ${settings.costPerWindow} per ${settings.windowSeconds} s; retry in ${seconds} s.`;
  const secondsToWait = (state: RateLimiterRes) => Math.max(1, Math.ceil(state.msBeforeNext / 1000));

  const plugin: ApolloServerPlugin<FairnessContext> = {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ contextValue }) {
          if (contextValue.clientAddress === undefined) return;
          // Operations whose cost is unknown (bad variables) still count.
          const cost = Math.max(contextValue.cost ?? 1, 1);
          try {
            await budgets.consume(contextValue.clientAddress, Math.min(cost, settings.costPerWindow));
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            const seconds = secondsToWait(rejection);
            throw new GraphQLError(spentMessage(seconds), {
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds, http: { status: 429, headers: retryAfter(seconds) } },
            });
          }
          if (cost >= settings.expensiveCost) release = await takeSlot(expensiveSlots, slotWaitMs);
        },
        async willSendResponse() {
          release?.();
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
