/**
 * Start at login, from Settings: the desktop app offers it and keeps the choice; the browser host,
 * which has no desktop session to start with, shows it switched off and says why.
 */
import { expect, test } from './support/app-fixture';

test.describe('start at login', () => {
  test('should offer start at login in the desktop app only, off by default', async ({ app }, testInfo) => {
    await app.window.open('Settings');
    const startAtLogin = app.page.getByLabel('Start Wirewatch when I log in');
    await expect(startAtLogin).not.toBeChecked();
    if (testInfo.project.name === 'electron') {
      await startAtLogin.check();
      await app.window.reload();
      await expect(app.page.getByLabel('Start Wirewatch when I log in')).toBeChecked();
      await app.page.getByLabel('Start Wirewatch when I log in').uncheck();
    } else {
      await expect(startAtLogin).toBeDisabled();
      await expect(startAtLogin).toHaveAccessibleDescription(/Only the desktop app can start at login/);
    }
    expect(app.errors).toEqual([]);
  });
});
