/** The cheapest query that proves the database answers. */
import type { GraphReader } from './reader.ts';

export async function pingDatabase(reader: GraphReader): Promise<void> {
  await reader.rows('RETURN 1 AS ok');
}
