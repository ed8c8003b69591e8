/** Page object for the window's shell: navigation between pages, toasts, reload. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AlertsPage } from './alerts-page';
import { AnalysePage } from './analyse-page';
import { CapturePage } from './capture-page';
import { ContactsPage } from './contacts-page';
import { SettingsPage } from './settings-page';

export const PAGE_NAMES = ['View Alerts', 'Analyse PCAPs', 'Live Capture', 'Edit Contacts', 'Settings'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export class AppWindow {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  async open(name: PageName): Promise<void> {
    await test.step(`open ${name}`, async () => {
      await this.nav.getByRole('link', { name }).click();
      await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(this.nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    });
  }

  async reload(): Promise<void> {
    await test.step('reload the window', async () => {
      await this.page.reload();
      await expect(this.nav).toBeVisible();
    });
  }

  alerts(): AlertsPage {
    return new AlertsPage(this.page);
  }
  analyse(): AnalysePage {
    return new AnalysePage(this.page);
  }
  capture(): CapturePage {
    return new CapturePage(this.page);
  }
  contacts(): ContactsPage {
    return new ContactsPage(this.page);
  }
  settings(): SettingsPage {
    return new SettingsPage(this.page);
  }
}
