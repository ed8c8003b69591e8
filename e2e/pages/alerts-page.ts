/** Page object for View Alerts. */
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';

export class AlertsPage {
  readonly emptyState: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly shown: Locator;
  readonly search: Locator;
  readonly details: Locator;
  readonly evidence: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No alerts yet', exact: true });
    this.table = page.getByRole('grid', { name: 'Alerts table' });
    // Data rows only: the header row holds column headers, not cells.
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('gridcell') });
    this.shown = page.getByRole('status', { name: 'Alerts shown' });
    this.search = page.getByRole('search', { name: 'Search alerts' });
    this.details = page.getByRole('complementary');
    this.evidence = page.getByTestId('evidence');
  }

  row(kind: string): Locator {
    return this.rows.filter({ hasText: kind });
  }

  async searchFor(fields: { kinds?: string[]; src?: string; text?: string }): Promise<void> {
    await test.step(`search ${JSON.stringify(fields)}`, async () => {
      await this.search.getByRole('button', { name: 'Clear' }).click();
      if (fields.kinds !== undefined) await this.search.getByLabel('Kind').selectOption(fields.kinds);
      if (fields.src !== undefined) await this.search.getByLabel('Source IP or CIDR').fill(fields.src);
      if (fields.text !== undefined) await this.search.getByLabel('Search text').fill(fields.text);
      await this.search.getByRole('button', { name: 'Search', exact: true }).click();
    });
  }

  async clearSearch(): Promise<void> {
    await this.search.getByRole('button', { name: 'Clear' }).click();
  }

  async open(kind: string): Promise<void> {
    await test.step(`open the ${kind} alert`, async () => {
      await this.row(kind).click();
      await expect(this.details.getByRole('heading', { level: 2 })).toContainText(kind);
    });
  }

  async savePackets(folder: string): Promise<string> {
    return test.step('save the evidence packets', async () => {
      await this.details.getByLabel('Folder on the machine running Wirewatch').fill(folder);
      await this.details.getByRole('button', { name: 'Save packets' }).click();
      const path = this.page.getByTestId('evidence-path');
      await expect(path).toBeVisible();
      return (await path.textContent()) ?? '';
    });
  }

  async suppressOpenAlert(): Promise<void> {
    await test.step('suppress the open alert by kind and source', async () => {
      await this.details.getByRole('button', { name: 'Suppress…' }).click();
      await this.details
        .getByRole('form', { name: 'Suppress alerts like this' })
        .getByRole('button', { name: 'Suppress' })
        .click();
    });
  }

  async export(format: 'Export CSV' | 'Export JSON lines'): Promise<Download> {
    return test.step(format, async () => {
      const download = this.page.waitForEvent('download');
      await this.page.getByRole('button', { name: format }).click();
      return download;
    });
  }
}
