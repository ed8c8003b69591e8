import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsStore } from '../settings/settings-store';
import {
  AUTOSTART_FILE,
  applyStartAtLogin,
  autostartEntry,
  followStartAtLogin,
  startedAtLogin,
  type LoginItemPlatform,
} from './login-item';

vi.mock('electron', () => import('./fake-electron'));

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-login-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function platform(name: NodeJS.Platform, calls: unknown[] = []): LoginItemPlatform {
  return {
    platform: name,
    executable: '/opt/Wire "watch"/wirewatch',
    autostartDir: join(dir, 'autostart'),
    setLoginItemSettings: (settings) => calls.push(settings),
  };
}

describe('start at login', () => {
  it('should write an XDG autostart entry on Linux that starts the app hidden, and remove it', async () => {
    const linux = platform('linux');
    const path = join(dir, 'autostart', AUTOSTART_FILE);
    await applyStartAtLogin(true, linux);
    const entry = await readFile(path, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Wirewatch\n');
    // Quoted and escaped as the Desktop Entry Specification's Exec key requires.
    expect(entry).toContain('Exec="/opt/Wire \\"watch\\"/wirewatch" --hidden\n');
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    await applyStartAtLogin(false, linux);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    // Turning off what is already off is fine.
    await expect(applyStartAtLogin(false, linux)).resolves.toBeUndefined();
  });

  it('should use Electron’s login items on macOS and Windows', async () => {
    for (const name of ['darwin', 'win32'] as const) {
      const calls: unknown[] = [];
      await applyStartAtLogin(true, platform(name, calls));
      await applyStartAtLogin(false, platform(name, calls));
      expect(calls).toEqual([
        { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
        { openAtLogin: false, openAsHidden: true, args: ['--hidden'] },
      ]);
    }
  });

  it('should know a login start by its argument or by macOS saying so', () => {
    expect(startedAtLogin(['/opt/Wirewatch/wirewatch', '--hidden'])).toBe(true);
    expect(startedAtLogin(['/opt/Wirewatch/wirewatch', 'capture.pcap'])).toBe(false);
    expect(startedAtLogin([], true)).toBe(true);
  });

  it('should follow the setting from the settings store, now and on change', async () => {
    const settings = new SettingsStore(join(dir, 'data'));
    const path = join(dir, 'autostart', AUTOSTART_FILE);
    followStartAtLogin(settings, platform('linux'));
    await settings.update({ startAtLogin: true });
    await vi.waitFor(async () => expect(await readFile(path, 'utf8')).toContain('--hidden'));
    await settings.update({ startAtLogin: false });
    await vi.waitFor(() => expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' }));
  });

  it('should escape every character the Exec key reserves', () => {
    expect(autostartEntry('/a/$HOME/`x`/b\\c')).toContain('Exec="/a/\\$HOME/\\`x\\`/b\\\\c" --hidden');
  });
});
