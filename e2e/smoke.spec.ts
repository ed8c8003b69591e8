import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/app-fixture';

test.describe('smoke', () => {
  test('should open every page and show its empty state', async ({ app }) => {
    const { window } = app;
    await expect(window.alerts().emptyState).toBeVisible();

    await window.open('Analyse PCAPs');
    await expect(window.analyse().emptyState).toBeVisible();
    await expect(window.analyse().dropZone).toBeVisible();

    await window.open('Live Capture');
    await expect(window.capture().emptyState).toBeVisible();
    await expect(window.capture().interfaces.getByRole('cell', { name: 'lo', exact: true })).toBeVisible();

    await window.open('Edit Contacts');
    await expect(window.contacts().emptyState).toBeVisible();

    await window.open('Settings');
    await expect(window.settings().timeZone).toHaveValue('local');

    await window.open('View Alerts');
    await expect(window.alerts().emptyState).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test('should keep a setting written through Dexie across a reload', async ({ app }) => {
    const { window } = app;
    await window.open('Settings');
    await window.settings().showTimesIn('UTC');
    await window.reload();
    await expect(window.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(window.settings().timeZone).toHaveValue('utc');
    expect(app.errors).toEqual([]);
  });

  test('should keep a main-process setting across a reload', async ({ app }) => {
    const { window } = app;
    await window.open('Settings');
    await expect(window.settings().closeToTray).toBeChecked();
    await window.settings().closeToTray.uncheck();
    await window.reload();
    await expect(window.settings().closeToTray).not.toBeChecked();
  });

  test('should recognise a capture file by its bytes, not its name', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'Electron resolves dropped files itself; no path form');
    const folder = testInfo.outputPath();
    const capture = join(folder, 'renamed.txt');
    const notCapture = join(folder, 'fake.pcap');
    // A classic pcap global header and no packets: little-endian, microsecond resolution, Ethernet.
    await writeFile(capture, Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex'));
    await writeFile(notCapture, '<!doctype html>');

    const analyse = app.window.analyse();
    await app.window.open('Analyse PCAPs');
    await analyse.openByPath(capture);
    await expect(app.page.getByRole('heading', { level: 2, name: 'renamed.txt' })).toBeVisible();
    await expect(analyse.summaryValue('summary-packets')).toHaveText('0');

    await analyse.openByPath(notCapture);
    await expect(app.page.getByRole('alert').filter({ hasText: 'This file cannot be analysed' })).toContainText(
      /fake\.pcap is not a capture file: it starts with 3c 21 64 6f/,
    );
  });
});
