/** Page object for Analyse PCAPs. */
import { test, type Locator, type Page } from '@playwright/test';

export class AnalysePage {
  readonly emptyState: Locator;
  readonly dropZone: Locator;
  readonly fileCard: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No capture file open', exact: true });
    this.dropZone = page.getByRole('region', { name: 'Drop capture files here', exact: true });
    this.fileCard = page.getByRole('region', { name: 'Capture file', exact: true });
    this.problem = page.locator('main').getByRole('alert');
  }

  /** Names a file by its path on the Wirewatch machine (the browser host cannot learn it from a drop). */
  async openByPath(path: string): Promise<void> {
    await test.step(`open ${path} by path`, async () => {
      await this.page.getByLabel('Path on the machine running Wirewatch').fill(path);
      await this.page.getByRole('button', { name: 'Open' }).click();
    });
  }
}
