/** Page object for Settings. */
import { test, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly timeZone: Locator;
  readonly closeToTray: Locator;

  constructor(readonly page: Page) {
    this.timeZone = page.getByLabel('Show times in');
    this.closeToTray = page.getByLabel('Keep watching from the tray when the window is closed');
  }

  async showTimesIn(zone: 'Local time' | 'UTC'): Promise<void> {
    await test.step(`show times in ${zone}`, async () => {
      await this.timeZone.selectOption({ label: zone });
    });
  }
}
