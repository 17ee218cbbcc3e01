/** Ends each request's read transaction once its response is ready. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.ts';

export const readTransactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await contextValue.reader.close();
      },
    };
  },
};
