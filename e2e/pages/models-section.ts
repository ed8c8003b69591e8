/** Page object for Settings → Detection models. */
import type { Locator, Page } from '@playwright/test';

export class ModelsSection {
  readonly region: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Detection models' });
    this.table = this.region.getByRole('table', { name: 'Detection models' });
  }

  /** The row of the model called `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }
}
