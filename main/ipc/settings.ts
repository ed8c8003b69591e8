/** Handlers for the settings domain. */
import type { About, settingsRequests } from '../../preload/api/settings';
import type { SettingsStore } from '../settings/settings-store';
import type { DomainHandlers } from './handler';

export function settingsHandlers(store: SettingsStore, about: About): DomainHandlers<keyof typeof settingsRequests> {
  return {
    'settings:get': () => store.get(),
    'settings:update': (_context, patch) => store.update(patch),
    'settings:about': () => about,
  };
}
