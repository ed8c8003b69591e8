/**
 * Tells when the stored alerts change — in this window, another window, or another copy of Dexie
 * on the page — without running any query: Dexie announces each committed write's table parts,
 * and the view decides for itself what to read again (its rows now, its query a little later).
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { WirewatchDatabase } from '../db/database';

/** Calls `listener` after each committed write to `db`'s alerts; returns the function that stops. */
export function onAlertsMutated(db: WirewatchDatabase, listener: () => void): () => void {
  const prefix = `idb://${db.name}/alerts/`;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const heard = (parts: ObservabilitySet): void => {
    if (pending !== undefined || !Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    // Dexie calls this inside the finished transaction's zone; a read started there may join
    // that transaction (and fail), so the listener runs on a fresh turn. Writes heard before it
    // runs fold into one call.
    pending = setTimeout(() => {
      pending = undefined;
      listener();
    }, 0);
  };
  Dexie.on('storagemutated', heard);
  return () => {
    Dexie.on('storagemutated').unsubscribe(heard);
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
  };
}
