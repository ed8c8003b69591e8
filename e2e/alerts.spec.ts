// View Alerts end to end: the demo capture's real alerts through the browser host into IndexedDB,
// searched, opened, exported, their packets saved (and checked with the engine's reader), one kind
// suppressed for good, and everything still there after a reload.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packet, decodeFrame } from '../main/engine/decode';
import { ipv4ToString } from '../main/engine/decode/address-format';
import { openCapture } from '../main/engine/sources/open-capture';
import { AlertsPage } from './pages/alerts-page';
import { expect, test } from './support/app-fixture';

/** Each packet of a capture as its addresses and ports. */
async function packetsOf(path: string): Promise<{ src: string; dst: string; ports: number[] }[]> {
  const source = await openCapture(path);
  const packet = new Packet();
  const out = [];
  for await (const batch of source.batches()) {
    for (let i = 0; i < batch.count; i++) {
      decodeFrame(batch.data, batch.offsets[i] ?? 0, batch.caplens[i] ?? 0, batch.linktypes[i] ?? 0, packet);
      out.push({
        src: ipv4ToString(packet.src[0] ?? 0),
        dst: ipv4ToString(packet.dst[0] ?? 0),
        ports: [packet.srcPort, packet.dstPort],
      });
    }
  }
  return out;
}

test("should search, explain, export, save packets of and suppress the demo capture's alerts", async ({ app }) => {
  const alerts = new AlertsPage(app.page);
  const folder = await mkdtemp(join(tmpdir(), 'wirewatch-e2e-evidence-'));
  try {
    await app.window.open('Analyse PCAPs');
    await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
    await expect(app.page.getByTestId('summary-alerts')).toHaveText('3');

    await app.window.open('View Alerts');
    await expect(alerts.rows).toHaveCount(3);
    await expect(app.page.getByLabel('Alerts over capture time by severity')).toBeVisible();

    await test.step('search by kind, then by CIDR', async () => {
      await alerts.searchFor({ kinds: ['brute_force'] });
      await expect(alerts.rows).toHaveCount(1);
      await expect(alerts.row('brute_force')).toHaveCount(1);
      expect(app.page.url()).toContain('kind=brute_force');
      await alerts.searchFor({ src: '10.77.0.0/24' });
      await expect(alerts.rows).toHaveCount(2);
      await expect(alerts.row('dns_tunnel')).toHaveCount(0);
      expect(decodeURIComponent(app.page.url())).toContain('src=10.77.0.0/24');
      await alerts.searchFor({ src: '192.168.0.0/16' });
      await expect(alerts.rows).toHaveCount(0);
      await alerts.clearSearch();
      await expect(alerts.rows).toHaveCount(3);
    });

    await test.step('move with the keyboard and open details with Enter', async () => {
      await alerts.table.focus();
      await app.page.keyboard.press('End');
      await app.page.keyboard.press('Enter');
      await expect(alerts.details).toBeVisible();
      await alerts.details.getByRole('button', { name: 'Close details' }).click();
      await expect(alerts.details).toHaveCount(0);
    });

    await alerts.open('brute_force');
    await expect(alerts.details).toContainText('made 10 short ssh sessions');
    await expect(alerts.evidence).toContainText('port');
    await expect(alerts.evidence).toContainText('22');
    await expect(alerts.details.getByRole('heading', { name: 'Explanation' })).toBeVisible();
    await expect(
      alerts.details.getByRole('list', { name: 'Flows behind the alert' }).getByRole('listitem'),
    ).toHaveCount(10);

    const saved = await alerts.savePackets(folder);
    expect(saved.startsWith(folder)).toBe(true);
    const packets = await packetsOf(saved);
    expect(packets.length).toBeGreaterThan(50);
    for (const packet of packets) {
      expect([packet.src, packet.dst].sort()).toEqual(['10.77.0.10', '10.77.0.66']);
      expect(packet.ports).toContain(22);
    }

    await alerts.details.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(alerts.row('brute_force')).toContainText('acknowledged');

    await test.step('export the view as CSV and JSON lines', async () => {
      const csv = await readFile(await (await alerts.export('Export CSV')).path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        'id,kind,severity,src,dst,first_seen,last_seen,score,detector,summary,evidence,source,status',
      );
      const jsonl = await readFile(await (await alerts.export('Export JSON lines')).path(), 'utf8');
      const lines = jsonl
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind: string; status: string });
      expect(lines.map((line) => line.kind).sort()).toEqual(['brute_force', 'dns_tunnel', 'port_scan']);
    });

    await alerts.open('port_scan');
    await alerts.suppressOpenAlert();
    await expect(alerts.row('port_scan')).toHaveCount(0);
    await expect(alerts.rows).toHaveCount(2);

    await test.step('analyse the capture again: the suppressed scan stays away', async () => {
      await app.window.open('Analyse PCAPs');
      await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
      await expect(app.page.getByTestId('summary-alerts')).toHaveText('3');
      await app.window.open('View Alerts');
      await expect(alerts.rows).toHaveCount(2);
      await expect(alerts.row('port_scan')).toHaveCount(0);
    });

    await app.window.reload();
    await app.window.open('View Alerts');
    await expect(alerts.rows).toHaveCount(2);
    await expect(alerts.row('brute_force')).toContainText('acknowledged');

    await test.step('the suppression is listed in Settings, and removing it brings the scan back', async () => {
      await app.window.open('Settings');
      const list = app.page.getByRole('list', { name: 'Suppressions' });
      await expect(list).toContainText('port_scan from 10.77.0.66');
      await list.getByRole('button', { name: 'Remove' }).click();
      await app.window.open('View Alerts');
      await expect(alerts.rows).toHaveCount(3);
    });
    expect(app.errors).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
