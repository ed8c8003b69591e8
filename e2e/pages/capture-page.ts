/** Page object for Live Capture. */
import type { Locator, Page } from '@playwright/test';

export class CapturePage {
  readonly emptyState: Locator;
  readonly interfaces: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No capture running', exact: true });
    this.interfaces = page.getByRole('table', { name: 'Network interfaces' });
  }
}
