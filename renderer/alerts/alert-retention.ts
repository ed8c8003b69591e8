/**
 * How long alerts are kept: by age (since they were stored) and by count (the oldest go first).
 * Pruning deletes in chunks so a large backlog never holds one long transaction.
 */
import type { WirewatchDatabase } from '../db/database';

export interface RetentionSettings {
  /** Days an alert is kept after it was stored; null: no age limit. */
  readonly maxAgeDays: number | null;
  /** Most alerts kept; null: no count limit. */
  readonly maxCount: number | null;
}

/**
 * Ninety days covers a quarter's investigations; a million alerts of about 1.5 KB each is ~1.5 GB,
 * well inside Chromium's per-origin quota on a desktop disk while View Alerts stays fast.
 */
export const DEFAULT_RETENTION: RetentionSettings = { maxAgeDays: 90, maxCount: 1_000_000 };

const KEY = 'alert-retention';
const CHUNK = 5_000;
const DAY_MS = 86_400_000;
const MAX_DAYS = 36_500;
const MAX_COUNT = 100_000_000;

function limit(value: unknown, max: number): number | null | undefined {
  if (value === null) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

export async function readRetention(db: WirewatchDatabase): Promise<RetentionSettings> {
  const stored = ((await db.settings.get(KEY))?.value ?? {}) as Record<string, unknown>;
  const maxAgeDays = limit(stored.maxAgeDays, MAX_DAYS);
  const maxCount = limit(stored.maxCount, MAX_COUNT);
  return {
    maxAgeDays: maxAgeDays === undefined ? DEFAULT_RETENTION.maxAgeDays : maxAgeDays,
    maxCount: maxCount === undefined ? DEFAULT_RETENTION.maxCount : maxCount,
  };
}

export async function writeRetention(db: WirewatchDatabase, settings: RetentionSettings): Promise<void> {
  if (limit(settings.maxAgeDays, MAX_DAYS) === undefined || limit(settings.maxCount, MAX_COUNT) === undefined) {
    throw new RangeError('keep alerts for 1 to 36,500 days and 1 to 100,000,000 alerts, or without a limit');
  }
  await db.settings.put({ key: KEY, value: settings });
}

async function deleteInChunks(db: WirewatchDatabase, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += CHUNK) await db.alerts.bulkDelete(keys.slice(start, start + CHUNK));
}

/** Deletes what the settings no longer keep; returns how many alerts went. */
export async function pruneAlerts(
  db: WirewatchDatabase,
  settings: RetentionSettings,
  now = Date.now(),
): Promise<number> {
  let deleted = 0;
  if (settings.maxAgeDays !== null) {
    const old = await db.alerts
      .where('received_at')
      .below(now - settings.maxAgeDays * DAY_MS)
      .primaryKeys();
    await deleteInChunks(db, old);
    deleted += old.length;
  }
  if (settings.maxCount !== null) {
    const excess = (await db.alerts.count()) - settings.maxCount;
    if (excess > 0) {
      const oldest = await db.alerts.orderBy('received_at').limit(excess).primaryKeys();
      await deleteInChunks(db, oldest);
      deleted += oldest.length;
    }
  }
  return deleted;
}
