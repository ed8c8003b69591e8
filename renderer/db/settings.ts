/** Display preferences kept in Dexie (per browser profile), with their defaults. */
import type { WirewatchDatabase } from './database';

export interface DisplaySettings {
  /** Show times in the machine's zone, or in UTC (as capture tools often do). */
  timeZone: 'local' | 'utc';
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULT_DISPLAY: DisplaySettings = { timeZone: 'local', theme: 'system' };

const KEY = 'display';

export async function readDisplaySettings(db: WirewatchDatabase): Promise<DisplaySettings> {
  const record = await db.settings.get(KEY);
  const stored = (record?.value ?? {}) as Partial<DisplaySettings>;
  return {
    timeZone: stored.timeZone === 'utc' ? 'utc' : 'local',
    theme: stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : 'system',
  };
}

export async function writeDisplaySettings(
  db: WirewatchDatabase,
  patch: Partial<DisplaySettings>,
): Promise<DisplaySettings> {
  const next = { ...(await readDisplaySettings(db)), ...patch };
  await db.settings.put({ key: KEY, value: next });
  return next;
}
