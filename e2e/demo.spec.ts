import { expect, test } from './support/app-fixture';

test('should offer the demo capture to a new user and find its three attacks', async ({ app }) => {
  await app.window.open('Analyse PCAPs');
  await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
  await expect(app.page.getByRole('heading', { level: 2, name: 'demo.pcap' })).toBeVisible();
  await expect(app.page.getByTestId('summary-alerts')).toHaveText('3');
  await app.window.open('View Alerts');
  for (const kind of ['port_scan', 'brute_force', 'dns_tunnel']) {
    await expect(app.page.getByRole('row').filter({ hasText: kind })).toHaveCount(1);
  }
  expect(app.errors).toEqual([]);
});
