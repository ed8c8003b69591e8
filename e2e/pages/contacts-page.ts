/** Page object for Edit Contacts. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export interface ContactFields {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly webhook?: string;
  readonly channels?: readonly ('email' | 'SMS' | 'webhook')[];
  readonly minSeverity?: 'low' | 'medium' | 'high' | 'critical';
  readonly kinds?: readonly string[];
  readonly quietHours?: { readonly from: string; readonly to: string; readonly timeZone: string };
}

export class ContactsPage {
  readonly emptyState: Locator;
  readonly form: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.emptyState = page.getByRole('region', { name: 'No contacts yet', exact: true });
    this.form = page.getByRole('form');
    this.list = page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Send test' }) });
  }

  contact(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  /** A field of the form; its problem, when it has one, is its accessible description. */
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async startNew(): Promise<void> {
    await test.step('start a new contact', async () => {
      await this.page.getByRole('button', { name: 'Add contact' }).click();
      await expect(this.form).toBeVisible();
    });
  }

  async edit(name: string): Promise<void> {
    await test.step(`edit ${name}`, async () => {
      await this.contact(name).getByRole('button', { name: 'Edit' }).click();
      await expect(this.form).toBeVisible();
    });
  }

  async fill(fields: ContactFields): Promise<void> {
    await test.step('fill the contact form', async () => {
      const form = this.form;
      if (fields.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(fields.name);
      if (fields.email !== undefined) await form.getByLabel('Email address', { exact: true }).fill(fields.email);
      if (fields.phone !== undefined) await form.getByLabel('Phone (E.164)', { exact: true }).fill(fields.phone);
      if (fields.webhook !== undefined) await form.getByLabel('Webhook URL', { exact: true }).fill(fields.webhook);
      if (fields.channels !== undefined) {
        for (const channel of ['email', 'SMS', 'webhook'] as const) {
          await form.getByLabel(`Send by ${channel}`, { exact: true }).setChecked(fields.channels.includes(channel));
        }
      }
      if (fields.minSeverity !== undefined) await form.getByLabel('Minimum severity').selectOption(fields.minSeverity);
      if (fields.kinds !== undefined) {
        for (const kind of fields.kinds) {
          await form.getByRole('group', { name: 'Kinds of alert' }).getByLabel(kind, { exact: true }).check();
        }
      }
      if (fields.quietHours !== undefined) {
        await form.getByLabel('Hold alerts during quiet hours').check();
        await form.getByLabel('Quiet from').fill(fields.quietHours.from);
        await form.getByLabel('Quiet until').fill(fields.quietHours.to);
        await form.getByLabel('Time zone', { exact: true }).fill(fields.quietHours.timeZone);
      }
    });
  }

  async save(): Promise<void> {
    await test.step('save the contact', async () => {
      await this.form.getByRole('button', { name: 'Save contact' }).click();
    });
  }

  async add(fields: ContactFields): Promise<void> {
    await this.startNew();
    await this.fill(fields);
    await this.save();
    await expect(this.form).toBeHidden();
    if (fields.name !== undefined) await expect(this.contact(fields.name)).toBeVisible();
  }

  async sendTest(name: string): Promise<Locator> {
    return test.step(`send a test to ${name}`, async () => {
      await this.contact(name).getByRole('button', { name: 'Send test' }).click();
      const result = this.contact(name).getByRole('status', { name: `Test result for ${name}` });
      await expect(result).not.toContainText('Sending a test');
      return result;
    });
  }

  async remove(name: string): Promise<void> {
    await test.step(`delete ${name}`, async () => {
      this.page.once('dialog', (dialog) => void dialog.accept());
      await this.contact(name).getByRole('button', { name: 'Delete' }).click();
      await expect(this.contact(name)).toHaveCount(0);
    });
  }
}
