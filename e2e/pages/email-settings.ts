/** Page object for the Email and SMS section of Settings. */
import { expect, test, type Locator, type Page } from '@playwright/test';

export class EmailSettings {
  readonly smtpForm: Locator;

  constructor(readonly page: Page) {
    this.smtpForm = page.getByRole('form', { name: 'SMTP server' });
  }

  async useSmtp(server: {
    host: string;
    port: number;
    tls: 'None (plain SMTP)' | 'STARTTLS (port 587)' | 'TLS (port 465)';
    from: string;
  }): Promise<void> {
    await test.step(`use the SMTP server ${server.host}:${server.port}`, async () => {
      await this.smtpForm.getByLabel('SMTP host').fill(server.host);
      await this.smtpForm.getByLabel('SMTP port').fill(String(server.port));
      await this.smtpForm.getByLabel('TLS').selectOption({ label: server.tls });
      await this.smtpForm.getByLabel('From address').fill(server.from);
      await this.smtpForm.getByRole('button', { name: 'Save email settings' }).click();
      await expect(this.page.getByText('Email settings saved')).toBeVisible();
    });
  }
}
