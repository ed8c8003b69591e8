/**
 * The security checklist on the built main bundle (dist/main/index.cjs, what electron-builder packs),
 * started on the fake `electron` module (main/shell/fake-electron.ts) with Node's module loader
 * handing it over for `require('electron')`. main/shell/security-checklist.spec.ts checks the same
 * items, one by one, on the sources; this proves the bundle kept them, and that its renderer folder
 * (dist/renderer) loads nothing remote.
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { REQUEST_CHANNELS } from '../preload/api';
import * as fake from '../main/shell/fake-electron';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface ModuleLoader {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
}

test.describe('security checklist on the built bundle', () => {
  // Playwright reads a test's fixtures from its first parameter's pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test('should keep every checklist item in dist/main/index.cjs', async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'chromium-host', 'checks files, not a window: it runs once');
    const loader = require('node:module') as ModuleLoader;
    const load = loader._load;
    const dataDir = await mkdtemp(join(tmpdir(), 'ww-p-bundle-'));
    const previous = process.env.WIREWATCH_DATA_DIR;
    process.env.WIREWATCH_DATA_DIR = dataDir;
    loader._load = (request, parent, isMain) => (request === 'electron' ? fake : load(request, parent, isMain));
    try {
      require(join(root, 'dist', 'main', 'index.cjs'));
      fake.app.becomeReady();
      await expect.poll(() => fake.BrowserWindow.created.length).toBe(1);
      const [window] = fake.BrowserWindow.created;
      if (window === undefined) throw new Error('no window');

      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
      });
      expect(window.loadedUrl).toBe('app://wirewatch/index.html');
      expect(window.webContents.dispatch('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
      expect(window.webContents.dispatch('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
      expect(
        window.webContents.windowOpenHandler?.({ url: 'https://example.com/', frameName: '', features: '' }),
      ).toEqual({
        action: 'deny',
      });
      const granted: boolean[] = [];
      window.webContents.session.permissionRequestHandler?.(
        window.webContents,
        'media',
        (answer) => granted.push(answer),
        {},
      );
      expect(granted).toEqual([false]);
      expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
      expect(fake.ipcMain.listened).toEqual([]);

      // The built renderer, served through app:// with the CSP, refers to nothing remote.
      const handle = fake.protocol.handlers.get('app');
      const page = await handle?.(new Request('app://wirewatch/index.html'));
      expect(page?.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await readFile(join(root, 'dist', 'renderer', 'index.html'), 'utf8');
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
      for (const asset of await readdir(join(root, 'dist', 'renderer', 'assets'))) {
        if (!asset.endsWith('.css')) continue;
        expect(await readFile(join(root, 'dist', 'renderer', 'assets', asset), 'utf8'), asset).not.toMatch(
          /url\(\s*["']?(https?:)?\/\//i,
        );
      }
    } finally {
      loader._load = load;
      fake.app.dispatch('before-quit');
      if (previous === undefined) delete process.env.WIREWATCH_DATA_DIR;
      else process.env.WIREWATCH_DATA_DIR = previous;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
