import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ETHERNET_IPV4, ICMP_ECHO_REQUEST, IPV4_ICMP } from '../main/engine/decode/fixtures';
import { hex } from '../main/engine/decode/hex';
import { writePcapng } from '../main/engine/sources/write-pcapng';
import { expect, test } from './support/app-fixture';

// Written when the spec loads: the app is started with it, as a double-clicked file.
const folder = mkdtempSync(join(tmpdir(), 'wirewatch-open-'));
const capture = join(folder, 'double-clicked.pcapng');
writeFileSync(
  capture,
  writePcapng(
    Array.from({ length: 7 }, (_item, index) => ({
      seconds: 1_700_000_000 + index,
      nanos: 0,
      bytes: hex(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST),
    })),
  ),
);

test.use({ openAtStart: [capture] });

test('should analyse a capture file the desktop opened the app with', async ({ app }) => {
  const analyse = app.window.analyse();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Analyse PCAPs' })).toBeVisible();
  await expect(analyse.summaryValue('summary-packets')).toHaveText('7');
  await expect(app.page.getByRole('heading', { level: 2, name: 'double-clicked.pcapng' })).toBeVisible();
  // Handed over once: a reload does not analyse it again.
  await app.window.reload();
  await app.window.open('Analyse PCAPs');
  await expect(analyse.pastAnalyses.getByRole('listitem')).toHaveCount(1);
});
