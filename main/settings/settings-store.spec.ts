import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAIN_SETTINGS } from '../../preload/api/settings';
import { SettingsStore } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('should start from the defaults', async () => {
    await expect(new SettingsStore(dir).get()).resolves.toEqual(DEFAULT_MAIN_SETTINGS);
  });

  it('should persist an update and announce it', async () => {
    const store = new SettingsStore(dir);
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings));
    await store.update({ closeToTray: false });
    expect(seen).toEqual([{ closeToTray: false, desktopNotifications: true, startAtLogin: false }]);
    await expect(new SettingsStore(dir).get()).resolves.toEqual({
      closeToTray: false,
      desktopNotifications: true,
      startAtLogin: false,
    });
  });

  it('should treat an undefined field as unchanged', async () => {
    const store = new SettingsStore(dir);
    await store.update({ desktopNotifications: false });
    await expect(store.update({ desktopNotifications: undefined })).resolves.toMatchObject({
      desktopNotifications: false,
    });
  });

  it('should fill fields missing from an older file with defaults', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ closeToTray: false }));
    await expect(new SettingsStore(dir).get()).resolves.toEqual({
      closeToTray: false,
      desktopNotifications: true,
      startAtLogin: false,
    });
  });
});
