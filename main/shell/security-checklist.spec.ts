/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), held
 * against the real main process: main/index.ts starts here on a fake `electron` module that records
 * what the app asks of Electron, so every item is checked on the code that ships, without a binary.
 * e2e/security.spec.ts checks the same from inside the page, in Chromium and (where it exists) Electron.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS, type Reply } from '../../preload/api';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const root = resolve(import.meta.dirname, '..', '..');
const APP_PAGE = 'app://wirewatch/index.html';
let dataDir = '';

function theWindow(): fake.BrowserWindow {
  const [window] = fake.BrowserWindow.created;
  if (window === undefined) throw new Error('the app opened no window');
  return window;
}

/** Calls a registered channel the way ipcMain would, from a frame at `url`. */
async function invoke(
  channel: string,
  args: unknown[],
  frame = { url: APP_PAGE },
  isMain = true,
): Promise<Reply<unknown>> {
  const handler = fake.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`${channel} is not registered`);
  const event = { senderFrame: frame, sender: { mainFrame: isMain ? frame : { url: APP_PAGE } } };
  return (await handler(event, ...args)) as Reply<unknown>;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wirewatch-checklist-'));
  vi.stubEnv('WIREWATCH_DATA_DIR', dataDir);
  await import('../index');
  fake.app.becomeReady();
  await settle();
});

afterAll(async () => {
  fake.app.dispatch('before-quit');
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the main window', () => {
  it('should isolate the renderer: contextIsolation, sandbox, no Node anywhere, no webview', () => {
    const prefs = theWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
    // Settings that must keep Electron's safe defaults: absent, or explicitly safe.
    expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(prefs.webSecurity ?? true).toBe(true);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs.experimentalFeatures ?? false).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('should load only its own app:// page, never remote content', () => {
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(theWindow().loadedUrl).toBe(APP_PAGE);
  });

  it('should refuse navigation and redirects away from the app', () => {
    const contents = theWindow().webContents;
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/x']) {
      expect(contents.dispatch('will-navigate', url).defaultPrevented, url).toBe(true);
      expect(contents.dispatch('will-redirect', url).defaultPrevented, url).toBe(true);
    }
    expect(contents.dispatch('will-navigate', 'app://wirewatch/index.html#/alerts').defaultPrevented).toBe(false);
  });

  it('should refuse to attach webviews', () => {
    const event = theWindow().webContents.dispatch('will-attach-webview', {}, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('should deny every new window, sending https links to the browser and nothing else anywhere', async () => {
    const handler = theWindow().webContents.windowOpenHandler;
    if (handler === null) throw new Error('no window-open handler');
    for (const url of [
      'https://example.com/docs',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      APP_PAGE,
    ]) {
      expect(handler({ url, frameName: '', features: '' }), url).toEqual({ action: 'deny' });
    }
    await settle();
    expect(fake.shell.opened).toEqual(['https://example.com/docs']);
  });

  it('should deny every permission request and check', () => {
    const session = theWindow().webContents.session;
    const request = session.permissionRequestHandler;
    const check = session.permissionCheckHandler;
    if (request === null || check === null) throw new Error('permission handlers missing');
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'serial',
    ]) {
      const answers: boolean[] = [];
      request(theWindow().webContents, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(check(theWindow().webContents, permission, 'app://wirewatch', {}), permission).toBe(false);
    }
  });

  it('should hide to the tray on close by default instead of quitting', async () => {
    const window = theWindow();
    window.show();
    expect(window.close().defaultPrevented).toBe(true);
    await settle();
    expect(window.visible).toBe(false);
    expect(fake.app.quitCalls).toBe(0);
    expect(fake.Tray.created).toHaveLength(1);
  });
});

describe('the app:// scheme', () => {
  it('should be a standard, secure scheme that does not bypass the CSP', () => {
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('should serve renderer files with the CSP and nothing outside the renderer folder', async () => {
    const handle = fake.protocol.handlers.get('app');
    if (handle === undefined) throw new Error('app:// is not served');
    const page = await handle(new Request(APP_PAGE));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of [
      'app://wirewatch/..%2F..%2Fpackage.json',
      'app://wirewatch/%2e%2e/%2e%2e/package.json',
      'app://elsewhere/index.html',
    ]) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('should deny by default and allow only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('should allow no inline code, no eval and no remote source anywhere', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/unsafe-|^\*$|^https?:|^wss?:|^\*\.|:\/\//);
      }
    }
  });

  it('should keep remote URLs out of the renderer page', async () => {
    const html = await readFile(join(root, 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
  });
});

describe('IPC', () => {
  it('should register exactly the contract’s request channels, all through ipcMain.handle', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(fake.ipcMain.listened).toEqual([]);
  });

  it('should check the sender on every channel: foreign pages and subframes are refused', async () => {
    for (const channel of REQUEST_CHANNELS) {
      const foreign = await invoke(channel, [], { url: 'https://evil.example/' });
      expect(foreign, channel).toEqual({
        error: { code: 'forbidden-sender', message: expect.stringContaining(channel) as string },
      });
      const subframe = await invoke(channel, [], { url: APP_PAGE }, false);
      expect(subframe, channel).toMatchObject({ error: { code: 'forbidden-sender' } });
    }
  });

  it('should validate payloads before any handler runs', async () => {
    await expect(invoke('settings:update', [{ closeToTray: 'yes' }])).resolves.toMatchObject({
      error: { code: 'invalid-payload' },
    });
    await expect(invoke('settings:get', ['unexpected'])).resolves.toMatchObject({ error: { code: 'invalid-payload' } });
    await expect(invoke('settings:get', [])).resolves.toMatchObject({ result: { closeToTray: true } });
  });

  it('should call ipcMain only from the registrar the registration helper uses', async () => {
    // A handler wired any other way would skip the sender and payload checks above.
    const offenders: string[] = [];
    const visit = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await visit(path);
        else if (/\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) && entry.name !== 'fake-electron.ts') {
          if (/\bipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\b/.test(await readFile(path, 'utf8'))) {
            offenders.push(relative(root, path));
          }
        }
      }
    };
    await visit(join(root, 'main'));
    expect(offenders).toEqual(['main/shell/electron-registrar.ts']);
  });
});
