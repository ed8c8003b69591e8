/**
 * Moves alerts from main into Dexie: first whatever main still holds (a reload mid-stream), then
 * the batches as they arrive — coalesced while a write is under way, so a burst becomes a few
 * transactions, not one per event. An alert is acknowledged only after it is stored, so main keeps
 * it if the write fails (storage full), and writing it twice is harmless because ids are stable.
 *
 * The intake also keeps the suppression marks of stored alerts in step with main's list, and
 * prunes by the retention settings now and then.
 */
import { findSuppression, type Alert, type Suppression, type WirewatchApi } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';
import { alertIndexFields } from './alert-record';
import { pruneAlerts, readRetention } from './alert-retention';
import { AlertStoreFullError, isQuotaError } from './store-errors';
import { applySuppressions } from './suppression-sync';

/** Alerts written per transaction: big enough for throughput, small enough to stay responsive. */
export const BATCH_SIZE = 2_000;
/** Least time between two retention passes. */
const PRUNE_INTERVAL_MS = 60_000;

export async function storeAlerts(
  db: WirewatchDatabase,
  alerts: readonly Alert[],
  now = Date.now(),
  suppressions: readonly Suppression[] = [],
): Promise<void> {
  if (alerts.length === 0) return;
  try {
    await db.transaction('rw', db.alerts, async () => {
      const existing = await db.alerts.bulkGet(alerts.map((alert) => alert.id));
      const records: StoredAlert[] = alerts.map((alert, index) => ({
        ...alert,
        ...alertIndexFields(alert),
        // A repeat of a stored alert keeps what the person already did with it.
        status: existing[index]?.status ?? 'new',
        received_at: existing[index]?.received_at ?? now,
        suppressed: findSuppression(suppressions, alert) === undefined ? 0 : 1,
      }));
      await db.alerts.bulkPut(records);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new AlertStoreFullError(alerts.length, { cause: error });
    throw error;
  }
}

/** The latest version of each alert, in first-arrival order. */
function latestById(alerts: readonly Alert[]): Alert[] {
  const byId = new Map<string, Alert>();
  for (const alert of alerts) byId.set(alert.id, alert);
  return [...byId.values()];
}

/** Starts the intake; returns the function that stops listening. */
export function startAlertIntake(
  api: WirewatchApi,
  db: WirewatchDatabase,
  onError: (error: unknown) => void,
): () => void {
  let suppressions: readonly Suppression[] = [];
  let queued: Alert[] = [];
  let writing = false;
  let stopped = false;
  let lastPrune = 0;

  const prune = async (): Promise<void> => {
    if (Date.now() - lastPrune < PRUNE_INTERVAL_MS) return;
    lastPrune = Date.now();
    await pruneAlerts(db, await readRetention(db));
  };

  const drain = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    try {
      while (queued.length > 0 && !stopped) {
        const batch = latestById(queued.splice(0, BATCH_SIZE));
        try {
          await storeAlerts(db, batch, Date.now(), suppressions);
          // Pruning (once a minute at most) comes before the acknowledgement, so a window that
          // closes right after an ack leaves no pass half done; its failure never holds an ack back.
          await prune().catch(onError);
          await api.invoke(
            'alerts:ack',
            batch.map((alert) => alert.id),
          );
        } catch (error) {
          // Not acknowledged: main still holds the batch and hands it over again on the next start.
          onError(error);
        }
      }
    } finally {
      writing = false;
    }
  };

  const receive = (alerts: readonly Alert[]): void => {
    queued.push(...alerts);
    drain().catch(onError);
  };

  const suppressionsChanged = (next: readonly Suppression[]): void => {
    suppressions = next;
    applySuppressions(db, next).catch(onError);
  };

  const stops = [api.on('alerts:new', receive), api.on('alerts:suppressions-changed', suppressionsChanged)];
  // Suppressions first, so alerts held while the window was away are stored with their marks.
  api
    .invoke('alerts:suppressions')
    .then(suppressionsChanged, onError)
    .then(() => api.invoke('alerts:pending'))
    .then(receive, onError);
  return () => {
    stopped = true;
    queued = [];
    stops.forEach((stop) => stop());
  };
}
