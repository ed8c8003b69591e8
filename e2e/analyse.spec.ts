import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePcap } from '../main/engine/sources/write-pcap';
import { ETHERNET_IPV4, IPV4_TCP_SYN, TCP_SYN } from '../main/engine/decode/fixtures';
import { hex } from '../main/engine/decode/hex';
import { writeDnsCapture } from './support/capture-files';
import { expect, test } from './support/app-fixture';

test.describe('Analyse PCAPs', () => {
  test('should analyse a dropped capture and show its summary, charts and flows', async ({ app }, testInfo) => {
    const path = join(testInfo.outputPath(), 'dropped.pcap');
    await writeFile(
      path,
      writePcap(
        Array.from({ length: 50 }, (_item, index) => ({
          seconds: 1_700_000_000 + index,
          nanos: 0,
          bytes: hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN),
        })),
      ),
    );
    const analyse = app.window.analyse();
    await app.window.open('Analyse PCAPs');
    await analyse.drop(path);
    await expect(analyse.summaryValue('summary-packets')).toHaveText('50');
    await expect(analyse.summaryValue('summary-flows')).toHaveText('1');
    await expect(app.page.getByLabel('Traffic over capture time')).toBeVisible();
    await expect(app.page.getByLabel('Protocol mix')).toBeVisible();
    await expect(analyse.flows.getByRole('cell', { name: '192.168.0.199', exact: true })).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test('should show progress on a large capture, then keep the analysis across a reload', async ({ app }, testInfo) => {
    test.setTimeout(120_000);
    const path = join(testInfo.outputPath(), 'large.pcap');
    const packets = 2_500_000;
    await writeDnsCapture(path, packets, 3000);
    const analyse = app.window.analyse();
    await app.window.open('Analyse PCAPs');
    await analyse.pick(path);
    await expect(analyse.progress).toBeVisible({ timeout: 60_000 });
    await expect(analyse.progress.getByTestId('progress-packets')).toHaveText(/[\d,]+ packets/);
    await expect(analyse.summaryValue('summary-packets')).toHaveText('2,500,000', { timeout: 60_000 });
    await expect(analyse.summaryValue('summary-flows')).toHaveText('3,000');
    await expect(analyse.flowCount).toHaveText('3,000 of 3,000 flows');

    await test.step('filter and sort the flows', async () => {
      await analyse.flowFilter.fill('port:1024');
      await expect(analyse.flowCount).toHaveText('1 of 3,000 flows');
      await analyse.flowFilter.fill('');
      await analyse.flows.getByRole('button', { name: 'Src port' }).click();
      await expect(analyse.flows.getByRole('columnheader', { name: 'Src port' })).toHaveAttribute(
        'aria-sort',
        'descending',
      );
      await expect(analyse.flows.getByRole('row').nth(1)).toContainText('4023');
    });

    await app.window.reload();
    await app.window.open('View Alerts');
    await app.window.open('Analyse PCAPs');
    await expect(analyse.pastAnalyses).toContainText('large.pcap');
    await expect(analyse.pastAnalyses).toContainText('2,500,000 packets');
    await analyse.reopen('large.pcap');
    await expect(analyse.summaryValue('summary-packets')).toHaveText('2,500,000');
    await expect(analyse.flowCount).toHaveText('3,000 of 3,000 flows');

    await test.step('cancel a running analysis and keep what it read', async () => {
      await analyse.pick(path);
      await expect(analyse.progress).toBeVisible({ timeout: 60_000 });
      await analyse.progress.getByRole('button', { name: 'Cancel' }).click();
      await expect(app.page.getByRole('status').filter({ hasText: 'Cancelled after' })).toBeVisible();
      const read = Number((await analyse.summaryValue('summary-packets').innerText()).replace(/,/g, ''));
      expect(read).toBeLessThan(packets);
    });
    expect(app.errors).toEqual([]);
  });

  test('should raise an alert for a port scan in a capture and keep it in View Alerts', async ({ app }, testInfo) => {
    const path = join(testInfo.outputPath(), 'scan.pcap');
    // 40 SYNs from 192.168.0.1 to 40 ports of 192.168.0.199, 10 ms apart, none answered.
    const syn = hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN);
    const dstPortAt = 14 + 20 + 2; // Ethernet, IPv4 header, source port
    const frames = Array.from({ length: 40 }, (_item, index) => {
      const bytes = syn.slice();
      bytes[dstPortAt] = 0x10;
      bytes[dstPortAt + 1] = index;
      return { seconds: 1_700_000_000, nanos: index * 10_000_000, bytes };
    });
    await writeFile(path, writePcap(frames));
    const analyse = app.window.analyse();
    await app.window.open('Analyse PCAPs');
    await analyse.drop(path);
    await expect(app.page.getByTestId('summary-alerts')).toHaveText('1');
    await app.window.open('View Alerts');
    const row = app.page.getByRole('row').filter({ hasText: 'port_scan' });
    await expect(row).toContainText('192.168.0.1');
    await expect(row).toContainText('192.168.0.199');
    await app.window.reload();
    await expect(app.page.getByRole('row').filter({ hasText: 'port_scan' })).toHaveCount(1);
  });

  test('should say clearly why a file cannot be analysed', async ({ app }, testInfo) => {
    const path = join(testInfo.outputPath(), 'notes.pcap');
    await writeFile(path, 'these are my notes, not packets');
    const analyse = app.window.analyse();
    await app.window.open('Analyse PCAPs');
    await analyse.drop(path);
    await expect(app.page.getByRole('alert').filter({ hasText: 'This file cannot be analysed' })).toContainText(
      /notes\.pcap is not a capture file: it starts with 74 68 65 73/,
    );
  });
});
