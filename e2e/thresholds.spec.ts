import { resolve } from 'node:path';
import { ThresholdsSection } from './pages/thresholds-section';
import { expect, test } from './support/app-fixture';

const DEMO = resolve(import.meta.dirname, '..', 'resources', 'demo', 'demo.pcap');

test('should let a person raise the port scan thresholds and see the demo scan go quiet, then come back', async ({
  app,
}) => {
  const thresholds = new ThresholdsSection(app.page);
  await app.window.open('Settings');

  await test.step('a value that is not a number is refused with the reason', async () => {
    await thresholds.set('port_scan.fastPorts', 'many');
    await expect(thresholds.region.getByRole('alert')).toHaveText('Enter a number.');
    await expect(await thresholds.field('port_scan.fastPorts')).toHaveAttribute('aria-invalid', 'true');
  });

  await thresholds.set('port_scan.fastPorts', '2000');
  await thresholds.set('port_scan.slowPorts', '2000');
  await expect(thresholds.region.getByRole('alert')).toHaveCount(0);
  await expect(thresholds.resetButton('port_scan.slowPorts')).toBeEnabled();
  await expect(thresholds.region.getByText('2 changed from the defaults.')).toBeVisible();

  // The rule's own alerts: a model may name the scan too, and thresholds are the rules'.
  const ruleRows = (rule: string) => app.page.getByRole('row').filter({ hasText: `rule:${rule}` });

  await test.step('the demo capture analysed with the raised bars has no port_scan rule alert', async () => {
    await app.window.open('Analyse PCAPs');
    await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
    await expect(app.page.getByRole('heading', { level: 2, name: 'demo.pcap' })).toBeVisible();
    await expect(app.page.getByTestId('summary-alerts')).toBeVisible();
    await app.window.open('View Alerts');
    await expect(ruleRows('brute_force')).toHaveCount(1);
    await expect(ruleRows('dns_tunnel')).toHaveCount(1);
    await expect(ruleRows('port_scan')).toHaveCount(0);
  });

  await test.step('the values stay after a reload, and a reset puts one back', async () => {
    await app.window.reload();
    await app.window.open('Settings');
    await expect(await thresholds.field('port_scan.slowPorts')).toHaveValue('2000');
    await thresholds.reset('port_scan.fastPorts');
    await expect(await thresholds.field('port_scan.fastPorts')).toHaveValue('20');
  });

  await test.step('analysed again, the demo capture shows its port scan', async () => {
    await app.window.open('Analyse PCAPs');
    await app.window.analyse().openByPath(DEMO);
    await expect(app.window.analyse().pastAnalyses.getByRole('link', { name: 'demo.pcap' })).toHaveCount(2);
    await expect(app.page.getByTestId('summary-alerts')).toBeVisible();
    await app.window.open('View Alerts');
    await expect(ruleRows('port_scan')).toHaveCount(1);
  });
  expect(app.errors).toEqual([]);
});
