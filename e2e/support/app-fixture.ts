/**
 * The `app` fixture: a running Wirewatch with an isolated data folder and a Page showing its window.
 * - chromium-host: `wirewatch serve` plus Debian's Chromium, the real renderer over the WebSocket.
 * - electron: the real Electron app through `_electron.launch`, where a binary exists; elsewhere
 *   every test is skipped with the reason, never passed.
 * Console errors (CSP violations among them) are collected so specs can insist there are none.
 */
import { test as base, _electron, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppWindow } from '../pages/app-window';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { startHost } from './host-runner';

export interface AppFixture {
  readonly window: AppWindow;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen in the window so far. */
  readonly errors: string[];
}

const MAIN_ENTRY = resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'index.cjs');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const test = base.extend<{ app: AppFixture; openAtStart: readonly string[] }>({
  /** Capture files handed to the app at start, as a double-click on the desktop would. */
  openAtStart: [[], { option: true }],
  app: async ({ browser, openAtStart }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const binary = findElectronBinary();
      if ('missing' in binary) {
        testInfo.skip(true, binary.missing);
        return;
      }
      const dataDir = await mkdtemp(join(tmpdir(), 'wirewatch-electron-'));
      const electronApp = await _electron.launch({
        executablePath: binary.path,
        args: [MAIN_ENTRY, ...openAtStart],
        env: { ...process.env, WIREWATCH_DATA_DIR: dataDir },
      });
      try {
        const page = await electronApp.firstWindow();
        const errors = watchErrors(page);
        await use({ window: new AppWindow(page), page, errors });
      } finally {
        await electronApp.close();
        await rm(dataDir, { recursive: true, force: true });
      }
      return;
    }

    const host = await startHost(openAtStart);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(host.url);
      await use({ window: new AppWindow(page), page, errors });
    } finally {
      await context.close();
      await host.stop();
    }
  },
});

export { expect } from '@playwright/test';
