/**
 * A bound on response size: bounded lists keep the object count down, but a response can still
 * repeat a large value (an article's text under every span). Measured before serialising, with an
 * early stop, so an oversized response never becomes one huge string.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.ts';
import { ErrorCode } from './errors.ts';

/** The JSON size of `value` in characters, counted up to just past `limit`. */
export function jsonSizeUpTo(value: unknown, limit: number): number {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && size <= limit) {
    const next = pending.pop();
    if (typeof next === 'string') size += next.length + 2;
    else if (Array.isArray(next)) {
      size += 1 + next.length;
      pending.push(...next);
    } else if (next !== null && typeof next === 'object') {
      const entries = Object.entries(next);
      size += 1 + entries.length;
      for (const [key, item] of entries) {
        size += key.length + 3;
        pending.push(item);
      }
    } else size += String(next).length;
  }
  return size;
}

export function responseSizeLimitPlugin(maxBytes: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.data) return;
          if (jsonSizeUpTo(response.body.singleResult.data, maxBytes) <= maxBytes) return;
          response.body.singleResult = {
            errors: [
              {
                message:
                  `The response would be larger than ${maxBytes} bytes (MAX_RESPONSE_BYTES). ` +
                  'Ask for fewer fields (such as article text) or smaller pages.',
                extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes },
              },
            ],
          };
        },
      };
    },
  };
}
