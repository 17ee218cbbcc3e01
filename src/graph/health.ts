/** A cheap query that proves the database answers. */
import type { GraphReader } from './reader.ts';

/** Runs one trivial query in its own transaction, then closes it. */
export async function pingDatabase(reader: GraphReader): Promise<void> {
  try {
    await reader.rows('RETURN 1 AS ok');
  } finally {
    await reader.close();
  }
}
