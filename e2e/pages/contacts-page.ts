/** Page object for Edit Contacts. */
import type { Locator, Page } from '@playwright/test';

export class ContactsPage {
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No contacts yet', exact: true });
  }
}
