/** The origins (capture files, interfaces) stored alerts came from, for the search's origin menu. */
import type { WirewatchDatabase } from '../db/database';

/** At most this many are listed; beyond, the person types into free text instead. */
const MAX_ORIGINS = 200;

/**
 * Distinct origins by skipping along the [origin+first_seen] index: one probe per origin, however
 * many alerts each has.
 */
export async function storedOrigins(db: WirewatchDatabase): Promise<string[]> {
  const origins: string[] = [];
  let next = await db.alerts.orderBy('[origin+first_seen]').first();
  while (next !== undefined && origins.length < MAX_ORIGINS) {
    origins.push(next.origin);
    next = await db.alerts.where('[origin+first_seen]').above([next.origin, Infinity]).first();
  }
  return origins;
}
