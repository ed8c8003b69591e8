/**
 * Live Capture through the real window: two namespaces joined by a veth (support/netns.ts), the
 * browser host's capture helper started inside one of them (WIREWATCH_CAPTURE_LAUNCHER), and real
 * attacks from the other, an nmap SYN scan and an hping3 SYN flood. The alerts must show in the
 * live feed and in View Alerts while the capture runs. Needs root, nmap and hping3.
 */
import { createNetnsPair, netnsUnavailable, type NetnsPair } from './support/netns';
import { expect, test } from './support/app-fixture';

const unavailable = netnsUnavailable(['nmap', 'hping3']);

test.describe('Live Capture', () => {
  test.skip(unavailable !== null, unavailable ?? '');
  let net: NetnsPair;

  test.beforeAll(async () => {
    net = await createNetnsPair('ui', 52);
    // The fixture's host inherits this: its capture helper runs inside the victim's namespace.
    process.env.WIREWATCH_CAPTURE_LAUNCHER = `ip netns exec ${net.a.ns}`;
  });

  test.afterAll(async () => {
    delete process.env.WIREWATCH_CAPTURE_LAUNCHER;
    await net.remove();
  });

  test('should refuse a filter libpcap cannot compile, showing its error', async ({ app }) => {
    const capture = app.window.capture();
    await app.window.open('Live Capture');
    // Listed through the capture helper inside the namespace: the veth is there, not the host's.
    await expect(capture.interfacePicker).toContainText(net.a.device);
    await capture.interfacePicker.selectOption(net.a.device);
    await capture.form.getByLabel('Capture filter').fill('tcp port');
    await capture.form.getByRole('button', { name: 'Start capture' }).click();
    await expect(capture.problem).toContainText('syntax error');
    await expect(capture.status).toHaveCount(0);
  });

  test('should show alerts for a real nmap scan and hping3 flood within seconds of the attack', async ({ app }) => {
    test.setTimeout(90_000);
    const capture = app.window.capture();
    await app.window.open('Live Capture');
    await expect(capture.interfacePicker).toContainText(net.a.device);
    await capture.start(net.a.device);

    await test.step('scan and flood from the other namespace', async () => {
      await net.exec(net.b, ['nmap', '-n', '-Pn', '-sS', '-p', '1-200', '--max-retries', '0', '-T4', net.a.address]);
      await net.exec(net.b, ['hping3', '-q', '-S', '-p', '80', '-i', 'u100', '-c', '5000', net.a.address]);
    });
    await expect(capture.liveAlerts).toContainText('port_scan', { timeout: 5_000 });
    await expect(capture.liveAlerts).toContainText('syn_flood', { timeout: 5_000 });
    await expect(capture.counter('Packets seen')).not.toHaveText('0');
    await expect(capture.counter('Dropped by Wirewatch')).toHaveText('0');
    await expect(app.page.getByLabel('Live traffic rate')).toBeVisible();

    const alerts = app.window.alerts();
    await app.window.open('View Alerts');
    await expect(alerts.row('port_scan')).toHaveCount(1);
    await expect(alerts.row('syn_flood')).toHaveCount(1);

    await app.window.open('Live Capture');
    await capture.stop();
    expect(app.errors).toEqual([]);
  });
});
