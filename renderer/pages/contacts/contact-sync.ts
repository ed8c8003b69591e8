/** Mirrors the window's contacts (Dexie) to main, which notifies while no window is open. */
import type { WirewatchApi } from '../../../preload/api';
import type { WirewatchDatabase } from '../../db/database';

/**
 * A window whose database has no contacts (a new browser on the browser host, a cleared profile)
 * takes main's copy instead of erasing it; returns how many it took.
 */
export async function adoptMainContacts(db: WirewatchDatabase, api: WirewatchApi): Promise<number> {
  if ((await db.contacts.count()) > 0) return 0;
  const kept = await api.invoke('contacts:list');
  await db.contacts.bulkPut([...kept]);
  return kept.length;
}

export async function syncContacts(db: WirewatchDatabase, api: WirewatchApi): Promise<number> {
  const contacts = await db.contacts.toArray();
  const { count } = await api.invoke('contacts:sync', contacts);
  return count;
}
