/** Page object for Live Capture. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class CapturePage {
  readonly emptyState: Locator;
  readonly interfaces: Locator;
  readonly form: Locator;
  readonly status: Locator;
  readonly problem: Locator;
  readonly counters: Locator;
  readonly liveAlerts: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No capture running', exact: true });
    this.interfaces = page.getByRole('table', { name: 'Network interfaces' });
    this.form = page.getByRole('form', { name: 'Capture settings' });
    this.status = page.getByRole('status', { name: 'Capture status' });
    this.problem = page.getByRole('alert', { name: 'Capture problem' });
    this.counters = page.getByRole('table', { name: 'Capture counters' });
    this.liveAlerts = page.getByRole('region', { name: 'Live alerts' });
  }

  async start(interfaceName: string, filter = ''): Promise<void> {
    await test.step(`start capturing on ${interfaceName}`, async () => {
      await this.form.getByLabel('Interface', { exact: true }).selectOption(interfaceName);
      await this.form.getByLabel('Capture filter').fill(filter);
      await this.form.getByRole('button', { name: 'Start capture' }).click();
      await expect(this.status).toContainText(`Capturing on ${interfaceName}`);
    });
  }

  async stop(): Promise<void> {
    await test.step('stop the capture', async () => {
      await this.form.getByRole('button', { name: 'Stop capture' }).click();
      await expect(this.status).toContainText('stopped after');
    });
  }

  get interfacePicker(): Locator {
    return this.form.getByLabel('Interface', { exact: true });
  }

  /** The value cell of one counter row, e.g. "Packets seen". */
  counter(name: string): Locator {
    return this.counters.getByRole('row', { name }).getByRole('cell');
  }
}
