/** Handlers for the settings domain. */
import type { About, settingsRequests } from '../../preload/api/settings';
import type { SettingsStore } from '../settings/settings-store';
import { listModels } from '../engine/models/list-models';
import { shippedModelsDir } from '../engine/models/model-paths';
import type { DomainHandlers } from './handler';

export function settingsHandlers(store: SettingsStore, about: About): DomainHandlers<keyof typeof settingsRequests> {
  return {
    'settings:get': () => store.get(),
    'settings:update': (_context, patch) => store.update(patch),
    'settings:about': () => about,
    'settings:models': () => listModels(shippedModelsDir(__dirname), about.dataDir),
    'settings:thresholds': () => store.thresholds.catalogue(),
    'settings:setThreshold': (_context, key, value) => store.thresholds.set(key, value),
    'settings:resetThreshold': (_context, key) => store.thresholds.reset(key),
  };
}
