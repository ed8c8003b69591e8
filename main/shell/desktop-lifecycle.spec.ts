/**
 * Desktop behaviour of main/index.ts on the fake `electron` module: started at login it watches from
 * the tray with its window loaded but hidden; a capture double-clicked while it runs (a second
 * instance's argv, or macOS's open-file) comes to this window and starts its analysis; closing keeps
 * it in the tray until the person turns that off, and then closing quits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../preload/api';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dataDir = '';
const argv = process.argv;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

function theWindow(): fake.BrowserWindow {
  const [window] = fake.BrowserWindow.created;
  if (window === undefined) throw new Error('the app opened no window');
  return window;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wirewatch-lifecycle-'));
  vi.stubEnv('WIREWATCH_DATA_DIR', dataDir);
  // How the login item starts the app (main/shell/login-item.ts).
  process.argv = [...argv, '--hidden'];
  await import('../index');
  fake.app.becomeReady();
  await settle();
});

afterAll(async () => {
  process.argv = argv;
  fake.app.dispatch('before-quit');
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('should start at login with its window loaded but hidden, and the tray up', () => {
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(theWindow().loadedUrl).toBe('app://wirewatch/index.html');
    expect(theWindow().visible).toBe(false);
    expect(fake.Tray.created).toHaveLength(1);
  });

  it('should take a capture double-clicked while it runs into this window', () => {
    fake.app.dispatch(
      'second-instance',
      ['/opt/Wirewatch/wirewatch', 'evening.pcapng', '--flag', 'notes.txt'],
      '/home/ana',
    );
    expect(theWindow().visible).toBe(true);
    expect(theWindow().webContents.sent).toContainEqual(['analysis:open-file', { path: '/home/ana/evening.pcapng' }]);
    expect(fake.BrowserWindow.created).toHaveLength(1);
  });

  it("should take a file macOS hands over with 'open-file'", () => {
    const event = fake.app.dispatch('open-file', '/Users/ana/scan.cap');
    expect(event.defaultPrevented).toBe(true);
    expect(theWindow().webContents.sent).toContainEqual(['analysis:open-file', { path: '/Users/ana/scan.cap' }]);
  });

  it('should keep watching from the tray when closed, and quit on close once that is turned off', async () => {
    expect(theWindow().close().defaultPrevented).toBe(true);
    await settle();
    expect(theWindow().visible).toBe(false);
    expect(fake.app.quitCalls).toBe(0);

    const update = fake.ipcMain.handlers.get('settings:update');
    if (update === undefined) throw new Error('settings:update is not registered');
    const frame = { url: 'app://wirewatch/index.html' };
    const reply = (await update(
      { senderFrame: frame, sender: { mainFrame: frame } },
      { closeToTray: false },
    )) as Reply<unknown>;
    expect(reply).toMatchObject({ result: { closeToTray: false } });
    theWindow().close();
    await settle();
    expect(fake.app.quitCalls).toBe(1);
  });
});
