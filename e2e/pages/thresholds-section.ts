/** Page object for Settings → Detection thresholds. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class ThresholdsSection {
  readonly region: Locator;
  readonly find: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Detection thresholds' });
    this.find = this.region.getByLabel('Find a threshold');
  }

  /** The value field of `key` (`rule.path`), after narrowing the list to it. */
  async field(key: string): Promise<Locator> {
    await this.find.fill(key);
    const field = this.region.getByRole('textbox', { name: key, exact: true });
    await expect(field).toBeVisible();
    return field;
  }

  /** Types a value and leaves the field, as a person does; main checks and keeps it. */
  async set(key: string, value: string): Promise<void> {
    await test.step(`set ${key} to ${value}`, async () => {
      const field = await this.field(key);
      await field.fill(value);
      await field.press('Enter');
      await field.blur();
    });
  }

  resetButton(key: string): Locator {
    return this.region.getByRole('button', { name: `Reset ${key} to its default`, exact: true });
  }

  async reset(key: string): Promise<void> {
    await test.step(`reset ${key}`, async () => {
      await this.find.fill(key);
      await this.resetButton(key).click();
      await expect(this.resetButton(key)).toBeDisabled();
    });
  }
}
