/** Display preferences as shared state: loaded from Dexie once, saved on every change. */
import type { WirewatchDatabase } from './database';
import { DEFAULT_DISPLAY, readDisplaySettings, writeDisplaySettings, type DisplaySettings } from './settings';

export class DisplayPrefs {
  current = $state<DisplaySettings>({ ...DEFAULT_DISPLAY });
  readonly #db: WirewatchDatabase;

  constructor(db: WirewatchDatabase) {
    this.#db = db;
  }

  async load(): Promise<void> {
    this.current = await readDisplaySettings(this.#db);
  }

  async update(patch: Partial<DisplaySettings>): Promise<void> {
    this.current = await writeDisplaySettings(this.#db, patch);
  }
}
