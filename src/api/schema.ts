/** The executable schema: the SDL files under `schema/` plus the resolvers. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resolvers } from '../generated/graphql.ts';
import type { RequestContext } from './context.ts';
import { analyticsResolvers } from './resolvers/analytics.ts';
import { entityResolvers } from './resolvers/entities.ts';
import { factResolvers } from './resolvers/facts.ts';
import { queryResolvers } from './resolvers/query.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(SCHEMA_DIR, name), 'utf8'))
    .join('\n');
}

export const resolvers: Resolvers<RequestContext> = {
  ...queryResolvers,
  ...entityResolvers,
  ...factResolvers,
  ...analyticsResolvers,
};
