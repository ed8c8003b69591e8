/**
 * Moves alerts from main into Dexie: first whatever main still holds (a reload mid-stream), then
 * each batch as it arrives. An alert is acknowledged only after it is stored, so main keeps it if
 * the write fails, and writing it twice is harmless because ids are stable (`put`).
 */
import type { Alert, WirewatchApi } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';

export async function storeAlerts(db: WirewatchDatabase, alerts: readonly Alert[], now = Date.now()): Promise<void> {
  if (alerts.length === 0) return;
  await db.transaction('rw', db.alerts, async () => {
    const existing = await db.alerts.bulkGet(alerts.map((alert) => alert.id));
    const records: StoredAlert[] = alerts.map((alert, index) => ({
      ...alert,
      // A repeat of a stored alert keeps what the person already did with it.
      status: existing[index]?.status ?? 'new',
      received_at: existing[index]?.received_at ?? now,
    }));
    await db.alerts.bulkPut(records);
  });
}

/** Starts the intake; returns the function that stops listening. */
export function startAlertIntake(
  api: WirewatchApi,
  db: WirewatchDatabase,
  onError: (error: unknown) => void,
): () => void {
  let chain = Promise.resolve();
  const receive = (alerts: readonly Alert[]): void => {
    // One batch at a time, in order, so acknowledgements never overtake writes.
    chain = chain
      .then(async () => {
        await storeAlerts(db, alerts);
        await api.invoke(
          'alerts:ack',
          alerts.map((alert) => alert.id),
        );
      })
      .catch(onError);
  };
  const stop = api.on('alerts:new', receive);
  api.invoke('alerts:pending').then(receive, onError);
  return stop;
}
