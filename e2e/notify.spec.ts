import { expect, test } from './support/app-fixture';
import { EmailSettings } from './pages/email-settings';
import { unusedPort } from '../main/notify/testing/http-test-server';

test('should show a delivery to an unreachable mail server as retrying, and lose no alert', async ({ app }) => {
  const port = await unusedPort();
  await app.window.open('Settings');
  await new EmailSettings(app.page).useSmtp({
    host: '127.0.0.1',
    port,
    tls: 'None (plain SMTP)',
    from: 'alerts@wirewatch.test',
  });
  await app.window.open('Edit Contacts');
  await app.window.contacts().add({ name: 'Ops', email: 'ops@example.org', channels: ['email'], minSeverity: 'high' });

  await app.window.open('Analyse PCAPs');
  await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
  await expect(app.page.getByTestId('summary-alerts')).toHaveText('3');

  await app.window.open('Settings');
  const rows = app.page
    .getByRole('table', { name: 'Deliveries' })
    .getByRole('row')
    .filter({ hasText: 'ops@example.org' });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('queued after 1 attempt');
    await expect(row).toContainText(/next try .*ECONNREFUSED/);
  }
  // Detection was not held up: every alert is stored.
  await app.window.open('View Alerts');
  for (const kind of ['port_scan', 'brute_force', 'dns_tunnel']) {
    await expect(app.page.getByRole('row').filter({ hasText: kind })).toHaveCount(1);
  }
});

test('should pause notifications for an hour from Settings and resume them', async ({ app }) => {
  await app.window.open('Settings');
  await app.page.getByRole('button', { name: 'Pause notifications for 1 h' }).click();
  await expect(
    app.page.getByText(/Notifications are paused until .*; alerts are kept and arrive in the next digest/),
  ).toBeVisible();
  await app.window.reload();
  await app.window.open('Settings');
  await app.page.getByRole('button', { name: 'Resume notifications' }).click();
  await expect(app.page.getByRole('button', { name: 'Pause notifications for 1 h' })).toBeVisible();
});
