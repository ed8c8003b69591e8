/** Page object for View Alerts. */
import type { Locator, Page } from '@playwright/test';

export class AlertsPage {
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No alerts yet', exact: true });
  }
}
