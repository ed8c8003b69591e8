// Evidence packets from the demo capture (real lab traffic with a scan, an ssh brute force and a DNS
// tunnel): the alerts come from the real pipeline, the pcap is read back with the engine's reader,
// and where tshark is installed its count under the equivalent display filter must agree.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import { Packet, decodeFrame } from '../engine/decode';
import { analyzeCapture } from '../engine/pipeline';
import type { FrameBatch } from '../engine/sources/frame-batch';
import { openCapture } from '../engine/sources/open-capture';
import { CaptureFileEvidence, type EvidenceSource } from './evidence-source';
import { collectEvidence, writeEvidence } from './evidence-writer';
import {
  ANSWER_SECONDS,
  displayFilter,
  packetAddresses,
  SelectionMatcher,
  selectionForAlert,
} from './packet-selection';

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');
const hasTshark = spawnSync('sh', ['-c', 'command -v tshark']).status === 0;

let dir = '';
let alerts: Alert[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-evidence-'));
  await analyzeCapture(DEMO, {
    detection: { origin: { type: 'file', path: DEMO }, onAlerts: (batch) => alerts.push(...batch) },
  });
  // The incident book hands on grown alerts again; keep each id's latest.
  alerts = [...new Map(alerts.map((alert) => [alert.id, alert])).values()];
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function alertOf(kind: Alert['kind']): Alert {
  const found = alerts.find((alert) => alert.kind === kind);
  if (found === undefined) throw new Error(`the demo capture raised no ${kind}`);
  return found;
}

/** Every packet of a capture, decoded, with its addresses and ports as text. */
async function readBack(
  path: string,
): Promise<{ src: string; dst: string; srcPort: number; dstPort: number; time: number }[]> {
  const source = await openCapture(path);
  const packet = new Packet();
  const rows = [];
  for await (const batch of source.batches()) {
    for (let i = 0; i < batch.count; i++) {
      decodeFrame(batch.data, batch.offsets[i] ?? 0, batch.caplens[i] ?? 0, batch.linktypes[i] ?? 0, packet);
      const time = (batch.seconds[i] ?? 0) + (batch.nanos[i] ?? 0) * 1e-9;
      rows.push({ ...packetAddresses(packet), srcPort: packet.srcPort, dstPort: packet.dstPort, time });
    }
  }
  return rows;
}

function tsharkCount(path: string, filter: string): number {
  const run = spawnSync('tshark', ['-r', path, '-Y', filter, '-T', 'fields', '-e', 'frame.number'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`tshark failed: ${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line.trim() !== '').length;
}

describe('evidence packets', () => {
  it("should write only the brute force's ssh packets between its two parties", async () => {
    const alert = alertOf('brute_force');
    const written = await writeEvidence(new CaptureFileEvidence(DEMO), selectionForAlert(alert), join(dir, 'brute'));
    expect(written.format).toBe('pcap');
    const rows = await readBack(written.path);
    expect(rows.length).toBe(written.packets);
    // Ten ssh sessions of a handshake, a banner exchange and a close each: well over 10 packets.
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect([row.src, row.dst].sort()).toEqual(['10.77.0.10', '10.77.0.66']);
      expect([row.srcPort, row.dstPort]).toContain(22);
    }
    expect(written.scanned).toBeGreaterThan(written.packets);
  });

  it("should keep the scan's probes and the target's answers within the alert's time", async () => {
    const alert = alertOf('port_scan');
    const written = await writeEvidence(new CaptureFileEvidence(DEMO), selectionForAlert(alert), join(dir, 'scan'));
    const rows = await readBack(written.path);
    // 20 SYN probes and 20 answers (RST or SYN-ACK).
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const row of rows) {
      expect([row.src, row.dst].sort()).toEqual(['10.77.0.10', '10.77.0.66']);
      expect(row.time).toBeGreaterThanOrEqual(alert.first_seen - 1e-6);
      expect(row.time).toBeLessThanOrEqual(alert.last_seen + ANSWER_SECONDS);
    }
  });

  it("should keep a tunnel's DNS packets from its clients", async () => {
    const alert = alertOf('dns_tunnel');
    const written = await writeEvidence(new CaptureFileEvidence(DEMO), selectionForAlert(alert), join(dir, 'dns'));
    const rows = await readBack(written.path);
    const clients = alert.evidence.clients as string[];
    expect(rows.length).toBeGreaterThanOrEqual(alert.evidence.queries as number);
    for (const row of rows) {
      expect([row.srcPort, row.dstPort]).toContain(53);
      expect(clients.includes(row.src) || clients.includes(row.dst)).toBe(true);
    }
  });

  // tshark starts slowly (a second or more per run): six runs get their own time limit.
  it.skipIf(!hasTshark)(
    'should write as many packets as tshark finds with the same display filter',
    async () => {
      for (const kind of ['brute_force', 'port_scan', 'dns_tunnel'] as const) {
        const selection = selectionForAlert(alertOf(kind));
        const written = await writeEvidence(new CaptureFileEvidence(DEMO), selection, join(dir, `tshark-${kind}`));
        expect(written.packets, kind).toBe(tsharkCount(DEMO, displayFilter(selection)));
        expect(tsharkCount(written.path, 'frame'), kind).toBe(written.packets);
      }
    },
    60_000,
  );

  it('should stop at the packet limit and say so', async () => {
    const selection = selectionForAlert(alertOf('brute_force'));
    const kept = await collectEvidence(new CaptureFileEvidence(DEMO), selection, { maxPackets: 5, maxBytes: 1e9 });
    expect(kept.frames).toHaveLength(5);
    expect(kept.truncated).toBe(true);
  });

  it("should read from any evidence source, as a live capture's packet ring would offer it", async () => {
    const file = await openCapture(DEMO);
    const batches: FrameBatch[] = [];
    for await (const batch of file.batches()) batches.push(batch);
    const ring: EvidenceSource = {
      description: 'a ring of the demo packets',
      frames: () => batches,
    };
    const selection = selectionForAlert(alertOf('brute_force'));
    const fromRing = await collectEvidence(ring, selection);
    const fromFile = await collectEvidence(new CaptureFileEvidence(DEMO), selection);
    expect(fromRing.frames.length).toBe(fromFile.frames.length);
    const matcher = new SelectionMatcher(selection);
    expect(matcher.selection).toBe(selection);
  });
});
