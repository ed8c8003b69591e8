/** Page object for Analyse PCAPs. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

export class AnalysePage {
  readonly emptyState: Locator;
  readonly dropZone: Locator;
  readonly problem: Locator;
  readonly progress: Locator;
  readonly summary: Locator;
  readonly flows: Locator;
  readonly flowCount: Locator;
  readonly flowFilter: Locator;
  readonly pastAnalyses: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No capture file open', exact: true });
    this.dropZone = page.getByRole('region', { name: 'Drop capture files here', exact: true });
    this.problem = page.locator('main').getByRole('alert');
    this.progress = page.getByRole('region', { name: 'Analysis progress', exact: true });
    this.summary = page.getByRole('list', { name: 'Summary' });
    this.flows = page.getByRole('table', { name: 'Flows table' });
    this.flowCount = page.getByRole('region', { name: 'Flows', exact: true }).getByRole('status');
    this.flowFilter = page.getByLabel('Filter flows');
    this.pastAnalyses = page.getByRole('region', { name: 'Past analyses' });
  }

  /** Names a file by its path on the Wirewatch machine (the browser host cannot learn it from a drop). */
  async openByPath(path: string): Promise<void> {
    await test.step(`open ${path} by path`, async () => {
      await this.page.getByLabel('Path on the machine running Wirewatch').fill(path);
      await this.page.getByRole('button', { name: 'Open', exact: true }).click();
    });
  }

  /** Picks a file with the file dialog. */
  async pick(path: string): Promise<void> {
    await test.step(`pick ${basename(path)}`, async () => {
      await this.page.getByLabel('Capture file', { exact: true }).setInputFiles(path);
    });
  }

  /** Drops a file on the drop zone as a person dragging it from a file manager would. */
  async drop(path: string): Promise<void> {
    await test.step(`drop ${basename(path)}`, async () => {
      const bytes = [...(await readFile(path))];
      const dataTransfer = await this.page.evaluateHandle(
        ({ name, content }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(content)], name));
          return transfer;
        },
        { name: basename(path), content: bytes },
      );
      await this.dropZone.dispatchEvent('dragover', { dataTransfer });
      await this.dropZone.dispatchEvent('drop', { dataTransfer });
    });
  }

  summaryValue(testId: 'summary-packets' | 'summary-flows'): Locator {
    return this.page.getByTestId(testId);
  }

  async reopen(name: string): Promise<void> {
    await test.step(`reopen ${name}`, async () => {
      await this.pastAnalyses.getByRole('link', { name }).first().click();
      await expect(this.summary).toBeVisible();
    });
  }
}
