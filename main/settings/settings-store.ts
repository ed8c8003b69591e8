/** Main's settings: read once, updated field by field, persisted, and announced on change. */
import { join } from 'node:path';
import * as v from 'valibot';
import {
  DEFAULT_MAIN_SETTINGS,
  MainSettingsPatchSchema,
  type MainSettings,
  type MainSettingsPatch,
} from '../../preload/api/settings';
import { JsonFile } from '../store/json-file';
import { ThresholdSettings } from './threshold-settings';

// Older files may lack fields added later; defaults fill them in instead of rejecting the file.
const StoredSettings = v.pipe(
  MainSettingsPatchSchema,
  v.transform((stored): MainSettings => withPatch(DEFAULT_MAIN_SETTINGS, stored)),
);

/** Applies the fields a patch sets; an undefined field means "unchanged", never "erase". */
function withPatch(base: MainSettings, patch: MainSettingsPatch): MainSettings {
  return {
    closeToTray: patch.closeToTray ?? base.closeToTray,
    desktopNotifications: patch.desktopNotifications ?? base.desktopNotifications,
    startAtLogin: patch.startAtLogin ?? base.startAtLogin,
  };
}

export class SettingsStore {
  readonly #file: JsonFile<typeof StoredSettings>;
  #current: MainSettings | undefined;
  readonly #listeners = new Set<(settings: MainSettings) => void>();
  /** Rule thresholds changed in Settings, which analyses started from the app use. */
  readonly thresholds: ThresholdSettings;

  constructor(dataDir: string) {
    this.#file = new JsonFile(join(dataDir, 'settings.json'), StoredSettings);
    this.thresholds = new ThresholdSettings(dataDir);
  }

  async get(): Promise<MainSettings> {
    this.#current ??= await this.#file.read(DEFAULT_MAIN_SETTINGS);
    return this.#current;
  }

  async update(patch: MainSettingsPatch): Promise<MainSettings> {
    const next = withPatch(await this.get(), patch);
    await this.#file.write(next);
    this.#current = next;
    for (const listener of this.#listeners) listener(next);
    return next;
  }

  onChange(listener: (settings: MainSettings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
